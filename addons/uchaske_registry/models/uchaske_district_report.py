# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from uchaske_rules import daily_work

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
        # the period's days are the department's (a move at 01:00 on the
        # 1st in Almaty is of that month)
        start, end = (fields.Datetime.to_string(moment) for moment in
                      daily_work.utc_bounds(date_from, date_to,
                                            self[:1].department_id._local_tz()))
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
                                ("move_date", ">=", start),
                                ("move_date", "<=", end)])))
        return figures
