# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class UchaskeWorkflowTransition(models.Model):
    """A changed workflow transition clears the registry's caches: "My work"
    keeps each workflow's definition cached
    (``uchaske.work.item._my_work_definition``), as the workflow itself
    does on its own changes."""

    _inherit = "uchaske.workflow.transition"

    @api.model
    def create(self, vals):
        result = super(UchaskeWorkflowTransition, self).create(vals)
        self.clear_caches()
        return result

    @api.multi
    def write(self, vals):
        result = super(UchaskeWorkflowTransition, self).write(vals)
        self.clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskeWorkflowTransition, self).unlink()
        self.clear_caches()
        return result
