# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class UchaskeWorkNotebook(models.Model):
    """An officer's work notebook, kept electronically (R20): one per
    inspector or assistant, created on first use. Its owner writes it; the
    police point's responsible inspector and the chief read it (person
    scope)."""

    _name = "uchaske.work.notebook"
    _description = "Work notebook"
    _inherit = ["uchaske.scope.mixin"]
    _scope_kind = "person"
    _order = "user_id"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, readonly=True,
        index=True, default=lambda self: self.env.user)
    entry_ids = fields.One2many(
        "uchaske.work.notebook.entry", "notebook_id", string="Entries")
    entry_count = fields.Integer(compute="_compute_entry_count")

    _sql_constraints = [
        ("user_unique", "unique(user_id)", "An officer keeps one work notebook."),
    ]

    @api.depends("user_id")
    def _compute_name(self):
        for notebook in self:
            notebook.name = _("Work notebook of %s") % (
                notebook.user_id.sudo().name or "")

    @api.depends("entry_ids")
    def _compute_entry_count(self):
        for notebook in self:
            notebook.entry_count = len(notebook.entry_ids)

    @api.model
    def _get_mine(self):
        """The current officer's notebook, created on first use (R20)."""
        notebook = self.search([("user_id", "=", self.env.uid)], limit=1)
        return notebook or self.create({"user_id": self.env.uid})

    @api.model
    def action_open_mine(self):
        """Menu "My work notebook": open (and create) the own notebook."""
        return {
            "type": "ir.actions.act_window",
            "name": _("My work notebook"),
            "res_model": self._name,
            "res_id": self._get_mine().id,
            "view_mode": "form",
            "target": "current",
        }
