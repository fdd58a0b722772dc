# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class UchaskeMonthlyReview(models.Model):
    """The register's figures in the monthly review (R10, R24.6): the
    supervision checks the officer made in the month (R12)."""

    _inherit = "uchaske.monthly.review"

    @api.model
    def _review_figures(self, officer, date_from, date_to):
        figures = super(UchaskeMonthlyReview, self)._review_figures(
            officer, date_from, date_to)
        Check = self.env["uchaske.registry.check"].sudo()
        base = [("user_id", "=", officer.id),
                ("date", ">=", date_from), ("date", "<=", date_to)]
        figures["registry_checks"] = (
            _("Supervision checks of registered persons (R12)"),
            Check.search_count(base))
        figures["registry_checks_violation"] = (
            _("Checks that found a violation"),
            Check.search_count(base + [("result", "=", "violation")]))
        return figures
