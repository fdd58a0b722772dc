#!/usr/bin/env python3
"""Regression run of Odoo 11's own ``base`` and ``mail`` test suites under
uchaske_compat.

Usage (from anywhere)::

    .venv/bin/python scripts/odoo_regression.py  # full run (drops/recreates the DB)
    .venv/bin/python scripts/odoo_regression.py --parse-only var/regression/odoo.log

What a full run does:

1. drops (``DROP DATABASE IF EXISTS``, through ``scripts/pg.sh psql``) and recreates
   the throwaway database ``uchaske_test_regress`` -- that exact name and no other;
2. runs ``python -m uchaske_compat -c odoo.conf -d uchaske_test_regress -i mail
   --test-enable --stop-after-init --log-level=test`` (``mail`` pulls in base, web,
   base_import, bus, base_setup, web_tour, ...), on a free HTTP port so that it does
   not collide with a developer server on 8069, capturing stdout+stderr to
   ``var/regression/odoo.log``;
3. parses the log (:func:`parse_log`, a pure function, unit-tested in
   ``tests/regression/test_parser.py``) and compares the failures with
   ``tests/regression/known_failures.txt`` (:func:`load_known_failures`,
   :func:`compare`);
4. writes ``var/regression/result.json`` and prints a summary whose last line is
   ``regression: N passed, N failed``.

Exit code 0 only if there is no new failure and at least one test ran.

About ``--log-level=test``: Odoo 11 accepts ``test`` for backward compatibility but has
no pseudo-config for it, so it behaves exactly like ``info``. That is the level the
unittest output needs: Odoo's ``TestStream`` logs each test line at INFO (``ERROR`` for
``FAIL:``/``ERROR:``/``Traceback`` blocks) on a logger named after the test module, and
``Ran N tests`` is INFO too. ``warn`` or above would hide the per-test lines and the
``Ran N tests`` counts.
"""
import argparse
import fnmatch
import json
import os
import re
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB_NAME = "uchaske_test_regress"
OUT_DIR = os.path.join(ROOT, "var", "regression")
LOG_PATH = os.path.join(OUT_DIR, "odoo.log")
RESULT_PATH = os.path.join(OUT_DIR, "result.json")
KNOWN_PATH = os.path.join(ROOT, "tests", "regression", "known_failures.txt")
PG_SH = os.path.join(ROOT, "scripts", "pg.sh")
ODOO_TIMEOUT = 3 * 3600

# --------------------------------------------------------------------------- parser

#: ``%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s``
#: (odoo/netsvc.py)
LOG_LINE_RE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+) (?P<pid>\d+) (?P<level>[A-Z_]+) "
    r"(?P<db>\S+) (?P<logger>[^\s:]+): ?(?P<message>.*)$")
#: logged by odoo.modules.module.run_unit_tests before each test module
RUNNING_RE = re.compile(r"^(?P<module>\S+) running tests\.$")
#: unittest's summary line, logged by the TestStream of the test module
RAN_RE = re.compile(r"^Ran (?P<count>\d+) tests? in [\d.]+s$")
#: unittest's printErrorList header: ``FAIL: test_x (pkg.mod.Class.test_x)`` (3.11) or
#: ``FAIL: test_x (pkg.mod.Class)`` (<3.11), ``ERROR: setUpClass (pkg.mod.Class)``,
#: subtests: ``FAIL: test_x (pkg.mod.Class.test_x) [msg] (k=v)``
FAILURE_HEADER_RE = re.compile(
    r"^(?P<kind>FAIL|ERROR|UNEXPECTED SUCCESS): "
    r"(?P<method>\S+) \((?P<where>[^()\s]+)\)(?P<rest>.*)$")
#: unittest's verbose "skipped 'reason'" result, logged on its own line by TestStream
SKIPPED_RE = re.compile(r"^skipped\b")
#: an exception that killed a thread, printed by threading.excepthook straight to stderr
#: (not through logging), e.g. the HTTP thread when its port is taken:
#: ``Exception in thread odoo.service.httpd:`` + traceback + ``OSError: [Errno 98] ...``
THREAD_EXCEPTION_RE = re.compile(r"^Exception in thread (?P<thread>.+?):?$")

ERROR_LEVELS = ("ERROR", "CRITICAL")

#: ERROR lines outside a test that only *summarise* unittest failures already counted
#: test by test; they become failures of their own only if no test failure was parsed
#: (so that a failure the parser could not attribute is never lost).
SUMMARY_PATTERNS = (
    ("odoo.modules.module", re.compile(r"^Module \S+: \d+ failures, \d+ errors$")),
    ("odoo.modules.loading",
     re.compile(r"^At least one test failed when loading the modules\.$")),
    ("odoo.service.server",
     re.compile(r"^\S+: at least one error occurred in a test$")),
)


def iter_records(text):
    """Yield log records as dicts; lines that do not start a record (traceback
    lines of ``_logger.exception``, stray output) are appended to the previous one.
    Text before the first record becomes a record of logger ``<stdout>``.
    ``Exception in thread NAME:`` (an uncaught exception in a thread, printed without
    the log prefix) starts a CRITICAL record of logger ``thread:NAME`` flagged
    ``uncaught``."""
    record = None
    for lineno, line in enumerate(text.splitlines(), 1):
        match = LOG_LINE_RE.match(line)
        if match:
            if record is not None:
                yield record
            record = dict(match.groupdict(), lineno=lineno, extra=[])
            continue
        thread = THREAD_EXCEPTION_RE.match(line)
        if thread:
            if record is not None:
                yield record
            record = {"time": None, "pid": None, "level": "CRITICAL", "db": "-",
                      "logger": "thread:%s" % thread.group("thread"), "message": line,
                      "lineno": lineno, "extra": [], "uncaught": True}
        elif record is None:
            if line.strip():
                record = {"time": None, "pid": None, "level": "INFO", "db": "-",
                          "logger": "<stdout>", "message": line, "lineno": lineno,
                          "extra": []}
        else:
            record["extra"].append(line)
    if record is not None:
        yield record


def _test_name(method, where):
    """Full dotted test name from a unittest description."""
    if where == method or where.endswith("." + method):
        return where                      # Python 3.11: (pkg.mod.Class.method)
    return "%s.%s" % (where, method)      # older, and setUpClass (pkg.mod.Class)


def _addon_of(test_module):
    parts = test_module.split(".")
    if len(parts) >= 3 and parts[0] == "odoo" and parts[1] == "addons":
        return parts[2]
    return test_module


def _is_summary(record):
    for logger, pattern in SUMMARY_PATTERNS:
        if record["logger"] == logger and pattern.match(record["message"]):
            return True
    return False


def parse_log(text):
    """Parse an Odoo 11 ``--test-enable`` log. Pure function.

    Returns a dict:

    ``tests_by_module``  {test module (``odoo.addons.base.tests.test_views``):
                         tests ran}
    ``tests_by_addon``   {addon (``base``): tests ran}
    ``tests_run``        total of ``Ran N tests`` lines
    ``skipped``          tests reported ``skipped`` by unittest (included in tests_run)
    ``test_failures``    [{name, kind (FAIL/ERROR/...), module, line, details}] one per
                         distinct test name (failing subtests of a test count once)
    ``log_errors``       [{name (= logger), level, line, message, details}] ERROR or
                         CRITICAL log records outside any test module's run, except
                         summaries of test failures already counted; plus, inside or
                         outside a test, threads killed by an uncaught exception
                         (named ``thread:<thread name>``)
    ``in_test_errors``   ERROR/CRITICAL records logged by the code under test while a
                         test module ran (informational; unittest decides pass/fail)
    ``failures``         all failure names in order: test failures, then log errors
                         (a logger that logged several errors is named once)
    """
    tests_by_module = {}
    skipped = 0
    test_failures = {}          # name -> entry (ordered)
    log_errors = {}             # logger name -> entry
    in_test_errors = []
    summaries = []
    running = None              # test module whose tests are running
    current = None              # failure entry receiving traceback lines
    stream_loggers = set()      # loggers that are test streams (test module names)

    for record in iter_records(text):
        logger, message, level = record["logger"], record["message"], record["level"]
        lines = [message] + record["extra"]

        if logger == "odoo.modules.module":
            match = RUNNING_RE.match(message)
            if match:
                running = match.group("module")
                stream_loggers.add(running)
                current = None
                continue

        if logger in stream_loggers:
            # unittest's own output (TestStream): test names, results, error blocks
            header = FAILURE_HEADER_RE.match(message)
            if header and level in ERROR_LEVELS:
                name = _test_name(header.group("method"), header.group("where"))
                if name in test_failures:
                    current = test_failures[name]
                    current["details"].append("")
                    current["details"].append(message)
                else:
                    current = test_failures[name] = {
                        "name": name, "kind": header.group("kind"), "module": logger,
                        "line": record["lineno"], "details": [message]}
                current["details"].extend(record["extra"])
                continue
            ran = RAN_RE.match(message)
            if ran:
                tests_by_module[logger] = (
                    tests_by_module.get(logger, 0) + int(ran.group("count")))
                if running == logger:
                    running = None
                current = None
                continue
            if SKIPPED_RE.match(message):
                skipped += 1
                continue
            if (current is not None and level in ERROR_LEVELS
                    and current["module"] == logger):
                # "Traceback (most recent call last):" and its "` "-prefixed lines
                current["details"].extend(lines)
            # anything else on a test stream is unittest's own chatter: the test
            # names, "ok"/"FAIL"/"ERROR" results, "OK", "FAILED (failures=1)"
            continue

        if level not in ERROR_LEVELS:
            continue
        if running is not None and not record.get("uncaught"):
            in_test_errors.append({"test_module": running, "logger": logger,
                                   "level": level, "line": record["lineno"],
                                   "message": message, "details": record["extra"]})
            continue
        if _is_summary(record):
            summaries.append(record)
            continue
        entry = log_errors.get(logger)
        if entry is None:
            entry = log_errors[logger] = {
                "name": logger, "level": level, "line": record["lineno"],
                "message": message, "count": 0, "details": []}
        entry["count"] += 1
        if entry["details"]:
            entry["details"].append("")
        entry["details"].extend(lines)

    if not test_failures:
        # a summary with no failure parsed: the failure must not get lost
        for record in summaries:
            entry = log_errors.setdefault(record["logger"], {
                "name": record["logger"], "level": record["level"],
                "line": record["lineno"], "message": record["message"], "count": 0,
                "details": []})
            entry["count"] += 1
            entry["details"].append(record["message"])

    tests_by_addon = {}
    for module, count in tests_by_module.items():
        addon = _addon_of(module)
        tests_by_addon[addon] = tests_by_addon.get(addon, 0) + count

    failures = list(test_failures) + [n for n in log_errors if n not in test_failures]
    return {
        "tests_by_module": tests_by_module,
        "tests_by_addon": tests_by_addon,
        "tests_run": sum(tests_by_module.values()),
        "skipped": skipped,
        "test_failures": list(test_failures.values()),
        "log_errors": list(log_errors.values()),
        "in_test_errors": in_test_errors,
        "failures": failures,
    }


# ----------------------------------------------------------------- known failures

def parse_known_failures(text):
    """``<full test name or logger>  # <reason>`` per line -> {name: reason}.
    Blank lines and lines starting with ``#`` are ignored. A name may contain shell
    wildcards (``*``, ``?``), matched with :mod:`fnmatch`."""
    known = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        name = name.strip()
        if name:
            known[name] = reason.strip()
    return known


def load_known_failures(path=KNOWN_PATH):
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return parse_known_failures(handle.read())


def _known_entry(name, known):
    if name in known:
        return name
    for pattern in known:
        if any(c in pattern for c in "*?[") and fnmatch.fnmatchcase(name, pattern):
            return pattern
    return None


def compare(parsed, known):
    """Split ``parsed['failures']`` into known and new ones and find known failures
    that did not fail this time. Returns a dict (see :func:`summarise`)."""
    known_seen, new, matched = [], [], set()
    for name in parsed["failures"]:
        entry = _known_entry(name, known)
        if entry is None:
            new.append(name)
        else:
            known_seen.append(name)
            matched.add(entry)
    fixed, not_run = [], []
    modules = parsed["tests_by_module"]
    for entry in known:
        if entry in matched:
            continue
        # a test name counts as "now passes" only if its test module ran
        ran = any(entry.startswith(module + ".") and count
                  for module, count in modules.items())
        is_test = entry.startswith("odoo.addons.") and ".tests." in entry
        (fixed if ran or not is_test else not_run).append(entry)
    test_failure_count = len(parsed["test_failures"])
    passed = max(0, parsed["tests_run"] - test_failure_count)
    return {
        "passed": passed,
        "failed": len(new),
        "known_failures": known_seen,
        "new_failures": new,
        "tests_run": parsed["tests_run"],
        "known_now_passing": fixed,
        "known_not_run": not_run,
        "ok": not new and parsed["tests_run"] > 0,
    }


# ----------------------------------------------------------------------- reporting

def _details(parsed, name, limit=25):
    for entry in parsed["test_failures"] + parsed["log_errors"]:
        if entry["name"] == name:
            lines = entry["details"]
            if len(lines) > limit:
                lines = lines[:5] + ["    [...]"] + lines[-(limit - 6):]
            return lines
    return []


def summarise(parsed, result, known):
    """Human-readable summary lines; the last one is
    ``regression: N passed, N failed``."""
    out = ["Tests ran per addon:"]
    for addon, count in sorted(parsed["tests_by_addon"].items()):
        modules = sum(1 for m in parsed["tests_by_module"] if _addon_of(m) == addon)
        out.append("  %-28s %5d tests in %d test module(s)" % (addon, count, modules))
    out.append("  %-28s %5d (of which %d skipped)"
               % ("total", parsed["tests_run"], parsed["skipped"]))
    if parsed["in_test_errors"]:
        out.append("%d ERROR log line(s) from code under test during test runs "
                   "(not failures by themselves; see the log)"
                   % len(parsed["in_test_errors"]))
    for name in result["known_failures"]:
        reason = known.get(_known_entry(name, known) or name, "")
        out.append("KNOWN  %s  # %s" % (name, reason))
    for name in result["known_now_passing"]:
        out.append("KNOWN FAILURE NOW PASSES (remove it from known_failures.txt?): %s"
                   % name)
    for name in result["known_not_run"]:
        out.append("known failure not run (its test module did not run): %s" % name)
    for name in result["new_failures"]:
        out.append("NEW    %s" % name)
        out.extend("         " + line for line in _details(parsed, name))
    if parsed["tests_run"] == 0:
        out.append("NO TESTS RAN: that is a failure")
    out.append("%d known" % len(result["known_failures"]))
    out.append("regression: %d passed, %d failed"
               % (result["passed"], result["failed"]))
    return out


# ------------------------------------------------------------------------- running

def pg(*args, check=True):
    return subprocess.run([PG_SH] + list(args), cwd=ROOT, check=check,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def recreate_database(force=False):
    """DROP DATABASE IF EXISTS + CREATE of DB_NAME, never any other database.
    With ``force``, ``WITH (FORCE)`` closes other sessions on that throwaway database
    (as Odoo's own database manager does before a drop)."""
    assert DB_NAME == "uchaske_test_regress"  # never anything else
    pg("start")
    drop = 'DROP DATABASE IF EXISTS "%s"%s' % (
        DB_NAME, " WITH (FORCE)" if force else "")
    create = "CREATE DATABASE \"%s\" ENCODING 'unicode' TEMPLATE template0" % DB_NAME
    for sql in (drop, create):
        proc = pg("psql", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql,
                  check=False)
        if proc.returncode:
            message = "regression: could not run %r:\n%s" % (sql, proc.stdout)
            if "being accessed by other users" in proc.stdout:
                who = pg("psql", "-d", "postgres", "-c",
                         "SELECT pid, usename, application_name, state, "
                         "backend_start "
                         "FROM pg_stat_activity WHERE datname = '%s'" % DB_NAME,
                         check=False)
                message += ("\nSessions on %s (a leftover Odoo, or a server that got "
                            "this run's HTTP requests):\n%s\nStop them, or rerun "
                            "with --force-drop to close them." % (DB_NAME, who.stdout))
            raise SystemExit(message)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_odoo(log_path):
    python = os.path.join(ROOT, ".venv", "bin", "python")
    if not os.path.exists(python):
        python = sys.executable
    cmd = [python, "-m", "uchaske_compat", "-c", "odoo.conf", "-d", DB_NAME,
           "-i", "mail", "--test-enable", "--stop-after-init", "--log-level=test",
           "--http-port=%d" % free_port()]
    print("running:", " ".join(cmd[1:]), flush=True)
    print("log:", os.path.relpath(log_path, ROOT), flush=True)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with open(log_path, "w", encoding="utf-8") as log:
        try:
            proc = subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                  stdout=log, stderr=subprocess.STDOUT,
                                  timeout=ODOO_TIMEOUT)
            return proc.returncode
        except subprocess.TimeoutExpired:
            log.write("\nodoo_regression: Odoo timed out after %ss\n" % ODOO_TIMEOUT)
            return None


def add_process_failure(parsed, returncode):
    """Odoo 11 exits 0, or 1 when its assertion report has failures (test failures),
    or 255 (-1) when the registry failed (logged CRITICAL). Anything else -- or 1 with
    nothing parsed -- is an uncaught crash the log lines may not show."""
    if returncode == 0:
        return
    if returncode == 1 and parsed["failures"]:
        return
    if returncode == 255 and parsed["log_errors"]:
        return
    name = "odoo-process"
    reason = ("timed out" if returncode is None else "exit code %s" % returncode)
    parsed["log_errors"].append({"name": name, "level": "CRITICAL", "line": None,
                                 "message": reason, "count": 1, "details": [reason]})
    parsed["failures"].append(name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parse-only", metavar="LOG",
                        help="do not run Odoo; parse an existing log")
    parser.add_argument("--known", default=KNOWN_PATH, help="known failures file")
    parser.add_argument("--result", default=None,
                        help="JSON result path (default %s; none with --parse-only)"
                        % os.path.relpath(RESULT_PATH, ROOT))
    parser.add_argument("--force-drop", action="store_true",
                        help="DROP DATABASE ... WITH (FORCE): close other sessions "
                        "on %s" % DB_NAME)
    args = parser.parse_args(argv)
    result_path = args.result or (None if args.parse_only else RESULT_PATH)

    os.makedirs(OUT_DIR, exist_ok=True)
    started = time.time()
    returncode = 0
    if args.parse_only:
        log_path = args.parse_only
    else:
        recreate_database(force=args.force_drop)
        log_path = LOG_PATH
        returncode = run_odoo(log_path)
    duration = time.time() - started

    with open(log_path, encoding="utf-8", errors="replace") as handle:
        parsed = parse_log(handle.read())
    if not args.parse_only:
        add_process_failure(parsed, returncode)
    known = load_known_failures(args.known)
    result = compare(parsed, known)

    payload = dict(result)
    payload.update({
        "duration_seconds": round(duration, 1),
        "odoo_returncode": returncode,
        "database": DB_NAME,
        "log": os.path.relpath(os.path.abspath(log_path), ROOT),
        "skipped": parsed["skipped"],
        "tests_by_addon": parsed["tests_by_addon"],
        "tests_by_module": parsed["tests_by_module"],
        "failure_details": {e["name"]: e["details"]
                            for e in parsed["test_failures"] + parsed["log_errors"]},
        "in_test_errors": len(parsed["in_test_errors"]),
    })
    if result_path:
        with open(result_path, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, indent=2, sort_keys=True)
            handle.write("\n")

    if not args.parse_only:
        print("Odoo finished in %.0fs (exit code %s)" % (duration, returncode))
    for line in summarise(parsed, result, known):
        print(line)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
