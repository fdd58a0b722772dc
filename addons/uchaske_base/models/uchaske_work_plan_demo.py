# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_POSTS = ("post_yesil_1_demo", "post_yesil_2_demo",
          "post_tselinograd_1_demo", "post_tselinograd_2_demo")


class UchaskeWorkPlan(models.Model):
    """Demo data of the daily work (issue 11), built through the workflow
    as the demo officers themselves, relative to today."""

    _inherit = "uchaske.work.plan"

    @api.model
    def _demo_daily_work(self):
        """For each demo police point: this month's plan approved, next
        month's in draft; notebooks with entries; transmissions, one
        overdue (R18, R20, R22.14, R24.5)."""
        ref = self.env.ref
        today = fields.Date.from_string(fields.Date.context_today(self))
        month = today.replace(day=1)
        for xmlid in _POSTS:
            post = ref("uchaske_base.%s" % xmlid)
            districts = self.env["uchaske.district"].search(
                [("post_id", "=", post.id)])
            officers = (districts.mapped("inspector_id")
                        | districts.mapped("assistant_ids"))
            department = post.department_id
            author = post.responsible_inspector_id or department.chief_id
            approver = department.chief_id
            if author == approver:
                # no responsible inspector: the local police service chief
                # drafts, the administrator stands in as the checker
                approver = ref("base.user_root")
            if not officers or not author:
                continue
            Plan = self.sudo(author)
            if Plan.search_count([("post_id", "=", post.id),
                                  ("date_month", "=", fields.Date.to_string(month))]):
                continue
            items = []
            for index, officer in enumerate(officers):
                items.append((0, 0, {
                    "name": "Walk the district and update its passport",
                    "assignee_id": officer.id,
                    "date_due": fields.Date.to_string(
                        month + timedelta(days=min(5 + 7 * index, 27)))}))
            plan = Plan.create({
                "post_id": post.id,
                "date_month": fields.Date.to_string(month),
                "analysis": "Thefts from flats and cars rose by 12% against "
                            "last month; most at night in courtyards without "
                            "lighting. Domestic violence calls steady.",
                "item_ids": items})
            plan.wf_apply("submit")
            plan.sudo(approver).wf_apply("approve")
            plan.action_copy_next_month()
        self._demo_notebooks_and_transmissions(today)
        return True

    @api.model
    def _demo_notebooks_and_transmissions(self, today):
        ref = self.env.ref
        now = fields.Datetime.from_string(fields.Datetime.now())
        Entry = self.env["uchaske.work.notebook.entry"]
        for login, district in (("user_inspector_demo", "district_yesil_1_demo"),
                                ("user_assistant_demo", "district_yesil_1_demo"),
                                ("user_inspector2_demo",
                                 "district_tselinograd_1_demo")):
            user = ref("uchaske_base.%s" % login)
            district = ref("uchaske_base.%s" % district)
            lead = district.post_id.responsible_inspector_id
            mine = Entry.sudo(user)
            if mine.search_count([("user_id", "=", user.id)]):
                continue
            mine.create({"kind": "instruction", "given_by_id": lead.id,
                         "name": "Check the basements of block 12",
                         "date_due": fields.Date.to_string(
                             today + relativedelta(days=3))})
            mine.create({"kind": "walk_info",
                         "name": "Unlit courtyard behind the school, "
                                 "youths gather at night"})
            mine.create({"kind": "talk", "person_name": "Resident of flat 14",
                         "name": "Preventive talk on noise at night"})
            mine.create({"kind": "binding_order",
                         "person_name": "Housing cooperative \"Samal\"",
                         "name": "Light the courtyard",
                         "grounds": "Offences at night in the unlit courtyard",
                         "date_compliance": fields.Date.to_string(
                             today + relativedelta(days=10))})
            Transmission = self.env["uchaske.info.transmission"].sudo(user)
            sent = Transmission.create({
                "name": "Unlit courtyard behind the school",
                "recipient": "Akimat housing department",
                "district_id": district.id,
                "date_obtained": fields.Datetime.to_string(
                    now - timedelta(hours=30))})
            sent.write({"date_sent": fields.Datetime.to_string(
                now - timedelta(hours=20))})
            sent.wf_apply("send")
            if login != "user_inspector_demo":
                continue
            # not passed on for two days: overdue (R22.14)
            Transmission.create({
                "name": "Car without plates parked for a week",
                "recipient": "Road police battalion",
                "district_id": district.id,
                "date_obtained": fields.Datetime.to_string(
                    now - timedelta(hours=48))})
