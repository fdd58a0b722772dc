# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

DUTY_GROUP = "uchaske_base.group_duty_officer"


class UchaskeRuralCall(models.Model):
    """R23.3: every working day a rural district's inspector or assistant
    calls the department's duty unit and reports the situation; the duty
    officer records the call. The daily obligation is the periodic deadline
    ``deadline_rural_call_daily`` (met by a call of that local day)."""

    _name = "uchaske.rural.call"
    _description = "Call of a rural district to the duty unit"
    _inherit = ["uchaske.scope.mixin", "uchaske.daily.work.mixin"]
    _scope_kind = "district"
    _order = "date_call desc, id desc"

    district_id = fields.Many2one(
        required=True, domain=[("district_type", "=", "rural")])
    date_call = fields.Datetime(
        string="Time of the call", required=True, default=fields.Datetime.now)
    call_day = fields.Date(
        string="Day", compute="_compute_call_day", store=True, index=True,
        help="The department's local day of the call (R23.3).")
    caller_id = fields.Many2one(
        "res.users", string="Who called", required=True,
        help="The district's inspector or assistant.")
    situation = fields.Text(string="Situation reported", required=True)
    duty_officer_id = fields.Many2one(
        "res.users", string="Duty officer", required=True, readonly=True,
        default=lambda self: self.env.user)

    @api.multi
    def name_get(self):
        return [(call.id, "%s, %s" % (call.sudo().district_id.name,
                                      call.call_day or "")) for call in self]

    @api.depends("date_call", "district_id")
    def _compute_call_day(self):
        for call in self:
            if call.date_call:
                call.call_day = self._daily_local(
                    call.date_call, call.sudo().district_id.department_id).date()

    @api.constrains("district_id", "caller_id")
    def _check_rural(self):
        """R23.3 applies to rural districts; the caller serves the district;
        the duty officer records calls of their own department only."""
        user = self.env.user
        for call in self.sudo():
            district = call.district_id
            if district.district_type != "rural":
                raise ValidationError(_(
                    "District: calls to the duty unit are recorded for rural "
                    "districts only (R23.3)."))
            if not self._scope_unrestricted() and \
                    district.department_id != user.uchaske_department_id:
                raise ValidationError(_(
                    "District: choose a district of your department."))
            callers = district.inspector_id | district.assistant_ids | \
                district.substitute_id
            if call.caller_id not in callers:
                raise ValidationError(_(
                    "Who called: the inspector or an assistant of the "
                    "district."))
