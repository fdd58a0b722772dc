# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class UchaskeDistrictReport(models.Model):
    """The figures of a district for a period, for the inspector's report
    to the population (R29, R30). Other addons extend
    :meth:`_report_figures` with their own figures (the register: cases by
    category, checks, transfers), so that a report meeting shows whatever is
    installed and works without any of them."""

    _inherit = "uchaske.district"

    @api.multi
    def _report_figures(self, date_from, date_to):
        """Ordered list of ``(label, value)`` of these districts between
        ``date_from`` and ``date_to`` (ISO dates, both included). Labels are
        translated in the caller's language; overrides call super and append.
        Read as superuser: the report is the inspector's to present."""
        return []
