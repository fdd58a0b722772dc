# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Preventive supervision of registered persons (R11, R12).

R12: supervision is the systematic observation that the registered person
keeps the restrictions set and fulfils the obligations imposed. "Systematic"
is made concrete by a cadence: a check every ``cadence_days`` calendar days,
counted from the last check, or from the registration while no check has
been made. The cadence itself is data (per category of R11), not code.

Terms (of supervision, of restrictions) are inclusive date ranges: a term
ending on the 10th still runs on the 10th. An open term has no end.
"""
import operator

from . import dates

REASON_END_BEFORE_START = "end_before_start"
REASON_BEFORE_REGISTRATION = "before_registration"
REASON_FUTURE = "future"


class SupervisionError(ValueError):
    """A supervision value breaks a rule; ``reason`` is machine-readable.

    ``str(error)`` and ``error.args[0]`` are the reason as well, so a caller
    that only knows ValueError still gets the code.
    """

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def next_check_due(last_check, registered_on, cadence_days):
    """Return the date the next supervision check is due (R12).

    ``cadence_days`` calendar days after ``last_check``, or after
    ``registered_on`` when no check has been made yet (``last_check`` None).
    ``cadence_days`` must be a positive integer.
    """
    if operator.index(cadence_days) <= 0:
        raise ValueError("cadence_days must be positive, got %r" % (cadence_days,))
    base = registered_on if last_check is None else last_check
    return dates.add_calendar_days(dates.as_date(base), cadence_days)


def is_check_overdue(due, today):
    """Return True if ``today`` is strictly after the ``due`` check date (R12).

    A check made on the due date itself is on time; ``due`` is what
    :func:`next_check_due` returned (None: nothing is due, never overdue).
    ``today`` may be a datetime: its date counts.
    """
    return due is not None and dates.as_date(today) > dates.as_date(due)


def validate_term(start, end):
    """Raise SupervisionError('end_before_start') if ``end`` < ``start``.

    An open term (``end`` None) and a one-day term (``end == start``) are
    valid.
    """
    if end is not None and dates.as_date(end) < dates.as_date(start):
        raise SupervisionError(REASON_END_BEFORE_START)


def check_date_valid(check_date, registered_on, today):
    """Raise SupervisionError unless a check on ``check_date`` may be recorded.

    Reasons: ``'before_registration'`` (the person was not registered yet),
    ``'future'`` (after ``today``). A check on the day of registration or on
    ``today`` is valid.
    """
    check_date = dates.as_date(check_date)
    if check_date < dates.as_date(registered_on):
        raise SupervisionError(REASON_BEFORE_REGISTRATION)
    if check_date > dates.as_date(today):
        raise SupervisionError(REASON_FUTURE)
