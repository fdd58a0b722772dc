# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeWfTestPlan(models.Model):
    """A police point's record (like its monthly plan), moved through the
    engine: its officers read it, its responsible inspector and the chief
    keep it (R24, R16)."""

    _name = "uchaske.wf.test.plan"
    _description = "Workflow test police point plan"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    _scope_kind = "post"

    name = fields.Char(required=True)
    post_id = fields.Many2one(required=True, readonly=False)
