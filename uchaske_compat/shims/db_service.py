"""Security, not a Python change: the database service is closed when
``list_db`` is off.

Odoo 11 answers ``db.db_exist``, ``db.list_lang`` and ``db.list`` without a
password (``db_exist`` tells which database names exist), and every other
method of the ``db`` service (``list_countries``, ``create_database``,
``drop``, ``dump``, ...) checks the master password first: an unauthenticated,
unthrottled oracle for it. ``/web/database/backup`` and ``/restore`` and the
RPC method ``res.users.check_super`` check it too.

With ``list_db = False`` (our odoo.conf and production) this shim makes
:func:`odoo.service.db.dispatch` refuse every method except
``server_version`` and makes ``configmanager.verify_admin_password`` refuse
every password, so no HTTP path accepts the master password at all. Database
administration is done on the server itself (``./uchaske`` and ``psql``).
With ``list_db = True`` (a local database manager) Odoo's behaviour is kept.
See docs/security.md.
"""
#: db service methods still answered when list_db is off
ALLOWED_WITHOUT_LIST_DB = ("server_version",)


def _closed():
    import odoo
    return not odoo.tools.config["list_db"]


def apply():
    import importlib

    import odoo.exceptions
    import odoo.service.db as db
    # (odoo.tools.config is also the name of the configuration object)
    config_module = importlib.import_module("odoo.tools.config")

    if getattr(db.dispatch, "_uchaske_shim", False):
        return
    original_dispatch = db.dispatch
    original_verify = config_module.configmanager.verify_admin_password

    def dispatch(method, params):
        if _closed() and method not in ALLOWED_WITHOUT_LIST_DB:
            raise odoo.exceptions.AccessDenied()
        return original_dispatch(method, params)

    def verify_admin_password(self, password):
        if not self["list_db"]:
            return False
        return original_verify(self, password)

    dispatch._uchaske_shim = True
    db.dispatch = dispatch
    config_module.configmanager.verify_admin_password = verify_admin_password
