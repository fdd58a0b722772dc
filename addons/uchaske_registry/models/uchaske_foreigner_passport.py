# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class UchaskeForeigner(models.Model):
    """A1 §3: the district passport's foreigners follow the A4 list."""

    _inherit = "uchaske.foreigner"

    @api.multi
    def _refresh_passports(self, districts):
        passports = self.env["uchaske.district.passport"].sudo().search(
            [("district_id", "in", districts.ids)])
        passports._refresh_counts()

    @api.model
    def create(self, vals):
        entry = super(UchaskeForeigner, self).create(vals)
        entry._refresh_passports(entry.sudo().district_id)
        return entry

    @api.multi
    def write(self, vals):
        before = self.sudo().mapped("district_id")
        result = super(UchaskeForeigner, self).write(vals)
        if {"district_id", "active"} & set(vals):
            self._refresh_passports(before | self.sudo().mapped("district_id"))
        return result

    @api.multi
    def unlink(self):
        districts = self.sudo().mapped("district_id")
        result = super(UchaskeForeigner, self).unlink()
        self._refresh_passports(districts)
        return result
