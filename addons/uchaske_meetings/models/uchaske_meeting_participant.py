# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeMeetingParticipant(models.Model):
    """The participants register (R32; Law on Local Government, Art. 39-3
    §1): every participant with an address or contact and a signature."""

    _name = "uchaske.meeting.participant"
    _description = "Participant of a report meeting"
    _inherit = ["uchaske.meeting.part.mixin"]
    _order = "meeting_id, id"

    name = fields.Char(required=True, string="Full name")
    contact = fields.Char(string="Address or contact", required=True)
    signed = fields.Boolean(string="Signed", default=True)
