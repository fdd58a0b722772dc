# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from uchaske_rules import journal_text

from . import uchaske_access_log_partitions as partitions

_logger = logging.getLogger(__name__)


class UchaskeAccessLog(models.Model):
    """R15: the register is used only for offence prevention, so every
    opening of a person's or a case's record, every search over the register
    (one entry: who, when, filter, how many rows), every print and every
    export is journaled. Append-only (ORM and database trigger); visible to
    the district chief of the user's department."""

    _name = "uchaske.access.log"
    _description = "Register access journal"
    _order = "id desc"

    date = fields.Datetime(required=True, readonly=True, index=True,
                           default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", required=True, readonly=True,
                              ondelete="restrict", index=True)
    department_id = fields.Many2one(
        "uchaske.department", readonly=True, index=True,
        help="The user's department at the time of access.")
    operation = fields.Selection([
        ("open", "Open"),
        ("search", "Search"),
        ("print", "Print"),
        ("export", "Export"),
        ("refused", "Refused"),
    ], required=True, readonly=True, index=True)
    res_model = fields.Char(string="Register", required=True, readonly=True,
                            index=True)
    res_ids = fields.Text(string="Record ids", readonly=True)
    record_count = fields.Integer(string="Rows", readonly=True)
    details = fields.Text(
        readonly=True, help="Search filter, fields read, report or exported "
                            "columns.")

    @api.model_cr
    def init(self):
        # partitioned by month (issue 14, docs/capacity.md): a fresh
        # install's plain table is converted here, an existing journal by
        # the migration 11.0.2.3.0; append-only on the table and on every
        # partition (R15)
        partitions.ensure_partitioned(
            self.env.cr, fields.Date.from_string(fields.Date.today()))

    @api.model
    def _cron_add_partitions(self, today=None, months=None):
        """Daily job: the partitions of the current month and the
        ``MONTHS_AHEAD`` next ones exist before a row needs them (one
        statement; a month that exists is left alone). ``today``: the
        clock, injected by the tests. Returns how many were created."""
        if partitions.relation_kind(self.env.cr)[0] != "p":
            # production before the owner converted it (docs/capacity.md)
            _logger.warning("Access journal not partitioned: no partition "
                            "created (docs/capacity.md)")
            return 0
        today = today or fields.Date.from_string(fields.Date.today())
        if isinstance(today, str):
            today = fields.Date.from_string(today)
        created = partitions.add_months(
            self.env.cr, today,
            partitions.MONTHS_AHEAD if months is None else months)
        _logger.info("Access journal: %d monthly partitions created", created)
        return created

    # Deliberately no super(): rows are written by ``_journal`` only (one
    # INSERT), never through the ORM, not even by the administrator.
    @api.model
    def create(self, vals):  # pylint: disable=method-required-super
        raise AccessError(_("The access journal is written by the system "
                            "only: rows cannot be created by hand."))

    @api.multi
    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(_("The access journal is append-only."))

    @api.multi
    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(_("The access journal is append-only."))

    @api.model
    def _journal(self, operation, res_model, ids, details=None, count=None):
        """Append one entry. Written with one INSERT (no ORM machinery for
        a hot path run on every list view: see bench/access_journal.py);
        parameters are bound, never formatted into the SQL. The user's
        department is read in the same statement: no ORM read of the user."""
        uid = self.env.uid
        ids = list(ids or [])
        self.env.cr.execute("""
            INSERT INTO uchaske_access_log
                (date, user_id, department_id, operation, res_model, res_ids,
                 record_count, details, create_uid, create_date, write_uid,
                 write_date)
            SELECT now() at time zone 'UTC', id, uchaske_department_id, %s, %s,
                   %s, %s, %s, id, now() at time zone 'UTC', id,
                   now() at time zone 'UTC'
              FROM res_users WHERE id = %s
        """, (operation, res_model, ",".join(str(i) for i in ids),
              len(ids) if count is None else count, details, uid))
        return self.env.cr.rowcount

    @api.model
    def _journal_refused(self, operation, res_model, ids, details=None):
        """Append a "refused" entry for an access the rules refused. The
        request fails and its transaction is rolled back: the entry is
        written and committed on a cursor of its own."""
        details = "%s%s" % (operation, ": %s" % details if details else "")
        try:
            with self.pool.cursor() as cr:
                cr.execute("SET LOCAL lock_timeout = '5s'")
                # a user created in the same, uncommitted transaction (a
                # test's) is not visible there (no row): this cursor then
                if self.with_env(self.env(cr=cr))._journal(
                        "refused", res_model, ids, details=details):
                    return
        except psycopg2.Error:
            _logger.warning("Refused access of user %s to %s not journaled "
                            "on its own cursor", self.env.uid, res_model,
                            exc_info=True)
        with self.env.cr.savepoint():
            self._journal("refused", res_model, ids, details=details)

    # -- the journal in words (R15, issue 7): display only -------------------
    # Fields and computes for the chief's screens; the rows themselves are
    # written by ``_journal`` above.

    #: names shown in a row before "and N more"
    _names_shown = 5

    document_type = fields.Char(
        string="Document type", compute="_compute_display_texts",
        help="What kind of document was accessed, in the user's language.")
    record_names = fields.Text(
        string="Records", compute="_compute_display_texts",
        help="The records accessed: the first few by name, then how many "
             "more. Records you may not read are only counted.")
    filter_text = fields.Text(
        string="Filter", compute="_compute_display_texts",
        help="The search as the user made it: field names, conditions in "
             "words, the text typed, the grouping.")

    @api.multi
    def _compute_display_texts(self):
        models_cache = {}
        for row in self:
            info = models_cache.get(row.res_model)
            if info is None:
                info = models_cache[row.res_model] = self._journal_model_info(
                    row.res_model)
            row.document_type = info["description"]
            row.record_names = row._journal_record_names(info)
            row.filter_text = row._journal_filter_text(info)

    @api.model
    def _journal_model_info(self, res_model):
        """Translated description and field descriptions of a model."""
        ir_model = self.env["ir.model"].sudo()._get(res_model)
        info = {"description": ir_model.name or res_model, "model": None,
                "fields": {}}
        if res_model in self.env:
            info["model"] = self.env[res_model]
            info["fields"] = self.env[res_model].sudo().fields_get()
        return info

    @api.multi
    def _journal_ids(self):
        self.ensure_one()
        return [int(i) for i in (self.res_ids or "").split(",") if i.strip().isdigit()]

    @api.model
    def _journal_readable(self, model, ids):
        """The ids among ``ids`` the current user may read (record rules),
        checked without reading them: the journal's own display is not an
        access to the register."""
        if not ids or model is None or not model.check_access_rights(
                "read", raise_exception=False):
            return []
        return model._search([("id", "in", list(ids))])

    @api.model
    def _journal_names(self, model, ids):
        """{id: display name} of the readable ones among ``ids``."""
        readable = self._journal_readable(model, ids)
        # sudo: names of records the user may read (checked just above)
        return dict(model.sudo().browse(readable).name_get()) if readable else {}

    @api.multi
    def _journal_record_names(self, info):
        self.ensure_one()
        ids = self._journal_ids()
        if not ids:
            return False
        names = self._journal_names(info["model"], ids[:self._names_shown])
        shown = [names[i] for i in ids[:self._names_shown] if i in names]
        return journal_text.names_summary(
            shown, len(ids), self._names_shown, _("and %d more"))

    @api.multi
    def _journal_filter_text(self, info):
        self.ensure_one()
        details = self.details or ""
        if self.operation == "refused" and ": " in details:
            details = details.split(": ", 1)[1]
        parsed = journal_text.parse_details(details)
        if parsed is None:
            if self.operation in ("open", "export") and details:
                # fields read or exported: their labels
                labels = [self._journal_field_label(info, name)
                          for name in details.split(",")]
                return _("Fields: %s") % ", ".join(labels)
            if self.operation == "print" and details:
                report = self.env["ir.actions.report"].sudo().search(
                    [("report_name", "=", details)], limit=1)
                return _("Report: %s") % (report.name or details)
            return details or False
        parts = []
        if parsed.get("name"):
            parts.append(_("name %(operator)s \"%(text)s\"") % {
                "operator": self._journal_operator_word(
                    parsed.get("name_operator")),
                "text": parsed["name"]})
        try:
            domain = journal_text.domain_to_text(
                parsed.get("domain") or [],
                lambda f, o, v: self._journal_leaf_text(info, f, o, v),
                _("and"), _("or"), _("not"))
        except ValueError:
            domain = repr(parsed.get("domain"))
        if domain:
            parts.append(domain)
        if parsed.get("groupby"):
            parts.append(_("grouped by %s") % ", ".join(
                self._journal_field_label(info, name.split(":")[0])
                for name in parsed["groupby"]))
        return "; ".join(parts) if parts else _("all records")

    @api.model
    def _journal_field_label(self, info, path):
        """"Person → IIN" for ``person_id.iin``."""
        labels = []
        fields_info, model = info["fields"], info["model"]
        for name in str(path).split("."):
            description = fields_info.get(name)
            if not description:
                labels.append(name)
                break
            labels.append(description["string"])
            comodel = description.get("relation")
            if comodel and comodel in self.env:
                model = self.env[comodel]
                fields_info = model.sudo().fields_get()
            else:
                fields_info = {}
        return " → ".join(labels)

    @api.model
    def _journal_operator_word(self, operator):
        words = {
            "=": _("is"), "!=": _("is not"), "<>": _("is not"),
            "ilike": _("contains"), "like": _("contains"),
            "not ilike": _("does not contain"), "not like": _("does not contain"),
            "=ilike": _("is"), "=like": _("is"),
            "in": _("is one of"), "not in": _("is none of"),
            "<": _("is less than"), ">": _("is greater than"),
            "<=": _("is at most"), ">=": _("is at least"),
            "child_of": _("is under"), "parent_of": _("is above"),
        }
        return words.get(operator, operator)

    @api.model
    def _journal_value_text(self, description, value):
        kind = (description or {}).get("type")
        if kind == "boolean" or isinstance(value, bool):
            return _("yes") if value else _("no")
        if kind == "selection":
            return '"%s"' % dict(description.get("selection") or []).get(
                value, value)
        relation = (description or {}).get("relation")
        if relation and relation in self.env and isinstance(value, int):
            name = self._journal_names(self.env[relation], [value]).get(value)
            return '"%s"' % name if name else "#%d" % value
        return '"%s"' % value if isinstance(value, str) else str(value)

    @api.model
    def _journal_leaf_text(self, info, field, operator, value):
        if (field, operator, value) in ((1, "=", 1), (0, "=", 1)):
            return _("all records") if field else _("no record")
        label = self._journal_field_label(info, field)
        description = info["fields"].get(str(field).split(".")[0]) \
            if "." not in str(field) else None
        if value is False and operator in ("=", "!="):
            return "%s %s" % (label, _("is not set") if operator == "=" else
                              _("is set"))
        if isinstance(value, (list, tuple)):
            text = ", ".join(self._journal_value_text(description, v)
                             for v in value)
        else:
            text = self._journal_value_text(description, value)
        return "%s %s %s" % (label, self._journal_operator_word(operator), text)

    @api.multi
    def name_get(self):
        """"Search by <user>, <date>" (the breadcrumb of a row)."""
        labels = dict(self._fields["operation"]._description_selection(self.env))
        return [(row.id, _("%(operation)s by %(user)s, %(date)s") % {
            "operation": labels.get(row.operation, row.operation),
            "user": row.user_id.name,
            "date": fields.Datetime.context_timestamp(
                row, fields.Datetime.from_string(row.date)).strftime(
                    "%d.%m.%Y %H:%M")}) for row in self]

    @api.multi
    def action_open_records(self):
        """Open the records of this row (those the user may read)."""
        self.ensure_one()
        info = self._journal_model_info(self.res_model)
        ids = self._journal_readable(info["model"], self._journal_ids())
        return {
            "type": "ir.actions.act_window",
            "name": info["description"],
            "res_model": self.res_model,
            "view_mode": "tree,form",
            "views": [(False, "tree"), (False, "form")],
            "domain": [("id", "in", ids)],
            "target": "current",
        }
