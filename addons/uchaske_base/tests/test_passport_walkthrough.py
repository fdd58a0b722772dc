# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R5: the one-month walkthrough from the appointment, its visits (never
before the appointment nor in the future), its progress against the
households known from A1 §3, and its engine deadline, met when the
inspector declares it done."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from .test_passport import TODAY, PassportCase


@common.at_install(False)
@common.post_install(True)
class TestPassportWalkthrough(PassportCase):

    @classmethod
    def setUpClass(cls):
        super(TestPassportWalkthrough, cls).setUpClass()
        cls.Walkthrough = cls.env["uchaske.district.walkthrough"]
        cls.Visit = cls.env["uchaske.district.walkthrough.visit"]
        cls.rule = cls.env.ref("uchaske_base.deadline_walkthrough")

    def _walkthrough(self):
        return self.Walkthrough.sudo(self.users["inspector"]).create({
            "passport_id": self.passport1.id,
            "inspector_id": self.users["inspector"].id,
            "date_appointed": "2026-03-02"})

    def test_r5_one_month_deadline_met_when_declared_done(self):
        """R5: one month from the appointment (engine deadline for the
        inspector); progress = households visited / known; the inspector
        declares it done and the deadline is met."""
        with freeze_time(TODAY):
            self.year1.sudo(self.users["inspector"]).write(
                {"apartments": 8, "private_apartments": 2})
            walkthrough = self._walkthrough()
            line = walkthrough.wf_deadline_ids.filtered(
                lambda line: line.rule_id == self.rule)
            self.assertEqual(line.requirement_ref, "R5")
            self.assertEqual(line.user_id, self.users["inspector"])
            self.assertTrue(line.date_due.startswith("2026-04-02"))
            visits = walkthrough.sudo(self.users["assistant"])
            visits.write({"visit_ids": [
                (0, 0, {"address": "Abay 1, apt 1", "date": "2026-03-02"}),
                (0, 0, {"address": "Abay 1, apt 2", "date": "2026-03-05",
                        "result": "absent"}),
                (0, 0, {"address": "abay 1, apt 2 ", "date": "2026-03-09"}),
                (0, 0, {"address": "Abay 3 (yard)", "date": "2026-03-10"})]})
            self.assertEqual(walkthrough.visited_count, 3)
            self.assertEqual(walkthrough.households_total, 10)
            self.assertEqual(walkthrough.progress, 30.0)
            self.assertEqual(self.passport1.walkthrough_progress, 30.0)
            # the assistant records visits but does not declare it done
            with self.assertRefused(AccessError):
                walkthrough.sudo(self.users["assistant"]).wf_apply("declare_done")
            # the chief only reads it (R2.3)
            with self.assertRefused(AccessError, "You may not change"):
                walkthrough.sudo(self.users["chief"]).wf_apply("declare_done")
            # the accepting inspector's walkthrough is declared by him only,
            # not by the district's present inspector (R5)
            accepted = self.Walkthrough.create({
                "passport_id": self.passport1.id,
                "inspector_id": self.users["neighbour"].id,
                "date_appointed": "2026-03-02"})
            with self.assertRefused(ValidationError, "only Test neighbour"):
                accepted.sudo(self.users["inspector"]).wf_apply("declare_done")
        with freeze_time("2026-03-30 10:00:00"):
            walkthrough.sudo(self.users["inspector"]).wf_apply("declare_done")
        self.assertEqual(walkthrough.state, "done")
        self.assertEqual(line.state, "done")
        self.assertFalse(line.met_late)
        with freeze_time("2026-03-31 10:00:00"):
            with self.assertRefused(ValidationError, "declared done"):
                self.Visit.sudo(self.users["inspector"]).create({
                    "walkthrough_id": walkthrough.id, "address": "Late 1"})

    def test_r5_overdue_after_a_month(self):
        """R5: not done a month after the appointment: overdue, escalated."""
        with freeze_time(TODAY):
            walkthrough = self._walkthrough()
        line = walkthrough.wf_deadline_ids.filtered(
            lambda line: line.rule_id == self.rule)
        with freeze_time("2026-04-03 10:00:00"):
            self.env["uchaske.workflow.deadline.line"]._cron_escalate()
            self.assertTrue(line.overdue)
            self.assertEqual(line.escalated_user_id, self.users["responsible"])

    def test_r5_visit_dates_refused(self):
        """R5: a visit before the appointment or in the future is refused,
        nothing written."""
        with freeze_time(TODAY):
            walkthrough = self._walkthrough()
            Visit = self.Visit.sudo(self.users["assistant"])
            with self.assertRefused(ValidationError, "before the appointment"):
                Visit.create({"walkthrough_id": walkthrough.id,
                              "address": "Abay 5", "date": "2026-03-01"})
            with self.assertRefused(ValidationError, "in the future"):
                Visit.create({"walkthrough_id": walkthrough.id,
                              "address": "Abay 5", "date": "2026-03-11"})
        self.assertFalse(walkthrough.visit_ids)

    def test_r5_other_department_sees_no_walkthrough(self):
        with freeze_time(TODAY):
            walkthrough = self._walkthrough()
        self.assertFalse(self.Walkthrough.sudo(self.users["inspector2"]).search(
            [("id", "=", walkthrough.id)]))
        with self.assertRefused((AccessError, ValidationError)):
            self.Visit.sudo(self.users["inspector2"]).create({
                "walkthrough_id": walkthrough.id, "address": "x",
                "date": "2026-03-05"})
