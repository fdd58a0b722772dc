# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from uchaske_rules import dates
from .uchaske_substitution import ABSENCE_REASONS

#: technical key of the chief's "no substitute" alert (mail.activity.uchaske_key)
UNCOVERED_KEY = "R6.uncovered"


class UchaskeAbsence(models.Model):
    """An inspector's absence (vacancy, leave, illness, business trip).

    R6: an absence of more than five working days needs the inspector of an
    adjacent district to serve each of the absent inspector's districts, by
    the chief's order. Without such a substitution the chief gets an alert
    (a to-do activity citing R6).
    """

    _name = "uchaske.absence"
    _description = "Inspector absence"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    #: R6: "more than five working days"
    _LONG_ABSENCE_WORKING_DAYS = 5

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users", string="Inspector", required=True, index=True,
        track_visibility="onchange")
    department_id = fields.Many2one(
        "uchaske.department", required=True, index=True,
        default=lambda self: self.env.user.uchaske_department_id)
    reason = fields.Selection(
        ABSENCE_REASONS, required=True, track_visibility="onchange")
    date_start = fields.Date(required=True, track_visibility="onchange")
    date_end = fields.Date(required=True, track_visibility="onchange")
    working_days = fields.Integer(
        compute="_compute_working_days", store=True,
        help="Working days in the period (Kazakhstan working calendar).")
    is_long = fields.Boolean(
        string="Longer than 5 working days", compute="_compute_working_days",
        store=True)
    district_ids = fields.Many2many(
        "uchaske.district", string="Districts left", compute="_compute_coverage")
    uncovered_district_ids = fields.Many2many(
        "uchaske.district", string="Districts without substitute",
        compute="_compute_coverage", search="_search_uncovered_district_ids",
        help="Districts of the absent inspector with no substitution order "
             "covering the whole absence (R6).")

    @api.depends("user_id", "date_start", "date_end")
    def _compute_name(self):
        for absence in self:
            absence.name = _("%(user)s: %(start)s - %(end)s") % {
                "user": absence.user_id.name or "",
                "start": absence.date_start or "", "end": absence.date_end or ""}

    @api.depends("date_start", "date_end")
    def _compute_working_days(self):
        calendar = self.env["uchaske.legal.calendar"]._get_work_calendar()
        for absence in self:
            if not (absence.date_start and absence.date_end):
                continue
            start = fields.Date.from_string(absence.date_start)
            end = fields.Date.from_string(absence.date_end)
            absence.working_days = dates.working_days_between(start, end, calendar)
            absence.is_long = dates.exceeds_working_days(
                start, end, self._LONG_ABSENCE_WORKING_DAYS, calendar)

    @api.multi
    def _compute_coverage(self):
        districts = self.env["uchaske.district"].sudo()
        substitutions = self.env["uchaske.substitution"].sudo()
        for absence in self:
            own = districts.search([("inspector_id", "=", absence.user_id.id)])
            absence.district_ids = own
            covered = substitutions.search([
                ("district_id", "in", own.ids),
                ("date_start", "<=", absence.date_start),
                ("date_end", ">=", absence.date_end)]).mapped("district_id")
            absence.uncovered_district_ids = own - covered

    @api.model
    def _search_uncovered_district_ids(self, operator, value):
        """Only "is set" / "is not set" (filter "Long without substitute")."""
        if operator not in ("=", "!=") or value:
            raise UserError(_(
                "Districts without substitute can only be searched as set or "
                "not set."))
        uncovered = self.search([("is_long", "=", True)]).filtered(
            "uncovered_district_ids")
        return [("id", "in" if operator == "!=" else "not in", uncovered.ids)]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for absence in self.sudo():
            if absence.date_end < absence.date_start:
                raise ValidationError(_(
                    "The absence ends (%(end)s) before it starts (%(start)s).") % {
                        "end": absence.date_end, "start": absence.date_start})

    @api.model
    def create(self, vals):
        absence = super(UchaskeAbsence, self).create(vals)
        absence._alert_chief_if_uncovered()
        return absence

    @api.multi
    def write(self, vals):
        result = super(UchaskeAbsence, self).write(vals)
        self._alert_chief_if_uncovered()
        return result

    @api.multi
    def _alert_chief_if_uncovered(self):
        """R6: a long absence without a substitute alerts the chief."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        for absence in self.sudo():
            chief = absence.department_id.chief_id
            if not (absence.is_long and absence.uncovered_district_ids and chief):
                continue
            if absence.date_end < today:
                continue
            summary = _("R6: no substitute for %(user)s (%(days)s working days)") % {
                "user": absence.user_id.name, "days": absence.working_days}
            # found by its key: the summary is in the language of whoever
            # saved the absence or ran the job (issue 9 item 5)
            if self.env["mail.activity"].sudo().search_count([
                    ("res_model", "=", absence._name), ("res_id", "=", absence.id),
                    ("user_id", "=", chief.id), ("uchaske_key", "=", UNCOVERED_KEY)]):
                continue
            absence._uchaske_schedule_activity(
                chief, summary, absence.date_start, _(
                    "Districts without a substitute: %s. R6 requires an order "
                    "assigning the inspector of an adjacent district.") %
                ", ".join(absence.uncovered_district_ids.mapped("display_name")),
                activity_type=activity_type, key=UNCOVERED_KEY)

    @api.model
    def _cron_check_uncovered(self):
        """Daily: long absences still without a substitute alert the chief."""
        today = fields.Date.context_today(self)
        self.search([("is_long", "=", True), ("date_end", ">=", today)]) \
            ._alert_chief_if_uncovered()
        return True
