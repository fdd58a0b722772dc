"""Unit tests of the log parser of ``scripts/odoo_regression.py`` (no Odoo, no
database).

Run: ``.venv/bin/python -m pytest -p no:odoo tests/regression/test_parser.py``
(pytest-odoo imports ``odoo`` before the shims otherwise) or
``.venv/bin/python -m uchaske_compat.pytest_main tests/regression/test_parser.py``.
"""
import importlib.util
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location(
    "odoo_regression", os.path.join(ROOT, "scripts", "odoo_regression.py"))
reg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reg)


@pytest.fixture(scope="module", autouse=True)
def load_registry():
    """Override pytest-odoo's autouse fixture of that name: these tests need no
    database (so they also run under ``python -m uchaske_compat.pytest_main``
    without ``--odoo-database``, or with ``-p no:odoo``)."""
    yield


DB = "uchaske_test_regress"
_clock = [0]


def line(level, logger, message, db=DB):
    """One Odoo 11 log line:
    ``%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: msg``."""
    _clock[0] += 1
    return "2026-11-25 00:01:%02d,%03d 4242 %s %s %s: %s" % (
        _clock[0] // 1000 % 60, _clock[0] % 1000, level, db, logger, message)


def log(*lines):
    return "\n".join(lines) + "\n"


def running(module):
    return line("INFO", "odoo.modules.module", "%s running tests." % module)


def passing_module(module, tests):
    out = [running(module)]
    for name in tests:
        cls = "TestX"
        out.append(line("INFO", module, "%s (%s.%s.%s)" % (name, module, cls, name)))
    out.append(line("INFO", module, "Ran %d test%s in 0.123s"
                    % (len(tests), "" if len(tests) == 1 else "s")))
    out.append(line("INFO", module, "OK"))
    return out


VIEWS = "odoo.addons.base.tests.test_views"
FAIL_NAME = VIEWS + ".TestViews.test_view_inheritance_text_after"


def fail_block(module=VIEWS, method="test_view_inheritance_text_after",
               cls="TestViews"):
    """What Odoo's TestStream logs for one failing test in a module of 2 tests."""
    where = "%s.%s.%s" % (module, cls, method)
    return [
        running(module),
        line("INFO", module, "test_ok (%s.%s.test_ok)" % (module, cls)),
        line("INFO", module, "%s (%s)" % (method, where)),
        line("INFO", module, "` Test view inheritance when adding elements and text."),
        line("ERROR", module, "FAIL"),
        line("INFO", module,
             "======================================================================"),
        line("ERROR", module, "FAIL: %s (%s)" % (method, where)),
        line("ERROR", module, "` Test view inheritance when adding elements and text."),
        line("ERROR", module, "Traceback (most recent call last):"),
        line("ERROR", module, '`   File "test_views.py", line 779, in %s' % method),
        line("ERROR", module, "`     self.assertEqual("),
        line("ERROR", module, "` AssertionError: '(<div/>)a' != '(<div/>a)'"),
        line("ERROR", module, "` "),
        line("INFO", module, "Ran 2 tests in 0.050s"),
        line("ERROR", module, "FAILED"),
        line("ERROR", module, " (failures=1)"),
        line("ERROR", "odoo.modules.module", "Module base: 1 failures, 0 errors"),
    ]


REPORTS = "odoo.addons.base.tests.test_reports"
ERROR_NAME = REPORTS + ".TestReports.test_reports"


def error_block():
    where = REPORTS + ".TestReports.test_reports"
    return [
        running(REPORTS),
        line("INFO", REPORTS, "test_reports (%s)" % where),
        # the code under test logs an error itself: informational, not a failure
        line("ERROR", "odoo.addons.base.ir.ir_qweb.qweb",
             "load could not load template"),
        "Traceback (most recent call last):",
        '  File "qweb.py", line 369, in get_template',
        "ValueError: External ID not found in the system: web_editor.summernote",
        line("ERROR", REPORTS, "ERROR"),
        line("INFO", REPORTS,
             "======================================================================"),
        line("ERROR", REPORTS, "ERROR: test_reports (%s)" % where),
        line("ERROR", REPORTS, "Traceback (most recent call last):"),
        line("ERROR", REPORTS,
             "` ValueError: External ID not found in the system: "
             "web_editor.summernote"),
        line("INFO", REPORTS, "Ran 1 test in 0.080s"),
        line("ERROR", REPORTS, "FAILED"),
        line("ERROR", REPORTS, " (errors=1)"),
        line("ERROR", "odoo.modules.module", "Module base: 0 failures, 1 errors"),
    ]


# ------------------------------------------------------------------ parse_log

def test_passing_module():
    text = log(
        line("INFO", "odoo.modules.loading", "loading 1 modules..."),
        *passing_module("odoo.addons.base.tests.test_ir_sequence",
                        ["test_a", "test_b", "test_c"]),
        *passing_module("odoo.addons.mail.tests.test_invite", ["test_invite"]),
        line("INFO", "odoo.modules.loading", "Modules loaded."),
    )
    parsed = reg.parse_log(text)
    assert parsed["tests_by_module"] == {
        "odoo.addons.base.tests.test_ir_sequence": 3,
        "odoo.addons.mail.tests.test_invite": 1}
    assert parsed["tests_by_addon"] == {"base": 3, "mail": 1}
    assert parsed["tests_run"] == 4
    assert parsed["failures"] == []
    assert parsed["test_failures"] == [] and parsed["log_errors"] == []


def test_fail_block():
    parsed = reg.parse_log(log(*fail_block()))
    assert parsed["tests_run"] == 2
    assert parsed["failures"] == [FAIL_NAME]
    (failure,) = parsed["test_failures"]
    assert failure["kind"] == "FAIL"
    assert failure["module"] == VIEWS
    assert any("AssertionError" in detail for detail in failure["details"])
    # the result word "FAIL", "FAILED", "(failures=1)" and the "Module base: 1 failures"
    # summary are not failures of their own
    assert parsed["log_errors"] == []


def test_error_block():
    parsed = reg.parse_log(log(*error_block()))
    assert parsed["tests_run"] == 1
    assert parsed["failures"] == [ERROR_NAME]
    assert parsed["test_failures"][0]["kind"] == "ERROR"
    assert any("web_editor.summernote" in d
               for d in parsed["test_failures"][0]["details"])
    # the qweb ERROR record logged while the test ran is reported, not counted
    assert [e["logger"] for e in parsed["in_test_errors"]] == [
        "odoo.addons.base.ir.ir_qweb.qweb"]
    assert parsed["in_test_errors"][0]["test_module"] == REPORTS


def test_python_before_311_description():
    module = "odoo.addons.base.tests.test_orm"
    text = log(
        running(module),
        line("ERROR", module, "ERROR: test_x (%s.TestORM)" % module),
        line("ERROR", module, "Traceback (most recent call last):"),
        line("INFO", module, "Ran 1 test in 0.010s"),
    )
    assert reg.parse_log(text)["failures"] == [module + ".TestORM.test_x"]


def test_setupclass_error_and_subtests():
    module = "odoo.addons.mail.tests.test_mail_gateway"
    text = log(
        running(module),
        line("ERROR", module, "ERROR: setUpClass (%s.TestMailgateway)" % module),
        line("ERROR", module, "Traceback (most recent call last):"),
        line("ERROR", module, "FAIL: test_y (%s.TestB.test_y) [case 1]" % module),
        line("ERROR", module, "FAIL: test_y (%s.TestB.test_y) (value=2)" % module),
        line("INFO", module, "Ran 1 test in 0.010s"),
    )
    parsed = reg.parse_log(text)
    assert parsed["failures"] == [
        module + ".TestMailgateway.setUpClass", module + ".TestB.test_y"]


def test_non_test_error_line():
    text = log(
        line("INFO", "odoo.modules.loading", "loading 11 modules..."),
        line("ERROR", "odoo.modules.module",
             "Can not `import odoo.addons.mail.tests`."),
        "Traceback (most recent call last):",
        '  File "module.py", line 434, in get_test_modules',
        "ImportError: cannot import name 'Iterable' from 'collections'",
        line("CRITICAL", "odoo.service.server",
             "Failed to initialize database `%s`." % DB),
        line("ERROR", "odoo.modules.module", "Can not `import odoo.addons.bus.tests`."),
        *passing_module("odoo.addons.web.tests.test_serving_base", ["test_a"]),
    )
    parsed = reg.parse_log(text)
    assert parsed["tests_run"] == 1
    assert parsed["failures"] == ["odoo.modules.module", "odoo.service.server"]
    by_name = {e["name"]: e for e in parsed["log_errors"]}
    assert by_name["odoo.modules.module"]["count"] == 2
    assert by_name["odoo.service.server"]["level"] == "CRITICAL"
    # the traceback lines (no log prefix) belong to the record before them
    assert any("Iterable" in d for d in by_name["odoo.modules.module"]["details"])


def test_summary_kept_when_no_test_failure_was_parsed():
    text = log(
        *passing_module("odoo.addons.base.tests.test_a", ["test_a"]),
        line("ERROR", "odoo.modules.loading",
             "At least one test failed when loading the modules."),
    )
    assert reg.parse_log(text)["failures"] == ["odoo.modules.loading"]


def test_summary_dropped_when_test_failures_were_parsed():
    text = log(*fail_block(),
               line("ERROR", "odoo.modules.loading",
                    "At least one test failed when loading the modules."))
    assert reg.parse_log(text)["failures"] == [FAIL_NAME]


def test_skipped_and_empty_log():
    module = "odoo.addons.web.tests.test_js"
    text = log(
        running(module),
        line("INFO", module, "test_01_js (%s.WebSuite.test_01_js)" % module),
        line("INFO", module, "skipped 'PhantomJS not found'"),
        line("INFO", module, "Ran 1 test in 0.001s"),
        line("INFO", module, "OK"),
        line("INFO", module, " (skipped=1)"),
    )
    parsed = reg.parse_log(text)
    assert (parsed["skipped"] == 1 and parsed["tests_run"] == 1
            and parsed["failures"] == [])
    empty = reg.parse_log("")
    assert empty["tests_run"] == 0 and empty["failures"] == []


# ------------------------------------------------------- known failures, compare

KNOWN_TEXT = """
# comment line
%s  # lxml 5 addnext() keeps the tail text on the sibling
odoo.addons.web.tests.test_js.WebSuite.test_gone  # fixed upstream
odoo.addons.account.tests.test_x.TestX.test_y  # module not installed here
""" % FAIL_NAME


def test_parse_known_failures():
    known = reg.parse_known_failures(KNOWN_TEXT)
    assert known[FAIL_NAME] == "lxml 5 addnext() keeps the tail text on the sibling"
    assert len(known) == 3


def test_known_failure_is_neither_passed_nor_failed():
    text = log(*passing_module("odoo.addons.web.tests.test_js", ["test_a"]),
               *fail_block())
    parsed = reg.parse_log(text)
    result = reg.compare(parsed, reg.parse_known_failures(KNOWN_TEXT))
    assert result["tests_run"] == 3
    assert result["known_failures"] == [FAIL_NAME]
    assert result["new_failures"] == [] and result["failed"] == 0
    assert result["passed"] == 2
    assert result["ok"] is True
    # a known failure whose test module ran without failing it: now passes
    assert result["known_now_passing"] == [
        "odoo.addons.web.tests.test_js.WebSuite.test_gone"]
    assert result["known_not_run"] == ["odoo.addons.account.tests.test_x.TestX.test_y"]
    lines = reg.summarise(parsed, result, reg.parse_known_failures(KNOWN_TEXT))
    assert lines[-1] == "regression: 2 passed, 0 failed"
    assert "1 known" in lines


def test_new_failure_fails_the_run():
    text = log(*fail_block(), *error_block(),
               line("ERROR", "odoo.modules.registry", "Failed to load registry"))
    parsed = reg.parse_log(text)
    result = reg.compare(parsed, reg.parse_known_failures(KNOWN_TEXT))
    assert result["new_failures"] == [ERROR_NAME, "odoo.modules.registry"]
    assert result["failed"] == 2
    assert result["passed"] == 3 - 2   # 3 tests ran, 2 of them failed (1 known)
    assert result["ok"] is False
    assert reg.summarise(parsed, result, {})[-1] == "regression: 1 passed, 2 failed"


def test_zero_tests_is_a_failure():
    result = reg.compare(
        reg.parse_log(log(line("INFO", "odoo.modules.loading", "Modules loaded."))),
        {})
    assert result["tests_run"] == 0 and result["new_failures"] == []
    assert result["ok"] is False


@pytest.mark.parametrize("returncode, expect",
                         [(0, False), (1, True), (-9, True), (None, True)])
def test_process_failure_when_nothing_explains_the_exit_code(returncode, expect):
    parsed = reg.parse_log(
        log(*passing_module("odoo.addons.base.tests.test_a", ["test_a"])))
    reg.add_process_failure(parsed, returncode)
    assert ("odoo-process" in parsed["failures"]) is expect


def test_exit_code_1_explained_by_test_failures():
    parsed = reg.parse_log(log(*fail_block()))
    reg.add_process_failure(parsed, 1)
    assert parsed["failures"] == [FAIL_NAME]


def test_uncaught_thread_exception_is_a_failure():
    """The HTTP thread dies (port taken) with a traceback printed without the log
    prefix; the HTTP tests would then talk to another server: a failure."""
    module = "odoo.addons.base.tests.test_xmlrpc"
    text = log(
        line("INFO", "odoo", "database: uchaske@/work/main/.pgrun:5432", db="?"),
        "Exception in thread odoo.service.httpd:",
        "Traceback (most recent call last):",
        '  File "/usr/lib/python3.11/socketserver.py", line 472, in server_bind',
        "OSError: [Errno 98] Address already in use",
        line("INFO", "odoo.modules.loading", "init db", db="?"),
        *passing_module(module, ["test_01_xmlrpc_login"]),
    )
    parsed = reg.parse_log(text)
    assert parsed["failures"] == ["thread:odoo.service.httpd"]
    assert any("Errno 98" in d for d in parsed["log_errors"][0]["details"])
    assert parsed["tests_run"] == 1


def test_uncaught_thread_exception_inside_a_test_run_still_counts():
    module = "odoo.addons.bus.tests.test_bus"
    text = log(
        running(module),
        "Exception in thread Thread-7 (run):",
        "Traceback (most recent call last):",
        "RuntimeError: boom",
        line("INFO", module, "Ran 1 test in 0.010s"),
    )
    assert reg.parse_log(text)["failures"] == ["thread:Thread-7 (run)"]
