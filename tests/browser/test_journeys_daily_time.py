"""The inspector's day in the web client (issue 11, second half), walked by
the demo users by clicking and typing (see journey.py): the inspector logs
an evening reception (R9) and a time entry (R8); the duty officer records
the daily call of the rural district Talapker (R23.3); the responsible
inspector opens the inspector's monthly review (R10, R24.6)."""
import random
import time
from datetime import date, timedelta

ROOT = "uchaske_base."
MENU = {
    "receptions": ROOT + "uchaske_reception_menu",
    "calls": ROOT + "uchaske_rural_call_menu",
    "time": ROOT + "uchaske_time_entry_menu",
    "reviews": ROOT + "uchaske_monthly_review_menu",
}


def test_01_inspector_reception_and_time(journeys):
    """R9: an in-person reception at 19:00 local time; R8: a 10-hour day is
    marked as overtime. The test database may be reused: the citizen and
    the day carry a run tag."""
    tag = random.Random(time.time()).randint(0, 9999)
    citizen = "Bolat Tagayev %04d" % tag
    day = date(2024, 1, 1) + timedelta(days=tag % 700)
    j = journeys("daily 01 inspector reception and time", "inspector")
    with j.step("open Receptions of citizens"):
        j.open_menu(MENU["receptions"])
    with j.step("log an evening reception"):
        j.create()
        j.fill("citizen_name", citizen)
        j.fill("subject", "A neighbour's dog bites passers-by")
        j.fill("date_reception", "%s 19:00" % date.today().isoformat())
        j.fill("result", "Owner warned")
        j.save()
        assert citizen in j.text()
    with j.step("open Working time"):
        j.open_menu(MENU["time"])
    with j.step("log a 10-hour day"):
        j.create()
        j.fill("date_start", "%s 08:00" % day.isoformat())
        j.fill("date_end", "%s 18:00" % day.isoformat())
        j.fill("note", "Walk of the district, run %04d" % tag)
        j.save()
        assert "02:00" in j.field_text("overtime_hours"), j.field_text(
            "overtime_hours")


def test_02_duty_officer_records_rural_call(journeys):
    """R23.3: the duty officer records the call of a rural district."""
    j = journeys("daily 02 duty officer records a call", "duty2")
    with j.step("open Calls of rural districts"):
        j.open_menu(MENU["calls"])
    with j.step("record Talapker's call"):
        j.create()
        j.fill("district_id", "Talapker")
        j.fill("caller_id", "Saule Iskakova")
        j.fill("situation", "Quiet; grain store checked at night")
        j.save()
        assert "Yerlan Abenov" in j.field_text("duty_officer_id")


def test_03_responsible_opens_monthly_review(journeys):
    """R10, R24.6: the responsible inspector opens the inspector's
    November review, discussed at the deputy chief's meeting."""
    j = journeys("daily 03 responsible opens the review", "responsible")
    with j.step("open Monthly reviews"):
        j.open_menu(MENU["reviews"])
    with j.step("open the inspector's November review"):
        j.open_row("Marat Zhaksylykov")
        assert j.status() == "Discussed", j.status()
    with j.step("read the figures"):
        j.tab("Figures")
        assert "Overtime hours" in j.text()
    with j.step("read the meeting's conclusions"):
        j.tab("Meeting (R10)")
        assert "Work satisfactory" in j.text()
