# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    """The company's name heads every printed form, and Odoo 11 stores it
    once, in one language (it is the name of its partner): a Kazakh or
    Russian print showed it in English (issue 13). The name on printed
    forms is translated like our other terms."""

    _inherit = "res.company"

    uchaske_print_name = fields.Char(
        string="Name on printed forms", translate=True,
        help="The full official name at the head of every printed form, in "
             "each language; the company's name when empty.")
