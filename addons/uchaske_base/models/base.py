# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a user sends to ``create``/``write`` on an Uchaske model is checked
before it reaches the database, as that user (R7, R16):

- every value has its field's type and range (no list in a text field, no
  ``'abc'`` as a record id, no 2026-02-30, no integer beyond PostgreSQL's
  int4, no value outside a selection), so that a refusal names the field in
  the user's language instead of a database error;
- dates of things already done (documents, requests, confirmations, orders)
  are not in the future, counters are not negative;
- every record referred to (many2one, x2many links) is one the user may
  read: pointing a draft at another department's person must not open that
  person to the user.

Types, required values and ranges hold for everyone, the administrator
too (in Odoo 11 the administrator is the superuser, uid 1). Who may be
referred to is checked for every user but the superuser: the engine's own
``sudo()`` bookkeeping links records out of the user's sight by design.
"""
import math
from datetime import date, datetime, time

from psycopg2 import sql

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

#: range of PostgreSQL ``integer`` (int4): Integer columns and record ids
INT4_MIN, INT4_MAX = -2 ** 31, 2 ** 31 - 1
#: x2many write commands: code -> number of items the command has
X2MANY_COMMANDS = {0: 3, 1: 3, 2: 2, 3: 2, 4: 2, 5: 1, 6: 3}
#: commands that link existing records: (code, position of the id(s))
X2MANY_LINKS = {1: 1, 4: 1, 6: 2}


class TrustedReferences(frozenset):
    """``(model, id)`` pairs the calling code vouches for, under the context
    key ``uchaske_trusted_references``: the import of a list links a row to
    the person already recorded with that IIN (A4), whom the user may not
    read yet. An instance of this class cannot travel over RPC (JSON and
    XML-RPC carry plain data), so a client cannot forge it."""

    @classmethod
    def of(cls, records):
        return cls((records._name, record_id) for record_id in records.ids)


def _valid_id(value):
    return isinstance(value, int) and not isinstance(value, bool) \
        and 0 < value <= INT4_MAX


class Base(models.AbstractModel):
    _inherit = "base"

    #: Date/Datetime fields recording something already done (a document's,
    #: request's, confirmation's or order's date): never in the future
    _uchaske_past_date_fields = ()
    #: numeric fields that cannot be negative
    _uchaske_non_negative_fields = ()
    #: relational fields whose target lies outside the user's sight by
    #: design (a transfer's destination department, R14): the records must
    #: exist, the user need not read them
    _uchaske_foreign_reference_fields = ()

    # -- which calls are checked ------------------------------------------

    @api.model
    def _uchaske_checks_input(self):
        """True for the models whose input is checked: Uchaske's."""
        return self._name.startswith("uchaske.")

    @api.model_cr
    def _register_hook(self):
        """Check the values as the caller sent them, before the model's own
        ``create`` and ``write`` overrides touch them: a district id
        ``'abc'`` would fail in the database there, unnamed, and a record of
        another department would be read there (refused without the
        field's name, or worse named in a message). Odoo's own way of
        wrapping a model's CRUD (``base_automation``). Should the wrapper be
        gone (base_automation removes the ``create`` it did not patch itself
        when its rules change), ``create``/``write`` below check in its
        place."""
        result = super(Base, self)._register_hook()
        if self._uchaske_checks_input() and not self._abstract:
            for name, make in (("create", _make_create), ("write", _make_write)):
                if not _checked_at_entry(type(self), name):
                    type(self)._patch_method(name, make())
        return result

    # -- CRUD -----------------------------------------------------------

    @api.model
    def create(self, vals):
        if self._uchaske_checks_input() and \
                not _checked_at_entry(type(self), "create"):
            self._uchaske_check_input(vals, creating=True)
        return super(Base, self).create(vals)

    @api.multi
    def write(self, vals):
        if self._uchaske_checks_input() and \
                not _checked_at_entry(type(self), "write"):
            self._uchaske_check_input(vals, creating=False)
        return super(Base, self).write(vals)

    # -- the checks -----------------------------------------------------

    @api.model
    def _uchaske_check_input(self, vals, creating):
        """All the checks of the module docstring on ``vals``; raise a
        ValidationError (AccessError for a record the user may not use)
        naming the first faulty field."""
        self._uchaske_check_types(vals)
        if creating:
            self._uchaske_check_required(vals)
        self._uchaske_check_ranges(vals)
        self._uchaske_check_references(vals)

    @api.model
    def _uchaske_field_error(self, name, message, error=ValidationError):
        """An ``error`` "<field label>: <message>" (label translated)."""
        field = self._fields[name]
        return error(_("%(field)s: %(problem)s") % {
            "field": field._description_string(self.env) or name,
            "problem": message})

    @api.model
    def _uchaske_check_types(self, vals):
        if not isinstance(vals, dict):
            raise ValidationError(_("The values must be a dictionary of fields."))
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                continue  # Odoo ignores unknown fields (and logs them)
            problem = self._uchaske_type_problem(field, value)
            if problem:
                raise self._uchaske_field_error(name, problem)

    @api.model
    def _uchaske_type_problem(self, field, value):
        """Why ``value`` cannot be stored in ``field`` (a translated
        sentence), or None."""
        kind = field.type
        if kind in ("one2many", "many2many"):
            return self._uchaske_x2many_problem(value)
        if value is None or value is False:
            return None  # empty; required fields are checked apart
        if kind in ("char", "text", "html"):
            if not isinstance(value, str):
                return _("a text is expected.")
        elif kind == "selection":
            if value not in field.get_values(self.env):
                return _("the value is not one of the allowed choices.")
        elif kind == "integer":
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if not isinstance(value, int):
                return _("a whole number is expected.")
            if not INT4_MIN <= value <= INT4_MAX:
                return _("the number is out of range.")
        elif kind in ("float", "monetary"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return _("a number is expected.")
            if not math.isfinite(value) or abs(value) >= 1e15:
                return _("the number is out of range.")
        elif kind == "boolean":
            if not isinstance(value, (bool, int)):
                return _("yes or no is expected.")
        elif kind == "date":
            if not self._uchaske_parse_date(value):
                return _("not a valid date (YYYY-MM-DD).")
        elif kind == "datetime":
            if not self._uchaske_parse_date(value):
                return _("not a valid date and time (YYYY-MM-DD HH:MM:SS).")
        elif kind == "many2one":
            if isinstance(value, models.BaseModel):
                value = value.id if len(value) == 1 else None
            if not _valid_id(value):
                return _("a reference to a record is expected.")
        elif kind == "binary":
            if not isinstance(value, (str, bytes)):
                return _("a file (base64 text) is expected.")
        return None

    @api.model
    def _uchaske_x2many_problem(self, value):
        if value is None or value is False:
            return None
        message = _("a list of commands with record ids is expected.")
        if not isinstance(value, (list, tuple)):
            return message
        for command in value:
            if not isinstance(command, (list, tuple)) or not command:
                return message
            code = command[0]
            if isinstance(code, bool) or code not in X2MANY_COMMANDS or \
                    len(command) < X2MANY_COMMANDS[code]:
                return message
            if code in (0, 1) and not isinstance(command[2], dict):
                return message
            if code in (1, 2, 3, 4) and not _valid_id(command[1]):
                return message
            if code == 6 and (not isinstance(command[2], (list, tuple)) or
                              not all(_valid_id(i) for i in command[2])):
                return message
        return None

    @api.model
    def _uchaske_parse_date(self, value):
        """The moment ``value`` (a Date or Datetime field's value) stands
        for, or None."""
        if isinstance(value, datetime):
            return value
        if isinstance(value, date):
            return datetime.combine(value, time())
        if not isinstance(value, str):
            return None
        # as Odoo reads them: a date, or a date and time (microseconds
        # dropped) in either kind of field
        if len(value) > 19 and value[19] == "." and value[20:].isdigit():
            value = value[:19]
        for fmt in (fields.DATE_FORMAT, fields.DATETIME_FORMAT):
            try:
                return datetime.strptime(value, fmt)
            except ValueError:
                continue
        return None

    @api.model
    def _uchaske_check_required(self, vals):
        """Required fields the user sets (not the readonly ones the model
        fills itself) are present on create."""
        missing = [
            name for name, field in self._fields.items()
            if field.required and field.store and not field.readonly
            and not field.compute and not field.related and not field.inherited
            and field.default is None and name not in vals
            and name != "id" and name not in models.MAGIC_COLUMNS]
        if missing:
            defaults = self.default_get(missing)
            missing = [name for name in missing if defaults.get(name) in
                       (None, False)]
        for name in sorted(missing, key=lambda n: self._fields[n]._sequence):
            raise self._uchaske_field_error(name, _("a value is required."))
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is not None and field.required and not field.readonly \
                    and field.type not in ("boolean", "one2many", "many2many") \
                    and value in (None, False):
                raise self._uchaske_field_error(name, _("a value is required."))

    @api.model
    def _uchaske_check_ranges(self, vals):
        for name in self._uchaske_non_negative_fields:
            value = vals.get(name)
            if isinstance(value, (int, float)) and value < 0:
                raise self._uchaske_field_error(
                    name, _("the value cannot be negative."))
        for name in self._uchaske_past_date_fields:
            if not vals.get(name):
                continue
            field = self._fields[name]
            if field.type == "date":
                today = fields.Date.from_string(fields.Date.context_today(self))
                late = self._uchaske_parse_date(vals[name]).date() > today
            else:
                moment = self._uchaske_parse_date(vals[name])
                late = moment > fields.Datetime.from_string(fields.Datetime.now())
            if late:
                raise self._uchaske_field_error(
                    name, _("the date cannot be in the future."))

    @api.model
    def _uchaske_check_references(self, vals):
        """Every record linked is readable by the user (users: active);
        the foreign reference fields need only existing records. Raise an
        AccessError naming the field."""
        if self.env.uid == SUPERUSER_ID:
            return
        trusted = self.env.context.get("uchaske_trusted_references")
        if not isinstance(trusted, TrustedReferences):
            trusted = TrustedReferences()
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or field.type not in (
                    "many2one", "many2many", "one2many"):
                continue
            ids = {record_id for record_id in self._uchaske_linked_ids(field, value)
                   if (field.comodel_name, record_id) not in trusted}
            if not ids:
                continue
            comodel = self.env[field.comodel_name]
            if name in self._uchaske_foreign_reference_fields:
                comodel = comodel.sudo()
            # users must be active; other records may be archived
            comodel = comodel.with_context(
                active_test=field.comodel_name == "res.users")
            try:
                found = set(comodel._search([("id", "in", list(ids))]))
            except AccessError:
                found = set()
            if found != ids:
                # one message for "missing" and "not yours": no oracle
                raise self._uchaske_field_error(name, _(
                    "the record does not exist or you may not use it."),
                    error=AccessError)

    @api.model
    def _uchaske_linked_ids(self, field, value):
        """Ids of the existing records ``value`` links to ``field``."""
        if not value:
            return set()
        if field.type == "many2one":
            if isinstance(value, models.BaseModel):
                return set(value.ids)
            return {value}
        ids = set()
        for command in value:
            position = X2MANY_LINKS.get(command[0])
            if position is None:
                continue
            linked = command[position]
            ids.update(linked if isinstance(linked, (list, tuple)) else [linked])
        return ids

    @api.model
    def _uchaske_rules_sql(self, domain=(), mode="read"):
        """``(from_clause, where_clause, params)`` of ``domain`` on this
        model and the current user's ``mode`` record rules, as ``_search``
        builds them (the WHERE ``TRUE`` when there is no condition; as the
        superuser, the domain alone): for code
        that selects a few columns of many rows in one statement under the
        user's rules instead of a search and a read (My work, guards of a
        page, name search; issues 9 and 14). The access rights are the
        caller's to check, as it wants them refused."""
        query = self._where_calc(list(domain))
        self._apply_ir_rules(query, mode)
        from_clause, where_clause, params = query.get_sql()
        return from_clause, where_clause or "TRUE", list(params)

    @api.multi
    def _uchaske_prefetch_columns(self, fnames, checked=False):
        """Read the stored columns ``fnames`` of the records of ``self`` that
        the cache lacks, in one statement, under ``self``'s user and rules
        (a record the rules refuse holds the refusal, as a plain read). For
        code that reads a few columns of many records with
        ``prefetch_fields=False`` (names, guards on My work's page, issue
        9): without it each column costs a statement; with prefetching on,
        the first read loads every column (texts included) of every record
        the cache knows.

        ``checked``: the caller has just found these records under the
        user's read rules (My work's page, :meth:`uchaske.work.item.
        _my_work_writable_states`); the plain columns are read without
        building the rules' condition again (about a millisecond a model
        for a handful of records). Translated, inherited and non-column
        fields are read the ORM's way in any case."""
        missing = set()
        for name in fnames:
            missing.update(self.env.cache.get_missing_ids(self, self._fields[name]))
        missing = sorted(record_id for record_id in missing
                         if isinstance(record_id, int))
        if not missing:
            return self
        # with ``self``'s prefetch: the records a many2one read points to
        # join it, so that reading one of them reads them all
        records = self.browse(missing, self._prefetch)
        plain = [name for name in fnames if checked and self._fields[name].store
                 and self._fields[name].column_type
                 and not self._fields[name].translate
                 and not self._fields[name].inherited]
        others = [name for name in fnames if name not in plain]
        if plain:
            self.env.cr.execute(
                sql.SQL("SELECT id, {} FROM {} WHERE id = ANY(%s)").format(
                    sql.SQL(", ").join(sql.Identifier(name) for name in plain),
                    sql.Identifier(self._table)), (missing,))
            for row in self.env.cr.fetchall():
                record = records.browse(row[0], self._prefetch)
                record._cache.update(record._convert_to_cache(
                    dict(zip(plain, row[1:])), validate=False))
        if others:
            records._read_from_database(others)
        return self


def _checked_at_entry(model_class, name):
    """True if ``name`` of ``model_class`` is the wrapper that checks the
    input (see ``Base._register_hook``)."""
    return getattr(getattr(model_class, name), "_uchaske_input_checked", False)


def _make_create():
    """``create`` of an Uchaske model: the input checked first."""
    @api.model
    def create(self, vals, **kwargs):
        self._uchaske_check_input(vals, creating=True)
        return create.origin(self, vals, **kwargs)
    create._uchaske_input_checked = True
    return create


def _make_write():
    """``write`` of an Uchaske model: the input checked first."""
    @api.multi
    def write(self, vals, **kwargs):
        self._uchaske_check_input(vals, creating=False)
        return write.origin(self, vals, **kwargs)
    write._uchaske_input_checked = True
    return write
