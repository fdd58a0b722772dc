# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskePassportDormitory(models.Model):
    """A1 section 5: dormitories and hotels (columns 1-5)."""

    _name = "uchaske.passport.dormitory"
    _inherit = ["uchaske.passport.entry.mixin"]
    _description = "Dormitory, hotel (A1 §5)"
    _order = "passport_id, number, id"
    _passport_figures = {"dormitory": "dormitories"}

    kind = fields.Selection(
        [("dormitory", "Dormitory"), ("hotel", "Hotel")], required=True,
        default="dormitory")
    # column 3
    address = fields.Char()
    # column 4 (filled in pencil)
    head_contacts = fields.Text(
        string="Head, commandant, watchman: name, phones, address")
    # column 5
    access_regime = fields.Selection(
        [("men", "Men"), ("women", "Women"), ("family", "Family"),
         ("mixed", "Mixed")], string="Access regime")
    access_control = fields.Boolean(string="Access control in place")
