# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError


class UchaskeWorkflow(models.Model):
    """A workflow definition for one model, as data (anchor: Plone's
    DCWorkflow). States, transitions and deadline rules are records that
    another addon declares in XML and an administrator may edit."""

    _name = "uchaske.workflow"
    _description = "Workflow"
    _order = "model"

    name = fields.Char(required=True, translate=True)
    model = fields.Char(
        required=True, index=True,
        help="Technical name of the model (it must inherit "
             "uchaske.workflow.mixin).")
    model_id = fields.Many2one(
        "ir.model", compute="_compute_model_id", string="Model record")
    description = fields.Text(translate=True)
    state_ids = fields.One2many(
        "uchaske.workflow.state", "workflow_id", string="States")
    transition_ids = fields.One2many(
        "uchaske.workflow.transition", "workflow_id", string="Transitions")
    deadline_ids = fields.One2many(
        "uchaske.workflow.deadline", "workflow_id", string="Deadline rules")
    initial_state_id = fields.Many2one(
        "uchaske.workflow.state", compute="_compute_initial_state_id",
        help="The first state by sequence: new records start there.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("model_unique", "unique(model)", "A model can have only one workflow."),
    ]

    @api.depends("model")
    def _compute_model_id(self):
        for workflow in self:
            workflow.model_id = self.env["ir.model"].sudo().search(
                [("model", "=", workflow.model)], limit=1)

    @api.depends("state_ids.sequence")
    def _compute_initial_state_id(self):
        for workflow in self:
            workflow.initial_state_id = workflow.state_ids.sorted(
                lambda s: (s.sequence, s.id))[:1]

    @api.constrains("model")
    def _check_model(self):
        for workflow in self:
            if workflow.model not in self.env:
                raise ValidationError(_("Unknown model %s.") % workflow.model)
            if not isinstance(self.env[workflow.model],
                              type(self.env["uchaske.workflow.mixin"])):
                raise ValidationError(_(
                    "Model %s does not inherit the workflow mixin "
                    "(uchaske.workflow.mixin).") % workflow.model)

    @api.model
    def create(self, vals):
        result = super(UchaskeWorkflow, self).create(vals)
        self.clear_caches()
        return result

    @api.multi
    def write(self, vals):
        result = super(UchaskeWorkflow, self).write(vals)
        self.clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskeWorkflow, self).unlink()
        self.clear_caches()
        return result

    @api.model
    def _get_for_model(self, model_name):
        return self.sudo().browse(self._get_id_for_model(model_name))

    @api.model
    @tools.ormcache("model_name")
    def _get_id_for_model(self, model_name):
        """Cached (every form, button and My work asks it); cleared when a
        workflow is created, changed or deleted."""
        return self.sudo().search([("model", "=", model_name)], limit=1).ids

    @api.multi
    def _get_state(self, code):
        self.ensure_one()
        return self.state_ids.filtered(lambda s: s.code == code)[:1]
