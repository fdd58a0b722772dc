# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class UchaskeWfTestNote(models.Model):
    """A person's record (like an officer's work notebook), moved through
    the engine: its owner keeps it, the police point's responsible inspector
    and the chief read it (R24, R16)."""

    _name = "uchaske.wf.test.note"
    _description = "Workflow test work notebook"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    _scope_kind = "person"

    name = fields.Char(required=True)
    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, index=True,
        default=lambda self: self.env.user)
