# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UchaskePost(models.Model):
    """District police point (УПП): R3 (staff count by the chief's order), R24."""

    _name = "uchaske.post"
    _description = "Police point"
    _inherit = ["mail.thread"]
    _order = "department_id, number"
    _uchaske_non_negative_fields = ("staff_count",)

    name = fields.Char(compute="_compute_name", store=True)
    number = fields.Char(required=True, track_visibility="onchange")
    address = fields.Char(track_visibility="onchange")
    department_id = fields.Many2one(
        "uchaske.department", required=True, ondelete="restrict", index=True,
        track_visibility="onchange")
    staff_count = fields.Integer(
        track_visibility="onchange",
        help="Staff count set by order of the city/district chief (R3).")
    responsible_inspector_id = fields.Many2one(
        "res.users", string="Responsible inspector", track_visibility="onchange",
        help="Inspector responsible for organising the police point's work (R24).")
    district_ids = fields.One2many("uchaske.district", "post_id", string="Districts")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("number_department_unique", "unique(department_id, number)",
         "A police point with this number already exists in the department."),
    ]

    @api.model
    def create(self, vals):
        post = super(UchaskePost, self).create(vals)
        if vals.get("responsible_inspector_id"):
            # R24: the police point's rules follow its lead at once
            self.env["ir.rule"].clear_caches()
        return post

    @api.multi
    def write(self, vals):
        result = super(UchaskePost, self).write(vals)
        if {"responsible_inspector_id", "department_id"} & set(vals):
            self.env["ir.rule"].clear_caches()
        return result

    @api.depends("number")
    def _compute_name(self):
        for post in self:
            post.name = _("Police point No. %s") % (post.number or "")

    @api.constrains("responsible_inspector_id", "department_id")
    def _check_responsible_department(self):
        for post in self.sudo():
            user = post.responsible_inspector_id
            if user and user.uchaske_department_id != post.department_id:
                raise ValidationError(_(
                    "%(user)s belongs to %(dep)s and cannot be the responsible "
                    "inspector of a police point of %(post_dep)s.") % {
                        "user": user.name,
                        "dep": user.uchaske_department_id.name or _("no department"),
                        "post_dep": post.department_id.name})

    @api.constrains("staff_count")
    def _check_staff_count(self):
        for post in self.sudo():
            if post.staff_count < 0:
                raise ValidationError(_("The staff count cannot be negative."))
