# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Dashboard buckets (issue 13; R14, R22.10, A4): plain unit tests, "today"
always given."""
import unittest
from datetime import date, datetime

from uchaske_rules import dashboard

D = date
TODAY = D(2026, 12, 1)


class TestDashboardBuckets(unittest.TestCase):

    def test_transfer_age(self):
        """R14: open transfers by days since the move, the first bucket being
        the 3-day request term."""
        moved = datetime(2026, 11, 28, 23, 0)
        self.assertEqual(dashboard.transfer_age_bucket(moved, TODAY), "d3")
        self.assertEqual(dashboard.transfer_age_bucket(D(2026, 11, 27), TODAY), "d10")
        self.assertEqual(dashboard.transfer_age_bucket(D(2026, 11, 21), TODAY), "d10")
        self.assertEqual(dashboard.transfer_age_bucket(D(2026, 11, 20), TODAY), "d30")
        self.assertEqual(dashboard.transfer_age_bucket(D(2026, 10, 31), TODAY), "older")

    def test_firearm_check_state(self):
        """R22.10: overdue strictly after the due day, due within 30 days."""
        state = dashboard.firearm_check_state
        self.assertEqual(state(D(2026, 11, 30), TODAY), "overdue")
        self.assertEqual(state(D(2026, 12, 1), TODAY), "due")
        self.assertEqual(state(D(2026, 12, 31), TODAY), "due")
        self.assertEqual(state(D(2027, 1, 1), TODAY), "ok")
        self.assertEqual(state(None, TODAY), "unknown")
        self.assertEqual(state(D(2020, 1, 1), TODAY, checked=False), "off")

    def test_stay_state(self):
        """A4: the stay's end day is still "expiring", the day after "expired"."""
        self.assertEqual(dashboard.stay_state(D(2026, 11, 30), TODAY, 30), "expired")
        self.assertEqual(dashboard.stay_state(D(2026, 12, 1), TODAY, 30), "expiring")
        self.assertEqual(dashboard.stay_state(D(2026, 12, 31), TODAY, 30), "expiring")
        self.assertEqual(dashboard.stay_state(D(2027, 1, 1), TODAY, 30), "valid")
        self.assertEqual(dashboard.stay_state(None, TODAY, 30), "open")
