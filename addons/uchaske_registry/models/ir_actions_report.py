# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrActionsReport(models.Model):
    """R15: every print of a register record is journaled, once (a PDF is
    rendered through its HTML), refused prints included. An XLSX print
    (OCA ``report_xlsx``) is an export: only the roles that may export the
    register run it, and it is journaled as one "export"."""

    _inherit = "ir.actions.report"

    @api.model
    def _journal_ids(self, res_ids, data):
        """The printed ids: ``res_ids``, else those of a print with options
        (``data["ids"]``, see ``report/uchaske_list_print.py``)."""
        return list(res_ids or (data or {}).get("ids") or [])

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
            self._journal_ids(res_ids, data),
            lambda: parent(res_ids=res_ids, data=data))

    @api.multi
    def render_qweb_html(self, docids, data=None):
        parent = super(IrActionsReport, self).render_qweb_html
        return self._journal_print(self._journal_ids(docids, data),
                                   lambda: parent(docids, data=data))

    @api.model
    def render_xlsx(self, docids, data):
        """An XLSX of the register is an export (R15): refused (and
        journaled as refused) to the roles that may not export; else the
        records are checked readable and the export journaled once. In
        the print's language, as the PDF."""
        report = self._uchaske_with_print_lang(data)
        parent = super(IrActionsReport, report).render_xlsx
        journaled = type(self.env["uchaske.access.journal.mixin"])
        if len(self) != 1 or self.model not in self.env or not isinstance(
                self.env[self.model], journaled):
            return parent(docids, data)
        records = self.env[self.model].browse(self._journal_ids(docids, data))
        records._journal_check_export(records.ids, self.report_name)

        def call():
            records.check_access_rights("read")
            records.check_access_rule("read")
            return parent(docids, data)
        return records._journal_call("export", call, details=self.report_name,
                                     ids=records.ids)
