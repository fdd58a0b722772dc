# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


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
    substitute_id = fields.Many2one(
        "res.users", string="Substitute of the chief", track_visibility="onchange",
        help="Who acts for the chief of the local police service from the first "
             "to the last day below: he approves the police points' monthly "
             "plans in that period (R18: \"or the person substituting him\").")
    substitute_date_start = fields.Date(
        string="Substitutes from", track_visibility="onchange")
    substitute_date_end = fields.Date(
        string="Substitutes until", track_visibility="onchange")
    active = fields.Boolean(default=True)

    @api.constrains("substitute_id", "substitute_date_start",
                    "substitute_date_end", "chief_id", "department_id")
    def _check_substitute(self):
        """R18: a substitute acts for a stated period, is another officer
        than the chief, and serves in the service's department."""
        for service in self.filtered("substitute_id"):
            if not (service.substitute_date_start and service.substitute_date_end):
                raise ValidationError(_(
                    "Substitutes from / until: give the first and the last day "
                    "the substitute acts for the chief (R18)."))
            if service.substitute_date_start > service.substitute_date_end:
                raise ValidationError(_(
                    "Substitutes until: the last day cannot come before the "
                    "first one."))
            if service.substitute_id == service.chief_id:
                raise ValidationError(_(
                    "Substitute of the chief: choose another officer than the "
                    "chief himself."))
            if service.substitute_id.uchaske_department_id != service.department_id:
                raise ValidationError(_(
                    "Substitute of the chief: choose an officer of the service's "
                    "own department."))

    #: what the R18 rules of the monthly plans read of a service
    #: (``res.users.uchaske_service_department_ids``)
    _RULE_FIELDS = frozenset(["chief_id", "department_id", "active", "substitute_id",
                              "substitute_date_start", "substitute_date_end"])

    @api.model
    def create(self, vals):
        service = super(UchaskePoliceService, self).create(vals)
        if vals.get("chief_id") or vals.get("substitute_id"):
            self._clear_chief_rules()
        return service

    @api.multi
    def write(self, vals):
        result = super(UchaskePoliceService, self).write(vals)
        if self._RULE_FIELDS & set(vals):
            self._clear_chief_rules()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskePoliceService, self).unlink()
        self._clear_chief_rules()
        return result

    @api.model
    def _clear_chief_rules(self):
        """R18: the work plans' rule follows the service's chief and his
        substitute at once (``res.users.uchaske_service_department_ids``,
        cached with the rules and in this transaction's records)."""
        self.env["res.users"].invalidate_cache(
            ["uchaske_service_department_ids"])
        self.env["ir.rule"].clear_caches()
