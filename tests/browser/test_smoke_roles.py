"""Browser smoke test: every Uchaske role logs in and opens the Uchaske app.

A real Odoo server (``odoo_server`` fixture) and headless Chromium (``browser``
fixture, see conftest.py). For each demo role the test logs in through the
real /web/login form, waits for the web client, clicks the "Uchaske" app in
the top menu, waits for its action and saves ``var/screenshots/<login>.png``.

It fails on an Odoo error or warning dialog (server error, client error,
access error), on a missing Uchaske menu, on an action that does not load or
shows in a collapsed content area (broken stylesheets), on JavaScript modules
that failed to start, and on SEVERE browser-console errors from the web client (failed
resource loads from other hosts and the favicon are ignored: the machine has
no network beyond the test server).

Roles (Order No. 1095): assistant (R2.3), inspector (R2.2), responsible
inspector of a police point (R24), district chief (R16).
"""
import time
from urllib.parse import urlparse

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

APP_MENU_XMLID = "uchaske_base.uchaske_root_menu"
APP_MENU_NAME = "Uchaske"
TIMEOUT = 60  # seconds; the first load compiles the asset bundles

#: login -> requirement of Order No. 1095 the role comes from
ROLES = {
    "assistant": "R2.3",
    "inspector": "R2.2",
    "responsible": "R24",
    "chief": "R16",
}

#: Visible error/warning dialogs and error notifications of the web client
#: (one definition, shared with the journeys)
from journey import ERROR_DIALOGS_JS  # noqa: E402

#: The web client has started: top menu bound, home action shown, nothing loading.
WEB_CLIENT_READY_JS = r"""
var body = document.body;
if (!body || !body.classList.contains('o_web_client')) { return false; }
// web_responsive (issue 7, phones) puts the apps in its drawer
var menu = document.querySelector(
    '#oe_main_menu_navbar .oe_application_menu_placeholder, '
    + '#odooAppDrawer .oe_application_menu_placeholder');
if (!menu || menu.style.display === 'none') { return false; }
if (!(window.odoo && odoo.__DEBUG__ && odoo.__DEBUG__.js_modules)) { return false; }
var loading = document.querySelector('.o_loading');
if (loading && loading.offsetParent !== null && loading.textContent.trim()) {
    return false;
}
return true;
"""

#: The app of menu arguments[0] is selected and its action shown in the main area.
ACTION_LOADED_JS = r"""
var menuId = String(arguments[0]);
var params = {};
location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
    var p = kv.split('='); params[p[0]] = decodeURIComponent(p[1] || '');
});
// a window action has its id in the URL; one returned by a server action
// (e.g. "My work", the role users' home action) shows its model instead
if (!params.action && !params.model) { return false; }
var submenu = document.querySelector(
    '.oe_secondary_menu[data-menu-parent="' + menuId + '"]');
if (!submenu || submenu.offsetParent === null) { return false; }  // app not selected
var loading = document.querySelector('.o_loading');
if (loading && loading.offsetParent !== null && loading.textContent.trim()) {
    return false;
}
var content = document.querySelector('.o_main_content .o_content');
if (!content) { return false; }
var shown = Array.prototype.some.call(content.querySelectorAll('*'), function (el) {
    return el.offsetParent !== null && el.getBoundingClientRect().height > 0;
});
return shown;
"""


#: Height of the main content area and of the window (the client must fill it).
CONTENT_HEIGHT_JS = r"""
var content = document.querySelector('.o_main_content .o_content');
return [content ? content.getBoundingClientRect().height : 0, window.innerHeight];
"""


def _error_dialogs(driver):
    return driver.execute_script(ERROR_DIALOGS_JS)


def _wait(driver, condition, what):
    """Wait for ``condition`` unless an error dialog shows up first."""
    try:
        WebDriverWait(driver, TIMEOUT, poll_frequency=0.2).until(
            lambda d: _error_dialogs(d) or condition(d))
    except TimeoutException:
        pytest.fail("timed out after %ss waiting for %s (url %s)"
                    % (TIMEOUT, what, driver.current_url))


def _login(driver, base_url, login, password):
    driver.get(base_url + "/web/login")
    form = driver.find_element(By.CSS_SELECTOR, "form.oe_login_form")
    form.find_element(By.ID, "login").send_keys(login)
    form.find_element(By.ID, "password").send_keys(password)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def _severe_console_errors(driver, base_url):
    """SEVERE console entries from the web client, minus closed-network noise."""
    server = urlparse(base_url).netloc
    errors = []
    for entry in driver.get_log("browser"):
        if entry.get("level") != "SEVERE":
            continue
        message = entry.get("message", "")
        if "favicon" in message:
            continue
        url = message.split(" ", 1)[0]
        if entry.get("source") == "network" and urlparse(url).netloc != server:
            continue  # another host: no network here
        errors.append(message)
    return errors


def _find_app_menu(driver):
    """The Uchaske entry of the top (application) menu, or None."""
    links = driver.find_elements(
        By.CSS_SELECTOR,
        '#oe_main_menu_navbar a[data-menu-xmlid="%s"], '
        '#odooAppDrawer a[data-menu-xmlid="%s"]' % (APP_MENU_XMLID, APP_MENU_XMLID))
    return links[0] if links else None


def _top_menu_names(driver):
    return driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll("
        "'#oe_main_menu_navbar .oe_application_menu_placeholder a[data-menu], "
        "#odooAppDrawer .oe_application_menu_placeholder a[data-menu]'),"
        " function (a) { return a.textContent.trim(); }).filter(Boolean);")


@pytest.mark.parametrize("login", list(ROLES), ids=list(ROLES))
def test_role_opens_uchaske_app(odoo_server, browser, screenshot_dir, login):
    """Each role logs in and opens the Uchaske app without any error.

    R2.2 inspector, R2.3 assistant, R24 responsible inspector, R16 district
    chief: every role of Order No. 1095 reaches the Uchaske application.
    """
    driver = browser
    try:
        _login(driver, odoo_server, login, login)
        _wait(driver, lambda d: d.execute_script(WEB_CLIENT_READY_JS),
              "the web client to load after logging in as %r" % login)
        assert not _error_dialogs(driver), \
            "error dialog after login: %s" % _error_dialogs(driver)

        menu = _find_app_menu(driver)
        assert menu is not None, (
            "the %r app menu (%s) is missing for %r; top menu: %s"
            % (APP_MENU_NAME, APP_MENU_XMLID, login, _top_menu_names(driver)))
        if not menu.is_displayed():
            # web_responsive: the apps are in its drawer, opened by its toggle
            toggles = [t for t in driver.find_elements(
                By.CSS_SELECTOR, ".app-drawer-toggle") if t.is_displayed()]
            toggles[0].click()
            WebDriverWait(driver, TIMEOUT).until(lambda d: menu.is_displayed())
        name = menu.text.strip()
        assert name == APP_MENU_NAME, "app menu %s is named %r, expected %r" % (
            APP_MENU_XMLID, name, APP_MENU_NAME)
        menu_id = menu.get_attribute("data-menu")
        menu.click()
        _wait(driver, lambda d: d.execute_script(ACTION_LOADED_JS, menu_id),
              "the action of the %r menu to load" % APP_MENU_NAME)
        time.sleep(0.5)  # let late RPC errors surface
    finally:
        driver.save_screenshot(str(screenshot_dir / ("%s.png" % login)))

    dialogs = _error_dialogs(driver)
    assert not dialogs, "Odoo error dialog for %r: %s" % (login, dialogs)
    height, window_height = driver.execute_script(CONTENT_HEIGHT_JS)
    assert height >= window_height / 2, (
        "the action's content area is %dpx high in a %dpx window: the web client's "
        "layout (stylesheets) is broken" % (height, window_height))
    failed = driver.execute_script("return odoo.__DEBUG__.js_modules.failed")
    assert not failed, "JavaScript modules failed to start: %s" % failed
    errors = _severe_console_errors(driver, odoo_server)
    assert not errors, "SEVERE browser console errors for %r:\n%s" % (
        login, "\n".join(errors))


def test_wrong_password_is_refused(odoo_server, browser):
    """A wrong password shows the login error and opens no web client (R2.2)."""
    driver = browser
    _login(driver, odoo_server, "inspector", "not-the-password")
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "form.oe_login_form .alert-danger, "
                                                   "body.o_web_client"))
    assert not driver.find_elements(By.CSS_SELECTOR, "body.o_web_client"), \
        "a wrong password opened the web client"
    alert = driver.find_element(By.CSS_SELECTOR, "form.oe_login_form .alert-danger")
    assert "Wrong login/password" in alert.text
    assert urlparse(driver.current_url).path == "/web/login"
    assert not driver.find_elements(By.CSS_SELECTOR, "body.o_web_client")
    # no session either: the web client sends the visitor back to the login form
    driver.get(odoo_server + "/web")
    assert urlparse(driver.current_url).path == "/web/login"
    assert not driver.find_elements(By.CSS_SELECTOR, "body.o_web_client")
