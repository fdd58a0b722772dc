# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools

from uchaske_rules import dates


def open_record_action(res_model, res_id):
    """Window action opening one record's form (deadlines, My work)."""
    return {
        "type": "ir.actions.act_window",
        "res_model": res_model,
        "res_id": res_id,
        "view_mode": "form",
        # the web client's do_action needs the views of a plain dict
        "views": [(False, "form")],
        "target": "current",
    }


class UchaskeWorkflowDeadlineLine(models.Model):
    """An open (or met) deadline of one record: due moment, requirement id,
    responsible user, activity, escalation."""

    _name = "uchaske.workflow.deadline.line"
    _description = "Deadline"
    _order = "date_due, id"

    # "R14: <rule>" in the reader's language (the rule's name is translated)
    name = fields.Char(compute="_compute_name", search="_search_name")
    rule_id = fields.Many2one(
        "uchaske.workflow.deadline", required=True, ondelete="restrict")
    requirement_ref = fields.Char(string="Requirement", required=True, index=True)
    res_model = fields.Char(required=True, index=True)
    res_id = fields.Integer(required=True, index=True)
    record_name = fields.Char()
    department_id = fields.Many2one("uchaske.department", index=True)
    district_id = fields.Many2one("uchaske.district", index=True)
    post_id = fields.Many2one("uchaske.post", index=True)
    user_id = fields.Many2one("res.users", string="Responsible", index=True)
    date_start = fields.Datetime(string="Counted from", required=True)
    date_due = fields.Datetime(string="Due", required=True, index=True)
    date_done = fields.Datetime(string="Met on")
    state = fields.Selection(
        [("open", "Open"), ("done", "Met"), ("cancel", "Cancelled")],
        default="open", required=True, index=True)
    met_late = fields.Boolean(string="Met late")
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")
    activity_id = fields.Many2one("mail.activity", ondelete="set null")
    # indexed: My work and the lines' record rule ask "mine or escalated to
    # me"; without it PostgreSQL read every line (a sequential scan, 5-12 ms
    # an open at national size, growing with the table, issue 9)
    escalated_user_id = fields.Many2one(
        "res.users", string="Escalated to", index=True)
    escalation_activity_id = fields.Many2one("mail.activity", ondelete="set null")
    date_escalated = fields.Datetime()
    period_key = fields.Char(
        readonly=True,
        help="Period of a periodic obligation (2026-Q4, 2026 ...): one line "
             "per rule, scope and period.")

    @api.model_cr
    def init(self):
        # ``name`` was a required stored column before it was computed
        if tools.column_exists(self.env.cr, self._table, "name"):
            tools.drop_not_null(self.env.cr, self._table, "name")
        # the periodic job's idempotence (ON CONFLICT ... DO NOTHING)
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS
                uchaske_workflow_deadline_line_period_uniq
                ON uchaske_workflow_deadline_line (rule_id, res_id, period_key)
             WHERE period_key IS NOT NULL""")
        # the escalation job's selection
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS uchaske_workflow_deadline_line_to_escalate
                ON uchaske_workflow_deadline_line (date_due)
             WHERE state = 'open' AND escalated_user_id IS NULL""")

    @api.multi
    def _activity_key(self, escalation=False):
        """``mail.activity.uchaske_key`` of the line's activity: found again
        by it whatever language its summary is in (issue 9 item 5)."""
        self.ensure_one()
        return "uchaske.deadline.%s%s" % (
            self.id, ".escalation" if escalation else "")

    @api.depends("requirement_ref", "rule_id.name")
    def _compute_name(self):
        for line in self:
            line.name = "%s: %s" % (line.requirement_ref, line.rule_id.name)

    @api.model
    def _search_name(self, operator, value):
        return ["|", ("requirement_ref", operator, value),
                ("rule_id.name", operator, value)]

    @api.multi
    def _compute_overdue(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        for line in self:
            line.overdue = line.state == "open" and dates.is_overdue(
                fields.Datetime.from_string(line.date_due), now)

    @api.model
    def _search_overdue(self, operator, value):
        now = fields.Datetime.now()
        # normalized ("&" explicit): Odoo 11 splices it into the caller's domain
        overdue = ["&", ("state", "=", "open"), ("date_due", "<", now)]
        if (operator == "=") == bool(value):
            return overdue
        return ["|", ("state", "!=", "open"), ("date_due", ">=", now)]

    @api.multi
    def action_open_record(self):
        self.ensure_one()
        return open_record_action(self.res_model, self.res_id)

    @api.multi
    def _close(self, state="done"):
        now = fields.Datetime.now()
        for line in self:
            line.write({
                "state": state,
                "date_done": now,
                "met_late": state == "done" and now > line.date_due,
            })
            feedback = _("Deadline met (%s).") % line.requirement_ref \
                if state == "done" else _("Deadline cancelled.")
            for activity in line.activity_id | line.escalation_activity_id:
                activity.action_feedback(feedback)

    @api.multi
    def _escalation_summary(self):
        """The escalation activity's title, in the context's language (the
        escalated user's)."""
        self.ensure_one()
        return _("OVERDUE %(ref)s: %(name)s") % {
            "ref": self.requirement_ref, "name": self.name}

    @api.model
    def _cron_escalate(self):
        """Escalate overdue deadlines to the next role up (R16, R24), once
        per deadline, set-based (issue 14: 600 lines in a few statements):
        one query selects the lines with the candidates of their scope, the
        escalation activities are inserted in one statement (titles in each
        officer's language, keyed ``uchaske.deadline.<id>.escalation``: a
        second run, or a run in another language, adds none), the lines are
        marked in one UPDATE."""
        cr = self.env.cr
        now = fields.Datetime.now()
        cr.execute("""
            SELECT l.id, l.res_model, l.res_id, l.user_id,
                   p.responsible_inspector_id, dep.chief_id,
                   l.rule_id, l.date_due, l.record_name, rp.name
              FROM uchaske_workflow_deadline_line l
              JOIN uchaske_workflow_deadline r ON r.id = l.rule_id
              LEFT JOIN res_users u ON u.id = l.user_id
              LEFT JOIN res_partner rp ON rp.id = u.partner_id
              LEFT JOIN uchaske_district d ON d.id = l.district_id
              LEFT JOIN uchaske_post p ON p.id = COALESCE(d.post_id, l.post_id)
              LEFT JOIN uchaske_department dep
                     ON dep.id = COALESCE(d.department_id, l.department_id)
             WHERE l.state = 'open' AND l.escalated_user_id IS NULL
               AND l.date_due < %s AND r.escalate
             ORDER BY l.id""", [now])
        rows = cr.fetchall()
        if not rows:
            return True
        # records deleted meanwhile: their deadlines are cancelled
        by_model = {}
        for row in rows:
            by_model.setdefault(row[1], set()).add(row[2])
        gone = set()
        for model, ids in by_model.items():
            if model not in self.env:
                gone.update((model, res_id) for res_id in ids)
                continue
            cr.execute('SELECT id FROM "%s" WHERE id = ANY(%%s)'
                       % self.env[model]._table, [list(ids)])
            present = {res_id for res_id, in cr.fetchall()}
            gone.update((model, res_id) for res_id in ids - present)
        if gone:
            self.browse([row[0] for row in rows
                         if (row[1], row[2]) in gone])._close("cancel")
        targets = {}
        for row in rows:
            if (row[1], row[2]) in gone:
                continue
            target = dates.next_role_up(row[3], row[4], row[5])
            if target:
                targets[row[0]] = (target, row)
        if not targets:
            return True
        # plain values, not records: 600 lines would prefetch every field
        cr.execute("SELECT u.id, p.lang FROM res_users u JOIN res_partner p "
                   "ON p.id = u.partner_id WHERE u.id = ANY(%s)",
                   [list({target for target, _row in targets.values()})])
        langs = dict(cr.fetchall())
        note = _("The deadline was due %(due)s; %(user)s is responsible.")
        summaries = {}
        values = []
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("uchaske_base.mail_activity_type_deadline")
        for line_id, (target, row) in sorted(targets.items()):
            res_model, res_id, rule_id, date_due, record_name, user_name = (
                row[1], row[2], row[6], row[7], row[8], row[9])
            lang_key = (rule_id, langs.get(target))
            if lang_key not in summaries:
                summaries[lang_key] = self.browse(line_id).with_context(
                    lang=langs.get(target))._escalation_summary()
            line = self.browse(line_id)
            values.append((
                line_id, res_id, self.env["ir.model"]._get(res_model).id,
                res_model, record_name or "", summaries[lang_key],
                tools.plaintext2html(note % {"due": date_due,
                                             "user": user_name or "-"}),
                target, line._activity_key(escalation=True)))
        columns = list(zip(*values))
        cr.execute("""
            WITH v AS (
                SELECT * FROM unnest(%s::int[], %s::int[], %s::int[],
                                     %s::varchar[], %s::varchar[],
                                     %s::varchar[], %s::text[], %s::int[],
                                     %s::varchar[])
                    AS v(line_id, res_id, res_model_id, res_model, res_name,
                         summary, note, user_id, uchaske_key)),
            act AS (
                INSERT INTO mail_activity
                       (res_id, res_model_id, res_model, res_name,
                        activity_type_id, summary, note, date_deadline,
                        user_id, uchaske_key, create_uid, create_date,
                        write_uid, write_date)
                SELECT v.res_id, v.res_model_id, v.res_model, v.res_name, %s,
                       v.summary, v.note, %s, v.user_id, v.uchaske_key,
                       %s, %s, %s, %s
                  FROM v
                 WHERE NOT EXISTS (SELECT 1 FROM mail_activity a
                                    WHERE a.uchaske_key = v.uchaske_key)
                RETURNING id, uchaske_key)
            UPDATE uchaske_workflow_deadline_line l
               SET escalated_user_id = v.user_id,
                   escalation_activity_id = act.id,
                   date_escalated = %s, write_uid = %s, write_date = %s
              FROM v LEFT JOIN act ON act.uchaske_key = v.uchaske_key
             WHERE l.id = v.line_id AND l.escalated_user_id IS NULL
        """, [list(column) for column in columns] + [
            activity_type.id, today, self.env.uid, now, self.env.uid, now,
            now, self.env.uid, now])
        self.invalidate_cache()
        self.env["mail.activity"].invalidate_cache()
        return True
