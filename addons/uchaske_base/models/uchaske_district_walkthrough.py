# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from uchaske_rules import passport as rules

from .uchaske_scope_mixin import SUPERVISORS_READ_ONLY


class UchaskeDistrictWalkthrough(models.Model):
    """R5: within one month of appointment the inspector walks through the
    district's apartments and yards and enters what was learned in the
    passport. A state deadline (one month from ``date_appointed``) is met
    when the inspector declares the walkthrough done."""

    _name = "uchaske.district.walkthrough"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    # R2.3: the responsible inspector and the chief read, the district's
    # officers fill (the supervisor signs acts through the engine, R4)
    _scope_read_only_roles = SUPERVISORS_READ_ONLY
    _description = "District walkthrough (R5)"
    _order = "date_appointed desc, id desc"
    _scope_anchor = "passport_id"
    _scope_inspector_field = "inspector_id"
    _uchaske_past_date_fields = ("date_appointed",)

    passport_id = fields.Many2one(
        "uchaske.district.passport", string="Passport", required=True,
        ondelete="cascade", index=True)
    inspector_id = fields.Many2one(
        "res.users", string="Inspector", required=True, index=True)
    date_appointed = fields.Date(
        string="Appointed on", required=True,
        help="Appointment (or acceptance of the district): the month of R5 "
             "counts from it.")
    date_due = fields.Date(string="Due", compute="_compute_date_due", store=True)
    visit_ids = fields.One2many(
        "uchaske.district.walkthrough.visit", "walkthrough_id", string="Visits")
    # stored for the supervisors' dashboard of walkthroughs (issue 13)
    visited_count = fields.Integer(
        string="Households visited", compute="_compute_progress", store=True)
    households_total = fields.Integer(
        string="Households known", compute="_compute_progress", store=True,
        help="From the passport's current figures (A1 §3).")
    progress = fields.Float(string="Progress (%)", compute="_compute_progress",
                            store=True, group_operator="avg")

    @api.depends("date_appointed")
    def _compute_date_due(self):
        for walkthrough in self:
            walkthrough.date_due = walkthrough.date_appointed and \
                fields.Date.to_string(rules.walkthrough_due(
                    walkthrough.date_appointed))

    @api.depends("visit_ids.address", "passport_id.year_ids.households_total")
    def _compute_progress(self):
        for walkthrough in self:
            addresses = {(v.address or "").strip().lower()
                         for v in walkthrough.visit_ids}
            addresses.discard("")
            total = walkthrough.sudo().passport_id.year_ids[:1].households_total
            walkthrough.visited_count = len(addresses)
            walkthrough.households_total = total
            walkthrough.progress = rules.progress(len(addresses), total)

    @api.constrains("passport_id", "inspector_id")
    def _check_scope(self):
        """R5, R7: the inspector walks a district of their department."""
        self._check_district_scope()

    @api.multi
    def name_get(self):
        # the walkthrough read as the user (R7: another department's is
        # refused), its district and inspector named whatever their rules;
        # the two columns of all the walkthroughs in one statement
        self.with_context(prefetch_fields=False)._uchaske_prefetch_columns(
            ["district_id", "inspector_id"])
        inspectors = self.env["res.users"]._uchaske_names(
            [w.inspector_id.id for w in self])
        # translated once, not per walkthrough
        label = _("Walkthrough of %(district)s by %(inspector)s")
        return [(w.id, label % {
            "district": w.district_id.sudo().display_name,
            "inspector": inspectors.get(w.inspector_id.id) or ""}) for w in self]

    @api.model
    def _open_for(self, passport, inspector, date_appointed=None):
        """The open walkthrough of ``inspector`` in ``passport``'s district,
        started if there is none; the appointment date defaults to the
        inspector's assignment to the district."""
        existing = self.search([("passport_id", "=", passport.id),
                                ("inspector_id", "=", inspector.id),
                                ("state", "=", "in_progress")], limit=1)
        if existing:
            return existing
        if not date_appointed:
            assignment = self.env["uchaske.district.assignment"].sudo().search([
                ("district_id", "=", passport.district_id.id),
                ("user_id", "=", inspector.id), ("role", "=", "inspector"),
                ("date_end", "=", False)], limit=1)
            date_appointed = assignment.date_start or \
                fields.Date.context_today(self)
        return self.create({"passport_id": passport.id,
                            "inspector_id": inspector.id,
                            "date_appointed": date_appointed})

    @api.model
    def _wf_guard_columns(self):
        return super(UchaskeDistrictWalkthrough, self)._wf_guard_columns() + [
            "inspector_id"]

    @api.multi
    def _wf_guard_own_walkthrough(self, transition):
        """R5: the inspector declares their own walkthrough done."""
        self.ensure_one()
        if self.env.user != self.inspector_id:
            return _("\"%(transition)s\": only %(inspector)s, whose walkthrough "
                     "it is, declares it done (R5).") % {
                         "transition": transition.name,
                         "inspector": self.sudo().inspector_id.name}
        return None
