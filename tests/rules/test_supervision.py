# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cadence of supervision checks and terms (R11, R12): plain unit tests,
"today" always given."""
import unittest
from datetime import date, datetime

from uchaske_rules import supervision
from uchaske_rules.supervision import SupervisionError

D = date


class TestCheckCadence(unittest.TestCase):

    def test_first_check_from_registration(self):
        """R12: with no check yet, the first is due cadence days after registration."""
        self.assertEqual(
            supervision.next_check_due(None, D(2024, 1, 10), 30), D(2024, 2, 9))

    def test_next_check_from_last_check(self):
        """R12: after a check, the next is due cadence days after it."""
        self.assertEqual(
            supervision.next_check_due(D(2024, 2, 20), D(2024, 1, 10), 30),
            D(2024, 3, 21))  # 2024 is a leap year: 9 days of Feb + 21 of March

    def test_calendar_days_across_year_end(self):
        """R12: the cadence counts calendar days, across the year end."""
        self.assertEqual(
            supervision.next_check_due(D(2024, 12, 20), D(2024, 1, 10), 14),
            D(2025, 1, 3))

    def test_cadence_must_be_positive(self):
        """R12: a cadence of zero, negative or non-integer days is refused."""
        for cadence in (0, -7):
            with self.assertRaises(ValueError):
                supervision.next_check_due(None, D(2024, 1, 10), cadence)
        with self.assertRaises(TypeError):
            supervision.next_check_due(None, D(2024, 1, 10), 7.5)

    def test_overdue_strictly_after_due(self):
        """R12: overdue only the day after the due date; on it, still on time."""
        due = supervision.next_check_due(None, D(2024, 1, 10), 30)
        self.assertFalse(supervision.is_check_overdue(due, D(2024, 2, 8)))
        self.assertFalse(supervision.is_check_overdue(due, D(2024, 2, 9)))  # due
        self.assertTrue(supervision.is_check_overdue(due, D(2024, 2, 10)))

    def test_datetime_today(self):
        """R12: a datetime "today" counts by its date."""
        self.assertFalse(supervision.is_check_overdue(
            D(2024, 2, 9), datetime(2024, 2, 9, 23, 59)))

    def test_nothing_due(self):
        """R12: without a due date (not registered yet) nothing is overdue."""
        self.assertFalse(supervision.is_check_overdue(None, D(2099, 1, 1)))

    def test_new_check_clears_overdue(self):
        """R12: a check made restarts the count."""
        registered = D(2024, 1, 10)
        today = D(2024, 3, 1)
        self.assertTrue(supervision.is_check_overdue(
            supervision.next_check_due(None, registered, 30), today))
        self.assertFalse(supervision.is_check_overdue(
            supervision.next_check_due(D(2024, 2, 28), registered, 30), today))


class TestTerm(unittest.TestCase):

    def test_validate_term(self):
        """R11/R12: a term may not end before it starts; one day or open is fine."""
        supervision.validate_term(D(2024, 3, 1), D(2024, 3, 1))
        supervision.validate_term(D(2024, 3, 1), None)
        with self.assertRaises(ValueError) as caught:
            supervision.validate_term(D(2024, 3, 1), D(2024, 2, 29))
        self.assertEqual(caught.exception.reason, supervision.REASON_END_BEFORE_START)
        self.assertEqual(caught.exception.args[0], "end_before_start")
        self.assertIsInstance(caught.exception, SupervisionError)


class TestCheckDate(unittest.TestCase):

    registered = D(2024, 1, 10)
    today = D(2024, 5, 20)

    def assertReason(self, check_date, reason):
        with self.assertRaises(ValueError) as caught:
            supervision.check_date_valid(check_date, self.registered, self.today)
        self.assertEqual(caught.exception.reason, reason)

    def test_bounds_included(self):
        """R12: a check on the registration day or today is valid."""
        for check_date in (self.registered, D(2024, 3, 1), self.today):
            supervision.check_date_valid(check_date, self.registered, self.today)

    def test_before_registration(self):
        """R12: no check of a person before they were registered."""
        self.assertReason(D(2024, 1, 9), "before_registration")

    def test_future(self):
        """R12: no check recorded in the future."""
        self.assertReason(D(2024, 5, 21), "future")
