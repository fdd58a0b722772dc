"""Odoo 11's own QUnit suite of the web client, run in headless Chromium.

Odoo 11 serves the suite at ``/web/tests`` (``web.qunit_suite``: web's tests
of fields, views, chrome, core and widgets, plus the tests that installed
addons add to that template -- mail, base_import, web_editor,
web_responsive, ...) and runs it in PhantomJS (``web/tests/test_js.py``:
``phantom_js('/web/tests?mod=web&failfast')``; ``mod`` is ignored by the
controller and by QUnit 2.2.1, so the whole page runs). PhantomJS cannot be
installed here; the suite runs in the same Chromium as the journeys.

The test logs in as admin through ``/web/login``, opens ``/web/tests`` with
QUnit's callbacks (``testDone``, ``log``, ``done``) hooked before any page
script runs (DevTools ``Page.addScriptToEvaluateOnNewDocument``: a setter
on ``window.QUnit`` registers them the moment QUnit defines itself), and
waits, bounded, for ``QUnit.done``. Each failed test is named
``<module>: <test name>`` and compared with ``qunit_known_failures.txt``
(one per line, ``<name>  # <reason>``): a failure not listed fails the
test; a listed failure that now passes is printed only.
"""
import json
import os
import shutil
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By

KNOWN_PATH = Path(__file__).with_name("qunit_known_failures.txt")
#: every run's failures with their messages, for investigating them
RESULT_PATH = Path(__file__).resolve().parents[2] / "var" / "qunit" / "result.json"
#: whole-suite bound in seconds (QUnit's own per-test timeout is 60 s)
TIMEOUT = int(os.environ.get("UCHASKE_QUNIT_TIMEOUT", "900"))
URL = "/web/tests"  # Odoo 11's test_js adds ?mod=web, which nothing reads
#: Two pages: web_responsive's own tests build AppDrawers in their beforeEach
#: that are never destroyed and stay subscribed to the global ``core.bus``;
#: one left open then answers every later synthetic ``keydown`` (which has no
#: ``keyCode``) with "Cannot read properties of undefined (reading
#: 'toString')", and ~25 of web's keyboard tests die -- whenever Odoo's
#: module loader happens to run web_responsive's tests first. So they run
#: alone, on a page of their own, after the rest.
PAGES = ("?filter=" + quote("!/^web_responsive: /"), "?module=web_responsive")

#: Runs before any script of every page: when QUnit assigns window.QUnit,
#: register the callbacks that collect the results in window.__uchaskeQUnit.
HOOK_JS = r"""
(function () {
    var state = window.__uchaskeQUnit = {
        started: false, done: null, tests: 0, failed: [], messages: {}};
    var qunit;
    Object.defineProperty(window, 'QUnit', {
        configurable: true,
        get: function () { return qunit; },
        set: function (value) {
            qunit = value;
            if (!value || value.__uchaskeHooked) { return; }
            value.__uchaskeHooked = true;
            value.begin(function () { state.started = true; });
            value.log(function (details) {
                if (details.result) { return; }
                var key = details.module + ': ' + details.name;
                var text = String(details.message || '');
                if (details.actual !== undefined || details.expected !== undefined) {
                    try {
                        text += ' [actual: ' + JSON.stringify(details.actual)
                            + ', expected: ' + JSON.stringify(details.expected) + ']';
                    } catch (e) { /* circular values: the message is enough */ }
                }
                state.messages[key] = state.messages[key] || [];
                state.messages[key].push(text.slice(0, 3000));
            });
            value.testDone(function (details) {
                state.tests++;
                if (details.failed > 0) {
                    state.failed.push(details.module + ': ' + details.name);
                }
            });
            value.done(function (details) {
                state.done = {total: details.total, failed: details.failed,
                              passed: details.passed, runtime: details.runtime};
            });
        },
    });
})();
"""

STATE_JS = "return window.__uchaskeQUnit || null;"


def parse_known_failures(text):
    """``<module>: <test name>  # <reason>`` per line -> {name: reason}.
    Blank lines and lines starting with ``#`` are ignored; the reason is
    everything after the first `` # ``. Every entry must give a reason."""
    known = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, reason = line.partition(" # ")
        if not sep or not reason.strip():
            raise ValueError("%s:%d: a known failure needs '  # <reason>'"
                             % (KNOWN_PATH.name, number))
        known[name.strip()] = reason.strip()
    return known


def compare(failed, known):
    """(new failures, known failures seen, known failures that now pass)."""
    new = [name for name in failed if name not in known]
    seen = [name for name in failed if name in known]
    fixed = [name for name in known if name not in failed]
    return new, seen, fixed


def test_parse_known_failures():
    known = parse_known_failures("m: t  # why\n# comment\n")
    assert known == {"m: t": "why"}
    with pytest.raises(ValueError):
        parse_known_failures("m: t\n")
    assert compare(["a", "b"], {"b": "r", "c": "r"}) == (["a"], ["b"], ["c"])


def _login_admin(driver, base_url):
    driver.get(base_url + "/web/login")
    form = driver.find_element(By.CSS_SELECTOR, "form.oe_login_form")
    form.find_element(By.ID, "login").send_keys("admin")
    form.find_element(By.ID, "password").send_keys("admin")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if "/web/login" not in driver.current_url:
            return
        time.sleep(0.5)
    pytest.fail("admin could not log in (still on %s)" % driver.current_url,
                pytrace=False)


def _run_page(driver, url, deadline):
    """Open one QUnit page and wait for ``QUnit.done``; returns the state."""
    driver.get(url)
    state, progress = None, -1
    while time.monotonic() < deadline:
        state = driver.execute_script(STATE_JS)
        if state and state["done"]:
            return state
        if state and state["tests"] // 250 != progress:
            progress = state["tests"] // 250
            print("  qunit: %d tests run" % state["tests"])
        time.sleep(2)
    pytest.fail("the QUnit suite (%s) did not finish within %d s (%s tests run; "
                "started: %s)" % (url, TIMEOUT, state and state["tests"],
                                  state and state["started"]), pytrace=False)


def test_web_qunit_suite(odoo_server, start_chromium):
    """Odoo's web QUnit suite passes, except the listed known failures."""
    known = parse_known_failures(KNOWN_PATH.read_text(encoding="utf-8"))
    # in UTC: Odoo's own QUnit tests compute some expected dates with the
    # browser's zone and others in UTC (calendar, pyeval's delta)
    driver, profile = start_chromium(tz="UTC")
    started = time.monotonic()
    deadline = started + TIMEOUT
    state = {"tests": 0, "failed": [], "messages": {}, "runtime": 0}
    try:
        _login_admin(driver, odoo_server)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                               {"source": HOOK_JS})
        driver.set_page_load_timeout(120)
        for query in PAGES:
            page = _run_page(driver, odoo_server + URL + query, deadline)
            state["tests"] += page["tests"]
            state["failed"] += page["failed"]
            state["messages"].update(page["messages"])
            state["runtime"] += page["done"]["runtime"]
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    elapsed = time.monotonic() - started

    failed = state["failed"]
    new, seen, fixed = compare(failed, known)
    RESULT_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULT_PATH.write_text(json.dumps(
        {"url": URL, "seconds": round(elapsed), "tests": state["tests"],
         "failed": failed, "new": new, "known": seen, "known_now_passing": fixed,
         "messages": state["messages"]}, indent=1, ensure_ascii=False),
        encoding="utf-8")
    print("\nweb QUnit suite (%s): %d tests, %d passed, %d failed "
          "(%d known, %d new); %.0f s (QUnit %.0f s)"
          % (URL, state["tests"], state["tests"] - len(failed), len(failed),
             len(seen), len(new), elapsed, state["runtime"] / 1000.0))
    for name in fixed:
        print("listed in %s but passed this run: %s" % (KNOWN_PATH.name, name))
    assert state["tests"] > 0, "QUnit ran no test"
    if new:
        lines = []
        for name in new:
            lines.append(name)
            for message in state["messages"].get(name, [])[:3]:
                lines.append("    " + message[-400:].replace("\n", " "))
        pytest.fail("%d QUnit test(s) failed that are not in %s:\n%s"
                    % (len(new), KNOWN_PATH.name, "\n".join(lines)), pytrace=False)
