# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrActionsReport(models.Model):
    """R15: every print of a register record is journaled, once (a PDF is
    rendered through its HTML), refused prints included."""

    _inherit = "ir.actions.report"

    @api.multi
    def _journal_print(self, res_ids, render):
        """Run ``render()`` as one journaled print of ``res_ids``. The user
        must be allowed to read every printed record: checked before the
        rendering, so that a refusal is a clean AccessError (journaled as
        refused), not an error inside the template."""
        journaled = type(self.env["uchaske.access.journal.mixin"])
        if len(self) != 1 or self.model not in self.env or not isinstance(
                self.env[self.model], journaled):
            return render()
        records = self.env[self.model].browse(res_ids or [])

        def call():
            records.check_access_rights("read")
            records.check_access_rule("read")
            return render()
        return records._journal_call("print", call, details=self.report_name,
                                     ids=records.ids)

    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        parent = super(IrActionsReport, self).render_qweb_pdf
        return self._journal_print(
            res_ids, lambda: parent(res_ids=res_ids, data=data))

    @api.multi
    def render_qweb_html(self, docids, data=None):
        parent = super(IrActionsReport, self).render_qweb_html
        return self._journal_print(docids, lambda: parent(docids, data=data))
