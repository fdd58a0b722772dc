# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UchaskeWorkflowTransitionWizard(models.TransientModel):
    """Collects a transition's required inputs, then calls ``wf_apply``:
    the button and RPC go through the very same checks."""

    _name = "uchaske.workflow.transition.wizard"
    _description = "Workflow transition inputs"

    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Integer(required=True, readonly=True)
    transition_id = fields.Many2one(
        "uchaske.workflow.transition", required=True, readonly=True)
    confirm = fields.Char(related="transition_id.confirm", readonly=True)
    require_comment = fields.Boolean(related="transition_id.require_comment",
                                     readonly=True)
    require_legal_basis = fields.Boolean(
        related="transition_id.require_legal_basis", readonly=True)
    require_document = fields.Boolean(related="transition_id.require_document",
                                      readonly=True)
    require_attachment = fields.Boolean(
        related="transition_id.require_attachment", readonly=True)
    comment = fields.Text()
    legal_basis = fields.Char()
    document_number = fields.Char()
    document_date = fields.Date()
    attachment_ids = fields.Many2many(
        "ir.attachment", "uchaske_wf_wizard_attachment_rel", "wizard_id",
        "attachment_id", string="Attachments")

    @api.model
    def _action_open(self, record, transition):
        wizard = self.create({
            "res_model": record._name,
            "res_id": record.id,
            "transition_id": transition.id,
        })
        return {
            "type": "ir.actions.act_window",
            "name": transition.name,
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.multi
    def _prepare_values(self):
        self.ensure_one()
        values = {}
        for name in ("comment", "legal_basis", "document_number", "document_date"):
            if self[name]:
                values[name] = self[name]
        if self.attachment_ids:
            values["attachment_ids"] = self.attachment_ids.ids
        return values

    @api.multi
    def action_apply(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        record.wf_apply(self.transition_id.code, self._prepare_values())
        return {"type": "ir.actions.act_window_close"}
