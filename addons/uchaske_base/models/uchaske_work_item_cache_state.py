# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class UchaskeWorkflowState(models.Model):
    """A changed workflow state clears the registry's caches (My work's
    cached definitions, ``uchaske.work.item.cache``)."""

    _name = "uchaske.workflow.state"
    _inherit = ["uchaske.workflow.state", "uchaske.work.item.cache"]
