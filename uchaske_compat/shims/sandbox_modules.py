"""Security (CVE-2020-29396), made worse by the Python change: no module is
reachable from inside Odoo's two sandboxes.

Since Python 3.6 the ``datetime`` module carries ``datetime.sys``; Odoo 11
hands the whole module to the expressions it evaluates (server and automated
actions, custom computed fields, ``ir.actions`` contexts) and to the Jinja
sandbox of mail templates, so ``datetime.sys.modules['os'].system(...)``
escapes both. In Odoo 11 every internal user may call
``mail.template.render_template`` over RPC with a template text of their
own: remote code execution as the server's user (CVSS 9.9). Odoo's fix
(odoo/odoo#63712) exposes only datetime's classes.

This shim

- replaces the ``datetime`` module in every ``safe_eval`` globals/locals with
  a wrapper exposing only ``date, datetime, time, timedelta, timezone,
  tzinfo, MINYEAR, MAXYEAR`` (Odoo's own ``wrap_module``, as 11.0 already does
  for ``dateutil``);
- makes Jinja's sandbox (``SandboxedEnvironment.is_safe_attribute``) refuse
  any attribute whose value is a module, and replaces ``datetime`` in the
  environment's globals when mail templates render.

``tests/compat/test_safe_eval.py`` reproduces both escapes.
"""
import sys
import types

DATETIME_NAMES = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
                  "MINYEAR", "MAXYEAR")

_safe_datetime = None


def safe_datetime():
    """The restricted ``datetime`` (one instance)."""
    global _safe_datetime
    if _safe_datetime is None:
        import datetime
        from odoo.tools.misc import wrap_module
        _safe_datetime = wrap_module(datetime, DATETIME_NAMES)
    return _safe_datetime


def _restrict(namespace):
    import datetime
    if isinstance(namespace, dict):
        for key, value in list(namespace.items()):
            if value is datetime:
                namespace[key] = safe_datetime()
    return namespace


def apply():
    import importlib

    import jinja2.sandbox
    # (odoo.tools.safe_eval is also the name of the function in odoo.tools)
    safe_eval_module = importlib.import_module("odoo.tools.safe_eval")

    original = safe_eval_module.safe_eval
    if getattr(original, "_uchaske_sandbox_shim", False):
        return

    def safe_eval(expr, globals_dict=None, locals_dict=None, *args, **kwargs):
        _restrict(globals_dict)
        _restrict(locals_dict)
        return original(expr, globals_dict, locals_dict, *args, **kwargs)

    safe_eval.__doc__ = original.__doc__
    safe_eval._uchaske_sandbox_shim = True
    safe_eval._uchaske_original = original
    # modules imported before this shim hold the original (tools.convert as
    # ``s_eval``)
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", {})
        for name, value in list(namespace.items()):
            if value is original:
                namespace[name] = safe_eval

    sandbox = jinja2.sandbox.SandboxedEnvironment
    original_safe_attribute = sandbox.is_safe_attribute

    def is_safe_attribute(self, obj, attr, value):
        if isinstance(value, types.ModuleType):
            return False
        return original_safe_attribute(self, obj, attr, value)

    sandbox.is_safe_attribute = is_safe_attribute

    original_globals = sandbox.make_globals

    def make_globals(self, d):
        return _restrict(original_globals(self, d))

    sandbox.make_globals = make_globals
