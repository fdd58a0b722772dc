# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rules of the lists of Appendices 2-4 (R22.10, A2, A3, A4): plain unit
tests, "today" always given."""
import unittest
from datetime import date

from uchaske_rules import appendix

D = date


class TestFirearmCheck(unittest.TestCase):

    def test_due_a_year_after_last_check(self):
        """R22.10/A2: the owner is checked at least once a year after the last check."""
        self.assertEqual(appendix.firearm_check_due(D(2024, 5, 14), D(2020, 1, 1)),
                         D(2025, 5, 14))

    def test_due_from_permit_without_check(self):
        """R22.10/A2: with no check yet, a year after the permit was issued."""
        self.assertEqual(appendix.firearm_check_due(None, D(2023, 9, 1)),
                         D(2024, 9, 1))

    def test_leap_day(self):
        """R22.10/A2: a check on 29 February is due again on 28 February."""
        self.assertEqual(appendix.firearm_check_due(D(2024, 2, 29), None),
                         D(2025, 2, 28))

    def test_unknown(self):
        """R22.10/A2: no date to count from gives no due date and no overdue."""
        self.assertIsNone(appendix.firearm_check_due(None, None))
        self.assertFalse(appendix.firearm_check_overdue(None, None, D(2030, 1, 1)))

    def test_overdue_strictly_after_due(self):
        """R22.10/A2: overdue the day after the anniversary, not on it."""
        last = D(2024, 5, 14)
        self.assertFalse(appendix.firearm_check_overdue(last, None, D(2025, 5, 14)))
        self.assertTrue(appendix.firearm_check_overdue(last, None, D(2025, 5, 15)))
        self.assertFalse(
            appendix.firearm_check_overdue(None, D(2024, 5, 14), D(2025, 5, 14)))
        self.assertTrue(
            appendix.firearm_check_overdue(None, D(2024, 5, 14), D(2025, 5, 15)))


class TestListedOn(unittest.TestCase):

    def test_bounds(self):
        """A3: listed from the entry day (included) to the removal day (excluded)."""
        entered, removed = D(2024, 3, 1), D(2024, 6, 1)
        self.assertFalse(appendix.is_listed_on(entered, removed, D(2024, 2, 29)))
        self.assertTrue(appendix.is_listed_on(entered, removed, D(2024, 3, 1)))
        self.assertTrue(appendix.is_listed_on(entered, removed, D(2024, 5, 31)))
        self.assertFalse(appendix.is_listed_on(entered, removed, D(2024, 6, 1)))

    def test_not_removed(self):
        """A3: without removal date, listed from the entry on."""
        self.assertTrue(appendix.is_listed_on(D(2024, 3, 1), None, D(2099, 1, 1)))
        self.assertFalse(appendix.is_listed_on(D(2024, 3, 1), None, D(2024, 2, 1)))


class TestExpiryAlerts(unittest.TestCase):

    today = D(2024, 6, 1)

    def test_none_far_away(self):
        """A4: no alert for expiries further than warn_days, or unknown."""
        self.assertEqual(
            appendix.expiry_alerts(D(2024, 7, 2), D(2030, 1, 1), self.today), [])
        self.assertEqual(appendix.expiry_alerts(None, None, self.today), [])

    def test_window_inclusive(self):
        """A4: an expiry exactly warn_days ahead is signalled, one more day not."""
        self.assertEqual(
            appendix.expiry_alerts(D(2024, 7, 1), None, self.today),
            [("stay", D(2024, 7, 1), 30)])
        self.assertEqual(
            appendix.expiry_alerts(None, D(2024, 6, 11), self.today, warn_days=10),
            [("passport", D(2024, 6, 11), 10)])
        self.assertEqual(
            appendix.expiry_alerts(None, D(2024, 6, 12), self.today, warn_days=10),
            [])

    def test_expired_and_sorted(self):
        """A4: expired dates have negative days left; alerts sorted by date."""
        self.assertEqual(
            appendix.expiry_alerts(D(2024, 6, 20), D(2024, 5, 25), self.today),
            [("passport", D(2024, 5, 25), -7), ("stay", D(2024, 6, 20), 19)])
        self.assertEqual(
            appendix.expiry_alerts(D(2024, 6, 1), D(2024, 6, 1), self.today),
            [("passport", D(2024, 6, 1), 0), ("stay", D(2024, 6, 1), 0)])
