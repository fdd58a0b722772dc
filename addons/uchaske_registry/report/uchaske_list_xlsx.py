# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The XLSX lists of Appendices 2-4 and of the register (OCA
``report_xlsx``): the same title and columns as the PDF form (read from
``uchaske.list.print``), the column-number row, one row per entry. Who may
export and the journal (R15): ``models/ir_actions_report.py``."""
from odoo import models


class ReportAppendix2Xlsx(models.AbstractModel):
    _name = "report.uchaske_registry.appendix2_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Appendix 2 list (XLSX)"
    _list_model = "uchaske.firearm.owner"

    def _get_objs_for_report(self, docids, data):
        return self.env["uchaske.list.print"]._entries(
            self._list_model, docids, data)

    def generate_xlsx_report(self, workbook, data, objs):
        values = self.env["uchaske.list.print"]._list_values(
            self._list_model, objs.ids, data)
        sheet = workbook.add_worksheet(values["report_title"][:31])
        bold = workbook.add_format({"bold": True})
        wrap = workbook.add_format({"border": 1, "text_wrap": True,
                                    "valign": "top"})
        head = workbook.add_format({"border": 1, "bold": True, "text_wrap": True,
                                    "align": "center", "valign": "vcenter"})
        number = workbook.add_format({"border": 1, "align": "center"})
        row = 0
        if values["appendix_note"]:
            sheet.write(row, 0, values["appendix_note"])
            row += 1
        sheet.write(row, 0, values["report_title"], bold)
        row += 1
        if values["report_subtitle"]:
            sheet.write(row, 0, values["report_subtitle"])
            row += 1
        row += 1
        columns = values["columns"]
        for col, title in enumerate(columns):
            sheet.write(row, col, title, head)
            sheet.write(row + 1, col, col + 1, number)
            sheet.set_column(col, col, 6 if col == 0 else 24)
        sheet.freeze_panes(row + 2, 0)
        for line in values["rows"]:
            row += 1
            sheet.write_row(row + 1, 0, line, wrap)
        if values["signature_title"]:
            sheet.write(row + 3, 0, values["signature_title"])
            sheet.write(row + 3, 2, "_" * 20)


class ReportAppendix3Xlsx(models.AbstractModel):
    _name = "report.uchaske_registry.appendix3_xlsx"
    _inherit = "report.uchaske_registry.appendix2_xlsx"
    _description = "Appendix 3 list (XLSX)"
    _list_model = "uchaske.noncustodial.person"


class ReportAppendix4Xlsx(models.AbstractModel):
    _name = "report.uchaske_registry.appendix4_xlsx"
    _inherit = "report.uchaske_registry.appendix2_xlsx"
    _description = "Appendix 4 list (XLSX)"
    _list_model = "uchaske.foreigner"


class ReportRegisterXlsx(models.AbstractModel):
    _name = "report.uchaske_registry.register_xlsx"
    _inherit = "report.uchaske_registry.appendix2_xlsx"
    _description = "Preventive register (XLSX)"
    _list_model = "uchaske.registry.case"
