# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The chatter of a case tells who acted (issue 7): the workflow note is
signed by the officer, posted once per transition, with the text users typed
escaped; registering leaves one R12 activity."""
from freezegun import freeze_time

from odoo.tests import common

from .common import REGISTER, RegistryCase

#: context keys the fixtures set to keep other tests quiet
_QUIET = ("tracking_disable", "mail_notrack", "mail_create_nolog")

_IMG = '<img src="x" onerror="alert(1)">'


@common.at_install(False)
@common.post_install(True)
class TestChatter(RegistryCase):

    def setUp(self):
        super(TestChatter, self).setUp()
        # the chatter as a user sees it: tracking on
        self.Case = self.Case.with_context(**dict.fromkeys(_QUIET, False))

    def _messages(self, case):
        return self.env["mail.message"].search([
            ("model", "=", case._name), ("res_id", "=", case.id),
            ("message_type", "!=", "user_notification")], order="id")

    def test_workflow_note_signed_by_officer_once_escaped(self):
        """R2.3: the register decision in the chatter is the inspector's,
        one note per transition, the comment shown as text."""
        inspector = self.users["inspector"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._new_case("inspector")
            before = self._messages(case)
            case.sudo(inspector).wf_apply(
                "register", dict(REGISTER, comment="Seen %s today" % _IMG))
        notes = self._messages(case) - before
        self.assertEqual(len(notes), 1, notes.mapped("body"))
        self.assertEqual(notes.author_id, inspector.partner_id)
        self.assertIn(inspector.email, notes.email_from)
        self.assertNotIn("<img", notes.body)
        self.assertIn("&lt;img", notes.body)
        self.assertIn("Registered", notes.body)
        # the inspector reads the note in the case's chatter
        self.assertEqual(
            notes.sudo(inspector).read(["author_id"])[0]["author_id"][0],
            inspector.partner_id.id)

    def test_author_is_officer_after_record_leaves_their_sight(self):
        """R16: the responsible inspector approves the closing; the note is
        theirs although the engine posts it (sudo)."""
        responsible = self.users["responsible"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
            inspector = case.sudo(self.users["inspector"])
            inspector.write({"close_reason": "term_expired"})
            inspector.wf_apply("request_close", {"comment": "term over",
                                                 "legal_basis": "Art. 10"})
            before = self._messages(case)
            case.sudo(responsible).wf_apply("approve_close")
        notes = self._messages(case) - before
        note = notes.filtered(lambda m: "Closed" in (m.body or ""))
        self.assertEqual(len(note), 1, notes.mapped("body"))
        self.assertEqual(note.author_id, responsible.partner_id)

    def test_person_name_escaped_in_activity_note(self):
        """R12: the supervision activity names the person as text."""
        person = self.Person.create({
            "surname": "Sadykova", "first_name": "Aru%s" % _IMG,
            "birth_date": "1990-01-01", "department_id": self.dep1.id,
            "address_ids": [(0, 0, {"address": "Abay 1",
                                    "district_id": self.district1.id,
                                    "date_from": "2025-01-01"})]})
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case(person_id=person.id)
        notes = case.sudo().activity_ids.mapped("note")
        self.assertTrue(notes)
        for note in notes:
            self.assertNotIn("<img", note)

    def test_one_r12_activity_on_registered_case(self):
        """R12: one supervision activity, also after the first check made
        in the same transaction (as the demo data does)."""
        self.Case = self.env["uchaske.registry.case"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        r12 = case.sudo().activity_ids.filtered(
            lambda a: a.summary.startswith("R12"))
        self.assertEqual(len(r12), 1)
        with freeze_time("2026-11-20 10:00:00"):
            self.env["uchaske.registry.check"].sudo(
                self.users["assistant"]).create({
                    "case_id": case.id, "date": "2026-11-20",
                    "kind": "home_visit", "result": "complies"})
        r12 = case.sudo().activity_ids.filtered(
            lambda a: a.summary.startswith("R12"))
        self.assertEqual(len(r12), 1, r12.mapped("date_deadline"))
        self.assertEqual(r12.date_deadline, "2026-12-20")

    def test_rescheduling_r12_twice_in_one_transaction(self):
        """R12: rescheduling reads the activities from the database, not
        from a record cache filled before the first one was created."""
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
            case.sudo().activity_ids.filtered(
                lambda a: a.summary.startswith("R12")).unlink()
            self.assertFalse(case.sudo().activity_ids.filtered(
                lambda a: a.summary.startswith("R12")))  # cached now
            case._schedule_next_check()
            case._schedule_next_check()
        r12 = self.env["mail.activity"].search([
            ("res_model", "=", case._name), ("res_id", "=", case.id),
            ("summary", "=like", "R12:%")])
        self.assertEqual(len(r12), 1)
