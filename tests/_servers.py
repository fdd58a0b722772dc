"""Helpers shared by the browser and production test suites.

Start and stop real server processes (Odoo through the launcher, nginx) for a
test session: free ports, waiting for a URL to answer, process groups that are
always killed at the end. Each server runs in a session of its own (its own
process group), so stopping it also stops its workers and the longpolling
process; nothing is left running after the tests.

Both ``tests/browser/conftest.py`` and ``tests/prod/conftest.py`` import this
module (they put ``tests/`` on ``sys.path`` first).
"""
import configparser
import os
import signal
import socket
import subprocess
import xmlrpc.client
import sys
import time
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "odoo.conf"
LOG_DIR = ROOT / "var" / "logs"
ADDONS = ("uchaske_base", "uchaske_registry", "uchaske_meetings", "uchaske_geo")
DEFAULT_DB = "uchaske_test"


#: the demo officers' time zone (``res_users_demo.xml``)
USERS_TZ = "Asia/Almaty"


def users_today():
    """Today for the demo officers, in their time zone: the day the forms
    check dates against ("not in the future", "signed on the meeting's
    day"). From 19:00 UTC on it is already the next date there, so the
    machine's own date (UTC) would be yesterday's for them."""
    from datetime import datetime
    from zoneinfo import ZoneInfo
    return datetime.now(ZoneInfo(USERS_TZ)).date()


def target_db():
    """Database the server tests run against (env ``UCHASKE_TEST_DB``)."""
    return os.environ.get("UCHASKE_TEST_DB") or DEFAULT_DB


def free_port(host="127.0.0.1"):
    """A TCP port that is free on ``host`` right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def free_ports(count, host="127.0.0.1"):
    """``count`` distinct free ports (held open together so none repeats)."""
    socks = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((host, 0))
            socks.append(sock)
        return [sock.getsockname()[1] for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def database_problem(db, addons=ADDONS):
    """Why ``db`` cannot serve the tests (a message), or None if it can.

    It must exist and have the Uchaske addons installed; the connection
    settings are the ones of ``odoo.conf`` and the project-local cluster.
    """
    import psycopg2

    conf = configparser.ConfigParser()
    conf.read(CONFIG)
    opts = conf["options"]
    create = ("create it with: cd %s && .venv/bin/python -m uchaske_compat "
              "-c odoo.conf -d %s -i %s --stop-after-init --log-level=warn"
              % (ROOT, db, ",".join(addons)))
    try:
        cnx = psycopg2.connect(
            dbname=db,
            host=os.environ.get("PGHOST") or str(ROOT / ".pgrun"),
            port=os.environ.get("PGPORT") or "5432",
            user=opts.get("db_user"), password=opts.get("db_password"))
    except psycopg2.OperationalError as exc:
        return "cannot connect to database %r (%s); start PostgreSQL with " \
               "scripts/pg.sh start and %s" % (db, str(exc).strip(), create)
    try:
        with cnx.cursor() as cr:
            cr.execute("SELECT count(*) FROM ir_module_module "
                       "WHERE name IN %s AND state = 'installed'", (addons,))
            installed = cr.fetchone()[0]
    except psycopg2.Error as exc:
        return "database %r is not an Odoo database (%s); %s" % (
            db, str(exc).strip(), create)
    finally:
        cnx.close()
    if installed != len(addons):
        return "database %r lacks the Uchaske addons (%d of %d installed); %s" % (
            db, installed, len(addons), create)
    return None


class ServerProcess:
    """A server started in its own session; its output goes to ``log_path``."""

    def __init__(self, name, cmd, log_path, cwd=ROOT, env=None):
        self.name = name
        self.cmd = list(cmd)
        self.log_path = Path(log_path)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")
        self.popen = subprocess.Popen(
            self.cmd, cwd=str(cwd), env=env, stdin=subprocess.DEVNULL,
            stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True)  # own process group: killpg stops all of it

    @property
    def pid(self):
        return self.popen.pid

    def alive(self):
        return self.popen.poll() is None

    def log_text(self):
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines=40):
        return "\n".join(self.log_text().splitlines()[-lines:])

    def group_members(self):
        """Every live process of the server's process group (by pgid)."""
        members = []
        for proc in psutil.process_iter(["pid"]):
            try:
                if (os.getpgid(proc.pid) == self.pid
                        and proc.status() != psutil.STATUS_ZOMBIE):
                    members.append(proc)
            except (ProcessLookupError, psutil.Error):
                continue
        return members

    def stop(self, timeout=15):
        """SIGTERM the whole process group, SIGKILL what is left after ``timeout``."""
        left = []
        for sig, grace in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.pid, sig)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + grace
            while True:
                try:
                    self.popen.wait(timeout=0.2)  # reap the leader
                except subprocess.TimeoutExpired:
                    pass
                else:
                    time.sleep(0.1)
                left = self.group_members()
                done = self.popen.poll() is not None and not left
                if done or time.monotonic() > deadline:
                    break
            if self.popen.poll() is not None and not left:
                break
        self._log.close()
        if left:
            raise RuntimeError("%s: processes still running after SIGKILL: %s"
                               % (self.name, [p.pid for p in left]))


#: what a proxy answers while its upstream is still starting
PROXY_WAIT = (502, 503, 504)


def wait_for_url(url, server=None, timeout=90, expect_status=200, session=None):
    """GET ``url`` until it answers ``expect_status``; return the response.

    Fails at once, with the end of the server's log, if ``server`` exits or
    answers with a server error (5xx other than a proxy's 502-504).
    """
    http = session or requests
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if server is not None and not server.alive():
            raise RuntimeError(
                "%s exited with code %s while waiting for %s; log %s:\n%s" % (
                    server.name, server.popen.returncode, url, server.log_path,
                    server.log_tail()))
        try:
            response = http.get(url, timeout=10, allow_redirects=False)
        except requests.RequestException as exc:
            last = repr(exc)  # not listening yet
        else:
            if response.status_code == expect_status:
                return response
            last = "HTTP %s" % response.status_code
            if response.status_code >= 500 and response.status_code not in PROXY_WAIT:
                break  # up, but broken (a proxy's 502-504 may still be start-up)
        time.sleep(0.3)
    tail = ("; log %s:\n%s" % (server.log_path, server.log_tail())) if server else ""
    raise RuntimeError("%s did not answer %s (last: %s, waited at most %ss)%s" % (
        url, expect_status, last, timeout, tail))


#: what Odoo logs once the database's registry is fully loaded
#: (odoo/modules/loading.py); see :func:`wait_for_log`
REGISTRY_LOADED = "Modules loaded."


def wait_for_log(server, text, timeout=120):
    """Wait until ``text`` appears in ``server``'s log.

    A request sent while Odoo is still loading the database's registry runs
    the addons' HTTP import in the middle of the load and can leave the
    registry incomplete (random ``KeyError: '<model>'`` later, e.g.
    ``mail.compose.message``): nothing may be sent before "Modules loaded."
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in server.log_text():
            return
        if not server.alive():
            raise RuntimeError(
                "%s exited with code %s before logging %r; log %s:\n%s" % (
                    server.name, server.popen.returncode, text, server.log_path,
                    server.log_tail()))
        time.sleep(0.2)
    raise RuntimeError("%s did not log %r within %ss; log %s:\n%s" % (
        server.name, text, timeout, server.log_path, server.log_tail()))


def odoo_command(db, http_port, *extra):
    """The launcher's command line for ``db`` (as ``./uchaske`` runs it)."""
    return [sys.executable, "-m", "uchaske_compat", "-c", "odoo.conf",
            "-d", db, "--db-filter=^%s$" % db,
            "--http-port=%d" % http_port] + list(extra)


def start_odoo(name, db, http_port, *extra, timeout=90, addons=ADDONS):
    """Start Odoo through the launcher, wait until it has logged that the
    registry is loaded, then until /web/login answers 200."""
    problem = database_problem(db, addons)
    if problem:
        raise RuntimeError(problem)
    server = ServerProcess(name, odoo_command(db, http_port, *extra),
                           LOG_DIR / ("%s.log" % name))
    try:
        # the database is preloaded at start (-d): no request before it is done
        wait_for_log(server, REGISTRY_LOADED, timeout=timeout)
        wait_for_url("http://127.0.0.1:%d/web/login" % http_port, server,
                     timeout=timeout)
    except BaseException:
        server.stop()
        raise
    return server


class Rpc:
    """XML-RPC as one user: ``rpc.call(model, method, *args, **kwargs)``
    (the password is the login unless given, as for the demo users)."""

    def __init__(self, url, db, login, password=None):
        self.db, self.password = db, password or login
        common = xmlrpc.client.ServerProxy("%s/xmlrpc/2/common" % url)
        self.uid = common.authenticate(db, login, self.password, {})
        assert self.uid, "login %s refused on %s" % (login, db)
        self.models = xmlrpc.client.ServerProxy(
            "%s/xmlrpc/2/object" % url, allow_none=True)

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs)
