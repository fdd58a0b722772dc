# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeMeetingFigure(models.Model):
    """A figure of the report (R29, R30), from
    ``uchaske.district._report_figures``."""

    _name = "uchaske.meeting.figure"
    _description = "Figure of a meeting report"
    _inherit = ["uchaske.meeting.part.mixin"]
    _order = "meeting_id, sequence, id"

    sequence = fields.Integer()
    name = fields.Char(required=True, string="Figure")
    value = fields.Char()
