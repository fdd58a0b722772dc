# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The report meeting up to being held (R25-R28): planning, the joint
meeting of adjacent districts, invitees, the 10-day notice, who may do
what (real users of each role, incl. the other department), with an
injected clock."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from .common import MeetingCase


@common.at_install(False)
@common.post_install(True)
class TestMeeting(MeetingCase):

    def test_plan_and_announce_ten_days_before(self):
        """R26, R27: planned by the inspector; announced only with an
        announcement made at least 10 calendar days before the meeting."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting(expected_attendance=50,
                                    convened_by="police")
            self.assertEqual(meeting.state, "planned")
            self.assertEqual(meeting.inspector_id, self.users["inspector"])
            self.assertEqual(meeting.reporting_inspector_ids,
                             self.users["inspector"])
            self.assertEqual(meeting.district_ids, self.district1)
            self.assertEqual(meeting.department_id, self.dep1)
            # told on the 11th: 9 days only
            with freeze_time("2026-11-11 09:00:00"):
                self._announce(meeting, day="2026-11-11", fire=False)
                with self.assertRefused(ValidationError, "10 calendar days"):
                    meeting.sudo(self.users["inspector"]).wf_apply("announce")
            self.assertEqual(meeting.state, "planned")
            meeting.announcement_ids.unlink()
            self._announce(meeting, day="2026-11-02", fire=False)
            self.assertTrue(meeting.notice_given)
            meeting.sudo(self.users["inspector"]).wf_apply("announce")
            self.assertEqual(meeting.state, "announced")

    def test_notice_batch_answers_as_the_guard(self):
        """R27, issue 9: My work's batch form of the notice guard gives
        each meeting of a page the guard's own answer: told 18 days before
        passes, told 9 days before and never told fail with the date to
        announce by."""
        inspector = self.users["inspector"]
        with freeze_time("2026-11-02 09:00:00"):
            told = self._announce(self._meeting(), fire=False)
            late = self._meeting(day="2026-11-25")
            untold = self._meeting(day="2026-11-30")
        with freeze_time("2026-11-16 09:00:00"):
            self._announce(late, day="2026-11-16", fire=False)
        meetings = (told | late | untold).sudo(inspector)
        transition = self.env.ref("uchaske_meetings.meeting_transition_announce")
        batch = meetings._wf_guard_notice_batch(transition)
        self.assertEqual(set(batch), set(meetings.ids))
        for meeting in meetings:
            self.assertEqual(batch[meeting.id],
                             meeting._wf_guard_notice(transition))
        self.assertIsNone(batch[told.id])
        self.assertIn("2026-11-15", batch[late.id])
        self.assertIn("2026-11-20", batch[untold.id])

    def test_notice_deadline_before_the_meeting(self):
        """R27: the notice is due 10 calendar days before, moves with the
        date and is met by announcing."""
        notice = self.env.ref("uchaske_meetings.deadline_meeting_notice")
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting()
            line = self._lines(notice, meeting)
            self.assertEqual(line.date_due, "2026-11-10 18:59:59")  # 23:59:59 in Almaty
            self.assertEqual(line.user_id, self.users["inspector"])
            meeting.sudo(self.users["inspector"]).write(
                {"date_meeting": "2026-11-25"})
            line.invalidate_cache()
            self.assertEqual(line.date_due, "2026-11-15 18:59:59")
            self._announce(meeting)
            line.invalidate_cache()
            self.assertEqual(line.state, "done")

    def test_moving_the_date_rechecks_the_notice(self):
        """R27: an announced meeting moved closer than 10 days to its
        announcement is refused; nothing is written."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._announce(self._meeting())
            with self.assertRefused(ValidationError, "10 calendar days"):
                meeting.sudo(self.users["inspector"]).write(
                    {"date_meeting": "2026-11-11"})
            self.assertEqual(meeting.date_meeting, "2026-11-20")
            meeting.sudo(self.users["inspector"]).write(
                {"date_meeting": "2026-11-27"})
            self.assertEqual(meeting.state, "announced")

    def test_cannot_hold_before_its_day_or_without_notice(self):
        """R26, R27: held on its day, announced in time."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._announce(self._meeting())
            with self.assertRefused(ValidationError, "before its date"):
                meeting.sudo(self.users["inspector"]).wf_apply("hold")
        with freeze_time("2026-11-20 18:00:00"):
            meeting.sudo(self.users["inspector"]).wf_apply("hold")
            self.assertEqual(meeting.state, "held")

    def test_bad_input_is_refused_and_nothing_written(self):
        """R27: a date in the past at planning, an announcement after the
        meeting, an online meeting without its link, an initiative of less
        than 10 %, a joint meeting with a district that is not adjacent."""
        count = self.Meeting.search_count([])
        with freeze_time("2026-11-02 09:00:00"):
            with self.assertRefused(ValidationError, "in the past"):
                self._meeting(day="2026-11-01")
            with self.assertRefused(ValidationError, "Online link"):
                self._meeting(venue_kind="online")
            with self.assertRefused(ValidationError, "10 per cent"):
                self._meeting(convened_by="initiative", initiative_share=5)
            far = self.env["uchaske.district"].create({
                "name": "Far away", "number": 9, "department_id": self.dep1.id,
                "post_id": self.post1.id,
                "inspector_id": self.users["neighbour"].id})
            with self.assertRefused(ValidationError, "adjacent"):
                self._meeting(role="chief", district_ids=[(4, far.id)])
            self.assertEqual(self.Meeting.search_count([]), count)
            meeting = self._meeting(day="2026-11-20")
            with self.assertRefused(ValidationError, "after the meeting"):
                self._announce(meeting, day="2026-11-21", fire=False)
            with self.assertRefused(ValidationError, "Proof"):
                meeting.sudo(self.users["inspector"]).write({
                    "announcement_ids": [(0, 0, {"date": "2026-11-01"})]})
            self.assertFalse(meeting.announcement_ids)

    def test_joint_meeting_of_adjacent_districts(self):
        """R27: adjacent districts hold one joint meeting where several
        inspectors report; each inspector sees it."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting(
                role="responsible", district_ids=[(4, self.district1b.id)],
                reporting_inspector_ids=[(6, 0, [
                    self.users["inspector"].id,
                    self.users["neighbour"].id])])
            self.assertTrue(meeting.is_joint)
            self.assertEqual(meeting.district_ids,
                             self.district1 | self.district1b)
            self.assertTrue(self.Meeting.sudo(self.users["neighbour"]).search(
                [("id", "=", meeting.id)]))
            coverage = self.env["uchaske.meeting.coverage"].search(
                [("meeting_id", "=", meeting.id)])
            self.assertEqual(coverage.mapped("district_id"),
                             self.district1 | self.district1b)

    def test_invitees_by_kind_and_acceptance(self):
        """R26, R28: invitees by kind with acceptance; leadership and the
        local executive present."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting(
                leadership_present="Deputy chief",
                executive_present="Deputy akim",
                invitee_ids=[(0, 0, {"kind": "deputies", "name": "Deputy A",
                                     "acceptance": "accepted"}),
                             (0, 0, {"kind": "health", "name": "Polyclinic"})])
            self.assertEqual(meeting.invitee_ids.mapped("kind"),
                             ["deputies", "health"])
            self.assertEqual(meeting.invitee_ids[1].acceptance, "pending")
            self.assertEqual(meeting.invitee_ids[0].district_id, self.district1)

    def test_other_department_and_roles(self):
        """R7, R16, R24: the other department sees nothing and cannot plan
        here; an assistant cannot announce; nobody writes the state."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting()
            for role in ("assistant2", "inspector2", "responsible2", "chief2"):
                self.assertFalse(self.Meeting.sudo(self.users[role]).search(
                    [("id", "=", meeting.id)]), role)
                with self.assertRefused((AccessError, ValidationError)):
                    self._meeting(role=role)
                with self.assertRefused(AccessError):
                    meeting.sudo(self.users[role]).write({"venue": "X"})
            self.assertTrue(self.Meeting.sudo(self.users["chief"]).search(
                [("id", "=", meeting.id)]))
            self._announce(meeting, role="assistant", fire=False)
            with self.assertRefused((AccessError, UserError,
                                     ValidationError)):
                meeting.sudo(self.users["assistant"]).wf_apply("announce")
            with self.assertRefused(UserError, "transitions"):
                meeting.sudo(self.users["inspector"]).write(
                    {"state": "held"})
            self.assertEqual(meeting.state, "planned")

    def test_cancel_needs_a_reason(self):
        """R26: a cancelled meeting says why."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting()
            with self.assertRefused(ValidationError):
                meeting.sudo(self.users["inspector"]).wf_apply("cancel")
            meeting.sudo(self.users["inspector"]).wf_apply(
                "cancel", {"comment": "Hall not available"})
            self.assertEqual(meeting.state, "cancelled")
