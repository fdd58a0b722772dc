# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import defaultdict
from datetime import datetime, time

import pytz
from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from uchaske_rules import my_work
from .uchaske_workflow_deadline_line import open_record_action

#: the requirement id of an activity: the start of its technical key
#: (``mail.activity.uchaske_key``: "R12", "A4.stay", "R22.10"); for an
#: activity without a key (typed by a user), the first one its summary names
_REQUIREMENT_RE = re.compile(r"\b([RA]\d+(?:\.\d+)*)\b")

#: rows inserted per INSERT statement
_INSERT_CHUNK = 500


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
      rules (see :meth:`_my_work_candidates`); the exact guards
      (``_wf_available_transitions``) are checked only for the rows read,
      the page shown (``actions`` is computed), so what is offered is what
      the user may fire, whatever the number of records;
    * for a supervisor (responsible inspector, chief): one row per officer
      with the number of their overdue items, openable.

    Rows are transient and the user's own (Odoo keeps each user to the rows
    they created). Every row is kept: the list paginates, nothing is cut.
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
    person_name = fields.Char(string="Person")
    district_name = fields.Char(string="District")
    date_due = fields.Datetime(string="Due")
    requirement_ref = fields.Char(string="Requirement")
    document = fields.Char()
    res_model = fields.Char()
    res_id = fields.Integer()
    model_name = fields.Char(string="Document type")
    record_name = fields.Char(string="Record")
    state_name = fields.Char(string="State")
    actions = fields.Char(
        string="You can", compute="_compute_actions",
        help="The transitions you may fire on the record now.")
    deadline_line_id = fields.Many2one(
        "uchaske.workflow.deadline.line", ondelete="cascade")
    activity_id = fields.Integer(string="Activity")
    officer_id = fields.Many2one("res.users", string="Officer")
    item_count = fields.Integer(string="Items")
    overdue = fields.Boolean()
    escalated = fields.Boolean(string="Escalated to me")

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
        tz = pytz.timezone(self.env.user.tz or "UTC")
        local = pytz.utc.localize(now).astimezone(tz).replace(tzinfo=None)
        return {"now": now, "local_now": local, "today": local.date(), "tz": tz}

    @api.model
    def _my_work_local(self, clock, moment):
        """``moment`` (naive UTC) in the user's time zone (naive)."""
        return pytz.utc.localize(moment).astimezone(clock["tz"]).replace(
            tzinfo=None)

    @api.model
    def _my_work_day_end(self, clock, day):
        """The last second of ``day`` (a local date) as naive UTC."""
        local = clock["tz"].localize(datetime.combine(day, time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _my_work_urgency(self, clock, due):
        """(bucket, rank) of an item due at ``due`` (naive UTC or None)."""
        bucket = my_work.urgency(
            self._my_work_local(clock, due) if due else None, clock["local_now"])
        return bucket, my_work.rank(bucket) * 10

    @api.model
    def _build(self):
        """Replace the user's rows by the current ones; return their number."""
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
    def _my_work_deadline_rows(self, clock):
        """Open deadline lines of the user or escalated to them (one query;
        the lines' record rules apply)."""
        lines = self.env["uchaske.workflow.deadline.line"].search([
            ("state", "=", "open"), "|", ("user_id", "=", self.env.uid),
            ("escalated_user_id", "=", self.env.uid)])
        rows = []
        for line in lines:
            due = fields.Datetime.from_string(line.date_due)
            bucket, rank = self._my_work_urgency(clock, due)
            escalated = line.escalated_user_id.id == self.env.uid
            activity = line.escalation_activity_id if escalated \
                else line.activity_id
            rows.append({
                "kind": "deadline",
                "urgency": bucket,
                "urgency_rank": rank,
                "name": line.name,
                "date_due": line.date_due,
                "requirement_ref": line.requirement_ref,
                "res_model": line.res_model,
                "res_id": line.res_id,
                "record_name": line.record_name,
                "deadline_line_id": line.id,
                "activity_id": activity.id or None,
                "overdue": bucket == my_work.OVERDUE,
                "escalated": escalated,
                # the line is the row: its activities would be second rows
                # for the same thing
                "line_activity_ids": set(
                    (line.activity_id | line.escalation_activity_id).ids),
            })
        return rows

    @api.model
    def _my_work_activity_domain(self):
        """Activities of our models (their alerts, supervision checks ...)."""
        return [("res_model", "=like", "uchaske.%")]

    @api.model
    def _my_work_activity_rows(self, clock, skip_ids):
        """Open activities of our models assigned to the user (one query)."""
        activities = self.env["mail.activity"].sudo().search_read(
            [("user_id", "=", self.env.uid)] + self._my_work_activity_domain(),
            ["res_model", "res_id", "summary", "date_deadline", "uchaske_key"])
        rows = []
        for activity in activities:
            if activity["id"] in skip_ids or activity["res_model"] not in self.env:
                continue
            due = self._my_work_day_end(
                clock, fields.Date.from_string(activity["date_deadline"]))
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
    def _my_work_officer_groups(self):
        """Groups of the officers serving districts: a transition open to
        them is routine work of the district's own officers."""
        data = self.env["ir.model.data"]  # cached lookups, no query
        return self.env["res.groups"].browse([
            data.xmlid_to_res_id("uchaske_base.group_assistant"),
            data.xmlid_to_res_id("uchaske_base.group_inspector")])

    @api.model
    def _my_work_action_rows(self, rows):
        """The records whose state allows the user's groups a transition,
        from stored data only (see :meth:`_my_work_candidates`). A record
        that already has a row (a deadline) gets no second row. The guards
        that are Python (guard methods, maker-checker) are checked only for
        the rows read, the page shown: ``actions`` is computed."""
        listed = {(row["res_model"], row["res_id"]) for row in rows}
        action_rows = []
        workflows = self.env["uchaske.workflow"].sudo().search([])
        # the definitions of all workflows in a few reads, not per workflow
        workflows.mapped("state_ids.name")
        workflows.mapped("transition_ids.from_state_ids.code")
        workflows.mapped("transition_ids.group_ids")
        officer_groups = self._my_work_officer_groups()
        rank = my_work.rank(my_work.ACT) * 10
        for workflow in workflows:
            if workflow.model not in self.env:
                continue
            candidates, refs = self._my_work_candidates(workflow, officer_groups)
            states = {s.code: s.name for s in workflow.state_ids}
            for res_id, state in candidates:
                if (workflow.model, res_id) in listed:
                    continue
                action_rows.append({
                    "kind": "action",
                    "urgency": my_work.ACT,
                    "urgency_rank": rank,
                    "name": states.get(state, state),
                    "res_model": workflow.model,
                    "res_id": res_id,
                    "state_name": states.get(state, state),
                    "requirement_ref": refs.get(state),
                })
        return action_rows

    @api.model
    def _my_work_candidates(self, workflow, officer_groups):
        """([(record id, state)], {state: requirement ids}) of ``workflow``'s
        records on which the user's groups may fire a transition, found by
        one search as the user (read rules) on stored fields: the state, the
        write rules, the transitions' guard domains, and, for a transition
        open to the officers of a district, the districts the user serves
        (a supervisor sees there the decisions that are theirs, not every
        officer's routine work). Never cut: every record is a row."""
        user = self.env.user
        Model = self.env[workflow.model]
        transitions = workflow.transition_ids.filtered(
            lambda t: not t.group_ids or t.group_ids & user.groups_id)
        if not transitions or not Model.check_access_rights("write", False):
            return [], {}
        has_district = "district_id" in Model._fields
        own_districts = user.uchaske_district_ids.ids
        domains, refs = [], defaultdict(set)
        for transition in transitions:
            codes = transition.from_state_ids.mapped("code")
            if not codes:
                continue
            domain = [("state", "in", codes)] + (transition._get_guard_domain() or [])
            # a guard method's necessary condition on stored fields, if the
            # model declares one (``_my_work_guard_domains``)
            domain += getattr(Model, "_my_work_guard_domains", {}).get(
                transition.guard_method, [])
            routine = not transition.group_ids or transition.group_ids & officer_groups
            if routine and has_district:
                domain += ["|", ("district_id", "=", False),
                           ("district_id", "in", own_districts)]
            domains.append(expression.normalize_domain(domain))
            for code in codes:
                if transition.requirement_ref:
                    refs[code].add(transition.requirement_ref)
        if not domains:
            return [], {}
        write_domain = self.env["ir.rule"]._compute_domain(Model._name, "write") or []
        # read rules: a plain search as the user (not journaled, R15)
        ids = Model.search(expression.AND(
            [expression.OR(domains), write_domain]), order="id").ids
        if not ids:
            return [], {}
        self.env.cr.execute(sql.SQL(
            "SELECT id, state FROM {} WHERE id = ANY(%s) ORDER BY id").format(
                sql.Identifier(Model._table)), (ids,))
        return self.env.cr.fetchall(), {
            code: ", ".join(sorted(values)) for code, values in refs.items()}

    @api.depends("res_model", "res_id", "kind")
    def _compute_actions(self):
        """The transitions the user may fire now, every guard of the engine
        checked (as ``_wf_available_transitions``): only for the rows read,
        the page shown, grouped by model."""
        by_model = defaultdict(list)
        for item in self:
            item.actions = False
            if item.kind != "team" and item.res_model in self.env and \
                    item.res_id and \
                    hasattr(self.env[item.res_model], "_wf_available_transitions"):
                by_model[item.res_model].append(item)
        for res_model, items in by_model.items():
            records = self.env[res_model].browse(
                [item.res_id for item in items]).exists()
            workflow = self.env["uchaske.workflow"]._get_for_model(res_model)
            # the engine's checks, skipping the transitions whose state or
            # groups rule them out (they would only build error messages)
            groups = self.env.user.groups_id
            transitions = workflow.transition_ids.filtered(
                lambda t: not t.group_ids or t.group_ids & groups)
            names = {}
            for record in records:
                try:
                    state = record.state
                    names[record.id] = ", ".join(
                        transition.name for transition in transitions
                        if state in transition.from_state_ids.mapped("code")
                        and not record._wf_check(
                            transition, check_inputs=False, raise_error=False))
                except AccessError:
                    names[record.id] = False
            for item in items:
                item.actions = names.get(item.res_id) or False

    # -- supervisors ------------------------------------------------------

    @api.model
    def _my_work_officers(self):
        """The officers a supervisor oversees: the whole department for the
        chief (R16), the districts of the police points led for the
        responsible inspector (R24); nobody for the others."""
        user = self.env.user
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
        """One row per officer with overdue items: how many (one query)."""
        officers = self._my_work_officers()
        if not officers:
            return []
        groups = self.env["mail.activity"].sudo().read_group(
            self._my_work_team_domain(officers, clock), ["user_id"], ["user_id"])
        rank = my_work.rank(my_work.OVERDUE) * 10 + 1  # after one's own
        rows = []
        for group in groups:
            user_id, user_name = group["user_id"]
            count = group["user_id_count"]
            rows.append({
                "kind": "team",
                "urgency": my_work.OVERDUE,
                "urgency_rank": rank,
                "name": _("%(officer)s: %(count)s overdue") % {
                    "officer": user_name, "count": count},
                "person_name": None,
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
    def _my_work_describe(self, rows):
        """Fill name of the record, document type, person and district:
        one batch per model (``_my_work_details``)."""
        by_model = defaultdict(set)
        for row in rows:
            if row.get("res_model"):
                by_model[row["res_model"]].add(row["res_id"])
        details = {}
        for model, ids in by_model.items():
            for res_id, info in self._my_work_details(model, list(ids)).items():
                details[(model, res_id)] = info
        for row in rows:
            if not row.get("res_model"):
                continue
            info = details.get((row["res_model"], row["res_id"]), {})
            for key, value in info.items():
                if value and not row.get(key):
                    row[key] = value
            row["document"] = " ".join(
                filter(None, (row.get("model_name"), row.get("record_name"))))

    @api.model
    def _my_work_details(self, res_model, res_ids):
        """{id: {"record_name", "model_name", "district_name"}} of records of
        ``res_model`` (read as the engine: the rows are the user's own work).
        Addons add what their records know (e.g. the person)."""
        workflow = self.env["uchaske.workflow"]._get_for_model(res_model)
        Model = self.env[res_model]
        model_name = workflow.name or Model._description
        # only the fields read here, for all the records at once
        records = Model.sudo().with_context(prefetch_fields=False).browse(
            res_ids).exists()
        result = {}
        district = "district_id" in Model._fields and \
            Model._fields["district_id"].comodel_name == "uchaske.district"
        for res_id, name in records.name_get():
            result[res_id] = {"record_name": name, "model_name": model_name}
        if district:
            for record in records:
                result[record.id]["district_name"] = \
                    record.district_id.display_name or None
        return result

    # -- storing ------------------------------------------------------------

    @api.model
    def _my_work_store(self, rows):
        """Replace the user's rows by ``rows``.

        SQL instead of the ORM, measured: ``create()`` of a transient row
        costs about 1 ms (access checks, defaults, recomputation, cache), so
        an inspector with 1,300 open cases waited over a second for the
        inserts alone; one parameterised INSERT per 500 rows costs a few
        ms. The rows are the user's own transient rows (nothing refers to
        them, no rule, no computed field depends on them).
        """
        self.env.cr.execute(
            "DELETE FROM uchaske_work_item WHERE create_uid = %s", (self.env.uid,))
        self.invalidate_cache()
        if not rows:
            return
        names = sorted({name for row in rows for name in row})
        columns = ["create_uid", "write_uid", "create_date", "write_date"] + names
        now = fields.Datetime.now()
        values = [tuple([self.env.uid, self.env.uid, now, now]
                        + [row.get(name) for name in names]) for row in rows]
        for start in range(0, len(values), _INSERT_CHUNK):
            chunk = values[start:start + _INSERT_CHUNK]
            query = sql.SQL("INSERT INTO uchaske_work_item ({}) VALUES {}").format(
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(", ").join(sql.Placeholder() * len(chunk)))
            self.env.cr.execute(query.as_string(self.env.cr._cnx), chunk)

    # -- actions ------------------------------------------------------------

    @api.model
    def action_open_my_work(self):
        self._build()
        return {
            "type": "ir.actions.act_window",
            "name": _("My work"),
            "res_model": self._name,
            "view_mode": "tree,kanban",
            "views": [(self.env.ref("uchaske_base.uchaske_work_item_view_tree").id,
                       "tree"),
                      (self.env.ref("uchaske_base.uchaske_work_item_view_kanban").id,
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
