# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re
from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html
from odoo.tools.safe_eval import safe_eval

from uchaske_rules import daily_work, dates


class UchaskeWorkflowDeadline(models.Model):
    """A legal deadline rule, declared in data with the clause it cites.

    * ``kind = 'state'``: attached to a state; when a record enters it, a
      deadline opens (an activity for the responsible user), ``offset``
      ``unit`` after entering the state or after (``direction = 'before'``:
      before) a date field of the record (R14; R27: the notice 10 calendar
      days before a meeting; R32, offset 0: on the meeting day); met by
      leaving the state (or by the given transition);
    * ``kind = 'periodic'``: an obligation per scope (district, police point
      or user) and period (working day, month, quarter, year): R22.13/R26 a
      meeting each quarter per district, A1 the passport's figures each
      year, R22.10 the annual firearm check, R23.3 the rural daily call. It
      is met by a record of ``target_model`` matching ``target_domain`` whose
      ``target_date_field`` falls in the period and whose
      ``target_scope_field`` is the scope. :meth:`_cron_periodic` opens and
      closes these lines, set-based.

    Either kind escalates to the next role up when overdue.
    """

    _name = "uchaske.workflow.deadline"
    _description = "Workflow deadline rule"
    _order = "workflow_id, sequence, id"
    _uchaske_non_negative_fields = ("offset",)

    kind = fields.Selection(
        [("state", "While in a state"), ("periodic", "Periodic obligation")],
        required=True, default="state")
    workflow_id = fields.Many2one(
        "uchaske.workflow", ondelete="cascade", index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    state_id = fields.Many2one(
        "uchaske.workflow.state", string="While in state", ondelete="cascade")
    transition_id = fields.Many2one(
        "uchaske.workflow.transition", string="Met by transition",
        ondelete="set null",
        help="The deadline is met when this transition fires (empty: by any "
             "transition leaving the state).")
    date_field = fields.Char(
        string="From date field",
        help="Date/datetime field of the record the offset counts from "
             "(empty: the moment the record entered the state).")
    direction = fields.Selection(
        [("after", "After"), ("before", "Before")], required=True,
        default="after",
        help="Before: the deadline falls offset units BEFORE the date field "
             "(R27); with offset 0, at the end of that day (R32).")
    offset = fields.Integer(required=True, default=0)
    unit = fields.Selection([
        ("hours24", "24-hour days (тәулік)"),
        ("calendar_days", "Calendar days"),
        ("working_days", "Working days"),
        ("months", "Months"),
        ("years", "Years"),
    ], required=True, default="calendar_days")
    resource_calendar_id = fields.Many2one(
        "resource.calendar", string="Working calendar",
        help="For working days; default: the Kazakhstan working calendar.")
    requirement_ref = fields.Char(
        string="Requirement", required=True,
        help="Requirement id of Order No. 1095 that sets the deadline (e.g. R14).")
    responsible_field = fields.Char(
        help="Many2one to res.users on the record naming who is responsible "
             "(empty: the user who made the transition).")
    escalate = fields.Boolean(
        default=True, help="When overdue, alert the next role up.")
    # -- periodic obligations -----------------------------------------------
    period = fields.Selection([
        (dates.PERIOD_WORKING_DAY, "Every working day"),
        (dates.PERIOD_MONTH, "Every month"),
        (dates.PERIOD_QUARTER, "Every quarter"),
        (dates.PERIOD_YEAR, "Every year"),
    ])
    scope_kind = fields.Selection(
        [("district", "Each district"), ("post", "Each police point"),
         ("user", "Each user of a group")])
    scope_group_id = fields.Many2one(
        "res.groups", string="Users of group", ondelete="restrict")
    responsible_role = fields.Selection(
        [("inspector", "The district's inspector"),
         ("post_responsible", "The police point's responsible inspector"),
         ("chief", "The department chief"),
         ("user", "The user")], default="inspector")
    target_model = fields.Char(
        help="Model whose records meet the obligation (e.g. a meeting).")
    target_domain = fields.Char(default="[]")
    target_date_field = fields.Char(
        help="Date of the target record that must fall in the period.")
    target_scope_field = fields.Char(
        help="Many2one of the target record to the district, police point "
             "or user the obligation is for.")
    active = fields.Boolean(default=True)

    @api.constrains("state_id", "transition_id", "workflow_id", "kind",
                    "direction", "date_field")
    def _check_workflow(self):
        for rule in self:
            if rule.kind == "periodic":
                continue
            if not rule.workflow_id or not rule.state_id:
                raise ValidationError(_(
                    "Deadline %s needs a workflow and a state.") % rule.name)
            if rule.direction == "before" and not rule.date_field:
                raise ValidationError(_(
                    "Deadline %s counts back from a date field: name "
                    "it.") % rule.name)
            if rule.state_id.workflow_id != rule.workflow_id or (
                    rule.transition_id
                    and rule.transition_id.workflow_id != rule.workflow_id):
                raise ValidationError(_(
                    "Deadline %s refers to another workflow.") % rule.name)

    @api.constrains("date_field", "responsible_field", "workflow_id")
    def _check_fields(self):
        for rule in self.filtered(lambda r: r.kind == "state"):
            model = self.env[rule.workflow_id.model]
            if rule.date_field and (
                    rule.date_field not in model._fields
                    or model._fields[rule.date_field].type not in ("date", "datetime")):
                raise ValidationError(_(
                    "Deadline %(name)s: %(field)s is not a date field of "
                    "%(model)s.") % {"name": rule.name, "field": rule.date_field,
                                     "model": model._name})
            if rule.responsible_field and (
                    rule.responsible_field not in model._fields
                    or model._fields[rule.responsible_field].comodel_name
                    != "res.users"):
                raise ValidationError(_(
                    "Deadline %(name)s: %(field)s is not a user field of "
                    "%(model)s.") % {"name": rule.name,
                                     "field": rule.responsible_field,
                                     "model": model._name})

    @api.constrains("kind", "period", "scope_kind", "scope_group_id",
                    "target_model", "target_date_field", "target_scope_field",
                    "target_domain", "responsible_role")
    def _check_periodic(self):
        scope_models = {"district": "uchaske.district", "post": "uchaske.post",
                        "user": "res.users"}
        for rule in self.filtered(lambda r: r.kind == "periodic"):
            target = self.env.get(rule.target_model or "")
            date_field = target is not None and target._fields.get(
                rule.target_date_field or "")
            scope_field = target is not None and target._fields.get(
                rule.target_scope_field or "")
            try:
                domain = safe_eval(rule.target_domain or "[]")
            except Exception:  # pylint: disable=broad-except
                domain = None
            if (not rule.period or not rule.scope_kind or target is None
                    or not date_field or not date_field.store
                    or date_field.type not in ("date", "datetime")
                    or not scope_field or not scope_field.store
                    or scope_field.comodel_name != scope_models[rule.scope_kind]
                    or not isinstance(domain, list)
                    or (rule.scope_kind == "user") != bool(rule.scope_group_id)
                    or (rule.scope_kind == "user")
                    != (rule.responsible_role == "user")):
                raise ValidationError(_(
                    "Periodic deadline %s: give the period, the scope, the "
                    "model with its date field and its many2one to the scope "
                    "(and, per user, the group).") % rule.name)

    @api.multi
    def _work_calendar(self):
        self.ensure_one()
        return self.env["uchaske.legal.calendar"]._get_work_calendar(
            self.resource_calendar_id or None)

    @api.multi
    def _compute_due(self, base, tz_name=None):
        """Due moment (naive UTC datetime) counted from ``base`` (naive UTC),
        after it or (``direction = 'before'``) before it.

        The days are the department's (``tz_name``, by default Kazakhstan's
        Asia/Almaty): a day-unit deadline ends at 23:59:59 local time, and a
        record entering its state at 02:00 local counts from that local day
        (R14, R27, R32) - the pure rules count in local wall-clock time; only
        the stored moment is UTC. 24-hour days are exact moments either way.
        """
        self.ensure_one()
        calendar = self._work_calendar() if self.unit == "working_days" else None
        count = (dates.compute_due_before if self.direction == "before"
                 else dates.compute_due)
        local = count(daily_work.to_local(base, tz_name), self.offset,
                      self.unit, calendar)
        return daily_work.to_utc(local, tz_name)

    @api.multi
    def _base_moment(self, record, entered_at, tz_name=None):
        """The moment (naive UTC) the rule counts from: the date field, else
        (after) the moment the record entered the state; None for a rule
        counting back from an empty date (nothing to count from yet). A date
        field (a meeting's day) starts at the department's local midnight."""
        self.ensure_one()
        if not self.date_field or not record[self.date_field]:
            return None if self.direction == "before" else entered_at
        value = record[self.date_field]
        if record._fields[self.date_field].type == "date":
            return daily_work.to_utc(datetime.combine(
                fields.Date.from_string(value), datetime.min.time()), tz_name)
        return fields.Datetime.from_string(value)

    # -- periodic obligations: one scheduled job, set-based -------------------

    _SCOPE_SQL = {
        # res_id, record_name, department_id, district_id, post_id, and the
        # candidates for the responsible user
        "district": """
            SELECT d.id AS res_id, d.name AS record_name,
                   d.department_id, d.id AS district_id, d.post_id,
                   d.inspector_id AS inspector, p.responsible_inspector_id
                   AS post_responsible, dep.chief_id AS chief, NULL::int AS usr,
                   dep.tz
              FROM uchaske_district d
              LEFT JOIN uchaske_post p ON p.id = d.post_id
              LEFT JOIN uchaske_department dep ON dep.id = d.department_id
             WHERE d.active""",
        "post": """
            SELECT p.id AS res_id, p.name AS record_name,
                   p.department_id, NULL::int AS district_id, p.id AS post_id,
                   NULL::int AS inspector, p.responsible_inspector_id
                   AS post_responsible, dep.chief_id AS chief, NULL::int AS usr,
                   dep.tz
              FROM uchaske_post p
              LEFT JOIN uchaske_department dep ON dep.id = p.department_id""",
        # an officer's own obligation: placed in the officer's department
        # and police point (of a district served, else the point led), so
        # that it escalates like the others (R16, R24) and the chief sees it
        "user": """
            SELECT u.id AS res_id, rp.name AS record_name,
                   u.uchaske_department_id AS department_id,
                   NULL::int AS district_id, p.id AS post_id,
                   NULL::int AS inspector,
                   p.responsible_inspector_id AS post_responsible,
                   dep.chief_id AS chief, u.id AS usr, dep.tz
              FROM res_users u
              JOIN res_partner rp ON rp.id = u.partner_id
              JOIN res_groups_users_rel g ON g.uid = u.id AND g.gid = %(group)s
              LEFT JOIN uchaske_department dep
                     ON dep.id = u.uchaske_department_id
              LEFT JOIN uchaske_post p ON p.id = COALESCE(
                  (SELECT d.post_id FROM uchaske_district d
                    WHERE d.active AND (d.inspector_id = u.id OR EXISTS (
                          SELECT 1 FROM uchaske_district_assistant_rel a
                           WHERE a.district_id = d.id AND a.user_id = u.id))
                    ORDER BY d.id LIMIT 1),
                  (SELECT MIN(lp.id) FROM uchaske_post lp
                    WHERE lp.responsible_inspector_id = u.id))
             WHERE u.active""",
    }
    _SCOPE_MODELS = {"district": "uchaske.district", "post": "uchaske.post",
                     "user": "res.users"}
    _RESPONSIBLE_COLUMNS = {"inspector": "s.inspector",
                            "post_responsible": "s.post_responsible",
                            "chief": "s.chief", "user": "s.usr"}

    @api.multi
    def _met_sql(self, line_alias, tz_sql):
        """SQL condition (and its parameters): a target record meets the
        periodic line ``line_alias`` (its scope, within its period).

        The line's bounds are moments (UTC) of the department's local
        midnight and end of day; ``tz_sql`` is the SQL expression of that
        zone. A datetime target compares as a moment; a date target with
        the period's local days."""
        self.ensure_one()
        target = self.env[self.target_model].sudo()
        from_clause, where_clause, params = target._uchaske_rules_sql(
            safe_eval(self.target_domain or "[]"))
        table = '"%s"' % target._table
        if target._fields[self.target_date_field].type == "datetime":
            within = '{table}."{date}" BETWEEN {line}.date_start AND {line}.date_due'
        else:
            local_day = "({line}.%s AT TIME ZONE 'UTC' AT TIME ZONE {tz})::date"
            within = '{table}."{date}" BETWEEN %s AND %s' % (
                local_day % "date_start", local_day % "date_due")
        sql = ("EXISTS (SELECT 1 FROM {from_} WHERE {where} AND "
               '{table}."{scope}" = {line}.res_id AND ' + within + ")").format(
            from_=from_clause, where=where_clause, table=table,
            scope=self.target_scope_field, date=self.target_date_field,
            line=line_alias, tz=tz_sql)
        return sql, params

    #: the zone of a department row ``dep`` (its ``tz``), Asia/Almaty
    #: without one (a code constant: safe to write into the statement)
    _TZ_SQL = "COALESCE({}.tz, '%s')" % daily_work.DEFAULT_TZ

    @api.model
    def _cron_periodic(self):
        """Open the periodic deadline lines of the current period for every
        scope whose obligation is not met yet, and close the open ones whose
        obligation is now met: a few SQL statements per rule for all
        districts, idempotent (one line per rule, scope and period: a unique
        index), activities inserted in the officer's language with a key."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        for rule in self.sudo().search([("kind", "=", "periodic")]):
            rule._periodic_close_met()
            rule._periodic_open(today)
        return True

    @api.multi
    def _periodic_close_met(self):
        self.ensure_one()
        met, params = self._met_sql(
            "l", "(SELECT %s FROM uchaske_department dep "
                 "WHERE dep.id = l.department_id)" % self._TZ_SQL.format("dep"))
        now = fields.Datetime.now()
        cr = self.env.cr
        cr.execute("""
            WITH met AS (
                SELECT l.id, l.activity_id, l.escalation_activity_id
                  FROM uchaske_workflow_deadline_line l
                 WHERE l.rule_id = %s AND l.state = 'open' AND """ + met + """
                   FOR UPDATE OF l)
            UPDATE uchaske_workflow_deadline_line l
               SET state = 'done', date_done = %s, met_late = %s > l.date_due,
                   activity_id = NULL, escalation_activity_id = NULL,
                   write_uid = %s, write_date = %s
              FROM met WHERE l.id = met.id
         RETURNING met.activity_id, met.escalation_activity_id
        """, [self.id] + list(params) + [now, now, self.env.uid, now])
        done = [activity for row in cr.fetchall() for activity in row if activity]
        if done:
            # the to-dos are done (Odoo 11 removes a done activity)
            cr.execute("DELETE FROM mail_activity WHERE id = ANY(%s)", [done])
        self.env["uchaske.workflow.deadline.line"].invalidate_cache()
        self.env["mail.activity"].invalidate_cache()

    @api.multi
    def _periodic_open(self, today):
        self.ensure_one()
        bounds = dates.period_of(
            today, self.period,
            self._work_calendar() if self.period == dates.PERIOD_WORKING_DAY
            else None)
        if bounds is None:  # a day off owes no daily call (R23.3)
            return
        first, last, key = bounds
        met, positional = self._met_sql("s", "s.zone")
        # the domain's placeholders, named like the statement's others
        counter = iter(range(len(positional)))
        met = re.sub(r"%s", lambda _m: "%%(met%d)s" % next(counter), met)
        met_params = {"met%d" % index: value
                      for index, value in enumerate(positional)}
        scope_model = self._SCOPE_MODELS[self.scope_kind]
        names = {}
        for lang in self.env["res.lang"].search([]).mapped("code"):
            names[lang] = "%s: %s" % (self.requirement_ref,
                                      self.with_context(lang=lang).name)
        # the period's days are the department's: its first local midnight
        # and its last local 23:59:59, stored as UTC moments per scope row
        due = dates.end_of_day(last)
        now = fields.Datetime.now()
        note = plaintext2html(_("Due %(due)s (%(ref)s).") % {
            "due": fields.Datetime.to_string(due), "ref": self.requirement_ref})
        cr = self.env.cr
        # the scope rows play the "line" of _met_sql (res_id, date_start,
        # date_due); the ids are drawn first so that the activity and its
        # line are written once each, in one statement (no UPDATE after)
        sql = """
            WITH z AS (
                SELECT s.*, {tz} AS zone FROM ({scope}) s),
            s AS (
                SELECT s.*, {responsible} AS user_id,
                       (%(start)s::timestamp AT TIME ZONE s.zone)
                           AT TIME ZONE 'UTC' AS date_start,
                       (%(due)s::timestamp AT TIME ZONE s.zone)
                           AT TIME ZONE 'UTC' AS date_due
                  FROM z s),
            todo AS (
                SELECT s.*, nextval('uchaske_workflow_deadline_line_id_seq')
                       AS line_id,
                       CASE WHEN s.user_id IS NOT NULL
                            THEN nextval('mail_activity_id_seq') END
                       AS activity_id
                  FROM s
                 WHERE NOT {met}
                   AND NOT EXISTS (
                       SELECT 1 FROM uchaske_workflow_deadline_line x
                        WHERE x.rule_id = %(rule)s AND x.res_id = s.res_id
                          AND x.period_key = %(key)s)),
            activity AS (
                INSERT INTO mail_activity
                       (id, res_id, res_model_id, res_model, res_name,
                        activity_type_id, summary, note, date_deadline,
                        user_id, uchaske_key,
                        create_uid, create_date, write_uid, write_date)
                SELECT todo.activity_id, todo.res_id, %(model_id)s, %(model)s,
                       todo.record_name, %(type)s,
                       COALESCE(%(names)s::jsonb ->> rp.lang,
                                %(names)s::jsonb ->> 'en_US'),
                       %(note)s, %(due_date)s, todo.user_id,
                       'uchaske.deadline.' || todo.line_id,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM todo
                  JOIN res_users u ON u.id = todo.user_id
                  JOIN res_partner rp ON rp.id = u.partner_id)
            INSERT INTO uchaske_workflow_deadline_line
                   (id, rule_id, requirement_ref, res_model, res_id, record_name,
                    department_id, district_id, post_id, user_id, activity_id,
                    date_start, date_due, state, met_late, period_key,
                    create_uid, create_date, write_uid, write_date)
            SELECT todo.line_id, %(rule)s, %(ref)s, %(model)s, todo.res_id,
                   todo.record_name, todo.department_id, todo.district_id,
                   todo.post_id, todo.user_id, todo.activity_id,
                   todo.date_start, todo.date_due, 'open', FALSE, %(key)s,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM todo
            -- the unique index: a concurrent run cannot open a second line
            ON CONFLICT (rule_id, res_id, period_key)
               WHERE period_key IS NOT NULL DO NOTHING
        """.format(tz=self._TZ_SQL.format("s"),
                   responsible=self._RESPONSIBLE_COLUMNS[self.responsible_role],
                   scope=self._SCOPE_SQL[self.scope_kind],
                   met=met)
        params = dict(met_params, **{
            "start": fields.Date.to_string(first),
            "due": fields.Datetime.to_string(due),
            "rule": self.id, "ref": self.requirement_ref,
            "model": scope_model, "key": key, "uid": self.env.uid,
            "now": now, "group": self.scope_group_id.id or None,
            "model_id": self.env["ir.model"]._get(scope_model).id,
            "type": self.env.ref("uchaske_base.mail_activity_type_deadline").id,
            "names": json.dumps(names), "note": note,
            "due_date": fields.Date.to_string(last)})
        cr.execute(sql, params)
        if cr.rowcount > 1000:
            # a new period's thousands of lines: fresh statistics, or the
            # next run's anti-join is planned for the empty table (seconds)
            cr.execute("ANALYZE uchaske_workflow_deadline_line")
        self.env["uchaske.workflow.deadline.line"].invalidate_cache()
        self.env["mail.activity"].invalidate_cache()
