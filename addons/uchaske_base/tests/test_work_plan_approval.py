# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R18: the monthly plan is approved by the chief of the local police
service (whatever his role) or by the district chief -- as real users, with
an injected clock."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import GROUPS
from odoo.addons.uchaske_base.tests.daily_common import DailyCase


@common.at_install(False)
@common.post_install(True)
class TestWorkPlanApproval(DailyCase):

    @classmethod
    def setUpClass(cls):
        super(TestWorkPlanApproval, cls).setUpClass()
        # the service chiefs hold an inspector's role only: neither district
        # chief nor the police point's responsible inspector
        for key, dep in (("service_chief", cls.dep1), ("service_chief2", cls.dep2)):
            cls.users[key] = cls.env["res.users"].create({
                "name": "Test %s" % key, "login": "test_%s" % key,
                "groups_id": [(6, 0, [cls.env.ref(GROUPS["inspector"]).id])],
                "uchaske_department_id": dep.id})
        Service = cls.env["uchaske.police.service"]
        cls.service1 = Service.create({
            "name": "Local police service One", "department_id": cls.dep1.id,
            "chief_id": cls.users["service_chief"].id})
        cls.service2 = Service.create({
            "name": "Local police service Two", "department_id": cls.dep2.id,
            "chief_id": cls.users["service_chief2"].id})

    def _submitted(self):
        with freeze_time("2026-10-28 10:00:00"):
            plan = self._plan()
            plan.wf_apply("submit")
        return plan

    def _my_work(self, role, plan):
        Work = self.env["uchaske.work.item"].sudo(self.users[role])
        Work._build()
        return Work.search([("res_model", "=", plan._name),
                            ("res_id", "=", plan.id)])

    def test_r18_service_chief_approves(self):
        """R18: the chief of the local police service approves the plan of
        a police point of his department; the items open for their
        assignees; the history names him."""
        plan = self._submitted()
        with freeze_time("2026-10-29 09:00:00"):
            plan.sudo(self.users["service_chief"]).wf_apply("approve")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(set(plan.item_ids.mapped("state")), {"open"})
        self.assertEqual(plan._wf_last_history().user_id,
                         self.users["service_chief"])

    def test_r18_service_chief_returns_for_rework(self):
        """R18: he may also return it for rework, with a reason."""
        plan = self._submitted()
        plan.sudo(self.users["service_chief"]).wf_apply(
            "return_draft", {"comment": "Add the night walks"})
        self.assertEqual(plan.state, "draft")

    def test_r18_district_chief_still_approves(self):
        """R18: the district chief approves as before."""
        plan = self._submitted()
        plan.sudo(self.users["chief"]).wf_apply("approve")
        self.assertEqual(plan.state, "approved")

    def test_r18_who_may_not_approve(self):
        """R18: the responsible inspector (who drafted it), the point's
        inspector, the other department's service chief, and a former
        service chief cannot approve or return it: a clear refusal,
        nothing written."""
        plan = self._submitted()
        with self.assertRefused(AccessError, "chief of the local police service"):
            plan.sudo(self.users["responsible"]).wf_apply("approve")
        for role in ("inspector", "service_chief2"):
            with self.assertRefused(AccessError):
                plan.sudo(self.users[role]).wf_apply("approve")
            with self.assertRefused(AccessError):
                plan.sudo(self.users[role]).wf_apply(
                    "return_draft", {"comment": "No"})
        self.service1.chief_id = self.users["chief"]
        with self.assertRefused(AccessError):
            plan.sudo(self.users["service_chief"]).wf_apply("approve")
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(set(plan.item_ids.mapped("state")), {"planned"})

    def test_r18_service_chief_reads_but_does_not_draft(self):
        """R18: he reads his department's plans and their items, not the
        other department's; he neither drafts plans nor changes items."""
        plan = self._submitted()
        mine = plan.sudo(self.users["service_chief"])
        self.assertEqual(mine.analysis, plan.analysis)
        self.assertEqual(len(mine.item_ids), 2)
        with self.assertRefused(AccessError):
            plan.sudo(self.users["service_chief2"]).read(["analysis"])
        with self.assertRefused(AccessError):
            mine.item_ids[0].write({"name": "Changed"})
        with self.assertRefused(AccessError):
            self.Plan.sudo(self.users["service_chief"]).create({
                "post_id": self.post1.id, "date_month": "2026-12-01",
                "analysis": "x"})

    def test_r18_my_work_of_the_approvers_only(self):
        """R18: the submitted plan waits in the My work of the service chief
        and of the district chief with "Approve"; not in the responsible
        inspector's, nor in the other department's service chief's."""
        plan = self._submitted()
        with freeze_time("2026-10-29 09:00:00"):
            for role in ("service_chief", "chief"):
                rows = self._my_work(role, plan)
                self.assertEqual(len(rows), 1, role)
                self.assertIn("Approve", rows.actions or "", role)
            for role in ("responsible", "service_chief2"):
                self.assertFalse(self._my_work(role, plan), role)

    def test_r18_rule_follows_the_service_chief_at_once(self):
        """R18 (issue 14: the rule reads a user field cached with the
        rules): a new chief of the service reads the department's plans at
        once and his predecessor no longer does; an archived service gives
        none; the other department's service chief never did."""
        plan = self._submitted()
        plan.invalidate_cache()

        def reads(key):
            return bool(self.env["uchaske.work.plan"].sudo(
                self.users[key]).search([("id", "=", plan.id)]))
        self.assertTrue(reads("service_chief"))
        self.assertFalse(reads("service_chief2"))
        self.service1.chief_id = self.users["service_chief2"]
        self.assertFalse(reads("service_chief"))
        self.assertTrue(reads("service_chief2"))
        self.service1.active = False
        self.assertFalse(reads("service_chief2"))
        with self.assertRaises(AccessError):
            plan.sudo(self.users["service_chief2"]).wf_apply("approve")

    def _substitute(self, start="2026-10-29", end="2026-10-30"):
        """The inspector of department 1 substitutes the service's chief."""
        self.service1.write({"substitute_id": self.users["inspector"].id,
                             "substitute_date_start": start,
                             "substitute_date_end": end})
        self.env["res.users"].invalidate_cache()

    def test_r18_substitute_approves_in_his_period_only(self):
        """R18: "approved by the chief of the local police service or the
        person substituting him": the substitute reads the department's
        plans and approves them on the days of his period, not the day
        before nor the day after; the history names him."""
        plan = self._submitted()
        substitute = self.users["inspector"]
        self._substitute()
        for day in ("2026-10-28 09:00:00", "2026-10-31 09:00:00"):
            with freeze_time(day):
                self.env["ir.rule"].clear_caches()  # the daily job (R6, R18)
                self.env["res.users"].invalidate_cache()
                # out of his period he may not even change the plan
                with self.assertRefused(AccessError):
                    plan.sudo(substitute).wf_apply("approve")
        self.assertEqual(plan.state, "submitted")
        with freeze_time("2026-10-30 09:00:00"):
            self.env["ir.rule"].clear_caches()
            self.env["res.users"].invalidate_cache()
            self.assertIn(self.dep1, substitute.uchaske_service_department_ids)
            plan.sudo(substitute).wf_apply("approve")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan._wf_last_history().user_id, substitute)

    def test_r18_substitute_must_be_stated_properly(self):
        """R18: a substitute without his period, with a period ending before
        it starts, the chief himself or an officer of another department is
        refused with a message naming the field; nothing is written."""
        cases = [
            ({"substitute_id": self.users["inspector"].id}, "Substitutes from / until"),
            ({"substitute_id": self.users["inspector"].id,
              "substitute_date_start": "2026-11-02",
              "substitute_date_end": "2026-11-01"}, "Substitutes until"),
            ({"substitute_id": self.users["service_chief"].id,
              "substitute_date_start": "2026-11-01",
              "substitute_date_end": "2026-11-02"}, "another officer than the chief"),
            ({"substitute_id": self.users["service_chief2"].id,
              "substitute_date_start": "2026-11-01",
              "substitute_date_end": "2026-11-02"}, "own department"),
        ]
        for vals, message in cases:
            with self.assertRaisesRegex(ValidationError, message):
                with self.env.cr.savepoint():
                    self.service1.write(vals)
            self.service1.invalidate_cache()
            self.assertFalse(self.service1.substitute_id)

    def test_my_work_offers_an_item_to_its_assignee_only(self):
        """Issue 9 item 7 ("only what the user may fire"), R18, R24.2: an
        item of a plan not approved yet is nobody's work; once approved,
        each item is offered "Done" in its assignee's My work only - the
        chief and the responsible inspector may change items but never
        mark one done, so no row of theirs says "You may act" on it."""
        with freeze_time("2026-10-28 10:00:00"):
            plan = self._plan()

        def acts(role):
            Work = self.env["uchaske.work.item"].sudo(self.users[role])
            Work._build()
            # an item with a deadline of the user's is its deadline row
            return {row.res_id: row.actions for row in Work.search([
                ("res_model", "=", "uchaske.work.plan.item"),
                ("res_id", "in", plan.item_ids.ids)])}

        with freeze_time("2026-10-29 09:00:00"):
            # a draft: its author may change the items, not open them
            for role in ("chief", "responsible", "inspector", "assistant"):
                self.assertEqual(acts(role), {}, role)
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
            mine = plan.item_ids.filtered(
                lambda item: item.assignee_id == self.users["inspector"])
            theirs = plan.item_ids - mine
            self.assertEqual(acts("inspector"), {mine.id: "Mark done"})
            self.assertEqual(acts("assistant"), {theirs.id: "Mark done"})
            for role in ("chief", "responsible"):
                self.assertEqual(acts(role), {}, role)
