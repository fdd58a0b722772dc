"""Python 3.9 removed ``threading.Thread.isAlive``.

``odoo.service.server`` waits for cron/HTTP threads with ``thread.isAlive()``
on shutdown; restored as the alias of ``is_alive`` it was.
"""
import threading


def apply():
    if not hasattr(threading.Thread, "isAlive"):
        threading.Thread.isAlive = threading.Thread.is_alive
