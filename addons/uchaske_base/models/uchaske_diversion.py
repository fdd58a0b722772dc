# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: R7: work inspectors and assistants must not be drawn into
KINDS = [
    ("patrol", "Patrolling"),
    ("public_order", "Public order at events outside the district"),
    ("guard", "Guarding objects"),
    ("forced_delivery", "Forced delivery"),
    ("draft_evaders", "Delivering draft evaders"),
    ("secondment", "Secondment to other services"),
    ("crime_search", "Personal crime search"),
]


class UchaskeDiversion(models.Model):
    """R7: an inspector or assistant drawn into work unrelated to their
    duties. Only on a recorded order (number, date) with a reason; personal
    crime search is part of the work in a rural district."""

    _name = "uchaske.diversion"
    _description = "Diversion from district work"
    _inherit = ["uchaske.scope.mixin"]
    _scope_kind = "district"
    _scope_inspector_field = "officer_id"
    _order = "date_from desc, id desc"

    officer_id = fields.Many2one(
        "res.users", string="Officer", required=True, index=True)
    district_id = fields.Many2one(required=True)
    kind = fields.Selection(KINDS, string="Work", required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    days = fields.Integer(compute="_compute_days", store=True)
    order_number = fields.Char(string="Order number")
    order_date = fields.Date()
    reason = fields.Text()

    @api.multi
    def name_get(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return [(diversion.id, "%s, %s" % (diversion.sudo().officer_id.name,
                                           kinds.get(diversion.kind, "")))
                for diversion in self]

    @api.depends("date_from", "date_to")
    def _compute_days(self):
        for diversion in self:
            if diversion.date_from and diversion.date_to:
                diversion.days = (
                    fields.Date.from_string(diversion.date_to)
                    - fields.Date.from_string(diversion.date_from)).days + 1

    @api.constrains("district_id", "officer_id")
    def _check_scope(self):
        self._check_district_scope()

    @api.constrains("kind", "district_id", "date_from", "date_to",
                    "order_number", "order_date", "reason")
    def _check_order(self):
        for diversion in self:
            if diversion.date_to < diversion.date_from:
                raise ValidationError(_("To: the end comes after the start."))
            if diversion.kind == "crime_search" and \
                    diversion.sudo().district_id.district_type == "rural":
                raise ValidationError(_(
                    "Work: personal crime search is part of the work in a "
                    "rural district, not a diversion (R7)."))
            if not (diversion.order_number or "").strip() or \
                    not diversion.order_date:
                raise ValidationError(_(
                    "Order number: a diversion from district work needs a "
                    "recorded order, its number and date (R7)."))
            if not (diversion.reason or "").strip():
                raise ValidationError(_(
                    "Reason: give the reason for the diversion (R7)."))
