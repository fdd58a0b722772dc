# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Buckets the supervisors' dashboards group by (issue 13).

Each bucket is a pure function of stored dates and "today". The models store
the bucket (so that ``read_group`` groups on a column) and refresh it once a
day with one set-based SQL ``UPDATE`` that mirrors these functions; the
tests check that both agree.

* open transfers by age since the move (R14: the request is due within
  3 × 24 h, so the first bucket is the legal term);
* firearm owners by the state of the annual check at the residence (R22.10);
* foreigners by the end of the permitted stay (Appendix 4).
"""

from . import dates

#: transfer age buckets, upper bound in days (included), in order
TRANSFER_AGE_LIMITS = (("d3", 3), ("d10", 10), ("d30", 30))
TRANSFER_AGE_OLDER = "older"

#: R22.10: a check due this many days ahead (or fewer) counts as "due"
FIREARM_DUE_SOON_DAYS = 30


def transfer_age_bucket(moved_on, today):
    """Return the age bucket of a transfer: ``d3`` (0-3 days since the
    move), ``d10`` (4-10), ``d30`` (11-30) or ``older``. The dashboard
    counts the open transfers only (its filter), the bucket ignores the
    state."""
    age = (dates.as_date(today) - dates.as_date(moved_on)).days
    for bucket, limit in TRANSFER_AGE_LIMITS:
        if age <= limit:
            return bucket
    return TRANSFER_AGE_OLDER


def firearm_check_state(next_due, today, checked=True,
                        soon_days=FIREARM_DUE_SOON_DAYS):
    """Return the state of an owner's annual check (R22.10, A2).

    ``off`` when the owner is not checked any more (weapon seized or
    surrendered, entry archived: ``checked`` False), ``unknown`` when no due
    date can be computed, ``overdue`` strictly after the due date (as
    :func:`appendix.firearm_check_overdue`), ``due`` within ``soon_days``
    days, else ``ok``.
    """
    if not checked:
        return "off"
    if next_due is None:
        return "unknown"
    return _countdown(next_due, today, soon_days, ("overdue", "due", "ok"))


def stay_state(stay_until, today, warn_days):
    """Return the state of a foreigner's permitted stay (A4).

    ``open`` without an end date, ``expired`` after it, ``expiring`` within
    ``warn_days`` days (the end day included, as
    :func:`appendix.expiry_alerts`), else ``valid``.
    """
    if stay_until is None:
        return "open"
    return _countdown(stay_until, today, warn_days,
                      ("expired", "expiring", "valid"))


def _countdown(day, today, soon_days, labels):
    """``labels`` (past, soon, later): ``day`` is before ``today``, at most
    ``soon_days`` days after it, or later."""
    left = (dates.as_date(day) - dates.as_date(today)).days
    if left < 0:
        return labels[0]
    return labels[1] if left <= soon_days else labels[2]
