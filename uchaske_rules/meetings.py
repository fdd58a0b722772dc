# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rules of the report meetings with the population (chapter 3, R25-R34).

Pure functions: no Odoo, no translation, no clock ("today" is a parameter).
"""
from datetime import datetime

from . import dates

#: R27: residents are told at least ten calendar days before the meeting
NOTICE_DAYS = 10
#: R32: report materials are kept one year
RETENTION_YEARS = 1
#: days the chief sees the removal list before the materials are removed
PURGE_GRACE_DAYS = 7

OUTCOME_ANSWERED = "answered"
OUTCOME_CHECK = "check"
OUTCOME_FORWARDED = "forwarded"


def _day(value):
    """A date from a date, a datetime or an ISO string (Odoo 11 dates)."""
    if isinstance(value, str):
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    return dates.as_date(value)


def notice_given(announcement_days, meeting_day, days=NOTICE_DAYS):
    """True when one of ``announcement_days`` is at least ``days`` calendar
    days before ``meeting_day`` (R27)."""
    if not meeting_day:
        return False
    latest = dates.latest_notice_date(_day(meeting_day), days)
    return any(_day(day) <= latest for day in announcement_days if day)


def signed_in_time(meeting_day, signing_day):
    """R32: the protocol is completed and signed on the meeting's day."""
    return _day(signing_day) <= _day(meeting_day)


def purge_due(meeting_day, years=RETENTION_YEARS):
    """The first day the materials of a meeting may be removed (R32)."""
    return dates.add_years(_day(meeting_day), years)


def is_purge_due(meeting_day, today, years=RETENTION_YEARS):
    """True once the retention period of the meeting is over (R32)."""
    return bool(meeting_day) and _day(today) >= purge_due(
        meeting_day, years)


def purge_ready(listed_on, today, grace=PURGE_GRACE_DAYS):
    """True when the materials were listed ``grace`` days ago or more."""
    return bool(listed_on) and _day(today) >= dates.add_calendar_days(
        _day(listed_on), grace)


def item_done(outcome, answer=None, check_done=None, body=None,
              document_number=None, document_date=None, notified_date=None,
              notified_method=None):
    """Whether a complaint, proposal or remark is dealt with (R31, R32):
    answered at the meeting; checked (the follow-up done); or outside
    police competence -- forwarded to the competent body (body, document
    number and date) AND the person notified (date and method)."""
    if outcome == OUTCOME_ANSWERED:
        return bool(answer)
    if outcome == OUTCOME_CHECK:
        return bool(check_done)
    if outcome == OUTCOME_FORWARDED:
        return all((body, document_number, document_date, notified_date,
                    notified_method))
    return False


def quarter_label(day):
    """``2026 Q4`` for a day of the fourth quarter of 2026."""
    year, quarter = dates.quarter_of(_day(day))
    return "%d Q%d" % (year, quarter)
