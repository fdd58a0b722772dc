# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class UchaskeNoncustodialAsOf(models.TransientModel):
    """A3: the list of persons sentenced without isolation from society is
    drawn up "as of" a date: open it for the date chosen."""

    _name = "uchaske.noncustodial.as.of"
    _description = "Appendix 3 list as of a date"

    as_of = fields.Date(string="As of", required=True,
                        default=fields.Date.context_today)
    district_id = fields.Many2one(
        "uchaske.district", help="Leave empty for all the districts you see.")

    @api.multi
    def action_open(self):
        self.ensure_one()
        action = self.env.ref(
            "uchaske_registry.uchaske_noncustodial_person_action").read()[0]
        domain = [("listed_on_date", "=", True)]
        if self.district_id:
            domain.append(("district_id", "=", self.district_id.id))
        action.update({
            "name": _("Appendix 3 as of %s") % self.as_of,
            "domain": domain,
            "context": {"as_of": self.as_of},
        })
        return action
