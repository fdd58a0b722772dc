# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deadlines before a date, on the day of a date, periodic obligations and
the escalation chain (uchaske_rules.dates; issue 9 item 3)."""
import unittest
from datetime import date, datetime

from uchaske_rules import dates
from uchaske_rules.dates import WorkCalendar


class TestDueBefore(unittest.TestCase):

    def test_notice_ten_calendar_days_before_meeting(self):
        """R27: a meeting on the 20th needs the notice by the end of the 10th."""
        self.assertEqual(
            dates.compute_due_before(date(2026, 11, 20), 10, "calendar_days"),
            datetime(2026, 11, 10, 23, 59, 59))
        self.assertEqual(
            dates.compute_due_before(datetime(2026, 3, 5, 15, 0), 10,
                                     "calendar_days"),
            datetime(2026, 2, 23, 23, 59, 59))

    def test_same_day_is_end_of_that_day(self):
        """R32: the protocol is signed on the meeting day."""
        self.assertEqual(
            dates.compute_due_before(datetime(2026, 11, 20, 15, 0), 0,
                                     "calendar_days"),
            datetime(2026, 11, 20, 23, 59, 59))

    def test_working_days_before_skip_weekend(self):
        calendar = WorkCalendar(holidays={date(2026, 12, 16)})
        # Thu 17 Dec - 2 working days: Tue 15 (16 is a holiday)
        self.assertEqual(
            dates.compute_due_before(date(2026, 12, 17), 2, "working_days",
                                     calendar),
            datetime(2026, 12, 14, 23, 59, 59))

    def test_float_offset_refused(self):
        with self.assertRaises(TypeError):
            dates.compute_due_before(date(2026, 1, 1), 1.5, "calendar_days")


class TestPeriodOf(unittest.TestCase):

    def test_quarter(self):
        """R22.13, R26: a report meeting every quarter."""
        self.assertEqual(dates.period_of(date(2026, 11, 2), "quarter"),
                         (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4"))
        self.assertEqual(dates.period_of(datetime(2026, 3, 31, 23, 0), "quarter"),
                         (date(2026, 1, 1), date(2026, 3, 31), "2026-Q1"))

    def test_year_and_month(self):
        """A1: figures as of 1 January each year; R22.10 annual check."""
        self.assertEqual(dates.period_of(date(2024, 2, 29), "year"),
                         (date(2024, 1, 1), date(2024, 12, 31), "2024"))
        self.assertEqual(dates.period_of(date(2024, 2, 10), "month"),
                         (date(2024, 2, 1), date(2024, 2, 29), "2024-02"))

    def test_working_day(self):
        """R23.3: the rural daily call on every working day; none on a day off."""
        calendar = WorkCalendar(holidays={date(2026, 12, 16)})
        self.assertEqual(dates.period_of(date(2026, 12, 15), "working_day", calendar),
                         (date(2026, 12, 15), date(2026, 12, 15), "2026-12-15"))
        self.assertIsNone(dates.period_of(date(2026, 12, 16), "working_day", calendar))
        self.assertIsNone(dates.period_of(date(2026, 12, 19), "working_day"))

    def test_unknown_period(self):
        with self.assertRaises(ValueError):
            dates.period_of(date(2026, 1, 1), "week")


class TestNextRoleUp(unittest.TestCase):
    """R16, R24: inspector -> police point's responsible -> chief."""

    def test_chain(self):
        self.assertEqual(dates.next_role_up(1, 2, 3), 2)
        self.assertEqual(dates.next_role_up(2, 2, 3), 3)
        self.assertIsNone(dates.next_role_up(3, 2, 3))
        self.assertEqual(dates.next_role_up(1, None, 3), 3)
        self.assertIsNone(dates.next_role_up(1, None, None))
