"""The inspector's day in the web client (issue 11, second half), walked by
the demo users by clicking and typing (see journey.py): the inspector logs
an evening reception (R9) and a time entry (R8); the duty officer records
the daily call of the rural district Talapker (R23.3); the responsible
inspector opens the inspector's monthly review (R10, R24.6)."""
import random
import time
from datetime import date, datetime, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = "uchaske_base."
MENU = {
    "receptions": ROOT + "uchaske_reception_menu",
    "calls": ROOT + "uchaske_rural_call_menu",
    "time": ROOT + "uchaske_time_entry_menu",
    "reviews": ROOT + "uchaske_monthly_review_menu",
}


def _fill_datetime(j, name, utc_moment):
    """Type a date and time into a datetime field: the web client reads it
    in the browser's time zone, so the UTC moment is shifted by the
    browser's offset, and typed in the user's date and time format."""
    offset = j.driver.execute_script(
        "return new Date(arguments[0]).getTimezoneOffset();",
        utc_moment.isoformat() + "Z")
    moment = utc_moment - timedelta(minutes=offset)
    fmt = j.date_format() + " " + j.driver.execute_script(
        "return odoo.__DEBUG__.services['web.core']._t.database"
        ".parameters.time_format;")
    widget = j.field(name)
    box = widget if widget.tag_name == "input" else \
        widget.find_element(By.CSS_SELECTOR, "input")
    box.clear()
    box.send_keys(moment.strftime(fmt))
    box.send_keys(Keys.TAB)
    j.wait_idle(settle=0.15)


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
        # 19:00 in Asia/Almaty (UTC+5), the demo department's time (R9)
        _fill_datetime(j, "date_reception", datetime.combine(
            date.today(), datetime.min.time()) + timedelta(hours=14))
        j.fill("result", "Owner warned")
        j.save()
        assert citizen in j.text()
    with j.step("open Working time"):
        j.open_menu(MENU["time"])
    with j.step("log a 10-hour day"):
        j.create()
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=3)
        _fill_datetime(j, "date_start", start)
        _fill_datetime(j, "date_end", start + timedelta(hours=10))
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
