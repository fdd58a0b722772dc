"""Python 3.9 removed ``base64.encodestring``/``decodestring``.

Odoo 11 stores attachments with them (``ir.actions.report``, ``ir.ui.menu``
icons, web uploads). They were deprecated aliases of ``encodebytes`` /
``decodebytes`` and are restored as such.
"""
import base64


def apply():
    if not hasattr(base64, "encodestring"):
        base64.encodestring = base64.encodebytes
    if not hasattr(base64, "decodestring"):
        base64.decodestring = base64.decodebytes
