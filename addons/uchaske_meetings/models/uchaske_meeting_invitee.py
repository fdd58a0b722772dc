# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeMeetingInvitee(models.Model):
    """Who is invited by agreement (R28), and whether they accepted."""

    _name = "uchaske.meeting.invitee"
    _description = "Invitee of a report meeting"
    _inherit = ["uchaske.meeting.part.mixin"]
    _order = "meeting_id, kind, id"

    kind = fields.Selection([
        ("deputies", "Maslikhat deputies"),
        ("public", "The public"),
        ("health", "Health body"),
        ("labour", "Labour and social protection body"),
        ("education", "Education and science body"),
        ("agriculture", "Agriculture body"),
        ("housing", "Housing body"),
        ("organisation", "Organisation or enterprise"),
        ("media", "Media"),
    ], required=True, default="public")
    name = fields.Char(required=True)
    acceptance = fields.Selection([
        ("pending", "Pending"), ("accepted", "Accepted"),
        ("declined", "Declined"),
    ], required=True, default="pending")
