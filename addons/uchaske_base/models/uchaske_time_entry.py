# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import daily_work


class UchaskeTimeEntry(models.Model):
    """Working time of an officer (R8): at most 8 hours a day by the Labour
    Code; work beyond, at night, on weekends and holidays is marked."""

    _name = "uchaske.time.entry"
    _description = "Working time entry"
    _inherit = ["uchaske.scope.mixin", "uchaske.daily.work.mixin"]
    _scope_kind = "person"
    _order = "date_start desc, id desc"
    #: stored from the start and the end (R8): never taken from a client,
    #: or an officer could write away his overtime or move a day
    _time_marks = ("day", "hours", "overtime_hours", "overtime",
                   "night_hours", "weekend", "holiday")

    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, index=True,
        default=lambda self: self.env.user)
    date_start = fields.Datetime(string="Start", required=True)
    date_end = fields.Datetime(string="End", required=True)
    day = fields.Date(compute="_compute_marks", store=True, index=True)
    hours = fields.Float(compute="_compute_marks", store=True, digits=(4, 2))
    overtime_hours = fields.Float(
        compute="_compute_marks", store=True, digits=(4, 2),
        help="Hours beyond the 8-hour working day (R8).")
    overtime = fields.Boolean(compute="_compute_marks", store=True)
    night_hours = fields.Float(
        compute="_compute_marks", store=True, digits=(4, 2),
        help="Hours between 22:00 and 06:00 (R8).")
    weekend = fields.Boolean(compute="_compute_marks", store=True)
    holiday = fields.Boolean(compute="_compute_marks", store=True)
    note = fields.Char(string="Work done")

    @api.multi
    def name_get(self):
        return [(entry.id, "%s, %s" % (entry.sudo().user_id.name, entry.day or ""))
                for entry in self]

    @api.depends("date_start", "date_end", "user_id")
    def _compute_marks(self):
        calendar = self._daily_calendar()
        for entry in self:
            if not (entry.date_start and entry.date_end):
                continue
            department = entry.sudo().user_id.uchaske_department_id
            start = self._daily_local(entry.date_start, department)
            end = self._daily_local(entry.date_end, department)
            marks = daily_work.entry_marks(start, end, calendar)
            entry.day = start.date()
            entry.hours = marks["hours"]
            entry.overtime_hours = marks["overtime_hours"]
            entry.overtime = marks["overtime_hours"] > 0
            entry.night_hours = marks["night_hours"]
            entry.weekend = marks["weekend"]
            entry.holiday = marks["holiday"]

    @api.constrains("date_start", "date_end", "user_id")
    def _check_times(self):
        """One stretch of work: it ends after it starts, lasts at most 24
        hours and does not overlap another entry of the same officer."""
        for entry in self:
            start = fields.Datetime.from_string(entry.date_start)
            end = fields.Datetime.from_string(entry.date_end)
            problem = daily_work.entry_problem(start, end)
            if problem == "order":
                raise ValidationError(_("End: the end comes after the start."))
            if problem == "too_long":
                raise ValidationError(_(
                    "End: one time entry covers at most 24 hours; record "
                    "longer work as several entries."))
            # sudo: an overlap with any entry of the officer counts
            other = self.sudo().search([
                ("id", "!=", entry.id), ("user_id", "=", entry.user_id.id),
                ("date_start", "<", entry.date_end),
                ("date_end", ">", entry.date_start)], limit=1)
            if other:
                raise ValidationError(_(
                    "Start: this time overlaps another entry of the same "
                    "officer (%s).") % other.date_start)

    @api.model
    def create(self, vals):
        self._check_marks_not_given(vals)
        return super(UchaskeTimeEntry, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_marks_not_given(vals)
        return super(UchaskeTimeEntry, self).write(vals)

    @api.model
    def _check_marks_not_given(self, vals):
        """R8: the hours, overtime, night hours and the day follow from the
        start and the end; a value sent for one of them is refused naming
        it (the ORM's own recomputation writes them without ``write``)."""
        given = [name for name in self._time_marks if name in vals]
        if given:
            raise self._uchaske_field_error(given[0], _(
                "computed from the start and the end (R8); change those "
                "instead."))
