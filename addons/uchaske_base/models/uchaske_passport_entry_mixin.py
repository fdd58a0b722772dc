# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from uchaske_rules import passport as rules

from .uchaske_scope_mixin import SUPERVISORS_READ_ONLY

#: A1 section 3: the figure each kind of object of sections 4 and 6 feeds
OBJECT_KINDS = [
    ("enterprise", "Enterprise, institution"),
    ("jsc", "Joint-stock company"),
    ("farm", "Farm"),
    ("health", "Health institution"),
    ("trade", "Restaurant, café, shop, market, warehouse"),
    ("exchange", "Currency exchange point"),
    ("bank", "Bank"),
    ("post_office", "Post office"),
    ("education", "Educational institution"),
    ("car_park", "Car park, garage cooperative"),
    ("leisure", "Cultural leisure place"),
    ("sport", "Sports complex"),
    ("mosque", "Mosque"),
    ("church", "Church"),
    ("spiritual_school", "Spiritual school"),
    ("other", "Other"),
]
OBJECT_FIGURES = {
    "enterprise": "enterprises", "jsc": "joint_stock_companies",
    "farm": "farms", "health": "health_institutions", "trade": "trade_objects",
    "exchange": "exchange_points", "bank": "banks", "post_office": "post_offices",
    "education": "education_institutions", "car_park": "car_parks",
    "leisure": "leisure_places", "sport": "sports_complexes",
    "mosque": "mosques", "church": "churches",
    "spiritual_school": "spiritual_schools",
}


class UchaskePassportEntryMixin(models.AbstractModel):
    """An entry of sections 4-6 of the district passport (A1): a kind that
    feeds the figures of section 3, a "confirmed on" date and the stale
    flag (not confirmed for more than a year), refreshed daily by the
    passport's job."""

    _name = "uchaske.passport.entry.mixin"
    _inherit = ["uchaske.scope.mixin"]
    # R2.3: the responsible inspector and the chief read, the district's
    # officers fill (the supervisor signs acts through the engine, R4)
    _scope_read_only_roles = SUPERVISORS_READ_ONLY
    _description = "Entry of the district passport (A1 sections 4-6)"
    _order = "passport_id, number, id"
    _scope_anchor = "passport_id"
    _uchaske_past_date_fields = ("date_confirmed",)
    _uchaske_non_negative_fields = ("number",)
    #: {kind: figure of section 3}
    _passport_figures = {}

    passport_id = fields.Many2one(
        "uchaske.district.passport", string="Passport", required=True,
        ondelete="cascade", index=True)
    # column 1
    number = fields.Integer(string="No.")
    # column 2
    name = fields.Char(required=True)
    date_confirmed = fields.Date(
        string="Confirmed on", default=fields.Date.context_today,
        help="Last day the inspector confirmed this entry (A1: stale after a "
             "year).")
    is_stale = fields.Boolean(
        string="Stale", compute="_compute_is_stale", store=True,
        help="Not confirmed for more than a year (A1); refreshed every day.")

    @api.depends("date_confirmed")
    def _compute_is_stale(self):
        today = fields.Date.context_today(self)
        for entry in self:
            entry.is_stale = rules.is_stale(entry.date_confirmed, today)

    @api.model
    def create(self, vals):
        if not vals.get("number") and vals.get("passport_id"):
            last = self.sudo().search([("passport_id", "=", vals["passport_id"])],
                                      order="number desc", limit=1)
            vals = dict(vals, number=(last.number or 0) + 1)
        entry = super(UchaskePassportEntryMixin, self).create(vals)
        entry.passport_id._refresh_counts()
        return entry

    @api.multi
    def write(self, vals):
        passports = self.mapped("passport_id")
        result = super(UchaskePassportEntryMixin, self).write(vals)
        if {"kind", "passport_id", "active"} & set(vals):
            (passports | self.mapped("passport_id"))._refresh_counts()
        return result

    @api.multi
    def unlink(self):
        passports = self.mapped("passport_id")
        result = super(UchaskePassportEntryMixin, self).unlink()
        passports._refresh_counts()
        return result

    @api.multi
    def action_confirm_entry(self):
        """The inspector checked the entry today (A1)."""
        self.write({"date_confirmed": fields.Date.context_today(self)})
        return True

    @api.model
    def _cron_refresh_stale(self):
        """Entries whose year has run out since yesterday become stale."""
        today = fields.Date.context_today(self)
        # the few candidates by the date, not every fresh entry of the
        # country read each day; the rule decides (issue 14)
        entries = self.sudo().search([
            ("is_stale", "=", False), "|", ("date_confirmed", "=", False),
            ("date_confirmed", "<", fields.Date.to_string(
                rules.stale_before(today)))])
        stale = entries.filtered(lambda e: rules.is_stale(e.date_confirmed, today))
        if stale:
            # the stored flag of a computed field, refreshed as time passes
            stale.write({"is_stale": True})
        return True
