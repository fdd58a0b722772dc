"""R15 in the web client: the list of register cases offers "Export" in its
Action menu only to who may export (responsible inspector, district chief);
the assistant and the inspector do not see it (the server refuses them too:
tests/rpc/test_access_journal_rpc.py).

Runs on the demo database (demo users, password = login) like the smoke test.
"""
import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

from test_smoke_roles import (
    TIMEOUT, WEB_CLIENT_READY_JS, _error_dialogs, _login, _severe_console_errors)

ACTION = "uchaske_registry.uchaske_registry_case_action"

#: the list shows rows; select the first one (the Action menu appears)
SELECT_FIRST_ROW_JS = r"""
var box = document.querySelector(
    '.o_list_view tbody .o_list_record_selector input[type=checkbox]');
if (!box) { return false; }
if (!box.checked) { box.click(); }
return !!document.querySelector('.o_cp_sidebar .o_dropdown');
"""

#: labels of the sidebar's Action menu and the client's own word for Export
ACTION_ITEMS_JS = r"""
var items = Array.prototype.map.call(
    document.querySelectorAll('.o_cp_sidebar .o_dropdown .dropdown-menu li a'),
    function (a) { return a.textContent.trim(); });
var core = odoo.__DEBUG__.services['web.core'];
return [items, core._t('Export')];
"""


def _wait(driver, condition, what):
    try:
        WebDriverWait(driver, TIMEOUT, poll_frequency=0.2).until(
            lambda d: _error_dialogs(d) or condition(d))
    except TimeoutException:
        pytest.fail("timed out after %ss waiting for %s (url %s)"
                    % (TIMEOUT, what, driver.current_url))


@pytest.mark.parametrize("login,may_export", [
    ("assistant", False), ("inspector", False),
    ("responsible", True), ("chief", True)])
def test_export_offered_only_to_who_may_export(odoo_server, browser, login,
                                               may_export):
    """R15: only the responsible inspector and the chief see Export."""
    driver = browser
    _login(driver, odoo_server, login, login)
    _wait(driver, lambda d: d.execute_script(WEB_CLIENT_READY_JS),
          "the web client to load as %r" % login)
    driver.get("%s/web#action=%s&view_type=list" % (odoo_server, ACTION))
    _wait(driver, lambda d: d.execute_script(SELECT_FIRST_ROW_JS),
          "a case row to select as %r" % login)
    assert not _error_dialogs(driver), _error_dialogs(driver)
    items, export = driver.execute_script(ACTION_ITEMS_JS)
    assert items, "the Action menu is empty for %r" % login
    assert (export in items) is may_export, (
        "%r: Action menu %s, Export expected: %s" % (login, items, may_export))
    failed = driver.execute_script("return odoo.__DEBUG__.js_modules.failed")
    assert not failed, "JavaScript modules failed to start: %s" % failed
    assert not _severe_console_errors(driver, odoo_server)
