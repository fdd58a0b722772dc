# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Legal date arithmetic of the functional core (R5, R6, R14, R22.10,
R22.14, R26, R27, R32): plain unit tests, no database, no real clock."""
import unittest
from dataclasses import FrozenInstanceError
from datetime import date, datetime, timedelta

from uchaske_rules import dates
from uchaske_rules.dates import WorkCalendar

D = date
DT = datetime

# Test data: Kazakhstan's days off of 2024 and early 2025 under the Law on
# holidays and the Labour Code. A holiday falling on a weekend moves to the
# next working day (7 Jan -> 8 Jan, 23 Mar -> 25 Mar, 6 Jul -> 8 Jul);
# the weekend dates themselves are listed too, which is harmless. In 2024 the
# day off of Saturday 4 May was transferred to Wednesday 8 May (order of the
# Minister of Labour of 17.04.2024), so 4 May 2024 was a working Saturday.
KZ_DAYS_OFF = frozenset({
    D(2024, 1, 1), D(2024, 1, 2),                   # New Year
    D(2024, 1, 7), D(2024, 1, 8),                   # Orthodox Christmas (Sun)
    D(2024, 3, 8),                                  # Women's Day
    D(2024, 3, 21), D(2024, 3, 22), D(2024, 3, 23),  # Nauryz
    D(2024, 3, 25),                                 # Nauryz 23 Mar (Sat) moved
    D(2024, 5, 1),                                  # Unity Day
    D(2024, 5, 7),                                  # Defender of the Fatherland
    D(2024, 5, 8),                                  # transferred from Sat 4 May
    D(2024, 5, 9),                                  # Victory Day
    D(2024, 7, 6), D(2024, 7, 8),                   # Capital Day (Sat), moved
    D(2024, 8, 30),                                 # Constitution Day
    D(2024, 10, 25),                                # Republic Day
    D(2024, 12, 16),                                # Independence Day
    D(2025, 1, 1), D(2025, 1, 2),                   # New Year
    D(2025, 1, 7),                                  # Orthodox Christmas
})
KZ_WORKING_SATURDAYS = frozenset({D(2024, 5, 4)})
KZ = WorkCalendar(holidays=KZ_DAYS_OFF, extra_working_days=KZ_WORKING_SATURDAYS)
PLAIN = WorkCalendar()


class TestWorkCalendar(unittest.TestCase):

    def test_default_week_is_monday_to_friday(self):
        """R6, R8: without holidays, Monday to Friday are the working days."""
        week = [D(2024, 6, 10) + timedelta(days=n) for n in range(7)]
        self.assertEqual(
            [PLAIN.is_working_day(day) for day in week],
            [True, True, True, True, True, False, False],
        )

    def test_public_holiday_on_weekday_is_not_worked(self):
        """R6: Nauryz (Thursday 21 March 2024) is not a working day."""
        self.assertTrue(PLAIN.is_working_day(D(2024, 3, 21)))
        self.assertFalse(KZ.is_working_day(D(2024, 3, 21)))
        self.assertFalse(KZ.is_working_day(D(2024, 3, 25)))  # moved from Sat

    def test_transferred_working_saturday_is_worked(self):
        """R6: Saturday 4 May 2024 was a working day by transfer; 8 May was off."""
        self.assertFalse(PLAIN.is_working_day(D(2024, 5, 4)))
        self.assertTrue(KZ.is_working_day(D(2024, 5, 4)))
        self.assertFalse(KZ.is_working_day(D(2024, 5, 8)))
        self.assertFalse(KZ.is_working_day(D(2024, 5, 11)))  # ordinary Saturday

    def test_six_day_week(self):
        """R6, R8: a six-day working week counts Saturdays, not Sundays."""
        six = WorkCalendar(weekdays={0, 1, 2, 3, 4, 5})
        self.assertTrue(six.is_working_day(D(2024, 6, 15)))
        self.assertFalse(six.is_working_day(D(2024, 6, 16)))

    def test_datetime_is_judged_by_its_date(self):
        """R6: a datetime on a holiday is on a non-working day."""
        self.assertFalse(KZ.is_working_day(DT(2024, 3, 22, 10, 30)))
        self.assertTrue(KZ.is_working_day(DT(2024, 5, 4, 23, 59, 59)))

    def test_calendar_is_immutable_and_normalised(self):
        """R6: a calendar is a value: iterables become frozensets, no mutation."""
        calendar = WorkCalendar(weekdays=[0, 1, 2], holidays=[D(2024, 1, 1)])
        self.assertEqual(calendar.weekdays, frozenset({0, 1, 2}))
        self.assertEqual(calendar.holidays, frozenset({D(2024, 1, 1)}))
        self.assertEqual(calendar, WorkCalendar(weekdays={2, 1, 0},
                                                holidays={D(2024, 1, 1)}))
        self.assertEqual(hash(calendar), hash(WorkCalendar(
            weekdays={2, 1, 0}, holidays={D(2024, 1, 1)})))
        with self.assertRaises(FrozenInstanceError):
            calendar.holidays = frozenset()

    def test_contradictory_calendar_is_refused(self):
        """R6: a date cannot be both a holiday and a transferred working day."""
        with self.assertRaises(ValueError):
            WorkCalendar(holidays={D(2024, 5, 4)}, extra_working_days={D(2024, 5, 4)})
        with self.assertRaises(ValueError):
            WorkCalendar(weekdays={0, 7})

    def test_calendar_without_working_days_fails_instead_of_hanging(self):
        """R6: counting working days in a calendar that has none is an error."""
        with self.assertRaises(ValueError):
            dates.add_working_days(D(2024, 1, 1), 1, WorkCalendar(weekdays=()))


class TestTwentyFourHourDays(unittest.TestCase):

    def test_three_days_is_exactly_72_hours(self):
        """R14: the arrival request is due 3 x 24 h after the move, to the second."""
        moved = DT(2024, 6, 12, 14, 37, 5)
        due = dates.add_24h_days(moved, 3)
        self.assertEqual(due, DT(2024, 6, 15, 14, 37, 5))
        self.assertEqual(due - moved, timedelta(hours=72))

    def test_crossing_midnight_and_month_end(self):
        """R14: three тәулік from 30 May 22:15 end on 2 June 22:15."""
        self.assertEqual(
            dates.add_24h_days(DT(2024, 5, 30, 22, 15), 3), DT(2024, 6, 2, 22, 15))
        self.assertEqual(
            dates.add_24h_days(DT(2024, 4, 30, 23, 59, 59), 1),
            DT(2024, 5, 1, 23, 59, 59))

    def test_leap_day_and_year_boundary(self):
        """R14: 29 February is a тәулік like any other; years roll over."""
        self.assertEqual(
            dates.add_24h_days(DT(2024, 2, 27, 8, 0), 3), DT(2024, 3, 1, 8, 0))
        self.assertEqual(
            dates.add_24h_days(DT(2023, 2, 27, 8, 0), 3), DT(2023, 3, 2, 8, 0))
        self.assertEqual(
            dates.add_24h_days(DT(2024, 12, 30, 18, 0), 3), DT(2025, 1, 2, 18, 0))

    def test_weekends_and_holidays_do_not_stop_the_clock(self):
        """R14: a move on Friday of Nauryz is still due three тәулік later."""
        self.assertEqual(
            dates.add_24h_days(DT(2024, 3, 22, 10, 0), 3), DT(2024, 3, 25, 10, 0))

    def test_naive_datetimes_without_dst(self):
        """R14: naive local datetimes; a European DST night is still 24 hours."""
        due = dates.add_24h_days(DT(2024, 3, 30, 12, 0), 1)
        self.assertEqual(due, DT(2024, 3, 31, 12, 0))
        self.assertIsNone(due.tzinfo)

    def test_one_day_and_negative_offsets(self):
        """R22.14, R14: one тәулік forwards; negative offsets go back."""
        self.assertEqual(
            dates.add_24h_days(DT(2024, 1, 1, 0, 0), 1), DT(2024, 1, 2, 0, 0))
        self.assertEqual(
            dates.add_24h_days(DT(2024, 3, 1, 6, 0), -3), DT(2024, 2, 27, 6, 0))

    def test_non_integer_offset_is_refused(self):
        """R14: offsets are whole тәулік; 1.5 or '3' are programming errors."""
        with self.assertRaises(TypeError):
            dates.add_24h_days(DT(2024, 1, 1), 1.5)
        with self.assertRaises(TypeError):
            dates.add_calendar_days(D(2024, 1, 1), "3")


class TestWorkingDays(unittest.TestCase):

    def test_start_is_not_counted(self):
        """R6: five working days after Monday is the next Monday."""
        self.assertEqual(dates.add_working_days(D(2024, 6, 10), 5, PLAIN),
                         D(2024, 6, 17))
        self.assertEqual(dates.add_working_days(D(2024, 6, 10), 1, PLAIN),
                         D(2024, 6, 11))

    def test_friday_plus_one_is_monday(self):
        """R6: the weekend is skipped."""
        self.assertEqual(dates.add_working_days(D(2024, 6, 14), 1, PLAIN),
                         D(2024, 6, 17))
        # Starting on a Saturday: Monday is the first working day after it.
        self.assertEqual(dates.add_working_days(D(2024, 6, 15), 1, PLAIN),
                         D(2024, 6, 17))

    def test_holidays_are_skipped(self):
        """R6: after Wednesday 20 March 2024 Nauryz and the weekend are skipped."""
        self.assertEqual(dates.add_working_days(D(2024, 3, 20), 1, KZ),
                         D(2024, 3, 26))
        self.assertEqual(dates.add_working_days(D(2024, 3, 20), 1, PLAIN),
                         D(2024, 3, 21))

    def test_transferred_saturday_counts(self):
        """R6: Friday 3 May 2024 plus one working day is Saturday 4 May."""
        self.assertEqual(dates.add_working_days(D(2024, 5, 3), 1, KZ),
                         D(2024, 5, 4))
        # 6 May is next, then 7, 8, 9 May are off.
        self.assertEqual(dates.add_working_days(D(2024, 5, 3), 3, KZ),
                         D(2024, 5, 10))

    def test_zero_days(self):
        """R6: zero days is the start if worked, else the next working day."""
        self.assertEqual(dates.add_working_days(D(2024, 6, 12), 0, KZ),
                         D(2024, 6, 12))
        self.assertEqual(dates.add_working_days(D(2024, 6, 15), 0, KZ),
                         D(2024, 6, 17))
        self.assertEqual(dates.add_working_days(D(2024, 3, 21), 0, KZ),
                         D(2024, 3, 26))

    def test_negative_days_go_backwards(self):
        """R6: counting back skips weekends and holidays too."""
        self.assertEqual(dates.add_working_days(D(2024, 6, 17), -1, PLAIN),
                         D(2024, 6, 14))
        self.assertEqual(dates.add_working_days(D(2024, 3, 26), -1, KZ),
                         D(2024, 3, 20))
        self.assertEqual(dates.add_working_days(D(2024, 6, 16), -1, PLAIN),
                         D(2024, 6, 14))

    def test_year_boundary(self):
        """R6: New Year's days off are skipped across the year boundary."""
        self.assertEqual(dates.add_working_days(D(2024, 12, 31), 1, KZ),
                         D(2025, 1, 3))
        self.assertEqual(dates.add_working_days(D(2025, 1, 3), -1, KZ),
                         D(2024, 12, 31))

    def test_forwards_then_backwards_round_trip(self):
        """R6: from a working day, +n then -n working days returns to it."""
        day = D(2024, 1, 3)
        while day < D(2025, 1, 1):
            if KZ.is_working_day(day):
                for count in (1, 5, 12):
                    there = dates.add_working_days(day, count, KZ)
                    self.assertEqual(
                        dates.add_working_days(there, -count, KZ), day)
                    self.assertEqual(
                        dates.working_days_between(day, there, KZ), count + 1)
            day += timedelta(days=1)

    def test_working_days_between_inclusive(self):
        """R6: the range [start, end] is counted with both ends included."""
        self.assertEqual(dates.working_days_between(D(2024, 6, 10), D(2024, 6, 14),
                                                    PLAIN), 5)
        self.assertEqual(dates.working_days_between(D(2024, 6, 12), D(2024, 6, 12),
                                                    PLAIN), 1)
        self.assertEqual(dates.working_days_between(D(2024, 6, 15), D(2024, 6, 16),
                                                    PLAIN), 0)
        self.assertEqual(dates.working_days_between(D(2024, 6, 14), D(2024, 6, 10),
                                                    PLAIN), 0)
        self.assertEqual(dates.working_days_between(D(2024, 1, 1), D(2024, 12, 31),
                                                    PLAIN), 262)

    def test_absence_of_exactly_five_working_days_is_not_long(self):
        """R6: Monday to Friday (five working days) is not "more than five"."""
        self.assertFalse(dates.exceeds_working_days(
            D(2024, 6, 10), D(2024, 6, 14), 5, KZ))
        # Wednesday to Tuesday across a weekend: still five working days.
        self.assertFalse(dates.exceeds_working_days(
            D(2024, 6, 12), D(2024, 6, 18), 5, KZ))

    def test_absence_of_six_working_days_is_long(self):
        """R6: Monday to the next Monday (six working days) needs a substitute."""
        self.assertTrue(dates.exceeds_working_days(
            D(2024, 6, 10), D(2024, 6, 17), 5, KZ))

    def test_holidays_lengthen_the_allowed_absence(self):
        """R6: 18-27 March 2024 holds only five working days because of Nauryz."""
        self.assertEqual(
            dates.working_days_between(D(2024, 3, 18), D(2024, 3, 27), KZ), 5)
        self.assertFalse(dates.exceeds_working_days(
            D(2024, 3, 18), D(2024, 3, 27), 5, KZ))
        self.assertTrue(dates.exceeds_working_days(
            D(2024, 3, 18), D(2024, 3, 28), 5, KZ))
        # Without the holidays the same ten days are eight working days.
        self.assertTrue(dates.exceeds_working_days(
            D(2024, 3, 18), D(2024, 3, 27), 5, PLAIN))

    def test_transferred_saturday_lengthens_the_count(self):
        """R6: 29 Apr-6 May 2024 is six working days with the working Saturday."""
        start, end = D(2024, 4, 29), D(2024, 5, 6)
        self.assertEqual(dates.working_days_between(start, end, KZ), 6)
        self.assertTrue(dates.exceeds_working_days(start, end, 5, KZ))
        no_transfer = WorkCalendar(holidays=KZ_DAYS_OFF)
        self.assertEqual(dates.working_days_between(start, end, no_transfer), 5)
        self.assertFalse(dates.exceeds_working_days(start, end, 5, no_transfer))

    def test_absence_ending_before_it_starts(self):
        """R6: an inverted range is no absence at all."""
        self.assertFalse(dates.exceeds_working_days(
            D(2024, 6, 17), D(2024, 6, 10), 0, KZ))


class TestMonthsAndYears(unittest.TestCase):

    def test_one_month_after_appointment(self):
        """R5: appointed 15 March, the walkthrough is due by 15 April."""
        self.assertEqual(dates.add_months(D(2024, 3, 15), 1), D(2024, 4, 15))

    def test_month_end_is_clamped(self):
        """R5: 31 January + 1 month is 29 February in 2024, 28 in 2023."""
        self.assertEqual(dates.add_months(D(2024, 1, 31), 1), D(2024, 2, 29))
        self.assertEqual(dates.add_months(D(2023, 1, 31), 1), D(2023, 2, 28))
        self.assertEqual(dates.add_months(D(2024, 3, 31), 1), D(2024, 4, 30))
        self.assertEqual(dates.add_months(D(2024, 8, 31), 1), D(2024, 9, 30))

    def test_year_boundary_and_negative_months(self):
        """R5: December + 1 month is January; months may be counted back."""
        self.assertEqual(dates.add_months(D(2024, 12, 15), 1), D(2025, 1, 15))
        self.assertEqual(dates.add_months(D(2024, 12, 31), 2), D(2025, 2, 28))
        self.assertEqual(dates.add_months(D(2024, 3, 31), -1), D(2024, 2, 29))
        self.assertEqual(dates.add_months(D(2024, 1, 15), -1), D(2023, 12, 15))
        self.assertEqual(dates.add_months(D(2024, 1, 31), -13), D(2022, 12, 31))
        self.assertEqual(dates.add_months(D(2024, 5, 20), 0), D(2024, 5, 20))
        self.assertEqual(dates.add_months(D(2024, 5, 20), 24), D(2026, 5, 20))

    def test_walkthrough_deadline(self):
        """R5: the walkthrough deadline is the end of the day one month later."""
        appointed = DT(2024, 1, 31, 9, 0)
        due = dates.compute_due(appointed, 1, "months")
        self.assertEqual(due, DT(2024, 2, 29, 23, 59, 59))
        self.assertFalse(dates.is_overdue(due, DT(2024, 2, 29, 23, 59, 59)))
        self.assertTrue(dates.is_overdue(due, DT(2024, 3, 1, 0, 0, 0)))

    def test_annual_firearm_check(self):
        """R22.10: a firearm owner checked 15 June 2023 is due by 15 June 2024."""
        self.assertEqual(dates.add_years(D(2023, 6, 15), 1), D(2024, 6, 15))
        due = dates.compute_due(DT(2023, 6, 15, 11, 0), 1, "years")
        self.assertEqual(due, DT(2024, 6, 15, 23, 59, 59))
        self.assertFalse(dates.is_overdue(due, DT(2024, 6, 15, 20, 0)))
        self.assertTrue(dates.is_overdue(due, DT(2024, 6, 16, 0, 0)))

    def test_leap_day_clamps_to_28_february(self):
        """R22.10, R32: 29 February + 1 year is 28 February; + 4 years stays 29."""
        self.assertEqual(dates.add_years(D(2024, 2, 29), 1), D(2025, 2, 28))
        self.assertEqual(dates.add_years(D(2024, 2, 29), 4), D(2028, 2, 29))
        self.assertEqual(dates.add_years(D(2024, 2, 29), -1), D(2023, 2, 28))
        self.assertEqual(dates.add_years(D(2023, 2, 28), 1), D(2024, 2, 28))

    def test_report_materials_kept_one_year(self):
        """R32: materials of a meeting on 29 March 2024 are kept to 29 March 2025."""
        self.assertEqual(dates.add_years(D(2024, 3, 29), 1), D(2025, 3, 29))
        self.assertEqual(dates.compute_due(DT(2024, 3, 29, 18, 0), 1, "years"),
                         DT(2025, 3, 29, 23, 59, 59))


class TestQuarters(unittest.TestCase):

    def test_quarter_of_boundaries(self):
        """R26: 31 March is in Q1, 1 April in Q2, 31 December in Q4."""
        cases = {
            D(2024, 1, 1): (2024, 1), D(2024, 3, 31): (2024, 1),
            D(2024, 4, 1): (2024, 2), D(2024, 6, 30): (2024, 2),
            D(2024, 7, 1): (2024, 3), D(2024, 9, 30): (2024, 3),
            D(2024, 10, 1): (2024, 4), D(2024, 12, 31): (2024, 4),
        }
        for day, expected in cases.items():
            self.assertEqual(dates.quarter_of(day), expected, day)

    def test_quarter_bounds(self):
        """R26: the four quarters of a leap year and their first and last days."""
        self.assertEqual(dates.quarter_bounds(2024, 1), (D(2024, 1, 1), D(2024, 3, 31)))
        self.assertEqual(dates.quarter_bounds(2024, 2), (D(2024, 4, 1), D(2024, 6, 30)))
        self.assertEqual(dates.quarter_bounds(2024, 3), (D(2024, 7, 1), D(2024, 9, 30)))
        self.assertEqual(dates.quarter_bounds(2024, 4),
                         (D(2024, 10, 1), D(2024, 12, 31)))

    def test_every_day_lies_in_its_quarter(self):
        """R26: quarter_bounds(quarter_of(d)) contains d, for three years."""
        day = D(2023, 1, 1)
        while day < D(2026, 1, 1):
            first, last = dates.quarter_bounds(*dates.quarter_of(day))
            self.assertLessEqual(first, day)
            self.assertLessEqual(day, last)
            self.assertEqual(dates.quarter_of(first), dates.quarter_of(last))
            day += timedelta(days=1)

    def test_invalid_quarter(self):
        """R26: quarters are numbered 1 to 4."""
        for quarter in (0, 5, -1):
            with self.assertRaises(ValueError):
                dates.quarter_bounds(2024, quarter)
            with self.assertRaises(ValueError):
                dates.next_quarter(2024, quarter)

    def test_next_quarter(self):
        """R26: Q4 is followed by Q1 of the next year."""
        self.assertEqual(dates.next_quarter(2024, 1), (2024, 2))
        self.assertEqual(dates.next_quarter(2024, 3), (2024, 4))
        self.assertEqual(dates.next_quarter(2024, 4), (2025, 1))

    def test_quarters_between(self):
        """R26: every quarter touched by a period needs a report meeting."""
        self.assertEqual(dates.quarters_between(D(2024, 3, 31), D(2024, 4, 1)),
                         [(2024, 1), (2024, 2)])
        self.assertEqual(dates.quarters_between(D(2024, 5, 1), D(2024, 5, 1)),
                         [(2024, 2)])
        self.assertEqual(dates.quarters_between(D(2024, 1, 1), D(2024, 12, 31)),
                         [(2024, 1), (2024, 2), (2024, 3), (2024, 4)])
        self.assertEqual(dates.quarters_between(D(2024, 11, 20), D(2025, 2, 1)),
                         [(2024, 4), (2025, 1)])
        self.assertEqual(dates.quarters_between(D(2024, 4, 2), D(2024, 4, 1)), [])
        self.assertEqual(len(dates.quarters_between(D(2023, 1, 1), D(2025, 12, 31))),
                         12)


class TestNoticeAndDeadlines(unittest.TestCase):

    def test_latest_notice_is_ten_calendar_days_before(self):
        """R27: for a meeting on 29 March 2024 residents are told by 19 March."""
        meeting = D(2024, 3, 29)
        notice = dates.latest_notice_date(meeting)
        self.assertEqual(notice, D(2024, 3, 19))
        self.assertEqual((meeting - notice).days, 10)

    def test_notice_counts_calendar_days_not_working_days(self):
        """R27: Nauryz and weekends inside the ten days still count."""
        self.assertEqual(dates.latest_notice_date(D(2024, 3, 27)), D(2024, 3, 17))

    def test_notice_across_year_and_leap_day(self):
        """R27: the ten days cross the New Year and 29 February."""
        self.assertEqual(dates.latest_notice_date(D(2025, 1, 5)), D(2024, 12, 26))
        self.assertEqual(dates.latest_notice_date(D(2024, 3, 5)), D(2024, 2, 24))
        self.assertEqual(dates.latest_notice_date(D(2023, 3, 5)), D(2023, 2, 23))

    def test_notice_of_a_meeting_datetime_and_custom_days(self):
        """R27: a meeting given with its hour; the period may be configured."""
        self.assertEqual(dates.latest_notice_date(DT(2024, 3, 29, 18, 0)),
                         D(2024, 3, 19))
        self.assertEqual(dates.latest_notice_date(D(2024, 3, 29), days=14),
                         D(2024, 3, 15))

    def test_compute_due_units(self):
        """R14, R27, R6, R5, R32: each unit of the deadline catalogue."""
        base = DT(2024, 3, 20, 15, 30)
        self.assertEqual(dates.compute_due(base, 3, "hours24"),
                         DT(2024, 3, 23, 15, 30))
        self.assertEqual(dates.compute_due(base, 10, "calendar_days"),
                         DT(2024, 3, 30, 23, 59, 59))
        self.assertEqual(dates.compute_due(base, 1, "working_days"),
                         DT(2024, 3, 21, 23, 59, 59))
        self.assertEqual(dates.compute_due(base, 1, "working_days", KZ),
                         DT(2024, 3, 26, 23, 59, 59))
        self.assertEqual(dates.compute_due(base, 1, "months"),
                         DT(2024, 4, 20, 23, 59, 59))
        self.assertEqual(dates.compute_due(base, 1, "years"),
                         DT(2025, 3, 20, 23, 59, 59))
        self.assertEqual(set(dates.UNITS), {
            "hours24", "calendar_days", "working_days", "months", "years"})

    def test_compute_due_from_a_date(self):
        """R5: a date base stands for its midnight."""
        self.assertEqual(dates.compute_due(D(2024, 1, 31), 1, "months"),
                         DT(2024, 2, 29, 23, 59, 59))
        self.assertEqual(dates.compute_due(D(2024, 1, 31), 1, "hours24"),
                         DT(2024, 2, 1, 0, 0))

    def test_compute_due_unknown_unit(self):
        """R14: an unknown unit is refused rather than guessed."""
        for unit in ("weeks", "days", "", None):
            with self.assertRaises(ValueError):
                dates.compute_due(DT(2024, 1, 1), 1, unit)

    def test_request_deadline_after_a_late_evening_move(self):
        """R14: a move at 23:00 on 31 Dec is due 23:00 on 3 Jan, not end of day."""
        due = dates.compute_due(DT(2024, 12, 31, 23, 0), 3, "hours24")
        self.assertEqual(due, DT(2025, 1, 3, 23, 0))
        self.assertFalse(dates.is_overdue(due, DT(2025, 1, 3, 23, 0)))
        self.assertTrue(dates.is_overdue(due, DT(2025, 1, 3, 23, 0, 1)))

    def test_is_overdue_is_strict(self):
        """R14, R27: a task done at the moment of its deadline is on time."""
        due = DT(2024, 3, 19, 23, 59, 59)
        self.assertFalse(dates.is_overdue(due, DT(2024, 3, 19, 8, 0)))
        self.assertFalse(dates.is_overdue(due, due))
        self.assertTrue(dates.is_overdue(due, due + timedelta(seconds=1)))

    def test_end_of_day(self):
        """R32: the protocol is completed on the day of the meeting: by 23:59:59."""
        self.assertEqual(dates.end_of_day(D(2024, 2, 29)), DT(2024, 2, 29, 23, 59, 59))
        self.assertEqual(dates.end_of_day(DT(2024, 2, 29, 18, 0)),
                         DT(2024, 2, 29, 23, 59, 59))

    def test_month_bounds(self):
        """R18: bounds of the month of a monthly plan, leap February, December."""
        self.assertEqual(dates.month_bounds(D(2024, 2, 10)),
                         (D(2024, 2, 1), D(2024, 2, 29)))
        self.assertEqual(dates.month_bounds(D(2023, 2, 10)),
                         (D(2023, 2, 1), D(2023, 2, 28)))
        self.assertEqual(dates.month_bounds(D(2024, 12, 31)),
                         (D(2024, 12, 1), D(2024, 12, 31)))


class TestFormatOrderDate(unittest.TestCase):
    """The forms of the order (A1-A4, the plan, the case card) write dates
    as day.month.year."""

    def test_date_string_and_datetime(self):
        self.assertEqual(dates.format_order_date(date(2026, 11, 2)), "02.11.2026")
        self.assertEqual(dates.format_order_date("2026-11-02"), "02.11.2026")
        self.assertEqual(dates.format_order_date(datetime(2026, 11, 2, 23, 5)),
                         "02.11.2026")

    def test_no_date_is_empty(self):
        self.assertEqual(dates.format_order_date(False), "")
        self.assertEqual(dates.format_order_date(None), "")
