# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: a technical input name: what ``wf_apply(code, values)`` receives
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class UchaskeWorkflowInput(models.Model):
    """An input a transition receives (``wf_apply``'s ``values``).

    The five standard inputs (comment, legal basis, document number and
    date, attachments) are declared once, without a transition, and offered
    by every transition; the transition's ``require_*`` flags make them
    required. A transition declares its own further inputs (a participant
    count, the accepting officer...) as records of its own."""

    _name = "uchaske.workflow.input"
    _description = "Workflow transition input"
    _order = "sequence, id"

    transition_id = fields.Many2one(
        "uchaske.workflow.transition", ondelete="cascade", index=True,
        help="Empty: a standard input, offered by every transition.")
    name = fields.Char(
        required=True, help="Technical name: the key in wf_apply's values.")
    label = fields.Char(required=True, translate=True)
    type = fields.Selection([
        ("char", "Short text"),
        ("text", "Text"),
        ("date", "Date"),
        ("integer", "Whole number"),
        ("many2one", "Record"),
        ("attachments", "Attachments"),
    ], required=True, default="char")
    comodel = fields.Char(
        string="Record model",
        help="Model of the record a many2one input names (e.g. res.users).")
    required = fields.Boolean()
    not_future = fields.Boolean(
        string="Not in the future", help="A date input: today at the latest.")
    help = fields.Char(translate=True)
    sequence = fields.Integer(default=10)

    _sql_constraints = [
        ("name_unique", "unique(transition_id, name)",
         "Input names are unique within a transition."),
    ]

    @api.constrains("name", "type", "comodel", "transition_id")
    def _check_declaration(self):
        standard = self.search([("transition_id", "=", False)])
        for spec in self:
            if not _NAME.match(spec.name or ""):
                raise ValidationError(_(
                    "Input %s: the name is lower-case letters, digits and "
                    "underscores.") % spec.name)
            if spec.transition_id and spec.name in standard.mapped("name"):
                raise ValidationError(_(
                    "Input %s is a standard input: use the transition's "
                    "flags.") % spec.name)
            if spec.type == "many2one" and spec.comodel not in self.env:
                raise ValidationError(_(
                    "Input %(name)s: %(model)s is not a model.") % {
                        "name": spec.name, "model": spec.comodel})

    @api.multi
    def _is_standard(self):
        self.ensure_one()
        return not self.transition_id
