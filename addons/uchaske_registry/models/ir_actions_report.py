# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrActionsReport(models.Model):
    """R15: every print of a register record is journaled."""

    _inherit = "ir.actions.report"

    @api.multi
    def _journal_print(self, res_ids):
        journaled = type(self.env["uchaske.access.journal.mixin"])
        for report in self:
            if report.model in self.env and isinstance(
                    self.env[report.model], journaled):
                self.env["uchaske.access.log"]._journal(
                    "print", report.model, res_ids or [],
                    details=report.report_name)

    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        self._journal_print(res_ids)
        return super(IrActionsReport, self).render_qweb_pdf(res_ids=res_ids, data=data)

    @api.multi
    def render_qweb_html(self, docids, data=None):
        self._journal_print(docids)
        return super(IrActionsReport, self).render_qweb_html(docids, data=data)
