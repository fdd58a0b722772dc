# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A meeting per district per quarter (R22.13, R26) and the one-year
retention of the materials (R32), with an injected clock."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import common

from .common import MeetingCase


@common.at_install(False)
@common.post_install(True)
class TestQuarterRetention(MeetingCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuarterRetention, cls).setUpClass()
        cls.quarterly = cls.env.ref(
            "uchaske_meetings.deadline_meeting_quarterly")
        cls.Rule = cls.env["uchaske.workflow.deadline"]
        cls.Log = cls.env["uchaske.meeting.purge.log"]

    def _quarter_lines(self, district, quarter="2026-Q4"):
        return self.Line.search([("rule_id", "=", self.quarterly.id),
                                 ("res_model", "=", "uchaske.district"),
                                 ("res_id", "=", district.id),
                                 ("period_key", "=", quarter)])

    def test_quarterly_obligation_met_by_a_held_meeting(self):
        """R22.13, R26: each district has a quarter line due at the quarter
        end; a held meeting meets it, a joint meeting for each of its
        districts; a district without one stays open."""
        with freeze_time("2026-10-05 09:00:00"):
            self.Rule._cron_periodic()
            for district in (self.district1, self.district1b, self.district2):
                line = self._quarter_lines(district)
                self.assertEqual(len(line), 1)
                # the quarter's days are Almaty's (UTC+5)
                self.assertEqual((line.date_start, line.date_due),
                                 ("2026-09-30 19:00:00", "2026-12-31 18:59:59"))
                self.assertEqual(line.state, "open")
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._announce(self._meeting(
                role="responsible", district_ids=[(4, self.district1b.id)]))
        with freeze_time("2026-11-20 19:00:00"):
            self.Rule._cron_periodic()
            self.assertEqual(self._quarter_lines(self.district1).state, "open")
            meeting.sudo(self.users["inspector"]).wf_apply("hold")
            self.Rule._cron_periodic()
        self.assertEqual(self._quarter_lines(self.district1).state, "done")
        self.assertEqual(self._quarter_lines(self.district1b).state, "done")
        self.assertEqual(self._quarter_lines(self.district2).state, "open")
        with freeze_time("2027-01-02 09:00:00"):
            self.Rule._cron_periodic()
            line = self._quarter_lines(self.district2)
            self.assertTrue(line.overdue)

    def test_quarter_dashboard(self):
        """R22.13, R26: districts × quarters per police point and
        department; the chief sees the department, not the other one."""
        meeting = self._held(people=3)
        Quarter = self.env["uchaske.meeting.quarter"]
        rows = Quarter.search([("quarter_start", "=", "2026-10-01")])
        row = rows.filtered(lambda r: r.district_id == self.district1)
        self.assertEqual((row.meeting_count, row.attendance, row.missing,
                          row.quarter), (1, 3, 0, "2026 Q4"))
        row1b = rows.filtered(lambda r: r.district_id == self.district1b)
        self.assertEqual((row1b.meeting_count, row1b.missing), (0, 1))
        chief_rows = Quarter.sudo(self.users["chief"]).search(
            [("quarter_start", "=", "2026-10-01")])
        self.assertEqual(chief_rows.mapped("department_id"), self.dep1)
        self.assertIn(self.district1b, chief_rows.mapped("district_id"))
        self.assertFalse(Quarter.sudo(self.users["inspector2"]).search(
            [("district_id", "=", self.district1.id)]))
        groups = Quarter.sudo(self.users["chief"]).read_group(
            [("quarter_start", "=", "2026-10-01")], ["missing", "post_id"],
            ["post_id"])
        self.assertEqual(groups[0]["missing"], 1)
        self.assertEqual(meeting.state, "held")

    def test_quarter_dashboard_quarters_of_meetings_outside_the_window(self):
        """R22.13, R26: beside the last eight quarters, the quarter of any
        meeting long past or far ahead has its row for every district
        (held where it was held, missing elsewhere); each row has an id of
        its own, the chief groups them by quarter."""
        far_past, far_ahead = self._held(), self._held()
        # moved outside the eight quarters the dashboard always shows
        self.env.cr.execute(
            "UPDATE uchaske_meeting SET date_meeting = %s WHERE id = %s",
            ["2019-05-10", far_past.id])
        self.env.cr.execute(
            "UPDATE uchaske_meeting SET date_meeting = %s WHERE id = %s",
            ["2040-02-03", far_ahead.id])
        Quarter = self.env["uchaske.meeting.quarter"].sudo(self.users["chief"])
        rows = Quarter.search([("quarter_start", "in", ("2019-04-01",
                                                        "2040-01-01"))])
        held = {(row.district_id, row.quarter): (row.meeting_count, row.missing)
                for row in rows}
        self.assertEqual(held[self.district1, "2019 Q2"], (1, 0))
        self.assertEqual(held[self.district1b, "2019 Q2"], (0, 1))
        self.assertEqual(held[self.district1, "2040 Q1"], (1, 0))
        self.assertEqual(held[self.district1b, "2040 Q1"], (0, 1))
        self.assertEqual(rows.mapped("department_id"), self.dep1)
        everything = self.env["uchaske.meeting.quarter"].search([])
        self.assertEqual(len(set(everything.ids)), len(everything))
        groups = Quarter.read_group(
            [("quarter_start", "=", "2019-04-01")],
            ["meeting_count", "missing", "quarter_start"],
            ["quarter_start:quarter"], lazy=False)
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["meeting_count"], 1)
        self.assertEqual(groups[0]["__count"], len(rows) // 2)

    def test_materials_removed_after_one_year_and_logged(self):
        """R32: kept one year; then listed for the chief, removed a week
        later, and what was removed is logged (the log is kept)."""
        meeting = self._held(people=2)
        video = self.env["ir.attachment"].create(
            {"name": "video.mp4", "datas": "AAAA", "datas_fname": "video.mp4"})
        with freeze_time("2026-11-20 20:00:00"):
            meeting.write({"video_ids": [(4, video.id)]})
            meeting.sudo(self.users["inspector"]).wf_apply("sign")
            meeting.sudo(self.users["responsible"]).wf_apply("close")
        self.assertEqual(meeting.purge_due, "2027-11-20")
        with freeze_time("2027-11-19 03:00:00"):
            self.Meeting._cron_retention()
        self.assertFalse(meeting.purge_listed_on)
        self.assertEqual(len(meeting.participant_ids), 2)
        with freeze_time("2027-11-20 03:00:00"):
            self.Meeting._cron_retention()
        self.assertEqual(meeting.purge_listed_on, "2027-11-20")
        self.assertEqual(len(meeting.participant_ids), 2)
        listed = self.Meeting.sudo(self.users["chief"]).search(
            [("purge_listed_on", "!=", False),
             ("materials_removed_on", "=", False)])
        self.assertEqual(listed, meeting)
        with freeze_time("2027-11-27 03:00:00"):
            self.Meeting._cron_retention()
        self.assertEqual(meeting.materials_removed_on, "2027-11-27")
        self.assertFalse(meeting.participant_ids)
        self.assertFalse(meeting.video_ids)
        self.assertFalse(video.exists())
        self.assertFalse(any(meeting.announcement_ids.mapped("proof")))
        log = self.Log.sudo(self.users["chief"]).search(
            [("meeting_id", "=", meeting.id)])
        self.assertEqual((log.videos, log.participants, log.invitees),
                         (1, 2, 0))
        with self.assertRefused(UserError):
            log.sudo(self.users["chief"]).unlink()
        with self.assertRefused((AccessError, UserError)):
            log.sudo(self.users["chief"]).write({"videos": 0})
        self.assertFalse(self.Log.sudo(self.users["chief2"]).search(
            [("id", "=", log.id)]))
        with self.assertRefused(AccessError):
            self.Log.sudo(self.users["inspector"]).search([])
