# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import collections

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools.safe_eval import safe_eval

#: What a transition's guards read (``_wf_ids()["guard"]``,
#: ``_wf_guard_spec``).
GuardSpec = collections.namedtuple("GuardSpec", "domain method maker_checker")


class UchaskeWorkflowGuards(models.AbstractModel):
    """The checks a transition passes before it fires (part of
    ``uchaske.workflow.mixin``).

    Each check is a small method ``(self, transition)`` of one record that
    returns None when it passes, else the error to raise, with a translated
    message. :meth:`_wf_guards` lists them in order; the first failing one
    stops the transition. An addon adds a check by overriding the hook::

        @api.model
        def _wf_guards(self):
            return super()._wf_guards() + ["_wf_check_not_archived"]
    """

    _name = "uchaske.workflow.guards"
    _description = "Workflow guards"

    wf_available = fields.Char(
        compute="_compute_wf_available",
        help="Codes of the transitions the current user may fire now, "
             "comma-delimited (used by the form's buttons).")
    wf_transition_ids = fields.Many2many(
        "uchaske.workflow.transition", compute="_compute_wf_available",
        string="Available transitions")

    wf_locked = fields.Boolean(
        compute="_compute_wf_locked", string="Locked in this state",
        help="The current user may not edit the record in its state (the "
             "state's edit policy): the form shows it read-only, without "
             "the Edit button.")

    @api.multi
    def _compute_wf_locked(self):
        for record in self:
            state = record.id and record.state and record._wf_state_record()
            record.wf_locked = bool(state) and not record._wf_state_allows("edit")

    @api.multi
    def _compute_wf_available(self):
        for record in self:
            transitions = record._wf_available_transitions()
            # the codes from the cached definition: read as the user, the
            # transitions were read a second time (issue 14)
            codes = {transition_id: code for code, transition_id
                     in record._wf_ids()["transitions"].items()}
            record.wf_transition_ids = transitions
            record.wf_available = ",%s," % ",".join(
                codes[transition_id] for transition_id in transitions.ids)

    @api.multi
    def _wf_available_transitions(self):
        """Transitions the current user may fire on this record now, all
        guards checked except the required inputs."""
        self.ensure_one()
        workflow = self._wf_workflow()
        transitions = self.env["uchaske.workflow.transition"]
        if not workflow or not self.id:
            return transitions
        # Only the transitions leaving the current state are checked: for the
        # others the first guard (_wf_check_from_state) fails anyway, after
        # building a translated message with the record's name and state
        # that nobody reads -- a third of the time of opening a case (issue
        # 14, bench/load.py).
        ids = self._wf_ids()
        leaving = [transition_id for transition_id in ids["transitions"].values()
                   if self.state in ids["from"][transition_id]]
        # write access is the same for every transition: checked once (a
        # statement each, issue 14); no transition without it
        skip = ()
        if leaving and "_wf_check_write_access" in self._wf_guards():
            if not self._wf_may_write():
                return transitions
            skip = ("_wf_check_write_access",)
        for transition in transitions.sudo().browse(leaving):
            if not self._wf_guard_error(transition, skip=skip):
                transitions |= transition
        return transitions

    @api.multi
    def _wf_check(self, transition, values=None, check_inputs=True,
                  raise_error=True):
        """Return None if the current user may fire ``transition`` on this
        record with ``values``; otherwise raise (or return) the error."""
        self.ensure_one()
        error = self._wf_guard_error(transition)
        if not error and check_inputs:
            error = self._wf_inputs_error(transition, values or {})
        if error and raise_error:
            raise error
        return error

    @api.model
    def _wf_guards(self):
        """Hook: names of the checks of every transition, in order."""
        return [
            "_wf_check_from_state",
            "_wf_check_groups",
            "_wf_check_write_access",
            "_wf_check_guard_domain",
            "_wf_check_guard_method",
            "_wf_check_maker_checker",
        ]

    @api.multi
    def _wf_guard_error(self, transition, skip=()):
        """The first failing check's error, or None (the checks named in
        ``skip`` passed already)."""
        self.ensure_one()
        for check in self._wf_guards():
            if check in skip:
                continue
            error = getattr(self, check)(transition)
            if error:
                return error
        return None

    @api.multi
    def _wf_check_from_state(self, transition):
        if self.state not in self._wf_ids()["from"].get(transition.id, ()):
            return ValidationError(_(
                "%(record)s is in state %(state)s: \"%(transition)s\" is not "
                "possible from there.") % {
                    "record": self.display_name,
                    "state": self._wf_state_record().name or self.state,
                    "transition": transition.name})
        return None

    @api.multi
    def _wf_check_groups(self, transition):
        # the cached definition and the user's groups (implied ones
        # included), cached per user as Odoo's own ``has_group``
        groups = self._wf_ids()["groups"].get(transition.id)
        if groups and not (
                groups & self.env["res.users"]._uchaske_group_ids()):
            return AccessError(_(
                "\"%(transition)s\" is reserved to: %(groups)s.%(ref)s") % {
                    "transition": transition.name,
                    "groups": ", ".join(transition.group_ids.mapped("name")),
                    "ref": (_(" (%s)") % transition.requirement_ref)
                    if transition.requirement_ref else ""})
        return None

    @api.model
    def _wf_guard_spec(self, transition):
        """The :class:`GuardSpec` (guard domain, guard method,
        maker-checker) of ``transition``:
        from the workflow's cached definition (``_wf_ids``), so that a
        check that passes reads no column of the transition (opening a
        form read them twice, issue 14); the transition's own fields for
        one the definition does not know."""
        spec = self._wf_ids()["guard"].get(transition.id)
        if spec is None:
            spec = GuardSpec(transition.guard_domain or "",
                             transition.guard_method or "",
                             transition.maker_checker)
        return spec

    @api.multi
    def _wf_may_write(self):
        """True if the current user may write this record (access rights
        and record rules)."""
        try:
            self.check_access_rights("write")
            self.check_access_rule("write")
        except AccessError:
            return False
        return True

    @api.multi
    def _wf_check_write_access(self, transition):
        if not self._wf_may_write():
            return AccessError(_(
                "You may not change %(record)s, so you cannot fire "
                "\"%(transition)s\".") % {
                    "record": self.display_name, "transition": transition.name})
        return None

    @api.multi
    def _wf_check_guard_domain(self, transition):
        text = self._wf_guard_spec(transition).domain
        domain = text and safe_eval(text, transition._guard_eval_context())
        if domain and not self.sudo().search_count(
                [("id", "=", self.id)] + domain):
            return ValidationError(_(
                "%(record)s does not meet the conditions of \"%(transition)s\".")
                % {"record": self.display_name, "transition": transition.name})
        return None

    @api.multi
    def _wf_check_guard_method(self, transition):
        """The transition's own ``_wf_guard_<name>`` method, if any."""
        method = self._wf_guard_spec(transition).method
        if method:
            message = getattr(self, method)(transition)
            if message:
                return ValidationError(message)
        return None

    @api.model
    def _wf_guard_columns(self):
        """Hook: the stored columns this model's guard methods without a
        batch form read, so that a page of records (My work) reads them in
        one statement before its guards run; an addon adds those of its
        own guards. A column left out costs a statement of its own, never a
        wrong answer."""
        return []

    @api.multi
    def _wf_guard_method_errors(self, transition, method):
        """{id: error} of the guard method ``method`` of ``transition`` on
        every record of this set that fails it (My work checks a page of
        records at once, issue 14). A guard method may have a batch form
        ``<method>_batch(transition)`` answering {id: message or None} for
        the whole set in a few statements; without one, the guard runs per
        record. Each batch form must answer as its guard does (the guards
        of the register share one pure rule with theirs)."""
        batch = getattr(self, "%s_batch" % method, None)
        if batch is not None:
            messages = batch(transition)
        else:
            # the fields a guard reads, for the whole set: the columns the
            # model's guards declare in one statement, any other one column
            # each, not every column of the page (texts included)
            records = self.with_context(prefetch_fields=False)
            records._uchaske_prefetch_columns(self._wf_guard_columns())
            messages = {record.id: getattr(record, method)(transition)
                        for record in records}
        return {res_id: ValidationError(message)
                for res_id, message in messages.items() if message}

    @api.multi
    def _wf_check_maker_checker(self, transition):
        maker_checker = self._wf_guard_spec(transition).maker_checker
        if maker_checker and self.id in self._wf_maker_checker_failing():
            maker = self._wf_last_history()
            if maker:
                return AccessError(_(
                    "\"%(transition)s\" needs another person: %(maker)s made the "
                    "request and cannot also approve it (maker-checker).") % {
                        "transition": transition.name,
                        "maker": maker.user_id.name})
        return None

    @api.multi
    def _wf_maker_checker_failing(self):
        """Ids of the records of this set whose last request the current
        user made, himself or for the absent inspector he acts for (R6):
        he cannot also approve it (maker-checker). One statement for the
        set (My work checks a page at once, issue 9); the substitutions
        are asked only if the user acts for someone today. A model whose
        ``_wf_acting_for`` is not R6's substitution overrides this too."""
        if not self.ids:
            return set()
        self.env.cr.execute(
            "SELECT DISTINCT ON (res_id) res_id, user_id, acting_for_user_id"
            "  FROM uchaske_workflow_history"
            " WHERE res_model = %s AND res_id = ANY(%s)"
            " ORDER BY res_id, id DESC", (self._name, list(self.ids)))
        makers = {res_id: {user_id, acting_id} - {None}
                  for res_id, user_id, acting_id in self.env.cr.fetchall()}
        failing = {res_id for res_id, made in makers.items()
                   if self.env.uid in made}
        if len(failing) < len(makers) and self.env["uchaske.substitution"].sudo(
                ).search_count([
                    ("substitute_id", "=", self.env.uid),
                    ("date_start", "<=", fields.Date.context_today(self)),
                    ("date_end", ">=", fields.Date.context_today(self))]):
            for record in self:
                if makers.get(record.id) and record.id not in failing and \
                        set(record._wf_acting_for().ids) & makers[record.id]:
                    failing.add(record.id)
        return failing
