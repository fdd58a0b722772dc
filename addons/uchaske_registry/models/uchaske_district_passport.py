# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .uchaske_registry_case import OPEN_STATES


class UchaskeDistrictPassport(models.Model):
    """R4: the handover snapshot lists the district's open register cases
    by category."""

    _inherit = "uchaske.district.passport"

    @api.multi
    def _snapshot_register(self):
        rows = super(UchaskeDistrictPassport, self)._snapshot_register()
        self.ensure_one()
        # counts only (no case is read): no R15 journal row per snapshot
        self.env.cr.execute("""
            SELECT category_id, count(*) FROM uchaske_registry_case
             WHERE district_id = %s AND state IN %s
             GROUP BY category_id ORDER BY category_id""",
                            [self.district_id.id, tuple(OPEN_STATES)])
        counts = self.env.cr.fetchall()
        categories = self.env["uchaske.registry.category"].sudo().browse(
            [row[0] for row in counts])
        names = dict(categories.name_get())
        return rows + [(names.get(category_id, ""), count)
                       for category_id, count in counts]
