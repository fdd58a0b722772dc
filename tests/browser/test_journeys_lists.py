"""More journeys through the web client (see journey.py and
test_journeys.py): the lists of Appendices 2-4 (R17), the interface in
Kazakh, and a phone in the street (R2.2, R12)."""
import re
import time

import _servers
import pytest

TODAY = _servers.users_today().isoformat()
SAMPLES = _servers.ROOT / "addons" / "uchaske_registry" / "static" / "samples"

#: R17: the three lists, their menus, import type and a sample file
LISTS = {
    "A2": ("uchaske_registry.uchaske_firearm_owner_menu", "a2_firearm_owners.csv"),
    "A3": ("uchaske_registry.uchaske_noncustodial_person_menu",
           "a3_noncustodial.csv"),
    "A4": ("uchaske_registry.uchaske_foreigner_menu", "a4_foreigners.csv"),
}

#: words of Odoo's own frame that must not show in English to a Kazakh user
FRAME_WORDS = ("Edit", "Create", "Save", "Discard", "Print", "Action",
               "Search", "Filters", "Group By", "Favorites", "Send message",
               "Log note", "Schedule activity", "Followers")


def _import_sample(j, code):
    menu, sample = LISTS[code]
    with j.step("open list %s" % code):
        j.open_menu(menu)
        before = len(j.rows())
    with j.step("%s: Import from a file" % code):
        j.click_button("Import from a file")
        j.dialog()
    with j.step("%s: the district and the sample file" % code):
        j.fill("district_id", "Kabanbay")
        j.upload("file", SAMPLES / sample)
        j.wait(lambda d: d.execute_script(
            "var name = arguments[0];"
            "return Array.prototype.some.call(document.querySelectorAll("
            "'.modal input'), function (i) { return i.value === name; });",
            sample), "the file to be uploaded")
    with j.step("%s: import" % code):
        j.dialog_button("Import")
        text = j.dialog_text()
        assert re.search(r"\d", text), text
    with j.step("%s: close, the list shows the rows" % code):
        j.dialog_button("Close")
        j.wait_idle()
        after = len(j.rows())
        assert after >= before, (before, after)
        assert after > 0, "the imported list is empty"


def test_06_lists_create_import_open(journeys):
    """R17, R22.10: the inspector records a firearm owner by hand, imports
    the sample file of each appendix into his district and opens the
    lists; a second import of the same file adds no row."""
    j = journeys("06 inspector lists A2-A4", "inspector")
    with j.step("open the firearm owners (A2)"):
        j.open_menu(LISTS["A2"][0])
    with j.step("A2: create an owner"):
        j.create()
        j.fill("person_id", "Zhunusova")
        j.fill("district_id", "Kabanbay")
        j.fill("weapon_type", "smoothbore hunting")
        j.fill("weapon_make", "IZh-27")
        j.fill("weapon_number", "JRN-%d" % (time.time() * 1000))
        j.save()
    for code in ("A2", "A3", "A4"):
        _import_sample(j, code)
    with j.step("A2 again: a repeated import adds no row"):
        j.open_menu(LISTS["A2"][0])
        rows = len(j.rows())
        j.click_button("Import from a file")
        j.fill("district_id", "Kabanbay")
        j.upload("file", SAMPLES / LISTS["A2"][1])
        j.dialog_button("Import")
        j.dialog_button("Close")
        j.wait_idle()
        assert len(j.rows()) == rows


def _set_language(j, label):
    """Preferences ▸ Language, as the user does it."""
    j.click(j.find(".o_user_menu > a, .oe_topbar_name", scope=j.driver,
                   what="the user menu"))
    j.click(j.find('a[data-menu="settings"]', scope=j.driver,
                   what="Preferences"))
    j.fill("lang", label)
    j.click(j.find(".modal-footer .btn-primary", scope=j.driver,
                   what="the Save of the preferences"))
    j.wait(lambda d: d.execute_script(
        "return document.readyState === 'complete' && "
        "!!document.querySelector('body.o_web_client');"), "the reload")
    j.wait_idle(settle=1.0)


def _english_frame_words(j):
    text = j.text()
    return [w for w in FRAME_WORDS if re.search(r"\b%s\b" % re.escape(w), text)]


def test_07_kazakh_inspector(journeys):
    """The interface in Kazakh (kk_KZ, which Odoo 11 lacks): the inspector
    switches his language in Preferences; My work and a case form show the
    frame in Kazakh."""
    j = journeys("07 inspector in Kazakh", "inspector_b")
    with j.step("Preferences: Kazakh"):
        _set_language(j, "Қазақша / Kazakh")
    try:
        with j.step("My work in Kazakh"):
            j.open_menu("uchaske_base.uchaske_work_item_menu")
            assert not _english_frame_words(j), _english_frame_words(j)
        with j.step("a case form in Kazakh"):
            j.open_menu("uchaske_registry.uchaske_registry_case_menu")
            j.clear_filters()
            j.open_row("Sadykov")
            english = _english_frame_words(j)
            assert not english, "English in the kk case form: %s" % english
            assert any(ch in j.text() for ch in "әғқңөұүһі")
    finally:
        with j.step("Preferences: back to English"):
            _set_language(j, "English")


@pytest.mark.parametrize("window", [(400, 800)], ids=["phone-400"])
def test_08_phone_my_work_and_check(journeys, window):
    """R12 on a phone: the inspector opens My work at 400 px and records a
    supervision check of a person under supervision."""
    j = journeys("08 phone inspector check", "inspector", window=window)
    with j.step("My work on the phone"):
        j.open_menu("uchaske_base.uchaske_work_item_menu")
        width, inner = j.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth];")
        assert inner <= window[0] and width <= inner + 2, (
            "the page is %spx wide on a %spx screen" % (width, inner))
    with j.step("Supervision checks through the menu"):
        j.open_menu("uchaske_registry.uchaske_registry_check_menu")
    with j.step("record a check"):
        j.create()
        j.fill("case_id", "Zhunusova")
        j.fill("date", TODAY)
        j.fill("kind", "Home visit")
        j.fill("result", "Complies")
        j.save()
        width, inner = j.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth];")
        assert width <= inner + 2, "the form is %spx wide on %spx" % (width, inner)
