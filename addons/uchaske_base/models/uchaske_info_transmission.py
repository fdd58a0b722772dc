# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

#: R22.14: information for another unit or body goes within one тәулік
TRANSMISSION_HOURS = 24
#: fields only the responsible inspector (or the chief) files (R24.5)
_VERIFICATION_FIELDS = {"verification_result", "date_verified"}


class UchaskeInfoTransmission(models.Model):
    """Information passed by an inspector or assistant to another police
    unit or state body (R22.14), kept in the police point's register by its
    responsible inspector (R24.5).

    Due within one 24-hour day (тәулік) of being obtained: an engine
    deadline (unit ``hours24``) from ``date_obtained`` while the record is
    "to send"; sent later it is overdue and escalates. The responsible
    inspector follows every transmission of the point (a copy, R22.14) and
    files the result of its verification (R24.5)."""

    _name = "uchaske.info.transmission"
    _description = "Information transmission"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    _scope_kind = "district"
    _order = "date_obtained desc, id desc"
    _uchaske_past_date_fields = ("date_obtained", "date_sent")

    name = fields.Char(string="Information", required=True,
                       track_visibility="onchange")
    recipient = fields.Char(
        string="To (unit or body)", required=True, track_visibility="onchange")
    district_id = fields.Many2one(
        required=True,
        default=lambda self: self.env.user.uchaske_district_ids[:1])
    user_id = fields.Many2one(
        "res.users", string="By", required=True, index=True,
        default=lambda self: self.env.user, track_visibility="onchange")
    date_obtained = fields.Datetime(
        string="Obtained at", required=True, default=fields.Datetime.now,
        track_visibility="onchange")
    date_sent = fields.Datetime(string="Sent at", track_visibility="onchange")
    date_due = fields.Datetime(
        string="Due by", compute="_compute_timing", store=True)
    is_late = fields.Boolean(
        string="Overdue", compute="_compute_timing", store=True,
        help="Sent more than one 24-hour day after being obtained (R22.14).")
    on_time_count = fields.Integer(
        string="On time", compute="_compute_timing", store=True)
    late_count = fields.Integer(
        string="Late", compute="_compute_timing", store=True)
    verification_result = fields.Text(
        string="Result of the verification", track_visibility="onchange",
        help="Filed by the responsible inspector (R24.5).")
    date_verified = fields.Date(string="Verified on", readonly=True)

    @api.depends("date_obtained", "date_sent")
    def _compute_timing(self):
        for record in self:
            if not record.date_obtained:
                continue
            due = fields.Datetime.from_string(record.date_obtained) + \
                timedelta(hours=TRANSMISSION_HOURS)
            record.date_due = fields.Datetime.to_string(due)
            late = bool(record.date_sent) and \
                fields.Datetime.from_string(record.date_sent) > due
            record.is_late = late
            record.late_count = 1 if late else 0
            record.on_time_count = 1 if record.date_sent and not late else 0

    @api.constrains("date_obtained", "date_sent")
    def _check_dates(self):
        for record in self:
            if record.date_sent and record.date_sent < record.date_obtained:
                raise ValidationError(_(
                    "Sent at: the information cannot be sent before it was "
                    "obtained."))

    @api.constrains("district_id", "user_id")
    def _check_scope(self):
        """R7, R22.14: the district is one the user serves; the officer who
        obtained the information an officer of the department serving it
        (the message names the field only)."""
        self._check_district_scope()
        if self._scope_unrestricted():
            return
        for record in self:
            district, officer = record.sudo().district_id, record.sudo().user_id
            if not record._scope_inspector_ok(district, officer):
                raise ValidationError(_(
                    "%s: choose an officer of your department who serves "
                    "this district.") % self._fields["user_id"].get_description(
                        self.env)["string"])

    @api.model
    def create(self, vals):
        record = super(UchaskeInfoTransmission, self).create(vals)
        record._copy_responsible()
        return record

    @api.multi
    def write(self, vals):
        if _VERIFICATION_FIELDS & set(vals) and not self.env.user.has_group(
                "uchaske_base.group_responsible_inspector"):
            raise AccessError(_(
                "Result of the verification: filed by the police point's "
                "responsible inspector (R24.5)."))
        return super(UchaskeInfoTransmission, self).write(vals)

    @api.multi
    def _copy_responsible(self):
        """R22.14: a copy goes to the police point's responsible inspector."""
        for record in self.sudo():
            lead = record.post_id.responsible_inspector_id
            if lead and lead != record.user_id:
                record.message_subscribe(partner_ids=lead.partner_id.ids)

    # -- workflow ---------------------------------------------------------

    @api.multi
    def _wf_before_send(self, transition, values):
        if not self.date_sent:
            self.write({"date_sent": fields.Datetime.now()})

    @api.multi
    def _wf_guard_verify(self, transition):
        return self._wf_guard_verify_batch(transition)[self.id]

    @api.multi
    def _wf_guard_verify_batch(self, transition):
        """``_wf_guard_verify`` of a set at once (My work's page of a
        chief's transmissions, issue 9): one read of the result, the
        message translated once."""
        message = _("Result of the verification: write it before filing "
                    "(R24.5).")
        return {record.id: None if (record.verification_result or "").strip()
                else message
                for record in self.with_context(prefetch_fields=False)}

    @api.multi
    def _wf_before_verify(self, transition, values):
        self.write({"date_verified": fields.Date.context_today(self)})
