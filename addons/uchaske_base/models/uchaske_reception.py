# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import daily_work


class UchaskeReception(models.Model):
    """Reception of citizens (R9): at the police point from 18:00 to 21:00
    local time, online any time of a working day (written in the notebook)."""

    _name = "uchaske.reception"
    _description = "Reception of citizens"
    _inherit = ["uchaske.scope.mixin", "uchaske.daily.work.mixin"]
    _scope_kind = "district"
    _scope_inspector_field = "officer_id"
    _rec_name = "citizen_name"
    _order = "date_reception desc, id desc"

    officer_id = fields.Many2one(
        "res.users", string="Officer", required=True, index=True,
        default=lambda self: self.env.user)
    district_id = fields.Many2one(
        required=True, default=lambda self: self.env.user.uchaske_district_ids[:1])
    citizen_name = fields.Char(string="Citizen", required=True)
    citizen_contact = fields.Char(string="Contact")
    subject = fields.Text(required=True)
    mode = fields.Selection(
        [("in_person", "In person"), ("online", "Online")],
        required=True, default="in_person")
    date_reception = fields.Datetime(
        string="Date and time", required=True, default=fields.Datetime.now)
    result = fields.Text()

    @api.constrains("district_id", "officer_id")
    def _check_scope(self):
        self._check_district_scope()

    @api.constrains("mode", "date_reception", "district_id")
    def _check_hours(self):
        """R9: in person only from 18:00 to 21:00 (the department's local
        time); online on a working day of the working calendar."""
        calendar = self._daily_calendar()
        for reception in self:
            local = self._daily_local(
                reception.date_reception, reception.sudo().department_id)
            if reception.mode == "in_person" and \
                    not daily_work.in_person_reception_allowed(local):
                raise ValidationError(_(
                    "Date and time: citizens are received in person from 18:00 "
                    "to 21:00 local time (R9); %s is outside these hours.")
                    % local.strftime("%H:%M"))
            if reception.mode == "online" and \
                    not daily_work.online_reception_allowed(local, calendar):
                raise ValidationError(_(
                    "Date and time: an online reception takes place on a "
                    "working day (R9); %s is not a working day.")
                    % local.strftime("%d.%m.%Y"))
