# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rules of the lists of Appendices 2-4 (R17, R22.10).

* Appendix 2, firearm owners: R22.10, each owner is checked at the place of
  residence at least once a year (:func:`firearm_check_due`);
* Appendix 3, persons sentenced without isolation from society: the list is
  drawn up "as of a date" from the dates entered and removed
  (:func:`is_listed_on`);
* Appendix 4, foreigners: the permitted stay and the passport expire
  (:func:`expiry_alerts`).
"""

from . import dates

KIND_STAY = "stay"
KIND_PASSPORT = "passport"

#: A4: expiries this many days ahead (or fewer) are signalled by default.
DEFAULT_WARN_DAYS = 30


def firearm_check_due(last_check, permit_issued):
    """Return the date the next check of a firearm owner is due (R22.10, A2).

    At least once a year: one year after the last check at the place of
    residence, or after the permit was issued while no check has been made.
    29 February gives 28 February (:func:`dates.add_years`). None when both
    dates are unknown: nothing to count from.
    """
    base = last_check if last_check is not None else permit_issued
    if base is None:
        return None
    return dates.add_years(dates.as_date(base), 1)


def firearm_check_overdue(last_check, permit_issued, today):
    """Return True if ``today`` is strictly after the due check (R22.10, A2).

    False when no due date can be computed (see :func:`firearm_check_due`).
    """
    due = firearm_check_due(last_check, permit_issued)
    return due is not None and dates.as_date(today) > due


def is_listed_on(entered, removed, as_of):
    """Return True if a person is on the Appendix 3 list as of ``as_of`` (A3).

    Listed from the day entered (included) until the day removed
    (excluded): ``entered <= as_of < removed``, or no removal yet.
    """
    as_of = dates.as_date(as_of)
    if dates.as_date(entered) > as_of:
        return False
    return removed is None or dates.as_date(removed) > as_of


def expiry_alerts(stay_until, passport_valid_until, today,
                  warn_days=DEFAULT_WARN_DAYS):
    """Return the expiries of a foreigner that need attention (A4).

    A list of ``(kind, expiry_date, days_left)``, ``kind`` being ``'stay'``
    (end of the permitted stay) or ``'passport'`` (end of the passport's
    validity), for each known date at most ``warn_days`` days after
    ``today``. Already expired dates are included with a negative
    ``days_left``; an expiry today has ``days_left == 0``. Sorted by date
    (then kind, for a stable order on the same date).
    """
    today = dates.as_date(today)
    alerts = []
    for kind, expiry in ((KIND_STAY, stay_until),
                         (KIND_PASSPORT, passport_valid_until)):
        if expiry is None:
            continue
        expiry = dates.as_date(expiry)
        days_left = (expiry - today).days
        if days_left <= warn_days:
            alerts.append((kind, expiry, days_left))
    alerts.sort(key=lambda alert: (alert[1], alert[0]))
    return alerts
