# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class UchaskeMeetingPurgeLog(models.Model):
    """What the retention job removed (R32): kept, never edited."""

    _name = "uchaske.meeting.purge.log"
    _description = "Removed report meeting materials"
    _order = "date_removed desc, id desc"

    meeting_id = fields.Many2one("uchaske.meeting", ondelete="set null",
                                 readonly=True)
    meeting_name = fields.Char(readonly=True, string="Meeting")
    district_id = fields.Many2one("uchaske.district", readonly=True)
    department_id = fields.Many2one(
        related="district_id.department_id", store=True, readonly=True)
    date_meeting = fields.Date(readonly=True)
    date_removed = fields.Date(readonly=True)
    videos = fields.Integer(readonly=True, string="Videos removed")
    proofs = fields.Integer(readonly=True, string="Announcement proofs removed")
    participants = fields.Integer(readonly=True,
                                  string="Register entries removed")
    invitees = fields.Integer(readonly=True, string="Invitees removed")

    @api.multi
    def write(self, vals):
        self._check_kept()
        return super(UchaskeMeetingPurgeLog, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_kept()
        return super(UchaskeMeetingPurgeLog, self).unlink()

    @api.multi
    def _check_kept(self):
        if self:
            raise UserError(_("The removal log is kept as written."))
