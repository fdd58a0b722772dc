# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import _, api, fields, models

from ..tools import pdf_footer


class IrActionsReport(models.Model):
    """Our prints (issue 7):

    * speak the language of the officer who prints them, whatever language
      the caller's context carries (an RPC call, a cron), unless the print
      asks for one of the installed languages (``data["uchaske_lang"]``,
      chosen at print time: the same list prints in Kazakh and Russian);
    * carry the running footer of the official layout on every page: the
      print date and "page x of y" (drawn after wkhtmltopdf, see
      ``tools/pdf_footer.py``); the rest of the layout is the QWeb template
      ``uchaske_base.report_layout``.
    """

    _inherit = "ir.actions.report"

    @api.multi
    def _uchaske_is_ours(self):
        self.ensure_one()
        return (self.model or "").startswith("uchaske.")

    @api.multi
    def _uchaske_print_lang(self, data=None):
        """The language to render this report in, or None (Odoo's rule)."""
        self.ensure_one()
        if not self._uchaske_is_ours():
            return None
        chosen = (data or {}).get("uchaske_lang")
        if chosen and chosen in dict(self.env["res.lang"].get_installed()):
            return chosen
        return self.env.user.lang or None

    @api.multi
    def _uchaske_with_print_lang(self, data=None):
        lang = self._uchaske_print_lang(data) if len(self) == 1 else None
        return self.with_context(lang=lang) if lang else self

    @api.multi
    def _uchaske_footer_texts(self):
        """(left text, page format) of the footer, in the print's language."""
        printed = fields.Datetime.context_timestamp(self, datetime.now())
        return (_("Printed on %s") % printed.strftime("%d.%m.%Y %H:%M"),
                _("Page %(page)s of %(pages)s"))

    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        report = self._uchaske_with_print_lang(data)
        content, kind = super(IrActionsReport, report).render_qweb_pdf(
            res_ids=res_ids, data=data)
        if kind == "pdf" and len(self) == 1 and self._uchaske_is_ours():
            left, page = report._uchaske_footer_texts()
            content = pdf_footer.add_footer(content, left, page)
        return content, kind

    @api.multi
    def render_qweb_html(self, docids, data=None):
        report = self._uchaske_with_print_lang(data)
        return super(IrActionsReport, report).render_qweb_html(docids, data=data)
