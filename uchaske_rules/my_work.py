# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Urgency of an officer's items in "My work": overdue, due today, this
week, later. Pure: "now" is a parameter, both moments in the officer's local
time (naive datetimes)."""
from datetime import timedelta

OVERDUE = "overdue"
TODAY = "today"
WEEK = "week"
LATER = "later"
#: an item without a due date: a record the officer may act on
ACT = "act"

#: the order the officer's day is read in
BUCKETS = (OVERDUE, TODAY, WEEK, LATER, ACT)


def week_end(day):
    """Return the Sunday closing the (Monday to Sunday) week of ``day``."""
    return day + timedelta(days=6 - day.weekday())


def urgency(due, now):
    """Return the bucket of an item due at ``due`` (None: no due date).

    Overdue when ``now`` is strictly after ``due`` (a task done at the very
    moment of its deadline is on time); then due today, due by the end of
    this week (Sunday), later.
    """
    if due is None:
        return ACT
    if now > due:
        return OVERDUE
    if due.date() == now.date():
        return TODAY
    if due.date() <= week_end(now.date()):
        return WEEK
    return LATER


def rank(bucket):
    """Sort key of ``bucket``: overdue first, "you may act" last."""
    return BUCKETS.index(bucket)
