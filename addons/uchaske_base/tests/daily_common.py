# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the daily work tests (issue 11): a police point's monthly
plan with an item for each officer of the point."""
from odoo.addons.uchaske_base.tests.common import UchaskeCase


class DailyCase(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(DailyCase, cls).setUpClass()
        cls.Plan = cls.env["uchaske.work.plan"]
        cls.Item = cls.env["uchaske.work.plan.item"]
        cls.Line = cls.env["uchaske.workflow.deadline.line"]

    def _plan(self, role="responsible", post=None, month="2026-11-01",
              items=None):
        user = self.users[role]
        post = post or (self.post2 if role.endswith("2") else self.post1)
        return self.Plan.sudo(user).create({
            "post_id": post.id, "date_month": month,
            "analysis": "Thefts from cars rose in the courtyards (R24.1).",
            "item_ids": [(0, 0, vals) for vals in (items if items is not None else [
                {"name": "Walk the courtyards of block 5",
                 "assignee_id": self.users["inspector"].id,
                 "date_due": "2026-11-10"},
                {"name": "Hand out information sheets",
                 "assignee_id": self.users["assistant"].id,
                 "date_due": "2026-11-20"},
            ])]})

    def _lines(self, record, state="open"):
        return self.Line.search([("res_model", "=", record._name),
                                 ("res_id", "in", record.ids),
                                 ("state", "=", state)])
