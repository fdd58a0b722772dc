"""Security, not a Python change: the master password is never in git and
never in clear in memory.

Odoo 11 reads ``admin_passwd`` from the configuration file and defaults to
``admin`` when it is missing. Our committed ``odoo.conf`` carries none: the
launcher generates a random secret once per checkout in
``var/secrets/admin_passwd`` (mode 0600, outside git) and exports its path as
``UCHASKE_ADMIN_PASSWD_FILE``. After Odoo parses its configuration, this shim

- replaces a missing ``admin_passwd`` (Odoo's default ``admin``) with the
  pbkdf2-sha512 hash of that secret;
- replaces a clear-text ``admin_passwd`` with its hash (a production config
  should hold the hash itself: ``./uchaske hash-password``; the production
  start refuses a clear one, see ``uchaske_compat.prodcheck``).

Odoo 11 already verifies hashed values (``tools.config.crypt_context``,
pbkdf2_sha512). See docs/security.md.
"""
import os

ENV_FILE = "UCHASKE_ADMIN_PASSWD_FILE"
ODOO_DEFAULT = "admin"


def is_hash(value):
    return bool(value) and value.startswith("$pbkdf2-sha512$")


def read_secret(path):
    with open(path) as handle:
        return handle.read().strip()


def ensure_secret(path):
    """Create ``path`` with a random secret unless it exists; return it."""
    import secrets
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return read_secret(path)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(32) + "\n")
    return read_secret(path)


def effective_admin_passwd(value, secret_file=None):
    """What ``admin_passwd`` becomes: always a pbkdf2-sha512 hash (or empty,
    which Odoo reads as "no master password")."""
    from odoo.tools.config import crypt_context
    if is_hash(value):
        return value
    if value in (None, "", ODOO_DEFAULT) or value is False:
        if not secret_file or not os.path.exists(secret_file):
            return ""  # no secret: the master password is refused
        value = read_secret(secret_file)
    return crypt_context.hash(value)


def apply():
    import importlib
    # (odoo.tools.config is also the name of the configuration object)
    config_module = importlib.import_module("odoo.tools.config")

    manager = config_module.configmanager
    original = manager._parse_config
    if getattr(original, "_uchaske_shim", False):
        return

    def _parse_config(self, args=None):
        result = original(self, args)
        self.options["admin_passwd"] = effective_admin_passwd(
            self.options.get("admin_passwd"), os.environ.get(ENV_FILE))
        return result

    _parse_config._uchaske_shim = True
    manager._parse_config = _parse_config
