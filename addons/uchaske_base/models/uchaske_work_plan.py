# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

#: states in which the plan (and its items) may be changed
EDITABLE_STATES = ("draft", "reopened")


class UchaskeWorkPlan(models.Model):
    """Monthly work plan of a police point (R18, R24.1, R24.2).

    Drafted by the responsible inspector for one month from the analysis he
    writes (R24.1), approved by the chief of the local police service or the
    district chief (maker-checker: the author cannot approve, R18); locked
    once approved, reopened for change only with a reason and approved
    again. Its items (:class:`UchaskeWorkPlanItem`) are completed by their
    assignees and their due dates are deadlines of the engine."""

    _name = "uchaske.work.plan"
    _description = "Monthly work plan of the police point"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    _scope_kind = "post"
    _order = "date_month desc, post_id"

    name = fields.Char(compute="_compute_name", store=True)
    post_id = fields.Many2one(
        string="Police point", required=True, readonly=False,
        track_visibility="onchange",
        default=lambda self: self.env.user.uchaske_post_ids[:1])
    date_month = fields.Date(
        string="Month", required=True, index=True,
        default=lambda self: self._default_date_month(),
        help="First day of the month the plan is for.")
    author_id = fields.Many2one(
        "res.users", string="Drafted by", readonly=True, index=True,
        default=lambda self: self.env.user)
    analysis = fields.Text(
        help="The responsible inspector's analysis of the state, structure "
             "and dynamics of offences in the police point's territory and of "
             "the effectiveness of prevention, the plan is drawn from (R24.1).")
    change_reason = fields.Text(
        string="Reason for the change", readonly=True,
        help="Why the approved plan was reopened (filled by the transition).")
    item_ids = fields.One2many(
        "uchaske.work.plan.item", "plan_id", string="Items", copy=False)
    # kept by the engine (an assignee completing an item may not write the
    # plan): stored for the pivot of plans fulfilled
    item_count = fields.Integer(readonly=True)
    item_done_count = fields.Integer(string="Items done", readonly=True)
    fulfilled_percent = fields.Float(
        string="Fulfilled (%)", readonly=True, group_operator="avg")

    _sql_constraints = [
        ("post_month_unique", "unique(post_id, date_month)",
         "A police point has one work plan per month."),
    ]

    @api.model
    def _default_date_month(self):
        """The first month from this one the user's police point has no
        plan for yet (this month, else the next ...)."""
        month = fields.Date.from_string(
            fields.Date.context_today(self)).replace(day=1)
        post = self.env.user.uchaske_post_ids[:1]
        for _step in range(24):
            if not post or not self.search_count([
                    ("post_id", "=", post.id),
                    ("date_month", "=", fields.Date.to_string(month))]):
                break
            month += relativedelta(months=1)
        return fields.Date.to_string(month)

    @api.depends("post_id", "date_month")
    def _compute_name(self):
        for plan in self:
            plan.name = "%s — %s" % (plan.post_id.display_name or "",
                                     (plan.date_month or "")[:7])

    @api.multi
    def _update_counts(self):
        """Items and items done, written by the engine."""
        for plan in self.sudo().exists():
            items = plan.item_ids
            done = items.filtered(lambda i: i.state == "done")
            plan.write({
                "item_count": len(items),
                "item_done_count": len(done),
                "fulfilled_percent": 100.0 * len(done) / len(items)
                if items else 0.0})

    @api.constrains("date_month")
    def _check_date_month(self):
        for plan in self:
            if fields.Date.from_string(plan.date_month).day != 1:
                raise ValidationError(_(
                    "Month: a work plan starts on the first day of a month."))

    # -- workflow ---------------------------------------------------------

    @api.multi
    def _wf_guard_submit(self, transition):
        """R24.1: the plan is drawn from the analysis, with at least one item."""
        return self._wf_guard_submit_batch(transition)[self.id]

    @api.multi
    def _wf_guard_submit_batch(self, transition):
        """``_wf_guard_submit`` of a set at once (a page of My work, issue
        9): the analyses in one read, the plans with an item the user sees
        (``item_ids`` under the items' read rules) in one statement."""
        no_analysis = _("Analysis: write the analysis the plan is drawn from "
                        "(R24.1) before submitting it.")
        no_items = _("Items: a work plan needs at least one item.")
        with_items = set()
        if self.ids:
            Item = self.env["uchaske.work.plan.item"]
            Item.check_access_rights("read")  # as item_ids' search
            from_clause, where_clause, params = Item._uchaske_rules_sql(
                [("plan_id", "in", self.ids)])
            self.env.cr.execute('SELECT DISTINCT "%s".plan_id FROM %s WHERE %s' % (
                Item._table, from_clause, where_clause), params)
            with_items = {plan_id for plan_id, in self.env.cr.fetchall()}
        return {plan.id: no_analysis if not (plan.analysis or "").strip()
                else None if plan.id in with_items else no_items
                for plan in self.with_context(prefetch_fields=False)}

    @property
    def _my_work_guard_domains(self):
        """My work: the plans whose approval (or return) may be the user's,
        on stored fields (see ``uchaske.work.item``)."""
        domain = self._approver_domain()
        return {"_wf_guard_approve": domain, "_wf_guard_return_draft": domain}

    @api.model
    def _approver_domain(self):
        """R18: the plans the current user may approve: any he may change
        as district chief, else those of the departments whose local police
        service he heads or whose chief he substitutes today."""
        if self.env.user.has_group("uchaske_base.group_district_chief"):
            return []
        return [("department_id", "in",
                 self.env.user.uchaske_service_department_ids.ids)]

    @api.multi
    def _approver_error(self):
        """R18: the plan is approved (or returned) by the chief of the local
        police service of its department (or his substitute on the day) or
        by the district chief."""
        self.ensure_one()
        if self.env.user.has_group("uchaske_base.group_district_chief") or \
                self.department_id in self.env.user.uchaske_service_department_ids:
            return None
        return _("Approval: the chief of the local police service or the "
                 "district chief approves the police point's plan (R18).")

    @api.multi
    def _wf_check_guard_method(self, transition):
        """R18: who approves (or returns) the plan is a question of access:
        refused with an AccessError before the transition's own guard."""
        if transition.code in ("approve", "return_draft"):
            message = self._approver_error()
            if message:
                return AccessError(message)
        return super(UchaskeWorkPlan, self)._wf_check_guard_method(transition)

    @api.multi
    def _wf_guard_return_draft(self, transition):
        """R18: returned for rework by those who approve (checked by
        :meth:`_wf_check_guard_method`); named by the transition so that My
        work finds the plans through :attr:`_my_work_guard_domains`."""
        return None

    @api.multi
    def _wf_guard_approve(self, transition):
        """R18: the author of the plan cannot approve it (maker-checker);
        who approves: :meth:`_wf_check_guard_method`."""
        if self.author_id == self.env.user:
            return _("You drafted this plan: another person (the chief of the "
                     "local police service or the district chief) approves it "
                     "(R18).")
        return None

    @api.multi
    def _wf_before_reopen(self, transition, values):
        self.sudo().write({"change_reason": values.get("comment")})

    @api.multi
    def _wf_after_approve(self, transition, values):
        """The items planned (new ones, or all at the first approval) become
        open: their due dates are now deadlines of their assignees."""
        items = self.sudo().item_ids.filtered(lambda i: i.state == "planned")
        if items:
            items.wf_apply("issue")

    # -- buttons -----------------------------------------------------------

    @api.multi
    def action_copy_next_month(self):
        """Start next month's plan from this one: the analysis and the items
        (task, assignee) with their due dates shifted by one month."""
        self.ensure_one()
        # the plan is kept by its point's lead: officers get a clear refusal
        self.check_access_rule("write")
        start = fields.Date.from_string(self.date_month) + relativedelta(months=1)
        if self.search_count([("post_id", "=", self.post_id.id),
                              ("date_month", "=", fields.Date.to_string(start))]):
            raise ValidationError(_(
                "Month: the police point already has a plan for %s.")
                % fields.Date.to_string(start)[:7])
        plan = self.create({
            "post_id": self.post_id.id,
            "date_month": fields.Date.to_string(start),
            "analysis": self.analysis,
            "item_ids": [(0, 0, {
                "name": item.name,
                "assignee_id": item.assignee_id.id,
                "date_due": fields.Date.to_string(
                    fields.Date.from_string(item.date_due)
                    + relativedelta(months=1)),
            }) for item in self.item_ids],
        })
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": plan.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.multi
    def action_view_timeline(self):
        """The plan's items on a timeline by assignee (OCA web_timeline)."""
        self.ensure_one()
        action = self.env.ref(
            "uchaske_base.uchaske_work_plan_item_timeline_action").read()[0]
        action["domain"] = [("plan_id", "=", self.id)]
        action["display_name"] = action["name"] = self.display_name
        return action
