# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from ..core import dates
from .uchaske_workflow_deadline_line import open_record_action


class UchaskeWorkItem(models.TransientModel):
    """"My work": the records where the current user can fire a transition
    now, and every open deadline they are responsible for (or that was
    escalated to them), with due date, requirement id and overdue flag.

    Rebuilt for the user each time the menu opens (transient: each user sees
    only their own lines), from searches made *as the user*, so the record
    rules decide what appears.
    """

    _name = "uchaske.work.item"
    _description = "My work"
    _order = "overdue desc, date_due, id"

    #: records examined per workflow when building the list
    _MAX_RECORDS_PER_WORKFLOW = 500

    kind = fields.Selection(
        [("action", "To act on"), ("deadline", "Deadline")], required=True)
    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    model_name = fields.Char(string="Document type")
    record_name = fields.Char(string="Record")
    state_name = fields.Char(string="State")
    actions = fields.Char(string="You can")
    deadline_line_id = fields.Many2one("uchaske.workflow.deadline.line")
    name = fields.Char(string="Deadline")
    requirement_ref = fields.Char(string="Requirement")
    date_due = fields.Datetime(string="Due")
    overdue = fields.Boolean()
    escalated = fields.Boolean()

    @api.model
    def _build(self):
        self.search([("create_uid", "=", self.env.uid)]).unlink()
        vals_list = self._prepare_action_items() + self._prepare_deadline_items()
        for vals in vals_list:
            self.create(vals)
        return True

    @api.model
    def _prepare_action_items(self):
        items = []
        user = self.env.user
        for workflow in self.env["uchaske.workflow"].sudo().search([]):
            if workflow.model not in self.env:
                continue
            model = self.env[workflow.model]
            transitions = workflow.transition_ids.filtered(
                lambda t: not t.group_ids or t.group_ids & user.groups_id)
            codes = transitions.mapped("from_state_ids.code")
            if not codes or not model.check_access_rights("write", False):
                continue
            records = model.search([("state", "in", codes)],
                                   limit=self._MAX_RECORDS_PER_WORKFLOW)
            for record in records:
                available = record._wf_available_transitions()
                if not available:
                    continue
                items.append({
                    "kind": "action",
                    "res_model": workflow.model,
                    "res_id": record.id,
                    "model_name": workflow.name,
                    "record_name": record.display_name,
                    "state_name": record._wf_state_record().name,
                    "actions": ", ".join(available.mapped("name")),
                })
        return items

    @api.model
    def _prepare_deadline_items(self):
        lines = self.env["uchaske.workflow.deadline.line"].search([
            ("state", "=", "open"), "|", ("user_id", "=", self.env.uid),
            ("escalated_user_id", "=", self.env.uid)])
        now = fields.Datetime.from_string(fields.Datetime.now())
        items = []
        for line in lines:
            workflow = self.env["uchaske.workflow"]._get_for_model(line.res_model)
            items.append({
                "kind": "deadline",
                "res_model": line.res_model,
                "res_id": line.res_id,
                "model_name": workflow.name or line.res_model,
                "record_name": line.record_name,
                "deadline_line_id": line.id,
                "name": line.name,
                "requirement_ref": line.requirement_ref,
                "date_due": line.date_due,
                "overdue": dates.is_overdue(
                    fields.Datetime.from_string(line.date_due), now),
                "escalated": line.escalated_user_id == self.env.user,
            })
        return items

    @api.model
    def action_open_my_work(self):
        self._build()
        return {
            "type": "ir.actions.act_window",
            "name": _("My work"),
            "res_model": self._name,
            "view_mode": "tree,kanban",
            "domain": [("create_uid", "=", self.env.uid)],
            "context": {"search_default_group_kind": 1},
            "target": "current",
        }

    @api.multi
    def action_open_record(self):
        self.ensure_one()
        return open_record_action(self.res_model, self.res_id)
