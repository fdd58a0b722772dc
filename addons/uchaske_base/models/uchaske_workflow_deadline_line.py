# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools

from uchaske_rules import dates


def open_record_action(res_model, res_id):
    """Window action opening one record's form (deadlines, My work)."""
    return {
        "type": "ir.actions.act_window",
        "res_model": res_model,
        "res_id": res_id,
        "view_mode": "form",
        # the web client's do_action needs the views of a plain dict
        "views": [(False, "form")],
        "target": "current",
    }


class UchaskeWorkflowDeadlineLine(models.Model):
    """An open (or met) deadline of one record: due moment, requirement id,
    responsible user, activity, escalation."""

    _name = "uchaske.workflow.deadline.line"
    _description = "Deadline"
    _order = "date_due, id"

    # "R14: <rule>" in the reader's language (the rule's name is translated)
    name = fields.Char(compute="_compute_name", search="_search_name")
    rule_id = fields.Many2one(
        "uchaske.workflow.deadline", required=True, ondelete="restrict")
    requirement_ref = fields.Char(string="Requirement", required=True, index=True)
    res_model = fields.Char(required=True, index=True)
    res_id = fields.Integer(required=True, index=True)
    record_name = fields.Char()
    department_id = fields.Many2one("uchaske.department", index=True)
    district_id = fields.Many2one("uchaske.district", index=True)
    post_id = fields.Many2one("uchaske.post", index=True)
    user_id = fields.Many2one("res.users", string="Responsible", index=True)
    date_start = fields.Datetime(string="Counted from", required=True)
    date_due = fields.Datetime(string="Due", required=True, index=True)
    date_done = fields.Datetime(string="Met on")
    state = fields.Selection(
        [("open", "Open"), ("done", "Met"), ("cancel", "Cancelled")],
        default="open", required=True, index=True)
    met_late = fields.Boolean(string="Met late")
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")
    activity_id = fields.Many2one("mail.activity", ondelete="set null")
    escalated_user_id = fields.Many2one("res.users", string="Escalated to")
    escalation_activity_id = fields.Many2one("mail.activity", ondelete="set null")
    date_escalated = fields.Datetime()

    @api.model_cr
    def init(self):
        # ``name`` was a required stored column before it was computed
        if tools.column_exists(self.env.cr, self._table, "name"):
            tools.drop_not_null(self.env.cr, self._table, "name")

    @api.depends("requirement_ref", "rule_id.name")
    def _compute_name(self):
        for line in self:
            line.name = "%s: %s" % (line.requirement_ref, line.rule_id.name)

    @api.model
    def _search_name(self, operator, value):
        return ["|", ("requirement_ref", operator, value),
                ("rule_id.name", operator, value)]

    @api.multi
    def _compute_overdue(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        for line in self:
            line.overdue = line.state == "open" and dates.is_overdue(
                fields.Datetime.from_string(line.date_due), now)

    @api.model
    def _search_overdue(self, operator, value):
        now = fields.Datetime.now()
        # normalized ("&" explicit): Odoo 11 splices it into the caller's domain
        overdue = ["&", ("state", "=", "open"), ("date_due", "<", now)]
        if (operator == "=") == bool(value):
            return overdue
        return ["|", ("state", "!=", "open"), ("date_due", ">=", now)]

    @api.multi
    def action_open_record(self):
        self.ensure_one()
        return open_record_action(self.res_model, self.res_id)

    @api.multi
    def _close(self, state="done"):
        now = fields.Datetime.now()
        for line in self:
            line.write({
                "state": state,
                "date_done": now,
                "met_late": state == "done" and now > line.date_due,
            })
            feedback = _("Deadline met (%s).") % line.requirement_ref \
                if state == "done" else _("Deadline cancelled.")
            for activity in line.activity_id | line.escalation_activity_id:
                activity.action_feedback(feedback)

    @api.multi
    def _escalation_summary(self):
        """The escalation activity's title, in the context's language (the
        escalated user's)."""
        self.ensure_one()
        return _("OVERDUE %(ref)s: %(name)s") % {
            "ref": self.requirement_ref, "name": self.name}

    @api.model
    def _cron_escalate(self):
        """Escalate overdue deadlines to the next role (once per deadline)."""
        overdue = self.search([
            ("overdue", "=", True), ("escalated_user_id", "=", False),
            ("rule_id.escalate", "=", True)])
        for line in overdue:
            record = self.env[line.res_model].browse(line.res_id).exists()
            if not record:
                line._close("cancel")
                continue
            user = record._wf_escalation_user(line.user_id)
            if not user:
                continue
            activity = record._uchaske_schedule_activity(
                user, line.with_context(lang=user.lang)._escalation_summary(),
                fields.Date.context_today(self),
                _("The deadline was due %(due)s; %(user)s is responsible.") % {
                    "due": line.date_due, "user": line.user_id.name or "-"})
            line.write({"escalated_user_id": user.id,
                        "escalation_activity_id": activity.id,
                        "date_escalated": fields.Datetime.now()})
        return True
