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
        # figure does not add an R15 journal row each time it is refreshed
        self.env.cr.execute(
            "SELECT count(*) FROM uchaske_foreigner "
            "WHERE district_id = %s AND active",
            [self.sudo().passport_id.district_id.id])
        counts["foreigners"] = self.env.cr.fetchone()[0]
        return counts
