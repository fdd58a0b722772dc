# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools.convert import convert_file

_logger = logging.getLogger(__name__)

#: the demo company's name on printed forms, in each language
PRINT_NAME_DEMO = "demo/res_company_print_name_demo.xml"


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

    @api.model
    def _uchaske_fill_print_names(self):
        """Give the main company its name on printed forms where it has
        none (migration 11.0.2.2.0): the demo writes it at install only
        (noupdate), so a database made before the field existed printed the
        company's name, in English. With the demo installed its names in
        each language are loaded again; without it there is nothing to
        copy (the official name is the administrator's to type, Settings >
        Companies), which the log says. True if the names were filled."""
        company = self.env.ref("base.main_company", raise_if_not_found=False)
        if not company or company.with_context(lang="en_US").uchaske_print_name:
            return False
        module = self.env["ir.module.module"].search(
            [("name", "=", "uchaske_base")])
        if not module.demo:
            _logger.warning(
                "%s has no name on printed forms: the prints show the "
                "company's name until it is filled in (Settings > "
                "Companies)", company.name)
            return False
        convert_file(self.env.cr, "uchaske_base", PRINT_NAME_DEMO, {},
                     mode="init", noupdate=True, kind="demo")
        company.invalidate_cache(["uchaske_print_name"])
        return True
