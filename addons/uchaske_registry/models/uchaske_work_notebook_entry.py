# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UchaskeWorkNotebookEntry(models.Model):
    """R22.2: an entry of individual preventive work names the register
    case it belongs to (a case the officer may read)."""

    _inherit = "uchaske.work.notebook.entry"

    case_id = fields.Many2one(
        "uchaske.registry.case", string="Register case", index=True,
        ondelete="restrict")

    @api.constrains("kind", "case_id")
    def _check_case(self):
        for entry in self:
            if entry.case_id and entry.kind != "individual_work":
                raise ValidationError(_(
                    "Register case: only an entry of individual preventive "
                    "work names a case (R22.2)."))
