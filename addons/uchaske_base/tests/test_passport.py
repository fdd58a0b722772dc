# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The district passport (R19, A1): one per district, the figures as of 1
January (counted or typed, the yearly column opened on 1 January, the past
year read-only), the lists of sections 4-6 with their stale entries, and who
may see and fill it — as real users of each role, with an injected clock."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from .common import UchaskeCase

TODAY = "2026-03-10 09:00:00"


class PassportCase(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(PassportCase, cls).setUpClass()
        cls.Passport = cls.env["uchaske.district.passport"]
        cls.Year = cls.env["uchaske.district.passport.year"]
        cls.Enterprise = cls.env["uchaske.passport.enterprise"]
        cls.passport1 = cls.Passport.search([("district_id", "=", cls.district1.id)])
        cls.passport2 = cls.Passport.search([("district_id", "=", cls.district2.id)])
        # the columns do not depend on the real date: one column, 2026
        cls.Year.search([("passport_id", "in", (cls.passport1 | cls.passport2).ids),
                         ("year", "!=", 2026)]).unlink()
        with freeze_time(TODAY):
            cls.Passport._cron_open_year()
        cls.year1 = cls.passport1.year_ids.filtered(lambda y: y.year == 2026)

    def _year(self, passport, year):
        return passport.year_ids.filtered(lambda y: y.year == year)


@common.at_install(False)
@common.post_install(True)
class TestPassport(PassportCase):

    def test_r19_a1_one_passport_per_district_created_with_it(self):
        """R19, A1: a new district has its passport and the current column."""
        with freeze_time(TODAY):
            district = self.env["uchaske.district"].create({
                "name": "New quarter", "number": 9, "department_id": self.dep1.id,
                "post_id": self.post1.id})
        passport = self.Passport.search([("district_id", "=", district.id)])
        self.assertEqual(len(passport), 1)
        self.assertEqual(passport.year_ids.mapped("year"), [2026])
        self.assertEqual(len(self.passport1), 1)
        self.assertEqual(self.passport1.department_id, self.dep1)

    def test_a1_counted_figures_from_sections_4_to_6(self):
        """A1: objects of §4-§6 are counted in §3 by kind; a counted figure
        refuses a typed value, nothing written."""
        with freeze_time(TODAY):
            as_inspector = self.as_user("inspector", self.Enterprise)
            as_inspector.create({"passport_id": self.passport1.id,
                                 "name": "Halyk bank branch", "kind": "bank",
                                 "address": "Abay 1"})
            mosque = as_inspector.create({"passport_id": self.passport1.id,
                                          "name": "Nur mosque", "kind": "mosque"})
            self.env["uchaske.passport.dormitory"].sudo(
                self.users["assistant"]).create({
                    "passport_id": self.passport1.id, "name": "College dorm",
                    "kind": "dormitory", "address": "Abay 3"})
            self.assertEqual(self.year1.banks, 1)
            self.assertEqual(self.year1.mosques, 1)
            self.assertEqual(self.year1.religious_total, 1)
            self.assertEqual(self.year1.dormitories, 1)
            self.assertIn("Banks", self.year1.counted_sources)
            with self.assertRefused(ValidationError, "Banks: .*cannot be typed"):
                self.year1.sudo(self.users["inspector"]).write({"banks": 7})
            self.assertEqual(self.year1.banks, 1)
            mosque.sudo(self.users["inspector"]).unlink()
            self.assertEqual(self.year1.mosques, 0)

    def test_a1_typed_figures_keep_who_and_when(self):
        """A1: a typed figure records who typed it and when."""
        with freeze_time(TODAY):
            self.year1.sudo(self.users["assistant"]).write(
                {"apartments": 120, "adults": 300})
        self.assertEqual(self.year1.apartments, 120)
        self.assertEqual(self.year1.write_uid, self.users["assistant"])
        self.assertTrue(self.year1.write_date)

    def test_a1_bad_input_refused(self):
        """A1: a negative figure, a column for a year that exists: clear
        errors, nothing written."""
        year = self.year1.sudo(self.users["inspector"])
        with freeze_time(TODAY):
            with self.assertRefused(ValidationError, "Adults: .*negative"):
                year.write({"adults": -3})
            with self.assertRefused(ValidationError, "already has a column for 2026"):
                self.Year.sudo(self.users["inspector"]).create(
                    {"passport_id": self.passport1.id, "year": 2026})
        self.assertEqual(self.year1.adults, 0)
        self.assertEqual(len(self.passport1.year_ids), 1)

    def test_a1_first_january_rollover(self):
        """A1: on 1 January the job opens the new column pre-filled from the
        current figures; the past year becomes read-only; the yearly
        deadline is open until the inspector confirms the new column."""
        with freeze_time(TODAY):
            self.year1.sudo(self.users["inspector"]).write(
                {"residents_total": 500, "apartments": 80})
            self.as_user("inspector", self.Enterprise).create({
                "passport_id": self.passport1.id, "name": "Bank", "kind": "bank"})
        rule = self.env.ref("uchaske_base.deadline_passport_yearly")
        with freeze_time("2027-01-01 06:00:00"):
            self.Passport._cron_open_year()
            self.env["uchaske.workflow.deadline"]._cron_periodic()
            new = self._year(self.passport1, 2027)
            self.assertEqual((new.residents_total, new.apartments, new.banks),
                             (500, 80, 1))
            self.assertTrue(self.year1.is_locked)
            self.assertFalse(new.is_locked)
            with self.assertRefused(ValidationError, "1 January 2026 are read-only"):
                self.year1.sudo(self.users["inspector"]).write({"adults": 1})
            line = self.env["uchaske.workflow.deadline.line"].search([
                ("rule_id", "=", rule.id), ("district_id", "=", self.district1.id)])
            self.assertEqual(line.state, "open")
            self.assertEqual(line.requirement_ref, "A1")
            self.assertEqual(line.user_id, self.users["inspector"])
            new.sudo(self.users["inspector"]).action_confirm_figures()
            self.env["uchaske.workflow.deadline"]._cron_periodic()
            self.assertEqual(line.state, "done")
            # running the job again opens nothing twice
            self.Passport._cron_open_year()
            self.assertEqual(len(self.passport1.year_ids), 2)

    def test_a1_new_year_opens_every_column_in_fixed_statements(self):
        """A1, issue 14: the job opens the new year's column of all the
        passports at once: the same number of statements for two passports
        as for five (not one create each); typed figures carried over,
        counted ones recounted (an object listed after the old year closed
        is counted in the new column), the district's area and residents
        where there is no earlier column; a second run opens nothing."""
        with freeze_time(TODAY):
            districts = self.env["uchaske.district"]
            for number in range(7):
                districts |= districts.create({
                    "name": "Quarter %s" % number, "number": 70 + number,
                    "department_id": self.dep1.id, "post_id": self.post1.id,
                    "inspector_id": self.users["inspector"].id,
                    "area": 3.5, "population": 1200 + number})
            passports = self.Passport.search([("district_id", "in", districts.ids)])
            first = passports.filtered(lambda p: p.district_id == districts[0])
            first.year_ids.sudo(self.users["inspector"]).write(
                {"apartments": 90, "residents_total": 1500})
            self.as_user("inspector", self.Enterprise).create({
                "passport_id": first.id, "name": "Bank", "kind": "bank"})
        bare = passports.filtered(lambda p: p.district_id == districts[1])
        bare.year_ids.unlink()  # no earlier column: the district's figures
        with freeze_time("2027-01-02 06:00:00"):
            # listed when 2026 is read-only: counted in 2027 only
            self.as_user("inspector", self.Enterprise).create({
                "passport_id": first.id, "name": "Bank 2", "kind": "bank"})
            rest = passports - first - bare
            few, many = rest[:2], rest[2:]
            self.assertEqual(len(many), 3)
            statements = []
            for batch in (few, many):
                before = self.cr.sql_log_count
                self.assertEqual(len(batch._open_year(2027)), len(batch))
                statements.append(self.cr.sql_log_count - before)
            self.assertEqual(statements[0], statements[1], statements)
            (first | bare)._open_year(2027)
            column = self._year(first, 2027)
            self.assertEqual((column.apartments, column.residents_total,
                              column.banks, column.date_as_of),
                             (90, 1500, 2, "2027-01-01"))
            self.assertEqual(self._year(first, 2026).banks, 1)
            self.assertEqual(column.department_id, self.dep1)
            self.assertEqual(column.district_id, districts[0])
            fresh = self._year(bare, 2027)
            self.assertEqual((fresh.area, fresh.residents_total, fresh.apartments),
                             (3.5, 1201, 0))
            self.assertFalse(passports._open_year(2027))
            self.assertEqual(len(self.Year.search([
                ("passport_id", "in", passports.ids), ("year", "=", 2027)])), 7)
            # the inspector sees and fills the new column
            mine = column.sudo(self.users["inspector"])
            mine.write({"adults": 1100})
            self.assertEqual(mine.adults, 1100)

    def test_a1_entry_stale_after_a_year(self):
        """A1 §4-§6: an entry not confirmed for more than a year is stale
        (the daily job) until the inspector confirms it."""
        with freeze_time("2025-02-01 09:00:00"):
            entry = self.as_user("inspector", self.Enterprise).create({
                "passport_id": self.passport1.id, "name": "Old shop",
                "kind": "trade"})
        self.assertFalse(entry.is_stale)
        with freeze_time(TODAY):
            self.Passport._cron_open_year()
            self.assertTrue(entry.is_stale)
            self.assertEqual(self.passport1.stale_count, 1)
            entry.sudo(self.users["assistant"]).action_confirm_entry()
            self.assertFalse(entry.is_stale)
            with self.assertRefused(ValidationError, "Confirmed on: .*future"):
                entry.sudo(self.users["inspector"]).write(
                    {"date_confirmed": "2026-04-01"})

    def test_r19_scope_by_role(self):
        """R19, R16, R24: the district's inspector and assistant fill the
        passport; the responsible inspector and the chief read their police
        point / department; another department sees nothing."""
        for role in ("assistant", "inspector", "responsible", "chief"):
            found = self.Passport.sudo(self.users[role]).search([])
            self.assertIn(self.passport1, found, role)
            self.assertNotIn(self.passport2, found, role)
        for role in ("assistant2", "inspector2", "chief2"):
            self.assertFalse(self.Passport.sudo(self.users[role]).search(
                [("id", "=", self.passport1.id)]), role)
            with self.assertRefused(AccessError):
                self.year1.sudo(self.users[role]).read(["adults"])
            with self.assertRefused((AccessError, ValidationError)):
                self.Enterprise.sudo(self.users[role]).create({
                    "passport_id": self.passport1.id, "name": "Foreign"})
        # the neighbour inspector of district 1b does not fill district 1's
        with self.assertRefused(AccessError):
            self.year1.sudo(self.users["neighbour"]).write({"adults": 5})
