# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.addons.base.res.res_partner import _tz_get

from uchaske_rules import daily_work


class UchaskeDepartment(models.Model):
    """The department's local time: reception hours (R9) and the working
    day of rural calls (R23.3) are its wall-clock time."""

    _inherit = "uchaske.department"

    tz = fields.Selection(
        _tz_get, string="Time zone", default=daily_work.DEFAULT_TZ,
        help="Local time of the department (R9 reception hours).")

    @api.multi
    def _local_tz(self):
        return self[:1].sudo().tz or daily_work.DEFAULT_TZ
