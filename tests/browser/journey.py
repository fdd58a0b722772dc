"""A user's journey through the web client, driven in headless Chromium.

Each step is done as a person would do it -- clicking menus and buttons,
typing into fields, choosing in drop-downs and autocompletes -- never with an
RPC shortcut. After every step the journey waits until the client is idle
(no pending request, no loading indicator), fails on any error dialog of the
web client (server error, client error, warning such as an access error),
on a client error notification and on SEVERE console errors, and saves a
screenshot ``var/screenshots/<journey>/<NN>-<step>.png``.

Odoo 11 runs its own tours in PhantomJS, which cannot be installed here;
Odoo 12's ``HttpCase.browser_js`` drives Chrome over the DevTools protocol
instead. These journeys use Selenium with Debian's chromium-driver for the
same purpose: the same browser, with the DOM queries of a tour
(``trigger``/``run: 'text ...'``) written as Python calls.
"""
import re
import time
from datetime import date, datetime
from urllib.parse import urlparse

from selenium.common.exceptions import (
    ElementClickInterceptedException, StaleElementReferenceException,
    TimeoutException, WebDriverException)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

TIMEOUT = 60  # seconds; the first load compiles the asset bundles

#: Visible error/warning dialogs of the web client: the crash manager's
#: server/client error dialogs (.o_dialog_error), its warnings such as access
#: errors (.o_dialog_warning), and any modal titled "Odoo ... Error".
ERROR_DIALOGS_JS = r"""
var found = [];
var visible = function (el) {
    return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
};
var text = function (el) {
    return el.textContent.replace(/\s+/g, ' ').trim().slice(0, 800);
};
document.querySelectorAll('.modal').forEach(function (modal) {
    if (!visible(modal)) { return; }
    var title = modal.querySelector('.modal-title');
    title = title ? title.textContent.trim() : '';
    if (modal.querySelector('.o_dialog_error, .o_dialog_warning')
            || /Odoo (Server |Client )?(Error|Warning)/.test(title)) {
        found.push(text(modal));
    }
});
document.querySelectorAll('.o_dialog_error, .o_dialog_warning').forEach(function (el) {
    if (visible(el) && !el.closest('.modal')) { found.push(text(el)); }
});
document.querySelectorAll('.o_notification.o_error').forEach(function (el) {
    if (visible(el)) { found.push('notification: ' + text(el)); }
});
return found;
"""

#: The server's refusals of an input, which the user reads in a warning
#: (``Journey.refusal``): never a traceback
REFUSALS = ("odoo.exceptions.ValidationError", "odoo.exceptions.UserError",
            "odoo.exceptions.AccessError")

#: The client is idle: no RPC pending (counted on the web client's bus,
#: like its own loading indicator; the long-polling request is not counted),
#: no loading indicator, no blocked UI. The counter is installed on first use
#: after each page load.
IDLE_JS = r"""
if (!document.body || !window.odoo || !odoo.__DEBUG__ || !odoo.__DEBUG__.services
        || !odoo.__DEBUG__.services['web.core']) { return false; }
if (window.__uchaskePending === undefined) {
    var bus = odoo.__DEBUG__.services['web.core'].bus;
    window.__uchaskePending = 0;
    bus.on('rpc_request', null, function () { window.__uchaskePending++; });
    bus.on('rpc_response', null, function () { window.__uchaskePending--; });
    bus.on('rpc_response_failed', null, function () { window.__uchaskePending--; });
    return false;
}
if (window.__uchaskePending > 0) { return false; }
var loading = document.querySelector('.o_loading');
if (loading && loading.offsetParent !== null && loading.textContent.trim()) {
    return false;
}
if (document.querySelector('.blockUI, .oe_blockui_spin_container')) { return false; }
return true;
"""

#: The web client has started (top bar and the home action shown).
WEB_CLIENT_READY_JS = r"""
var body = document.body;
if (!body || !body.classList.contains('o_web_client')) { return false; }
if (!(window.odoo && odoo.__DEBUG__ && odoo.__DEBUG__.js_modules)) { return false; }
return !!document.querySelector('.o_main_content .o_content > *,'
                                + ' .o_action_manager .o_content > *');
"""

#: The visible element of the topmost layer: the last open dialog, or the
#: main content area.
SCOPE_JS = r"""
var modals = Array.prototype.filter.call(
    document.querySelectorAll('.modal.in, .modal.show, .modal'),
    function (m) { return m.offsetParent !== null || m.getClientRects().length; });
if (modals.length) { return modals[modals.length - 1]; }
return document.querySelector('.o_main_content') || document.body;
"""


class JourneyError(AssertionError):
    """A journey step failed: the message says which step and why."""


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


class Journey:
    """One user in one browser, step by step.

    ``journey.step("what the user does")`` is a context manager: the block
    performs the step; at its end the client must be idle and error-free,
    and a screenshot is saved.
    """

    def __init__(self, driver, base_url, name, screenshot_dir):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.dir = screenshot_dir / _slug(name)
        self.dir.mkdir(parents=True, exist_ok=True)
        for old in self.dir.glob("*.png"):
            old.unlink()
        self.count = 0
        self.timings = {}
        self._date_format = None

    # -- the step frame ------------------------------------------------

    def step(self, label):
        return _Step(self, label)

    def check(self, label):
        """Wait for the client to be idle, then fail on any error."""
        self.wait_idle()
        errors = self.errors()
        if errors:
            self.screenshot(label + " (error)")
            raise JourneyError("%s: step %r: error in the web client: %s"
                               % (self.name, label, errors))

    def screenshot(self, label):
        self.count += 1
        path = self.dir / ("%02d-%s.png" % (self.count, _slug(label)))
        self.driver.save_screenshot(str(path))
        return path

    def errors(self):
        found = list(self.driver.execute_script(ERROR_DIALOGS_JS) or [])
        found += self.console_errors()
        return found

    def console_errors(self):
        """SEVERE console entries from the web client, minus closed-network
        noise (other hosts, the favicon)."""
        server = urlparse(self.base_url).netloc
        errors = []
        try:
            entries = self.driver.get_log("browser")
        except WebDriverException:
            return errors
        for entry in entries:
            if entry.get("level") != "SEVERE":
                continue
            message = entry.get("message", "")
            if "favicon" in message:
                continue
            url = message.split(" ", 1)[0]
            if entry.get("source") == "network" and urlparse(url).netloc != server:
                continue
            errors.append("console: " + message)
        return errors

    # -- waiting ---------------------------------------------------------

    def wait(self, condition, what, timeout=TIMEOUT):
        """Wait for ``condition(driver)``; an error dialog ends the wait."""
        try:
            # a list re-rendered while a condition reads it (an element gone
            # stale between find and read) is "not yet", not a failure
            WebDriverWait(self.driver, timeout, poll_frequency=0.1,
                          ignored_exceptions=(StaleElementReferenceException,)
                          ).until(
                lambda d: d.execute_script(ERROR_DIALOGS_JS) or condition(d))
        except TimeoutException:
            self.screenshot("timeout " + what)
            raise JourneyError("%s: timed out after %ss waiting for %s (url %s)"
                               % (self.name, timeout, what, self.driver.current_url))
        errors = self.driver.execute_script(ERROR_DIALOGS_JS)
        if errors:
            self.screenshot("error " + what)
            raise JourneyError("%s: error in the web client while waiting for "
                               "%s: %s" % (self.name, what, errors))

    def wait_idle(self, settle=0.25):
        """No request pending for ``settle`` seconds in a row."""
        deadline = time.monotonic() + TIMEOUT
        quiet_since = None
        while time.monotonic() < deadline:
            if self.driver.execute_script(IDLE_JS):
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= settle:
                    return
            else:
                quiet_since = None
            time.sleep(0.05)
        raise JourneyError("%s: the web client stayed busy for %ss (url %s)"
                           % (self.name, TIMEOUT, self.driver.current_url))

    # -- logging in --------------------------------------------------------

    def login(self, login, password=None):
        started = time.monotonic()
        self.driver.get(self.base_url + "/web/login")
        form = self.driver.find_element(By.CSS_SELECTOR, "form.oe_login_form")
        form.find_element(By.ID, "login").send_keys(login)
        form.find_element(By.ID, "password").send_keys(password or login)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda d: d.execute_script(WEB_CLIENT_READY_JS),
                  "the web client after logging in as %r" % login)
        self.wait_idle()
        self.timings["login"] = time.monotonic() - started
        self.check("login as %s" % login)
        self.screenshot("logged in as %s" % login)

    # -- finding things ------------------------------------------------

    def scope(self):
        """The topmost layer: the open dialog, else the main area."""
        return self.driver.execute_script(SCOPE_JS)

    def find(self, css, scope=None, visible=True, timeout=TIMEOUT, what=None):
        """The first element matching ``css`` (in the topmost layer)."""
        found = []

        def look(driver):
            root = scope if scope is not None else self.scope()
            try:
                elements = root.find_elements(By.CSS_SELECTOR, css)
                found[:] = [e for e in elements if e.is_displayed() or not visible]
            except StaleElementReferenceException:
                return False
            return bool(found)

        self.wait(look, what or css, timeout=timeout)
        return found[0]

    def find_all(self, css, scope=None):
        root = scope if scope is not None else self.scope()
        return [e for e in root.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]

    def exists(self, css, scope=None):
        return bool(self.find_all(css, scope))

    def button(self, text, css="button", scope=None, timeout=TIMEOUT):
        """A visible button whose text is ``text`` (exact, spaces trimmed)."""
        found = []

        def look(driver):
            root = scope if scope is not None else self.scope()
            try:
                # not the statusbar's state labels, not disabled buttons
                found[:] = [b for b in root.find_elements(By.CSS_SELECTOR, css)
                            if b.is_displayed() and b.is_enabled()
                            and " ".join(b.text.split()) == text
                            and "o_arrow_button"
                            not in (b.get_attribute("class") or "")]
            except StaleElementReferenceException:
                return False
            return bool(found)

        self.wait(look, "the button %r" % text, timeout=timeout)
        return found[0]

    def has_button(self, text, css="button"):
        return any(" ".join(b.text.split()) == text for b in self.find_all(css))

    def click(self, element):
        """A real click; when something covers the element (a sticky
        header), scroll it to the middle of the screen and click again."""
        try:
            element.click()
        except ElementClickInterceptedException:
            self.driver.execute_script(
                "arguments[0].scrollIntoView({block: 'center'});", element)
            time.sleep(0.2)
            try:
                element.click()
            except ElementClickInterceptedException:
                # a fading overlay (the empty list's help) still on top:
                # the click goes to the element itself
                self.driver.execute_script("arguments[0].click();", element)
        self.wait_idle()

    def click_button(self, text, css="button"):
        self.click(self.button(text, css))

    # -- navigation --------------------------------------------------------

    def open_menu(self, xmlid):
        """Open the menu item ``xmlid`` as a user would: its app first, then
        the entry in the menu (opened from the app drawer or the section
        drop-down on a small screen)."""
        started = time.monotonic()
        link = self.driver.find_elements(
            By.CSS_SELECTOR, 'a[data-menu-xmlid="%s"]' % xmlid)
        if not link:
            self.screenshot("no menu " + xmlid)
            raise JourneyError("%s: menu %s is not offered to this user"
                               % (self.name, xmlid))
        link = link[0]
        if not link.is_displayed():
            # web_responsive: the entry sits in its section's drop-down of
            # the top bar (on a phone, behind the menu toggle)
            for toggle_css in ("#odooMenuBarToggle", ".o_mobile_menu_toggle"):
                for toggle in self.driver.find_elements(By.CSS_SELECTOR, toggle_css):
                    if toggle.is_displayed():
                        self.click(toggle)
                        break
            self.driver.execute_script(
                "var li = arguments[0].closest('li.dropdown');"
                "var a = li && li.querySelector('a.dropdown-toggle');"
                "if (a && a.offsetParent !== null && !li.classList.contains('open'))"
                " { a.click(); }", link)
            time.sleep(0.2)
        if link.is_displayed():
            self.click(link)
        else:
            # collapsed into a drop-down/drawer (small screens, 'More'):
            # the same link, clicked through its handler
            self.driver.execute_script("arguments[0].click();", link)
            self.wait_idle()
        self.wait(lambda d: d.execute_script(
            "return !!document.querySelector('.o_control_panel .breadcrumb')"
            " && !!document.querySelector('.o_content > *');"),
            "the action of menu %s" % xmlid)
        self.wait_idle()
        self.timings.setdefault("menu " + xmlid, time.monotonic() - started)
        return self

    def breadcrumb(self):
        return " / ".join(
            e.text.strip() for e in self.driver.find_elements(
                By.CSS_SELECTOR, ".o_control_panel .breadcrumb li") if e.text.strip())

    def menu_offered(self, xmlid):
        return bool(self.driver.find_elements(
            By.CSS_SELECTOR, 'a[data-menu-xmlid="%s"]' % xmlid))

    # -- list, form, kanban --------------------------------------------

    def create(self):
        """Press the Create button of the current list, kanban or form."""
        self.click(self.find(".o_list_button_add, .o-kanban-button-new, "
                             ".o_form_button_create", what="the Create button"))
        self.find(".o_form_view.o_form_editable, .o_form_view .o_form_editable,"
                  " .o_list_view .o_selected_row", what="an editable form")
        return self

    def edit(self):
        self.click(self.find(".o_form_button_edit", what="the Edit button"))
        self.find(".o_form_view.o_form_editable", what="the form in edit mode")
        return self

    def save(self):
        started = time.monotonic()
        self.click(self.find(".o_form_button_save", what="the Save button"))
        self.wait(lambda d: not [b for b in d.find_elements(
            By.CSS_SELECTOR, ".o_form_button_save") if b.is_displayed()]
            or d.execute_script(ERROR_DIALOGS_JS),
            "the form to be saved")
        self.timings.setdefault("save", time.monotonic() - started)
        return self

    def discard(self):
        self.click(self.find(".o_form_button_cancel", what="the Discard button"))
        # a changed record asks before discarding
        for button in self.find_all(".modal-footer button.btn-primary"):
            self.click(button)
            break
        return self

    def open_row(self, text):
        """Open the first list row (or kanban card) that shows ``text``."""
        started = time.monotonic()
        rows = []

        def look(driver):
            css = ".o_list_view tbody tr.o_data_row, .o_kanban_view .o_kanban_record"
            rows[:] = [r for r in driver.find_elements(By.CSS_SELECTOR, css)
                       if r.is_displayed() and text in r.text]
            return bool(rows)

        for attempt in range(3):
            self.wait(look, "a row showing %r" % text)
            try:
                row = rows[0]
                cells = row.find_elements(By.CSS_SELECTOR, "td.o_data_cell")
                self.click(cells[0] if cells else row)
                break
            except StaleElementReferenceException:
                # the list re-rendered between finding the row and clicking
                # it (seen in CI: a late reload after a language switch)
                if attempt == 2:
                    raise
        self.find(".o_form_view", what="the form of %r" % text)
        self.timings.setdefault("open form", time.monotonic() - started)
        return self

    def rows(self):
        return [" | ".join(c.text.strip() for c in r.find_elements(
                    By.CSS_SELECTOR, "td"))
                for r in self.driver.find_elements(
                    By.CSS_SELECTOR, ".o_list_view tbody tr.o_data_row")
                if r.is_displayed()]

    def field(self, name, scope=None):
        """The widget of field ``name`` in the topmost form."""
        return self.find('.o_form_view .o_field_widget[name="%s"], '
                         '.o_form_view [name="%s"].o_field_widget' % (name, name),
                         scope=scope, what="the field %r" % name)

    def field_text(self, name):
        return " ".join(self.field(name).text.split())

    def fill(self, name, value, scope=None, choice=None):
        """Type ``value`` into field ``name`` the way its widget takes it:
        text, a choice in a selection, a date, or a name chosen in the
        autocomplete of a many2one (the one showing ``choice``, by default
        the one showing what was typed: a person found by the start of the
        IIN shows the name)."""
        widget = self.field(name, scope)
        classes = widget.get_attribute("class") or ""
        tag = widget.tag_name
        if tag == "select":
            select = Select(widget)
            options = [o.text.strip() for o in select.options]
            if value not in options:
                raise JourneyError("%s: %r is not a choice of %s: %s"
                                   % (self.name, value, name, options))
            select.select_by_visible_text(value)
        elif "o_field_many2one" in classes:
            self._fill_many2one(widget, name, value, choice or value)
        elif "o_field_date" in classes or "o_datepicker" in classes:
            self._fill_date(widget, value)
        elif tag in ("input", "textarea"):
            widget.clear()
            widget.send_keys(value)
        else:
            box = widget.find_element(By.CSS_SELECTOR, "input, textarea")
            box.clear()
            box.send_keys(value)
        self.wait_idle(settle=0.15)
        return self

    def _fill_many2one(self, widget, name, value, choice):
        box = widget.find_element(By.CSS_SELECTOR, "input")
        box.clear()
        box.send_keys(value)
        items = []

        def look(driver):
            items[:] = [a for a in driver.find_elements(
                By.CSS_SELECTOR, "ul.ui-autocomplete li a, ul.ui-autocomplete li")
                if a.is_displayed() and choice.lower() in a.text.lower()
                and "Search More" not in a.text and "Create" not in a.text]
            return bool(items)

        self.wait(look, "%r in the choices of %s for %r" % (choice, name, value))
        self.click(items[0])

    def date_format(self):
        """The user's date format (strftime), as the web client uses it."""
        if not self._date_format:
            self._date_format = self.driver.execute_script(
                "return odoo.__DEBUG__.services['web.core']._t.database"
                ".parameters.date_format;")
        return self._date_format

    def _fill_date(self, widget, value):
        """A date ("YYYY-MM-DD") or a date and time ("YYYY-MM-DD HH:MM"),
        typed in the user's format."""
        if isinstance(value, (date, datetime)):
            moment = value
        else:
            moment = datetime.strptime(
                value, "%Y-%m-%d %H:%M" if " " in value else "%Y-%m-%d")
        fmt = self.date_format()
        if "o_field_datetime" in (widget.get_attribute("class") or ""):
            fmt += " " + self.driver.execute_script(
                "return odoo.__DEBUG__.services['web.core']._t.database"
                ".parameters.time_format;")
            if not isinstance(moment, datetime):
                # a day only: 10:00 that day, or the browser's time now if
                # it is today (10:00 may not have come yet: a time in the
                # future is refused for what has already happened)
                local = datetime(*self.driver.execute_script(
                    "var d = new Date(); return [d.getFullYear(), "
                    "d.getMonth() + 1, d.getDate(), d.getHours(), "
                    "d.getMinutes()];"))
                moment = local if local.date() == moment else datetime(
                    moment.year, moment.month, moment.day, 10, 0)
        box = widget if widget.tag_name == "input" else \
            widget.find_element(By.CSS_SELECTOR, "input")
        box.clear()
        box.send_keys(moment.strftime(fmt))
        box.send_keys(Keys.TAB)  # closes the date picker, commits the value

    def set_checkbox(self, name, checked=True):
        widget = self.field(name)
        box = widget.find_element(By.CSS_SELECTOR, "input[type=checkbox]")
        if box.is_selected() != checked:
            self.click(widget.find_element(By.CSS_SELECTOR, "label, input"))
        return self

    def tab(self, text):
        """Open the notebook page titled ``text``."""
        self.click(self.button(text, css=".o_notebook .nav-tabs a, .nav-tabs a"))
        return self

    def status(self):
        """The current state shown by the statusbar."""
        active = self.find_all(".o_statusbar_status .btn-primary, "
                               ".o_statusbar_status .o_arrow_button.btn-primary")
        return active[0].text.strip() if active else None

    def dialog(self):
        """The open dialog (modal), waited for."""
        return self.find(".modal .modal-content", scope=self.driver, what="a dialog")

    def dialog_text(self):
        return " ".join(self.dialog().text.split())

    def refusal(self):
        """The text of the warning the server's refusal of an input opened
        (a ValidationError or UserError: what the user is meant to read),
        after closing it with its button. Fails when there is none, and on
        a server error (a traceback is never a refusal)."""
        self.wait_idle()
        modals = [m for m in self.driver.find_elements(
            By.CSS_SELECTOR, ".modal .modal-content") if m.is_displayed()]
        text = " ".join(modals[-1].text.split()) if modals else ""
        if "Warning" not in text[:20] or "Server Error" in text \
                or "Traceback" in text:
            self.screenshot("no refusal")
            raise JourneyError("%s: expected a refusal, found %r"
                               % (self.name, text[:300]))
        # Odoo 11's client also logs the refusal on the console: that entry
        # is the refusal read above; any other is an error
        others = [entry for entry in self.console_errors()
                  if not any(name in entry for name in REFUSALS)]
        if others:
            raise JourneyError("%s: errors besides the refusal: %s"
                               % (self.name, others))
        self.click(modals[-1].find_element(By.CSS_SELECTOR, ".modal-footer button"))
        return text

    def dialog_button(self, text):
        self.click(self.button(text, css=".modal-footer button"))
        return self

    def upload(self, name, path):
        """Give the file at ``path`` to the file input of field ``name``
        (or of the first file input of the topmost layer)."""
        inputs = self.scope().find_elements(
            By.CSS_SELECTOR, '[name="%s"] input[type=file]' % name) or \
            self.scope().find_elements(By.CSS_SELECTOR, "input[type=file]")
        if not inputs:
            raise JourneyError("%s: no file input for %s" % (self.name, name))
        inputs[0].send_keys(str(path))
        self.wait_idle(settle=0.5)
        return self

    def clear_filters(self):
        """Remove every facet of the search view (the action's defaults)."""
        while True:
            removes = [e for e in self.driver.find_elements(
                By.CSS_SELECTOR, ".o_searchview_facet .o_facet_remove")
                if e.is_displayed()]
            if not removes:
                return self
            self.click(removes[0])

    def choose_filter(self, text):
        """Filters ▸ ``text`` in the search view."""
        self.click(self.find(".o_search_options .o_filters_menu_button, "
                             ".o_search_options button.dropdown-toggle",
                             scope=self.driver, what="the Filters button"))
        self.click(self.button(text, css=".o_filters_menu a, .dropdown-menu a"))
        return self

    def search(self, text):
        """Type ``text`` in the search view and take its first proposal."""
        box = self.find(".o_searchview_input", scope=self.driver,
                        what="the search box")
        box.send_keys(text)
        box.send_keys(Keys.ENTER)
        self.wait_idle()
        return self

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text


class _Step:

    def __init__(self, journey, label):
        self.journey = journey
        self.label = label

    def __enter__(self):
        return self.journey

    def __exit__(self, exc_type, exc, tb):
        journey = self.journey
        if exc_type is not None:
            try:
                journey.screenshot(self.label + " (failed)")
            except WebDriverException:
                pass
            if issubclass(exc_type, JourneyError):
                return False
            errors = []
            try:
                errors = journey.errors()
            except WebDriverException:
                pass
            if errors:
                raise JourneyError("%s: step %r failed (%s) with errors in the "
                                   "web client: %s" % (journey.name, self.label,
                                                       exc, errors)) from exc
            return False
        journey.check(self.label)
        journey.screenshot(self.label)
        return False
