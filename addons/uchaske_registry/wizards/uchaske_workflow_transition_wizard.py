# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.uchaske_registry_case import CLOSE_REASONS

CASE_MODEL = "uchaske.registry.case"


class UchaskeWorkflowTransitionWizard(models.TransientModel):
    """The transition wizard asks for the close reason where the case's
    transition needs one (R2.3), instead of hiding the button until a field
    elsewhere on the form is set."""

    _inherit = "uchaske.workflow.transition.wizard"

    ask_close_reason = fields.Boolean(compute="_compute_ask_close_reason")
    close_reason = fields.Selection(CLOSE_REASONS)

    @api.depends("res_model", "transition_id")
    def _compute_ask_close_reason(self):
        for wizard in self:
            wizard.ask_close_reason = (
                wizard.res_model == CASE_MODEL
                and self.env[CASE_MODEL]._wf_asks_close_reason(
                    wizard.transition_id))

    @api.model
    def _action_open(self, record, transition):
        action = super(UchaskeWorkflowTransitionWizard, self)._action_open(
            record, transition)
        wizard = self.browse(action["res_id"])
        if wizard.ask_close_reason:
            # R14: after a finished transfer the reason can only be this one
            reason = record.close_reason or (
                "transferred" if record.state == "transfer" else False)
            wizard.close_reason = reason
        return action

    @api.multi
    def action_apply(self):
        self.ensure_one()
        if self.ask_close_reason and self.close_reason:
            # same transaction: a refused transition rolls the reason back
            self.env[self.res_model].browse(self.res_id).write(
                {"close_reason": self.close_reason})
        return super(UchaskeWorkflowTransitionWizard, self).action_apply()
