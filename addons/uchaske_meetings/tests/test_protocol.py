# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The protocol and its follow-up (R29-R34): the report pre-filled from
the district figures hook and the previous meeting's items, the
participants register, signing on the day (later only with the chief's
approval), each item answered / checked / forwarded with the person
notified, closing by the responsible inspector, awards."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from .common import MeetingCase


@common.at_install(False)
@common.post_install(True)
class TestProtocol(MeetingCase):

    def _check_item(self, **vals):
        values = {"kind": "complaint", "author": "Resident 0",
                  "text": "Noise at night", "outcome": "check",
                  "assignee_id": self.users["inspector"].id,
                  "check_deadline": "2026-12-20"}
        values.update(vals)
        return (0, 0, values)

    def test_sign_on_the_meeting_day(self):
        """R32: the reporting inspector signs the protocol on the day; the
        protocol's deadline is met."""
        protocol = self.env.ref("uchaske_meetings.deadline_meeting_protocol")
        meeting = self._held()
        with freeze_time("2026-11-20 16:00:00"):  # 21:00 in Almaty
            line = self._lines(protocol, meeting)
            self.assertEqual(line.date_due, "2026-11-20 18:59:59")  # 23:59:59 in Almaty
            meeting.sudo(self.users["inspector"]).wf_apply("sign")
        self.assertEqual(meeting.state, "protocol_signed")
        self.assertEqual(meeting.signed_on, "2026-11-20")
        self.assertEqual(meeting.signed_by_id, self.users["inspector"])
        line.invalidate_cache()
        self.assertEqual(line.state, "done")
        self.assertFalse(line.met_late)

    def test_signing_later_needs_the_chief_with_a_reason(self):
        """R32: the next day the inspector cannot sign; the chief approves
        a late signing with a reason (recorded in the history)."""
        meeting = self._held()
        with freeze_time("2026-11-21 10:00:00"):
            with self.assertRefused(ValidationError, "day of the meeting"):
                meeting.sudo(self.users["inspector"]).wf_apply("sign")
            with self.assertRefused((AccessError, UserError,
                                     ValidationError)):
                meeting.sudo(self.users["inspector"]).wf_apply(
                    "sign_late", {"comment": "Ill"})
            with self.assertRefused(ValidationError):
                meeting.sudo(self.users["chief"]).wf_apply("sign_late")
            self.assertEqual(meeting.state, "held")
            meeting.sudo(self.users["chief"]).wf_apply(
                "sign_late", {"comment": "Inspector on sick leave"})
        self.assertEqual(meeting.state, "protocol_signed")
        self.assertEqual(meeting.wf_history_ids.sorted("id")[-1].comment,
                         "Inspector on sick leave")

    def test_signing_a_meeting_not_yet_held_is_refused(self):
        """R32: no protocol before the meeting is held."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._announce(self._meeting())
            with self.assertRefused((UserError, ValidationError)):
                meeting.sudo(self.users["inspector"]).wf_apply("sign")
        self.assertEqual(meeting.state, "announced")
        self.assertFalse(meeting.signed_on)

    def test_participant_count_equals_the_register(self):
        """R32: the protocol's count equals the participants register."""
        meeting = self._held(people=2)
        with freeze_time("2026-11-20 20:00:00"):
            with self.assertRefused(ValidationError, "register has 2"):
                meeting.sudo(self.users["inspector"]).write(
                    {"participant_count": 3})
            self.assertEqual(meeting.participant_count, 2)
            meeting.participant_ids[0].unlink()
            with self.assertRefused(ValidationError, "register has 1"):
                meeting.sudo(self.users["inspector"]).wf_apply("sign")
            self.assertEqual(meeting.state, "held")

    def test_items_close_only_when_done(self):
        """R31, R32, R33: an item to check needs its assignee and deadline;
        one outside police competence is forwarded to a named body AND the
        person notified; the responsible inspector closes the meeting only
        when every item is done."""
        meeting = self._held(items=[
            self._check_item(),
            (0, 0, {"kind": "proposal", "author": "Resident 1",
                    "text": "A playground", "outcome": "forwarded",
                    "body": "Akimat of the district"}),
            (0, 0, {"kind": "remark", "author": "Resident 0",
                    "text": "Thanks", "outcome": "answered",
                    "answer": "Noted"})])
        check, forwarded, answered = meeting.item_ids.sorted("id")
        self.assertEqual(meeting.open_item_count, 2)
        self.assertTrue(answered.done)
        with freeze_time("2026-11-20 20:00:00"):
            meeting.sudo(self.users["inspector"]).wf_apply("sign")
        responsible = self.users["responsible"]
        with freeze_time("2026-11-25 10:00:00"):
            with self.assertRefused(ValidationError, "Competent state body"):
                forwarded.sudo(responsible).write(
                    {"body": False, "document_number": "12-3/45"})
            with self.assertRefused(ValidationError, "assignee"):
                meeting.sudo(responsible).write(
                    {"item_ids": [self._check_item(assignee_id=False)]})
            with self.assertRefused(ValidationError, "2 complaint"):
                meeting.sudo(responsible).wf_apply("close")
            check.sudo(self.users["inspector"]).write(
                {"check_result": "Café warned", "check_done": True})
            forwarded.sudo(self.users["inspector"]).write(
                {"document_number": "12-3/45", "document_date": "2026-11-22"})
            self.assertFalse(forwarded.done)
            with self.assertRefused(ValidationError, "1 complaint"):
                meeting.sudo(responsible).wf_apply("close")
            forwarded.sudo(self.users["inspector"]).write(
                {"notified_date": "2026-11-23", "notified_method": "phone"})
            self.assertEqual(meeting.open_item_count, 0)
            # R33: control is the responsible inspector's
            with self.assertRefused((AccessError, UserError,
                                     ValidationError)):
                meeting.sudo(self.users["inspector"]).wf_apply("close")
            meeting.sudo(responsible).wf_apply("close")
        self.assertEqual(meeting.state, "closed")
        with self.assertRefused(AccessError):
            meeting.sudo(self.users["chief"]).write({"decisions": "Changed"})

    def test_signed_protocol_kept_from_the_inspector(self):
        """R32: once signed, the inspector no longer edits the protocol."""
        meeting = self._held()
        with freeze_time("2026-11-20 20:00:00"):
            meeting.sudo(self.users["inspector"]).wf_apply("sign")
            with self.assertRefused(AccessError):
                meeting.sudo(self.users["inspector"]).write(
                    {"decisions": "Changed"})

    def test_report_prefilled_with_figures_and_previous_items(self):
        """R29, R30: the report takes the districts' figures through the
        base hook and every item of the previous meeting with what was
        done; open ones stay open (carried over)."""
        previous = self._held(items=[self._check_item()])
        with freeze_time("2026-11-20 20:00:00"):
            previous.sudo(self.users["inspector"]).wf_apply("sign")
        with freeze_time("2027-01-10 09:00:00"):
            meeting = self._meeting(day="2027-02-15",
                                    district_ids=[(4, self.district1b.id)])
            meeting.sudo(self.users["inspector"]).action_prepare_report()
        self.assertEqual(meeting.previous_meeting_id, previous)
        self.assertEqual(meeting.carried_item_ids, previous.item_ids)
        self.assertFalse(meeting.carried_item_ids.done)
        self.assertEqual(meeting.period_from, "2027-01-01")
        self.assertEqual(meeting.period_to, "2027-02-15")
        figures = self.env["uchaske.district"].browse(
            meeting.district_ids.ids)._report_figures(
                "2027-01-01", "2027-02-15")
        self.assertEqual(meeting.figure_ids.mapped("name"),
                         [label for label, _value in figures])

    def test_awards(self):
        """R34: citizens, associations and organisations awarded."""
        meeting = self._held()
        with freeze_time("2026-11-20 20:00:00"):
            meeting.sudo(self.users["inspector"]).write({"award_ids": [
                (0, 0, {"recipient_kind": "association",
                        "name": "Volunteer patrol", "award": "Certificate"})]})
        self.assertEqual(meeting.award_ids.recipient_kind, "association")
        self.assertFalse(self.env["uchaske.meeting.award"].sudo(
            self.users["inspector2"]).search([("id", "=", meeting.award_ids.id)]))
