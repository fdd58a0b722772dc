# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UchaskePoliceService(models.Model):
    """Local police service (ЖПҚ) of a department: R16, R18."""

    _name = "uchaske.police.service"
    _description = "Local police service"
    _inherit = ["mail.thread"]
    _order = "department_id, name"

    name = fields.Char(required=True, track_visibility="onchange")
    department_id = fields.Many2one(
        "uchaske.department", required=True, ondelete="restrict", index=True,
        track_visibility="onchange")
    chief_id = fields.Many2one(
        "res.users", string="Chief", track_visibility="onchange",
        help="Chief of the local police service; approves the police points' "
             "monthly work plans (R18) and controls preventive work (R16).")
    manager_inspector_ids = fields.Many2many(
        "res.users", "uchaske_police_service_manager_rel", "service_id", "user_id",
        string="Inspectors for managing district inspectors",
        help="Senior inspectors who control preventive work (R16) and case "
             "materials kept at the department (R13).")
    active = fields.Boolean(default=True)

    #: what the R18 rules of the monthly plans read of a service
    #: (``res.users.uchaske_service_department_ids``)
    _RULE_FIELDS = frozenset(["chief_id", "department_id", "active"])

    @api.model
    def create(self, vals):
        service = super(UchaskePoliceService, self).create(vals)
        if vals.get("chief_id"):
            self.env["ir.rule"].clear_caches()
        return service

    @api.multi
    def write(self, vals):
        result = super(UchaskePoliceService, self).write(vals)
        if self._RULE_FIELDS & set(vals):
            self.env["ir.rule"].clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskePoliceService, self).unlink()
        self.env["ir.rule"].clear_caches()
        return result
