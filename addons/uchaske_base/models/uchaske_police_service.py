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

    @api.model
    def create(self, vals):
        service = super(UchaskePoliceService, self).create(vals)
        if vals.get("chief_id"):
            self._clear_chief_rules()
        return service

    @api.multi
    def write(self, vals):
        result = super(UchaskePoliceService, self).write(vals)
        if {"chief_id", "department_id", "active"} & set(vals):
            self._clear_chief_rules()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskePoliceService, self).unlink()
        self._clear_chief_rules()
        return result

    @api.model
    def _clear_chief_rules(self):
        """R18: the work plans' rule follows the service's chief at once
        (``res.users.uchaske_service_department_ids``, cached with the
        rules and in this transaction's records)."""
        self.env["res.users"].invalidate_cache(
            ["uchaske_service_department_ids"])
        self.env["ir.rule"].clear_caches()
