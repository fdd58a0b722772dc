# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .uchaske_passport_entry_mixin import OBJECT_FIGURES, OBJECT_KINDS


class UchaskePassportEnterprise(models.Model):
    """A1 section 4: enterprises, institutions, organisations (columns 1-9)."""

    _name = "uchaske.passport.enterprise"
    _inherit = ["uchaske.passport.entry.mixin"]
    _description = "Enterprise, institution, organisation (A1 §4)"
    _order = "passport_id, number, id"
    _passport_figures = OBJECT_FIGURES

    kind = fields.Selection(OBJECT_KINDS, required=True, default="enterprise")
    # column 3
    ownership = fields.Char(string="Form of ownership")
    # column 4
    address = fields.Char()
    # column 5 (filled in pencil)
    head_contacts = fields.Text(
        string="Head, security chief: name, phones, home address")
    # column 6
    work_schedule = fields.Char(string="Work schedule")
    # column 7
    security = fields.Char(string="Type of security, security/fire alarm")
    # column 8
    video_surveillance = fields.Char(string="Video surveillance installed")
    # column 9
    note = fields.Text(string="Notes (workers, vehicles, etc.)")
