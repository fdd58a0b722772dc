# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 8: what a user sends to create/write is checked before the
database, as that user; a refusal names the field in the user's language
and writes nothing. R3 (district numbers), R4/R5 (assignments), R6
(substitution orders), R7/R16 (own department only)."""
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from .common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestInputValidation(UchaskeCase):

    def _refused_on_district(self, user, vals, exception, regex):
        """``vals`` written on district 1 by ``user`` is refused with
        ``regex`` and the district is unchanged."""
        district = self.district1.sudo(user)
        before = self.district1.read(list(vals))[0]
        with self.assertRefused(exception, regex):
            district.write(vals)
        self.assertEqual(self.district1.read(list(vals))[0], before, vals)

    def test_chief_records_a_district_assignment(self):
        """R4/R5, R16: the chief records who serves a district of his
        department (refused before: the rule saw an empty department)."""
        chief = self.users["chief"]
        assignment = self.env["uchaske.district.assignment"].sudo(chief).create({
            "district_id": self.district1.id, "user_id": self.users["neighbour"].id,
            "role": "inspector", "date_start": "2026-03-01",
            "order_number": "41-L"})
        self.assertEqual(assignment.department_id, self.dep1)
        assignment.write({"date_end": "2026-06-01"})
        # R7: not in another department, whatever the way
        with self.assertRefused(AccessError, "District: "):
            self.env["uchaske.district.assignment"].sudo(chief).create({
                "district_id": self.district2.id,
                "user_id": self.users["neighbour"].id,
                "role": "inspector", "date_start": "2026-03-01"})
        with self.assertRefused(AccessError, "District: "):
            assignment.write({"district_id": self.district2.id})
        self.assertEqual(assignment.department_id, self.dep1)

    def test_wrong_types_name_the_field(self):
        """A list in a text field, a word for a number or a record, a day
        that does not exist, a number beyond the database's, a choice not
        in the list: refused with the field's name, nothing written."""
        chief = self.users["chief"]
        cases = (
            ({"name": ["Left", "bank"]}, "Name: a text is expected"),
            ({"boundary_description": {"a": 1}}, "Boundaries: a text"),
            ({"number": "abc"}, "Number: a whole number is expected"),
            ({"number": 2 ** 31}, "Number: the number is out of range"),
            ({"population": 10 ** 12}, "Population: the number is out of range"),
            ({"area": "wide"}, r"Area \(km²\): a number is expected"),
            ({"order_date": "2026-02-30"}, "Founding order date: not a valid date"),
            ({"order_date": "30.01.2026"}, "Founding order date: not a valid date"),
            ({"district_type": "mountain"}, "Type: the value is not one of"),
            ({"post_id": "abc"}, "Police point: a reference to a record"),
            ({"post_id": [1, 2]}, "Police point: a reference to a record"),
            ({"adjacent_district_ids": [(6, 0, ["abc"])]},
             "Adjacent districts: a list of commands"),
            ({"adjacent_district_ids": [(4, "abc")]},
             "Adjacent districts: a list of commands"),
            ({"adjacent_district_ids": [self.district1b.id]},
             "Adjacent districts: a list of commands"),
            ({"adjacent_district_ids": "abc"},
             "Adjacent districts: a list of commands"),
        )
        for vals, regex in cases:
            self._refused_on_district(chief, vals, ValidationError, regex)

    def test_ranges_and_past_dates(self):
        """R3: a district number is not negative; R6: the chief's order is
        not dated in the future; a deadline offset is not negative, even
        when the administrator sets it."""
        chief = self.users["chief"]
        with freeze_time("2026-11-25 09:00:00"):
            self._refused_on_district(chief, {"number": -3}, ValidationError,
                                      "Number: the value cannot be negative")
            self._refused_on_district(chief, {"population": -1}, ValidationError,
                                      "Population: the value cannot be negative")
            self._refused_on_district(chief, {"order_date": "2026-11-26"},
                                      ValidationError, "in the future")
            self.district1.sudo(chief).write({"order_date": "2026-11-25"})
            vals = {"district_id": self.district1.id,
                    "absent_user_id": self.users["inspector"].id,
                    "substitute_id": self.users["neighbour"].id,
                    "reason": "leave", "date_start": "2026-12-01",
                    "date_end": "2026-12-20", "order_number": "1"}
            Substitution = self.env["uchaske.substitution"].sudo(chief)
            with self.assertRefused(ValidationError, "Order Date: .*future"):
                Substitution.create(dict(vals, order_date="2026-12-01"))
            Substitution.create(dict(vals, order_date="2026-11-24"))
        rule = self.env["uchaske.workflow.deadline"].search([], limit=1)
        offset = rule.offset
        with self.assertRefused(ValidationError,
                                "Offset: the value cannot be negative"):
            rule.write({"offset": -3})
        self.assertEqual(rule.offset, offset)

    def test_superuser_counts_days_in_kazakhstan(self):
        """R4, R5, R6: the engine's superuser (scheduled jobs, ``sudo()``
        without a time zone in the context) counts days as the officers
        do, in Asia/Almaty: at 20:00 UTC on 2 December it is 3 December
        in Kazakhstan, so a date the officer entered as today is not "in
        the future" when the engine writes it (a confirmed handover opens
        the accepting inspector's walkthrough so); 4 December still is."""
        self.assertEqual(self.env.ref("base.user_root").tz, "Asia/Almaty")
        engine = self.env["uchaske.district"].sudo().with_context(tz=False)
        with freeze_time("2026-12-02 20:00:00"):
            self.assertEqual(fields.Date.context_today(engine), "2026-12-03")
            self.district1.sudo().with_context(tz=False).write(
                {"order_date": "2026-12-03"})
            self.assertEqual(self.district1.order_date, "2026-12-03")
            with self.assertRefused(ValidationError, "order date: .*future"):
                self.district1.sudo().with_context(tz=False).write(
                    {"order_date": "2026-12-04"})

    def test_required_and_references_to_users(self):
        """The officer of an assignment is required and must be an active
        user."""
        chief = self.users["chief"]
        Assignment = self.env["uchaske.district.assignment"].sudo(chief)
        base = {"district_id": self.district1.id, "role": "assistant",
                "date_start": "2026-03-01"}
        with self.assertRefused(ValidationError, "Officer: a value is required"):
            Assignment.create(base)
        with self.assertRefused(ValidationError, "Officer: a value is required"):
            Assignment.create(dict(base, user_id=False))
        gone = self.env["res.users"].create({
            "name": "Retired officer", "login": "t_retired", "active": False})
        for user_id in (gone.id, 2 ** 31 - 2):
            with self.assertRefused(AccessError, "Officer: the record does not "
                                                 "exist or you may not use it"):
                Assignment.create(dict(base, user_id=user_id))

    def test_refusal_in_the_users_language(self):
        """The message and the field's label are in the user's language."""
        chief = self.users["chief"].with_context(lang="kk_KZ")
        self.assertTrue(self.env["res.lang"].search([("code", "=", "kk_KZ")]))
        district = self.district1.sudo(chief.id).with_context(lang="kk_KZ")
        with self.assertRefused(ValidationError, "Нөмірі: бүтін сан күтіледі"):
            district.write({"number": "abc"})
