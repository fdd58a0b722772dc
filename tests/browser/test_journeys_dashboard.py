"""Issue 13, dashboards in the browser (see journey.py): the district chief
opens the dashboards, switches between pivot and graph, clicks a number and
gets the records behind it; the inspector is not offered the menu."""
import re

import pytest
from selenium.webdriver.common.by import By

MENUS = (
    "uchaske_registry.uchaske_registry_case_dashboard_menu",
    "uchaske_registry.uchaske_workflow_deadline_line_dashboard_menu",
    "uchaske_registry.uchaske_registry_transfer_dashboard_menu",
    "uchaske_registry.uchaske_firearm_owner_dashboard_menu",
    "uchaske_registry.uchaske_foreigner_dashboard_menu",
)
#: the entries of the daily work, the passports and the meetings (issue 13)
MORE_MENUS = (
    "uchaske_base.uchaske_district_walkthrough_dashboard_menu",
    "uchaske_base.uchaske_work_plan_dashboard_menu",
    "uchaske_base.uchaske_info_transmission_dashboard_menu",
    "uchaske_meetings.uchaske_meeting_quarter_dashboard_menu",
    "uchaske_base.uchaske_rural_call_missed_dashboard_menu",
    "uchaske_base.uchaske_time_entry_dashboard_menu",
    "uchaske_base.uchaske_diversion_dashboard_menu",
)


def _pivot_totals(j):
    """The figures of the pivot's row-total column: [(cell, number)]."""
    cells = []
    for row in j.driver.find_elements(By.CSS_SELECTOR, ".o_pivot table tbody tr"):
        values = row.find_elements(By.CSS_SELECTOR, "td.o_pivot_cell_value")
        if values and values[-1].text.strip():
            cells.append((values[-1], int(re.sub(r"\D", "", values[-1].text))))
    return cells


def test_09_chief_dashboards(journeys):
    """Issue 13: the chief's dashboards open on their pivot; the graph
    draws; a number of the cases' pivot opens exactly that many cases (a
    journaled list, R15); every dashboard loads without a client error."""
    j = journeys("09 chief dashboards", "chief")
    with j.step("open the cases' dashboard"):
        j.open_menu(MENUS[0])
        j.find(".o_pivot table", what="the pivot")
        totals = _pivot_totals(j)
        assert totals, "the cases' pivot shows no figure"
        j.screenshot("cases pivot")
    with j.step("switch to the graph"):
        j.click(j.find(".o_cp_switch_graph", scope=j.driver, what="the graph switch"))
        j.find(".o_graph_svg_container svg, .o_graph svg", what="the graph")
        j.screenshot("cases graph")
    with j.step("back to the pivot, click the first category's total"):
        j.click(j.find(".o_cp_switch_pivot", scope=j.driver, what="the pivot switch"))
        j.find(".o_pivot table", what="the pivot")
        # [0] is the grand total; [1] the first category
        cell, number = _pivot_totals(j)[1]
        j.click(cell)
        j.find(".o_list_view", what="the list of the cases behind the number")
        j.wait_idle()
        rows = j.rows()
        assert len(rows) == number, (number, rows)
        j.screenshot("cases behind the number")
    for menu in MENUS[1:]:
        with j.step("open %s" % menu.split(".")[1]):
            j.open_menu(menu)
            j.find(".o_pivot", what="the pivot")
            j.screenshot(menu.split(".")[1])
    for menu in MORE_MENUS:
        with j.step("open %s" % menu.split(".")[1]):
            j.open_menu(menu)
            j.find(".o_pivot", what="the pivot")
            # the current period is filtered (a facet in the search view)
            assert j.find_all(".o_searchview_facet"), menu
            j.screenshot(menu.split(".")[1])
        with j.step("%s as a graph" % menu.split(".")[1]):
            j.click(j.find(".o_cp_switch_graph", scope=j.driver,
                           what="the graph switch"))
            # the chart, or Odoo's "no data" help when the period is empty
            j.find(".o_graph_svg_container svg, .o_graph svg, "
                   ".o_graph .oe_view_nocontent", what="the graph")
    with j.step("firearm checks as a graph"):
        j.open_menu(MENUS[3])
        j.click(j.find(".o_cp_switch_graph", scope=j.driver, what="the graph switch"))
        j.find(".o_graph_svg_container svg, .o_graph svg", what="the graph")
        j.screenshot("firearm checks graph")


@pytest.mark.parametrize("login", ["inspector", "assistant"])
def test_10_inspector_has_no_dashboard(journeys, login):
    """Issue 13: neither the inspector nor the assistant is offered the
    dashboards."""
    j = journeys("10 %s no dashboard" % login, login)
    with j.step("no dashboard menu"):
        assert not j.menu_offered("uchaske_base.uchaske_dashboard_menu")
        for menu in MENUS + MORE_MENUS:
            assert not j.menu_offered(menu), menu
