# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Organisation rules and bad input: R3 (numbered districts), R4/R5
(assignment history), R6 (substitution by an adjacent district's inspector,
long absences)."""
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import common
from odoo.tools import mute_logger

from .common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestOrganisation(UchaskeCase):

    def test_district_number_unique_in_department(self):
        """R3: each district of a department has its own sequence number."""
        with self.assertRefused(ValidationError, "District No. 1 already exists"):
            self.env["uchaske.district"].create({
                "name": "Duplicate", "number": 1, "department_id": self.dep1.id})
        with self.assertRefused(ValidationError, "District No. 1 already exists"):
            self.district1b.write({"number": 1})
        # the database refuses too, below the ORM
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE uchaske_district SET number = 1 WHERE id = %s",
                [self.district1b.id])
        # the same number in another department is fine
        other = self.env["uchaske.district"].create({
            "name": "Same number elsewhere", "number": 2,
            "department_id": self.dep2.id})
        self.assertEqual(other.number, 2)

    def test_inspector_of_another_department_refused(self):
        """R7: an inspector serves districts of their own department."""
        count = self.env["uchaske.district.assignment"].search_count([])
        with self.assertRefused(ValidationError, "Test department One"):
            self.district2.write({"inspector_id": self.users["inspector"].id})
        self.district2.invalidate_cache()
        self.assertEqual(self.district2.inspector_id, self.users["inspector2"])
        self.assertEqual(
            self.env["uchaske.district.assignment"].search_count([]), count)

    def test_assistant_cannot_be_made_inspector(self):
        """R2.3: the district's inspector must hold the inspector role."""
        with self.assertRefused(ValidationError, "do not hold that role"):
            self.district1.write({"inspector_id": self.users["assistant"].id})

    def test_post_of_other_department_refused(self):
        with self.assertRefused(ValidationError):
            self.district1.write({"post_id": self.post2.id})

    def test_assignment_history_records_appointment_dates(self):
        """R4, R5: who served the district and from when."""
        history = self.district1.assignment_ids
        self.assertEqual(
            set(history.mapped("role")), {"inspector", "assistant"})
        self.district1.with_context(uchaske_assignment_date="2026-03-01").write(
            {"inspector_id": self.users["responsible"].id})
        rows = self.env["uchaske.district.assignment"].search(
            [("district_id", "=", self.district1.id), ("role", "=", "inspector")],
            order="id")
        self.assertEqual(rows[0].user_id, self.users["inspector"])
        self.assertEqual(rows[0].date_end, "2026-03-01")
        self.assertEqual(rows[-1].user_id, self.users["responsible"])
        self.assertEqual(rows[-1].date_start, "2026-03-01")
        self.assertFalse(rows[-1].date_end)

    def test_assignment_end_before_start_refused(self):
        with self.assertRefused(ValidationError):
            self.district1.assignment_ids[0].write({"date_end": "2000-01-01"})

    def test_adjacency_is_symmetric(self):
        self.assertIn(self.district1b, self.district1.adjacent_district_ids)
        self.district1b.write({"adjacent_district_ids": [(5, 0, 0)]})
        self.assertNotIn(self.district1b, self.district1.adjacent_district_ids)

    def _substitution(self, **values):
        vals = {
            "district_id": self.district1.id,
            "absent_user_id": self.users["inspector"].id,
            "substitute_id": self.users["neighbour"].id,
            "reason": "leave",
            "date_start": "2026-12-01",
            "date_end": "2026-12-20",
            "order_number": "15-L",
            "order_date": "2026-11-25",
        }
        vals.update(values)
        return self.env["uchaske.substitution"].sudo(self.users["chief"]).create(vals)

    def test_substitute_must_serve_an_adjacent_district(self):
        """R6: the inspector of an *adjacent* district serves the district."""
        with self.assertRefused(ValidationError, "adjacent"):
            self._substitution(substitute_id=self.users["responsible"].id)
        self.assertFalse(self.env["uchaske.substitution"].search(
            [("district_id", "=", self.district1.id)]))

    def test_overlapping_substitutions_refused(self):
        """R6: one substitute at a time for a district."""
        self._substitution()
        with self.assertRefused(ValidationError, "overlap"):
            self._substitution(date_start="2026-12-15", date_end="2026-12-31",
                               order_number="16-L")
        self.assertEqual(self.env["uchaske.substitution"].search_count(
            [("district_id", "=", self.district1.id)]), 1)

    def test_substitution_end_before_start_refused(self):
        with self.assertRefused(ValidationError):
            self._substitution(date_start="2026-12-20", date_end="2026-12-01")

    def test_substitution_gives_rights_for_its_period_only(self):
        """R6: during the period the substitute serves the district; it ends
        by itself."""
        self._substitution()
        neighbour = self.users["neighbour"]

        def served():
            # a new request computes afresh: drop this env's cached value
            neighbour.invalidate_cache()
            districts = neighbour.sudo(neighbour).uchaske_district_ids
            # the persons' rule asks the same in one statement (issue 14)
            for user in (neighbour, self.users["inspector"],
                         self.users["assistant"], self.users["chief"]):
                user.invalidate_cache()
                self.assertEqual(
                    sorted(self.env["res.users"]._uchaske_served_district_ids(
                        user.id)), sorted(user.uchaske_district_ids.ids))
            return districts

        with freeze_time("2026-11-30"):
            self.assertNotIn(self.district1, served())
        with freeze_time("2026-12-10"):
            self.assertIn(self.district1, served())
            self.assertEqual(self.district1.substitute_id, neighbour)
        with freeze_time("2026-12-21"):
            self.assertNotIn(self.district1, served())
            self.assertEqual(
                self.env["uchaske.substitution"].search(
                    [("state", "=", "ended"),
                     ("district_id", "=", self.district1.id)]).district_id,
                self.district1)

    def _absence(self, start, end):
        return self.env["uchaske.absence"].sudo(self.users["responsible"]).create({
            "user_id": self.users["inspector"].id,
            "department_id": self.dep1.id,
            "reason": "illness",
            "date_start": start,
            "date_end": end,
        })

    def _chief_alerts(self, absence):
        return absence.activity_ids.filtered(
            lambda a: a.user_id == self.users["chief"] and "R6" in a.summary)

    @freeze_time("2026-11-25")
    def test_long_absence_without_substitute_alerts_chief(self):
        """R6: more than five working days without a substitute → the chief
        is alerted."""
        # Mon 7 Dec - Tue 15 Dec 2026: 7 working days
        absence = self._absence("2026-12-07", "2026-12-15")
        self.assertEqual(absence.working_days, 7)
        self.assertTrue(absence.is_long)
        self.assertEqual(absence.uncovered_district_ids, self.district1)
        self.assertEqual(len(self._chief_alerts(absence)), 1)
        # re-checking does not duplicate the alert
        self.env["uchaske.absence"]._cron_check_uncovered()
        self.assertEqual(len(self._chief_alerts(absence)), 1)

    @freeze_time("2026-11-25")
    def test_short_absence_does_not_alert(self):
        """R6: five working days or fewer need no substitute."""
        # Mon 7 - Fri 11 Dec 2026: exactly 5 working days
        absence = self._absence("2026-12-07", "2026-12-11")
        self.assertEqual(absence.working_days, 5)
        self.assertFalse(absence.is_long)
        self.assertFalse(self._chief_alerts(absence))

    @freeze_time("2026-11-25")
    def test_covered_absence_does_not_alert(self):
        """R6: with the adjacent inspector serving, no alert."""
        self._substitution(date_start="2026-12-01", date_end="2026-12-31")
        absence = self._absence("2026-12-07", "2026-12-18")
        self.assertTrue(absence.is_long)
        self.assertFalse(absence.uncovered_district_ids)
        self.assertFalse(self._chief_alerts(absence))

    def test_absence_end_before_start_refused(self):
        with self.assertRefused(ValidationError):
            self._absence("2026-12-10", "2026-12-01")

    def test_officer_without_email_can_work_with_chatter_records(self):
        """Officers often have no e-mail: their chatter notes still post."""
        self.users["responsible"].partner_id.email = False
        absence = self._absence("2026-12-01", "2026-12-02")
        absence.sudo(self.users["responsible"]).message_post(body="note")
        self.assertIn("noreply@", absence.message_ids[0].email_from)

    def test_refusal_in_the_users_language(self):
        """Bad input is refused in the user's language (Kazakh here)."""
        self._substitution()
        chief = self.users["chief"]
        chief.lang = "kk_KZ"
        with self.assertRefused(ValidationError, "қиылыспауы"):
            self.env["uchaske.substitution"].sudo(chief).with_context(
                lang="kk_KZ").create({
                    "district_id": self.district1.id,
                    "absent_user_id": self.users["inspector"].id,
                    "substitute_id": self.users["neighbour"].id,
                    "reason": "leave", "date_start": "2026-12-15",
                    "date_end": "2026-12-31", "order_number": "16-L",
                    "order_date": "2026-11-25"})
