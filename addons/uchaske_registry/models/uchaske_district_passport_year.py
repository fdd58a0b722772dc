# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class UchaskeDistrictPassportYear(models.Model):
    """A1 §3: the foreigners of the district are counted from the list of
    Appendix 4 (R17.3), not typed."""

    _inherit = "uchaske.district.passport.year"

    @api.model
    def _counted_figures(self):
        sources = super(UchaskeDistrictPassportYear, self)._counted_figures()
        sources["foreigners"] = _("counted from the list of Appendix 4")
        return sources

    @api.multi
    def _count_figures(self):
        counts = super(UchaskeDistrictPassportYear, self)._count_figures()
        # a count, no row of the register is read: plain SQL, so that the
        # figure does not add an R15 journal row each time it is refreshed;
        # one grouped statement for all the columns (the new year's 5,000)
        district_of = {record.id: record.sudo().passport_id.district_id.id
                       for record in self}
        self.env.cr.execute(
            "SELECT district_id, count(*) FROM uchaske_foreigner "
            "WHERE district_id = ANY(%s) AND active GROUP BY district_id",
            [list(set(district_of.values()))])
        found = dict(self.env.cr.fetchall())
        for record_id, figures in counts.items():
            figures["foreigners"] = found.get(district_of[record_id], 0)
        return counts
