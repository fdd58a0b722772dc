"""Time rules of the inspector's day: reception hours (R9), working time,
overtime, night, weekend and holiday work (R8), working days (R23.3)."""
from datetime import date, datetime

import pytest

from uchaske_rules import daily_work
from uchaske_rules.dates import WorkCalendar

HOLIDAY = date(2026, 12, 16)  # Independence Day, a Wednesday
CALENDAR = WorkCalendar(holidays=frozenset({HOLIDAY}))


def test_r9_utc_to_almaty():
    """R9: hours are the department's local time (Asia/Almaty, UTC+5)."""
    assert daily_work.to_local(datetime(2026, 12, 2, 13, 0)) == \
        datetime(2026, 12, 2, 18, 0)
    assert daily_work.to_local(datetime(2026, 12, 2, 13, 0), "Asia/Aqtobe") \
        == datetime(2026, 12, 2, 18, 0)
    with pytest.raises(TypeError):
        daily_work.to_local(date(2026, 12, 2))


def test_local_end_of_day_to_utc():
    """R14, R27, R32: a legal day ends at 23:59:59 in the department's zone,
    stored as 18:59:59 UTC (Asia/Almaty, UTC+5); the inverse of to_local."""
    end = datetime(2026, 12, 13, 23, 59, 59)
    assert daily_work.to_utc(end) == datetime(2026, 12, 13, 18, 59, 59)
    assert daily_work.to_local(daily_work.to_utc(end, "Asia/Aqtau"),
                               "Asia/Aqtau") == end
    # before 1 March 2024 Almaty was UTC+6
    assert daily_work.to_utc(datetime(2023, 12, 13, 23, 59, 59)) == \
        datetime(2023, 12, 13, 17, 59, 59)
    with pytest.raises(TypeError):
        daily_work.to_utc(date(2026, 12, 13))


def test_report_period_in_local_days():
    """R10, R29: November in Almaty runs from 31 Oct 19:00 to 30 Nov
    18:59:59 UTC."""
    assert daily_work.utc_bounds("2026-11-01", date(2026, 11, 30)) == (
        datetime(2026, 10, 31, 19, 0, 0), datetime(2026, 11, 30, 18, 59, 59))
    assert daily_work.utc_bounds("2026-11-01", "2026-11-30", "UTC") == (
        datetime(2026, 11, 1, 0, 0, 0), datetime(2026, 11, 30, 23, 59, 59))


@pytest.mark.parametrize("hour,minute,allowed", [
    (14, 0, False), (17, 59, False), (18, 0, True), (20, 30, True),
    (21, 0, True), (21, 1, False), (9, 0, False)])
def test_r9_in_person_hours(hour, minute, allowed):
    """R9: in person only from 18:00 to 21:00."""
    moment = datetime(2026, 12, 2, hour, minute)
    assert daily_work.in_person_reception_allowed(moment) is allowed


def test_r9_online_on_working_days_only():
    """R9: online reception any time of a working day, not a day off."""
    assert daily_work.online_reception_allowed(datetime(2026, 12, 2, 10), CALENDAR)
    assert daily_work.online_reception_allowed(datetime(2026, 12, 2, 23), CALENDAR)
    assert not daily_work.online_reception_allowed(
        datetime(2026, 12, 5, 10), CALENDAR)  # Saturday
    assert not daily_work.online_reception_allowed(
        datetime.combine(HOLIDAY, datetime.min.time()), CALENDAR)


def test_r8_normal_day_is_not_overtime():
    marks = daily_work.entry_marks(
        datetime(2026, 12, 2, 9), datetime(2026, 12, 2, 17), CALENDAR)
    assert marks == {"hours": 8.0, "overtime_hours": 0.0, "night_hours": 0.0,
                     "weekend": False, "holiday": False}


def test_r8_overtime_night_weekend_holiday():
    """R8: beyond 8 hours is overtime; 22:00-06:00 is night; a Saturday is a
    weekend; a public holiday of the working calendar is holiday work."""
    marks = daily_work.entry_marks(
        datetime(2026, 12, 2, 9), datetime(2026, 12, 2, 23), CALENDAR)
    assert marks["overtime_hours"] == 6.0 and marks["night_hours"] == 1.0
    marks = daily_work.entry_marks(
        datetime(2026, 12, 4, 20), datetime(2026, 12, 5, 7), CALENDAR)
    assert marks["night_hours"] == 8.0 and marks["weekend"]
    assert not marks["holiday"]
    marks = daily_work.entry_marks(
        datetime(2026, 12, 16, 10), datetime(2026, 12, 16, 12), CALENDAR)
    assert marks["holiday"] and not marks["weekend"]
    # a Saturday made working is no weekend
    worked = WorkCalendar(extra_working_days=frozenset({date(2026, 12, 5)}))
    assert not daily_work.entry_marks(
        datetime(2026, 12, 5, 9), datetime(2026, 12, 5, 12), worked)["weekend"]


def test_r8_entry_problems_and_overlap():
    """A time entry of 25 hours, or one ending before it starts, is refused;
    two entries overlap when they share a moment."""
    start = datetime(2026, 12, 2, 8)
    assert daily_work.entry_problem(start, datetime(2026, 12, 3, 9)) == "too_long"
    assert daily_work.entry_problem(start, datetime(2026, 12, 3, 8)) is None
    assert daily_work.entry_problem(start, start) == "order"
    assert daily_work.overlaps(start, datetime(2026, 12, 2, 12),
                               datetime(2026, 12, 2, 11), datetime(2026, 12, 2, 14))
    assert not daily_work.overlaps(start, datetime(2026, 12, 2, 12),
                                   datetime(2026, 12, 2, 12),
                                   datetime(2026, 12, 2, 14))
