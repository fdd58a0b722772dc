# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UchaskeWfTestMeeting(models.Model):
    """A meeting-like record of a district with a date: exercises deadlines
    before a date field (R27), on its day (R32) and the quarterly periodic
    obligation it meets (R22.13, R26)."""

    _name = "uchaske.wf.test.meeting"
    _description = "Workflow test meeting"
    _inherit = ["uchaske.workflow.mixin"]

    name = fields.Char(required=True)
    district_id = fields.Many2one("uchaske.district", required=True)
    department_id = fields.Many2one("uchaske.department", readonly=True)
    post_id = fields.Many2one("uchaske.post", readonly=True)
    inspector_id = fields.Many2one("res.users", readonly=True)
    date_meeting = fields.Date()

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get("district_id"):
            district = self.env["uchaske.district"].sudo().browse(vals["district_id"])
            vals.update(department_id=district.department_id.id,
                        post_id=district.post_id.id,
                        inspector_id=district.inspector_id.id)
        return super(UchaskeWfTestMeeting, self).create(vals)
