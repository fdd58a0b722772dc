"""The handover of a district (A1 §1, R4, R5) walked in the web client by
the demo users, by clicking and typing (see journey.py): the outgoing
inspector of "Turan – Orynbor" draws up the act and signs the handover, the
accepting inspector signs the acceptance, the district chief confirms as
the supervisor present; the confirmed act shows the passport as handed over
and is locked (no Edit), the accepting inspector's one-month walkthrough
opens (R5), and the chief prints the passport (Appendix 1). Screenshots in
``var/screenshots/<journey>/``."""
import pytest

DISTRICT = "Turan"
MENU = {
    "acts": "uchaske_base.uchaske_district_handover_menu",
    "passports": "uchaske_base.uchaske_district_passport_menu",
    "walkthroughs": "uchaske_base.uchaske_district_walkthrough_menu",
}


@pytest.fixture(scope="module")
def act():
    """Shared between the journeys: the URL of the act's form."""
    return {}


def _on_the_act(journeys, act, name, login):
    """A journey of ``login`` that starts on the act the first one made."""
    if not act.get("url"):
        pytest.skip("the outgoing inspector's journey made no act")
    j = journeys(name, login)
    with j.step("open the act"):
        j.open_menu(MENU["acts"])
        j.driver.get(act["url"])
        j.wait_idle(settle=1.0)
    return j


def _sign(j, button, next_button):
    """Press ``button``; then neither it nor the next party's shows."""
    j.click_button(button)
    j.wait_idle(settle=1.0)
    assert not j.has_button(button)
    assert not j.has_button(next_button)


def test_30_outgoing_inspector_draws_up_and_signs(journeys, act):
    """R4: the officer handing over fills the act and signs first."""
    j = journeys("30 handover outgoing", "inspector_b")
    with j.step("open the handover acts"):
        j.open_menu(MENU["acts"])
    with j.step("a new act for his district"):
        j.create()
        j.fill("passport_id", DISTRICT)
        j.fill("handing_user_id", "Daniyar Omarov")
        j.fill("accepting_user_id", "Marat Zhaksylykov")
        j.fill("supervisor_id", "Yerlan Bekov")
        j.fill("supervisor_position", "District chief, police major")
        j.fill("remarks", "Two stale entries of §4 to confirm")
        j.save()
        act["url"] = j.driver.current_url
    with j.step("sign the handover"):
        _sign(j, "Sign the handover", "Sign the acceptance")


def test_31_accepting_inspector_signs(journeys, act):
    """R4, R2.3: the accepting inspector (not a party of the district yet)
    reads the act and signs the acceptance."""
    j = _on_the_act(journeys, act, "31 handover accepting", "inspector")
    assert "Daniyar Omarov" in j.text()
    with j.step("sign the acceptance"):
        _sign(j, "Sign the acceptance", "Confirm as supervisor")


def test_32_supervisor_confirms_and_prints(journeys, act):
    """R4: the supervisor present confirms; the act is then locked and
    shows the passport as handed over; the accepting inspector's
    walkthrough opens (R5); the passport prints as Appendix 1."""
    j = _on_the_act(journeys, act, "32 handover supervisor", "chief")
    with j.step("confirm as the supervisor present"):
        j.click_button("Confirm as supervisor")
        j.wait(lambda d: "Passport as handed over" in j.text(),
               "the snapshot on the confirmed act")
        assert not j.has_button("Confirm as supervisor")
    with j.step("the confirmed act is locked: no Edit"):
        assert "Handover of 2. Turan" in j.breadcrumb(), j.breadcrumb()
        assert not j.has_button("Edit", css=".o_form_buttons_view button")
    with j.step("the accepting inspector's walkthrough is open (R5)"):
        j.open_menu(MENU["walkthroughs"])
        rows = [row for row in j.rows() if DISTRICT in row
                and "Marat Zhaksylykov" in row and "In progress" in row]
        assert rows, j.rows()
    with j.step("the passport prints as Appendix 1"):
        j.open_menu(MENU["passports"])
        j.open_row(DISTRICT)
        # R2.3: the chief reads a district's passport, its officers fill it
        assert not j.has_button("Edit", css=".o_form_buttons_view button")
        j.click_button("Print", css=".o_cp_sidebar button, .o_dropdown_toggler_btn")
        j.click(j.button("District passport (Appendix 1)",
                         css=".o_cp_sidebar a, .dropdown-menu a"))
        j.wait_idle(settle=3.0)
