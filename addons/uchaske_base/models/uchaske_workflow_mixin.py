# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv.orm import setup_modifiers
from odoo.tools import plaintext2html

#: Only wf_apply holds this object; a context coming over RPC cannot contain
#: it (RPC carries JSON/XML values only), so ``state`` cannot be written
#: around the engine.
_WF_TOKEN = object()

#: Inputs a transition may receive (wf_apply's ``values``).
WF_INPUTS = ("comment", "legal_basis", "document_number", "document_date",
             "attachment_ids")

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
    transitions).
    """

    _name = "uchaske.workflow.mixin"
    _description = "Workflow engine mixin"
    _inherit = ["mail.thread", "mail.activity.mixin"]

    state = fields.Selection(
        selection="_wf_state_selection", string="State", index=True,
        readonly=True, copy=False, default=lambda self: self._wf_default_state(),
        track_visibility="onchange")
    wf_available = fields.Char(
        compute="_compute_wf_available",
        help="Codes of the transitions the current user may fire now, "
             "comma-delimited (used by the form's buttons).")
    wf_transition_ids = fields.Many2many(
        "uchaske.workflow.transition", compute="_compute_wf_available",
        string="Available transitions")
    wf_history_ids = fields.One2many(
        "uchaske.workflow.history", "res_id", string="Workflow history",
        domain=lambda self: [("res_model", "=", self._name)])
    wf_history_head = fields.Char(
        readonly=True, copy=False,
        help="Hash of the record's latest history row: a deleted or rewritten "
             "tail of the history no longer matches it.")
    wf_deadline_ids = fields.One2many(
        "uchaske.workflow.deadline.line", "res_id", string="Deadlines",
        domain=lambda self: [("res_model", "=", self._name)])

    # -- definitions ------------------------------------------------------

    @api.model
    def _wf_workflow(self):
        return self.env["uchaske.workflow"]._get_for_model(self._name)

    @api.model
    def _wf_state_selection(self):
        workflow = self._wf_workflow()
        return [(s.code, s.name) for s in workflow.state_ids] if workflow else []

    @api.model
    def _wf_default_state(self):
        return self._wf_workflow().initial_state_id.code or False

    @api.multi
    def _wf_state_record(self):
        self.ensure_one()
        return self._wf_workflow()._get_state(self.state)

    # -- what the current user may do --------------------------------------

    @api.multi
    def _compute_wf_available(self):
        for record in self:
            transitions = record._wf_available_transitions()
            record.wf_transition_ids = transitions
            record.wf_available = ",%s," % ",".join(transitions.mapped("code"))

    @api.multi
    def _wf_available_transitions(self):
        """Transitions the current user may fire on this record now, all
        guards checked except the required inputs."""
        self.ensure_one()
        workflow = self._wf_workflow()
        transitions = self.env["uchaske.workflow.transition"]
        if not workflow or not self.id:
            return transitions
        for transition in workflow.transition_ids:
            if not self._wf_check(transition, check_inputs=False, raise_error=False):
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

    @api.multi
    def _wf_guard_error(self, transition):
        user = self.env.user
        label = transition.name
        if self.state not in transition.from_state_ids.mapped("code"):
            return ValidationError(_(
                "%(record)s is in state %(state)s: \"%(transition)s\" is not "
                "possible from there.") % {
                    "record": self.display_name,
                    "state": self._wf_state_record().name or self.state,
                    "transition": label})
        if transition.group_ids and not (transition.group_ids & user.groups_id):
            return AccessError(_(
                "\"%(transition)s\" is reserved to: %(groups)s.%(ref)s") % {
                    "transition": label,
                    "groups": ", ".join(transition.group_ids.mapped("name")),
                    "ref": (_(" (%s)") % transition.requirement_ref)
                    if transition.requirement_ref else ""})
        try:
            self.check_access_rights("write")
            self.check_access_rule("write")
        except AccessError:
            return AccessError(_(
                "You may not change %(record)s, so you cannot fire "
                "\"%(transition)s\".") % {
                    "record": self.display_name, "transition": label})
        domain = transition._get_guard_domain()
        if domain and not self.sudo().search_count([("id", "=", self.id)] + domain):
            return ValidationError(_(
                "%(record)s does not meet the conditions of \"%(transition)s\".")
                % {"record": self.display_name, "transition": label})
        if transition.guard_method:
            message = getattr(self, transition.guard_method)(transition)
            if message:
                return ValidationError(message)
        if transition.maker_checker:
            maker = self._wf_last_history()
            actors = self.env.user | self._wf_acting_for()
            if maker and (maker.user_id | maker.acting_for_user_id) & actors:
                return AccessError(_(
                    "\"%(transition)s\" needs another person: %(maker)s made the "
                    "request and cannot also approve it (maker-checker).") % {
                        "transition": label, "maker": maker.user_id.name})
        return None

    @api.model
    def _wf_inputs_error(self, transition, values):
        unknown = set(values) - set(WF_INPUTS)
        if unknown:
            return ValidationError(_("Unknown transition inputs: %s.") %
                                   ", ".join(sorted(unknown)))
        missing = [name for name in transition._required_inputs()
                   if not values.get(name)]
        if missing:
            labels = {
                "comment": _("comment"), "legal_basis": _("legal basis"),
                "document_number": _("document number"),
                "document_date": _("document date"),
                "attachment_ids": _("attachment"),
            }
            return ValidationError(_(
                "\"%(transition)s\" requires: %(missing)s.") % {
                    "transition": transition.name,
                    "missing": ", ".join(labels[name] for name in missing)})
        if values.get("document_date"):
            try:
                day = fields.Date.from_string(values["document_date"])
            except (TypeError, ValueError):
                return ValidationError(_("Invalid document date: %s.") %
                                       values["document_date"])
            if day > fields.Date.from_string(fields.Date.context_today(self)):
                return ValidationError(_(
                    "The document date %s is in the future.") %
                    values["document_date"])
        attachments = values.get("attachment_ids") or []
        if attachments and (
                not isinstance(attachments, (list, tuple))
                or not all(isinstance(i, int) for i in attachments)
                or not self._wf_attachments_free(attachments)):
            # one message whatever the reason: no oracle of other files
            return ValidationError(_(
                "Attachments: attach only files you uploaded yourself that "
                "belong to no other record."))
        return None

    @api.multi
    def _wf_attachments_free(self, attachment_ids):
        """True if the current user may attach the files ``attachment_ids``
        to this record: they exist, the user may read and write them, and
        each is either unattached and uploaded by the user, or already
        attached to this very record. The engine links them as superuser,
        so a file of another record must never pass (it would be moved)."""
        attachments = self.env["ir.attachment"].browse(attachment_ids)
        if len(attachments.exists()) != len(set(attachment_ids)):
            return False
        try:
            attachments.check("read")
            attachments.check("write")
        except AccessError:
            return False
        for attachment in attachments.sudo():
            if attachment.res_field:
                return False  # the content of a binary field, not a file
            if attachment.res_id:
                if (attachment.res_model, attachment.res_id) != \
                        (self._name, self.id):
                    return False
            elif attachment.create_uid != self.env.user and \
                    self.env.uid != SUPERUSER_ID:
                return False
        return True

    # -- the one way to change state --------------------------------------

    @api.multi
    def wf_apply(self, transition_code, values=None):
        """Fire the transition ``transition_code`` on these records.

        ``values`` may hold the inputs: comment, legal_basis,
        document_number, document_date (YYYY-MM-DD), attachment_ids (ids of
        ir.attachment). Every guard is checked for every record before any
        is changed; nothing is written when one fails.
        """
        values = dict(values or {})
        workflow = self._wf_workflow()
        transition = workflow.transition_ids.filtered(
            lambda t: t.code == transition_code)
        if not transition:
            raise ValidationError(_("%(model)s has no transition %(code)s.") % {
                "model": self._description, "code": transition_code})
        for record in self:
            record._wf_check(transition, values)
        for record in self:
            record._wf_do(transition, values)
        return True

    @api.multi
    def _wf_do(self, transition, values):
        self.ensure_one()
        user = self.env.user
        old_state = self._wf_state_record()
        new_state = transition.to_state_id
        acting_for = self._wf_acting_for()
        # The guards were checked as the user and the state is written as the
        # user (access rules apply). The bookkeeping after it is the engine's:
        # in its new state the record may be out of the user's sight.
        # mail_notrack: the engine's own note (_wf_log) reports the change;
        # the tracking message of ``state`` would say it a second time
        self.with_context(uchaske_wf_token=_WF_TOKEN, mail_notrack=True).write(
            {"state": new_state.code})
        record = self.sudo()
        record._wf_close_deadlines(old_state, transition)
        # _wf_inputs_error let only unattached files (or files of this very
        # record) through; link only the unattached ones, never move a file
        free = self.env["ir.attachment"].sudo().browse(
            values.get("attachment_ids") or []).filtered(lambda a: not a.res_id)
        if free:
            free.write({"res_model": self._name, "res_id": self.id})
        record._wf_log(transition, old_state, new_state, values, acting_for, user)
        record._wf_open_deadlines(new_state, user)
        return True

    @api.multi
    def _wf_log(self, transition, old_state, new_state, values, acting_for, user):
        # the token: history rows are created by the engine only (issue 8)
        history = self.env["uchaske.workflow.history"].with_context(
            uchaske_wf_token=_WF_TOKEN).sudo()
        vals = {
            "res_model": self._name,
            "res_id": self.id,
            "record_name": self.display_name,
            "transition_id": transition.id or False,
            "transition_code": transition.code or False,
            "transition_name": transition.name or _("Created"),
            "from_state": old_state.code or False,
            "to_state": new_state.code,
            "from_state_name": old_state.name or False,
            "to_state_name": new_state.name,
            "user_id": user.id,
            "acting_for_user_id": acting_for.id or False,
            "comment": values.get("comment") or False,
            "legal_basis": values.get("legal_basis") or False,
            "document_number": values.get("document_number") or False,
            "document_date": values.get("document_date") or False,
            "attachment_ids": [(6, 0, values.get("attachment_ids") or [])],
        }
        vals.update(self._wf_scope_vals())
        row = history.create(vals)
        self.with_context(uchaske_wf_token=_WF_TOKEN).sudo().write(
            {"wf_history_head": row.hash})
        if transition:
            body = _("%(transition)s: %(old)s → %(new)s") % {
                "transition": transition.name, "old": old_state.name,
                "new": new_state.name}
            if acting_for:
                body += _(" (acting for %s)") % acting_for.name
            if values.get("comment"):
                body += " — %s" % values["comment"]
            # posted by the engine (the record may now be out of the user's
            # sight) but signed by the officer; typed text stays text
            self.sudo().message_post(
                body=plaintext2html(body), subtype="mail.mt_note",
                author_id=user.partner_id.id,
                email_from=self.env["mail.message"].sudo(user)._get_default_from())
        return row

    @api.multi
    def _wf_last_history(self):
        self.ensure_one()
        return self.env["uchaske.workflow.history"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)],
            order="id desc", limit=1)

    @api.multi
    def wf_check_history(self):
        """True if the history of these records is intact: every row matches
        its hash chain and the latest row is the one the record points to."""
        history = self.env["uchaske.workflow.history"].sudo()
        for record in self.sudo():
            if history._verify_chain(self._name, record.id):
                return False
            last = record._wf_last_history()
            if (last.hash or False) != (record.wf_history_head or False):
                return False
        return True

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

    # -- deadlines --------------------------------------------------------

    @api.multi
    def _wf_open_deadlines(self, state, user):
        """Open the deadlines of ``state``; ``user`` (who made the record
        enter it) is responsible when the rule names no user field."""
        self.ensure_one()
        rules = self._wf_workflow().deadline_ids.filtered(
            lambda r: r.state_id == state)
        lines = self.env["uchaske.workflow.deadline.line"].sudo()
        entered = fields.Datetime.from_string(fields.Datetime.now())
        for rule in rules:
            base = rule._base_moment(self, entered)
            due = rule._compute_due(base)
            responsible = self[rule.responsible_field] \
                if rule.responsible_field else None
            responsible = responsible or user
            # the activity's title in the language of the officer it is for
            name = "%s: %s" % (rule.requirement_ref,
                               rule.with_context(lang=responsible.lang).name)
            activity = self._uchaske_schedule_activity(
                responsible, name, fields.Date.to_string(due.date()),
                _("Due %(due)s (%(ref)s).") % {
                    "due": fields.Datetime.to_string(due),
                    "ref": rule.requirement_ref})
            vals = {
                "name": name,
                "rule_id": rule.id,
                "requirement_ref": rule.requirement_ref,
                "res_model": self._name,
                "res_id": self.id,
                "record_name": self.display_name,
                "user_id": responsible.id,
                "date_start": fields.Datetime.to_string(base),
                "date_due": fields.Datetime.to_string(due),
                "activity_id": activity.id,
            }
            vals.update(self._wf_scope_vals())
            vals.pop("involved_department_id", None)  # history rows only
            lines.create(vals)

    @api.multi
    def _wf_close_deadlines(self, state, transition):
        self.ensure_one()
        lines = self.env["uchaske.workflow.deadline.line"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id),
            ("state", "=", "open"), ("rule_id.state_id", "=", state.id)])
        met = lines.filtered(
            lambda line: not line.rule_id.transition_id
            or line.rule_id.transition_id == transition)
        met._close("done")
        (lines - met)._close("cancel")

    # -- CRUD: the state permission map ----------------------------------

    @api.model
    def create(self, vals):
        initial = self._wf_workflow().initial_state_id
        if vals.get("state") and vals["state"] != initial.code:
            raise UserError(_(
                "New records start in state %s; use the workflow's transitions "
                "to change it.") % initial.name)
        record = super(UchaskeWorkflowMixin, self).create(vals)
        if initial:
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
        user = self.env.user
        for record in self:
            state = record._wf_state_record()
            if state and not state._allows(operation, user):
                if operation == "edit":
                    message = _("%(record)s is %(state)s: you may not edit it "
                                "in this state.")
                else:
                    message = _("%(record)s is %(state)s: you may not delete it "
                                "in this state.")
                raise AccessError(message % {
                    "record": record.display_name, "state": state.name})

    # -- UI ----------------------------------------------------------------

    @api.multi
    def wf_button(self):
        """Form button: fire the transition named in the context, through
        the inputs wizard when the transition needs inputs."""
        self.ensure_one()
        code = self.env.context.get("wf_transition")
        transition = self._wf_workflow().transition_ids.filtered(
            lambda t: t.code == code)
        if not transition:
            raise ValidationError(_("Unknown transition %s.") % code)
        self._wf_check(transition, check_inputs=False)
        if transition._required_inputs() or transition.confirm:
            return self.env["uchaske.workflow.transition.wizard"]._action_open(
                self, transition)
        self.wf_apply(code)
        return True

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        result = super(UchaskeWorkflowMixin, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar, submenu=submenu)
        if view_type == "form" and self._wf_workflow():
            for name in ("state", "wf_available"):
                if name not in result["fields"]:
                    result["fields"].update(self.fields_get([name]))
            result["arch"] = self._wf_inject_form(result["arch"], result["fields"])
        return result

    @api.model
    def _wf_inject_form(self, arch, view_fields):
        """Statusbar and one button per transition in the form's header.

        The view is already post-processed at this point: the web client
        reads ``modifiers`` (not ``attrs``), so each injected node gets its
        modifiers computed here, as Odoo does for the view's own nodes."""
        workflow = self._wf_workflow()
        doc = etree.fromstring(arch)
        header = doc.find("header")
        if header is None:
            header = etree.Element("header")
            doc.insert(0, header)
        for node in header.xpath(".//field[@name='state']"):
            node.getparent().remove(node)
        for transition in workflow.transition_ids:
            button = etree.SubElement(header, "button", {
                "name": "wf_button",
                "type": "object",
                "string": transition.name,
                "class": transition.button_class or "btn-default",
                "context": repr({"wf_transition": transition.code}),
                # A new record has no wf_available (False): the web client's
                # ``ilike`` calls String.indexOf on the value, so the
                # emptiness test must come first (``|`` short-circuits).
                "attrs": repr({"invisible": [
                    "|", ("wf_available", "in", [False, ""]),
                    "!", ("wf_available", "ilike", ",%s," % transition.code)]}),
            })
            button.set("data-wf-transition", transition.code)
            setup_modifiers(button, context=self.env.context)
        visible = ",".join(workflow.state_ids.filtered(lambda s: not s.fold)
                           .mapped("code"))
        statusbar = etree.SubElement(header, "field", {
            "name": "state", "widget": "statusbar", "statusbar_visible": visible})
        setup_modifiers(statusbar, view_fields["state"], context=self.env.context)
        available = etree.SubElement(
            header, "field", {"name": "wf_available", "invisible": "1"})
        setup_modifiers(available, view_fields["wf_available"],
                        context=self.env.context)
        return etree.tostring(doc, encoding="unicode")
