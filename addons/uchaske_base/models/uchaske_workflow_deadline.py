# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import dates


class UchaskeWorkflowDeadline(models.Model):
    """A legal deadline rule attached to a state: when a record enters the
    state, a deadline opens (an activity for the responsible user); it is met
    by leaving the state (or by the given transition) and escalates to the
    next role when overdue."""

    _name = "uchaske.workflow.deadline"
    _description = "Workflow deadline rule"
    _order = "workflow_id, sequence, id"
    _uchaske_non_negative_fields = ("offset",)

    workflow_id = fields.Many2one(
        "uchaske.workflow", required=True, ondelete="cascade", index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    state_id = fields.Many2one(
        "uchaske.workflow.state", string="While in state", required=True,
        ondelete="cascade")
    transition_id = fields.Many2one(
        "uchaske.workflow.transition", string="Met by transition",
        ondelete="set null",
        help="The deadline is met when this transition fires (empty: by any "
             "transition leaving the state).")
    date_field = fields.Char(
        string="From date field",
        help="Date/datetime field of the record the offset counts from "
             "(empty: the moment the record entered the state).")
    offset = fields.Integer(required=True)
    unit = fields.Selection([
        ("hours24", "24-hour days (тәулік)"),
        ("calendar_days", "Calendar days"),
        ("working_days", "Working days"),
        ("months", "Months"),
        ("years", "Years"),
    ], required=True, default="calendar_days")
    resource_calendar_id = fields.Many2one(
        "resource.calendar", string="Working calendar",
        help="For working days; default: the Kazakhstan working calendar.")
    requirement_ref = fields.Char(
        string="Requirement", required=True,
        help="Requirement id of Order No. 1095 that sets the deadline (e.g. R14).")
    responsible_field = fields.Char(
        help="Many2one to res.users on the record naming who is responsible "
             "(empty: the user who made the transition).")
    escalate = fields.Boolean(
        default=True, help="When overdue, alert the next role up.")

    @api.constrains("state_id", "transition_id", "workflow_id")
    def _check_workflow(self):
        for rule in self:
            if rule.state_id.workflow_id != rule.workflow_id or (
                    rule.transition_id
                    and rule.transition_id.workflow_id != rule.workflow_id):
                raise ValidationError(_(
                    "Deadline %s refers to another workflow.") % rule.name)

    @api.constrains("date_field", "responsible_field", "workflow_id")
    def _check_fields(self):
        for rule in self:
            model = self.env[rule.workflow_id.model]
            if rule.date_field and (
                    rule.date_field not in model._fields
                    or model._fields[rule.date_field].type not in ("date", "datetime")):
                raise ValidationError(_(
                    "Deadline %(name)s: %(field)s is not a date field of "
                    "%(model)s.") % {"name": rule.name, "field": rule.date_field,
                                     "model": model._name})
            if rule.responsible_field and (
                    rule.responsible_field not in model._fields
                    or model._fields[rule.responsible_field].comodel_name
                    != "res.users"):
                raise ValidationError(_(
                    "Deadline %(name)s: %(field)s is not a user field of "
                    "%(model)s.") % {"name": rule.name,
                                     "field": rule.responsible_field,
                                     "model": model._name})

    @api.multi
    def _compute_due(self, base):
        """Due moment (naive UTC datetime) counted from ``base``."""
        self.ensure_one()
        calendar = None
        if self.unit == "working_days":
            calendar = self.env["uchaske.legal.calendar"]._get_work_calendar(
                self.resource_calendar_id or None)
        return dates.compute_due(base, self.offset, self.unit, calendar)

    @api.multi
    def _base_moment(self, record, entered_at):
        self.ensure_one()
        if not self.date_field or not record[self.date_field]:
            return entered_at
        value = record[self.date_field]
        if record._fields[self.date_field].type == "date":
            return datetime.combine(fields.Date.from_string(value), datetime.min.time())
        return fields.Datetime.from_string(value)
