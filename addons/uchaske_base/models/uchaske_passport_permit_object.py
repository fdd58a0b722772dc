# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .uchaske_passport_entry_mixin import OBJECT_FIGURES, OBJECT_KINDS


class UchaskePassportPermitObject(models.Model):
    """A1 section 6: permit-system objects, enterprises with firearms,
    ammunition, explosives (columns 1-7). A kind other than "Other" counts
    the object in section 3 (leave "Other" when it is listed in §4 too)."""

    _name = "uchaske.passport.permit.object"
    _inherit = ["uchaske.passport.entry.mixin"]
    _description = "Permit-system object (A1 §6)"
    _order = "passport_id, number, id"
    _passport_figures = OBJECT_FIGURES

    kind = fields.Selection(OBJECT_KINDS, required=True, default="other")
    # column 2 (with the name)
    affiliation = fields.Char(
        string="Departmental affiliation (ministry, agency, address)")
    # column 3
    ownership = fields.Char(string="Form of ownership")
    # column 4
    address = fields.Char()
    # column 5 (filled in pencil)
    responsible_contacts = fields.Text(
        string="Person responsible: name, phones, home address")
    # column 6
    access_regime = fields.Char(string="Access-control regime")
    # column 7
    security = fields.Char(string="Type of security")
