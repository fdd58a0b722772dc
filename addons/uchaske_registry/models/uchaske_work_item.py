# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.uchaske_base.core import dates


class UchaskeWorkItem(models.TransientModel):
    """"My work" also lists overdue supervision checks (R12)."""

    _inherit = "uchaske.work.item"

    @api.model
    def _prepare_deadline_items(self):
        items = super(UchaskeWorkItem, self)._prepare_deadline_items()
        cases = self.env["uchaske.registry.case"].search([
            ("check_overdue", "=", True), ("inspector_id", "=", self.env.uid)])
        for case in cases:
            items.append({
                "kind": "deadline",
                "res_model": case._name,
                "res_id": case.id,
                "model_name": case._description,
                "record_name": case.display_name,
                "name": "R12: supervision check",
                "requirement_ref": "R12",
                "date_due": fields.Datetime.to_string(dates.end_of_day(
                    fields.Date.from_string(case.next_check_due))),
                "overdue": True,
            })
        return items
