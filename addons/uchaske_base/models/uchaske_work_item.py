# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools
import re
from collections import defaultdict
from datetime import date, timedelta

import pytz
from psycopg2 import sql

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

from uchaske_rules import daily_work, dates, my_work
from .uchaske_work_item_build import rows_digest
from .uchaske_workflow_deadline_line import open_record_action

#: the requirement id of an activity: the start of its technical key
#: (``mail.activity.uchaske_key``: "R12", "A4.stay", "R22.10"); for an
#: activity without a key (typed by a user), the first one its summary names
_REQUIREMENT_RE = re.compile(r"\b([RA]\d+(?:\.\d+)*)\b")

#: rows inserted per INSERT statement
_INSERT_CHUNK = 500


@functools.lru_cache(maxsize=4096)
def day_end_utc(tz_name, day):
    """The last second of ``day`` (a date, or its ISO text) in the time zone
    ``tz_name``, as a naive UTC datetime.

    The same conversion as the engine's deadlines (``daily_work.to_utc``:
    one notion of the end of a legal day). Cached for the process (a pure
    function of its arguments): an inspector's hundreds of supervision
    checks fall due on about ninety days, at every open of My work (issue
    9)."""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return daily_work.to_utc(dates.end_of_day(day), tz_name)


#: An SQL function PostgreSQL may not run in a parallel worker: a statement
#: that calls it is planned without parallel workers (the planner checks the
#: functions a statement calls before it folds the constant ones; this one
#: folds to TRUE and costs nothing at execution). Created in ``init``.
SERIAL_FUNCTION = """
    CREATE OR REPLACE FUNCTION uchaske_serial_plan() RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL UNSAFE AS 'SELECT true'"""


def serial_plan(query, order=""):
    """``query`` (a SELECT, ``order`` its ORDER BY clause) planned without
    parallel workers, whatever the deployment's settings.

    For My work's union of a dozen small index scans PostgreSQL chooses a
    parallel plan whose workers, started at every open, cost more than the
    scans themselves: measured at national size on the 2-core server, the
    chief's union 28-35 ms in parallel against 12-18 ms without (issue 9).
    Kept to this statement: the deployment's setting is not ours to change
    for every query. Was a ``set_config`` before and after the statement:
    two more round trips at every open."""
    return "SELECT * FROM (%s) AS serial WHERE uchaske_serial_plan() %s" % (
        query, order)


class UchaskeWorkItem(models.TransientModel):
    """"My work": the officer's day.

    One row per thing to do, in the order it must be done: overdue, due
    today, due this week, later, then the records the officer may act on.
    Each row says what (the deadline or the possible actions), who (the
    person, when the record has one), where (the district), when it is due
    and which clause of the Order requires it.

    Built each time the menu opens, from stored data read in one query per
    source (never one per record):

    * open deadline lines (``uchaske.workflow.deadline.line``) of the user or
      escalated to them;
    * open activities of our models assigned to the user (the lists' alerts
      A2-A4, supervision checks R12 ...), except those that are a deadline
      line's own activity;
    * the records whose state allows one of the user's groups a transition:
      one search per workflow on stored fields under the user's record
      rules (see :meth:`_my_work_candidates`), all workflows in one
      statement; the exact guards (as ``_wf_available_transitions``) are
      checked only for the rows read, the page shown (``actions`` is
      computed), in a few statements per model for the whole page (see
      :meth:`_my_work_fireable`), so what is offered is what the user may
      fire, whatever the number of records;
    * for a supervisor (responsible inspector, chief): one row per officer
      with the number of their overdue items, openable.

    Rows are transient and the user's own (Odoo keeps each user to the rows
    they created). Every row is kept: the list paginates, nothing is cut.
    What a row says about its record (its name, the person, the district's
    name, the document) is computed for the rows read only, the page shown;
    the stored district and document type group the list.
    """

    _name = "uchaske.work.item"
    _description = "My work"
    _order = "urgency_rank, date_due, id"

    kind = fields.Selection(
        [("action", "To act on"), ("deadline", "Deadline"),
         ("activity", "Alert"), ("team", "Officers' overdue items")],
        required=True)
    urgency = fields.Selection(
        [(my_work.OVERDUE, "Overdue"), (my_work.TODAY, "Today"),
         (my_work.WEEK, "This week"), (my_work.LATER, "Later"),
         (my_work.ACT, "You may act")], required=True)
    urgency_rank = fields.Integer()
    name = fields.Char(string="What")
    person_name = fields.Char(
        string="Person", compute="_compute_description",
        search="_search_person_name")
    district_id = fields.Many2one("uchaske.district", string="District")
    district_name = fields.Char(
        string="District", compute="_compute_description",
        search="_search_district_name")
    date_due = fields.Datetime(string="Due")
    requirement_ref = fields.Char(string="Requirement")
    document = fields.Char(
        compute="_compute_description", search="_search_document")
    res_model = fields.Char()
    res_id = fields.Integer()
    model_name = fields.Char(string="Document type")
    record_name = fields.Char(
        string="Record", compute="_compute_description",
        search="_search_record_name")
    state_name = fields.Char(string="State")
    actions = fields.Char(
        string="You can", compute="_compute_actions",
        help="The transitions you may fire on the record now.")
    hint = fields.Char(
        string="To do first", compute="_compute_actions",
        help="Nothing can be fired yet: what the record still needs before "
             "you may act on it (e.g. the result of a verification, R24.5).")
    deadline_line_id = fields.Many2one(
        "uchaske.workflow.deadline.line", ondelete="cascade")
    activity_id = fields.Integer(string="Activity")
    officer_id = fields.Many2one("res.users", string="Officer")
    item_count = fields.Integer(string="Items")
    overdue = fields.Boolean()
    escalated = fields.Boolean(string="Escalated to me")

    @api.model_cr
    def init(self):
        # Every statement of My work asks for one user's rows (the list,
        # ordered and 80 at a time; the store's diff; the transient rule).
        # The table holds the rows of every officer who opened My work
        # within the vacuum's age: thousands of officers with hundreds of
        # rows each nationally. Without this index each open read the whole
        # table, several times (issue 9, measured in bench/my_work.py with
        # --other-rows).
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS uchaske_work_item_user_order
                ON uchaske_work_item (create_uid, urgency_rank, date_due, id)""")
        self.env.cr.execute(SERIAL_FUNCTION)

    # -- building -----------------------------------------------------------

    @api.model
    def _my_work_now(self):
        """The clock, as a naive UTC datetime: ``uchaske_now`` in the
        context (tests), else the time (which freezegun also pins)."""
        return fields.Datetime.from_string(
            self.env.context.get("uchaske_now") or fields.Datetime.now())

    @api.model
    def _my_work_clock(self):
        """Now in UTC and in the user's time zone, and today there."""
        now = self._my_work_now()
        tz = pytz.timezone(self._my_work_tz_name())
        local = pytz.utc.localize(now).astimezone(tz).replace(tzinfo=None)
        return {"now": now, "local_now": local, "today": local.date(), "tz": tz}

    @api.model
    def _my_work_tz_name(self):
        """The user's time zone: the request's (the web client sends it in
        the context), else the user's own, read in one query (not the
        user's and the partner's every field)."""
        if self.env.context.get("tz"):
            return self.env.context["tz"]
        self.env.cr.execute(
            "SELECT p.tz FROM res_users u JOIN res_partner p ON p.id = u.partner_id"
            " WHERE u.id = %s", (self.env.uid,))
        return (self.env.cr.fetchone() or [None])[0] or "UTC"

    @api.model
    def _my_work_local(self, clock, moment):
        """``moment`` (naive UTC) in the user's time zone (naive)."""
        return pytz.utc.localize(moment).astimezone(clock["tz"]).replace(
            tzinfo=None)

    @api.model
    def _my_work_day_end(self, clock, day):
        """The last second of ``day`` (a local date, or its ISO text) as
        naive UTC (:func:`day_end_utc`: many items fall due on the same
        day, open after open)."""
        return day_end_utc(clock["tz"].zone, day)

    @api.model
    def _my_work_urgency(self, clock, due):
        """(bucket, rank) of an item due at ``due`` (naive UTC or None),
        computed once per moment and open."""
        urgencies = clock.setdefault("urgencies", {})
        if due not in urgencies:
            bucket = my_work.urgency(
                self._my_work_local(clock, due) if due else None,
                clock["local_now"])
            urgencies[due] = (bucket, my_work.rank(bucket) * 10)
        return urgencies[due]

    @api.model
    def _build(self):
        """Replace the user's rows by the current ones; return their number."""
        # the time zone read once for the whole build
        self = self.with_context(tz=self._my_work_tz_name())
        clock = self._my_work_clock()
        rows = self._my_work_deadline_rows(clock)
        done = set()
        for row in rows:
            done |= row.pop("line_activity_ids")
        rows += self._my_work_activity_rows(clock, done)
        rows += self._my_work_extra_rows(clock, rows)
        rows += self._my_work_action_rows(rows)
        rows += self._my_work_team_rows(clock)
        self._my_work_describe(rows)
        self._my_work_store(rows)
        return len(rows)

    @api.model
    @tools.ormcache("self.env.lang")
    def _my_work_deadline_names(self):
        """{deadline rule id: its name in the user's language}: read once
        per language (rules change rarely; a changed rule or translation
        clears the registry's caches, ``uchaske_work_item_cache_deadline``)."""
        rules = self.env["uchaske.workflow.deadline"].sudo().with_context(
            active_test=False, prefetch_fields=False).search([])
        return {rule.id: rule.name for rule in rules}

    @api.model
    def _my_work_deadline_rows(self, clock):
        """Open deadline lines of the user or escalated to them: one
        statement under the lines' record rules for the columns used (was
        a search, a read and a read of the rules' names, issue 9)."""
        Line = self.env["uchaske.workflow.deadline.line"]
        Line.check_access_rights("read")
        from_clause, where_clause, params = Line._uchaske_rules_sql([
            ("state", "=", "open"), "|", ("user_id", "=", self.env.uid),
            ("escalated_user_id", "=", self.env.uid)])
        self.env.cr.execute(
            'SELECT "{t}".id, "{t}".requirement_ref, "{t}".rule_id,'
            ' "{t}".date_due, "{t}".res_model, "{t}".res_id,'
            ' "{t}".escalated_user_id, "{t}".activity_id,'
            ' "{t}".escalation_activity_id FROM {f} WHERE {w}'
            ' ORDER BY "{t}".date_due, "{t}".id'.format(
                t=Line._table, f=from_clause, w=where_clause),
            params)
        found = self.env.cr.fetchall()
        names = self._my_work_deadline_names()  # may query: after the fetch
        rows = []
        for (line_id, ref, rule_id, date_due, res_model, res_id, escalated_to,
             activity_id, escalation_activity_id) in found:
            due = fields.Datetime.from_string(date_due)
            bucket, rank = self._my_work_urgency(clock, due)
            escalated = escalated_to == self.env.uid
            rows.append({
                "kind": "deadline",
                "urgency": bucket,
                "urgency_rank": rank,
                # as the line's own name (``_compute_name``)
                "name": "%s: %s" % (ref, names.get(rule_id, "")),
                "date_due": date_due,
                "requirement_ref": ref,
                "res_model": res_model,
                "res_id": res_id,
                "deadline_line_id": line_id,
                "activity_id": (escalation_activity_id if escalated
                                else activity_id) or None,
                "overdue": bucket == my_work.OVERDUE,
                "escalated": escalated,
                # the line is the row: its activities would be second rows
                # for the same thing
                "line_activity_ids": {linked for linked in (
                    activity_id, escalation_activity_id) if linked},
            })
        return rows

    @api.model
    def _my_work_activity_domain(self):
        """Activities of our models (their alerts, supervision checks ...)."""
        return [("res_model", "=like", "uchaske.%")]

    @api.model
    def _my_work_activity_rows(self, clock, skip_ids):
        """Open activities of our models assigned to the user (one query)."""
        # as the engine (the user's own activities): one statement built by
        # the ORM from the domain, not a search then a read
        from_clause, where_clause, params = self.env["mail.activity"].sudo() \
            ._uchaske_rules_sql([("user_id", "=", self.env.uid)] +
                                self._my_work_activity_domain())
        self.env.cr.execute(
            'SELECT "mail_activity".id, "mail_activity".res_model,'
            ' "mail_activity".res_id, "mail_activity".summary,'
            ' "mail_activity".date_deadline, "mail_activity".uchaske_key'
            " FROM %s WHERE %s ORDER BY 5, 1" % (from_clause, where_clause),
            params)
        activities = self.env.cr.dictfetchall()
        rows = []
        for activity in activities:
            if activity["id"] in skip_ids or activity["res_model"] not in self.env:
                continue
            due = self._my_work_day_end(clock, activity["date_deadline"])
            bucket, rank = self._my_work_urgency(clock, due)
            summary = activity["summary"] or ""
            found = _REQUIREMENT_RE.match(activity["uchaske_key"] or "") or \
                _REQUIREMENT_RE.search(summary)
            rows.append({
                "kind": "activity",
                "urgency": bucket,
                "urgency_rank": rank,
                "name": summary,
                "date_due": fields.Datetime.to_string(due),
                "requirement_ref": found.group(1) if found else None,
                "res_model": activity["res_model"],
                "res_id": activity["res_id"],
                "activity_id": activity["id"],
                "overdue": bucket == my_work.OVERDUE,
            })
        return rows

    @api.model
    def _my_work_extra_rows(self, clock, rows):
        """Hook: rows of other sources (``rows``: those found so far)."""
        return []

    # -- records the user may act on ------------------------------------

    @api.model
    @tools.ormcache()
    def _my_work_workflow_models(self):
        """The models that have a workflow (cached: cleared with the
        registry's caches, as ``uchaske.workflow`` does on every change)."""
        return tuple(self.env["uchaske.workflow"].sudo().search([]).mapped("model"))

    @api.model
    @tools.ormcache("res_model", "self.env.lang")
    def _my_work_definition(self, res_model):
        """The workflow of ``res_model`` as plain data, or None: its name,
        its states' names and its transitions (in the workflow's order),
        in the user's language. Cached: My work asks it for every model on
        every open; cleared with the registry's caches when a workflow, a
        state, a transition (``uchaske_work_item_cache_*``) or a translation
        changes. Never mutate the result."""
        workflow = self.env["uchaske.workflow"]._get_for_model(res_model)
        if not workflow:
            return None
        return {
            "name": workflow.name,
            "states": {state.code: state.name for state in workflow.state_ids},
            "transitions": tuple({
                "id": transition.id,
                "name": transition.name,
                "from": frozenset(transition.from_state_ids.mapped("code")),
                "groups": frozenset(transition.group_ids.ids),
                # its source ("[]", the default, is no condition): evaluated
                # by _my_work_guard_domain without reading the transition
                "guard_domain": transition.guard_domain if "".join(
                    (transition.guard_domain or "").split()) not in ("", "[]")
                else False,
                "guard_method": transition.guard_method or False,
                "maker_checker": bool(transition.maker_checker),
                "ref": transition.requirement_ref or False,
            } for transition in workflow.transition_ids),
        }

    @api.model
    def _my_work_transitions(self, definition, groups):
        """The transitions of ``definition`` open to ``groups``."""
        return [transition for transition in definition["transitions"]
                if not transition["groups"] or transition["groups"] & groups]

    @api.model
    @tools.ormcache()
    def _my_work_transition_ids(self):
        """Ids of the transitions of every workflow (cached as the
        definitions)."""
        return tuple(transition["id"] for res_model in self._my_work_workflow_models()
                     for transition in (self._my_work_definition(res_model) or {})
                     .get("transitions", ()))

    @api.model
    def _my_work_transition_records(self, definition):
        """{id: transition} of ``definition`` as the engine holds them (the
        workflow's, as superuser), browsed with those of every workflow:
        read (all in one query) only if a check reads one."""
        ids = self._my_work_transition_ids()
        wanted = {transition["id"] for transition in definition["transitions"]}
        # in the user's time zone, as in a request of the web client (a guard
        # domain's "today" is the user's day; the engine's superuser is not
        # read for it); each browsed with the prefetch of all (filtered()
        # would not keep it), without iterating every workflow's transitions
        Transition = self.env["uchaske.workflow.transition"].sudo().with_context(
            tz=self._my_work_tz_name())
        prefetch = Transition.browse(ids)._prefetch
        return {transition_id: Transition.browse(transition_id, prefetch)
                for transition_id in wanted}

    @api.model
    def _my_work_guard_domain(self, transition):
        """The guard domain of ``transition`` (a definition's entry)
        evaluated as the engine does (``_get_guard_domain``: user, today and
        now of the user's time zone), from the cached source: no read of
        the transition records (which prefetched every field of every
        workflow's transitions on each open, issue 14)."""
        if not transition["guard_domain"]:
            return []
        Transition = self.env["uchaske.workflow.transition"].with_context(
            tz=self._my_work_tz_name())
        return safe_eval(transition["guard_domain"],
                         Transition._guard_eval_context()) or []

    @api.model
    def _my_work_officer_groups(self):
        """Groups of the officers serving districts: a transition open to
        them is routine work of the district's own officers."""
        data = self.env["ir.model.data"]  # cached lookups, no query
        return frozenset([
            data.xmlid_to_res_id("uchaske_base.group_assistant"),
            data.xmlid_to_res_id("uchaske_base.group_inspector")])

    @api.model
    def _my_work_district_column(self, Model):
        """True if ``Model`` stores the district of its records."""
        field = Model._fields.get("district_id")
        return bool(field and field.store and field.type == "many2one"
                    and field.comodel_name == "uchaske.district")

    @api.model
    def _my_work_action_rows(self, rows):
        """The records whose state allows the user's groups a transition,
        from stored data only (see :meth:`_my_work_candidates`): one
        statement for all the workflows. A record that already has a row
        (a deadline) gets no second row. The guards that are Python (guard
        methods, maker-checker) are checked only for the rows read, the page
        shown: ``actions`` is computed."""
        listed = {(row["res_model"], row["res_id"]) for row in rows}
        groups = self.env["res.users"]._uchaske_group_ids()
        officer_groups = self._my_work_officer_groups()
        parts, params, refs, states = [], [], {}, {}
        own_districts = today = None
        for res_model in self._my_work_workflow_models():
            if res_model not in self.env:
                continue
            definition = self._my_work_definition(res_model)
            states[res_model] = (definition or {}).get("states", {})
            if own_districts is None:
                # as ``uchaske_district_ids``, in one statement
                Users = self.env["res.users"]
                own_districts = tuple(sorted(
                    Users._uchaske_served_district_ids(self.env.uid)))
                today = fields.Date.to_string(self._my_work_clock()["today"])
            if definition and any(transition["guard_domain"]
                                  for transition in definition["transitions"]):
                found = self._my_work_candidates(
                    res_model, definition, groups, officer_groups, own_districts)
            else:
                found = self._my_work_candidates_cached(
                    res_model, today, own_districts)
            if found:
                parts.append(found[0])
                params += found[1]
                refs[res_model] = found[2]
        if not parts:
            return []
        self.env.cr.execute(serial_plan(
            " UNION ALL ".join("(%s)" % part for part in parts), "ORDER BY 1, 2"),
            params)
        found = self.env.cr.fetchall()
        rank = my_work.rank(my_work.ACT) * 10
        action_rows = []
        for res_model, res_id, state, district_id in found:
            if (res_model, res_id) in listed:
                continue
            name = states[res_model].get(state, state)
            action_rows.append({
                "kind": "action",
                "urgency": my_work.ACT,
                "urgency_rank": rank,
                "name": name,
                "res_model": res_model,
                "res_id": res_id,
                "district_id": district_id,
                "state_name": name,
                "requirement_ref": refs[res_model].get(state),
            })
        return action_rows

    @api.model
    @tools.ormcache("self.env.uid", "res_model", "today", "own_districts")
    def _my_work_candidates_cached(self, res_model, today, own_districts):
        """:meth:`_my_work_candidates` of the user, cached per user, day and
        districts served (issue 14: building the statement through the ORM,
        rules and domains, was half of opening My work). What it depends on
        is in the key or clears the registry's caches, as Odoo's own record
        rules (``ir.rule._compute_domain``, cached per user): the user's
        groups and rules, the workflows' definitions. A workflow with a
        guard domain (which may read "now") is never cached."""
        definition = self._my_work_definition(res_model)
        return self._my_work_candidates(
            res_model, definition, self.env["res.users"]._uchaske_group_ids(),
            self._my_work_officer_groups(), own_districts)

    @api.model
    def _my_work_candidates(self, res_model, definition, groups, officer_groups,
                            own_districts=()):
        """(SQL, params, {state: requirement ids}) selecting (model, id,
        state, district) of the records of ``res_model`` on which ``groups``
        may fire a transition, or None: built by the ORM as a search of the
        user (read rules) on stored fields: the state, the write rules, the
        transitions' guard domains, and, for a transition open to the
        officers of a district, the districts the user serves (a supervisor
        sees there the decisions that are theirs, not every officer's
        routine work). Not journaled (R15): it is the engine finding work,
        not the user opening the register; the rows say only what the
        read rules let the user see. Never cut: every record is a row."""
        Model = self.env[res_model]
        if not definition or not Model.check_access_rights("write", False):
            return None
        transitions = self._my_work_transitions(definition, groups)
        has_district = self._my_work_district_column(Model)
        domains, refs = [], defaultdict(set)
        for transition in transitions:
            codes = sorted(transition["from"])
            if not codes:
                continue
            domain = [("state", "in", codes)]
            domain += self._my_work_guard_domain(transition)
            # a guard method's necessary condition on stored fields, if the
            # model declares one (``_my_work_guard_domains``)
            domain += getattr(Model, "_my_work_guard_domains", {}).get(
                transition["guard_method"], [])
            routine = not transition["groups"] or transition["groups"] & officer_groups
            if routine and has_district:
                domain += ["|", ("district_id", "=", False),
                           ("district_id", "in", list(own_districts))]
            domains.append(expression.normalize_domain(domain))
            for code in codes:
                if transition["ref"]:
                    refs[code].add(transition["ref"])
        if not domains:
            return None
        write_domain = self.env["ir.rule"]._compute_domain(res_model, "write") or []
        from_clause, where_clause, params = Model._uchaske_rules_sql(
            expression.AND([expression.OR(domains), write_domain]))
        district = '"%s".district_id' % Model._table if has_district else "NULL::int"
        select = 'SELECT %%s::varchar, "%s".id, "%s".state, %s FROM %s WHERE %s' % (
            Model._table, Model._table, district, from_clause, where_clause)
        return select, tuple([res_model] + list(params)), {
            code: ", ".join(sorted(values)) for code, values in refs.items()}

    @api.depends("res_model", "res_id", "kind")
    def _compute_actions(self):
        """The transitions the user may fire now, every guard of the engine
        checked (as ``_wf_available_transitions``): only for the rows read,
        the page shown, a few statements per model (``_my_work_fireable``)."""
        targets = self._my_work_targets()
        by_model = defaultdict(set)
        for kind, res_model, res_id, _model_name, _district in targets.values():
            if kind != "team" and res_id and res_model in self.env and \
                    hasattr(self.env[res_model], "_wf_available_transitions"):
                by_model[res_model].add(res_id)
        names, hints = {}, {}
        engine = self.with_context(tz=self._my_work_tz_name()) if by_model else self
        writable = engine._my_work_writable_states(by_model)
        for res_model, ids in by_model.items():
            found = {}
            for res_id, fireable in engine._my_work_fireable(
                    res_model, sorted(ids), writable.get(res_model, {}),
                    hints=found).items():
                names[(res_model, res_id)] = ", ".join(fireable)
                if not fireable and res_id in found:
                    hints[(res_model, res_id)] = found[res_id]
        for item in self:
            target = targets.get(item.id)
            key = target and (target[1], target[2])
            # what to do first: on the rows listed because the user may act
            # (a deadline's or an alert's row is there for its date, and a
            # transition waiting on someone else is no task of the user's:
            # a case in transfer "returns to supervision" only if cancelled)
            hint = target and target[0] == "action" and hints.get(key)
            item._my_work_set_display(actions=key and names.get(key) or False,
                                      hint=hint or False)

    @api.multi
    def _my_work_set_display(self, **values):
        """Set computed display columns of the row ``self`` (one record)
        straight into the cache. No field depends on these columns (they
        are shown, never stored nor computed from), so the assignment's
        search for dependents (``modified_draft``) finds nothing and cost
        ~10 us a value: a page sets five on 80 rows (issue 9)."""
        cache = self.env.cache
        for name, value in values.items():
            cache.set(self, self._fields[name], value)

    #: the engine's checks that :meth:`_my_work_fireable` makes for the whole
    #: page at once; any other check of ``_wf_guards`` runs per record
    _MY_WORK_BATCHED_GUARDS = frozenset([
        "_wf_check_from_state", "_wf_check_groups", "_wf_check_write_access",
        "_wf_check_guard_domain"])

    @api.model
    @tools.ormcache("self.env.uid", "res_model", "today")
    def _my_work_writable_query(self, res_model, today):
        """``(select, params)``: the ids and states of the records of
        ``res_model`` whose ids are the statement's last parameter that the
        user may write (write rules, as ``check_access_rule("write")``) and
        read (a record the user may not read offers nothing, as its form);
        None if the user may fire nothing there (no workflow, no transition
        for his groups, no write right). Cached as
        :meth:`_my_work_candidates_cached` (per user and day; rule and
        access changes clear the registry's caches, as Odoo's own rule
        cache): building it through the ORM's rules and domains cost about
        a millisecond per workflow at each open (issue 9)."""
        definition = self._my_work_definition(res_model)
        Model = self.env[res_model]
        if not definition or not self._my_work_transitions(
                definition, self.env["res.users"]._uchaske_group_ids()) or \
                not Model.check_access_rights("write", False):
            return None
        write_domain = self.env["ir.rule"]._compute_domain(res_model, "write") or []
        from_clause, where_clause, params = Model.with_context(
            active_test=False)._uchaske_rules_sql(write_domain)
        return 'SELECT %%s::varchar, "%s".id, "%s".state FROM %s WHERE (%s)' \
            ' AND "%s".id = ANY(%%s)' % (
                Model._table, Model._table, from_clause, where_clause,
                Model._table), tuple([res_model] + list(params))

    @api.model
    def _my_work_writable_states(self, by_model):
        """{model: {id: state}} of the records of ``by_model`` ({model:
        ids}, a page) the user may write and read
        (:meth:`_my_work_writable_query`), for all the workflows of the
        page in one statement (was one per workflow: eight on a page,
        issue 9); engine bookkeeping, not a journaled access (R15)."""
        parts, params = [], []
        result = {res_model: {} for res_model in by_model}
        today = fields.Date.to_string(self._my_work_clock()["today"]) \
            if by_model else None
        for res_model, ids in sorted(by_model.items()):
            found = ids and self._my_work_writable_query(res_model, today)
            if found:
                parts.append("(%s)" % found[0])
                params += list(found[1]) + [sorted(ids)]
        if parts:
            self.env.cr.execute(" UNION ALL ".join(parts), params)
            for res_model, res_id, state in self.env.cr.fetchall():
                result[res_model][res_id] = state
        return result

    @api.model
    def _my_work_fireable(self, res_model, res_ids, states=None, hints=None):
        """{id: [names of the transitions the user may fire]} for the
        records ``res_ids`` of ``res_model``: the same answer as each
        record's ``_wf_available_transitions()`` (all of ``_wf_guards``,
        without the required inputs), made for the page at once:

        * the groups from the cached definition;
        * write access and the states: ``states`` ({id: state} of the
          records the user may write, :meth:`_my_work_writable_states`,
          one statement for every workflow of the page), read here if not
          given;
        * each guard domain: one search of the candidates;
        * the guard method: once for the candidates, in its batch form if
          the model declares one (``_wf_guard_method_errors``);
        * the other checks (maker-checker, an addon's own) per record, only
          where the ones above passed and the transition has one.

        ``hints``, a dict, receives for each record the message of the first
        guard that stopped one of its transitions with something to do
        (a ValidationError: "write the result first"), not a refusal
        (an AccessError: the transition is not the user's).
        """
        definition = self._my_work_definition(res_model)
        Model = self.env[res_model]
        if states is None:
            # write access (``_wf_check_write_access``) and the states of
            # the records, under the write and read rules, as the user
            states = self._my_work_writable_states(
                {res_model: res_ids})[res_model]
        if not states:
            return {}
        transitions = self._my_work_transitions(
            definition, self.env["res.users"]._uchaske_group_ids())
        writable = set(states)
        by_id = self._my_work_transition_records(definition)
        others = [check for check in Model._wf_guards()
                  if check not in self._MY_WORK_BATCHED_GUARDS]
        # the records as the user, as the engine checks them, read together
        # (one statement per model for the columns the checks read)
        records = {record.id: record for record in Model.browse(sorted(writable))}
        # what the guards of the model read, for every record of the page
        # at once (the candidates of each transition are a part of them)
        Model.with_context(prefetch_fields=False).browse(
            sorted(writable))._uchaske_prefetch_columns(
                Model._wf_guard_columns(), checked=True)
        result = {res_id: [] for res_id in states}
        for transition in transitions:
            candidates = [res_id for res_id in sorted(writable)
                          if states[res_id] in transition["from"]]
            domain = []
            if candidates:
                domain = self._my_work_guard_domain(transition)
            # the guard method's necessary condition on stored fields (see
            # _my_work_candidates): records failing it need no call
            necessary = getattr(Model, "_my_work_guard_domains", {}).get(
                transition["guard_method"], [])
            if candidates and (domain or necessary):
                if necessary:
                    # as the engine: it finds more than the user may see,
                    # so no record the guard would pass is left out
                    candidates = Model.sudo().with_context(active_test=False)._search(
                        [("id", "in", candidates)] + necessary, order="id")
                if domain and candidates:
                    candidates = Model.sudo()._search(
                        [("id", "in", candidates)] + domain, order="id")
            # the guard method for the candidates at once (its batch form
            # if the model has one, see _wf_guard_method_errors)
            failing = {}
            if candidates and transition["guard_method"] and \
                    "_wf_check_guard_method" in others:
                try:
                    failing = Model.browse(candidates)._wf_guard_method_errors(
                        by_id[transition["id"]], transition["guard_method"])
                except AccessError:
                    failing = dict.fromkeys(candidates)
            # maker-checker for the candidates at once, too
            if candidates and transition["maker_checker"] and \
                    "_wf_check_maker_checker" in others:
                failing = dict(failing)
                failing.update(dict.fromkeys(
                    Model.browse(candidates)._wf_maker_checker_failing()))
            checks = [check for check in others
                      if check not in ("_wf_check_guard_method",
                                       "_wf_check_maker_checker")]
            for res_id in candidates:
                error = failing.get(res_id)
                if res_id not in failing:
                    try:
                        error = next(filter(None, (
                            getattr(records[res_id], check)(by_id[transition["id"]])
                            for check in checks)), None)
                    except AccessError:
                        continue
                    if error is None:
                        result[res_id].append(transition["name"])
                        continue
                if hints is not None and isinstance(error, ValidationError):
                    hints.setdefault(res_id, error.name)
        return result

    # -- supervisors ------------------------------------------------------

    @api.model
    def _my_work_officers(self):
        """The officers a supervisor oversees: the whole department for the
        chief (R16), the districts of the police points led for the
        responsible inspector (R24); nobody for the others."""
        # the one column needed, not every column of the user
        user = self.env.user.with_context(prefetch_fields=False)
        Users = self.env["res.users"]
        if user.has_group("uchaske_base.group_district_chief") and \
                user.uchaske_department_id:
            return Users.sudo().search([
                ("uchaske_department_id", "=", user.uchaske_department_id.id),
                ("id", "!=", user.id)])
        if user.has_group("uchaske_base.group_responsible_inspector"):
            districts = user.sudo().uchaske_post_ids.mapped("district_ids")
            return (districts.mapped("inspector_id")
                    | districts.mapped("assistant_ids")) - user
        return Users

    @api.model
    def _my_work_team_rows(self, clock):
        """One row per officer with overdue items: how many (one statement
        for the counts, built by the ORM from the same domain as the
        officer's list, :meth:`_my_work_open_team`; the names of those
        counted only, not every column of every officer)."""
        officers = self._my_work_officers()
        if not officers:
            return []
        from_clause, where_clause, params = self.env["mail.activity"].sudo() \
            ._uchaske_rules_sql(self._my_work_team_domain(officers, clock))
        self.env.cr.execute(
            'SELECT "mail_activity".user_id, count(*) FROM %s WHERE %s'
            ' GROUP BY 1' % (from_clause, where_clause), params)
        counts = dict(self.env.cr.fetchall())
        names = self.env["res.users"]._uchaske_names(counts)
        rank = my_work.rank(my_work.OVERDUE) * 10 + 1  # after one's own
        rows = []
        for user_id in sorted(counts, key=lambda found: (names[found], found)):
            user_name, count = names[user_id], counts[user_id]
            rows.append({
                "kind": "team",
                "urgency": my_work.OVERDUE,
                "urgency_rank": rank,
                "name": _("%(officer)s: %(count)s overdue") % {
                    "officer": user_name, "count": count},
                "officer_id": user_id,
                "item_count": count,
                "overdue": True,
            })
        return rows

    @api.model
    def _my_work_team_domain(self, officers, clock):
        return [("user_id", "in", officers.ids),
                ("date_deadline", "<", fields.Date.to_string(clock["today"]))] + \
            self._my_work_activity_domain()

    # -- what each row says ----------------------------------------------

    @api.model
    def _my_work_model_name(self, res_model):
        """The document type: the workflow's name, else the model's."""
        definition = self._my_work_definition(res_model)
        return (definition or {}).get("name") or self.env[res_model]._description

    @api.model
    def _my_work_describe(self, rows):
        """Store what groups the list: the document type, and the district
        of each record (one query per model that has one, for the rows that
        do not know it yet). The rest is computed for the page only
        (:meth:`_compute_description`)."""
        missing = defaultdict(set)
        model_names = {}
        for row in rows:
            res_model = row.get("res_model")
            if not res_model or res_model not in self.env:
                continue
            if res_model not in model_names:
                model_names[res_model] = self._my_work_model_name(res_model)
            row["model_name"] = model_names[res_model]
            if "district_id" not in row and \
                    self._my_work_district_column(self.env[res_model]):
                missing[res_model].add(row["res_id"])
        districts = {}
        if missing:
            # the engine's own bookkeeping (the rows are the user's work):
            # one statement for all the models
            parts, params = [], []
            for res_model, ids in sorted(missing.items()):
                parts.append(sql.SQL(
                    "(SELECT %s::varchar, id, district_id FROM {} WHERE id = ANY(%s))"
                ).format(sql.Identifier(self.env[res_model]._table)))
                params += [res_model, sorted(ids)]
            self.env.cr.execute(sql.SQL(" UNION ALL ").join(parts), params)
            for res_model, res_id, district_id in self.env.cr.fetchall():
                districts[(res_model, res_id)] = district_id
        for row in rows:
            if "district_id" not in row:
                row["district_id"] = districts.get(
                    (row.get("res_model"), row.get("res_id")))

    @api.depends("res_model", "res_id", "model_name", "district_id")
    def _compute_description(self):
        """The record's name, its person, the district's name and the
        document, for the rows read only (the page): one batch per model
        (``_my_work_details``), the districts' names in one."""
        targets = self._my_work_targets()
        by_model = defaultdict(set)
        for _kind, res_model, res_id, _model_name, _district in targets.values():
            if res_id and res_model in self.env:
                by_model[res_model].add(res_id)
        details = {}
        existing = self._my_work_existing(by_model)
        for res_model, ids in by_model.items():
            ids = sorted(ids & set(existing[res_model]))
            if not ids:
                continue
            names = existing[res_model] if self._my_work_name_column(
                res_model) else None
            for res_id, info in self._my_work_details(
                    res_model, ids, names).items():
                details[(res_model, res_id)] = info
        districts = dict(self.env["uchaske.district"].sudo().browse(sorted(
            {target[4] for target in targets.values() if target[4]})).name_get())
        for item in self:
            _kind, res_model, res_id, model_name, district_id = targets.get(
                item.id, (None,) * 5)
            info = details.get((res_model, res_id), {})
            record_name = info.get("record_name") or False
            item._my_work_set_display(
                record_name=record_name,
                person_name=info.get("person_name") or False,
                district_name=districts.get(district_id) or False,
                document=" ".join(filter(None, (
                    model_name, record_name))) or False)

    @api.multi
    def _my_work_targets(self):
        """{row id: (kind, res_model, res_id, model_name, district_id)} of
        the rows ``self`` (the page), read in one statement as plain values
        for the computed columns: reading them through the records cost the
        ORM's read under the rules and a field access per value and row
        (about a third of the page's computation, issue 9). The rows are the
        user's own (as the transient rule: the superuser reads any)."""
        ids = [item_id for item_id in self.ids if isinstance(item_id, int)]
        if not ids:
            return {}
        # Kept for the cursor (the request): both computes of the page ask
        # for the same rows (one statement, ~2 ms, less per open). Safe in
        # the cursor's cache, which ignores rollbacks: a row is never
        # changed, only kept or deleted (_my_work_store), and its id is
        # never given again.
        known = self.env.cr.cache.setdefault("uchaske.work.item targets", {})
        uid = self.env.uid
        missing = [item_id for item_id in ids if (uid, item_id) not in known]
        if missing:
            query = "SELECT id, kind, res_model, res_id, model_name, district_id" \
                " FROM uchaske_work_item WHERE id = ANY(%s)"
            params = [missing]
            if uid != SUPERUSER_ID:
                query += " AND create_uid = %s"
                params.append(uid)
            self.env.cr.execute(query, params)
            for row in self.env.cr.fetchall():
                known[(uid, row[0])] = row[1:]
        return {item_id: known[(uid, item_id)] for item_id in ids
                if (uid, item_id) in known}

    @api.model
    def _my_work_search_text(self, field_name, operator, value):
        """A domain on the user's rows whose computed ``field_name``
        matches: a search typed in the list, the only time every row's
        description is computed."""
        items = self.search([("create_uid", "=", self.env.uid)])
        negative = operator in expression.NEGATIVE_TERM_OPERATORS
        positive = expression.TERM_OPERATORS_NEGATION.get(operator, operator) \
            if negative else operator
        text = value if isinstance(value, str) else ""
        needle = text.lower() if "ilike" in positive else text

        def matches(found):
            found = found or ""
            if positive in ("ilike", "like"):
                return (needle in found.lower()) if positive == "ilike" \
                    else (needle in found)
            if positive in ("=ilike", "=like"):
                pattern = re.escape(needle).replace("%", ".*").replace("_", ".")
                return bool(re.match("^%s$" % pattern, found.lower()
                                     if positive == "=ilike" else found))
            if positive == "=":
                return found == (value or "")
            if positive == "in":
                return found in (value or [])
            return False
        ids = [item.id for item in items
               if matches(item[field_name]) != negative]
        return [("id", "in", ids)]

    @api.model
    def _search_person_name(self, operator, value):
        return self._my_work_search_text("person_name", operator, value)

    @api.model
    def _search_district_name(self, operator, value):
        return self._my_work_search_text("district_name", operator, value)

    @api.model
    def _search_document(self, operator, value):
        return self._my_work_search_text("document", operator, value)

    @api.model
    def _search_record_name(self, operator, value):
        return self._my_work_search_text("record_name", operator, value)

    @api.model
    def _my_work_name_column(self, res_model):
        """The column that is the name of a record of ``res_model`` when the
        model names its records the ORM's default way (``name_get`` not
        overridden, ``_rec_name`` a stored, untranslated text column), else
        None. For such a model :meth:`_my_work_existing` reads the names
        with the records' existence and no ``name_get`` runs."""
        Model = self.env[res_model]
        field = Model._fields.get(Model._rec_name or "")
        if type(Model).name_get is not models.BaseModel.name_get or \
                field is None or not field.store or field.translate or \
                field.type not in ("char", "text") or field.inherited:
            return None
        return field.name

    @api.model
    def _my_work_existing(self, by_model):
        """{model: {id: name or None}} of the records of ``by_model``
        ({model: ids}) that still exist (a row may outlive its record while
        the user pages), with the name of those whose model names them by
        a column (:meth:`_my_work_name_column`): one statement for all the
        models of the page, not one per model (and none for those names)."""
        parts, params = [], []
        for res_model, ids in sorted(by_model.items()):
            column = self._my_work_name_column(res_model)
            parts.append(sql.SQL(
                "(SELECT %s::varchar, id, {}::varchar FROM {} WHERE id = ANY(%s))")
                .format(sql.Identifier(column) if column else sql.SQL("NULL"),
                        sql.Identifier(self.env[res_model]._table)))
            params += [res_model, sorted(ids)]
        existing = defaultdict(dict)
        if parts:
            self.env.cr.execute(sql.SQL(" UNION ALL ").join(parts), params)
            for res_model, res_id, name in self.env.cr.fetchall():
                existing[res_model][res_id] = name
        return existing

    @api.model
    def _my_work_details(self, res_model, res_ids, names=None):
        """{id: {"record_name", ...}} of records of ``res_model`` (read as
        the engine: the rows are the user's own work), for the page shown;
        ``res_ids`` exist (:meth:`_my_work_existing`), ``names`` ({id:
        name}) are their names if the model names them by a column.
        Addons add what their records know (e.g. the person)."""
        if names is not None:
            return {res_id: {"record_name": names.get(res_id) or False}
                    for res_id in res_ids}
        Model = self.env[res_model]
        # only the fields read here, for all the records at once
        records = Model.sudo().with_context(prefetch_fields=False).browse(
            res_ids)
        return {res_id: {"record_name": name}
                for res_id, name in records.name_get()}

    # -- storing ------------------------------------------------------------

    @api.model
    def _my_work_columns(self):
        """The stored columns of a row (not Odoo's own)."""
        return sorted(name for name, field in self._fields.items()
                      if field.store and name not in models.MAGIC_COLUMNS
                      and name != "id")

    @api.model
    def _my_work_store(self, rows):
        """Make the user's rows ``rows``: rows that did not change are kept
        (most of them, from one open to the next), the others deleted, the
        new ones inserted; kept rows older than half the transient vacuum's
        age are touched, so that the vacuum does not take them while the
        user pages. When every row is the same as at the last build (their
        digest, ``uchaske.work.item.build``), they are kept without being
        read back.

        SQL instead of the ORM, measured: ``create()`` of a transient row
        costs about 1 ms (access checks, defaults, recomputation, cache), so
        an inspector with 1,300 open cases waited over a second for the
        inserts alone; one parameterised INSERT per 500 rows costs a few
        ms, and none when nothing changed. The rows are the user's own
        transient rows (nothing refers to them, no rule, no computed field
        depends on them).
        """
        cr = self.env.cr
        names = self._my_work_columns()
        now = fields.Datetime.now()
        stale = fields.Datetime.to_string(
            fields.Datetime.from_string(now)
            - timedelta(hours=(self._transient_max_hours or 1.0) / 2.0))
        # the same rows as the last build, all still stored: nothing to
        # read back nor compare (most opens, issue 9)
        builds = self.env["uchaske.work.item.build"]
        digest = rows_digest(rows)
        same, old = builds._unchanged(self.env.uid, digest, len(rows), stale)
        if same:
            if old:
                self._my_work_touch(stale, now)
            return
        cr.execute(sql.SQL(
            "SELECT id, COALESCE(write_date, create_date) < %s, {}"
            " FROM uchaske_work_item WHERE create_uid = %s ORDER BY id").format(
                sql.SQL(", ").join(map(sql.Identifier, names))),
            (stale, self.env.uid))
        existing = defaultdict(list)
        touch = set()
        for found in cr.fetchall():
            existing[tuple(found[2:])].append(found[0])
            if found[1]:
                touch.add(found[0])
        wanted = []
        for row in rows:
            key = tuple(map(row.get, names))
            if existing.get(key):
                existing[key].pop(0)
            else:
                wanted.append(key)
        gone = [item_id for ids in existing.values() for item_id in ids]
        self.invalidate_cache()
        if gone:
            cr.execute("DELETE FROM uchaske_work_item WHERE id = ANY(%s)", (gone,))
        if touch - set(gone):
            self._my_work_touch(stale, now)
        columns = ["create_uid", "write_uid", "create_date", "write_date"] + names
        values = [(self.env.uid, self.env.uid, now, now) + key for key in wanted]
        for start in range(0, len(values), _INSERT_CHUNK):
            chunk = values[start:start + _INSERT_CHUNK]
            query = sql.SQL("INSERT INTO uchaske_work_item ({}) VALUES {}").format(
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(", ").join(sql.Placeholder() * len(chunk)))
            cr.execute(query.as_string(cr._cnx), chunk)
        builds._remember(self.env.uid, digest)

    @api.model
    def _my_work_touch(self, stale, now):
        """Touch the user's rows written before ``stale`` (half the
        transient vacuum's age) at ``now``, so that the vacuum does not take
        them while the user pages."""
        self.env.cr.execute(
            "UPDATE uchaske_work_item SET write_date = %s WHERE create_uid = %s"
            " AND COALESCE(write_date, create_date) < %s", (now, self.env.uid, stale))

    # -- rows are the engine's ---------------------------------------------

    @api.model
    def create(self, vals):
        self._my_work_check_engine()
        return super(UchaskeWorkItem, self).create(vals)

    @api.multi
    def write(self, vals):
        self._my_work_check_engine()
        return super(UchaskeWorkItem, self).write(vals)

    @api.multi
    def unlink(self):
        self._my_work_check_engine()
        return super(UchaskeWorkItem, self).unlink()

    @api.model
    def _my_work_check_engine(self):
        """The rows are built by :meth:`_build` (in SQL) and taken away by
        Odoo's transient vacuum (as the superuser): a user's own row
        changed by hand over RPC would stay as changed while the rows it
        was built from do not change (``uchaske.work.item.build``)."""
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(_("My work's rows are built by the application: "
                                "they cannot be created, changed or deleted "
                                "by hand."))

    # -- actions ------------------------------------------------------------

    @api.model
    def action_open_my_work(self):
        self._build()
        data = self.env["ir.model.data"]
        return {
            "type": "ir.actions.act_window",
            "name": _("My work"),
            "res_model": self._name,
            "view_mode": "tree,kanban",
            # cached look-ups (``env.ref`` would query each view)
            "views": [(data.xmlid_to_res_id("uchaske_base.uchaske_work_item_view_tree"),
                       "tree"),
                      (data.xmlid_to_res_id(
                          "uchaske_base.uchaske_work_item_view_kanban"),
                       "kanban")],
            "domain": [("create_uid", "=", self.env.uid)],
            "context": {},
            "target": "current",
        }

    @api.multi
    def action_open_record(self):
        self.ensure_one()
        if self.kind == "team":
            return self._my_work_open_team()
        return open_record_action(self.res_model, self.res_id)

    @api.multi
    def _my_work_open_team(self):
        """The overdue items of one officer (their activities: a deadline
        line's activity is one of them)."""
        self.ensure_one()
        clock = self._my_work_clock()
        return {
            "type": "ir.actions.act_window",
            "name": _("Overdue: %s") % self.officer_id.name,
            "res_model": "mail.activity",
            "view_mode": "tree,form",
            "domain": self._my_work_team_domain(self.officer_id, clock),
            "target": "current",
        }
