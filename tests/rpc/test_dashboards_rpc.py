"""Issue 13, the supervisors' dashboards over XML-RPC: the Dashboards menu
and every entry of it (uchaske_base's, uchaske_registry's and
uchaske_meetings' own) load for the responsible inspector and the district
chief, and for neither the assistant nor the inspector; the chief's
figures come from a read_group of each entry's model."""
import pytest

import _servers

DASHBOARD_MENU = "uchaske_base.uchaske_dashboard_menu"
#: the entries each addon adds (issue 13: walkthroughs, plans,
#: transmissions, meetings per quarter, missed rural calls, overtime,
#: diversions; and the register's five)
ENTRIES = {
    "uchaske_base.uchaske_district_walkthrough_dashboard_menu",
    "uchaske_base.uchaske_work_plan_dashboard_menu",
    "uchaske_base.uchaske_info_transmission_dashboard_menu",
    "uchaske_base.uchaske_rural_call_missed_dashboard_menu",
    "uchaske_base.uchaske_time_entry_dashboard_menu",
    "uchaske_base.uchaske_diversion_dashboard_menu",
    "uchaske_meetings.uchaske_meeting_quarter_dashboard_menu",
    "uchaske_registry.uchaske_registry_case_dashboard_menu",
    "uchaske_registry.uchaske_workflow_deadline_line_dashboard_menu",
    "uchaske_registry.uchaske_registry_transfer_dashboard_menu",
    "uchaske_registry.uchaske_firearm_owner_dashboard_menu",
    "uchaske_registry.uchaske_foreigner_dashboard_menu",
}


@pytest.fixture(scope="module")
def menus(odoo_server):
    """{xmlid: menu id} of the Dashboards menu and its entries."""
    admin = _servers.Rpc(odoo_server, _servers.target_db(), "admin")
    return {xmlid: admin.call("ir.model.data", "xmlid_to_res_id", xmlid)
            for xmlid in ENTRIES | {DASHBOARD_MENU}}


@pytest.mark.parametrize("login,offered", [
    ("assistant", False), ("inspector", False),
    ("responsible", True), ("chief", True)])
def test_dashboards_only_for_responsible_and_chief(odoo_server, menus, login,
                                                   offered):
    """Issue 13: the menus the web client loads for each role."""
    user = _servers.Rpc(odoo_server, _servers.target_db(), login)
    loaded = set(user.call("ir.ui.menu", "load_menus", False)["all_menu_ids"])
    shown = {xmlid for xmlid, menu_id in menus.items() if menu_id in loaded}
    assert shown == (set(menus) if offered else set()), (login, shown)
    # nor can the assistant or the inspector find them by searching
    found = user.call("ir.ui.menu", "search", [("id", "in", list(menus.values()))])
    assert bool(found) == offered, (login, found)


def test_chief_reads_every_dashboard(odoo_server, menus):
    """Issue 13: each entry's action is reserved to the two roles, opens
    on its pivot with a default filter (the current period), and its model
    answers the chief (scoped by the record rules)."""
    chief = _servers.Rpc(odoo_server, _servers.target_db(), "chief")
    admin = _servers.Rpc(odoo_server, _servers.target_db(), "admin")
    groups = {admin.call("ir.model.data", "xmlid_to_res_id", xmlid) for xmlid in (
        "uchaske_base.group_responsible_inspector",
        "uchaske_base.group_district_chief")}
    for xmlid in sorted(ENTRIES):
        menu = admin.call("ir.ui.menu", "read", [menus[xmlid]], ["action"])[0]
        action_id = int(menu["action"].split(",")[1])
        action = admin.call("ir.actions.act_window", "read", [action_id],
                            ["res_model", "groups_id", "view_mode", "context"])[0]
        assert set(action["groups_id"]) == groups, xmlid
        assert action["view_mode"].startswith("pivot"), xmlid
        assert "search_default_" in action["context"], xmlid
        count = chief.call(action["res_model"], "search_count", [])
        assert isinstance(count, int), xmlid
