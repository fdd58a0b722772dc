# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from uchaske_rules import daily_work


class UchaskeDailyWorkMixin(models.AbstractModel):
    """Local time of the department and the working calendar, shared by the
    records of the inspector's day (R8, R9, R23.3)."""

    _name = "uchaske.daily.work.mixin"
    _description = "Local time of the inspector's day"

    @api.model
    def _daily_tz(self, department=None):
        department = department or self.env.user.sudo().uchaske_department_id
        return department._local_tz() if department else daily_work.DEFAULT_TZ

    @api.model
    def _daily_local(self, moment, department=None):
        """A stored (UTC) datetime string as the department's local time."""
        return daily_work.to_local(fields.Datetime.from_string(moment),
                                   self._daily_tz(department))

    @api.model
    def _daily_calendar(self):
        return self.env["uchaske.legal.calendar"]._get_work_calendar()
