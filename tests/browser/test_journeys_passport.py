"""The district passport in the web client (R19, A1, R5), by clicking and
typing as the demo users (see journey.py): the inspector opens the passport
of his district, types a figure of §3, adds a §4 entry, saves, and records
visits of his walkthrough; the chief opens the department's kanban and the
pivot of the figures by district and year."""
import random
import time

import _servers

THIS_YEAR = str(_servers.users_today().year)
DISTRICT = "Kabanbay batyr – Syganak"
MENU = {
    "passports": "uchaske_base.uchaske_district_passport_menu",
    "figures": "uchaske_base.uchaske_district_passport_year_menu",
    "walkthroughs": "uchaske_base.uchaske_district_walkthrough_menu",
}


def _add_line(j):
    """Press "Add an item" of the x2many list on the visible page."""
    j.click(j.find(".o_field_x2many_list_row_add a", what="Add an item"))
    j.find(".o_selected_row", what="a new line")


def test_20_inspector_fills_passport_and_walkthrough(journeys):
    tag = "%04d" % random.Random(time.time()).randint(0, 9999)
    j = journeys("20 inspector passport", "inspector")
    with j.step("open the passports"):
        j.open_menu(MENU["passports"])
    with j.step("open the passport of his district"):
        j.open_row(DISTRICT)
        j.edit()
    with j.step("§3: type the adults as of 1 January"):
        j.tab("3. Characteristics")
        j.click(j.find(".o_field_one2many td.o_data_cell", what="the year's row"))
        j.dialog()
        j.fill("adults", "1466")
        j.click(j.find(".modal-footer .btn-primary", scope=j.driver,
                       what="the dialog's save button"))
    with j.step("§4: add an enterprise"):
        j.tab("4. Enterprises")
        _add_line(j)
        # the kind first: leaving a typed cell re-renders the new line
        j.fill("kind", "Restaurant, café, shop, market, warehouse")
        j.fill("name", "Bakery %s" % tag)
        j.fill("address", "Syganak 5")
    with j.step("save the passport"):
        j.save()
        row = [r for r in j.rows() if "Bakery %s" % tag in r]
        assert row and "Restaurant, café" in row[0], row
    with j.step("the figure is saved"):
        j.tab("3. Characteristics")
        j.click(j.find(".o_field_one2many td.o_data_cell", what="the year's row"))
        j.dialog()
        assert j.field_text("adults").replace(",", "") == "1466"
        j.click(j.find(".modal-footer .btn", scope=j.driver, what="Close"))
    with j.step("open his walkthrough"):
        j.open_menu(MENU["walkthroughs"])
        j.open_row(DISTRICT)
        j.edit()
    with j.step("record two visits in a row"):
        for number in ("7", "9"):
            _add_line(j)
            j.fill("address", "Syganak %s, apt %s" % (tag, number))
        j.save()
        assert "Syganak %s, apt 9" % tag in j.text()


def test_21_chief_kanban_and_pivot(journeys):
    j = journeys("21 chief passports", "chief")
    with j.step("the department's districts in the kanban"):
        j.open_menu(MENU["passports"])
        j.find(".o_kanban_view .o_kanban_record", what="a district card")
        text = j.text()
        assert DISTRICT in text, text
        assert "Walkthrough" in text and "Stale entries" in text, text
    with j.step("the pivot of figures by district and year"):
        j.open_menu(MENU["figures"])
        j.find(".o_pivot", what="the pivot")
        text = j.text()
        assert DISTRICT in text and THIS_YEAR in text, text
