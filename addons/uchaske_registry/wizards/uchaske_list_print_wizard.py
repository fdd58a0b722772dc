# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..report.uchaske_list_print import LISTS


class UchaskeListPrintWizard(models.TransientModel):
    """Print a list of Appendices 2-4 (R17) or the register: for a district,
    a police point, a department, or the entries selected in the list (its
    current filter); A3 as of a date; in Kazakh or Russian (the user's
    language by default); as the PDF form or as XLSX (an export, R15)."""

    _name = "uchaske.list.print.wizard"
    _description = "Print a list (Appendices 2-4, register)"

    @api.model
    def _selection_lang(self):
        return self.env["res.lang"].get_installed()

    @api.model
    def _default_lang(self):
        installed = dict(self._selection_lang())
        return self.env.user.lang if self.env.user.lang in installed else (
            installed and sorted(installed)[0])

    @api.model
    def _default_scope(self):
        return "selected" if self.env.context.get("active_ids") else "district"

    model_name = fields.Char(
        required=True, default=lambda self: self.env.context.get("active_model"))
    scope = fields.Selection([
        ("selected", "The entries selected in the list"),
        ("district", "A district"),
        ("post", "A police point"),
        ("department", "A department"),
    ], required=True, default=_default_scope)
    district_id = fields.Many2one(
        "uchaske.district",
        default=lambda self: self.env.user.uchaske_district_ids[:1])
    post_id = fields.Many2one("uchaske.post", string="Police point")
    department_id = fields.Many2one(
        "uchaske.department",
        default=lambda self: self.env.user.uchaske_department_id)
    as_of = fields.Date(string="As of", required=True,
                        default=fields.Date.context_today,
                        help="Appendix 3 is drawn up as of a date.")
    lang = fields.Selection(_selection_lang, string="Language", required=True,
                            default=_default_lang)
    output = fields.Selection([
        ("pdf", "PDF form"),
        ("xlsx", "XLSX table"),
    ], required=True, default="pdf")
    is_as_of_list = fields.Boolean(compute="_compute_is_as_of_list")

    @api.depends("model_name")
    def _compute_is_as_of_list(self):
        for wizard in self:
            wizard.is_as_of_list = wizard.model_name == "uchaske.noncustodial.person"

    @api.multi
    def _domain_and_label(self):
        """The filter of the scope and its line under the title, in the
        language of the print (``self`` carries it in its context)."""
        self.ensure_one()
        scopes = {
            "district": ("district_id", _("District: %s")),
            "post": ("post_id", _("Police point: %s")),
            "department": ("department_id", _("Department: %s")),
        }
        if self.scope == "selected":
            domain = self.env.context.get("active_domain") or [
                ("id", "in", self.env.context.get("active_ids") or [])]
            return list(domain), ""
        name, label = scopes[self.scope]
        value = self[name]
        if not value:
            raise UserError(_("Choose what to print the list for."))
        return [(name, "=", value.id)], label % value.display_name

    @api.multi
    def action_print(self):
        self.ensure_one()
        if self.model_name not in LISTS:
            raise UserError(_("%s is not a printed list.") % self.model_name)
        _appendix, pdf, xlsx = LISTS[self.model_name]
        report_name = xlsx if self.output == "xlsx" or not pdf else pdf
        report = self.env["ir.actions.report"]._get_report_from_name(report_name)
        model = self.env[self.model_name].with_context(as_of=self.as_of)
        if report.report_type == "xlsx":
            model._journal_check_export(details=report_name)
        domain, label = self.with_context(lang=self.lang)._domain_and_label()
        if self.is_as_of_list:
            domain = domain + [("listed_on_date", "=", True)]
        entries = model.search(domain)
        data = {"ids": entries.ids, "as_of": self.as_of,
                "uchaske_lang": self.lang, "scope_label": label}
        return report.report_action(entries, data=data, config=False)
