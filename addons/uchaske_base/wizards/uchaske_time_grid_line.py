# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeTimeGridLine(models.TransientModel):
    """One cell of the working time grid: an officer's hours on a day (R8)."""

    _name = "uchaske.time.grid.line"
    _description = "Working time grid cell"
    _order = "day, user_id"

    grid_id = fields.Many2one(
        "uchaske.time.grid", required=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Officer", readonly=True)
    day = fields.Char(readonly=True)
    hours = fields.Float(digits=(4, 2), readonly=True)
