# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deadlines that are not only "N after entering a state" (issue 9 item 3)
and the set-based escalation job (issue 14), driven as real users of each
role with an injected clock: BEFORE a date field (R27), on its day (R32), a
periodic obligation per district (R22.13, R26)."""
from freezegun import freeze_time

from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestDeadlineCalendar(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestDeadlineCalendar, cls).setUpClass()
        cls.Meeting = cls.env["uchaske.wf.test.meeting"]
        cls.Line = cls.env["uchaske.workflow.deadline.line"]
        cls.Rule = cls.env["uchaske.workflow.deadline"]
        cls.quarterly = cls.env.ref("uchaske_wf_test.deadline_meeting_quarterly")
        cls.notice = cls.env.ref("uchaske_wf_test.deadline_meeting_notice")

    def _meeting(self, role="assistant", district=None, **vals):
        values = {"name": "Report meeting",
                  "district_id": (district or self.district1).id}
        values.update(vals)
        return self.Meeting.sudo(self.users[role]).create(values)

    def _lines(self, rule, record):
        return self.Line.search([("rule_id", "=", rule.id),
                                 ("res_model", "=", record._name),
                                 ("res_id", "=", record.id)])

    def _activities(self, key):
        return self.env["mail.activity"].search([("uchaske_key", "=", key)])

    # -- before a date field, on its day ------------------------------------

    def test_notice_due_before_meeting_and_moves_with_its_date(self):
        """R27: residents are told at least 10 calendar days before the
        meeting; moving the meeting moves the open deadline and its to-do."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting(date_meeting="2026-11-20")
            line = self._lines(self.notice, meeting)
            self.assertEqual(len(line), 1)
            self.assertEqual(line.date_due, "2026-11-10 18:59:59")  # 23:59:59 in Almaty
            self.assertEqual(line.user_id, self.users["inspector"])
            self.assertEqual(line.activity_id.date_deadline, "2026-11-10")
            self.assertEqual(line.activity_id.uchaske_key, line._activity_key())
            meeting.sudo(self.users["inspector"]).write(
                {"date_meeting": "2026-11-25"})
            line.invalidate_cache()
            self.assertEqual(self._lines(self.notice, meeting), line)
            self.assertEqual(line.date_due, "2026-11-15 18:59:59")
            self.assertEqual(line.activity_id.date_deadline, "2026-11-15")
            self.assertFalse(line.overdue)
        with freeze_time("2026-11-12 09:00:00"):
            meeting.sudo(self.users["inspector"]).wf_apply("announce")
            line.invalidate_cache()
            self.assertEqual((line.state, line.met_late), ("done", False))

    def test_notice_opens_when_the_date_is_set(self):
        """R27: without a meeting date there is nothing to count back from;
        the deadline opens once the date is set."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting()
            self.assertFalse(self._lines(self.notice, meeting))
            meeting.sudo(self.users["assistant"]).write(
                {"date_meeting": "2026-12-01"})
            line = self._lines(self.notice, meeting)
            self.assertEqual(line.date_due, "2026-11-21 18:59:59")  # 23:59:59 in Almaty

    def test_protocol_due_on_the_meeting_day(self):
        """R32: the protocol is signed on the meeting day: due at its end;
        late the next morning."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting(date_meeting="2026-11-20")
            meeting.sudo(self.users["inspector"]).wf_apply("announce")
        with freeze_time("2026-11-20 11:00:00"):
            meeting.sudo(self.users["inspector"]).wf_apply("hold")
            line = self._lines(
                self.env.ref("uchaske_wf_test.deadline_meeting_protocol"), meeting)
            self.assertEqual(line.date_due, "2026-11-20 18:59:59")  # 23:59:59 in Almaty
        with freeze_time("2026-11-20 18:59:59"):  # the day's last second
            line.invalidate_cache()
            self.assertFalse(line.overdue)
        with freeze_time("2026-11-20 19:00:00"):  # midnight in Almaty
            line.invalidate_cache()
            self.assertTrue(line.overdue)
        with freeze_time("2026-11-21 08:00:00"):
            line.invalidate_cache()
            self.assertTrue(line.overdue)
            meeting.sudo(self.users["inspector"]).wf_apply("sign")
            line.invalidate_cache()
            self.assertEqual((line.state, line.met_late), ("done", True))

    # -- periodic obligations ---------------------------------------------

    def test_quarterly_meeting_per_district_opens_once_and_closes_when_met(self):
        """R22.13, R26: each district owes a report meeting every quarter: the
        job opens one line per district for the quarter (twice = once), in
        the inspector's My work; a held meeting closes it."""
        with freeze_time("2026-11-02 09:00:00"):
            self.Rule._cron_periodic()
            line = self._lines(self.quarterly, self.district1)
            self.assertEqual(len(line), 1)
            self.assertEqual((line.period_key, line.user_id, line.date_due),
                             ("2026-Q4", self.users["inspector"],
                              "2026-12-31 18:59:59"))  # 23:59:59 in Almaty
            self.assertEqual(line.district_id, self.district1)
            activity = self._activities(line._activity_key())
            self.assertEqual(len(activity), 1)
            self.assertEqual(activity.user_id, self.users["inspector"])
            self.assertEqual(activity.summary,
                             "R26: Hold the quarterly report meeting")
            self.assertEqual(activity.date_deadline, "2026-12-31")
            neighbour_line = self._lines(self.quarterly, self.district1b)
            self.assertEqual(neighbour_line.user_id, self.users["neighbour"])
            count = self.Line.search_count([("rule_id", "=", self.quarterly.id)])
            self.Rule._cron_periodic()
            self.assertEqual(
                self.Line.search_count([("rule_id", "=", self.quarterly.id)]), count)
            self.assertEqual(len(self._activities(line._activity_key())), 1)
            # the inspector sees it (record rules) and has it in My work
            self.assertEqual(self.Line.sudo(self.users["inspector"]).search(
                [("id", "=", line.id)]), line)
            self.assertFalse(self.Line.sudo(self.users["inspector2"]).search(
                [("id", "=", line.id)]))
            Item = self.env["uchaske.work.item"].sudo(self.users["inspector"])
            items = Item.search(Item.action_open_my_work()["domain"])
            self.assertIn(line, items.mapped("deadline_line_id"))
        with freeze_time("2026-11-05 10:00:00"):
            meeting = self._meeting(date_meeting="2026-11-05")
            meeting.sudo(self.users["inspector"]).wf_apply("announce")
            meeting.sudo(self.users["inspector"]).wf_apply("hold")
            self.Rule._cron_periodic()
            line.invalidate_cache()
            self.assertEqual((line.state, line.met_late), ("done", False))
            self.assertFalse(self._activities(line._activity_key()))
            neighbour_line.invalidate_cache()
            self.assertEqual(neighbour_line.state, "open")
            self.Rule._cron_periodic()
            self.assertEqual(len(self._lines(self.quarterly, self.district1)), 1)

    def test_met_before_the_job_runs_opens_nothing(self):
        """R26: a district that already held its quarter's meeting owes
        nothing this quarter."""
        with freeze_time("2026-10-05 10:00:00"):
            meeting = self._meeting(date_meeting="2026-10-05")
            meeting.sudo(self.users["inspector"]).wf_apply("announce")
            meeting.sudo(self.users["inspector"]).wf_apply("hold")
            self.Rule._cron_periodic()
            self.assertFalse(self._lines(self.quarterly, self.district1))
            self.assertTrue(self._lines(self.quarterly, self.district1b))

    def test_overdue_periodic_line_escalates_once(self):
        """R16, R24: the quarter ended without a meeting: the police point's
        responsible inspector is alerted, once; the next quarter opens."""
        with freeze_time("2026-11-02 09:00:00"):
            self.Rule._cron_periodic()
        line = self._lines(self.quarterly, self.district1)
        with freeze_time("2027-01-02 09:00:00"):
            Line = self.Line
            Line._cron_escalate()
            line.invalidate_cache()
            self.assertEqual(line.escalated_user_id, self.users["responsible"])
            activity = line.escalation_activity_id
            self.assertEqual(activity.user_id, self.users["responsible"])
            self.assertEqual(activity.uchaske_key,
                             line._activity_key(escalation=True))
            self.assertIn("OVERDUE R26", activity.summary)
            Line._cron_escalate()
            self.assertEqual(len(self._activities(
                line._activity_key(escalation=True))), 1)
            items = self.env["uchaske.work.item"].sudo(self.users["responsible"])
            items = items.search(items.action_open_my_work()["domain"])
            self.assertIn(line, items.mapped("deadline_line_id"))
            self.Rule._cron_periodic()
            self.assertEqual(
                self._lines(self.quarterly, self.district1).mapped("period_key"),
                ["2026-Q4", "2027-Q1"])

    def _notebook_rule(self, *roles):
        """A monthly obligation of each officer of ``roles`` (a group of
        them): hand in a notebook, met by a note made in the month."""
        group = self.env["res.groups"].create({
            "name": "Test officers with a monthly obligation",
            "users": [(6, 0, [self.users[r].id for r in roles])]})
        return self.Rule.create({
            "kind": "periodic", "name": "Hand in the monthly notebook",
            "period": "month", "scope_kind": "user",
            "scope_group_id": group.id, "responsible_role": "user",
            "target_model": "uchaske.wf.test.note",
            "target_date_field": "create_date",
            "target_scope_field": "user_id", "requirement_ref": "R20"})

    def test_officer_obligation_placed_and_escalated(self):
        """R16, R24: an obligation of each officer (scope: the users of a
        group) is placed in the officer's department and police point, read
        by its responsible inspector and chief only, and escalates to them
        like a district's; the other department sees nothing."""
        rule = self._notebook_rule("assistant", "inspector", "inspector2")
        with freeze_time("2026-11-02 09:00:00"):
            self.Rule._cron_periodic()
        lines = {role: self._lines(rule, self.users[role])
                 for role in ("assistant", "inspector", "inspector2")}
        self.assertEqual(
            [(lines[r].user_id, lines[r].department_id, lines[r].post_id)
             for r in ("assistant", "inspector", "inspector2")],
            [(self.users["assistant"], self.dep1, self.post1),
             (self.users["inspector"], self.dep1, self.post1),
             (self.users["inspector2"], self.dep2, self.post2)])
        seen = self.Line.sudo(self.users["responsible"]).search(
            [("rule_id", "=", rule.id)])
        self.assertEqual(seen, lines["assistant"] | lines["inspector"])
        self.assertEqual(self.Line.sudo(self.users["chief2"]).search(
            [("rule_id", "=", rule.id)]), lines["inspector2"])
        self.assertEqual(self.Line.sudo(self.users["assistant"]).search(
            [("rule_id", "=", rule.id)]), lines["assistant"])
        with freeze_time("2026-12-02 09:00:00"):
            self.Line._cron_escalate()
        for line in lines.values():
            line.invalidate_cache()
        self.assertEqual(
            [lines[r].escalated_user_id for r in
             ("assistant", "inspector", "inspector2")],
            [self.users["responsible"], self.users["responsible"],
             self.users["responsible2"]])

    def _note(self, role, moment):
        """An officer's notebook made at ``moment`` (UTC): Odoo writes
        create_date with the database's clock, which the test's frozen
        clock does not move."""
        note = self.env["uchaske.wf.test.note"].sudo(
            self.users[role]).create({"name": "November"})
        self.env.cr.execute("UPDATE uchaske_wf_test_note SET create_date = %s"
                            " WHERE id = %s", [moment, note.id])
        note.invalidate_cache()
        return note

    def test_period_is_the_departments_days(self):
        """R20, R26: a period is made of the department's (Almaty's) days:
        the November line starts at its local midnight and ends at its
        local 23:59:59; a record made at 01:00 on 1 November in Almaty
        (20:00 UTC on 31 October) meets November's obligation."""
        rule = self._notebook_rule("assistant", "inspector")
        with freeze_time("2026-10-31 20:00:00"):
            self._note("inspector", "2026-10-31 20:00:00")
            self.Rule._cron_periodic()
        self.assertFalse(self._lines(rule, self.users["inspector"]))
        line = self._lines(rule, self.users["assistant"])
        self.assertEqual(
            (line.period_key, line.date_start, line.date_due),
            ("2026-11", "2026-10-31 19:00:00", "2026-11-30 18:59:59"))
        self.assertEqual(line.activity_id.date_deadline, "2026-11-30")
        # the assistant's notebook on 30 November at 23:30 in Almaty
        # (18:30 UTC) is in time; the job closes the line
        with freeze_time("2026-11-30 18:30:00"):
            self._note("assistant", "2026-11-30 18:30:00")
            self.Rule._cron_periodic()
        line.invalidate_cache()
        self.assertEqual((line.state, line.met_late), ("done", False))

    def test_escalation_is_set_based(self):
        """Issue 14: escalating many overdue deadlines costs a constant
        number of statements, not dozens per deadline."""
        with freeze_time("2026-11-02 09:00:00"):
            meetings = [self._meeting(date_meeting="2026-11-20")
                        for _index in range(12)]
        with freeze_time("2026-11-11 09:00:00"):
            self.env.cr.sql_log_count = 0
            self.Line._cron_escalate()
            statements = self.env.cr.sql_log_count
            lines = self.Line.search([("rule_id", "=", self.notice.id),
                                      ("res_id", "in", [m.id for m in meetings])])
            self.assertEqual(len(lines), 12)
            self.assertEqual(lines.mapped("escalated_user_id"),
                             self.users["responsible"])
            self.assertEqual(len(lines.mapped("escalation_activity_id")), 12)
            self.assertLess(statements, 25)

    def test_russian_user_creates_kazakh_cron_does_not_duplicate(self):
        """Issue 9 item 5: activities are found by their key, not by their
        title: a Russian-speaking officer's deadline, then the jobs run in
        Kazakh (twice): one to-do, one escalation, one periodic line."""
        self.env["res.lang"].load_lang("ru_RU")
        self.users["assistant"].lang = "ru_RU"
        self.users["inspector"].lang = "ru_RU"
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._meeting(date_meeting="2026-11-20")
            line = self._lines(self.notice, meeting)
            self.Rule.with_context(lang="ru_RU")._cron_periodic()
        with freeze_time("2026-11-11 09:00:00"):
            for _run in range(2):
                self.Rule.with_context(lang="kk_KZ")._cron_periodic()
                self.Line.with_context(lang="kk_KZ")._cron_escalate()
            self.assertEqual(len(self._activities(line._activity_key())), 1)
            self.assertEqual(len(self._activities(
                line._activity_key(escalation=True))), 1)
            self.assertEqual(len(self._lines(self.quarterly, self.district1)), 1)
