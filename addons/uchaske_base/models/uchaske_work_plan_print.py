# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from babel.dates import format_date

from odoo import _, api, fields, models

from uchaske_rules.dates import format_order_date


class UchaskeWorkPlanPrint(models.AbstractModel):
    """The police point's monthly work plan printed (R18, R24.1, R24.2):
    the approval stamp, the title as the order names the plan, the
    analysis it is drawn from, the items with their column numbers and the
    signatures of the responsible inspector and of the approver, in the
    printing user's language (``_()`` at render time)."""

    _name = "report.uchaske_base.report_work_plan"
    _description = "Monthly work plan print"

    @api.model
    def _month(self, plan):
        """"November 2026" in the print's language (babel's month names:
        Kazakh and Russian included)."""
        lang = self.env.context.get("lang") or "en_US"
        try:
            return format_date(fields.Date.from_string(plan.date_month),
                               "LLLL yyyy", locale=lang)
        except ValueError:  # a language babel does not know
            return plan.date_month[:7]

    @api.model
    def _approval(self, plan):
        """(title, name, date) of the last approval of ``plan`` (R18), from
        the engine's history; empty while it is not approved."""
        if plan.state != "approved":
            return {"title": _("Not approved yet"), "name": "", "date": ""}
        history = self.env["uchaske.workflow.history"].sudo().search([
            ("res_model", "=", plan._name), ("res_id", "=", plan.id),
            ("transition_code", "=", "approve")], order="id desc", limit=1)
        approver = history.user_id
        services = self.env["uchaske.police.service"].sudo().search([
            ("department_id", "=", plan.department_id.id),
            ("chief_id", "=", approver.id)], limit=1)
        title = _("Chief of the local police service") if services \
            else _("District chief")
        date = fields.Datetime.context_timestamp(
            self, fields.Datetime.from_string(history.date)).strftime(
                "%d.%m.%Y") if history else ""
        return {"title": title, "name": approver.name or "", "date": date}

    @api.model
    def _columns(self):
        return [_("No."), _("Measure"), _("Assignee"), _("Due date"),
                _("Result"), _("Done on")]

    @api.model
    def _rows(self, plan):
        return [[index, item.name, item.assignee_id.name or "",
                 format_order_date(item.date_due), item.result or "",
                 format_order_date(item.date_done)]
                for index, item in enumerate(plan.item_ids, 1)]

    @api.model
    def get_report_values(self, docids, data=None):
        # as the user: a plan of another police point or department is an
        # AccessError (403 at the report routes), not a print
        plans = self.env["uchaske.work.plan"].browse(docids)
        plans.check_access_rights("read")
        plans.check_access_rule("read")
        return {
            "doc_ids": docids, "doc_model": "uchaske.work.plan",
            "docs": plans,
            "columns": self._columns(),
            "heads": {plan.id: {
                "title": _("Monthly work plan of police point No. %s")
                % plan.post_id.number,
                "month": _("for %s") % self._month(plan),
                "approval": self._approval(plan),
                "responsible": (plan.post_id.responsible_inspector_id
                                or plan.author_id).name or "",
            } for plan in plans},
            "plan_rows": {plan.id: self._rows(plan) for plan in plans},
        }
