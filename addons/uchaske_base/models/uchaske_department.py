# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UchaskeDepartment(models.Model):
    """City or district police body (ІІО/ПО): R3, R7, R16."""

    _name = "uchaske.department"
    _description = "Police department"
    _inherit = ["mail.thread", "uchaske.directory.mixin"]
    _order = "name"

    name = fields.Char(required=True, track_visibility="onchange")
    code = fields.Char(
        required=True, track_visibility="onchange",
        help="Short code of the department, unique in the system.")
    region = fields.Char(help="Region (oblys) or city of republican significance.")
    chief_id = fields.Many2one(
        "res.users", string="Chief", track_visibility="onchange",
        help="Chief of the city/district police body (R3, R6, R7).")
    deputy_ids = fields.Many2many(
        "res.users", "uchaske_department_deputy_rel", "department_id", "user_id",
        string="Deputy chiefs")
    police_service_ids = fields.One2many(
        "uchaske.police.service", "department_id", string="Local police services")
    post_ids = fields.One2many("uchaske.post", "department_id", string="Police points")
    district_ids = fields.One2many(
        "uchaske.district", "department_id", string="Districts")
    user_ids = fields.One2many(
        "res.users", "uchaske_department_id", string="Staff")
    district_count = fields.Integer(compute="_compute_counts")
    post_count = fields.Integer(compute="_compute_counts")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A department with this code already exists."),
    ]

    @api.multi
    def name_get(self):
        # the name's own column: a case's form naming its department read
        # every column of it (issue 14, bench/load.py)
        return super(UchaskeDepartment, self.with_context(
            prefetch_fields=False)).name_get()

    @api.multi
    def _compute_counts(self):
        for department in self:
            department.district_count = len(department.district_ids)
            department.post_count = len(department.post_ids)

    @api.multi
    def _get_management_users(self):
        """Chief and deputies: the people R6/R7 give the orders to."""
        return self.mapped("chief_id") | self.mapped("deputy_ids")

    @api.multi
    def write(self, vals):
        result = super(UchaskeDepartment, self).write(vals)
        if "active" in vals:
            # the police service chief's rule (R18) keeps active departments
            self.env["uchaske.police.service"]._clear_chief_rules()
        return result
