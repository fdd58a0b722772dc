# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R4, A1 §1: the handover act signed by its three parties through the
engine, locked when confirmed, with a snapshot of the whole passport; one
open act per district; R2.3: an assistant fills, does not accept."""
import json

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from .test_passport import TODAY, PassportCase


@common.at_install(False)
@common.post_install(True)
class TestPassportHandover(PassportCase):

    @classmethod
    def setUpClass(cls):
        super(TestPassportHandover, cls).setUpClass()
        cls.Act = cls.env["uchaske.district.handover"]

    def _act(self, role="assistant", **vals):
        values = {"passport_id": self.passport1.id,
                  "handing_user_id": self.users["inspector"].id,
                  "accepting_user_id": self.users["neighbour"].id,
                  "supervisor_id": self.users["chief"].id,
                  "supervisor_position": "Deputy chief, major"}
        values.update(vals)
        return self.Act.sudo(self.users[role]).create(values)

    def test_r4_three_parties_sign_and_snapshot(self):
        """R4: handover by the handing officer, acceptance by the accepting
        inspector, confirmation by the supervisor; the act is then locked
        and carries the passport as handed over; R5 opens the walkthrough."""
        with freeze_time(TODAY):
            self.env["uchaske.passport.enterprise"].sudo(
                self.users["inspector"]).create({
                    "passport_id": self.passport1.id, "name": "Grain elevator",
                    "kind": "enterprise", "address": "Station 2"})
            self.year1.sudo(self.users["inspector"]).write({"adults": 812})
            act = self._act()
            # a non-party signs nothing (R4); an assistant never accepts (R2.3)
            with self.assertRefused(ValidationError, "signed by Test inspector"):
                act.sudo(self.users["chief"]).wf_apply("hand_over")
            act.sudo(self.users["inspector"]).wf_apply("hand_over")
            with self.assertRefused(AccessError):
                act.sudo(self.users["assistant"]).wf_apply("accept")
            # the responsible inspector, no party, only reads the act (R2.3)
            with self.assertRefused(AccessError, "You may not change"):
                act.sudo(self.users["responsible"]).wf_apply("accept")
            act.sudo(self.users["neighbour"]).wf_apply("accept")
            with self.assertRefused(ValidationError, "signed by Test chief"):
                act.sudo(self.users["neighbour"]).wf_apply("confirm")
            # the state moves by transitions only
            with self.assertRefused(UserError):
                act.sudo(self.users["chief"]).write({"state": "confirmed"})
            act.sudo(self.users["chief"]).wf_apply("confirm")
        self.assertEqual(act.state, "confirmed")
        self.assertEqual(act.date_handover, "2026-03-10")
        self.assertEqual(act.date_acceptance, "2026-03-10")
        data = json.loads(act.snapshot_json)
        self.assertEqual(data["figures"]["adults"], 812)
        self.assertEqual(data["figures"]["enterprises"], 1)
        self.assertEqual(data["enterprises"][0]["name"], "Grain elevator")
        self.assertIn("Grain elevator", act.snapshot_html)
        history = act.wf_history_ids.mapped("user_id")
        self.assertIn(self.users["chief"], history)
        # locked: nobody edits it now, not even the supervisor
        with self.assertRefused(AccessError):
            act.sudo(self.users["chief"]).write({"remarks": "changed"})
        # R5: the accepting inspector's walkthrough counts from the acceptance
        walkthrough = self.env["uchaske.district.walkthrough"].search([
            ("passport_id", "=", self.passport1.id),
            ("inspector_id", "=", self.users["neighbour"].id)])
        self.assertEqual(walkthrough.date_appointed, "2026-03-10")
        self.assertEqual(walkthrough.date_due, "2026-04-10")
        # the snapshot stays as it was when the passport changes
        with freeze_time(TODAY):
            self.year1.sudo(self.users["inspector"]).write({"adults": 900})
        self.assertEqual(json.loads(act.snapshot_json)["figures"]["adults"], 812)
        # a new act is possible once the previous one is confirmed
        with freeze_time(TODAY):
            self._act(handing_user_id=self.users["neighbour"].id,
                      accepting_user_id=self.users["inspector"].id)

    def test_r4_one_open_act_per_district(self):
        """R4: a second open act for the same district is refused."""
        with freeze_time(TODAY):
            self._act()
            with self.assertRefused(ValidationError, "already has an open handover"):
                self._act(role="inspector")
        self.assertEqual(self.Act.search_count(
            [("passport_id", "=", self.passport1.id)]), 1)

    def test_r4_r2_3_parties_checked(self):
        """R2.3: an assistant is not the accepting inspector; R4: the
        supervisor is a third person."""
        with freeze_time(TODAY):
            with self.assertRefused(ValidationError, "is not an inspector"):
                self._act(accepting_user_id=self.users["assistant"].id)
            with self.assertRefused(ValidationError, "three different persons"):
                self._act(supervisor_id=self.users["neighbour"].id)
        self.assertFalse(self.Act.search([("passport_id", "=", self.passport1.id)]))

    def test_r4_other_department_cannot_sign(self):
        """R16: another department neither reads nor signs the act."""
        with freeze_time(TODAY):
            act = self._act()
            for role in ("inspector2", "chief2"):
                with self.assertRefused(AccessError):
                    act.sudo(self.users[role]).wf_apply("hand_over")
                self.assertFalse(self.Act.sudo(self.users[role]).search(
                    [("id", "=", act.id)]))
