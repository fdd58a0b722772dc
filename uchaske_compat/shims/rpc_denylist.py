"""Security, not a Python change: internal model methods are not RPC.

Odoo 11 lets any logged-in user call every public method of every model he
may read over XML-RPC and JSON-RPC (``odoo.api.call_kw``, the function both
``odoo.service.model.execute_cr`` and the web client's ``/web/dataset/call_kw``
run). A few of them are meant for the server's own code and hand the caller
far more than his rights:

* ``mail.template.render_template`` renders the caller's own template text in
  Jinja's sandbox, whose ``object`` reaches ``sudo()`` and ``env.cr``: reading
  and writing any record, raw SQL (the class of CVE-2020-29396 and the Jinja2
  2.11 sandbox escapes); ``mail.compose.message.render_template`` and
  ``render_message`` do the same;
* ``message_process``, ``message_route``, ``message_route_process``,
  ``message_new`` and ``message_update`` of every ``mail.thread`` model
  process a raw e-mail as if the mail gateway had received it
  (CVE-2018-15645): a message posted in anybody's name on any record.

This shim refuses those calls over RPC for everyone but the superuser (the
administrator in Odoo 11); the server's own code calls them directly, not
through ``call_kw``, and is not affected. The refusal is an AccessError with
a short message. See docs/security.md.
"""
import importlib

#: (model, method) pairs refused over RPC; model "*" means every model
DENIED = (
    ("mail.template", "render_template"),
    ("mail.compose.message", "render_template"),
    ("mail.compose.message", "render_message"),
    ("*", "message_process"),
    ("*", "message_route"),
    ("*", "message_route_process"),
    ("*", "message_new"),
    ("*", "message_update"),
)

MESSAGE = "%(method)s is not available over RPC."


def is_denied(model_name, method):
    """True if ``method`` of ``model_name`` is refused over RPC (pure)."""
    return any(method == name and model in ("*", model_name)
               for model, name in DENIED)


def apply():
    api = importlib.import_module("odoo.api")
    if getattr(api.call_kw, "_uchaske_denylist", False):
        return
    exceptions = importlib.import_module("odoo.exceptions")
    original_call_kw = api.call_kw

    def call_kw(model, name, args, kwargs):
        if is_denied(model._name, name) and model.env.uid != api.SUPERUSER_ID:
            raise exceptions.AccessError(MESSAGE % {"method": name})
        return original_call_kw(model, name, args, kwargs)

    call_kw._uchaske_denylist = True
    api.call_kw = call_kw
