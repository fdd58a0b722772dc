"""Issue 7, section 3: inspectors work in the street. On a 400 x 800 phone
screen (OCA web_responsive) the inspector's My work and a case form are
usable: the menu is collapsed behind its toggle and covers nothing, the
content takes the width of the screen, nothing runs off the right edge, and
the case opens from the register through the collapsed menu.

Runs on the demo database (demo users, password = login) like the smoke
test; screenshots ``var/screenshots/phone_*.png``. R2.2: the district
inspector's daily work.
"""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_smoke_roles import (
    TIMEOUT, WEB_CLIENT_READY_JS, _error_dialogs, _login, _severe_console_errors,
    _wait)

PHONE = (400, 800)
CASE_MENU = "uchaske_registry.uchaske_registry_case_menu"

#: what a phone user sees: widths of the page, of the content, of the menu
LAYOUT_JS = r"""
var visible = function (el) {
    return !!el && el.offsetParent !== null && el.getBoundingClientRect().width > 0;
};
var content = document.querySelector('.o_main_content .o_content')
    || document.querySelector('.o_content');
var menus = Array.prototype.filter.call(
    document.querySelectorAll('.o_sub_menu, #odooMenuBarNav'), visible);
var covering = menus.map(function (el) {
    var r = el.getBoundingClientRect();
    return r.width * Math.min(r.height, window.innerHeight);
});
var loading = document.querySelector('.o_loading');
return {
    inner: window.innerWidth,
    scroll: document.documentElement.scrollWidth,
    content: content ? content.getBoundingClientRect().width : 0,
    menuArea: covering.reduce(function (a, b) { return a + b; }, 0),
    screenArea: window.innerWidth * window.innerHeight,
    loading: !!(loading && loading.offsetParent !== null
                && loading.textContent.trim()),
};
"""

#: rows of the list (or cards of the kanban) shown
RECORDS_JS = r"""
return Array.prototype.filter.call(document.querySelectorAll(
    '.o_list_view tbody tr.o_data_row, .o_kanban_view .o_kanban_record'),
    function (el) { return el.offsetParent !== null; }).length;
"""

#: a Bootstrap collapse still sliding open or closed
SLIDING_JS = "return !!document.querySelector('.collapsing');"

FORM_READY_JS = r"""
var sheet = document.querySelector('.o_form_view .o_form_sheet');
return !!sheet && sheet.offsetParent !== null
    && !!document.querySelector('.o_form_view .o_statusbar_status');
"""


def _shot(driver, screenshot_dir, name):
    driver.save_screenshot(str(screenshot_dir / ("phone_%s.png" % name)))


def _assert_fits(driver, where):
    layout = driver.execute_script(LAYOUT_JS)
    assert layout["scroll"] <= layout["inner"] + 2, (
        "%s runs off a %dpx screen (page %dpx wide)"
        % (where, layout["inner"], layout["scroll"]))
    assert layout["content"] >= 0.9 * layout["inner"], (
        "%s: the content is %dpx of a %dpx screen"
        % (where, layout["content"], layout["inner"]))
    assert layout["menuArea"] <= 0.2 * layout["screenArea"], (
        "%s: the menu covers %d%% of the screen"
        % (where, 100 * layout["menuArea"] / layout["screenArea"]))
    assert not _error_dialogs(driver), "%s: %s" % (where, _error_dialogs(driver))


def test_inspector_on_a_phone(odoo_server, browser, screenshot_dir):
    """R2.2: the inspector opens My work and a case on a 400-px phone."""
    driver = browser
    driver.set_window_size(*PHONE)
    try:
        _login(driver, odoo_server, "inspector", "inspector")
        _wait(driver, lambda d: d.execute_script(WEB_CLIENT_READY_JS)
              and d.execute_script(RECORDS_JS),
              "My work on a phone")
        time.sleep(0.5)
        _shot(driver, screenshot_dir, "my_work")
        _assert_fits(driver, "My work")

        # the register through the collapsed menu (the hamburger)
        toggle = driver.find_element(By.ID, "odooMenuBarToggle")
        assert toggle.is_displayed(), "no menu toggle on a phone"
        toggle.click()
        menu = driver.find_element(
            By.CSS_SELECTOR, 'a[data-menu-xmlid="%s"]' % CASE_MENU)
        parent = menu.find_element(By.XPATH, (
            "./ancestor::ul[contains(@class, 'dropdown-menu')][1]"
            "/preceding-sibling::a[contains(@class, 'dropdown-toggle')]"))
        # as a person taps: once the menu has opened (Bootstrap ignores the
        # web client's "hide" asked while the opening still slides, and the
        # menu then stayed over the register: seen once in CI under load)
        WebDriverWait(driver, TIMEOUT).until(
            lambda d: parent.is_displayed() and not d.execute_script(SLIDING_JS))
        _shot(driver, screenshot_dir, "menu")
        parent.click()
        WebDriverWait(driver, TIMEOUT).until(
            lambda d: menu.is_displayed() and not d.execute_script(SLIDING_JS))
        menu.click()
        _wait(driver, lambda d: "uchaske.registry.case" in d.current_url
              and d.execute_script(RECORDS_JS), "the register on a phone")
        time.sleep(0.5)
        _shot(driver, screenshot_dir, "cases")
        _assert_fits(driver, "the register")

        driver.execute_script(
            "document.querySelector('.o_list_view tbody tr.o_data_row td:not("
            ".o_list_record_selector), .o_kanban_view .o_kanban_record').click();")
        _wait(driver, lambda d: d.execute_script(FORM_READY_JS), "a case form")
        time.sleep(0.5)
        _shot(driver, screenshot_dir, "case_form")
        _assert_fits(driver, "the case form")
        # the workflow buttons and the person are on the screen, not off it
        width = driver.execute_script("return window.innerWidth")
        for selector in (".o_form_statusbar", ".o_form_sheet"):
            box = driver.find_element(By.CSS_SELECTOR, selector).rect
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 2, (
                "%s is %s on a %dpx screen" % (selector, box, width))
    finally:
        _shot(driver, screenshot_dir, "last")
    errors = _severe_console_errors(driver, odoo_server)
    assert not errors, "SEVERE browser console errors:\n%s" % "\n".join(errors)
