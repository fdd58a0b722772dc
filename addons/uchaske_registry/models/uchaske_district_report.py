# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

#: the states of a case that is on the register
_ACTIVE_STATES = ("registered", "supervised", "transfer", "closing")


class UchaskeDistrictReport(models.Model):
    """The register's figures for the inspector's report (R29, R30)."""

    _inherit = "uchaske.district"

    @api.multi
    def _report_figures(self, date_from, date_to):
        figures = super(UchaskeDistrictReport, self)._report_figures(
            date_from, date_to)
        cases = self.env["uchaske.registry.case"].sudo()
        in_districts = [("district_id", "in", self.ids)]
        groups = cases.read_group(
            in_districts + [("state", "in", _ACTIVE_STATES)],
            ["category_id"], ["category_id"], orderby="category_id")
        for group in groups:
            figures.append((
                _("On the register: %s") % (group["category_id"] or
                                            (0, _("no category")))[1],
                group["category_id_count"]))
        figures.append((_("Registered in the period"), cases.search_count(
            in_districts + [("registered_on", ">=", date_from),
                            ("registered_on", "<=", date_to)])))
        figures.append((_("Supervision checks in the period"),
                        self.env["uchaske.registry.check"].sudo().search_count(
                            in_districts + [("date", ">=", date_from),
                                            ("date", "<=", date_to)])))
        figures.append((_("Transfers on relocation in the period"),
                        self.env["uchaske.registry.transfer"].sudo().search_count(
                            in_districts + [
                                ("move_date", ">=", date_from + " 00:00:00"),
                                ("move_date", "<=", date_to + " 23:59:59")])))
        return figures
