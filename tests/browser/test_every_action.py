"""Every screen of the Uchaske menus, as every role: open it, press Create,
Save, Discard -- the web client must never break (issue 7).

For each demo role the test walks every leaf of the Uchaske application
menu. On each action it waits for the view, then, where the user is offered
Create, opens a new record, presses Save on it as it comes, and Discards.

* any client error, server error dialog or SEVERE console error fails;
* Saving an empty form may be refused, but only for fields the user can
  fill: a required field that is read-only or hidden (the user can never
  save) fails the test;
* a refusal of the server on Save must be a warning (a user error with a
  message), never a server error.

Screenshots: ``var/screenshots/every-action-<role>/``.
"""
import pytest
from selenium.webdriver.common.by import By

ROLES = ("assistant", "inspector", "responsible", "chief")
ROOT_MENU = "uchaske_base.uchaske_root_menu"

#: leaf menus of the Uchaske app, as (xmlid, label), for the logged-in user
LEAVES_JS = r"""
var root = document.querySelector('a[data-menu-xmlid="' + arguments[0] + '"]');
if (!root) { return []; }
var id = root.getAttribute('data-menu');
var box = document.querySelector('.oe_secondary_menu[data-menu-parent="' + id + '"]');
if (!box) { return []; }
return Array.prototype.map.call(
    box.querySelectorAll('a.oe_menu_leaf[data-menu-xmlid]'),
    function (a) { return [a.getAttribute('data-menu-xmlid'), a.textContent.trim()]; });
"""

#: fields marked invalid by the form that the user cannot fill
UNFILLABLE_INVALID_JS = r"""
var bad = [];
document.querySelectorAll('.o_form_view .o_field_invalid').forEach(function (el) {
    var hidden = !(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    if (hidden || el.classList.contains('o_readonly_modifier')) {
        bad.push((el.getAttribute('name') || el.className)
                 + (hidden ? ' (hidden)' : ' (read-only)'));
    }
});
return bad;
"""

SERVER_ERROR_JS = r"""
return Array.prototype.map.call(
    document.querySelectorAll('.modal .o_dialog_error'),
    function (el) { return el.textContent.replace(/\s+/g, ' ').trim().slice(0, 500); });
"""


def _save_new_record(j, label):
    """Press Save on the new record: saved, or refused for fields the user
    can fill, or refused by the server with a warning."""
    j.click(j.find(".o_form_button_save", what="the Save button"))
    j.wait_idle()
    unfillable = j.driver.execute_script(UNFILLABLE_INVALID_JS)
    assert not unfillable, (
        "%s: %s: Save asks for fields the user cannot fill: %s"
        % (j.name, label, unfillable))
    server_errors = j.driver.execute_script(SERVER_ERROR_JS)
    assert not server_errors, "%s: %s: server error on Save: %s" % (
        j.name, label, server_errors)
    j.screenshot(label + " saved or refused")
    # a warning (a user error) closes with its button; notifications fade
    for button in j.find_all(".modal-footer button.btn-primary", scope=j.driver):
        j.click(button)
    _dismiss_notifications(j)


def _dismiss_notifications(j):
    """The 'fields are invalid' notification was read: let it go."""
    j.driver.execute_script(
        "document.querySelectorAll('.o_notification').forEach("
        "function (n) { n.remove(); });")


@pytest.mark.parametrize("login", ROLES)
def test_every_action_create_save_discard(journeys, login):
    """R2.2, R2.3, R16, R24: every screen of every role opens, creates,
    saves and discards without breaking the web client."""
    j = journeys("every action %s" % login, login)
    leaves = j.driver.execute_script(LEAVES_JS, ROOT_MENU)
    assert len(leaves) >= 5, "too few Uchaske menus for %s: %s" % (login, leaves)
    walked = []
    for xmlid, label in leaves:
        with j.step("open %s" % label):
            j.open_menu(xmlid)
            j.wait_idle(settle=0.6)  # a wizard opens after its action
        if j.exists(".modal .modal-footer button", scope=j.driver):
            # a wizard (a list "as of" a date, an import): its main button
            # either works with the defaults or asks for fields one can fill
            j.screenshot("%s: wizard" % label)
            j.click(j.find(".modal .modal-footer button",
                           scope=j.driver, what="the wizard's button"))
            j.wait_idle()
            unfillable = j.driver.execute_script(
                UNFILLABLE_INVALID_JS.replace(".o_form_view .o_field_invalid",
                                              ".modal .o_field_invalid"))
            assert not unfillable, "%s: %s asks for fields one cannot fill: %s" % (
                j.name, label, unfillable)
            _dismiss_notifications(j)
            for close in j.find_all(".modal .close, .modal-footer .btn-default",
                                    scope=j.driver):
                j.click(close)
                break
            j.check("%s: wizard" % label)
            walked.append((label, "wizard"))
            continue
        if not j.exists(".o_list_button_add, .o-kanban-button-new, "
                        ".o_form_button_create", scope=j.driver):
            walked.append((label, "read-only"))
            continue
        with j.step("%s: Create" % label):
            j.click(j.find(".o_list_button_add, .o-kanban-button-new, "
                           ".o_form_button_create", scope=j.driver,
                           what="the Create button"))
            j.wait_idle()
        if j.exists(".o_form_view .o_form_button_save, .o_form_buttons_edit "
                    ".o_form_button_save", scope=j.driver):
            _save_new_record(j, label)
            j.check("%s: Save" % label)
        with j.step("%s: Discard" % label):
            for button in j.find_all(".o_form_button_cancel, "
                                     ".o_list_button_discard", scope=j.driver):
                j.click(button)
                break
            # "The record has been modified, your changes will be discarded"
            for button in j.find_all(".modal-footer button.btn-primary",
                                     scope=j.driver):
                j.click(button)
                break
        walked.append((label, "created"))
    print("%s walked %d screens: %s" % (login, len(walked), walked))
    assert j.driver.find_elements(By.CSS_SELECTOR, "body.o_web_client")
