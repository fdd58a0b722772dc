# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeWfTestMeeting(models.Model):
    """A meeting-like record of a district with a date: exercises deadlines
    before a date field (R27), on its day (R32) and the quarterly periodic
    obligation it meets (R22.13, R26). Its department, police point and
    inspector follow the district (scope mixin, district kind)."""

    _name = "uchaske.wf.test.meeting"
    _description = "Workflow test meeting"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    _scope_inspector_field = "inspector_id"

    name = fields.Char(required=True)
    district_id = fields.Many2one(required=True)
    inspector_id = fields.Many2one("res.users", readonly=True)
    date_meeting = fields.Date()
