# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UchaskePersonAddress(models.Model):
    """Address history of a person: the open row is the current address."""

    _name = "uchaske.person.address"
    _description = "Person address"
    _inherit = ["uchaske.access.journal.mixin"]  # R15
    _order = "date_from desc, id desc"

    person_id = fields.Many2one(
        "uchaske.person", required=True, ondelete="cascade", index=True)
    address = fields.Char(required=True)
    district_id = fields.Many2one("uchaske.district", index=True)
    date_from = fields.Date(string="Lives there since")
    date_to = fields.Date(string="Until")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for row in self.sudo():
            if row.date_from and row.date_to and row.date_to < row.date_from:
                raise ValidationError(_(
                    "The address period ends (%(end)s) before it starts "
                    "(%(start)s).") % {"end": row.date_to, "start": row.date_from})
