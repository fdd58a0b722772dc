# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools

from uchaske_rules import daily_work


class UchaskeWorkflowDeadlineMixin(models.AbstractModel):
    """The deadlines of a workflow record (issue 9 item 3): the state rules
    of ``uchaske.workflow.deadline`` open when the record enters their state
    and close when it leaves it; a rule counted from (or BEFORE) a date field
    of the record moves with that field (R27: the notice 10 calendar days
    before a meeting; R32: the protocol on the meeting day).

    Periodic rules (a meeting per district each quarter ...) are not bound to
    a record's state: ``uchaske.workflow.deadline._cron_periodic`` opens them.
    """

    _name = "uchaske.workflow.deadline.mixin"
    _description = "Workflow deadlines"

    @api.model
    @tools.ormcache()
    def _wf_deadline_summary(self):
        """What the workflow's "while in a state" deadline rules need, as
        plain data: the ids of the states that have rules, and the date
        fields the rules count from. Cached (every write and transition
        asks it: two statements each time, issue 14); cleared with the
        registry's caches when a rule, a state or a workflow changes."""
        every = self._wf_workflow().deadline_ids
        rules = every.filtered(lambda r: r.kind == "state")
        return {"state_ids": frozenset(rules.mapped("state_id").ids),
                # the lines a transition closes: of any rule on the state
                "closing_state_ids": frozenset(every.mapped("state_id").ids),
                "date_fields": frozenset(filter(None, rules.mapped("date_field")))}

    @api.multi
    def _wf_deadline_tz(self, scope=None):
        """The time zone whose days the record's deadlines count: its
        department's (Asia/Almaty without one). ``scope``: the record's
        :meth:`_wf_scope_vals`, when the caller has them already."""
        self.ensure_one()
        if scope is None:
            scope = self._wf_scope_vals()
        return self.env["uchaske.department"].browse(
            scope.get("department_id"))._local_tz()

    @api.multi
    def _wf_open_deadlines(self, state, user):
        """Open the deadlines of ``state``; ``user`` (who made the record
        enter it) is responsible when the rule names no user field."""
        self.ensure_one()
        if state.id not in self._wf_deadline_summary()["state_ids"]:
            return
        rules = self._wf_workflow().deadline_ids.filtered(
            lambda r: r.kind == "state" and r.state_id == state)
        entered = fields.Datetime.from_string(fields.Datetime.now())
        for rule in rules:
            self._wf_open_deadline(rule, user, entered)

    @api.multi
    def _wf_open_deadline(self, rule, user, entered):
        """Open one line of ``rule`` (none while the date field a rule counts
        back from is empty: there is nothing to count from)."""
        self.ensure_one()
        scope = self._wf_scope_vals()
        tz_name = self._wf_deadline_tz(scope)
        base = rule._base_moment(self, entered, tz_name)
        if base is None:
            return self.env["uchaske.workflow.deadline.line"]
        due = rule._compute_due(base, tz_name)
        local_due = daily_work.to_local(due, tz_name)
        responsible = self[rule.responsible_field] \
            if rule.responsible_field else None
        responsible = responsible or user
        vals = {
            "rule_id": rule.id,
            "requirement_ref": rule.requirement_ref,
            "res_model": self._name,
            "res_id": self.id,
            "record_name": self.display_name,
            "user_id": responsible.id,
            "date_start": fields.Datetime.to_string(base),
            "date_due": fields.Datetime.to_string(due),
        }
        vals.update(scope)
        vals.pop("involved_department_id", None)  # history rows only
        line = self.env["uchaske.workflow.deadline.line"].sudo().create(vals)
        # the activity's title in the language of the officer it is for
        name = "%s: %s" % (rule.requirement_ref,
                           rule.with_context(lang=responsible.lang).name)
        activity = self._uchaske_schedule_activity(
            responsible, name, fields.Date.to_string(local_due.date()),
            _("Due %(due)s (%(ref)s).") % {
                "due": fields.Datetime.to_string(local_due),
                "ref": rule.requirement_ref},
            key=line._activity_key())
        line.activity_id = activity
        return line

    @api.multi
    def _wf_close_deadlines(self, state, transition):
        self.ensure_one()
        if state.id not in self._wf_deadline_summary()["closing_state_ids"]:
            return
        lines = self.env["uchaske.workflow.deadline.line"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id),
            ("state", "=", "open"), ("rule_id.state_id", "=", state.id)])
        met = lines.filtered(
            lambda line: not line.rule_id.transition_id
            or line.rule_id.transition_id == transition)
        met._close("done")
        (lines - met)._close("cancel")

    @api.multi
    def _wf_move_deadlines(self, field_names):
        """The date fields ``field_names`` changed: move the open lines of
        the rules counting from them (and their activities); open the line
        of a rule in the record's state that had no date to count from."""
        if not self._wf_deadline_summary()["date_fields"] & set(field_names):
            return
        rules = self._wf_workflow().deadline_ids.filtered(
            lambda r: r.kind == "state" and r.date_field in field_names)
        if not rules:
            return
        Line = self.env["uchaske.workflow.deadline.line"].sudo()
        lines = Line.search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
            ("rule_id", "in", rules.ids), ("state", "in", ("open", "done"))])
        now = fields.Datetime.from_string(fields.Datetime.now())
        for record in self.sudo():
            tz_name = record._wf_deadline_tz()
            for rule in rules.filtered(lambda r: r.state_id.code == record.state):
                mine = lines.filtered(lambda line: line.res_id == record.id
                                      and line.rule_id == rule)
                if not mine:
                    record._wf_open_deadline(rule, self.env.user, now)
                    continue
                for line in mine.filtered(lambda line: line.state == "open"):
                    base = rule._base_moment(
                        record, fields.Datetime.from_string(line.date_start),
                        tz_name)
                    if base is None:
                        line._close("cancel")
                        continue
                    due = rule._compute_due(base, tz_name)
                    line.write({"date_start": fields.Datetime.to_string(base),
                                "date_due": fields.Datetime.to_string(due)})
                    if line.activity_id:
                        line.activity_id.write({
                            "date_deadline": fields.Date.to_string(
                                daily_work.to_local(due, tz_name).date())})

    @api.multi
    def write(self, vals):
        result = super(UchaskeWorkflowDeadlineMixin, self).write(vals)
        if vals:
            self._wf_move_deadlines(set(vals))
        return result
