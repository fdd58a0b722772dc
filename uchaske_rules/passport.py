"""The district passport (Appendix 1, R4, R5, R19): pure rules.

No odoo import: plain values in, plain values out.
"""
from collections import Counter
from datetime import date, datetime, timedelta

from . import dates

#: R5: the walkthrough of the district within one month of appointment
WALKTHROUGH_MONTHS = 1
#: A1: an entry of sections 4-6 not confirmed for more than a year is stale
STALE_YEARS = 1


def _day(value):
    """A date from a date, a datetime or an ISO string (Odoo 11's)."""
    if isinstance(value, str):
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    return dates.as_date(value)


def as_of(year):
    """A1: the figures of a year are "as of 1 January" of that year."""
    return date(int(year), 1, 1)


def is_locked(year, today):
    """A1: the column of a past year is read-only once 1 January of the
    next year has come."""
    return int(year) < _day(today).year


def is_stale(confirmed_on, today):
    """A1 sections 4-6: not confirmed for more than a year (or never)."""
    if not confirmed_on:
        return True
    limit = dates.add_years(_day(confirmed_on), STALE_YEARS)
    return _day(today) > limit


def stale_before(today):
    """A1 sections 4-6: every stale entry was confirmed before this day
    (a year has at least 365 days), so that a query selects the few
    candidates by an index and :func:`is_stale` decides."""
    return _day(today) - timedelta(days=365)


def walkthrough_due(appointed):
    """R5: the last day of the one-month walkthrough."""
    return dates.add_months(_day(appointed), WALKTHROUGH_MONTHS)


def visit_date_problem(visit_day, appointed, today):
    """R5: a visit lies between the appointment and today. Returns
    ``'before'``, ``'future'`` or None."""
    visit_day = _day(visit_day)
    if appointed and visit_day < _day(appointed):
        return "before"
    if visit_day > _day(today):
        return "future"
    return None


def progress(visited, total):
    """R5: percentage of households visited of the total known (0-100)."""
    if not total or total <= 0:
        return 0.0
    return round(min(100.0, 100.0 * max(visited, 0) / total), 1)


def sum_by_kind(counts, mapping):
    """A1 section 3: {figure: total} of list entries counted by kind
    (``counts``: kind -> number of entries; ``mapping``: kind -> figure);
    every figure of the mapping is present (0 when nothing is listed)."""
    totals = dict.fromkeys(mapping.values(), 0)
    for kind, number in counts.items():
        figure = mapping.get(kind)
        if figure:
            totals[figure] += number
    return totals


def count_by_kind(kinds, mapping):
    """A1 section 3: {figure: count} of list entries whose kind maps to a
    figure, from the kinds themselves (one per entry). Kept for the
    addons of the previous release: ``tests/upgrade`` installs them beside
    this package, as a server being upgraded runs them until its modules
    are updated."""
    return sum_by_kind(Counter(kinds), mapping)
