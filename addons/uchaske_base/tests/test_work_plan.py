# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The police point's monthly work plan (R18, R24.1, R24.2) as real users
of each role, with an injected clock."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.daily_common import DailyCase


@common.at_install(False)
@common.post_install(True)
class TestWorkPlan(DailyCase):

    def test_drafted_submitted_approved_by_the_chief(self):
        """R24.1, R18: the responsible inspector drafts the plan from his
        analysis and submits it; the district chief approves it; its items
        open as deadlines of their assignees (R24.2)."""
        with freeze_time("2026-10-28 10:00:00"):
            plan = self._plan()
            self.assertEqual(plan.state, "draft")
            self.assertEqual(plan.author_id, self.users["responsible"])
            self.assertEqual(plan.post_id, self.post1)
            self.assertEqual(set(plan.item_ids.mapped("state")), {"planned"})
            self.assertFalse(self._lines(plan.item_ids))
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
            self.assertEqual(plan.state, "approved")
            self.assertEqual(set(plan.item_ids.mapped("state")), {"open"})
            lines = self._lines(plan.item_ids)
            self.assertEqual(lines.mapped("user_id"),
                             self.users["inspector"] | self.users["assistant"])
            self.assertEqual(set(lines.mapped("requirement_ref")), {"R18"})
            first = lines.filtered(lambda ln: ln.user_id == self.users["inspector"])
            self.assertEqual(first.date_due, "2026-11-10 18:59:59")  # Almaty 23:59:59

    def test_submit_needs_the_analysis(self):
        """R24.1: the plan is drawn from the analysis."""
        plan = self._plan()
        plan.sudo().write({"analysis": False})
        with self.assertRefused(ValidationError, "Analysis"):
            plan.wf_apply("submit")
        self.assertEqual(plan.state, "draft")

    def test_the_author_cannot_approve(self):
        """R18: maker-checker -- a chief who drafted the plan cannot approve
        it; nothing is written."""
        plan = self._plan(role="chief")
        plan.wf_apply("submit")
        with self.assertRefused((AccessError, ValidationError), "another"):
            plan.wf_apply("approve")
        self.assertEqual(plan.state, "submitted")

    def test_lower_roles_and_other_department_cannot_approve(self):
        """R18: the responsible inspector, an inspector, the assistant and
        the chief of another department cannot approve."""
        plan = self._plan()
        plan.wf_apply("submit")
        for role in ("responsible", "inspector", "assistant", "chief2"):
            with self.assertRefused(AccessError):
                plan.sudo(self.users[role]).wf_apply("approve")
        self.assertEqual(plan.state, "submitted")

    def test_state_only_through_transitions(self):
        """Writing the state directly is refused, even for the chief."""
        plan = self._plan()
        with self.assertRefused(UserError, "transitions"):
            plan.sudo(self.users["chief"]).write({"state": "approved"})
        with self.assertRefused(UserError):
            self.Plan.sudo(self.users["responsible"]).create({
                "post_id": self.post1.id, "date_month": "2026-12-01",
                "state": "approved"})

    def test_officers_read_but_do_not_draft(self):
        """R18, R24.1: the plan is the responsible inspector's; the point's
        officers read it; another department does not see it."""
        plan = self._plan()
        for role in ("inspector", "assistant"):
            self.assertEqual(plan.sudo(self.users[role]).read(["name"])[0]["id"],
                             plan.id)
            with self.assertRefused(AccessError):
                self._plan(role=role, month="2026-12-01", items=[])
            with self.assertRefused(AccessError):
                plan.sudo(self.users[role]).write({"analysis": "Mine"})
        for role in ("inspector2", "responsible2", "chief2"):
            self.assertFalse(self.Plan.sudo(self.users[role]).search(
                [("id", "=", plan.id)]))
        with self.assertRefused(AccessError):
            self._plan(role="responsible2", post=self.post1,
                       month="2026-12-01", items=[])

    def test_item_due_outside_the_month_refused(self):
        """R18: a plan item is due inside its plan's month."""
        plan = self._plan()
        with self.assertRefused(ValidationError, "outside the plan's month"):
            self.Item.sudo(self.users["responsible"]).create({
                "plan_id": plan.id, "name": "Late task",
                "assignee_id": self.users["inspector"].id,
                "date_due": "2026-12-01"})
        self.assertEqual(len(plan.item_ids), 2)

    def test_assignee_must_be_an_officer_of_the_point(self):
        """R18: items go to the inspectors and assistants of the point; the
        chief or another department's inspector are refused."""
        plan = self._plan()
        for role in ("chief", "inspector2"):
            with self.assertRefused((ValidationError, AccessError)):
                self.Item.sudo(self.users["responsible"]).create({
                    "plan_id": plan.id, "name": "Task",
                    "assignee_id": self.users[role].id,
                    "date_due": "2026-11-05"})
        self.assertEqual(len(plan.item_ids), 2)

    def test_locked_once_approved_reopen_needs_reason_and_new_approval(self):
        """R18: the approved plan is locked; "Reopen for change" needs a
        reason; the changed plan is approved again."""
        with freeze_time("2026-10-28 10:00:00"):
            plan = self._plan()
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
            item = plan.item_ids[0]
            with self.assertRefused(AccessError):
                plan.write({"analysis": "Changed"})
            with self.assertRefused(AccessError, "locked"):
                item.sudo(self.users["responsible"]).write({"name": "Changed"})
            with self.assertRefused(AccessError, "locked"):
                self.Item.sudo(self.users["responsible"]).create({
                    "plan_id": plan.id, "name": "New",
                    "assignee_id": self.users["inspector"].id,
                    "date_due": "2026-11-15"})
            with self.assertRefused(ValidationError):
                plan.wf_apply("reopen")
            self.assertEqual(plan.state, "approved")
            plan.wf_apply("reopen", {"comment": "A new block of flats"})
            self.assertEqual(plan.state, "reopened")
            self.assertEqual(plan.change_reason, "A new block of flats")
            new = self.Item.sudo(self.users["responsible"]).create({
                "plan_id": plan.id, "name": "Visit the new block",
                "assignee_id": self.users["assistant"].id,
                "date_due": "2026-11-25"})
            self.assertEqual(new.state, "planned")
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
            self.assertEqual(new.state, "open")
            self.assertEqual(len(self._lines(plan.item_ids)), 3)

    def test_completed_by_the_assignee_only(self):
        """R18: the assignee records the result and marks the item done; the
        other officer, the responsible inspector and the chief cannot."""
        with freeze_time("2026-11-03 10:00:00"):
            plan = self._plan()
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
            item = plan.item_ids.filtered(
                lambda i: i.assignee_id == self.users["inspector"])
            for role in ("assistant", "responsible", "chief", "neighbour"):
                with self.assertRefused((AccessError, ValidationError)):
                    item.sudo(self.users[role]).wf_apply("done")
            with self.assertRefused(AccessError):
                item.sudo(self.users["assistant"]).write({"result": "Mine"})
            with self.assertRefused(AccessError, "locked"):
                item.sudo(self.users["inspector"]).write({"name": "Easier"})
            mine = item.sudo(self.users["inspector"])
            mine.write({"result": "Courtyards walked, 3 talks held"})
            mine.wf_apply("done")
            self.assertEqual(item.state, "done")
            self.assertEqual(item.date_done, "2026-11-03")
            self.assertEqual(self._lines(item, "done").met_late, False)
            self.assertEqual(plan.item_done_count, 1)
            self.assertEqual(plan.fulfilled_percent, 50.0)

    def test_overdue_item_in_my_work_of_assignee_and_responsible(self):
        """R18, R24.2: an item not done by the end of its due date is
        overdue in the assignee's My work and escalates to the responsible
        inspector's (month end: the last item due on the 30th)."""
        with freeze_time("2026-11-01 08:00:00"):
            plan = self._plan(items=[{
                "name": "Month-end report", "date_due": "2026-11-30",
                "assignee_id": self.users["assistant"].id}])
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
            line = self._lines(plan.item_ids)
        with freeze_time("2026-11-30 17:00:00"):
            self.assertFalse(line.overdue)
        with freeze_time("2026-12-01 06:00:00"):
            line.invalidate_cache()
            self.assertTrue(line.overdue)
            self.env["uchaske.workflow.deadline.line"]._cron_escalate()
            line.invalidate_cache()
            self.assertEqual(line.escalated_user_id, self.users["responsible"])
            for role in ("assistant", "responsible"):
                Work = self.env["uchaske.work.item"].sudo(self.users[role])
                Work._build()
                rows = Work.search([("deadline_line_id", "=", line.id)])
                self.assertEqual(len(rows), 1, role)
                self.assertTrue(rows.overdue, role)

    def test_start_next_month_from_this_one(self):
        """R18: next month's plan starts from this one, items shifted by a
        month, in draft."""
        plan = self._plan()
        action = plan.action_copy_next_month()
        nxt = self.Plan.browse(action["res_id"])
        self.assertEqual(nxt.date_month, "2026-12-01")
        self.assertEqual(nxt.state, "draft")
        self.assertEqual(sorted(nxt.item_ids.mapped("date_due")),
                         ["2026-12-10", "2026-12-20"])
        self.assertEqual(nxt.item_ids.mapped("assignee_id"),
                         plan.item_ids.mapped("assignee_id"))
        with self.assertRefused(ValidationError, "already has a plan"):
            plan.action_copy_next_month()
        with self.assertRefused(AccessError):
            plan.sudo(self.users["inspector"]).action_copy_next_month()

    def test_default_month_is_the_first_without_a_plan(self):
        """R18: a new plan proposes the first month the point has no plan
        for (the web client's Save then works as it comes)."""
        with freeze_time("2026-11-05 10:00:00"):
            Plan = self.Plan.sudo(self.users["responsible"])
            self.assertEqual(Plan.default_get(["date_month"])["date_month"],
                             "2026-11-01")
            self._plan()
            self.assertEqual(Plan.default_get(["date_month"])["date_month"],
                             "2026-12-01")
