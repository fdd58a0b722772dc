# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UchaskeDistrict(models.Model):
    """Administrative district (әкімшілік учаске): R2.1, R3, R4-R6."""

    _name = "uchaske.district"
    _description = "Administrative district"
    _inherit = ["mail.thread", "uchaske.directory.mixin"]
    _order = "department_id, number"
    _uchaske_past_date_fields = ("order_date",)
    _uchaske_non_negative_fields = ("number", "area", "population")

    name = fields.Char(required=True, track_visibility="onchange")
    number = fields.Integer(
        required=True, track_visibility="onchange",
        help="Sequence number given by the chief's order (R3); unique in the "
             "department.")
    display_number = fields.Char(compute="_compute_display_number")
    district_type = fields.Selection(
        [("urban", "Urban"), ("rural", "Rural")], string="Type",
        required=True, default="urban", track_visibility="onchange")
    department_id = fields.Many2one(
        "uchaske.department", required=True, ondelete="restrict", index=True,
        track_visibility="onchange")
    post_id = fields.Many2one(
        "uchaske.post", string="Police point", ondelete="restrict", index=True,
        track_visibility="onchange")
    order_number = fields.Char(
        string="Founding order No.", track_visibility="onchange",
        help="Order of the city/district chief that set the boundaries (R3).")
    order_date = fields.Date(string="Founding order date", track_visibility="onchange")
    boundary_description = fields.Text(string="Boundaries")
    area = fields.Float(string="Area (km²)", digits=(12, 2))
    population = fields.Integer()
    settlements = fields.Text(
        help="Settlements of a rural district, one per line (R2.1: distances "
             "between settlements size a rural district).")
    adjacent_district_ids = fields.Many2many(
        "uchaske.district", "uchaske_district_adjacent_rel", "district_id",
        "adjacent_id", string="Adjacent districts")
    inspector_id = fields.Many2one(
        "res.users", string="Inspector", index=True, track_visibility="onchange")
    assistant_ids = fields.Many2many(
        "res.users", "uchaske_district_assistant_rel", "district_id", "user_id",
        string="Assistants")
    assignment_ids = fields.One2many(
        "uchaske.district.assignment", "district_id", string="Assignment history")
    substitution_ids = fields.One2many(
        "uchaske.substitution", "district_id", string="Substitutions")
    substitute_id = fields.Many2one(
        "res.users", compute="_compute_substitute_id",
        string="Serving substitute",
        help="Inspector of an adjacent district serving this district today (R6).")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("number_department_unique", "unique(department_id, number)",
         "A district with this number already exists in the department (R3)."),
        ("area_positive", "CHECK(area >= 0)", "The area cannot be negative."),
        ("population_positive", "CHECK(population >= 0)",
         "The population cannot be negative."),
    ]

    @api.depends("number", "name")
    def _compute_display_number(self):
        for district in self:
            district.display_number = _("District No. %s") % district.number

    @api.multi
    def name_get(self):
        # the two columns named, not every column of the districts in cache
        # (their boundary polygon among them, uchaske_geo): every list
        # shows a district (issue 14)
        records = self.with_context(prefetch_fields=False)
        records._uchaske_prefetch_columns(["number", "name"])  # one statement
        return [(d.id, "%s. %s" % (d.number, d.name)) for d in records]

    @api.multi
    def _compute_substitute_id(self):
        today = fields.Date.context_today(self)
        substitutions = self.env["uchaske.substitution"].sudo().search([
            ("district_id", "in", self.ids),
            ("date_start", "<=", today), ("date_end", ">=", today)])
        by_district = {s.district_id.id: s.substitute_id for s in substitutions}
        for district in self:
            district.substitute_id = by_district.get(district.id, False)

    @api.constrains("post_id", "department_id")
    def _check_post_department(self):
        for district in self.sudo():
            if district.post_id and district.post_id.department_id != \
                    district.department_id:
                raise ValidationError(_(
                    "District %(district)s belongs to %(dep)s but police point "
                    "%(post)s belongs to %(post_dep)s.") % {
                        "district": district.number,
                        "dep": district.department_id.name,
                        "post": district.post_id.name,
                        "post_dep": district.post_id.department_id.name})

    @api.constrains("inspector_id", "assistant_ids", "department_id")
    def _check_staff(self):
        """R2.2, R2.3: the district's inspector and assistants serve in its
        department and hold the matching role."""
        for district in self.sudo():
            staff = [(district.inspector_id, "uchaske_base.group_inspector",
                      _("inspector"))]
            staff += [(user, "uchaske_base.group_assistant", _("assistant"))
                      for user in district.assistant_ids]
            for user, group, label in staff:
                if not user:
                    continue
                if user.uchaske_department_id != district.department_id:
                    raise ValidationError(_(
                        "%(user)s cannot be the %(role)s of district %(number)s: "
                        "they serve in %(their)s, the district belongs to "
                        "%(dep)s.") % {
                            "user": user.name, "role": label,
                            "number": district.number,
                            "their": user.uchaske_department_id.name
                            or _("no department"),
                            "dep": district.department_id.name})
                if not user.has_group(group):
                    raise ValidationError(_(
                        "%(user)s cannot be the %(role)s of district %(number)s: "
                        "they do not hold that role.") % {
                            "user": user.name, "role": label,
                            "number": district.number})

    @api.constrains("adjacent_district_ids")
    def _check_adjacent(self):
        for district in self.sudo():
            if district in district.adjacent_district_ids:
                raise ValidationError(_("A district cannot be adjacent to itself."))

    @api.multi
    def _check_number_free(self, department_id, number):
        """R3: refuse a number already used in the department, with a clear
        message (before the database's unique constraint would)."""
        taken = self.sudo().search([
            ("department_id", "=", department_id), ("number", "=", number),
            ("id", "not in", self.ids)], limit=1)
        if taken:
            raise ValidationError(_(
                "District No. %(number)s already exists in %(department)s "
                "(%(name)s).") % {"number": number,
                                  "department": taken.department_id.name,
                                  "name": taken.name})

    @api.model
    def create(self, vals):
        if vals.get("department_id") and "number" in vals:
            self.browse()._check_number_free(vals["department_id"], vals["number"])
        district = super(UchaskeDistrict, self).create(vals)
        district._sync_adjacency()
        district._record_assignments(
            district.inspector_id, district.assistant_ids)
        # R19, A1: the district's passport is created with it
        self.env["uchaske.district.passport"].sudo().create(
            {"district_id": district.id})
        if vals.get("inspector_id") or vals.get("assistant_ids"):
            # R7: the officers' rules (cached per user) see the new
            # district at once, as after a write
            self.env["ir.rule"].clear_caches()
        return district

    @api.multi
    def write(self, vals):
        if "number" in vals or "department_id" in vals:
            for district in self:
                district._check_number_free(
                    vals.get("department_id", district.department_id.id),
                    vals.get("number", district.number))
        before = {d.id: (d.inspector_id, d.assistant_ids) for d in self}
        adjacent_before = {d.id: d.adjacent_district_ids for d in self}
        result = super(UchaskeDistrict, self).write(vals)
        if "adjacent_district_ids" in vals:
            self._sync_adjacency(adjacent_before)
        if "inspector_id" in vals or "assistant_ids" in vals:
            no_user = self.env["res.users"]
            for district in self:
                old_inspector, old_assistants = before[district.id]
                changed = district.inspector_id != old_inspector
                district._record_assignments(
                    district.inspector_id if changed else no_user,
                    district.assistant_ids - old_assistants,
                    removed=(old_inspector if changed else no_user)
                    | (old_assistants - district.assistant_ids))
        if {"inspector_id", "assistant_ids", "department_id"} & set(vals):
            self.env["ir.rule"].clear_caches()
        return result

    @api.multi
    def _sync_adjacency(self, before=None):
        """Adjacency is symmetric: A next to B means B next to A (R6)."""
        for district in self:
            old = (before or {}).get(district.id, self.browse())
            for other in district.adjacent_district_ids:
                if district not in other.adjacent_district_ids:
                    other.write({"adjacent_district_ids": [(4, district.id)]})
            for other in old - district.adjacent_district_ids:
                if district in other.adjacent_district_ids:
                    other.write({"adjacent_district_ids": [(3, district.id)]})

    @api.multi
    def _record_assignments(self, inspector, assistants, removed=None):
        """Assignment history (R4, R5): who served the district, from when.

        Opens a row for each newly appointed officer and closes the open rows
        of those who left; the day is today unless the context gives
        ``uchaske_assignment_date`` (the date of the appointment order).
        """
        self.ensure_one()
        assignments = self.env["uchaske.district.assignment"].sudo()
        day = self.env.context.get("uchaske_assignment_date") or \
            fields.Date.context_today(self)
        if removed:
            assignments.search([
                ("district_id", "=", self.id), ("user_id", "in", removed.ids),
                ("date_end", "=", False)]).write({"date_end": day})
        for user, role in [(u, "inspector") for u in inspector] + \
                [(u, "assistant") for u in assistants]:
            assignments.create({
                "district_id": self.id, "user_id": user.id, "role": role,
                "date_start": day})
