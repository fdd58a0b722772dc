# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from .uchaske_workflow_guards import GuardSpec
from .uchaske_workflow_trail import _WF_TOKEN

#: Fields the engine and the chatter write whatever the state policy.
_TECHNICAL_PREFIXES = ("message_", "activity_", "website_message_")


class UchaskeWorkflowMixin(models.AbstractModel):
    """Give a model a data-driven workflow (``uchaske.workflow``).

    * ``state`` holds the code of a state of the model's workflow; new
      records start in the first state;
    * :meth:`wf_apply` is the only way to change it, callable over XML-RPC
      with the same guards as the buttons;
    * the state's permission map is enforced in ``write`` and ``unlink``;
    * the form view gets a statusbar and one button per transition;
    * every change is logged in the append-only, hash-chained
      ``uchaske.workflow.history``; deadlines open and close with states.

    Hooks for inheriting models: ``_wf_scope_vals`` (department, district and
    police point of a record), ``_wf_acting_for`` (substitution, R6),
    ``_wf_escalation_user`` (the next role up) -- given by
    ``uchaske.scope.mixin`` --, ``_wf_guard_<name>`` (guard methods named by
    transitions), ``_wf_guards`` (the checks of every transition),
    ``_wf_before_<code>`` and ``_wf_after_<code>`` (effects of one
    transition, see :meth:`wf_apply`).
    """

    _name = "uchaske.workflow.mixin"
    _description = "Workflow engine mixin"
    _inherit = ["mail.thread", "mail.activity.mixin", "uchaske.workflow.guards",
                "uchaske.workflow.inputs", "uchaske.workflow.trail",
                "uchaske.workflow.ui", "uchaske.workflow.deadline.mixin"]

    state = fields.Selection(
        selection="_wf_state_selection", string="State", index=True,
        readonly=True, copy=False, default=lambda self: self._wf_default_state(),
        track_visibility="onchange")
    wf_deadline_ids = fields.One2many(
        "uchaske.workflow.deadline.line", "res_id", string="Deadlines",
        domain=lambda self: [("res_model", "=", self._name)])

    # -- definitions ------------------------------------------------------

    @api.model
    def _wf_workflow(self):
        return self.env["uchaske.workflow"]._get_for_model(self._name)

    @api.model
    def _wf_state_selection(self):
        return list(self._wf_state_pairs())

    @api.model
    @tools.ormcache("self.env.lang")
    def _wf_state_pairs(self):
        """((code, name), ...) of the workflow's states in the user's
        language. Cached: the selection is asked on every create, write and
        tracking of a record (three statements each time, a dozen in one
        case creation, issue 14); cleared with the registry's caches when a
        workflow or a state changes."""
        workflow = self._wf_workflow()
        return tuple((state.code, state.name)
                     for state in workflow.state_ids) if workflow else ()

    @api.model
    def _wf_default_state(self):
        return self._wf_initial_state()[1]

    @api.model
    @tools.ormcache("self.env.lang")
    def _wf_initial_state(self):
        """(id, code, name) of the state new records start in, or (False,
        False, False); cached as :meth:`_wf_state_pairs`."""
        state = self._wf_workflow().initial_state_id
        return (state.id, state.code, state.name) if state else (False,) * 3

    @api.multi
    def _wf_state_record(self):
        self.ensure_one()
        return self._wf_definition_browse(
            "uchaske.workflow.state", self._wf_ids()["states"].get(self.state, ()))

    @api.model
    def _wf_definition_browse(self, model_name, ids):
        """Records ``ids`` of ``model_name`` (a state or a transition of
        the workflow), as the engine, with every state of the workflow to
        prefetch: the first state read (the initial one at a creation, the
        old one at a transition) reads them all in one statement, and the
        target state of the transition is then in the cache (issue 14: one
        statement per state met, each with its translated name)."""
        prefetch = defaultdict(set)
        prefetch["uchaske.workflow.state"].update(self._wf_ids()["states"].values())
        return self.env[model_name].sudo().browse(ids, prefetch=prefetch)

    @api.model
    @tools.ormcache()
    def _wf_ids(self):
        """The workflow's states {code: id}, transitions {code: id}; per
        transition id, the codes of the states it leaves from, the ids of
        the groups it is reserved to and what its guards read (``guard``:
        guard domain, guard method, maker-checker); per state code, its
        edit and delete policies (``policies``: {operation: (policy, group
        ids)}). Cached: every transition fired asked them through the ORM,
        about 15 statements, and opening a form read the transitions, the
        state and the user's groups again (issue 14); cleared with the
        registry's caches when a workflow, a state or a transition changes.
        Never mutate the result."""
        workflow = self._wf_workflow()
        if not workflow:
            return {"states": {}, "transitions": {}, "from": {}, "groups": {},
                    "guard": {}, "policies": {}}
        transitions = workflow.transition_ids
        return {
            "states": {state.code: state.id for state in workflow.state_ids},
            "transitions": {t.code: t.id for t in transitions},
            "from": {t.id: frozenset(t.from_state_ids.mapped("code"))
                     for t in transitions},
            "groups": {t.id: frozenset(t.group_ids.ids) for t in transitions},
            "guard": {t.id: GuardSpec(t.guard_domain or "", t.guard_method or "",
                                      t.maker_checker) for t in transitions},
            "policies": {state.code: {
                "edit": (state.edit_policy, frozenset(state.edit_group_ids.ids)),
                "delete": (state.delete_policy,
                           frozenset(state.delete_group_ids.ids)),
            } for state in workflow.state_ids},
        }

    @api.multi
    def _wf_state_allows(self, operation):
        """True if the current user may ``operation`` ('edit' or 'delete')
        this record in its state (beyond the access rights and record
        rules): the state's policy from the cached definition, the user's
        groups cached per user (``res.users._uchaske_group_ids``)."""
        self.ensure_one()
        policy, groups = self._wf_ids()["policies"].get(
            self.state, {}).get(operation, ("acl", frozenset()))
        if policy == "acl":
            return True
        if policy == "nobody":
            return False
        return bool(groups & self.env["res.users"]._uchaske_group_ids())

    # -- the one way to change state --------------------------------------

    @api.multi
    def wf_apply(self, transition_code, values=None):
        """Fire the transition ``transition_code`` on these records.

        ``values`` holds the inputs the transition declares (see
        ``uchaske.workflow.input``): the standard comment, legal_basis,
        document_number, document_date (YYYY-MM-DD) and attachment_ids (ids
        of ir.attachment), and the transition's own. Every record is checked
        before any is changed; nothing is written when one check fails.
        Then, for each record, in this order:

        1. ``_wf_before_<code>(transition, values)``, if the model has it;
        2. the state is written (as the user: access rules apply);
        3. the history row (and the attachments linked);
        4. the deadlines of the old state close, those of the new one open;
        5. ``_wf_after_<code>(transition, values)``, if the model has it.
        """
        values = dict(values or {})
        transition = self._wf_definition_browse(
            "uchaske.workflow.transition",
            self._wf_ids()["transitions"].get(transition_code, ()))
        if not transition:
            raise ValidationError(_("%(model)s has no transition %(code)s.") % {
                "model": self._description, "code": transition_code})
        for record in self:
            record._wf_check(transition, values)
        for record in self:
            record._wf_hook("_wf_before_", transition, values)
            old_state = record._wf_state_record()
            acting_for = record._wf_acting_for()
            record._wf_write_state(transition.to_state_id)
            # the bookkeeping is the engine's: in its new state the record
            # may be out of the user's sight
            engine = record.sudo()
            engine._wf_link_attachments(transition, values)
            engine._wf_log(transition, old_state, transition.to_state_id,
                           values, acting_for, self.env.user)
            engine._wf_close_deadlines(old_state, transition)
            engine._wf_open_deadlines(transition.to_state_id, self.env.user)
            record._wf_hook("_wf_after_", transition, values)
        return True

    @api.multi
    def _wf_hook(self, prefix, transition, values):
        """Call ``<prefix><transition code>`` of this record, if defined."""
        method = getattr(self, prefix + transition.code, None)
        if method:
            method(transition, values)

    @api.multi
    def _wf_write_state(self, state):
        """Write ``state`` as the user (the record rules apply). No tracking
        message: the engine's own note (``_wf_log``) reports the change."""
        self.with_context(uchaske_wf_token=_WF_TOKEN, mail_notrack=True).write(
            {"state": state.code})

    # -- hooks --------------------------------------------------------------
    # Trivial defaults: ``uchaske.scope.mixin`` (listed before this mixin in
    # a model's ``_inherit``) gives the scope, the substitution (R6) and the
    # escalation (R16, R24) of a record.

    @api.multi
    def _wf_scope_vals(self):
        """Department/district/post copied to the history and deadlines."""
        return {}

    @api.multi
    def _wf_acting_for(self):
        """The absent inspector the current user substitutes for (R6)."""
        return self.env["res.users"]

    @api.multi
    def _wf_escalation_user(self, responsible):
        """The next role up from ``responsible`` (R16, R24)."""
        return self.env["res.users"]

    # -- CRUD: the state permission map ----------------------------------

    @api.model
    def create(self, vals):
        initial_id, initial_code, initial_name = self._wf_initial_state()
        if vals.get("state") and vals["state"] != initial_code:
            raise UserError(_(
                "New records start in state %s; use the workflow's transitions "
                "to change it.") % initial_name)
        record = super(UchaskeWorkflowMixin, self).create(vals)
        if initial_id:
            initial = self._wf_definition_browse("uchaske.workflow.state",
                                                 initial_id)
            no_transition = self.env["uchaske.workflow.transition"]
            no_state = self.env["uchaske.workflow.state"]
            acting_for = record._wf_acting_for()
            record.sudo()._wf_log(no_transition, no_state, initial, {},
                                  acting_for, self.env.user)
            record.sudo()._wf_open_deadlines(initial, self.env.user)
        return record

    @api.multi
    def write(self, vals):
        if {"state", "wf_history_head"} & set(vals) and \
                self.env.context.get("uchaske_wf_token") is not _WF_TOKEN:
            raise UserError(_(
                "The state changes only through the workflow's transitions "
                "(buttons, or wf_apply over RPC)."))
        business = [name for name in vals
                    if name not in ("state", "wf_history_head")
                    and not name.startswith(_TECHNICAL_PREFIXES)]
        if business and self.env.uid != SUPERUSER_ID:
            self._wf_check_policy("edit")
        return super(UchaskeWorkflowMixin, self).write(vals)

    @api.multi
    def unlink(self):
        if self.env.uid != SUPERUSER_ID:
            self._wf_check_policy("delete")
        return super(UchaskeWorkflowMixin, self).unlink()

    @api.multi
    def _wf_check_policy(self, operation):
        for record in self:
            state = record._wf_state_record()
            if state and not record._wf_state_allows(operation):
                if operation == "edit":
                    message = _("%(record)s is %(state)s: you may not edit it "
                                "in this state.")
                else:
                    message = _("%(record)s is %(state)s: you may not delete it "
                                "in this state.")
                raise AccessError(message % {
                    "record": record.display_name, "state": state.name})
