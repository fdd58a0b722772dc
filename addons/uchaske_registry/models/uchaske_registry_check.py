# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import supervision


class UchaskeRegistryCheck(models.Model):
    """R12: a supervision check of a registered person: did they keep the
    restrictions and fulfil the obligations? Assistants record checks too
    (R2.3)."""

    _name = "uchaske.registry.check"
    _description = "Supervision check"
    _inherit = ["uchaske.scope.mixin", "mail.thread",
                "uchaske.access.journal.mixin"]
    _order = "date desc, id desc"
    #: district, department and police point follow the case
    _scope_anchor = "case_id"

    case_id = fields.Many2one(
        "uchaske.registry.case", required=True, ondelete="cascade", index=True)
    person_id = fields.Many2one(related="case_id.person_id", store=True,
                                readonly=True)
    district_id = fields.Many2one(readonly=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection([
        ("home_visit", "Home visit"),
        ("call", "Phone call"),
        ("summons", "Summons to the police point"),
        ("joint_walk", "Joint walk with a patrol"),
    ], required=True, default="home_visit")
    result = fields.Selection([
        ("complies", "Complies"),
        ("violation", "Violation"),
    ], required=True, default="complies")
    violation = fields.Text(string="What was violated")
    follow_up = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Checked by", required=True,
        default=lambda self: self.env.user)

    @api.multi
    def name_get(self):
        """What an officer calls a check: whose and when (the breadcrumb,
        a choice, a message)."""
        super(UchaskeRegistryCheck, self).name_get()  # R15: journaled opening
        return [(check.id, _("Check of %(person)s, %(date)s") % {
            "person": check.sudo().person_id.name or "",
            "date": check.date or ""}) for check in self]

    @api.constrains("date", "case_id")
    def _check_date(self):
        """A check falls between the registration and today."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        for check in self.sudo():
            case = check.case_id
            if case.state not in ("registered", "supervised", "transfer"):
                raise ValidationError(_(
                    "Checks are recorded for registered persons only (case "
                    "%(case)s is %(state)s).") % {
                        "case": case.name,
                        "state": case._wf_state_record().name or case.state})
            try:
                supervision.check_date_valid(
                    fields.Date.from_string(check.date),
                    fields.Date.from_string(case.registered_on), today)
            except supervision.SupervisionError as error:
                if error.reason == supervision.REASON_FUTURE:
                    raise ValidationError(_(
                        "The check date %s is in the future.") % check.date)
                raise ValidationError(_(
                    "The check date %(date)s is before the registration "
                    "(%(registered)s).") % {"date": check.date,
                                            "registered": case.registered_on})

    @api.constrains("result", "violation")
    def _check_violation(self):
        for check in self.sudo():
            if check.result == "violation" and not check.violation:
                raise ValidationError(_("Describe what was violated."))

    @api.model
    def create(self, vals):
        self._check_case_fields(vals)
        check = super(UchaskeRegistryCheck, self).create(vals)
        case = check.case_id
        if case.state == "registered":
            # the first check starts the supervision (R12)
            case.wf_apply("start_supervision")
        case._schedule_next_check()
        return check

    @api.multi
    def write(self, vals):
        self._check_case_fields(vals)
        if "case_id" in vals and self.env.uid != SUPERUSER_ID and \
                self.sudo().filtered(lambda c: c.case_id.id != vals["case_id"]):
            raise ValidationError(_(
                "Case: a check stays with the case it was recorded for."))
        return super(UchaskeRegistryCheck, self).write(vals)

    @api.model
    def _check_case_fields(self, vals):
        """District, department and police point are the case's: set by
        hand they would move the check to another department (R16)."""
        if self.env.uid != SUPERUSER_ID and \
                {"district_id", "department_id", "post_id"} & set(vals):
            raise ValidationError(_(
                "District, department and police point follow the case: they "
                "are not set by hand."))
