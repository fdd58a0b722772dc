# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, ValidationError

from uchaske_rules import relocation, supervision
from .uchaske_appendix_entry_mixin import ensure_scope_index


def case_label(number, person_name):
    """A case as an officer recognises it (R11): its number and the
    person's name."""
    return " ".join(filter(None, [number, person_name]))


#: states in which the person is on the register and must have a
#: responsible inspector (R14: "at no moment without one")
OPEN_STATES = ("registered", "supervised", "transfer", "closing")

CLOSE_REASONS = [
    ("term_expired", "Term expired"),
    ("court_decision", "Court decision"),
    ("transferred", "Transferred to another department (R14)"),
    ("death", "Death"),
    ("other", "Other grounds"),
]


class UchaskeRegistryCase(models.Model):
    """A person on the preventive register (R11) in a district, with the
    inspector responsible, grounds, restrictions and obligations (R12), term,
    supervision checks, case-file custody (R13) and the workflow
    draft → registered → supervised → transfer → closed."""

    _name = "uchaske.registry.case"
    _description = "Preventive register case"
    # the scope first: its engine hooks replace the engine's defaults
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin",
                "uchaske.access.journal.mixin"]
    # newest first, as "id desc" (cases are numbered in creation order),
    # but on a column without an index: ordered by ``id``, PostgreSQL walked
    # the primary key backwards filtering every case by the user's rules,
    # about 20,000 rows for the 80 of an inspector's page at national size
    # (22-40 ms); on ``create_date`` it takes the officer's cases from the
    # rules' indexes and sorts them (3-4 ms). Listing every case of the
    # country (the administrator) costs a sort instead: ~150 ms (issue 14)
    _order = "create_date desc, id desc"
    _uchaske_past_date_fields = ("grounds_date",)
    _scope_inspector_field = "inspector_id"

    @api.model_cr
    def init(self):
        super(UchaskeRegistryCase, self).init()
        ensure_scope_index(self.env.cr, self._table, active=False)
        # R12 on My work (``uchaske.work.item._my_work_extra_rows``): an
        # inspector's overdue checks are read from the index alone (their
        # cases lie scattered over the table: at national size 800 checks
        # were a bitmap scan of ~900 heap pages, 6 ms an open; 0.9 ms
        # index-only, issue 9)
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS uchaske_registry_case_check_due
                ON uchaske_registry_case (inspector_id, next_check_due)
                INCLUDE (district_id, id)
             WHERE state IN ('registered', 'supervised')""")

    #: set by the engine only (registration, R14 transfers): a user setting
    #: them would move a case or show it to another department
    _engine_fields = ("department_id", "post_id", "transfer_department_id",
                      "origin_case_id", "move_date", "registered_on")

    name = fields.Char(string="Number", required=True, readonly=True, copy=False,
                       default=lambda self: _("New"))
    person_id = fields.Many2one(
        "uchaske.person", required=True, ondelete="restrict", index=True,
        track_visibility="onchange")
    category_id = fields.Many2one(
        "uchaske.registry.category", required=True, ondelete="restrict",
        index=True, track_visibility="onchange")
    district_id = fields.Many2one(
        "uchaske.district", required=True, ondelete="restrict", index=True,
        track_visibility="onchange")
    department_id = fields.Many2one(
        "uchaske.department", required=True, readonly=True, index=True)
    post_id = fields.Many2one("uchaske.post", readonly=True, index=True)
    inspector_id = fields.Many2one(
        "res.users", string="Responsible inspector", index=True,
        track_visibility="onchange",
        help="The inspector responsible for the person (the district's "
             "inspector by default).")
    grounds = fields.Selection([
        ("court_decision", "Court decision"),
        ("sentence", "Sentence"),
        ("protection_order", "Protection order"),
        ("administrative", "Administrative decision"),
        ("other", "Other document"),
    ], track_visibility="onchange")
    grounds_number = fields.Char(string="Grounds document No.")
    grounds_date = fields.Date(string="Grounds document date")
    restrictions = fields.Text(help="Restrictions set on the person (R12).")
    obligations = fields.Text(help="Obligations imposed on the person (R12).")
    date_start = fields.Date(string="Term start", track_visibility="onchange")
    date_end = fields.Date(string="Term end", track_visibility="onchange")
    registered_on = fields.Date(readonly=True, copy=False)
    check_ids = fields.One2many("uchaske.registry.check", "case_id", string="Checks")
    last_check_date = fields.Date(compute="_compute_checks", store=True)
    next_check_due = fields.Date(compute="_compute_checks", store=True)
    check_overdue = fields.Boolean(
        compute="_compute_check_overdue", search="_search_check_overdue",
        string="Check overdue")
    materials_location = fields.Selection([
        ("post_safe", "Police point safe"),
        ("department", "Department premises"),
    ], string="Case file kept in", default="post_safe", required=True,
        track_visibility="onchange",
        help="R13: in the police point's safe, or where impossible in the "
             "department's premises.")
    materials_controller_id = fields.Many2one(
        "res.users", string="Case file controlled by",
        track_visibility="onchange",
        help="R13: when kept at the department, an inspector of the local "
             "police service for managing district inspectors controls it.")
    close_reason = fields.Selection(
        CLOSE_REASONS, copy=False, track_visibility="onchange",
        help="Set before requesting the closing; \"Transferred\" only after a "
             "finished transfer (R14).")
    transfer_ids = fields.One2many(
        "uchaske.registry.transfer", "case_id", string="Transfers")
    open_transfer_id = fields.Many2one(
        "uchaske.registry.transfer", compute="_compute_open_transfer",
        string="Open transfer")
    transfer_department_id = fields.Many2one(
        "uchaske.department", index=True, readonly=True, copy=False,
        help="Destination department of the open transfer (it sees the case "
             "while the transfer is open, R14).")
    origin_case_id = fields.Many2one(
        "uchaske.registry.case", readonly=True, copy=False,
        string="Transferred from")
    move_date = fields.Datetime(
        readonly=True, copy=False,
        help="Moment of the move of the open transfer (R14 counts from it).")

    _sql_constraints = [
        ("name_unique", "unique(name)", "Case numbers are unique."),
    ]

    # -- computes ------------------------------------------------------

    @api.depends("check_ids.date", "registered_on", "category_id.check_cadence_days")
    def _compute_checks(self):
        # the cadence's own column: read through the case, the category's
        # every column came with it, its legal texts' translations too
        # (issue 14)
        cadences = {category.id: category.check_cadence_days for category in
                    self.mapped("category_id").with_context(prefetch_fields=False)}
        for case in self:
            dates_done = case.check_ids.mapped("date")
            case.last_check_date = max(dates_done) if dates_done else False
            if not case.registered_on:
                case.next_check_due = False
                continue
            due = supervision.next_check_due(
                fields.Date.from_string(case.last_check_date)
                if case.last_check_date else None,
                fields.Date.from_string(case.registered_on),
                cadences.get(case.category_id.id))
            case.next_check_due = fields.Date.to_string(due)

    @api.multi
    def _compute_check_overdue(self):
        # a column of every list row: the due date parsed by
        # date.fromisoformat, not strptime (this compute was a tenth of the
        # list's CPU, issue 14's load test)
        today = fields.Date.from_string(fields.Date.context_today(self))
        for case in self:
            due = case.next_check_due
            case.check_overdue = case.state in ("registered", "supervised") and \
                supervision.is_check_overdue(
                    date.fromisoformat(due) if due else None, today)

    @api.model
    def _search_check_overdue(self, operator, value):
        # supervision.is_check_overdue (strictly after the due date) as a domain
        today = fields.Date.context_today(self)
        domain = ["&", ("state", "in", ["registered", "supervised"]),
                  ("next_check_due", "<", today)]
        return domain if (operator == "=") == bool(value) else ["!"] + domain

    @api.multi
    def _compute_open_transfer(self):
        for case in self:
            case.open_transfer_id = case.transfer_ids.filtered(
                lambda t: t.state in relocation.OPEN_TRANSFER_STATES)[:1]

    # -- constraints ---------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_term(self):
        for case in self.sudo().filtered("date_start"):
            try:
                supervision.validate_term(
                    fields.Date.from_string(case.date_start),
                    fields.Date.from_string(case.date_end))
            except supervision.SupervisionError:
                raise ValidationError(_(
                    "The term ends (%(end)s) before it starts (%(start)s).") % {
                        "end": case.date_end, "start": case.date_start})

    @api.constrains("person_id", "category_id", "state")
    def _check_one_open_case(self):
        """One open case per person and category."""
        for case in self.sudo():
            if case.state == "closed":
                continue
            # the two ends of a transfer are one case in two departments
            other = self.sudo().search([
                ("id", "!=", case.id), ("person_id", "=", case.person_id.id),
                ("category_id", "=", case.category_id.id),
                ("state", "!=", "closed")]).filtered(
                    lambda o, c=case: o != c.origin_case_id
                    and o.origin_case_id != c)[:1]
            if other and not self._can_read(other):
                # R15: nothing about a case the user may not read
                raise ValidationError(_(
                    "The person already has an open case in category "
                    "\"%s\", kept by another district or department.") %
                    case.category_id.name)
            if other:
                raise ValidationError(_(
                    "%(person)s already has an open case %(case)s in category "
                    "\"%(category)s\" (%(department)s).") % {
                        "person": case.person_id.name, "case": other.name,
                        "category": case.category_id.name,
                        "department": other.department_id.name})

    @api.model
    def _can_read(self, case):
        """May the current user read ``case`` (without reading it, so that
        no journal row is written for a check)?"""
        case = case.sudo(self.env.uid)
        try:
            case.check_access_rights("read")
            case.check_access_rule("read")
        except AccessError:
            return False
        return True

    @api.constrains("district_id", "inspector_id")
    def _check_scope(self):
        """R7, R16, R24: a case is placed in a district the user serves and
        given to an officer of that district's department (R14: the case
        reaches another department only through a transfer)."""
        self._check_district_scope()

    @api.constrains("inspector_id", "state")
    def _check_inspector(self):
        """R14: a registered person always has a responsible inspector."""
        for case in self.sudo():
            if case.state in OPEN_STATES and not case.inspector_id:
                raise ValidationError(_(
                    "Case %s needs a responsible inspector while the person is "
                    "on the register.") % case.name)

    @api.constrains("materials_location", "materials_controller_id")
    def _check_materials(self):
        """R13: a case file kept at the department has a controller."""
        for case in self.sudo():
            if case.materials_location == "department" and \
                    not case.materials_controller_id:
                raise ValidationError(_(
                    "Case %s: a case file kept at the department needs the "
                    "inspector who controls it (R13).") % case.name)

    # -- CRUD -----------------------------------------------------------

    @api.model
    def _check_engine_fields(self, vals):
        """Refuse the fields only the engine sets (``_engine_fields``)."""
        if self.env.uid == SUPERUSER_ID:
            return
        names = [name for name in self._engine_fields if name in vals]
        if names:
            raise ValidationError(_(
                "%s: set by the system (registration, transfers), not by "
                "hand.") % ", ".join(
                    self._fields[name].get_description(self.env)["string"]
                    for name in names))

    @api.multi
    def _check_district_change(self, district_id):
        """R14: the case of a person on the register changes district only
        through a transfer (which opens a new case at the destination); a
        draft may still be corrected."""
        if self.env.uid == SUPERUSER_ID:
            return
        moved = self.sudo().filtered(
            lambda c: c.district_id.id != district_id and c.state != "draft")
        if moved:
            raise ValidationError(_(
                "District: a registered person's case moves to another "
                "district only through a transfer (R14)."))

    @api.model
    def create(self, vals):
        self._check_engine_fields(vals)
        vals = dict(vals)
        if vals.get("name", _("New")) == _("New"):
            vals["name"] = self._next_number() or _("New")
        return super(UchaskeRegistryCase, self).create(vals)

    @api.model
    def _next_number(self):
        """The next number of the register (its no-gap sequence), from the
        sequence found by its external id (a cached look-up): Odoo's
        ``next_by_code`` read the user's company (every column of the user)
        and searched the sequence by code and company, at every case created
        (issue 14). One company; a sequence of that code created by hand is
        still used when ours is gone."""
        sequence_id = self.env["ir.model.data"].xmlid_to_res_id(
            "uchaske_registry.seq_registry_case")
        Sequence = self.env["ir.sequence"].sudo()
        if not sequence_id:
            return Sequence.next_by_code("uchaske.registry.case")
        return Sequence.browse(sequence_id)._next()

    @api.multi
    def write(self, vals):
        self._check_engine_fields(vals)
        if "district_id" in vals:
            self._check_district_change(vals["district_id"])
        return super(UchaskeRegistryCase, self).write(vals)

    # -- workflow hooks ----------------------------------------------------

    # after-effects of the transitions (``_wf_after_<code>``, see wf_apply)

    @api.multi
    def _wf_after_register(self, transition, values):
        """Remember the registration date (the first check counts from it)
        and schedule the supervision and term activities."""
        if not self.registered_on:
            # bookkeeping (not tracked): without the chatter's write machinery
            self.sudo().with_context(tracking_disable=True).write(
                {"registered_on": fields.Date.context_today(self)})
        self._wf_after_supervision_step(transition, values)

    @api.multi
    def _wf_after_register_transfer(self, transition, values):
        self._wf_after_register(transition, values)

    @api.multi
    def _wf_after_supervision_step(self, transition, values):
        """Under supervision again: the next check (R12) and the end of the
        term (R11) follow the case's dates. What the two activities change
        (the case's next activity deadline) is recomputed once, after both
        (issue 14)."""
        with self.env.norecompute():
            self._schedule_next_check()
            self._schedule_term_end()
        self.recompute()

    @api.multi
    def _wf_after_start_supervision(self, transition, values):
        self._wf_after_supervision_step(transition, values)

    @api.multi
    def _wf_after_back_to_supervision(self, transition, values):
        self._wf_after_supervision_step(transition, values)

    @api.multi
    def _wf_after_reject_close(self, transition, values):
        self._wf_after_supervision_step(transition, values)

    @api.multi
    def _wf_after_approve_close(self, transition, values):
        self._activities(("R12", "R11")).action_feedback(_("Case closed."))

    @api.multi
    def _activities(self, refs):
        """The case's activities of these requirement ids, found by their
        technical key (``mail.activity.uchaske_key`` = the requirement id),
        never by the translated summary (issue 9 item 5), read from the
        database: ``activity_ids`` may be cached from before an activity was
        created in this transaction (two R12 activities were then left)."""
        self.ensure_one()
        return self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id),
            ("uchaske_key", "in", list(refs))])

    @api.multi
    def _schedule_activity(self, ref, summary, day, note=""):
        """One activity per requirement id (its key): replaced when the date
        moves."""
        self.ensure_one()
        self._activities((ref,)).unlink()
        if not (day and self.inspector_id):
            return
        self._uchaske_schedule_activity(
            self.inspector_id, "%s: %s" % (ref, summary), day, note, key=ref)

    @api.multi
    def _activity_lang(self):
        """The language the case's activities are written in: that of the
        inspector they are for, as the workflow's deadlines do."""
        self.ensure_one()
        inspector = self.inspector_id
        # the user's own language is in the cache already (issue 14)
        user = self.env.user if inspector == self.env.user else inspector.sudo()
        return user.lang or self.env.lang or "en_US"

    @api.multi
    def _schedule_next_check(self):
        """R12: the next supervision check at the category's cadence,
        written in the language of the inspector it is for (issue 13)."""
        for case in self:
            lang = case._activity_lang()
            # no language in the context is English (issue 14: a context
            # of its own is a cache of its own)
            if lang != (case.env.lang or "en_US"):
                case.with_context(lang=lang)._schedule_next_check()
                continue
            # the person's name as the case shows it (name_get, R11), for
            # the inspector the activity is for: read as the engine, without
            # evaluating the persons' rule for the user again (issue 14)
            case._schedule_activity(
                "R12", _("supervision check due"), case.next_check_due,
                _("Check that %s keeps the restrictions and fulfils the "
                  "obligations.") % case.sudo().person_id.name)

    @api.multi
    def _schedule_term_end(self):
        """R11: the end of the term on the register, written in the
        language of the inspector it is for (issue 13)."""
        for case in self:
            lang = case._activity_lang()
            # no language in the context is English (issue 14: a context
            # of its own is a cache of its own)
            if lang != (case.env.lang or "en_US"):
                case.with_context(lang=lang)._schedule_term_end()
                continue
            case._schedule_activity(
                "R11", _("term on the register ends"), case.date_end,
                _("Decide on closing the case or extending the term."))

    @api.multi
    def _wf_guard_can_request_close(self, transition):
        """Closing needs a reason; a relocated person's case closes only as
        "transferred", after the destination confirmed the arrival and the
        materials were sent (R14)."""
        self.ensure_one()
        return self._wf_close_message(relocation.close_refusal(
            self.state, self.close_reason, self.transfer_ids.mapped("state")))

    @api.multi
    def _wf_guard_can_request_close_batch(self, transition):
        """:meth:`_wf_guard_can_request_close` of every case at once (My
        work's page, issue 14): the same rule on the transfers' states read
        in one statement."""
        transfers = self._wf_transfer_states()
        self.env.cr.execute(
            "SELECT id, state, close_reason FROM uchaske_registry_case"
            " WHERE id = ANY(%s)", (self.ids,))
        return {case_id: self._wf_close_message(relocation.close_refusal(
            state, close_reason, transfers.get(case_id, [])))
            for case_id, state, close_reason in self.env.cr.fetchall()}

    @api.model
    def _wf_close_message(self, refusal):
        """The message of a :func:`relocation.close_refusal` answer."""
        if refusal == relocation.CLOSE_TRANSFER_UNFINISHED:
            return _("The transfer is not finished: the destination must "
                     "confirm the arrival and the materials must be sent "
                     "before the case closes (R14).")
        # no reason yet: the button stays offered, its wizard asks for one
        # (checked as an input, see _wf_inputs_error)
        if refusal == relocation.CLOSE_REASON_MISMATCH:
            return _("\"Transferred\" is the reason exactly when a finished "
                     "transfer closes the case (R14).")
        return None

    @api.multi
    def _wf_transfer_states(self):
        """{case id: states of its transfers, newest first} of the cases,
        as ``transfer_ids`` holds them for the current user (read rules),
        in one statement for all of them (the batch guards)."""
        result = {}
        ids = [case_id for case_id in self.ids if isinstance(case_id, int)]
        if not ids:
            return result
        self.env["uchaske.registry.transfer"].check_access_rights("read")
        select, params = self._wf_transfer_states_query()
        self.env.cr.execute(select, list(params) + [ids])
        for case_id, state in self.env.cr.fetchall():
            result.setdefault(case_id, []).append(state)
        return result

    @api.model
    @tools.ormcache("self.env.uid")
    def _wf_transfer_states_query(self):
        """``(select, params)`` of :meth:`_wf_transfer_states`, the cases'
        ids its last parameter: the transfers' read rules built once per
        user (cached as Odoo caches the rules' domains; a rule change
        clears both). My work asks it for each transition of a page."""
        Transfer = self.env["uchaske.registry.transfer"]
        from_clause, where_clause, params = Transfer._uchaske_rules_sql()
        table = Transfer._table
        return ('SELECT "%s".case_id, "%s".state FROM %s WHERE (%s)'
                ' AND "%s".case_id = ANY(%%s) ORDER BY "%s".id DESC' % (
                    table, table, from_clause, where_clause, table,
                    table)), tuple(params)

    @api.multi
    def name_get(self):
        """The number and the person (R11): what an officer recognises a
        case by in a list of choices, a message or My work."""
        # the number and the person of all the cases in one statement, as
        # the user (a case the rules refuse is refused by the name's read)
        records = self.with_context(prefetch_fields=False)
        records._uchaske_prefetch_columns(["name", "person_id"])
        names = dict(super(UchaskeRegistryCase, records).name_get())  # R15
        # the persons' names as the engine, all in one read (a ``sudo()``
        # per case would read them one by one, issue 9)
        person_ids = {case.id: case.person_id.id for case in records}
        persons = self.env["uchaske.person"].sudo().with_context(
            prefetch_fields=False).browse(sorted(set(person_ids.values()) - {False}))
        persons._uchaske_prefetch_columns(["name"])  # not through read()
        person_names = {person.id: person.name for person in persons}
        return [(case_id, case_label(names.get(case_id),
                                     person_names.get(person_ids[case_id])))
                for case_id in self.ids]

    @api.model
    def _uchaske_name_and_person(self, ids):
        """{case id: (name as name_get gives it, the person's name)} of the
        cases ``ids``, read as the engine in one statement: My work names
        the records of its page by it (``uchaske.work.item.
        _my_work_details``; through name_get, the journal's wrapper, two
        reads and the records of 80 rows cost ~7 ms of Python, issue 9)."""
        self.env.cr.execute(
            "SELECT c.id, c.name, p.name FROM uchaske_registry_case c"
            " LEFT JOIN uchaske_person p ON p.id = c.person_id"
            " WHERE c.id = ANY(%s)", (list(ids),))
        return {case_id: (case_label(number, person), person)
                for case_id, number, person in self.env.cr.fetchall()}

    @api.model
    def _name_search(self, name="", args=None, operator="ilike", limit=100,
                     name_get_uid=None):
        """Find a case by its number, the person's name or IIN: the
        officer types what he knows (a surname, an IIN)."""
        if name and operator in ("ilike", "like", "=ilike", "=like", "="):
            args = list(args or []) + [
                "|", "|", ("name", operator, name),
                ("person_id.name", operator, name),
                ("person_id.iin", "=like", name + "%")]
            return self.search(args, limit=limit).name_get()
        return super(UchaskeRegistryCase, self)._name_search(
            name=name, args=args, operator=operator, limit=limit,
            name_get_uid=name_get_uid)

    @api.model
    def _wf_inputs_error(self, transition, values):
        """R2.3: closing is requested with its reason (the transition
        wizard asks for it, see :meth:`_wf_asks_close_reason`)."""
        error = super(UchaskeRegistryCase, self)._wf_inputs_error(
            transition, values)
        if not error and self._wf_asks_close_reason(transition) and any(
                not case.close_reason for case in self):
            error = ValidationError(_(
                "Close reason: choose the reason for closing."))
        return error

    @api.model
    def _wf_asks_close_reason(self, transition):
        """Hook: the transitions whose wizard asks for the close reason."""
        return transition.code == "request_close"

    @api.multi
    def _wf_guard_no_open_transfer(self, transition):
        self.ensure_one()
        return self._wf_transfer_open_message(
            relocation.has_open_transfer(self.transfer_ids.mapped("state")))

    @api.multi
    def _wf_guard_no_open_transfer_batch(self, transition):
        """:meth:`_wf_guard_no_open_transfer` of every case at once."""
        transfers = self._wf_transfer_states()
        messages = {flag: self._wf_transfer_open_message(flag)
                    for flag in (True, False)}
        return {case_id: messages[relocation.has_open_transfer(
            transfers.get(case_id, []))] for case_id in self.ids}

    @api.model
    def _wf_transfer_open_message(self, is_open):
        if is_open:
            return _("A transfer is open: finish or cancel it first.")
        return None

    @api.multi
    def _wf_guard_back_from_transfer(self, transition):
        """Back to supervision only when the transfer failed (person not
        found at the destination) or was cancelled."""
        self.ensure_one()
        return self._wf_back_message(relocation.may_return_from_transfer(
            self.transfer_ids.mapped("state")))

    @api.multi
    def _wf_guard_back_from_transfer_batch(self, transition):
        """:meth:`_wf_guard_back_from_transfer` of every case at once."""
        transfers = self._wf_transfer_states()
        messages = {flag: self._wf_back_message(flag) for flag in (True, False)}
        return {case_id: messages[relocation.may_return_from_transfer(
            transfers.get(case_id, []))] for case_id in self.ids}

    @api.model
    def _wf_back_message(self, allowed):
        if not allowed:
            return _("Only a cancelled transfer (or a person not found at the "
                     "destination) returns the case to supervision.")
        return None

    #: My work (issue 9 item 7): for a guard method, a domain on stored
    #: fields that every record passing it matches, so that the inbox
    #: counts candidates without running the guard on each record
    _my_work_guard_domains = {
        "_wf_guard_from_transfer": [("origin_case_id", "!=", False)],
    }

    @api.multi
    def _wf_guard_from_transfer(self, transition):
        self.ensure_one()
        if not self.origin_case_id:
            return _("Only a case opened by a transfer confirmation registers "
                     "this way.")
        return None

    @api.multi
    def _wf_guard_transfer_open(self, transition):
        self.ensure_one()
        return self._wf_move_message(
            relocation.has_open_transfer(self.transfer_ids.mapped("state")))

    @api.multi
    def _wf_guard_transfer_open_batch(self, transition):
        """:meth:`_wf_guard_transfer_open` of every case at once."""
        transfers = self._wf_transfer_states()
        messages = {flag: self._wf_move_message(flag) for flag in (True, False)}
        return {case_id: messages[relocation.has_open_transfer(
            transfers.get(case_id, []))] for case_id in self.ids}

    @api.model
    def _wf_move_message(self, is_open):
        if not is_open:
            return _("Record the move first (date, new address, destination).")
        return None

    @api.multi
    def action_record_move(self):
        """Open the form of a new transfer for this case (R14)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Record a move"),
            "res_model": "uchaske.registry.transfer",
            "view_mode": "form",
            "target": "current",
            "context": {"default_case_id": self.id},
        }
