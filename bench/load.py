"""Issue 14: load test of the production mode on loopback.

Starts Odoo as ``./uchaske prod`` does (prefork ``--workers``, one cron
thread, ``--proxy-mode``, the longpolling process) on free loopback ports
against ``--db`` (a database built by ``bench/national.py``), waits for
"Modules loaded." in its log before any request, and by default puts nginx in
front of it as the production test stage does (``tests/prod/conftest.py``;
``--direct`` sends the users straight to the workers). Then, for each level
of ``--users`` (10, 25, 50), that many simulated users, each a thread with
its own HTTP session, log in (``/web/session/authenticate``, one session per
user, each a different district inspector ``nat_inspector_<n>`` of the
national database) and for ``--seconds`` (45) repeat, without think time:

* list cases: the register action's list, as the web client asks for it
  (``/web/dataset/search_read``, the list view's fields, the action's default
  filter "On the register", 80 rows, a random page of the first five);
* open a case of that page: ``read`` of the form view's fields.

It prints, per level: requests, requests/s, p50/p95/p99 of all requests and
of each kind, errors (HTTP or JSON-RPC errors, connection resets and
timeouts), the CPU the Odoo processes and the database's PostgreSQL backends
spent per request, what the rest of the box spent on it (this load
generator's users and nginx, on the same two cores), the p95 of the same
requests as nginx timed them (the server side, without the load generator's
own delays), and the goal of issue 14 (p95 < 500 ms at 50 users, no
errors). Exit status 1 if a level had
errors or a user could not log in (the goal itself is reported, not
enforced: ``--strict`` enforces it).

    .venv/bin/python bench/load.py [--db uchaske_national] [--users 10,25,50]
        [--seconds 45] [--workers 2] [--think 0] [--direct] [--config odoo.conf]
        [-- extra odoo options, e.g. --limit-time-real=120]
"""
import argparse
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import threading
import time

import psutil
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import _servers  # noqa: E402  (tests/_servers.py: server processes, free ports)

MODEL = "uchaske.registry.case"
#: the register action's default filter "On the register" (search_default_open)
OPEN_DOMAIN = [["state", "in", ["registered", "supervised", "transfer", "closing"]]]
LOGIN_PREFIX = "nat_inspector_"
PASSWORD = "inspector"  # national.py clones the demo inspector (password = login)
GOAL_USERS = 50
GOAL_P95 = 0.5
TIMEOUT = 60


def percentile(values, share):
    """The ``share`` (0-1) percentile of ``values`` (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, int(round(share * len(ordered) + 0.5)))
    return ordered[min(rank, len(ordered)) - 1]


class Client:
    """One simulated user: its own ``requests.Session`` (cookie, keep-alive)."""

    def __init__(self, base_url, db, login):
        self.base_url = base_url
        self.db = db
        self.login = login
        self.http = requests.Session()
        self.context = {}

    def rpc(self, path, params):
        response = self.http.post(
            self.base_url + path, timeout=TIMEOUT,
            json={"jsonrpc": "2.0", "method": "call", "id": random.randint(1, 10 ** 9),
                  "params": params})
        if response.status_code != 200:
            raise RuntimeError("HTTP %s on %s" % (response.status_code, path))
        body = response.json()
        if body.get("error"):
            error = body["error"]
            message = (error.get("data") or {}).get("message") or error.get("message")
            raise RuntimeError("%s: %s" % (path, message))
        return body["result"]

    def authenticate(self):
        result = self.rpc("/web/session/authenticate", {
            "db": self.db, "login": self.login, "password": PASSWORD})
        if not result.get("uid"):
            raise RuntimeError("login %s refused" % self.login)
        self.context = result.get("user_context") or {}

    def call_kw(self, method, args, kwargs=None):
        kwargs = dict(kwargs or {}, context=self.context)
        return self.rpc("/web/dataset/call_kw/%s/%s" % (MODEL, method), {
            "model": MODEL, "method": method, "args": args, "kwargs": kwargs})

    def view_fields(self, view_type):
        view = self.call_kw("fields_view_get", [], {"view_type": view_type})
        return sorted(view["fields"])

    def search_read(self, fields, offset):
        return self.rpc("/web/dataset/search_read", {
            "model": MODEL, "fields": fields, "domain": OPEN_DOMAIN,
            "context": self.context, "offset": offset, "limit": 80, "sort": ""})

    def read(self, ids, fields):
        return self.call_kw("read", [ids, fields])


class Level:
    """One load level: ``count`` users for ``seconds``."""

    def __init__(self, count):
        self.count = count
        self.samples = {"list": [], "open": []}
        self.errors = []
        self.login_errors = []
        self.lock = threading.Lock()
        self.elapsed = 0.0
        self.nginx = []

    def record(self, kind, seconds):
        with self.lock:
            self.samples[kind].append(seconds)

    def error(self, kind, exc):
        with self.lock:
            self.errors.append("%s: %s" % (kind, _describe(exc)))

    @property
    def all_samples(self):
        return self.samples["list"] + self.samples["open"]


def _describe(exc):
    text = "%s %s" % (type(exc).__name__, exc)
    if "reset" in text.lower():
        return "connection reset (%s)" % type(exc).__name__
    return text[:200]


def user_loop(client, fields, level, start_barrier, stop_at, think=0.0):
    """Log in, wait for every user, then list and open until ``stop_at``."""
    try:
        client.authenticate()
    except Exception as exc:  # pylint: disable=broad-except
        with level.lock:
            level.login_errors.append("%s: %s" % (client.login, _describe(exc)))
        start_barrier.wait()
        return
    start_barrier.wait()
    rng = random.Random(client.login)
    if think:  # users who think do not all start in the same second
        time.sleep(rng.uniform(0, think))
    while time.monotonic() < stop_at[0]:
        began = time.monotonic()
        try:
            rows = client.search_read(fields["list"], 80 * rng.randrange(5))
            level.record("list", time.monotonic() - began)
            records = rows.get("records") or []
            if not records:
                rows = client.search_read(fields["list"], 0)
                records = rows.get("records") or []
        except Exception as exc:  # pylint: disable=broad-except
            level.error("list", exc)
            time.sleep(0.1)
            continue
        if not records:
            continue
        began = time.monotonic()
        try:
            client.read([rng.choice(records)["id"]], fields["form"])
            level.record("open", time.monotonic() - began)
        except Exception as exc:  # pylint: disable=broad-except
            level.error("open", exc)
            time.sleep(0.1)
        if think:
            time.sleep(min(rng.expovariate(1.0 / think), 10 * think))


def cpu_seconds(processes):
    total = 0.0
    for proc in processes:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            continue
    return total


def db_backends(db):
    """PostgreSQL backends connected to ``db`` (their title names it)."""
    found = []
    for proc in psutil.process_iter(["name", "cmdline"]):
        try:
            title = " ".join(proc.info["cmdline"] or [])
        except psutil.Error:
            continue
        if title.startswith("postgres:") and (" %s " % db) in title:
            found.append(proc)
    return found


def nginx_times(access_log, start, end):
    """The request times (s) nginx logged for the users' calls between the
    byte offsets ``start`` and ``end`` of its access log (``rt=``: from
    the request's first byte to the response's last, the server side)."""
    if not access_log or not os.path.exists(access_log):
        return []
    with open(access_log, "rb") as log:
        log.seek(start)
        text = log.read(max(0, end - start)).decode("utf-8", "replace")
    return [float(match) for match in re.findall(
        r"^POST /web/dataset/\S+ 200 rt=([\d.]+)", text, re.M)]


def _size(path):
    return os.path.getsize(path) if path and os.path.exists(path) else 0


def run_level(base_url, db, logins, fields, seconds, server, think=0.0,
              proxy=None, access_log=None):
    level = Level(len(logins))
    barrier = threading.Barrier(len(logins) + 1)
    stop_at = [float("inf")]
    threads = [threading.Thread(target=user_loop, daemon=True, args=(
        Client(base_url, db, login), fields, level, barrier, stop_at, think))
        for login in logins]
    for thread in threads:
        thread.start()
    barrier.wait(timeout=600)  # every user logged in (or failed to)
    odoo_procs, backends = server.group_members(), db_backends(db)
    # the rest of the box: this load generator (its users' threads) and nginx
    others = [psutil.Process()] + (proxy.group_members() if proxy else [])
    cpu_app, cpu_db = cpu_seconds(odoo_procs), cpu_seconds(backends)
    cpu_others = cpu_seconds(others)
    log_start = _size(access_log)
    began = time.monotonic()
    stop_at[0] = began + seconds
    for thread in threads:
        thread.join(timeout=seconds + TIMEOUT + 30)
    level.elapsed = time.monotonic() - began
    level.cpu_app = cpu_seconds(odoo_procs) - cpu_app
    backends += [proc for proc in db_backends(db) if proc not in backends]
    level.cpu_db = cpu_seconds(backends) - cpu_db
    level.cpu_others = cpu_seconds(others) - cpu_others
    time.sleep(0.2)  # nginx writes its last lines
    level.nginx = nginx_times(access_log, log_start, _size(access_log))
    return level


def ms(seconds):
    return "%.0f" % (seconds * 1000)


def report(levels, args):
    print()
    print("Load test: %s, %d prefork workers%s, %d cron workers, %ss per level, "
          "users list 80 cases and open one, %s" % (
              args.db, args.workers, "" if args.direct else " behind nginx",
              args.cron_threads, args.seconds,
              "think time %s s (mean) after each pair" % args.think
              if args.think else "no think time"))
    print()
    print("| users | requests | req/s | p50 ms | p95 ms | p99 ms | list p95 | open p95 "
          "| errors | Odoo CPU ms/req | PG CPU ms/req | client + nginx CPU ms/req "
          "| p95 in nginx |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for level in levels:
        samples = level.all_samples
        count = len(samples)
        row = ("| %d | %d | %.1f | %s | %s | %s | %s | %s | %d | %.1f | %.1f | %.1f "
               "| %s |")
        print(row % (
            level.count, count, count / level.elapsed if level.elapsed else 0,
            ms(percentile(samples, 0.5)), ms(percentile(samples, 0.95)),
            ms(percentile(samples, 0.99)), ms(percentile(level.samples["list"], 0.95)),
            ms(percentile(level.samples["open"], 0.95)),
            len(level.errors) + len(level.login_errors),
            1000 * level.cpu_app / count if count else 0,
            1000 * level.cpu_db / count if count else 0,
            1000 * level.cpu_others / count if count else 0,
            ms(percentile(level.nginx, 0.95)) if level.nginx else "-"))
    print()
    goal = [level for level in levels if level.count == GOAL_USERS]
    if goal:
        p95 = percentile(goal[0].all_samples, 0.95)
        errors = len(goal[0].errors) + len(goal[0].login_errors)
        met = p95 < GOAL_P95 and not errors
        print("goal at %d users: p95 < %d ms and no errors -- p95 %s ms, %d errors: %s"
              % (GOAL_USERS, GOAL_P95 * 1000, ms(p95), errors,
                 "met" if met else "NOT met"))
    else:
        met = True
        print("goal (p95 < 500 ms at 50 users, no errors) not measured at this size")
    for level in levels:
        shown = (level.login_errors + level.errors)[:5]
        for line in shown:
            print("  error at %d users: %s" % (level.count, line))
    return met


def check_users(db, count):
    """The first ``count`` national inspectors that serve a district with open cases."""
    cnx = _connect(db)
    try:
        with cnx.cursor() as cr:
            cr.execute("""
                SELECT u.login FROM res_users u
                  JOIN uchaske_district d ON d.inspector_id = u.id
                 WHERE u.login LIKE %s AND u.active
                   AND EXISTS (SELECT 1 FROM uchaske_registry_case c
                                WHERE c.district_id = d.id AND c.state IN
                                      ('registered', 'supervised', 'transfer',
                                       'closing'))
                 GROUP BY u.id, u.login ORDER BY u.id LIMIT %s""",
                       (LOGIN_PREFIX + "%", count))
            logins = [row[0] for row in cr.fetchall()]
    finally:
        cnx.close()
    if len(logins) < count:
        raise SystemExit("%s has %d national inspectors with open cases, %d needed: "
                         "build it with bench/national.py"
                         % (db, len(logins), count))
    return logins


def _connect(db):
    import psycopg2  # pylint: disable=import-outside-toplevel
    import configparser  # pylint: disable=import-outside-toplevel
    conf = configparser.ConfigParser()
    conf.read(os.path.join(ROOT, "odoo.conf"))
    opts = conf["options"]
    host = os.environ.get("PGHOST") or os.path.join(ROOT, ".pgrun")
    return psycopg2.connect(dbname=db, host=host, user=opts.get("db_user"),
                            password=opts.get("db_password"))


def start(args, extra):
    """Odoo in prefork mode (and nginx unless ``--direct``); the base URL."""
    http_port, longpolling_port, port = _servers.free_ports(3)
    cmd = [sys.executable, "-m", "uchaske_compat", "-c", args.config,
           "-d", args.db, "--db-filter=^%s$" % args.db, "--http-port=%d" % http_port,
           "--workers=%d" % args.workers,
           "--max-cron-threads=%d" % args.cron_threads, "--proxy-mode",
           "--longpolling-port=%d" % longpolling_port] + extra
    server = _servers.ServerProcess("load-odoo", cmd,
                                    _servers.LOG_DIR / "load-odoo.log")
    proxy = tmp = None
    try:
        _servers.wait_for_log(server, _servers.REGISTRY_LOADED, timeout=300)
        _servers.wait_for_url("http://127.0.0.1:%d/web/login" % http_port, server,
                              timeout=120)
        base_url = "http://127.0.0.1:%d" % http_port
        if not args.direct:
            # the production test stage's nginx (tests/prod/conftest.py)
            from prod.conftest import (  # pylint: disable=import-outside-toplevel
                nginx_binary, start_nginx, write_nginx_conf)
            if not nginx_binary():
                raise SystemExit("nginx is missing (apt-get install nginx); "
                                 "or use --direct")
            tmp = tempfile.mkdtemp(prefix="uchaske-load-nginx-")
            conf = write_nginx_conf(tmp, port, http_port, longpolling_port)
            proxy = start_nginx("load-nginx", tmp, conf)
            base_url = "http://127.0.0.1:%d" % port
            _servers.wait_for_url(base_url + "/web/login", proxy, timeout=60)
    except BaseException:
        stop(server, proxy, tmp)
        raise
    return server, proxy, tmp, base_url


def stop(server, proxy, tmp):
    try:
        if proxy is not None:
            proxy.stop()
    finally:
        server.stop()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_national")
    parser.add_argument("--users", default="10,25,50",
                        help="comma-separated levels of concurrent users")
    parser.add_argument("--seconds", type=float, default=45.0)
    parser.add_argument("--workers", type=int, default=2,
                        help="prefork HTTP workers (./uchaske prod starts 2)")
    parser.add_argument(
        "--cron-threads", type=int, default=0,
        help="cron workers beside them (./uchaske prod starts 1). Default 0: a "
             "benchmark database's daily jobs are always overdue (each run's "
             "server is stopped before they commit) and at national size they "
             "run for minutes in the middle of the levels (the passports' new "
             "year: 5,000 columns); the jobs are measured on their own")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause (s, exponential) of a user after opening "
                             "a case; 0: users send without pause (the issue's test)")
    parser.add_argument("--config", default="odoo.conf")
    parser.add_argument("--direct", action="store_true",
                        help="users talk to the Odoo workers, no nginx in front")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 unless the goal at 50 users is met")
    args, extra = parser.parse_known_args()
    # `timeout` (CI) sends SIGTERM: stop Odoo and nginx (own sessions) first
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
    extra = [option for option in extra if option != "--"]
    levels_wanted = [int(value) for value in args.users.split(",") if value.strip()]
    logins = check_users(args.db, max(levels_wanted))
    began = time.monotonic()
    server, proxy, tmp, base_url = start(args, extra)
    print("Odoo up (%d workers) in %.1f s: %s"
          % (args.workers, time.monotonic() - began, base_url), flush=True)
    try:
        probe = Client(base_url, args.db, logins[0])
        probe.authenticate()
        fields = {"list": probe.view_fields("tree"), "form": probe.view_fields("form")}
        levels = []
        for count in levels_wanted:
            level = run_level(base_url, args.db, logins[:count], fields, args.seconds,
                              server, args.think, proxy,
                              os.path.join(tmp, "access.log") if tmp else None)
            print("  %d users: %d requests, %d errors" % (
                count, len(level.all_samples),
                len(level.errors) + len(level.login_errors)),
                flush=True)
            levels.append(level)
    finally:
        stop(server, proxy, tmp)
    met = report(levels, args)
    failed = any(level.errors or level.login_errors or not level.all_samples
                 for level in levels)
    return 1 if failed or (args.strict and not met) else 0


if __name__ == "__main__":
    sys.exit(main())
