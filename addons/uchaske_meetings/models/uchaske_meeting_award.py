# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeMeetingAward(models.Model):
    """Awarded at the report for active participation in public order
    (R34)."""

    _name = "uchaske.meeting.award"
    _description = "Award at a report meeting"
    _inherit = ["uchaske.meeting.part.mixin"]

    recipient_kind = fields.Selection([
        ("citizen", "Citizen"), ("association", "Association"),
        ("organisation", "Organisation"),
    ], required=True, default="citizen")
    name = fields.Char(required=True, string="Awarded")
    award = fields.Char(required=True, string="Award")
    reason = fields.Text()
