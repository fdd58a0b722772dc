"""Fixtures for the browser smoke tests: a real Odoo server and headless Chromium.

The server is started once per test session through the launcher (the same
command line as ``./uchaske demo``, threaded mode) on a free port, against the
database named by ``UCHASKE_TEST_DB`` (default ``uchaske_test``, which must
already hold the Uchaske addons with demo data), and its whole process group
is killed at the end. Its log is ``var/logs/browser-odoo.log``.

Each test gets a fresh Chromium (Debian's chromium + chromedriver, driven by
Selenium) with a fresh temporary profile.
"""
import os
import shutil
import sys
import tempfile

import pytest

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)
import _servers  # noqa: E402  (tests/_servers.py, shared with tests/prod)

BROWSER_DIR = os.path.dirname(os.path.abspath(__file__))
if BROWSER_DIR not in sys.path:
    sys.path.insert(0, BROWSER_DIR)  # journey.py

CHROMIUM = os.environ.get("UCHASKE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("UCHASKE_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1366,900",
)
SCREENSHOT_DIR = _servers.ROOT / "var" / "screenshots"


def _start_chromium(window_size=None, tz=_servers.USERS_TZ):
    """A fresh headless Chromium with its own temporary profile, in the
    time zone ``tz`` (the officers' by default); returns
    ``(driver, profile_dir)``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            pytest.fail("%s is missing: apt-get install chromium chromium-driver"
                        % path, pytrace=False)
    profile = tempfile.mkdtemp(prefix="uchaske-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        if window_size and flag.startswith("--window-size="):
            flag = "--window-size=%d,%d" % window_size
        options.add_argument(flag)
    options.add_argument("--user-data-dir=%s" % profile)
    # keep the console (browser log) for the SEVERE-error check
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # the browser in the officers' time zone, as their phones are: the web
    # client turns typed datetimes into UTC with the browser's zone, and
    # the dates typed are their day (``_servers.users_today``)
    driver = webdriver.Chrome(options=options, service=Service(
        CHROMEDRIVER, env=dict(os.environ, TZ=tz)))
    driver.set_page_load_timeout(60)
    return driver, profile


@pytest.fixture
def start_chromium():
    """The function that starts a fresh headless Chromium (``(driver,
    profile)``), for tests that manage the browser themselves. A fixture,
    not an import: ``conftest`` is not a unique module name when the
    browser, prod and rpc suites are collected together."""
    return _start_chromium


@pytest.fixture
def browser():
    """A fresh headless Chromium, quit (and its profile removed) after the test."""
    driver, profile = _start_chromium()
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def journeys(odoo_server, screenshot_dir):
    """Factory of journeys: ``journeys(name, login, window=(w, h))`` opens a
    fresh browser, logs ``login`` in (password = login) and returns the
    :class:`journey.Journey`. Every browser is closed after the test."""
    from journey import Journey

    opened = []
    journeys_started = []

    def start(name, login, window=None, password=None):
        driver, profile = _start_chromium(window)
        opened.append((driver, profile))
        if window:
            # a phone: headless Chromium has a minimum window width, so the
            # screen size is emulated (as the DevTools' device mode does)
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": window[0], "height": window[1],
                "deviceScaleFactor": 1, "mobile": True})
        journey = Journey(driver, odoo_server, name, screenshot_dir)
        journeys_started.append(journey)
        journey.login(login, password)
        return journey

    try:
        yield start
    finally:
        # the timings of each journey (login, menus, open form, save), kept
        # beside the screenshots: var/screenshots/timings.txt
        with open(str(screenshot_dir / "timings.txt"), "a") as out:
            for journey in journeys_started:
                if journey.timings:
                    out.write("%s: %s\n" % (journey.name, ", ".join(
                        "%s %.2fs" % item
                        for item in sorted(journey.timings.items()))))
        for driver, profile in opened:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    timings = SCREENSHOT_DIR / "timings.txt"
    if timings.exists():
        timings.unlink()  # this run's timings only
    return SCREENSHOT_DIR
