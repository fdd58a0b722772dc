# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14: what a case's creation and registration do in the chatter is
done once. The activities of R11/R12 leave the inspector's subscription as
it was, a note with nobody to notify in their inbox is not formatted for
the bus, and the cases' ``activity_date_deadline`` still follows their
activities (R11, R12, R2.3)."""
from unittest import mock

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import common

from .common import REGISTER, RegistryCase
from .test_chatter import _QUIET


@common.at_install(False)
@common.post_install(True)
class TestCaseRegisterCost(RegistryCase):

    def setUp(self):
        super(TestCaseRegisterCost, self).setUp()
        # the chatter as a user sees it: tracking on
        self.Case = self.Case.with_context(**dict.fromkeys(_QUIET, False))

    def _follower(self, case, user):
        return self.env["mail.followers"].search([
            ("res_model", "=", case._name), ("res_id", "=", case.id),
            ("partner_id", "=", user.partner_id.id)])

    def test_activities_keep_the_inspectors_subscription(self):
        """R12: registering gives the inspector the R11 and R12 activities;
        the inspector, who follows the case since creating it, keeps the
        subscription and the subtypes chosen (Odoo 11 deleted and recreated
        the follower with the default subtypes for each activity)."""
        inspector = self.users["inspector"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._new_case("inspector")
            follower = self._follower(case, inspector)
            self.assertEqual(len(follower), 1)
            note = self.env.ref("mail.mt_note")
            follower.write({"subtype_ids": [(4, note.id)]})
            case.sudo(inspector).wf_apply("register", REGISTER)
        self.assertEqual(
            set(case.sudo().activity_ids.mapped("uchaske_key")), {"R11", "R12"})
        self.assertEqual(self._follower(case, inspector), follower)
        self.assertIn(note, follower.subtype_ids)

    def test_activity_subscribes_a_new_follower(self):
        """An activity for an officer who does not follow the record still
        subscribes them (Odoo's behaviour kept)."""
        chief = self.users["chief"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
            self.assertFalse(self._follower(case, chief))
            case.sudo()._uchaske_schedule_activity(chief, "R16: look", "2026-11-10")
        self.assertEqual(len(self._follower(case, chief)), 1)

    def test_note_without_inbox_recipient_not_formatted(self):
        """The engine's note of a transition goes to nobody's inbox (the
        author follows the case): it is not formatted for the bus."""
        Message = type(self.env["mail.message"])
        with freeze_time("2026-11-02 09:00:00"):
            case = self._new_case("inspector")
            with mock.patch.object(Message, "message_format",
                                   autospec=True) as message_format:
                case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        message_format.assert_not_called()

    def test_activity_date_deadline_follows_activities(self):
        """R11, R12: the stored earliest deadline of a case follows its
        activities as they are created, moved and done; other cases are
        untouched. (Odoo 11 did not recompute it when an activity was
        created -- its ``res_model`` was stored after --, so a registered
        case had none: the engine's activities now store the model and the
        name with the row, issue 14.)"""
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
            other = self._registered_case(person=self.Person.create({
                "surname": "Other", "first_name": "Person",
                "birth_date": "1990-01-01", "department_id": self.dep1.id,
                "address_ids": [(0, 0, {"address": "Abay 2",
                                        "district_id": self.district1.id,
                                        "date_from": "2025-01-01"})]}))
        activities = case.sudo().activity_ids
        self.assertEqual(set(activities.mapped("uchaske_key")), {"R11", "R12"})
        self.assertEqual(case.activity_date_deadline,
                         min(activities.mapped("date_deadline")))
        before = other.activity_date_deadline
        self.assertTrue(before)
        early = case.sudo()._uchaske_schedule_activity(
            self.users["inspector"], "R12: early", "2026-11-05")
        self.assertEqual(case.activity_date_deadline, "2026-11-05")
        self.assertEqual((early.res_model, early.res_name),
                         (case._name, case.sudo().display_name))
        early.write({"date_deadline": "2026-11-04"})
        self.assertEqual(case.activity_date_deadline, "2026-11-04")
        early.unlink()
        self.assertEqual(case.activity_date_deadline,
                         min(activities.mapped("date_deadline")))
        self.assertEqual(other.activity_date_deadline, before)

    def test_creation_is_one_note_with_its_values(self):
        """R11: the case's creation is one note, signed by the inspector,
        that also lists the values it was created with (Odoo 11 posted the
        values apart, in a second message)."""
        inspector = self.users["inspector"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._new_case("inspector")
        messages = self.env["mail.message"].search([
            ("model", "=", case._name), ("res_id", "=", case.id)])
        self.assertEqual(len(messages), 1, messages.mapped("body"))
        self.assertIn("created", messages.body)
        self.assertEqual(messages.author_id, inspector.partner_id)
        tracked = messages.tracking_value_ids.mapped("field")
        self.assertIn("person_id", tracked)
        self.assertIn("district_id", tracked)

    def test_creation_note_follows_the_cases_rules(self):
        """R7, R15: the creation note is posted by the engine (no second
        access check of the officer on the record just created, issue 14),
        signed by the officer; it follows the case's rules: its author and
        the inspector of the district read it, another department's
        inspector neither reads nor finds it."""
        with freeze_time("2026-11-02 09:00:00"):
            case = self._new_case("assistant")
        note = self.env["mail.message"].search([
            ("model", "=", case._name), ("res_id", "=", case.id)])
        self.assertEqual(note.author_id, self.users["assistant"].partner_id)
        self.assertEqual(note.message_type, "notification")
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        for role in ("assistant", "inspector"):
            self.assertIn("created", note.sudo(self.users[role]).read(
                ["body"])[0]["body"])
        stranger = self.users["inspector2"]
        with self.assertRaises(AccessError):
            note.sudo(stranger).read(["body"])
        self.assertFalse(self.env["mail.message"].sudo(stranger).search([
            ("model", "=", case._name), ("res_id", "=", case.id)]))
