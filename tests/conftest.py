"""Fixtures shared by the suites that need a running Odoo server."""
import os
import sys

import pytest

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)
import _servers  # noqa: E402  (tests/_servers.py)


@pytest.fixture(scope="session")
def odoo_server():
    """Base URL of an Odoo server (threaded mode) serving the test database
    (``UCHASKE_TEST_DB``), started once per session and stopped at its end.

    For local work on a test, ``UCHASKE_TEST_URL`` names a server already
    running on that database instead (never set in ``./uchaske test``)."""
    if os.environ.get("UCHASKE_TEST_URL"):
        yield os.environ["UCHASKE_TEST_URL"].rstrip("/")
        return
    port = _servers.free_port()
    try:
        server = _servers.start_odoo("test-odoo", _servers.target_db(), port)
    except RuntimeError as exc:
        pytest.fail("could not start the Odoo server: %s" % exc, pytrace=False)
    try:
        yield "http://127.0.0.1:%d" % port
    finally:
        server.stop()
        # the server's errors (with their tracebacks) go to the run's output,
        # not only to var/logs: a failure in CI is then diagnosable
        errors = _server_errors(server.log_text())
        if errors:
            print("\n--- errors logged by the test server ---\n%s" % errors,
                  file=sys.__stderr__)


def _server_errors(log):
    """The ERROR/CRITICAL entries of an Odoo log, each with its traceback."""
    blocks, keep = [], False
    for line in log.splitlines():
        if " ERROR " in line or " CRITICAL " in line:
            keep = True
            blocks.append(line)
        elif keep and not line[:4].isdigit():
            blocks.append(line)
        else:
            keep = False
    return "\n".join(blocks)
