# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import time

from psycopg2 import sql as psycopg2_sql

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html

_logger = logging.getLogger(__name__)

#: config parameter: seconds an alert job may run before leaving the rest to
#: its next run (under the cron worker's limit_time_real_cron, odoo.conf)
CRON_BUDGET_PARAM = "uchaske_registry.alert_cron_time_budget"
DEFAULT_CRON_BUDGET = 600


def escape_like(value):
    """Return ``value`` with the LIKE wildcards escaped (for ``=ilike``)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def has_trigram(cr):
    """True if the database has the pg_trgm extension (created by the
    superuser in template1 at setup, scripts/pg.sh)."""
    cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    return bool(cr.fetchone())


def ensure_index(cr, name, table, expression, using="btree"):
    """Create the index ``name`` on ``table`` (``expression``: our own
    constant SQL, never user input) unless it exists."""
    cr.execute(psycopg2_sql.SQL(
        "CREATE INDEX IF NOT EXISTS {} ON {} USING {} ({})").format(
            psycopg2_sql.Identifier(name), psycopg2_sql.Identifier(table),
            psycopg2_sql.SQL(using), psycopg2_sql.SQL(expression)))


def ensure_scope_index(cr, table, active=True):
    """(district_id, person_id), (post_id, person_id) and (department_id,
    person_id) of a table linking persons to districts, police points and
    departments (``uchaske.person._scope_links``): the record rules'
    "persons linked to these districts / police points / departments" read
    from the indexes alone, without the table's rows (issue 14);
    ``active``: the rows the rules count are the active ones."""
    for column, name in (("district_id", "district"), ("post_id", "post"),
                         ("department_id", "department")):
        cr.execute(psycopg2_sql.SQL(
            "CREATE INDEX IF NOT EXISTS {} ON {} ({}, person_id){}").format(
                psycopg2_sql.Identifier("%s_%s_scope_index" % (table, name)),
                psycopg2_sql.Identifier(table), psycopg2_sql.Identifier(column),
                psycopg2_sql.SQL(" WHERE active" if active else "")))


#: room left in each page of the lists the alert jobs mark (A2, A4)
ALERT_FILLFACTOR = 90


def ensure_alert_fillfactor(cr, table):
    """Leave 10 % of each page free, so that the alert jobs' daily UPDATE
    of their rows (the alerted date, the next activity deadline: columns
    without an index) stays in the page as a HOT update instead of adding
    an entry to each of the table's ~14 indexes (issue 14: the A4 job's
    first run at national size 9.5 -> 7.8 s, bench/alert_jobs.py). Existing
    pages gain the room as they are rewritten (VACUUM FULL, a restore)."""
    cr.execute("SELECT reloptions FROM pg_class WHERE oid = %s::regclass",
               [table])
    wanted = "fillfactor=%d" % ALERT_FILLFACTOR
    if wanted not in (cr.fetchone()[0] or []):
        cr.execute(psycopg2_sql.SQL("ALTER TABLE {} SET (fillfactor = {})").format(
            psycopg2_sql.Identifier(table), psycopg2_sql.Literal(ALERT_FILLFACTOR)))


def ensure_trigram_index(cr, table, column):
    """A pg_trgm GIN index on ``column`` for ``ilike '%text%'`` (issue 14);
    without the extension, none (the search still works, slower)."""
    if not has_trigram(cr):
        _logger.info("pg_trgm is not installed: no trigram index on %s.%s",
                     table, column)
        return
    ensure_index(cr, "%s_%s_trgm_index" % (table, column), table,
                 "%s gin_trgm_ops" % column, using="gin")


class UchaskeAppendixEntryMixin(models.AbstractModel):
    """What the lists of Appendices 2-4 (R17) have in common.

    Each entry belongs to the district whose inspector keeps the list; the
    department and the police point follow the district (they drive the
    record rules, R16, R24). Each entry has a row number "No." in the
    district's list (column 1 of every appendix), takes the address and
    phones of the person by default, and signals its deadlines to the
    district's inspector with one activity per kind (R22.10, A4).
    """

    _name = "uchaske.appendix.entry.mixin"
    _inherit = ["uchaske.scope.mixin"]
    _description = "Entry of a list of Appendices 2-4 (R17)"

    #: {entry field: uchaske.person field} copied from the person by default
    _person_defaults = {}

    district_id = fields.Many2one(
        "uchaske.district", required=True, ondelete="restrict", index=True,
        track_visibility="onchange",
        default=lambda self: self.env.user.uchaske_district_ids[:1],
        help="The district whose inspector keeps this list (R17).")
    post_id = fields.Many2one(string="Police point")

    # -- helpers ---------------------------------------------------------

    @api.model
    def _prepare_person_vals(self, vals):
        """Address and phones default to the person's (``_person_defaults``)."""
        if vals.get("person_id"):
            person = self.env["uchaske.person"].sudo().browse(vals["person_id"])
            for name, person_field in self._person_defaults.items():
                if name not in vals and person[person_field]:
                    vals[name] = person[person_field]
        return vals

    @api.model
    def _next_number(self, district_id, exclude_ids=()):
        """Column 1 "No.": the next row number in the district's list."""
        last = self.sudo().with_context(active_test=False).search(
            [("district_id", "=", district_id), ("id", "not in", list(exclude_ids))],
            order="number desc", limit=1)
        return (last.number or 0) + 1

    @api.model
    def _today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    @api.multi
    def _check_not_future(self, labels):
        """Raise if one of the dates ``labels`` ({field: label}) is after
        today: these dates record what has already happened."""
        today = fields.Date.context_today(self)
        for entry in self:
            for name, label in labels.items():
                if entry[name] and entry[name] > today:
                    raise ValidationError(_(
                        "%(person)s: the %(label)s (%(date)s) cannot be in the "
                        "future.") % {"person": entry.person_id.name,
                                      "label": label, "date": entry[name]})

    @api.multi
    def _check_not_before(self, later, earlier, message):
        """Raise ``message`` (with %(later)s and %(earlier)s) if the date in
        field ``later`` is before the date in field ``earlier``."""
        for entry in self:
            if entry[later] and entry[earlier] and entry[later] < entry[earlier]:
                raise ValidationError(message % {
                    "person": entry.person_id.name,
                    "later": entry[later], "earlier": entry[earlier]})

    @api.multi
    def _alert_user(self):
        """Who is told about a deadline: the substitute serving the district
        today (R6), else its inspector, else the department chief."""
        self.ensure_one()
        district = self.district_id.sudo()
        return district.substitute_id or district.inspector_id or \
            self.department_id.sudo().chief_id

    @api.multi
    def _alert_activities(self, key):
        """The open activities of these entries with the technical ``key``
        (``mail.activity.uchaske_key``), read from the database in one
        query: never matched by their (translated) summary."""
        if not self.ids:
            return self.env["mail.activity"].sudo()
        return self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
            ("uchaske_key", "=", key)])

    @api.model
    def _alert_users(self, entries):
        """{entry id: res.users} as ``_alert_user``, one read per district."""
        by_district = {}
        users = {}
        for entry in entries:
            district = entry.district_id
            if district.id not in by_district:
                by_district[district.id] = entry._alert_user()
            users[entry.id] = by_district[district.id]
        return users

    @api.model
    def _create_alerts(self, key, alerts, mark=None):
        """Create the activities ``alerts`` (a list of ``(entry, user,
        summary, deadline, note)``) with the technical ``key``, replacing the
        entries' open activities of that key; ``mark`` (SQL assignments of
        the model's own columns, code, never input: e.g. ``"x_alerted =
        x_date"``) is written to every entry of ``alerts`` by the same
        UPDATE as their next deadline. Set-based (issue 14): Odoo 11
        creates activities one at a time, each subscribing its user as a
        follower of the record, which invalidates the whole cache, so a
        scheduled job re-read all its rows after every alert. Here: one
        INSERT per batch, no follower (the inspector reaches the entry by
        its district, R16, not by following it), no bus notification (the
        user sees the activity at the next load), and the stored
        ``activity_date_deadline`` of the entries written by one UPDATE."""
        entries = self.browse([alert[0].id for alert in alerts])
        if not entries:
            return self.env["mail.activity"]
        entries._alert_activities(key).unlink()
        alerts = [alert for alert in alerts if alert[1]]
        activities = self.env["mail.activity"].sudo()
        if alerts:
            activities = activities.browse(self._insert_alert_activities(key, alerts))
            self.env["mail.activity"].invalidate_cache()
        # the entries' next deadline (the stored related
        # ``activity_date_deadline``: the first of ``activity_ids``, ordered
        # by deadline, i.e. the earliest) and ``mark``, in one UPDATE for
        # the batch, from the entries' activities read once. Recomputed by
        # the ORM it was a third of a batch's time; as a subquery per entry
        # PostgreSQL took the res_model index and filtered every activity
        # of the model by id, a batch's UPDATE growing from 0.25 to 0.9 s by
        # the 8th of the A4 job at national size.
        self.env.cr.execute("""
            WITH next AS (
                SELECT a.res_id, min(a.date_deadline) AS deadline
                  FROM mail_activity a
                 WHERE a.res_model = %(model)s AND a.res_id = ANY(%(ids)s)
                 GROUP BY a.res_id)
            UPDATE {table} e SET activity_date_deadline = next.deadline{mark}
              FROM unnest(%(ids)s::int[]) AS i(id)
              LEFT JOIN next ON next.res_id = i.id
             WHERE e.id = i.id""".format(
                table=self._table, mark=", " + mark if mark else ""),
            {"model": self._name, "ids": entries.ids})
        entries.invalidate_cache(["activity_ids", "activity_date_deadline"])
        return activities

    @api.model
    def _insert_alert_activities(self, key, alerts):
        """INSERT the activities of ``alerts`` (entries with a user) with
        ``key`` in one statement; returns their ids."""
        model_id = self.env["ir.model"]._get(self._name).id
        type_id = self.env.ref("uchaske_base.mail_activity_type_deadline").id
        columns = list(zip(*[(
            entry.id, entry.display_name, user.id, summary, deadline,
            plaintext2html(note) if note else "")
            for entry, user, summary, deadline, note in alerts]))
        self.env.cr.execute("""
            INSERT INTO mail_activity
                (res_id, res_model_id, res_model, res_name, activity_type_id,
                 user_id, summary, date_deadline, note, uchaske_key,
                 create_uid, write_uid, create_date, write_date)
            SELECT res_id, %s, %s, res_name, %s, user_id, summary,
                   deadline, note, %s, %s, %s,
                   now() at time zone 'UTC', now() at time zone 'UTC'
              FROM unnest(%s::int[], %s::varchar[], %s::int[], %s::varchar[],
                          %s::date[], %s::text[])
                AS t(res_id, res_name, user_id, summary, deadline, note)
            RETURNING id""", (
                model_id, self._name, type_id, key, self.env.uid, self.env.uid,
                list(columns[0]), list(columns[1]), list(columns[2]),
                list(columns[3]), list(columns[4]), list(columns[5])))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _alert_cron_loop(self, batch, commit=False, batch_size=1000,
                         time_budget=None):
        """Run ``batch(after_id, limit)`` (returns the last id it looked at,
        or None when nothing is left) until the end or ``time_budget``
        seconds. The cron entry point alone commits, after each batch:
        a business method never commits (it runs inside a user's request,
        a test or another job, whose transaction is not its to end); the
        scheduled job owns its cursor, and committing every batch means a
        stop (a crash, or the worker killed at ``limit_time_real_cron``)
        loses nothing done. Odoo 11 has no time limit per job (only the
        cron worker's ``limit_time_real_cron`` for every job): the job
        keeps its own budget, well under that, and leaves the rest to the
        next run rather than be killed mid-batch. Returns the number of
        batches run."""
        if time_budget is None:
            time_budget = int(self.env["ir.config_parameter"].sudo().get_param(
                CRON_BUDGET_PARAM) or DEFAULT_CRON_BUDGET)
        started = time.time()
        after, batches = 0, 0
        while True:
            after = batch(after, batch_size)
            batches += 1
            if commit:
                self.env.cr.commit()
            if after is None:
                break
            if time.time() - started > time_budget:
                _logger.info("%s: time budget of %ss spent after %s batches; "
                             "the next run goes on", self._name, time_budget,
                             batches)
                break
        return batches

    @api.constrains("district_id")
    def _check_scope(self):
        """R17, R16, R24: a list entry is kept in a district the user
        serves (it moves only between such districts)."""
        self._check_district_scope()

    @api.model
    def _check_scope_fields(self, vals):
        """Department and police point follow the district: set by hand
        they would show the entry to another department."""
        if self.env.uid != SUPERUSER_ID and \
                {"department_id", "post_id"} & set(vals):
            raise ValidationError(_(
                "Department and police point follow the district: they are "
                "not set by hand."))

    # -- onchange and CRUD -------------------------------------------------

    @api.onchange("person_id")
    def _onchange_person_id(self):
        person = self.person_id
        for name, person_field in self._person_defaults.items():
            if person and not self[name]:
                self[name] = person[person_field]

    @api.model
    def create(self, vals):
        self._check_scope_fields(vals)
        vals = self._prepare_person_vals(dict(vals))
        if not vals.get("number") and vals.get("district_id"):
            vals["number"] = self._next_number(vals["district_id"])
        return super(UchaskeAppendixEntryMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_scope_fields(vals)
        result = super(UchaskeAppendixEntryMixin, self).write(vals)
        if vals.get("district_id") and "number" not in vals:
            # a row moved to another district's list gets that list's next No.
            for entry in self:
                entry.number = self._next_number(vals["district_id"], entry.ids)
        return result
