# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import daily_work, dates


class UchaskeMonthlyReview(models.Model):
    """Monthly review of an officer's work (R10, R24.6): it fills itself
    from the records of the month (:meth:`_review_figures`), the police
    point's responsible inspector sums up and proposes a reward or penalty
    (R24.6), the supervising deputy chief's meeting records its date and
    conclusions (R10). Workflow: draft, summarised, discussed."""

    _name = "uchaske.monthly.review"
    _description = "Monthly review of an officer's work"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin", "mail.thread"]
    _scope_kind = "person"
    _scope_anchor = "officer_id"
    # the officer reads, the responsible inspector and the chief keep it:
    # hand-written rules (security/uchaske_daily_work_security.xml)
    _scope_rules = False
    _order = "date_from desc, officer_id"

    name = fields.Char(compute="_compute_name", store=True)
    officer_id = fields.Many2one(
        "res.users", string="Officer", required=True, index=True,
        track_visibility="onchange")
    date_from = fields.Date(
        string="Month", required=True,
        default=lambda self: dates.month_bounds(fields.Date.from_string(
            fields.Date.context_today(self)))[0])
    date_to = fields.Date(compute="_compute_name", store=True)
    line_ids = fields.One2many(
        "uchaske.monthly.review.line", "review_id", string="Figures",
        readonly=True)
    summary = fields.Text(
        help="The responsible inspector's summary of the month (R24.6).")
    proposal = fields.Selection(
        [("none", "No proposal"), ("reward", "Reward"), ("penalty", "Penalty")],
        default="none", track_visibility="onchange")
    proposal_text = fields.Text(string="Proposal")
    deputy_id = fields.Many2one(
        "res.users", string="Supervising deputy chief",
        help="Holds the summary meeting (R10).")
    meeting_date = fields.Date(track_visibility="onchange")
    conclusions = fields.Text()

    _sql_constraints = [
        ("officer_month_unique", "unique(officer_id, date_from)",
         "There is already a review of this officer for this month."),
    ]

    @api.depends("officer_id", "date_from")
    def _compute_name(self):
        for review in self:
            if review.date_from:
                review.date_to = fields.Date.to_string(dates.month_bounds(
                    fields.Date.from_string(review.date_from))[1])
            review.name = "%s %s" % (review.officer_id.name or "",
                                     (review.date_from or "")[:7])

    @api.model
    def create(self, vals):
        if vals.get("date_from"):
            vals = dict(vals, date_from=fields.Date.to_string(dates.month_bounds(
                fields.Date.from_string(vals["date_from"]))[0]))
        review = super(UchaskeMonthlyReview, self).create(vals)
        review._review_fill()
        return review

    @api.constrains("deputy_id")
    def _check_deputy(self):
        """R7, R10: the supervising deputy chief is of the department."""
        self._check_officers_department("deputy_id")

    @api.constrains("officer_id")
    def _check_officer(self):
        """The responsible inspector reviews the officers of their police
        point, the chief those of the department."""
        if self._scope_unrestricted():
            return
        user = self.env.user
        for review in self.sudo():
            if review.department_id != user.uchaske_department_id or (
                    not user.has_group("uchaske_base.group_district_chief")
                    and review.post_id not in user.uchaske_post_ids):
                raise ValidationError(_(
                    "Officer: choose an officer of your police point."))

    # -- figures: the hook other models extend --------------------------

    @api.model
    def _review_bounds(self, officer, date_from, date_to):
        """The first and the last moment (UTC strings) of the days
        ``date_from`` to ``date_to`` in the officer's department's zone:
        what happened at 01:00 on the 1st in Almaty is of that month."""
        zone = officer.sudo().uchaske_department_id._local_tz()
        return tuple(fields.Datetime.to_string(moment) for moment in
                     daily_work.utc_bounds(date_from, date_to, zone))

    @api.model
    def _review_figures(self, officer, date_from, date_to):
        """Figures of ``officer``'s work from ``date_from`` to ``date_to``
        (dates, both included): ``{key: (label, value)}``, in display order.

        Extend by inheritance (``_inherit = 'uchaske.monthly.review'``):
        call super and add your keys. Runs as superuser: the figures of a
        month count every record of the officer, whoever reads the review.
        """
        env = self.sudo().env
        start, end = self._review_bounds(officer, date_from, date_to)
        figures = OrderedDict()
        Reception = env["uchaske.reception"]
        base = [("officer_id", "=", officer.id),
                ("date_reception", ">=", start), ("date_reception", "<=", end)]
        figures["reception_in_person"] = (
            _("Receptions in person (R9)"),
            Reception.search_count(base + [("mode", "=", "in_person")]))
        figures["reception_online"] = (
            _("Online receptions (R9)"),
            Reception.search_count(base + [("mode", "=", "online")]))
        figures["rural_calls"] = (
            _("Calls to the duty unit (R23.3)"),
            env["uchaske.rural.call"].search_count([
                ("caller_id", "=", officer.id),
                ("call_day", ">=", date_from), ("call_day", "<=", date_to)]))
        rural_rule = env.ref("uchaske_base.deadline_rural_call_daily",
                             raise_if_not_found=False)
        Line = env["uchaske.workflow.deadline.line"]
        lines = Line.search([
            ("user_id", "=", officer.id),
            ("date_due", ">=", start), ("date_due", "<=", end)])
        missed = lines.filtered(
            lambda line: line.rule_id == rural_rule and (line.overdue or line.met_late))
        figures["rural_calls_missed"] = (
            _("Working days without a call (R23.3)"), len(missed))
        entries = env["uchaske.time.entry"].search([
            ("user_id", "=", officer.id),
            ("day", ">=", date_from), ("day", "<=", date_to)])
        figures["hours"] = (_("Hours worked (R8)"), sum(entries.mapped("hours")))
        figures["overtime_hours"] = (
            _("Overtime hours (R8)"), sum(entries.mapped("overtime_hours")))
        figures["diversions"] = (
            _("Diversions from district work (R7)"),
            env["uchaske.diversion"].search_count([
                ("officer_id", "=", officer.id),
                ("date_from", "<=", date_to), ("date_to", ">=", date_from)]))
        figures["deadlines_met"] = (
            _("Deadlines met on time"),
            len(lines.filtered(
                lambda line: line.state == "done" and not line.met_late)))
        figures["deadlines_overdue"] = (
            _("Deadlines overdue or met late"),
            len(lines.filtered(lambda line: line.overdue or line.met_late)))
        return figures

    @api.multi
    def _review_fill(self):
        """(Re)write the figure lines from :meth:`_review_figures`."""
        for review in self.sudo():
            figures = self._review_figures(
                review.officer_id, review.date_from, review.date_to)
            commands = [(5, 0, 0)] + [
                (0, 0, {"sequence": index, "key": key, "name": label,
                        "value": float(value)})
                for index, (key, (label, value)) in enumerate(figures.items())]
            review.write({"line_ids": commands})

    @api.multi
    def action_refresh(self):
        """Button: recount the figures (only while the review is a draft)."""
        for review in self:
            if review.state != "draft":
                raise ValidationError(_(
                    "Figures: only a draft review is recounted."))
        self.check_access_rule("write")
        self._review_fill()
        return True

    # -- workflow --------------------------------------------------------

    @api.multi
    def _wf_guard_summary(self, transition):
        """R24.6: the responsible inspector's summary is written first."""
        if not (self.summary or "").strip():
            return _("Summary: write the summary of the month (R24.6).")
        if self.proposal != "none" and not (self.proposal_text or "").strip():
            return _("Proposal: say what is proposed and why (R24.6).")
        return None

    @api.multi
    def _wf_guard_meeting(self, transition):
        """R10: the meeting's date and conclusions are recorded."""
        if not self.meeting_date or not (self.conclusions or "").strip():
            return _("Meeting date: record the date and the conclusions of "
                     "the summary meeting (R10).")
        return None

    @api.multi
    def _wf_before_summarise(self, transition, values):
        self._review_fill()
