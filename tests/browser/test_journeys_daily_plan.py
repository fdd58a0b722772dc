"""Journeys of the daily work (issue 11) in the web client (see journey.py):
the responsible inspector drafts a police point's monthly plan from his
analysis with an item and submits it (R24.1); the chief approves it (R18);
the inspector records an information transmission and marks it sent
(R22.14). Screenshots in ``var/screenshots/<journey>/``."""
import random
import time

import pytest

MENU = {
    "plans": "uchaske_base.uchaske_work_plan_menu",
    "transmissions": "uchaske_base.uchaske_info_transmission_menu",
}


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
        j.fill("name", "Walk the courtyards at night", scope=row)
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


def test_23_inspector_records_a_transmission(journeys):
    """R22.14: the inspector records information for another body and
    marks it sent within the 24 hours."""
    j = journeys("23 inspector records a transmission", "inspector")
    with j.step("open Information transmissions"):
        j.open_menu(MENU["transmissions"])
    with j.step("create a transmission"):
        j.create()
        j.fill("name", "Unlicensed alcohol sales at the kiosk, Turan 12")
        j.fill("recipient", "Administrative police battalion")
        j.save()
        assert j.status() == "To send", j.status()
    with j.step("mark it sent"):
        j.click_button("Sent")
        j.wait(lambda d: j.status() == "Sent", "the transmission to be sent")
