# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The PDF lists of Appendices 2-4 (R17): the rendering values of each
QWeb report (``report.<report name>``), read from ``uchaske.list.print``."""
from odoo import api, models


class ReportAppendix2(models.AbstractModel):
    _name = "report.uchaske_registry.report_appendix2"
    _description = "Appendix 2 list (PDF)"
    _list_model = "uchaske.firearm.owner"

    @api.model
    def get_report_values(self, docids, data=None):
        return self.env["uchaske.list.print"]._list_values(
            self._list_model, docids, data)


class ReportAppendix3(models.AbstractModel):
    _name = "report.uchaske_registry.report_appendix3"
    _inherit = "report.uchaske_registry.report_appendix2"
    _description = "Appendix 3 list (PDF)"
    _list_model = "uchaske.noncustodial.person"


class ReportAppendix4(models.AbstractModel):
    _name = "report.uchaske_registry.report_appendix4"
    _inherit = "report.uchaske_registry.report_appendix2"
    _description = "Appendix 4 list (PDF)"
    _list_model = "uchaske.foreigner"
