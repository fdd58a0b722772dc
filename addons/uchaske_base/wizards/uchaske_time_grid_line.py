# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class UchaskeTimeGridLine(models.TransientModel):
    """One cell of the working time grid: an officer's hours on a day (R8).
    The cells are built by the grid from the time entries the user may read
    and shown, never stored from a client: an officer of another
    department, made-up hours or another record's id sent over RPC are
    refused naming the field (the web client never saves the grid)."""

    _name = "uchaske.time.grid.line"
    _description = "Working time grid cell"
    _order = "day, user_id"

    grid_id = fields.Many2one(
        "uchaske.time.grid", string="Grid", required=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Officer", readonly=True)
    day = fields.Char(readonly=True)
    hours = fields.Float(digits=(4, 2), readonly=True)

    @api.model
    def create(self, vals):
        self._check_cells_not_given(vals)
        return super(UchaskeTimeGridLine, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_cells_not_given(vals)
        return super(UchaskeTimeGridLine, self).write(vals)

    @api.model
    def _check_cells_not_given(self, vals):
        """R8: refuse a cell sent by a client, naming the first field of
        ``vals`` (the officer first)."""
        name = next((field for field in ("user_id", "day", "hours", "grid_id")
                     if field in vals), "hours")
        raise self._uchaske_field_error(name, self._cells_refusal(), UserError)

    @api.model
    def _cells_refusal(self):
        return _("the grid only shows the recorded working time; record it "
                 "as time entries (R8).")
