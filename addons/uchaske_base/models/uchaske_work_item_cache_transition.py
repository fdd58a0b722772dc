# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class UchaskeWorkflowTransition(models.Model):
    """A changed workflow transition clears the registry's caches (My work's
    cached definitions, ``uchaske.work.item.cache``)."""

    _name = "uchaske.workflow.transition"
    _inherit = ["uchaske.workflow.transition", "uchaske.work.item.cache"]
