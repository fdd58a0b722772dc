# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .uchaske_work_plan import EDITABLE_STATES

#: what the assignee writes on an item of an approved plan
_ASSIGNEE_FIELDS = {"result", "date_done"}


class UchaskeWorkPlanItem(models.Model):
    """An item of a police point's monthly work plan (R18, R24.2): a task,
    its assignee (an inspector or assistant of the point), its due date
    inside the plan's month, and its result. Workflow: planned (plan not
    approved yet) → open (its due date is a deadline of the assignee,
    escalated to the responsible inspector when missed) → done (by the
    assignee only)."""

    _name = "uchaske.work.plan.item"
    _description = "Work plan item"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    _scope_kind = "post"
    _scope_anchor = "plan_id"
    _order = "date_due, id"

    plan_id = fields.Many2one(
        "uchaske.work.plan", string="Plan", required=True, ondelete="cascade",
        index=True)
    name = fields.Char(string="Task", required=True)
    assignee_id = fields.Many2one(
        "res.users", string="Assignee", required=True, index=True)
    date_due = fields.Date(string="Due date", required=True, index=True)
    result = fields.Text()
    date_done = fields.Date(string="Done on", readonly=True)
    plan_state = fields.Selection(
        related="plan_id.state", string="Plan state", readonly=True)

    # -- checks --------------------------------------------------------

    @api.constrains("date_due", "plan_id")
    def _check_date_due(self):
        for item in self:
            start = fields.Date.from_string(item.plan_id.date_month)
            due = fields.Date.from_string(item.date_due)
            if not start <= due < start + relativedelta(months=1):
                raise ValidationError(_(
                    "Due date: %(due)s is outside the plan's month "
                    "(%(month)s).") % {"due": item.date_due,
                                       "month": item.plan_id.date_month[:7]})

    @api.model
    def _point_officers(self, post):
        """Inspectors and assistants of the police point (and its
        responsible inspector)."""
        districts = self.env["uchaske.district"].sudo().search(
            [("post_id", "=", post.id)])
        return districts.mapped("inspector_id") | districts.mapped(
            "assistant_ids") | post.sudo().responsible_inspector_id

    @api.constrains("assignee_id", "plan_id")
    def _check_assignee(self):
        # R7 first: the message below names the assignee
        self._check_officers_department("assignee_id")
        for item in self:
            if item.assignee_id not in self._point_officers(item.plan_id.post_id):
                raise ValidationError(_(
                    "Assignee: %s is not an inspector or assistant of the "
                    "plan's police point.") % item.assignee_id.name)

    @api.multi
    def _check_plan_editable(self, vals):
        """An approved (or submitted) plan is locked: only the assignee
        records the result of an item; a change needs "Reopen for change"."""
        if self.env.uid == SUPERUSER_ID:
            return
        keeper = self.env.user.has_group(
            "uchaske_base.group_responsible_inspector")
        for item in self:
            if keeper and item.plan_id.state in EDITABLE_STATES:
                continue
            if not set(vals) <= _ASSIGNEE_FIELDS and \
                    item.plan_id.state in EDITABLE_STATES:
                raise AccessError(_(
                    "Only the police point's responsible inspector or the "
                    "chief changes the plan %s.") % item.plan_id.display_name)
            if not set(vals) <= _ASSIGNEE_FIELDS:
                raise AccessError(_(
                    "The plan %s is locked: reopen it for change (with a "
                    "reason) to change its items.") % item.plan_id.display_name)
            if item.assignee_id != self.env.user:
                raise AccessError(_(
                    "Only the assignee records the result of \"%s\".")
                    % item.name)

    @api.model
    def create(self, vals):
        plan = self.env["uchaske.work.plan"].browse(vals.get("plan_id"))
        if plan.exists() and plan.state not in EDITABLE_STATES and \
                self.env.uid != SUPERUSER_ID:
            raise AccessError(_(
                "The plan %s is locked: reopen it for change (with a reason) "
                "to add items.") % plan.display_name)
        item = super(UchaskeWorkPlanItem, self).create(vals)
        item.plan_id._update_counts()
        return item

    @api.multi
    def write(self, vals):
        business = {name for name in vals
                    if name not in ("state", "wf_history_head")
                    and not name.startswith(("message_", "activity_"))}
        if business:
            self._check_plan_editable(business)
        result = super(UchaskeWorkPlanItem, self).write(vals)
        if "state" in vals or "plan_id" in vals:
            self.mapped("plan_id")._update_counts()
        return result

    @api.multi
    def unlink(self):
        self._check_plan_editable({"unlink"})
        plans = self.mapped("plan_id")
        result = super(UchaskeWorkPlanItem, self).unlink()
        plans._update_counts()
        return result

    # -- workflow --------------------------------------------------------

    @api.model
    def _wf_guard_columns(self):
        return super(UchaskeWorkPlanItem, self)._wf_guard_columns() + [
            "plan_id", "assignee_id"]

    @property
    def _my_work_guard_domains(self):
        """My work (issue 9 item 7, "only what the user may fire"): the
        stored conditions every item passing a guard meets, so that the
        inbox lists an item only to whom may act on it: an item is issued
        once its plan is approved; it is marked done by its assignee (R18,
        R24.2) - not offered to the chief or the other officers of the
        point, who may write it but never mark it done."""
        return {"_wf_guard_issue": [("plan_id.state", "=", "approved")],
                "_wf_guard_done": [("assignee_id", "=", self.env.uid)]}

    @api.multi
    def _wf_guard_issue(self, transition):
        return self._wf_guard_issue_batch(transition)[self.id]

    @api.multi
    def _wf_guard_issue_batch(self, transition):
        """``_wf_guard_issue`` of a set at once (a page of My work, issue
        9): the plans' states in one read, the message translated once."""
        message = _("An item opens when its plan is approved.")
        items = self.with_context(prefetch_fields=False)
        plan_of = {item.id: item.plan_id.id for item in items}
        # the plans browsed together: one read of their states
        plans = self.env["uchaske.work.plan"].with_context(
            prefetch_fields=False).browse(sorted(set(plan_of.values()) - {False}))
        approved = {plan.id for plan in plans if plan.state == "approved"}
        return {item_id: None if plan_id in approved else message
                for item_id, plan_id in plan_of.items()}

    @api.multi
    def _wf_guard_done(self, transition):
        """Completion is the assignee's (R18)."""
        return self._wf_guard_done_batch(transition)[self.id]

    @api.multi
    def _wf_guard_done_batch(self, transition):
        """``_wf_guard_done`` of a set at once: the assignees in one read,
        the names of the others' assignees (for the message) in one."""
        items = self.with_context(prefetch_fields=False)
        others = items.filtered(lambda item: item.assignee_id.id != self.env.uid)
        names = self.env["res.users"]._uchaske_names(
            [item.assignee_id.id for item in others])
        message = _("Only the assignee (%s) marks this item done.")
        return {item.id: message % names[item.assignee_id.id]
                if item in others else None for item in items}

    @api.multi
    def _wf_before_done(self, transition, values):
        self.write({"date_done": fields.Date.context_today(self)})
