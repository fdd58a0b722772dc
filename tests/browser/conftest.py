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


@pytest.fixture
def browser():
    """A fresh headless Chromium, quit (and its profile removed) after the test."""
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
        options.add_argument(flag)
    options.add_argument("--user-data-dir=%s" % profile)
    # keep the console (browser log) for the SEVERE-error check
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
