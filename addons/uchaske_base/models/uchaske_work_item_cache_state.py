# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class UchaskeWorkflowState(models.Model):
    """A changed workflow state clears the registry's caches: "My work"
    keeps each workflow's definition cached
    (``uchaske.work.item._my_work_definition``), as the workflow itself
    does on its own changes."""

    _inherit = "uchaske.workflow.state"

    @api.model
    def create(self, vals):
        result = super(UchaskeWorkflowState, self).create(vals)
        self.clear_caches()
        return result

    @api.multi
    def write(self, vals):
        result = super(UchaskeWorkflowState, self).write(vals)
        self.clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskeWorkflowState, self).unlink()
        self.clear_caches()
        return result
