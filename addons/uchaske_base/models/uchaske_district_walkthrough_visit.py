# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import passport as rules

from .uchaske_scope_mixin import SUPERVISORS_READ_ONLY


class UchaskeDistrictWalkthroughVisit(models.Model):
    """R5: one visit of the walkthrough (apartment or yard)."""

    _name = "uchaske.district.walkthrough.visit"
    _inherit = ["uchaske.scope.mixin"]
    # R2.3: the responsible inspector and the chief read, the district's
    # officers fill (the supervisor signs acts through the engine, R4)
    _scope_read_only_roles = SUPERVISORS_READ_ONLY
    _description = "Walkthrough visit (R5)"
    _order = "date desc, id desc"
    _scope_anchor = "walkthrough_id"

    walkthrough_id = fields.Many2one(
        "uchaske.district.walkthrough", string="Walkthrough", required=True,
        ondelete="cascade", index=True)
    address = fields.Char(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    result = fields.Selection(
        [("met", "Residents met"), ("absent", "Nobody at home"),
         ("refused", "Refused to talk")], required=True, default="met")
    remarks = fields.Text()

    @api.constrains("date", "walkthrough_id")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for visit in self:
            appointed = visit.sudo().walkthrough_id.date_appointed
            problem = rules.visit_date_problem(visit.date, appointed, today)
            if problem == "before":
                raise ValidationError(_(
                    "Date: the visit of %(address)s (%(date)s) is before the "
                    "appointment (%(appointed)s, R5).") % {
                        "address": visit.address, "date": visit.date,
                        "appointed": appointed})
            if problem == "future":
                raise ValidationError(_(
                    "Date: the visit of %(address)s (%(date)s) is in the "
                    "future.") % {"address": visit.address, "date": visit.date})

    @api.constrains("walkthrough_id")
    def _check_open(self):
        for visit in self.sudo():
            if visit.walkthrough_id.state == "done":
                raise ValidationError(_(
                    "Walkthrough: it is declared done; no more visits (R5)."))
