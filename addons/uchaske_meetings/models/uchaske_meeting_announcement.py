# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UchaskeMeetingAnnouncement(models.Model):
    """Residents told the place and time (R27): channel, date, proof."""

    _name = "uchaske.meeting.announcement"
    _description = "Announcement of a report meeting"
    _inherit = ["uchaske.meeting.part.mixin"]
    _order = "date, id"

    channel = fields.Selection([
        ("media", "Media"), ("social", "Social network"),
        ("enterprise", "Enterprise or organisation administration"),
    ], required=True, default="social")
    date = fields.Date(required=True, default=fields.Date.context_today)
    link = fields.Char(string="Proof link")
    proof = fields.Binary(string="Proof", attachment=True)
    proof_filename = fields.Char()

    @api.constrains("date", "meeting_id")
    def _check_date(self):
        for announcement in self:
            meeting = announcement.meeting_id.sudo()
            if announcement.date > meeting.date_meeting:
                raise ValidationError(_(
                    "Announcement date: residents are told before the "
                    "meeting; %(date)s is after the meeting (%(meeting)s).")
                    % {"date": announcement.date,
                       "meeting": meeting.date_meeting})
            if announcement.date > fields.Date.context_today(self):
                raise ValidationError(_(
                    "Announcement date: an announcement is recorded once "
                    "made; %s is in the future.") % announcement.date)

    @api.constrains("link", "proof", "date")
    def _check_proof(self):
        for announcement in self:
            if not announcement.link and not announcement.proof and \
                    not announcement.meeting_id.materials_removed_on:
                raise ValidationError(_(
                    "Proof: attach the announcement or give its link."))
