# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval


class UchaskeWorkflowTransition(models.Model):
    """A transition: from states, to a state, guarded by groups, a domain and
    optionally a method; with required inputs and a maker-checker flag."""

    _name = "uchaske.workflow.transition"
    _description = "Workflow transition"
    _order = "workflow_id, sequence, id"

    workflow_id = fields.Many2one(
        "uchaske.workflow", required=True, ondelete="cascade", index=True)
    code = fields.Char(required=True)
    name = fields.Char(string="Button label", required=True, translate=True)
    sequence = fields.Integer(default=10)
    from_state_ids = fields.Many2many(
        "uchaske.workflow.state", "uchaske_wf_transition_from_rel",
        "transition_id", "state_id", string="From states", required=True)
    to_state_id = fields.Many2one(
        "uchaske.workflow.state", string="To state", required=True,
        ondelete="restrict")
    group_ids = fields.Many2many(
        "res.groups", "uchaske_wf_transition_group_rel", "transition_id",
        "group_id", string="Guard: groups",
        help="Only members of one of these groups may fire the transition "
             "(empty: anyone who may write the record).")
    guard_domain = fields.Char(
        string="Guard: domain", default="[]",
        help="The record must match this domain. Evaluated with user, uid, "
             "today and now.")
    guard_method = fields.Char(
        string="Guard: method",
        help="Name of a method of the model, starting with _wf_guard_, that "
             "returns an error message (or None) for one record.")
    require_comment = fields.Boolean()
    require_legal_basis = fields.Boolean()
    require_document = fields.Boolean(
        help="A document number and date are required (e.g. an order or a "
             "request).")
    require_attachment = fields.Boolean()
    input_ids = fields.One2many(
        "uchaske.workflow.input", "transition_id", string="Own inputs",
        help="Inputs of this transition besides the standard ones (comment, "
             "legal basis, document, attachments: see the require flags).")
    maker_checker = fields.Boolean(
        string="Maker-checker",
        help="The user who performed the transition that led into the current "
             "state (the request) cannot perform this one (the approval).")
    confirm = fields.Char(
        translate=True, help="Confirmation question shown before firing.")
    button_class = fields.Selection(
        [("oe_highlight", "Primary"), ("btn-default", "Secondary")],
        default="btn-default")
    requirement_ref = fields.Char(
        string="Requirement", help="Requirement id of Order No. 1095 (e.g. R2.3).")

    _sql_constraints = [
        ("code_unique", "unique(workflow_id, code)",
         "Transition codes are unique within a workflow."),
    ]

    @api.constrains("from_state_ids", "to_state_id", "workflow_id")
    def _check_states_of_workflow(self):
        for transition in self:
            states = transition.from_state_ids | transition.to_state_id
            if states.mapped("workflow_id") != transition.workflow_id:
                raise ValidationError(_(
                    "Transition %s uses states of another workflow.") %
                    transition.code)

    @api.constrains("guard_domain", "guard_method")
    def _check_guards(self):
        for transition in self:
            try:
                domain = safe_eval(transition.guard_domain or "[]",
                                   transition._guard_eval_context())
            # what safe_eval raises for a bad or forbidden expression
            except (ValueError, NameError, SyntaxError, TypeError) as error:
                raise ValidationError(_(
                    "Transition %(code)s: invalid guard domain: %(error)s") % {
                        "code": transition.code, "error": error})
            if not isinstance(domain, (list, tuple)):
                raise ValidationError(_(
                    "Transition %s: the guard domain must be a list.") %
                    transition.code)
            method = transition.guard_method
            if method and (not method.startswith("_wf_guard_") or not hasattr(
                    self.env[transition.workflow_id.model], method)):
                raise ValidationError(_(
                    "Transition %(code)s: guard method %(method)s must start "
                    "with _wf_guard_ and exist on the model.") % {
                        "code": transition.code, "method": method})

    @api.multi
    def _guard_eval_context(self):
        now = fields.Datetime.now()
        return {
            "user": self.env.user,
            "uid": self.env.uid,
            "today": fields.Date.context_today(self),
            "now": now,
        }

    @api.multi
    def _get_guard_domain(self):
        self.ensure_one()
        return safe_eval(self.guard_domain or "[]", self._guard_eval_context())

    @api.multi
    def _wf_inputs(self):
        """The inputs this transition accepts: the standard declarations,
        then its own, in their sequence."""
        self.ensure_one()
        return self.env["uchaske.workflow.input"].sudo().browse(
            self._wf_input_ids())

    @api.multi
    @tools.ormcache("self.id")
    def _wf_input_ids(self):
        """Ids of :meth:`_wf_inputs`, in their order. Cached: asked two or
        three times by every transition fired, four statements each time
        (issue 14); cleared with the registry's caches when a declaration
        or a transition changes."""
        standard = self.env["uchaske.workflow.input"].sudo().search(
            [("transition_id", "=", False)])
        return tuple((standard | self.sudo().input_ids).sorted(
            lambda spec: (spec.sequence, spec.id)).ids)

    @api.multi
    def _required_inputs(self):
        """Names of the inputs this transition needs: the standard ones its
        flags require, then its own required declarations."""
        self.ensure_one()
        return list(self._required_input_names())

    @api.multi
    @tools.ormcache("self.id")
    def _required_input_names(self):
        """:meth:`_required_inputs` as a tuple. Cached as
        :meth:`_wf_input_ids`: every transition fired asked the flags and
        the declarations again, three statements (issue 14)."""
        transition = self.sudo()
        names = []
        if transition.require_comment:
            names.append("comment")
        if transition.require_legal_basis:
            names.append("legal_basis")
        if transition.require_document:
            names += ["document_number", "document_date"]
        if transition.require_attachment:
            names.append("attachment_ids")
        names += transition.input_ids.filtered("required").mapped("name")
        return tuple(names)
