# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class UchaskeTimeGrid(models.TransientModel):
    """Working time of a month as an officer x day grid (R8), shown with
    OCA's ``x2many_2d_matrix`` widget: the hours of the time entries the
    user may read (his own; his police point's as responsible inspector;
    his department's as chief), one row per officer, one column per day,
    with the totals."""

    _name = "uchaske.time.grid"
    _description = "Working time grid"

    date_month = fields.Date(
        string="Month", required=True,
        default=lambda self: self._default_date_month(),
        help="Any day of the month shown.")
    line_ids = fields.One2many(
        "uchaske.time.grid.line", "grid_id", string="Hours by officer and day",
        readonly=True)

    @api.model
    def _default_date_month(self):
        return fields.Date.to_string(fields.Date.from_string(
            fields.Date.context_today(self)).replace(day=1))

    @api.model
    def default_get(self, fields_list):
        values = super(UchaskeTimeGrid, self).default_get(fields_list)
        if "line_ids" in fields_list:
            values["line_ids"] = [(0, 0, line) for line in self._grid_lines(
                values.get("date_month") or self._default_date_month())]
        return values

    @api.onchange("date_month")
    def _onchange_date_month(self):
        if self.date_month:
            self.line_ids = [(5, 0, 0)] + [
                (0, 0, line) for line in self._grid_lines(self.date_month)]

    @api.model
    def _grid_entries(self, start, end):
        """The time entries of [start, end) the user may read (the record
        rules of the time entries decide whose)."""
        return self.env["uchaske.time.entry"].search([
            ("day", ">=", fields.Date.to_string(start)),
            ("day", "<", fields.Date.to_string(end))])

    @api.model
    def _grid_lines(self, date_month):
        """One line per officer and day of the month: the hours worked."""
        start = fields.Date.from_string(date_month).replace(day=1)
        end = start + relativedelta(months=1)
        entries = self._grid_entries(start, end)
        hours = defaultdict(float)
        for entry in entries:
            hours[(entry.user_id.id, entry.day)] += entry.hours
        officers = (entries.mapped("user_id") | self.env.user).sorted(
            lambda user: user.name or "")
        days = [start + timedelta(days=offset)
                for offset in range((end - start).days)]
        # days outside, officers inside: the widget's columns come in the
        # order it first meets them -- as keys of a JavaScript object, where
        # integer-like keys ("10") would jump ahead of "01": "dd.mm"
        return [{"user_id": officer.id, "day": day.strftime("%d.%m"),
                 "hours": hours[(officer.id, fields.Date.to_string(day))]}
                for day in days for officer in officers]

    @api.model
    def create(self, vals):
        self._check_cells_not_given(vals)
        # the cells are built for the screen (default_get, onchange); a
        # stored grid keeps none, not even its defaults
        return super(UchaskeTimeGrid, self).create(dict(vals, line_ids=[]))

    @api.multi
    def write(self, vals):
        self._check_cells_not_given(vals)
        return super(UchaskeTimeGrid, self).write(vals)

    @api.model
    def _check_cells_not_given(self, vals):
        """R8: the cells come from the time entries (``_grid_lines``),
        never from a client."""
        if vals.get("line_ids"):
            raise self._uchaske_field_error(
                "line_ids", self.env["uchaske.time.grid.line"]._cells_refusal(),
                UserError)
