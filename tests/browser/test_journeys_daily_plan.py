"""Journeys of the daily work (issue 11) in the web client (see journey.py):
the responsible inspector drafts a police point's monthly plan from his
analysis with an item and submits it (R24.1); the chief approves it (R18);
the inspector records an information transmission and marks it sent
(R22.14); the inspector completes his item; the responsible inspector
reopens the plan with a reason and the chief approves it again; the
responsible inspector looks at the items on a timeline, prints the plan and
starts next month's; the inspector looks at his month's working time grid
(R8); the administrator names the substitute of the local police service's
chief, who approves the plans in his period (R18). Screenshots in
``var/screenshots/<journey>/``."""
import random
import tempfile
import time
from pathlib import Path

import pytest

import _servers

MENU = {
    "plans": "uchaske_base.uchaske_work_plan_menu",
    "items": "uchaske_base.uchaske_work_plan_item_menu",
    "transmissions": "uchaske_base.uchaske_info_transmission_menu",
    "time_grid": "uchaske_base.uchaske_time_grid_menu",
    "my_work": "uchaske_base.uchaske_work_item_menu",
    "services": "uchaske_base.uchaske_police_service_menu",
}


def _task(plan_month):
    """The item's task, unique to this run's month."""
    return "Walk the courtyards at night (%s)" % plan_month[0][:7]


@pytest.fixture(scope="module")
def plan_month():
    """A month far ahead, new on every run (the test database may be
    reused): (first day, a due date in it), as ISO dates."""
    rng = random.Random(time.time())
    year, month = rng.randint(2040, 2099), rng.randint(1, 12)
    return "%04d-%02d-01" % (year, month), "%04d-%02d-15" % (year, month)


def test_21_responsible_drafts_and_submits_a_plan(journeys, plan_month):
    """R24.1: the responsible inspector drafts the plan with his analysis
    and an item for the inspector, and submits it for approval."""
    first, due = plan_month
    j = journeys("21 responsible drafts a monthly plan", "responsible")
    with j.step("open Monthly work plans"):
        j.open_menu(MENU["plans"])
    with j.step("create a plan for %s" % first[:7]):
        j.create()
        j.fill("date_month", first)
        j.fill("analysis", "Thefts from cars rose in the courtyards at night.")
    with j.step("add an item for the inspector"):
        items = j.field("item_ids")
        j.click(j.button("Add an item", css="a", scope=items))
        row = j.find(".o_selected_row", scope=items, what="the new item row")
        j.fill("name", _task(plan_month), scope=row)
        j.fill("assignee_id", "Zhaksylykov", scope=row)
        j.fill("date_due", due, scope=row)
    with j.step("save"):
        j.save()
        assert j.status() == "Draft", j.status()
    with j.step("submit for approval"):
        j.click_button("Submit for approval")
        j.wait(lambda d: j.status() == "Submitted for approval",
               "the plan to be submitted")
        assert not j.has_button("Approve"), "the author is offered Approve"


def test_22_chief_approves_the_plan(journeys, plan_month):
    """R18: the chief approves the submitted plan; it is then locked."""
    first = plan_month[0]
    j = journeys("22 chief approves the plan", "chief")
    with j.step("open the submitted plan"):
        j.open_menu(MENU["plans"])
        j.open_row(first[:4])  # the list shows the date in the user's format
        assert j.status() == "Submitted for approval", j.status()
    with j.step("approve"):
        j.click_button("Approve")
        j.wait(lambda d: j.status() == "Approved", "the plan to be approved")


def _information(plan_month):
    """The transmission's subject, unique to this run."""
    return "Unlicensed alcohol sales at the kiosk, Turan 12 (%s)" % (
        plan_month[0][:7])


def test_23_inspector_records_a_transmission(journeys, plan_month):
    """R22.14: the inspector records information for another body and
    marks it sent within the 24 hours."""
    j = journeys("23 inspector records a transmission", "inspector")
    with j.step("open Information transmissions"):
        j.open_menu(MENU["transmissions"])
    with j.step("create a transmission"):
        j.create()
        j.fill("name", _information(plan_month))
        j.fill("recipient", "Administrative police battalion")
        j.save()
        assert j.status() == "To send", j.status()
    with j.step("mark it sent"):
        j.click_button("Sent")
        j.wait(lambda d: j.status() == "Sent", "the transmission to be sent")


def test_23b_responsible_files_the_verification_from_my_work(
        journeys, plan_month):
    """R24.5 (issue 9 item 7): the sent transmission waits in the
    responsible inspector's My work, whose row says what to do first (the
    verification's result) instead of an empty "You can"; he opens it,
    writes the result and files it."""
    j = journeys("23b responsible files the verification", "responsible")
    with j.step("open My work: the row says to write the result first"):
        j.open_menu(MENU["my_work"])
        # the row is the state's ("Sent"); the transmission is its document
        j.wait(lambda d: any(_information(plan_month) in r for r in j.rows()),
               "the transmission's row")
        row = [r for r in j.rows() if _information(plan_month) in r]
        assert row and "write it before filing" in row[0], row
    with j.step("open the transmission: no filing without the result"):
        j.open_row(_information(plan_month))
        assert j.status() == "Sent", j.status()
        assert not j.has_button("File the verification result")
    with j.step("write the result"):
        j.edit()
        j.fill("verification_result", "Kiosk checked: sales stopped.")
        j.save()
    with j.step("file the verification"):
        j.click_button("File the verification result")
        j.wait(lambda d: j.status() == "Verification filed",
               "the verification to be filed")


def test_24_inspector_completes_his_item(journeys, plan_month):
    """R18: the assignee records the result of his item and marks it done."""
    j = journeys("24 inspector completes his plan item", "inspector")
    with j.step("open My plan items"):
        j.open_menu(MENU["items"])
        j.open_row(_task(plan_month))
        assert j.status() == "To do", j.status()
    with j.step("record the result"):
        j.edit()
        j.fill("result", "Walked on three nights; two courtyards need lights.")
        j.save()
    with j.step("mark it done"):
        j.click_button("Mark done")
        j.wait(lambda d: j.status() == "Done", "the item to be done")


def _open_plan(j, plan_month):
    j.open_menu(MENU["plans"])
    j.open_row(plan_month[0][:4])


def test_25_responsible_reopens_the_plan_with_a_reason(journeys, plan_month):
    """R18: the approved plan is locked; "Reopen for change" asks the
    reason; the responsible inspector submits it again."""
    j = journeys("25 responsible reopens the plan", "responsible")
    with j.step("open the approved plan"):
        _open_plan(j, plan_month)
        assert j.status() == "Approved", j.status()
    with j.step("press Reopen for change: the reason is asked"):
        j.click_button("Reopen for change")
        j.dialog()
    with j.step("give the reason and confirm"):
        j.fill("comment", "A second item for the assistant is needed.")
        j.dialog_button("Confirm")
        j.wait(lambda d: j.status() == "Reopened for change",
               "the plan to be reopened")
        assert "A second item" in j.field_text("change_reason")
    with j.step("submit it again"):
        j.click_button("Submit for approval")
        j.wait(lambda d: j.status() == "Submitted for approval",
               "the plan to be submitted again")


def test_26_chief_approves_the_changed_plan(journeys, plan_month):
    """R18: the changed plan needs a new approval."""
    j = journeys("26 chief approves the changed plan", "chief")
    with j.step("open the plan submitted again"):
        _open_plan(j, plan_month)
        assert j.status() == "Submitted for approval", j.status()
    with j.step("approve it again"):
        j.click_button("Approve")
        j.wait(lambda d: j.status() == "Approved", "the plan to be approved")


def test_27_responsible_timeline_print_next_month(journeys, plan_month):
    """R18, R24.2: the items on a timeline by assignee (OCA web_timeline);
    the plan printed as PDF (R18, R24.1); next month's plan started from
    this one."""
    j = journeys("27 responsible timeline print next month", "responsible")
    with j.step("open the approved plan"):
        _open_plan(j, plan_month)
        assert j.status() == "Approved", j.status()
    with j.step("press Timeline: the items by assignee"):
        j.click_button("Timeline")
        j.find(".oe_timeline_view .vis-timeline, .o_timeline_view .vis-timeline",
               scope=j.driver, what="the timeline")
        j.wait(lambda d: _task(plan_month) in j.text(), "the item on the timeline")
        assert "Zhaksylykov" in j.text(), "the assignee's group is missing"
    with j.step("back to the plan"):
        # the crumbs: the plans, the plan, its timeline
        j.click(j.find_all(".o_control_panel .breadcrumb li a", scope=j.driver)[-1])
        j.find(".o_form_view", what="the plan form")
    download = Path(tempfile.mkdtemp(prefix="uchaske-print-"))
    j.driver.execute_cdp_cmd("Page.setDownloadBehavior", {
        "behavior": "allow", "downloadPath": str(download)})
    with j.step("Print > Monthly work plan (PDF): the PDF downloads"):
        j.click_button("Print", css=".o_cp_sidebar button")
        j.click(j.button("Monthly work plan (PDF)", css=".o_cp_sidebar a",
                         scope=j.driver))
        j.wait(lambda d: [f for f in download.glob("*.pdf")
                          if f.stat().st_size > 1000],
               "the PDF to be downloaded")
        pdf = next(download.glob("*.pdf"))
        assert pdf.read_bytes().startswith(b"%PDF"), pdf
    with j.step("start next month's plan"):
        j.click_button("Start next month's plan")
        j.wait(lambda d: j.status() == "Draft", "next month's plan in draft")
        assert _task(plan_month) in j.text()


def test_28_inspector_sees_his_working_time_grid(journeys):
    """R8: the inspector's month as an officer x day grid (OCA
    x2many_2d_matrix) with the totals."""
    j = journeys("28 inspector working time grid", "inspector")
    with j.step("open the working time grid"):
        j.open_menu(MENU["time_grid"])
        # the month's date picker opens with the dialog: close it
        j.click(j.find(".modal-title", scope=j.driver, what="the dialog title"))
        grid = j.find(".o_field_x2many_2d_matrix table", scope=j.driver,
                      what="the grid")
        assert "Zhaksylykov" in grid.text, grid.text[:300]
        # a column per day of the month, in order ("dd.mm")
        heads = [h.text for h in grid.find_elements("css selector", "thead th")
                 if h.text.strip()]
        assert heads[0].startswith("01.") and heads[9].startswith("10."), heads
    with j.step("close"):
        j.dialog_button("Close")


def test_29_admin_names_the_substitute_of_the_service_chief(journeys):
    """R18 ("approved by the chief of the local police service or the person
    substituting him"): the administrator names the responsible inspector
    substitute of the Yesil service's chief for three days; a period that
    ends before it starts is refused with a message naming the field, and
    nothing is saved until it is right."""
    j = journeys("29 substitute of the service chief", "admin")
    admin = _servers.Rpc(j.base_url, _servers.target_db(), "admin")
    service = admin.call("uchaske.police.service", "search",
                         [("name", "ilike", "Yesil district police department")])
    assert len(service) == 1, service
    try:
        with j.step("open the Yesil local police service"):
            j.open_menu(MENU["services"])
            j.open_row("Yesil district police department")
            j.edit()
        with j.step("a period ending before it starts is refused"):
            j.fill("substitute_id", "Gulnara Akhmetova")
            j.fill("substitute_date_start", "2026-11-10")
            j.fill("substitute_date_end", "2026-11-09")
            j.click(j.find(".o_form_button_save", what="the Save button"))
            text = j.refusal()
            assert "Substitutes until: the last day cannot come before" in text, text
            saved = admin.call("uchaske.police.service", "read", service,
                               ["substitute_id"])
            assert not saved[0]["substitute_id"], saved
        with j.step("the right period is saved"):
            j.fill("substitute_date_end", "2026-11-12")
            j.save()
            assert "Gulnara Akhmetova" in j.field_text("substitute_id")
        saved = admin.call("uchaske.police.service", "read", service,
                           ["substitute_id", "substitute_date_start",
                            "substitute_date_end"])[0]
        assert saved["substitute_date_start"] == "2026-11-10", saved
        assert saved["substitute_date_end"] == "2026-11-12", saved
    finally:
        # the demo database is shared by the other journeys
        admin.call("uchaske.police.service", "write", service, {
            "substitute_id": False, "substitute_date_start": False,
            "substitute_date_end": False})
