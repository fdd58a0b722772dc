# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time rules of the inspector's day (R8, R9, R23.3).

Pure functions: no Odoo, no translation, no clock. Datetimes given to them
are naive *local* wall-clock times of the department (Kazakhstan has no
daylight saving time); :func:`to_local` converts a naive UTC datetime (as
Odoo stores it) into one, :func:`to_utc` back.
"""
from datetime import date, datetime, time, timedelta, timezone

from zoneinfo import ZoneInfo

from uchaske_rules.dates import WorkCalendar, as_date, end_of_day

#: R9: citizens are received at the police point from 18:00 to 21:00
RECEPTION_START = time(18, 0)
RECEPTION_END = time(21, 0)
#: R8: at most 8 hours of work a day (Labour Code)
NORMAL_HOURS = 8.0
#: a time entry is one stretch of work: at most one 24-hour day
MAX_ENTRY_HOURS = 24.0
#: Labour Code art. 1: night time is 22:00 to 06:00
NIGHT_START = time(22, 0)
NIGHT_END = time(6, 0)

DEFAULT_TZ = "Asia/Almaty"


def to_local(utc_naive, tz_name=None):
    """A naive UTC datetime as the naive local time of ``tz_name``."""
    if not isinstance(utc_naive, datetime):
        raise TypeError("expected a datetime, got %r" % (utc_naive,))
    zone = ZoneInfo(tz_name or DEFAULT_TZ)
    return utc_naive.replace(tzinfo=timezone.utc).astimezone(zone).replace(
        tzinfo=None)


def to_utc(local_naive, tz_name=None):
    """A naive local time of ``tz_name`` as the naive UTC datetime Odoo
    stores: the inverse of :func:`to_local` (the end of a legal day counted
    in the department's day, stored for the database)."""
    if not isinstance(local_naive, datetime):
        raise TypeError("expected a datetime, got %r" % (local_naive,))
    zone = ZoneInfo(tz_name or DEFAULT_TZ)
    return local_naive.replace(tzinfo=zone).astimezone(timezone.utc).replace(
        tzinfo=None)


def utc_bounds(date_from, date_to, tz_name=None):
    """The first and the last second of the days ``date_from`` to
    ``date_to`` (both included) in the zone ``tz_name``, as naive UTC
    datetimes: a month's report counts what happened in the department's
    month (R10, R29), not in UTC's (a transmission at 01:00 on the 1st in
    Almaty is 20:00 UTC on the previous day). Dates or their ISO text."""
    first, last = (as_date(date.fromisoformat(day) if isinstance(day, str)
                           else day) for day in (date_from, date_to))
    return (to_utc(datetime.combine(first, time(0, 0, 0)), tz_name),
            to_utc(end_of_day(last), tz_name))


def in_person_reception_allowed(local_moment):
    """R9: an in-person reception takes place between 18:00 and 21:00."""
    moment = local_moment.time()
    return RECEPTION_START <= moment <= RECEPTION_END


def online_reception_allowed(local_moment, calendar=None):
    """R9: an online reception takes place on a working day."""
    return (calendar or WorkCalendar()).is_working_day(as_date(local_moment))


def hours_between(start, end):
    """Hours from ``start`` to ``end`` (negative if ``end`` is earlier)."""
    return (end - start).total_seconds() / 3600.0


def overtime_hours(hours):
    """R8: the hours beyond the 8-hour working day."""
    return max(0.0, hours - NORMAL_HOURS)


def night_hours(start, end):
    """Hours of [start, end) that fall between 22:00 and 06:00."""
    total = 0.0
    day = start.date() - timedelta(days=1)
    while datetime.combine(day, time.min) < end:
        night_from = datetime.combine(day, NIGHT_START)
        night_to = datetime.combine(day + timedelta(days=1), NIGHT_END)
        overlap_from, overlap_to = max(start, night_from), min(end, night_to)
        if overlap_to > overlap_from:
            total += hours_between(overlap_from, overlap_to)
        day += timedelta(days=1)
    return total


def entry_marks(start, end, calendar=None):
    """R8: what a stretch of work from ``start`` to ``end`` (local) is.

    Returns a dict: ``hours``, ``overtime_hours``, ``night_hours``,
    ``weekend`` (a day of it is not a working weekday), ``holiday`` (a day
    of it is a public holiday)."""
    calendar = calendar or WorkCalendar()
    hours = hours_between(start, end)
    days = {start.date()}
    day = start.date()
    last = (end - timedelta(microseconds=1)).date() if end > start else day
    while day < last:
        day += timedelta(days=1)
        days.add(day)
    return {
        "hours": hours,
        "overtime_hours": overtime_hours(hours),
        "night_hours": night_hours(start, end),
        "weekend": any(d.weekday() not in calendar.weekdays
                       and d not in calendar.extra_working_days for d in days),
        "holiday": any(d in calendar.holidays for d in days),
    }


def entry_problem(start, end):
    """Why a time entry cannot be recorded, or None: ``order`` (ends before
    it starts) or ``too_long`` (more than 24 hours)."""
    hours = hours_between(start, end)
    if hours <= 0:
        return "order"
    if hours > MAX_ENTRY_HOURS:
        return "too_long"
    return None


def overlaps(start_a, end_a, start_b, end_b):
    """Two stretches of time share a moment (touching ends do not)."""
    return start_a < end_b and start_b < end_a
