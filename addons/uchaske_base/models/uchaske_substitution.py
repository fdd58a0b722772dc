# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: R6: the long absences for which an adjacent district's inspector serves
ABSENCE_REASONS = [
    ("vacancy", "Vacancy"),
    ("leave", "Leave"),
    ("illness", "Illness"),
    ("business_trip", "Business trip"),
]


class UchaskeSubstitution(models.Model):
    """R6: by order of the city/district chief, the inspector of an adjacent
    district serves a district whose inspector is absent for a long time.

    During the period the substitute has the inspector's rights in the
    district (record rules through ``res.users.uchaske_district_ids``) and the
    workflow history records that they acted for the absent inspector. The
    substitution ends by itself on ``date_end``.
    """

    _name = "uchaske.substitution"
    _description = "Substitution (R6)"
    _inherit = ["uchaske.scope.mixin", "mail.thread"]
    _order = "date_start desc, id desc"
    _uchaske_past_date_fields = ("order_date",)
    # the whole department sees its substitutions (uchaske_rules.xml)
    _scope_rules = False

    name = fields.Char(compute="_compute_name", store=True)
    district_id = fields.Many2one(
        "uchaske.district", required=True, ondelete="cascade", index=True,
        track_visibility="onchange")
    department_id = fields.Many2one(
        "uchaske.department", required=True, readonly=True, index=True,
        help="The district's department (set from the district).")
    absent_user_id = fields.Many2one(
        "res.users", string="Absent inspector", required=True,
        track_visibility="onchange")
    substitute_id = fields.Many2one(
        "res.users", string="Substitute", required=True, index=True,
        track_visibility="onchange",
        help="Inspector of an adjacent district (R6).")
    reason = fields.Selection(
        ABSENCE_REASONS, required=True, track_visibility="onchange")
    date_start = fields.Date(required=True, track_visibility="onchange")
    date_end = fields.Date(required=True, track_visibility="onchange")
    order_number = fields.Char(
        string="Order No.", required=True, track_visibility="onchange",
        help="Order of the city/district chief (R6).")
    order_date = fields.Date(required=True)
    state = fields.Selection(
        [("planned", "Planned"), ("active", "Active"), ("ended", "Ended")],
        compute="_compute_state", search="_search_state")

    @api.depends("district_id", "substitute_id")
    def _compute_name(self):
        for substitution in self:
            substitution.name = _("%(user)s serves district %(district)s") % {
                "user": substitution.substitute_id.name or "",
                "district": substitution.district_id.display_name or ""}

    @api.multi
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for substitution in self:
            if substitution.date_start > today:
                substitution.state = "planned"
            elif substitution.date_end < today:
                substitution.state = "ended"
            else:
                substitution.state = "active"

    @api.model
    def _search_state(self, operator, value):
        today = fields.Date.context_today(self)
        domains = {
            "planned": [("date_start", ">", today)],
            "active": ["&", ("date_start", "<=", today), ("date_end", ">=", today)],
            "ended": [("date_end", "<", today)],
        }
        if operator not in ("=", "!=") or value not in domains:
            raise ValidationError(_("Unsupported search on the substitution state."))
        # normalized ("&" explicit): Odoo 11 splices it into the caller's domain
        domain = domains[value]
        return domain if operator == "=" else ["!"] + domain

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for substitution in self.sudo():
            if substitution.date_end < substitution.date_start:
                raise ValidationError(_(
                    "The substitution ends (%(end)s) before it starts "
                    "(%(start)s).") % {
                        "end": substitution.date_end,
                        "start": substitution.date_start})

    @api.constrains("district_id", "substitute_id", "absent_user_id")
    def _check_substitute(self):
        """R6: the substitute is the inspector of an adjacent district."""
        for substitution in self.sudo():
            district = substitution.district_id
            if substitution.substitute_id == substitution.absent_user_id:
                raise ValidationError(_(
                    "The absent inspector cannot substitute for themselves."))
            own = district.adjacent_district_ids.filtered(
                lambda d, user=substitution.substitute_id: d.inspector_id == user)
            if not own:
                raise ValidationError(_(
                    "%(user)s is not the inspector of a district adjacent to "
                    "district %(district)s; R6 requires the inspector of an "
                    "adjacent district.") % {
                        "user": substitution.substitute_id.name,
                        "district": district.display_name})

    @api.constrains("district_id", "date_start", "date_end")
    def _check_overlap(self):
        for substitution in self.sudo():
            overlapping = self.search([
                ("id", "!=", substitution.id),
                ("district_id", "=", substitution.district_id.id),
                ("date_start", "<=", substitution.date_end),
                ("date_end", ">=", substitution.date_start)], limit=1)
            if overlapping:
                raise ValidationError(_(
                    "District %(district)s already has a substitution from "
                    "%(start)s to %(end)s (order %(order)s); periods cannot "
                    "overlap.") % {
                        "district": substitution.district_id.display_name,
                        "start": overlapping.date_start,
                        "end": overlapping.date_end,
                        "order": overlapping.order_number})

    @api.model
    def create(self, vals):
        record = super(UchaskeSubstitution, self).create(vals)
        self.env["ir.rule"].clear_caches()
        return record

    @api.multi
    def write(self, vals):
        result = super(UchaskeSubstitution, self).write(vals)
        self.env["ir.rule"].clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskeSubstitution, self).unlink()
        self.env["ir.rule"].clear_caches()
        return result

    @api.model
    def _find_active(self, district, user, day=None):
        """The substitution through which ``user`` serves ``district`` on
        ``day`` (today by default), or an empty recordset."""
        day = day or fields.Date.context_today(self)
        return self.sudo().search([
            ("district_id", "=", district.id), ("substitute_id", "=", user.id),
            ("date_start", "<=", day), ("date_end", ">=", day)], limit=1)

    @api.model
    def _cron_refresh_access(self):
        """Substitutions start and end by themselves: the record rules read
        them through a cached domain, refreshed here daily (and at once on
        every change). So do the periods of the substitutes of the local
        police services' chiefs (R18, ``res.users
        .uchaske_service_department_ids``)."""
        self.env["ir.rule"].clear_caches()
        return True
