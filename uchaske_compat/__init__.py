"""Compatibility layer: run Odoo 11.0 (written for Python 3.5-3.7) on Python 3.11.

Each module in :mod:`uchaske_compat.shims` closes exactly one gap between the
Python (or third-party library) Odoo 11 was written for and what this machine
runs. Every shim is idempotent and has its own unit test in ``tests/compat``.

Call :func:`apply_all` before ``import odoo`` (the launcher and the pytest
``conftest.py`` both do). Shims that touch Odoo modules import them lazily.
"""
import importlib

#: Order matters: shims that must run before anything imports the stdlib
#: module they replace come first; Odoo-level shims come last.
SHIM_NAMES = (
    "collections_abc",
    "inspect_argspec",
    "elementtree_getchildren",
    "base64_encodestring",
    "thread_isalive",
    "yaml_default_loader",
    "ast_compile",
    "safe_eval_opcodes",
    "setrlimit_int",
    # library: Shapely 2 (OCA base_geoengine, addons/uchaske_geo)
    "shapely_asshape",
    "addons_path",
    "rpc_errors",
    "listen_backlog",
    # PostgreSQL: partitioned tables (the R15 journal, issue 14)
    "partitioned_tables",
    # security (docs/security.md)
    "sandbox_modules",
    "db_service",
    "admin_passwd",
    "rpc_denylist",
)

_applied = []


def get_shim(name):
    return importlib.import_module("uchaske_compat.shims.%s" % name)


def apply_all():
    """Apply every shim once; return the names applied in this call."""
    done = []
    for name in SHIM_NAMES:
        if name in _applied:
            continue
        get_shim(name).apply()
        _applied.append(name)
        done.append(name)
    return done
