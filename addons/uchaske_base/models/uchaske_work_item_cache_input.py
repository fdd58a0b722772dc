# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class UchaskeWorkflowInput(models.Model):
    """A changed input declaration clears the registry's caches (the
    transitions' cached inputs, ``_wf_input_ids``)."""

    _name = "uchaske.workflow.input"
    _inherit = ["uchaske.workflow.input", "uchaske.work.item.cache"]
