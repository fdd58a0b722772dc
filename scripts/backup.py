"""Backup and restore of one Uchaske database with its filestore (issue 15).

    backup.py backup [DB] [--dir DIR] [--config FILE]
    backup.py restore ARCHIVE --as NEWDB [--replace] [--config FILE]

An archive is one uncompressed tar (its big members are compressed already):

    database.dump         pg_dump custom format, taken in an exported snapshot
    filestore/<path>      the database's attachments (Odoo data_dir/filestore/DB)
    manifest.json         last member: versions, commit, row counts per table
                          and per model (same snapshot as the dump), and the
                          sha256 and size of every other member

The backup never stops the server: pg_dump reads a consistent snapshot of a
live database; the filestore is copied after the dump (files written in the
meantime are orphans Odoo's garbage collector removes later; a file the dump
references must be there).

A restore reads and checks the whole archive (every member listed with its
checksum, nothing else in it) before it creates anything, restores into a
temporary database and a staging directory, compares the row counts and the
referenced files, and only then gives both their final name. Any failure
drops the temporary database and removes the staging copy: nothing is left
half restored. An existing database is replaced only with ``--replace``.

The functions at the top are pure (no database) and unit-tested in
tests/backup/test_backup_core.py.
"""
import argparse
import configparser
import datetime
import hashlib
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMAT = "uchaske-backup/1"
MANIFEST = "manifest.json"
DUMP = "database.dump"
FILESTORE = "filestore/"
CHUNK = 1 << 20
#: Odoo's own rule for database names (odoo/service/db.py)
DB_NAME_RE = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
TMP_SUFFIX = "__restoring"


class BackupError(Exception):
    """A refusal with a one-line message for the operator."""


# -- pure functions ----------------------------------------------------------

def archive_name(db, now):
    """``<db>-<UTC timestamp>.tar`` for ``now`` (an aware datetime)."""
    stamp = now.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return "%s-%s.tar" % (db, stamp)


def check_db_name(name):
    """Raise unless ``name`` is a database name Odoo accepts and a temporary
    name (``name`` + ``__restoring``) still fits PostgreSQL's 63 bytes."""
    if not name or not DB_NAME_RE.match(name):
        raise BackupError("invalid database name %r (letters, digits, _ . -)" % name)
    if len((name + TMP_SUFFIX).encode()) > 63:
        raise BackupError("database name %r is too long" % name)


def safe_member(name):
    """True if ``name`` may be extracted: the dump, the manifest, or a
    relative path under filestore/ without ``..`` or empty parts."""
    if name in (DUMP, MANIFEST):
        return True
    if not name.startswith(FILESTORE) or "\\" in name:
        return False
    parts = name[len(FILESTORE):].split("/")
    return all(part not in ("", ".", "..") for part in parts)


def model_tables(models, tables):
    """{model: table} for the models stored in one of ``tables`` (Odoo's
    default table name: dots become underscores)."""
    result = {}
    for model in models:
        table = model.replace(".", "_")
        if table in tables:
            result[model] = table
    return dict(sorted(result.items()))


def build_manifest(db, created_at, modules, counts, models, members,
                   filestore, git_commit, odoo_version, pg_version):
    """The manifest as a dict (``json.dumps`` of it is the archive's last
    member). ``members`` is {name: {"sha256", "size"}}."""
    return {
        "format": FORMAT,
        "database": db,
        "created_at": created_at.astimezone(datetime.timezone.utc).isoformat(),
        "host": socket.gethostname(),
        "odoo_version": odoo_version,
        "postgresql_version": pg_version,
        "git_commit": git_commit,
        "modules": dict(sorted(modules.items())),
        "row_counts": dict(sorted(counts.items())),
        "models": models,
        "filestore": filestore,
        "members": dict(sorted(members.items())),
    }


def parse_manifest(raw):
    """The manifest dict from the member's bytes, or a BackupError."""
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupError("the manifest is not valid JSON: archive tampered with")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("not an Uchaske backup (manifest format %r)"
                          % (manifest.get("format") if isinstance(manifest, dict)
                             else None))
    members = manifest.get("members")
    if (not isinstance(members, dict) or DUMP not in members
            or not isinstance(manifest.get("row_counts"), dict)):
        raise BackupError("the manifest is incomplete: archive tampered with")
    for name in members:
        if not safe_member(name) or name == MANIFEST:
            raise BackupError("the manifest lists an unsafe member %r" % name)
    return manifest


def member_problem(name, expected, sha256, size):
    """Why the member ``name`` read with ``sha256``/``size`` does not match
    ``expected`` (its manifest entry, None if unlisted), or None."""
    if expected is None:
        return "member %s is not in the manifest: archive tampered with" % name
    if size != expected.get("size"):
        return "member %s has %d bytes, the manifest says %s: archive truncated " \
               "or tampered with" % (name, size, expected.get("size"))
    if sha256 != expected.get("sha256"):
        return "member %s fails its sha256 checksum: archive tampered with" % name
    return None


def missing_members(manifest, seen):
    """Manifest members absent from the archive (sorted)."""
    return sorted(set(manifest["members"]) - set(seen))


def count_problems(expected, actual):
    """Differences between two {table: rows} maps, as short strings."""
    problems = []
    for table in sorted(set(expected) | set(actual)):
        want, got = expected.get(table), actual.get(table)
        if want != got:
            problems.append("%s: %s rows in the manifest, %s restored"
                            % (table, want, got))
    return problems


# -- the archive (files only, no database) -----------------------------------

class _HashingReader(io.RawIOBase):
    """Reads ``fileobj`` and hashes what it gives out."""

    def __init__(self, fileobj):
        super().__init__()
        self.fileobj, self.sha, self.size = fileobj, hashlib.sha256(), 0

    def readable(self):
        return True

    def read(self, size=-1):
        data = self.fileobj.read(size)
        self.sha.update(data)
        self.size += len(data)
        return data


def _add_file(tar, name, path):
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o600
    with open(path, "rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    if reader.size != info.size:
        raise BackupError("%s changed size while it was archived" % path)
    return {"sha256": reader.sha.hexdigest(), "size": reader.size}


def filestore_files(directory):
    """Relative paths ('ab/abcdef…') of the files under ``directory``."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(str(path.relative_to(directory)).replace(os.sep, "/")
                  for path in directory.rglob("*") if path.is_file())


def write_archive(path, dump_path, filestore_dir, manifest_for):
    """Write the archive at ``path`` (through ``path.part``, renamed at the
    end); ``manifest_for(members)`` returns the manifest for the member
    checksums. Returns the manifest."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        fd = os.open(str(part), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, tarfile.open(
                fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
            members = {DUMP: _add_file(tar, DUMP, dump_path)}
            for rel in filestore_files(filestore_dir):
                members[FILESTORE + rel] = _add_file(
                    tar, FILESTORE + rel, Path(filestore_dir) / rel)
            manifest = manifest_for(members)
            raw = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(raw), 0o600, int(time.time())
            tar.addfile(info, io.BytesIO(raw))
            out.flush()
            os.fsync(out.fileno())
        os.replace(str(part), str(path))
    except BaseException:
        if part.exists():
            part.unlink()
        raise
    return manifest


def extract_archive(path, staging):
    """Check every member of the archive at ``path`` against its manifest
    while extracting it into ``staging`` (database.dump, filestore/...).
    Returns the manifest; raises BackupError at the first problem."""
    staging = Path(staging)
    try:
        with tarfile.open(str(path), mode="r:") as tar:
            try:
                info = tar.getmember(MANIFEST)
            except KeyError:
                raise BackupError("%s has no manifest: archive truncated or not "
                                  "an Uchaske backup" % path)
            manifest = parse_manifest(tar.extractfile(info).read())
            seen = set()
            for info in tar:
                if info.name == MANIFEST:
                    continue
                if info.name in seen:
                    raise BackupError("member %s appears twice: archive tampered "
                                      "with" % info.name)
                if not info.isfile() or not safe_member(info.name):
                    raise BackupError("unexpected member %r: archive tampered with"
                                      % info.name)
                target = staging / info.name
                target.parent.mkdir(parents=True, exist_ok=True)
                sha, size = hashlib.sha256(), 0
                source = tar.extractfile(info)
                with open(target, "wb") as out:
                    for chunk in iter(lambda: source.read(CHUNK), b""):
                        sha.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                problem = member_problem(info.name, manifest["members"].get(info.name),
                                         sha.hexdigest(), size)
                if problem:
                    raise BackupError(problem)
                seen.add(info.name)
    except (tarfile.TarError, EOFError) as exc:
        raise BackupError("%s cannot be read (%s): archive truncated or damaged"
                          % (path, exc))
    missing = missing_members(manifest, seen)
    if missing:
        kind = "filestore file" if missing[0].startswith(FILESTORE) else "member"
        raise BackupError("%s: %d listed member(s) missing (%s %s): archive "
                          "incomplete" % (path, len(missing), kind, missing[0]))
    return manifest


# -- configuration and PostgreSQL ---------------------------------------------

def read_config(path):
    """Connection settings and data_dir of an Odoo configuration file."""
    conf = configparser.ConfigParser()
    if not conf.read(str(path)):
        raise BackupError("cannot read the configuration %s" % path)
    opts = conf["options"]

    def opt(key):
        value = opts.get(key, "").strip()
        return None if value in ("", "False") else value

    data_dir = opt("data_dir") or os.path.expanduser("~/.local/share/Odoo")
    return {
        "host": opt("db_host") or os.environ.get("PGHOST") or str(ROOT / ".pgrun"),
        "port": opt("db_port") or os.environ.get("PGPORT") or "5432",
        "user": opt("db_user") or os.environ.get("PGUSER"),
        "password": opt("db_password") or os.environ.get("PGPASSWORD"),
        "data_dir": (ROOT / data_dir).resolve(),  # relative: to the checkout
        "db_name": opt("db_name"),
        # the template Odoo makes its databases from (its db_template)
        "db_template": opt("db_template") or "template1",
    }


def pg_bin(tool):
    for base in (os.environ.get("UCHASKE_PGBIN"), "/usr/lib/postgresql/15/bin"):
        if base and (Path(base) / tool).exists():
            return str(Path(base) / tool)
    found = shutil.which(tool)
    if not found:
        raise BackupError("%s not found (install PostgreSQL client 15)" % tool)
    return found


def pg_env(conf):
    env = dict(os.environ, PGHOST=conf["host"], PGPORT=str(conf["port"]))
    if conf["user"]:
        env["PGUSER"] = conf["user"]
    if conf["password"]:
        env["PGPASSWORD"] = conf["password"]
    return env


def connect(conf, db):
    import psycopg2

    try:
        return psycopg2.connect(dbname=db, host=conf["host"], port=conf["port"],
                                user=conf["user"], password=conf["password"])
    except psycopg2.OperationalError as exc:
        raise BackupError("cannot connect to database %s: %s"
                          % (db, str(exc).strip().splitlines()[0]))


def db_exists(conf, db):
    cnx = connect(conf, "postgres")
    try:
        with cnx.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,))
            return bool(cr.fetchone())
    finally:
        cnx.close()


def admin_sql(conf, statement, *names):
    """Run a CREATE/DROP/ALTER DATABASE with quoted ``names``."""
    from psycopg2 import sql

    cnx = connect(conf, "postgres")
    cnx.autocommit = True
    try:
        with cnx.cursor() as cr:
            cr.execute(sql.SQL(statement).format(*map(sql.Identifier, names)))
    finally:
        cnx.close()


#: a dump's table of contents: an extension, its comment, a table's data
TOC_EXTENSION = re.compile(r"^\d+; \d+ \d+ (?:EXTENSION -|COMMENT - EXTENSION) (\S+)")
TOC_DATA = re.compile(r"^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) ")


def template_extensions(conf, db):
    """(extension names, {(schema, table)} of their configuration tables)
    that ``db`` has (from its template)."""
    cnx = connect(conf, db)
    try:
        with cnx.cursor() as cr:
            cr.execute("SELECT extname FROM pg_extension")
            present = {row[0] for row in cr.fetchall()}
            cr.execute("SELECT n.nspname, c.relname FROM pg_extension e, "
                       "unnest(e.extconfig) AS t(oid) JOIN pg_class c ON c.oid = t.oid "
                       "JOIN pg_namespace n ON n.oid = c.relnamespace")
            config_tables = set(cr.fetchall())
    finally:
        cnx.close()
    return present, config_tables


def restore_list(conf, db, dump):
    """The dump's table of contents without what ``db`` already has from
    its template: the extensions (creating or commenting them needs their
    owner, the superuser) and their configuration tables' rows (PostGIS's
    spatial_ref_sys: only rows a user added are dumped, and Uchaske adds
    none)."""
    present, config_tables = template_extensions(conf, db)
    listing = subprocess.run([pg_bin("pg_restore"), "--list", str(dump)],
                             env=pg_env(conf), capture_output=True, text=True)
    if listing.returncode:
        raise BackupError("pg_restore --list failed: %s" % (
            listing.stderr.strip().splitlines() or ["?"])[-1])
    kept = []
    for line in listing.stdout.splitlines():
        extension = TOC_EXTENSION.match(line)
        data = TOC_DATA.match(line)
        if extension and extension.group(1) in present:
            continue
        if data and (data.group(1), data.group(2)) in config_tables:
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"


def read_state(cr):
    """Row counts per table, models, installed modules and the attachment
    files the database references, as seen by the cursor's transaction."""
    from psycopg2 import sql

    cr.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
               "ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
               "AND c.relkind IN ('r', 'p') ORDER BY 1")
    tables = [row[0] for row in cr.fetchall()]
    counts = {}
    for table in tables:
        cr.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cr.fetchone()[0]
    cr.execute("SELECT model FROM ir_model")
    models = model_tables([row[0] for row in cr.fetchall()], counts)
    cr.execute("SELECT name, latest_version FROM ir_module_module "
               "WHERE state = 'installed'")
    modules = dict(cr.fetchall())
    cr.execute("SELECT DISTINCT store_fname FROM ir_attachment "
               "WHERE store_fname IS NOT NULL")
    referenced = sorted(row[0] for row in cr.fetchall())
    return counts, models, modules, referenced


def git_commit():
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=True).stdout
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain",
                                "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return head.strip() + ("-dirty" if dirty.strip() else "")


def odoo_version():
    """odoo.release.version without importing odoo (release.py is plain)."""
    import importlib.util
    import runpy

    spec = importlib.util.find_spec("odoo")
    if not spec or not spec.submodule_search_locations:
        return None
    release = Path(list(spec.submodule_search_locations)[0]) / "release.py"
    return runpy.run_path(str(release)).get("version") if release.exists() else None


# -- the commands -------------------------------------------------------------

def backup(conf, db, out_dir, now=None):
    """Write the archive of ``db``; returns (path, manifest, seconds)."""
    check_db_name(db)
    now = now or datetime.datetime.now(datetime.timezone.utc)
    started = time.monotonic()
    if not db_exists(conf, db):
        raise BackupError("database %s does not exist" % db)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = out_dir / archive_name(db, now)
    if path.exists():
        raise BackupError("%s exists already" % path)
    filestore_dir = Path(conf["data_dir"]) / "filestore" / db
    work = Path(out_dir) / (".%s.work" % path.name)
    work.mkdir(mode=0o700)
    cnx = connect(conf, db)
    try:
        # the counts and the dump see one snapshot: they match exactly
        cnx.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with cnx.cursor() as cr:
            cr.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, pg_version = cr.fetchone()
            counts, models, modules, referenced = read_state(cr)
            dump = work / DUMP
            result = subprocess.run(
                [pg_bin("pg_dump"), "--format=custom", "--snapshot=" + snapshot,
                 "--file=" + str(dump), db],
                env=pg_env(conf), capture_output=True, text=True)
            if result.returncode:
                raise BackupError("pg_dump failed: %s" % (
                    result.stderr.strip().splitlines() or ["?"])[-1])
        cnx.rollback()
        present = set(filestore_files(filestore_dir))
        missing = [name for name in referenced if name not in present]

        def manifest_for(members):
            files = [m for name, m in members.items() if name.startswith(FILESTORE)]
            return build_manifest(
                db, now, modules, counts, models, members,
                {"files": len(files), "bytes": sum(m["size"] for m in files),
                 "referenced": len(referenced), "referenced_missing": missing},
                git_commit(), odoo_version(), pg_version)

        manifest = write_archive(path, dump, filestore_dir, manifest_for)
    finally:
        cnx.close()
        shutil.rmtree(str(work), ignore_errors=True)
    if missing:
        print("warning: %d attachment file(s) referenced by %s were missing from "
              "its filestore (listed in the manifest)" % (len(missing), db),
              file=sys.stderr)
    return path, manifest, time.monotonic() - started


def restore(conf, archive, newdb, replace=False):
    """Restore ``archive`` as ``newdb``; returns (manifest, seconds)."""
    check_db_name(newdb)
    started = time.monotonic()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError("no archive at %s" % archive)
    exists = db_exists(conf, newdb)
    if exists and not replace:
        raise BackupError("database %s exists; restoring over it needs --replace"
                          % newdb)
    filestores = Path(conf["data_dir"]) / "filestore"
    tmpdb = newdb + TMP_SUFFIX
    staging = Path(conf["data_dir"]) / (".restore-%s-%d" % (newdb, os.getpid()))
    created = False
    try:
        staging.mkdir(parents=True, mode=0o700)
        manifest = extract_archive(archive, staging)  # checksums before
        if db_exists(conf, tmpdb):  # a restore killed before its cleanup
            admin_sql(conf, "DROP DATABASE {} WITH (FORCE)", tmpdb)
        # from Odoo's template (template1) as Odoo makes its databases: it
        # carries the extensions the superuser created (scripts/pg.sh:
        # pg_trgm, PostGIS), which our role may not create (PostGIS is not
        # "trusted")
        admin_sql(conf, "CREATE DATABASE {} ENCODING 'unicode' TEMPLATE {}",
                  tmpdb, conf.get("db_template", "template1"))
        created = True
        toc = staging / "restore.list"
        toc.write_text(restore_list(conf, tmpdb, staging / DUMP))
        result = subprocess.run(
            [pg_bin("pg_restore"), "--no-owner", "--no-acl", "--exit-on-error",
             "--single-transaction", "--use-list=" + str(toc),
             "--dbname=" + tmpdb, str(staging / DUMP)],
            env=pg_env(conf), capture_output=True, text=True)
        if result.returncode:
            raise BackupError("pg_restore failed: %s" % (
                result.stderr.strip().splitlines() or ["?"])[-1])
        cnx = connect(conf, tmpdb)
        try:
            with cnx.cursor() as cr:
                counts, _models, _modules, referenced = read_state(cr)
        finally:
            cnx.close()
        # an extension's table the template brought (PostGIS's
        # spatial_ref_sys) into a database archived before it had it
        for _schema, table in template_extensions(conf, tmpdb)[1]:
            if table not in manifest["row_counts"]:
                counts.pop(table, None)
        problems = count_problems(manifest["row_counts"], counts)  # rows after
        if problems:
            raise BackupError("row counts differ after the restore (%d tables, "
                              "first %s)" % (len(problems), problems[0]))
        restored = set(filestore_files(staging / "filestore"))
        known_missing = set(manifest.get("filestore", {}).get("referenced_missing", []))
        absent = [n for n in referenced if n not in restored and n not in known_missing]
        if absent:
            raise BackupError("%d attachment file(s) of the database are not in the "
                              "archive (first %s)" % (len(absent), absent[0]))
        # everything checked: give the database and the filestore their name
        filestores.mkdir(parents=True, exist_ok=True)
        target = filestores / newdb
        aside = staging / "replaced"
        if exists:
            admin_sql(conf, "DROP DATABASE {} WITH (FORCE)", newdb)
        admin_sql(conf, "ALTER DATABASE {} RENAME TO {}", tmpdb, newdb)
        created = False
        if target.exists():  # the replaced one, or one left by a dropped DB
            target.rename(aside)
        (staging / "filestore").mkdir(exist_ok=True)
        (staging / "filestore").rename(target)
    except BaseException:
        if created:
            import psycopg2

            try:
                admin_sql(conf, "DROP DATABASE {} WITH (FORCE)", tmpdb)
            except (BackupError, psycopg2.Error):
                pass  # the cluster is gone: nothing of ours can be left in it
        raise
    finally:
        shutil.rmtree(str(staging), ignore_errors=True)
    return manifest, time.monotonic() - started


def _size(num):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if num < 1024 or unit == "GiB":
            return "%.1f %s" % (num, unit) if unit != "B" else "%d B" % num
        num /= 1024.0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="uchaske", description=__doc__.split("\n")[0])
    parser.add_argument("--config", default=os.environ.get("UCHASKE_PROD_CONFIG")
                        or str(ROOT / "odoo.conf"))
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("backup", help="write one archive of a database")
    b.add_argument("db", nargs="?")
    b.add_argument("--dir", default=os.environ.get("UCHASKE_BACKUP_DIR")
                   or str(ROOT / "var" / "backups"))
    r = sub.add_parser("restore", help="restore an archive as a new database")
    r.add_argument("archive")
    r.add_argument("--as", dest="newdb", required=True)
    r.add_argument("--replace", action="store_true",
                   help="replace the database if it exists")
    args = parser.parse_args(argv)
    import psycopg2

    try:
        conf = read_config(args.config)
        if args.command == "backup":
            db = args.db or conf["db_name"] or "uchaske_demo"
            path, manifest, seconds = backup(conf, db, args.dir)
            print("backup of %s written to %s (%s, %d tables, %d files, %.1f s)" % (
                db, path, _size(path.stat().st_size), len(manifest["row_counts"]),
                manifest["filestore"]["files"], seconds))
        else:
            manifest, seconds = restore(conf, args.archive, args.newdb, args.replace)
            print("restored %s (backup of %s at %s) as %s: checksums and row counts "
                  "verified (%.1f s)" % (args.archive, manifest["database"],
                                         manifest["created_at"], args.newdb, seconds))
    except (BackupError, OSError, psycopg2.Error) as exc:
        message = str(exc).strip().splitlines() or [type(exc).__name__]
        print("%s: %s" % (args.command, message[0]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
