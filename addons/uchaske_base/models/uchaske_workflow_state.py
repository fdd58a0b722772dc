# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

POLICIES = [
    ("acl", "Access rights decide"),
    ("groups", "Only the listed groups"),
    ("nobody", "Nobody (only transitions)"),
]


class UchaskeWorkflowState(models.Model):
    """A state of a workflow with its permission map: who may edit or delete
    a record while it is in this state (enforced on the server)."""

    _name = "uchaske.workflow.state"
    _description = "Workflow state"
    _order = "workflow_id, sequence, id"

    workflow_id = fields.Many2one(
        "uchaske.workflow", required=True, ondelete="cascade", index=True)
    code = fields.Char(
        required=True, help="Technical value stored in the record's state field.")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(
        string="Folded", help="Folded in kanban and hidden from the statusbar "
                              "unless the record is in it.")
    is_final = fields.Boolean(string="Final state")
    edit_policy = fields.Selection(
        POLICIES, required=True, default="acl", string="Who may edit")
    edit_group_ids = fields.Many2many(
        "res.groups", "uchaske_wf_state_edit_group_rel", "state_id", "group_id",
        string="Groups that may edit")
    delete_policy = fields.Selection(
        POLICIES, required=True, default="acl", string="Who may delete")
    delete_group_ids = fields.Many2many(
        "res.groups", "uchaske_wf_state_delete_group_rel", "state_id", "group_id",
        string="Groups that may delete")

    _sql_constraints = [
        ("code_unique", "unique(workflow_id, code)",
         "State codes are unique within a workflow."),
    ]
