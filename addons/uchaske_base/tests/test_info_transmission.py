# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Information transmissions (R22.14, R24.5): due within one 24-hour day
(тәулік) of being obtained, copied to the responsible inspector, verified
by him; as real users of each role with an injected clock."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestInfoTransmission(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestInfoTransmission, cls).setUpClass()
        cls.Transmission = cls.env["uchaske.info.transmission"]
        cls.Line = cls.env["uchaske.workflow.deadline.line"]

    def _transmission(self, role="inspector", **vals):
        values = {"name": "Illegal taxi stand at the market",
                  "recipient": "Road police battalion",
                  "district_id": self.district1.id,
                  "date_obtained": "2026-11-10 09:00:00"}
        values.update(vals)
        return self.Transmission.sudo(self.users[role]).create(values)

    def _line(self, record):
        return self.Line.search([("res_model", "=", record._name),
                                 ("res_id", "=", record.id)])

    def test_due_within_one_day_sent_in_time(self):
        """R22.14: due 24 hours after being obtained; sent within them it is
        on time; the responsible inspector is copied (follower)."""
        with freeze_time("2026-11-10 12:00:00"):
            record = self._transmission()
            self.assertEqual(record.date_due, "2026-11-11 09:00:00")
            line = self._line(record)
            self.assertEqual(line.requirement_ref, "R22.14")
            self.assertEqual(line.date_due, "2026-11-11 09:00:00")
            self.assertEqual(line.user_id, self.users["inspector"])
            self.assertIn(self.users["responsible"].partner_id,
                          record.message_partner_ids)
        with freeze_time("2026-11-11 08:59:00"):
            record.wf_apply("send")
            self.assertEqual(record.date_sent, "2026-11-11 08:59:00")
            self.assertEqual((record.is_late, record.on_time_count,
                              record.late_count), (False, 1, 0))
            line.invalidate_cache()
            self.assertEqual((line.state, line.met_late), ("done", False))

    def test_sent_after_a_day_is_overdue_and_escalates(self):
        """R22.14: one minute past the 24 hours the transmission is overdue,
        escalates to the responsible inspector, and counts as late."""
        with freeze_time("2026-11-10 12:00:00"):
            record = self._transmission()
            line = self._line(record)
        with freeze_time("2026-11-11 09:01:00"):
            line.invalidate_cache()
            self.assertTrue(line.overdue)
            self.Line._cron_escalate()
            line.invalidate_cache()
            self.assertEqual(line.escalated_user_id, self.users["responsible"])
            record.wf_apply("send")
            self.assertEqual((record.is_late, record.late_count), (True, 1))
            line.invalidate_cache()
            self.assertEqual((line.state, line.met_late), ("done", True))

    def test_sent_before_obtained_refused(self):
        """R22.14: a transmission cannot be sent before it was obtained."""
        with freeze_time("2026-11-12 12:00:00"):
            with self.assertRefused(ValidationError, "Sent at"):
                self._transmission(date_sent="2026-11-10 08:00:00")
            record = self._transmission()
            with self.assertRefused(ValidationError, "Sent at"):
                record.write({"date_sent": "2026-11-09 08:00:00"})
            self.assertFalse(record.date_sent)

    def test_register_and_verification_by_the_responsible(self):
        """R24.5: the responsible inspector keeps the point's register and
        files each verification's result; officers may not; the officer
        cannot alter a sent transmission; another department sees none."""
        with freeze_time("2026-11-10 12:00:00"):
            record = self._transmission()
            record.wf_apply("send")
            with self.assertRefused(AccessError, "R24.5"):
                record.write({"verification_result": "Confirmed"})
            with self.assertRefused(AccessError):
                record.write({"recipient": "Someone else"})
            with self.assertRefused(AccessError):
                record.wf_apply("verify")
            lead = record.sudo(self.users["responsible"])
            with self.assertRefused(ValidationError, "verification"):
                lead.wf_apply("verify")
            lead.write({"verification_result": "Taxi stand removed"})
            lead.wf_apply("verify")
            self.assertEqual(record.state, "verified")
            self.assertEqual(record.date_verified, "2026-11-10")
            self.assertEqual(self.Transmission.sudo(self.users["chief"]).search(
                [("id", "=", record.id)]), record)
            for role in ("inspector2", "responsible2", "chief2"):
                self.assertFalse(self.Transmission.sudo(self.users[role]).search(
                    [("id", "=", record.id)]), role)
            with self.assertRefused(UserError):
                record.sudo(self.users["chief"]).write({"state": "to_send"})

    def test_my_work_says_what_to_do_first(self):
        """Issue 9 item 7, R24.5: a sent transmission waits in the
        responsible inspector's My work; nothing can be fired before the
        verification's result is written, and the row says so (not an
        empty "You can"); once written, it offers the verification and the
        hint is gone. The inspector who sent it is offered nothing."""
        with freeze_time("2026-11-10 12:00:00"):
            record = self._transmission()
            record.wf_apply("send")

            def row(role):
                Work = self.env["uchaske.work.item"].sudo(self.users[role])
                Work._build()
                found = Work.search([("res_model", "=", record._name),
                                     ("res_id", "=", record.id),
                                     ("kind", "=", "action")])
                return found and (found.actions, found.hint)

            self.assertEqual(row("responsible"), (False, (
                "Result of the verification: write it before filing "
                "(R24.5).")))
            self.assertFalse(row("inspector"))
            record.sudo(self.users["responsible"]).write(
                {"verification_result": "Taxi stand removed"})
            actions, hint = row("responsible")
            self.assertTrue(actions)
            self.assertFalse(hint)

    def test_other_department_district_refused(self):
        """R22.14: an officer records transmissions of the districts he
        serves only."""
        with freeze_time("2026-11-10 12:00:00"):
            with self.assertRefused((AccessError, ValidationError)):
                self._transmission(district_id=self.district2.id)

    def test_counts_per_officer_and_month(self):
        """R24.5: on-time and overdue counts per officer and month."""
        with freeze_time("2026-11-20 12:00:00"):
            self._transmission(date_sent="2026-11-10 10:00:00")
            self._transmission(date_obtained="2026-11-12 09:00:00",
                               date_sent="2026-11-14 09:00:00")
            self._transmission(role="assistant",
                               date_obtained="2026-11-15 09:00:00",
                               date_sent="2026-11-15 10:00:00")
            groups = self.Transmission.sudo(self.users["responsible"]).read_group(
                [], ["user_id", "date_obtained", "on_time_count", "late_count"],
                ["user_id", "date_obtained:month"], lazy=False)
            counts = {(g["user_id"][0], g["date_obtained:month"]):
                      (g["on_time_count"], g["late_count"]) for g in groups}
            self.assertEqual(counts[(self.users["inspector"].id,
                                     "November 2026")], (1, 1))
            self.assertEqual(counts[(self.users["assistant"].id,
                                     "November 2026")], (1, 0))
