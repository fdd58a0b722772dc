# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class UchaskeWorkflowDeadline(models.Model):
    """A changed deadline rule clears the registry's caches (the engine's
    cached summary of the rules, ``_wf_deadline_summary``)."""

    _name = "uchaske.workflow.deadline"
    _inherit = ["uchaske.workflow.deadline", "uchaske.work.item.cache"]
