"""Shim listen_backlog: the prefork server listens with a backlog that holds
every user waiting for a worker (issue 14, "Under load")."""
import os
import socket

import odoo
from odoo.service import server

from uchaske_compat.shims import listen_backlog


def test_backlog_from_config_never_below_odoos_own():
    assert listen_backlog.backlog({}, 2) == listen_backlog.DEFAULT_BACKLOG
    assert listen_backlog.backlog({"listen_backlog": "256"}, 2) == 256
    # Odoo's own 8 x workers stays the floor
    assert listen_backlog.backlog({"listen_backlog": "16"}, 4) == 32
    assert listen_backlog.backlog({"listen_backlog": "many"}, 2) == 1024


def test_prefork_start_listens_with_the_configured_backlog(monkeypatch):
    """PreforkServer.start as patched re-listens with the shim's backlog
    (Odoo 11 alone: 8 x workers = 16 for ./uchaske prod)."""
    calls = []

    class Recorder(socket.socket):
        def listen(self, *args):
            calls.append(args)
            return super().listen(*args)

    monkeypatch.setattr(server.socket, "socket", Recorder)
    monkeypatch.setitem(odoo.tools.config.options, "listen_backlog", "512")
    monkeypatch.setitem(odoo.tools.config.options, "http_interface", "127.0.0.1")
    monkeypatch.setitem(odoo.tools.config.options, "http_port", 0)
    monkeypatch.setitem(odoo.tools.config.options, "workers", 2)
    monkeypatch.setattr(server.signal, "signal", lambda *args: None)
    prefork = server.PreforkServer(None)
    try:
        prefork.start()
        assert calls == [(16,), (512,)]
        assert server.PreforkServer.start._uchaske_shim
    finally:
        if getattr(prefork, "socket", None) is not None:
            prefork.socket.close()
        for fd in getattr(prefork, "pipe", ()):
            os.close(fd)
