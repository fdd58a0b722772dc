# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Urgency buckets of "My work" (issue 7 §2): plain unit tests, "now"
always given."""
import unittest
from datetime import date, datetime

from uchaske_rules import my_work

#: a Wednesday
NOW = datetime(2026, 11, 11, 10, 0)


class TestMyWorkUrgency(unittest.TestCase):

    def test_buckets(self):
        self.assertEqual(my_work.urgency(datetime(2026, 11, 11, 9, 59), NOW),
                         my_work.OVERDUE)
        self.assertEqual(my_work.urgency(NOW, NOW), my_work.TODAY)  # on time
        self.assertEqual(my_work.urgency(datetime(2026, 11, 11, 23, 59), NOW),
                         my_work.TODAY)
        self.assertEqual(my_work.urgency(datetime(2026, 11, 12, 0, 0), NOW),
                         my_work.WEEK)
        self.assertEqual(my_work.urgency(datetime(2026, 11, 15, 23, 59), NOW),
                         my_work.WEEK)
        self.assertEqual(my_work.urgency(datetime(2026, 11, 16, 0, 0), NOW),
                         my_work.LATER)
        self.assertEqual(my_work.urgency(None, NOW), my_work.ACT)

    def test_week_ends_on_sunday(self):
        self.assertEqual(my_work.week_end(date(2026, 11, 11)), date(2026, 11, 15))
        self.assertEqual(my_work.week_end(date(2026, 11, 15)), date(2026, 11, 15))
        self.assertEqual(my_work.week_end(date(2026, 11, 16)), date(2026, 11, 22))

    def test_rank_reads_the_day_in_order(self):
        ranks = [my_work.rank(bucket) for bucket in (
            my_work.OVERDUE, my_work.TODAY, my_work.WEEK, my_work.LATER,
            my_work.ACT)]
        self.assertEqual(ranks, sorted(ranks))
