"""Checks ``./uchaske prod`` runs before serving, and the hash helper.

``python -m uchaske_compat.prodcheck CONFIG`` exits 1 (with the reason) when
the configuration would expose the database service or the master password:
``list_db`` not ``False``, or an ``admin_passwd`` in clear text (it must be a
pbkdf2-sha512 hash; without one the launcher's generated secret is used).
``python -m uchaske_compat.prodcheck --hash`` reads a password on standard
input and prints the hash to put in ``admin_passwd``. See docs/security.md.
"""
import configparser
import sys

from .shims.admin_passwd import is_hash


def problems(path):
    """Why the configuration file ``path`` is unfit for production (a list)."""
    conf = configparser.RawConfigParser()
    if not conf.read(path):
        return ["cannot read %s" % path]
    opts = conf["options"] if conf.has_section("options") else {}
    found = []
    if str(opts.get("list_db", "True")).strip().lower() not in ("false", "0", "no"):
        found.append("list_db must be False (the database service stays closed)")
    passwd = opts.get("admin_passwd")
    if passwd is not None and not is_hash(passwd.strip()):
        found.append("admin_passwd is in clear text: replace it with the output of "
                     "'./uchaske hash-password'")
    return found


def hash_password(password):
    from passlib.context import CryptContext
    return CryptContext(schemes=["pbkdf2_sha512"]).hash(password)


def main(argv):
    if argv[:1] == ["--hash"]:
        password = sys.stdin.readline().rstrip("\n")
        if len(password) < 16:
            print("refused: use at least 16 characters", file=sys.stderr)
            return 1
        print(hash_password(password))
        return 0
    found = problems(argv[0])
    for problem in found:
        print("ERROR: %s: %s" % (argv[0], problem), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
