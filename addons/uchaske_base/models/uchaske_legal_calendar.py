# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from uchaske_rules import dates


class UchaskeLegalCalendar(models.AbstractModel):
    """Bridge from Odoo's working calendars to the pure date arithmetic of
    ``uchaske_rules.dates``: which weekdays are worked and which days are public
    holidays (global leaves of the calendar)."""

    _name = "uchaske.legal.calendar"
    _description = "Working calendar for legal deadlines"

    @api.model
    def _default_resource_calendar(self):
        return self.env.ref(
            "uchaske_base.resource_calendar_kz", raise_if_not_found=False) or \
            self.env.user.company_id.resource_calendar_id

    @api.model
    def _get_work_calendar(self, calendar=None):
        calendar = (calendar or self._default_resource_calendar()).sudo()
        weekdays = frozenset(int(a.dayofweek) for a in calendar.attendance_ids) \
            or frozenset(range(5))
        holidays = set()
        for leave in calendar.leave_ids.filtered(lambda leave: not leave.resource_id):
            day = fields.Datetime.from_string(leave.date_from).date()
            last = fields.Datetime.from_string(leave.date_to).date()
            while day <= last:
                holidays.add(day)
                day += timedelta(days=1)
        return dates.WorkCalendar(weekdays=weekdays, holidays=frozenset(holidays))
