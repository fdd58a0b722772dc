# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Legal date arithmetic of Order No. 1095.

Pure functions of dates: no Odoo, no translation, no clock. "Now" is always a
parameter so callers (and tests) pin it.

Datetimes are naive and interpreted in one local time zone chosen by the
caller (Kazakhstan has no daylight saving time, so a 24-hour day is always a
calendar day of wall-clock time).

Kinds of periods used by the Order:

* тәулік, a 24-hour day, counted from the exact moment of the event (R14,
  R22.14): :func:`add_24h_days`;
* calendar days (R27): :func:`add_calendar_days`, :func:`latest_notice_date`;
* working days, per a :class:`WorkCalendar` (R6): :func:`add_working_days`,
  :func:`working_days_between`, :func:`exceeds_working_days`;
* months and years, same day of month clamped to the month's end (R5,
  R22.10, R32): :func:`add_months`, :func:`add_years`;
* quarters (R22.13, R26): :func:`quarter_of`, :func:`quarter_bounds`,
  :func:`next_quarter`, :func:`quarters_between`.
"""
import calendar as _calendar
import operator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)

#: Units understood by :func:`compute_due` (e.g. for a deadline catalogue).
UNIT_HOURS24 = "hours24"
UNIT_CALENDAR_DAYS = "calendar_days"
UNIT_WORKING_DAYS = "working_days"
UNIT_MONTHS = "months"
UNIT_YEARS = "years"
UNITS = (
    UNIT_HOURS24,
    UNIT_CALENDAR_DAYS,
    UNIT_WORKING_DAYS,
    UNIT_MONTHS,
    UNIT_YEARS,
)

# A calendar that yields no working day over ten years is certainly wrong;
# stop instead of looping forever.
_MAX_NON_WORKING_RUN = 3660


def as_date(day):
    """Return ``day`` as a :class:`date` (a datetime loses its time).

    Public: the other rule modules coerce their dates with it too."""
    if isinstance(day, datetime):
        return day.date()
    if isinstance(day, date):
        return day
    raise TypeError("expected a date, got %r" % (day,))


def format_order_date(day):
    """A date as the order's forms write it: ``2026-11-02`` (a date or
    Odoo's string) -> ``02.11.2026``; empty for no date."""
    if not day:
        return ""
    if isinstance(day, str):
        day = datetime.strptime(day[:10], "%Y-%m-%d")
    return as_date(day).strftime("%d.%m.%Y")


def _as_datetime(moment):
    """Return ``moment`` as a :class:`datetime` (a date means its midnight)."""
    if isinstance(moment, datetime):
        return moment
    if isinstance(moment, date):
        return datetime.combine(moment, time.min)
    raise TypeError("expected a datetime, got %r" % (moment,))


def _as_int(value):
    """Return ``value`` as an int; floats and strings are refused."""
    return operator.index(value)


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days (R6, R23.3).

    :param weekdays: Python weekday numbers (Monday = 0) that are working days;
        Monday to Friday by default (Labour Code five-day week, R8).
    :param holidays: dates that are not working days although they fall on a
        working weekday (public holidays, days off moved by government decree).
    :param extra_working_days: dates that are working days although they fall
        on a non-working weekday (the Saturdays Kazakhstan makes working when
        a day off is transferred).

    A date may not be both a holiday and an extra working day.
    """

    weekdays: frozenset = frozenset({MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY})
    holidays: frozenset = frozenset()
    extra_working_days: frozenset = frozenset()

    def __post_init__(self):
        weekdays = frozenset(_as_int(weekday) for weekday in self.weekdays)
        if not weekdays <= frozenset(range(7)):
            raise ValueError("weekdays must be in 0..6, got %r" % sorted(weekdays))
        holidays = frozenset(as_date(day) for day in self.holidays)
        extra = frozenset(as_date(day) for day in self.extra_working_days)
        both = holidays & extra
        if both:
            raise ValueError(
                "dates both holiday and extra working day: %s"
                % ", ".join(day.isoformat() for day in sorted(both))
            )
        # frozen dataclass: normalise the fields once, here.
        object.__setattr__(self, "weekdays", weekdays)
        object.__setattr__(self, "holidays", holidays)
        object.__setattr__(self, "extra_working_days", extra)

    def is_working_day(self, day):
        """Return True if ``day`` (a date, or the date of a datetime) is worked."""
        day = as_date(day)
        if day in self.extra_working_days:
            return True
        if day in self.holidays:
            return False
        return day.weekday() in self.weekdays


def _step_to_working_day(day, step, calendar):
    """Move from ``day`` by ``step`` (+1/-1) until a working day, inclusive."""
    run = 0
    while not calendar.is_working_day(day):
        run += 1
        if run > _MAX_NON_WORKING_RUN:
            raise ValueError("the work calendar has no working day in reach")
        day += timedelta(days=step)
    return day


def add_24h_days(start, days):
    """Return the moment ``days`` 24-hour days (тәулік) after ``start``.

    R14: the request confirming a registered person's arrival is sent within
    three тәулік after the move, i.e. ``start + 3 * 24 h`` to the second,
    regardless of midnight, month end, weekends or holidays.
    R22.14: information for other units is passed on within one тәулік.
    """
    return _as_datetime(start) + timedelta(days=_as_int(days))


def add_calendar_days(start, days):
    """Return the date ``days`` calendar days after (negative: before) ``start``.

    R27 counts the ten-day notice in calendar days.
    """
    return as_date(start) + timedelta(days=_as_int(days))


def add_working_days(start, days, calendar):
    """Return the date ``days`` working days after ``start`` (R6).

    ``start`` itself is not counted. With ``days == 0`` the result is
    ``start`` when it is a working day, else the next working day. Negative
    ``days`` count backwards (the result is then always a working day).
    """
    day = as_date(start)
    days = _as_int(days)
    if days == 0:
        return _step_to_working_day(day, 1, calendar)
    step = 1 if days > 0 else -1
    for _count in range(abs(days)):
        day = _step_to_working_day(day + timedelta(days=step), step, calendar)
    return day


def working_days_between(start, end, calendar):
    """Return the number of working days in the inclusive range [start, end].

    Zero if ``end`` is before ``start``. R6 counts the days of an absence
    (leave, illness, business trip) this way.
    """
    day, end = as_date(start), as_date(end)
    count = 0
    while day <= end:
        if calendar.is_working_day(day):
            count += 1
        day += timedelta(days=1)
    return count


def exceeds_working_days(start, end, limit, calendar):
    """Return True if [start, end] holds more than ``limit`` working days.

    R6: an inspector absent "more than five working days" (vacancy, leave,
    illness, business trip) is replaced by the inspector of an adjacent
    district; exactly five working days do not trigger the replacement.
    """
    return working_days_between(start, end, calendar) > _as_int(limit)


def add_months(day, months):
    """Return the same day of month ``months`` months later (or earlier).

    The day is clamped to the last day of the target month: 31 January plus
    one month is 28 (or 29) February. R5: the walkthrough of the district is
    due within one month of the inspector's appointment.
    """
    day = as_date(day)
    index = day.year * 12 + (day.month - 1) + _as_int(months)
    year, month = divmod(index, 12)
    month += 1
    last = _calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def add_years(day, years):
    """Return the same date ``years`` years later (or earlier).

    29 February becomes 28 February in a common year. R22.10: firearm owners
    are checked at least once a year; R32: report materials are kept for one
    year.
    """
    return add_months(day, 12 * _as_int(years))


def quarter_of(day):
    """Return ``(year, quarter)`` of ``day``, quarter in 1..4 (R22.13, R26)."""
    day = as_date(day)
    return day.year, (day.month - 1) // 3 + 1


def _check_quarter(quarter):
    quarter = _as_int(quarter)
    if not 1 <= quarter <= 4:
        raise ValueError("quarter must be in 1..4, got %r" % (quarter,))
    return quarter


def quarter_bounds(year, quarter):
    """Return the first and the last day of ``quarter`` of ``year`` (R26)."""
    quarter = _check_quarter(quarter)
    first = date(_as_int(year), 3 * quarter - 2, 1)
    return first, month_bounds(add_months(first, 2))[1]


def next_quarter(year, quarter):
    """Return ``(year, quarter)`` following the given one (Q4 -> next Q1)."""
    quarter = _check_quarter(quarter)
    if quarter == 4:
        return _as_int(year) + 1, 1
    return _as_int(year), quarter + 1


def quarters_between(start, end):
    """Return the quarters touched by [start, end], in order, both included.

    R26: at least one report meeting each quarter; the quarters of a period
    are the ones that each need a meeting. Empty if ``end`` is before
    ``start``.
    """
    start, end = as_date(start), as_date(end)
    if end < start:
        return []
    current, last = quarter_of(start), quarter_of(end)
    quarters = [current]
    while current != last:
        current = next_quarter(*current)
        quarters.append(current)
    return quarters


def latest_notice_date(meeting_day, days=10):
    """Return the last day residents may be told of a meeting on ``meeting_day``.

    R27: residents are told the place and time at least ten calendar days
    before the report meeting: for a meeting on the 20th, the 10th at the
    latest.
    """
    return add_calendar_days(meeting_day, -_as_int(days))


def end_of_day(day):
    """Return the last second (23:59:59) of ``day`` as a naive datetime."""
    return datetime.combine(as_date(day), time(23, 59, 59))


def compute_due(base, offset, unit, calendar=None):
    """Return the deadline ``offset`` ``unit`` after the moment ``base``.

    * ``'hours24'``: the exact moment ``offset`` тәулік later (R14, R22.14);
    * ``'calendar_days'``, ``'working_days'``, ``'months'``, ``'years'``: the
      end of the day (23:59:59) reached from ``base``'s date (R27, R6, R5,
      R22.10, R32). Working days use ``calendar``, by default a Monday to
      Friday week without holidays.

    A ``date`` base stands for its midnight. Unknown units raise ValueError.
    """
    base = _as_datetime(base)
    if unit == UNIT_HOURS24:
        return add_24h_days(base, offset)
    if unit == UNIT_CALENDAR_DAYS:
        day = add_calendar_days(base.date(), offset)
    elif unit == UNIT_WORKING_DAYS:
        if calendar is None:
            calendar = WorkCalendar()
        day = add_working_days(base.date(), offset, calendar)
    elif unit == UNIT_MONTHS:
        day = add_months(base.date(), offset)
    elif unit == UNIT_YEARS:
        day = add_years(base.date(), offset)
    else:
        raise ValueError(
            "unknown period unit %r (expected one of %s)" % (unit, ", ".join(UNITS))
        )
    return end_of_day(day)


def is_overdue(due, now):
    """Return True if ``now`` is strictly after the deadline ``due``.

    A task done at the very moment of its deadline is on time.
    """
    return _as_datetime(now) > _as_datetime(due)


def month_bounds(day):
    """Return the first and the last day of the month of ``day`` (R10, R18)."""
    day = as_date(day)
    last = _calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


#: Periods of a periodic obligation (:func:`period_of`).
PERIOD_WORKING_DAY = "working_day"
PERIOD_MONTH = "month"
PERIOD_QUARTER = "quarter"
PERIOD_YEAR = "year"
PERIODS = (PERIOD_WORKING_DAY, PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR)


def period_of(day, period, calendar=None):
    """Return ``(first, last, key)`` of the ``period`` containing ``day``.

    Periodic obligations of the Order: a rural daily call on every working
    day (R23.3, ``'working_day'``; None on a day off, which owes nothing); a
    report meeting every quarter (R22.13, R26, ``'quarter'``); the passport's
    figures as of 1 January each year (A1) and the annual firearm check
    (R22.10, ``'year'``). ``key`` names the period uniquely per kind
    (``2026-11-02``, ``2026-11``, ``2026-Q4``, ``2026``): one obligation per
    scope and period.
    """
    day = as_date(day)
    if period == PERIOD_WORKING_DAY:
        if not (calendar or WorkCalendar()).is_working_day(day):
            return None
        return day, day, day.isoformat()
    if period == PERIOD_MONTH:
        first, last = month_bounds(day)
        return first, last, "%04d-%02d" % (day.year, day.month)
    if period == PERIOD_QUARTER:
        year, quarter = quarter_of(day)
        first, last = quarter_bounds(year, quarter)
        return first, last, "%04d-Q%d" % (year, quarter)
    if period == PERIOD_YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31), "%04d" % day.year
    raise ValueError(
        "unknown period %r (expected one of %s)" % (period, ", ".join(PERIODS))
    )


def compute_due_before(base, offset, unit, calendar=None):
    """Return the deadline ``offset`` ``unit`` BEFORE the moment ``base``.

    R27: residents are told of a report meeting at least ten calendar days
    before it: for a meeting on the 20th the notice is due by the end of the
    10th. An offset of 0 is the end of ``base``'s own day (R32: the protocol
    is signed on the meeting day).
    """
    return compute_due(base, -_as_int(offset), unit, calendar)


def next_role_up(responsible, post_lead, chief):
    """Return who an overdue deadline escalates to, or None (R16, R24).

    The police point's responsible inspector, unless the deadline is already
    theirs or the chief's; then the department chief, unless it is the
    chief's own. Arguments are user ids (or anything comparable), falsy when
    the role is vacant.
    """
    if post_lead and responsible != post_lead and responsible != chief:
        return post_lead
    if chief and responsible != chief:
        return chief
    return None
