# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeMonthlyReviewLine(models.Model):
    """One figure of a monthly review (R10, R24.6), written by
    ``uchaske.monthly.review._review_fill``."""

    _name = "uchaske.monthly.review.line"
    _description = "Figure of a monthly review"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "uchaske.monthly.review", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer()
    key = fields.Char(required=True)
    name = fields.Char(string="Figure", required=True, translate=False)
    value = fields.Float(digits=(12, 2))
