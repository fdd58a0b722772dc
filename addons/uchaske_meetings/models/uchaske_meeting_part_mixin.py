# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeMeetingPartMixin(models.AbstractModel):
    """A part of a meeting (invitee, announcement, participant, item,
    award, figure): placed by its meeting, so that it follows the
    meeting's record rules (the standard district rules)."""

    _name = "uchaske.meeting.part.mixin"
    _description = "Part of a report meeting"
    _inherit = ["uchaske.scope.mixin"]
    _scope_kind = "district"
    _scope_anchor = "meeting_id"

    meeting_id = fields.Many2one(
        "uchaske.meeting", string="Meeting", required=True, index=True,
        ondelete="cascade")
