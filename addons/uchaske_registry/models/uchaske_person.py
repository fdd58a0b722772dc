# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import iin as iin_rules
from .uchaske_appendix_entry_mixin import (ensure_index, ensure_trigram_index,
                                           escape_like)

#: what the name prefix search orders and matches by: the name in lower
#: case, in the "C" collation, so that one btree index serves both
#: ``LIKE 'prefix%'`` and ``ORDER BY ... LIMIT n`` (issue 14)
NAME_KEY = 'lower("uchaske_person"."name") COLLATE "C"'


def among(sql, column, params, candidates):
    """``sql`` (a sub-select of person ids in ``column``) and its
    ``params``, restricted to the person ids ``candidates`` when given
    (``uchaske.person._scope_candidates``)."""
    if candidates is None:
        return sql, list(params)
    return "%s AND %s = ANY(%%s)" % (sql, column), list(params) + [candidates]


def scope_search(column, field="id", lists=True):
    """``search`` of a scope field: the records whose ``field`` (a person)
    is linked to the given ids of ``column`` (see ``_scope_domain``)."""
    def search(records, operator, value):
        return records.env["uchaske.person"]._scope_domain(
            column, operator, value, field=field, lists=lists)
    return search


def served_search(field="id", lists=True):
    """``search`` of ``scope_served_id``: the records whose ``field`` (a
    person) the given officer serves or recorded (see ``_served_domain``)."""
    def search(records, operator, value):
        return records.env["uchaske.person"]._served_domain(
            operator, value, field=field, lists=lists)
    return search


class UchaskePerson(models.Model):
    """One master record per person (R11): identity, addresses, work.

    Access follows the person's current district and the districts of their
    registry cases and appendix entries; every opening, search, print and
    export is journaled (R15, ``uchaske.access.journal.mixin``).
    """

    _name = "uchaske.person"
    _description = "Person"
    _inherit = ["mail.thread", "uchaske.access.journal.mixin"]
    _order = "surname, first_name, patronymic, id"
    #: the person rules of the user's groups (each a sub-select of the scope
    #: fields below, some an OR of two) as ONE sub-select (ir.rule, issue 14)
    _rule_merge_subselects = True

    name = fields.Char(compute="_compute_name", store=True, index=True)
    iin = fields.Char(
        # no index=True: the unique constraint's index serves "=", the
        # pattern index of init() serves prefixes (issue 14)
        string="IIN", size=12, track_visibility="onchange",
        help="Individual identification number (12 digits, with checksum).")
    surname = fields.Char(required=True, track_visibility="onchange")
    first_name = fields.Char(string="Name", required=True,
                             track_visibility="onchange")
    patronymic = fields.Char(track_visibility="onchange")
    birth_date = fields.Date(track_visibility="onchange")
    sex = fields.Selection([("male", "Male"), ("female", "Female")])
    citizenship_id = fields.Many2one("res.country", string="Citizenship")
    photo = fields.Binary(attachment=True)
    aliases = fields.Text(
        help="Other names, nicknames, earlier surnames; one per line.")
    address_ids = fields.One2many(
        "uchaske.person.address", "person_id", string="Address history")
    address = fields.Char(
        string="Current address", compute="_compute_current_address", store=True)
    district_id = fields.Many2one(
        "uchaske.district", string="Current district",
        compute="_compute_current_address", store=True, index=True)
    department_id = fields.Many2one(
        "uchaske.department", required=True, index=True,
        default=lambda self: self.env.user.uchaske_department_id,
        help="Department that keeps the record (where the person lives or "
             "was first recorded).")
    workplace = fields.Char()
    position = fields.Char()
    phone = fields.Char(string="Mobile phone")
    phone_home = fields.Char(string="Home phone")
    phone_work = fields.Char(string="Work phone")
    case_ids = fields.One2many(
        "uchaske.registry.case", "person_id", string="Registry cases")
    case_count = fields.Integer(compute="_compute_case_count")
    active = fields.Boolean(default=True)
    # Issue 14: what the record rules ask of a person -- "linked to one of
    # these districts / police points / departments", through the current
    # address, a register case or a list entry -- answered inside the one SQL
    # query of the search (a sub-select), not by fetching every linked case
    # and entry of the user's districts into an IN-list first, as a rule
    # over ``case_ids.district_id`` does (seconds at national size).
    scope_district_id = fields.Many2one(
        "uchaske.district", compute="_compute_scope", string="Linked district",
        search=scope_search("district_id"))
    scope_post_id = fields.Many2one(
        "uchaske.post", compute="_compute_scope", string="Linked police point",
        search=scope_search("post_id"))
    scope_department_id = fields.Many2one(
        "uchaske.department", compute="_compute_scope", string="Linked department",
        search=scope_search("department_id"))
    transfer_department_id = fields.Many2one(
        "uchaske.department", compute="_compute_scope",
        search="_search_transfer_department",
        string="Department of an open transfer (R14)")
    # The assistant's and inspector's rule as ONE sub-select: "linked to a
    # district the officer serves today, or recorded by him". Written as
    # ``scope_district_id in ids OR create_uid = uid``, the OR kept
    # PostgreSQL from a semi-join: each access check hashed all the persons
    # of the district (16-44 ms for the 45,000 of a national database's
    # district); one sub-select is probed by index for the ids checked
    # (0.05 ms; issue 14, case create + register).
    scope_served_id = fields.Many2one(
        "res.users", compute="_compute_scope", search=served_search(),
        string="Served or recorded by")

    _sql_constraints = [
        ("iin_unique", "unique(iin)",
         "A person with this IIN already exists: use the existing record."),
    ]

    @api.model_cr
    def init(self):
        cr = self.env.cr
        # The cluster's collation (C.UTF-8) keeps the plain btree from
        # serving LIKE 'prefix%': text_pattern_ops does (issue 14).
        ensure_index(cr, "uchaske_person_iin_pattern_index", self._table,
                     "iin text_pattern_ops")
        ensure_trigram_index(cr, self._table, "name")
        # the assistant's rule: the persons one recorded (issue 14)
        ensure_index(cr, "uchaske_person_create_uid_index", self._table,
                     "create_uid")
        # the surname typed from its start (name_search, issue 14): the
        # columns the rules and the active test read are included, so the
        # walk in name order never reads the table (index-only scan)
        cr.execute('CREATE INDEX IF NOT EXISTS uchaske_person_name_prefix_index '
                   'ON uchaske_person (lower(name) COLLATE "C", id) '
                   'INCLUDE (name, active, create_uid)')
        # the record rules' "persons of these districts" read from the
        # index alone (issue 14; the tables of the links: _scope_links)
        ensure_index(cr, "uchaske_person_district_scope_index", self._table,
                     "district_id, id")
        ensure_index(cr, "uchaske_person_department_scope_index", self._table,
                     "department_id, id")

    @api.model
    def _name_search(self, name="", args=None, operator="ilike", limit=100,
                     name_get_uid=None):
        """Digits find the persons whose IIN starts with them (R11: a
        person is looked up by IIN); a text the persons whose name starts
        with it first (a police officer types the surname from its start),
        then, while fewer than ``limit``, those whose name contains it.
        The journal (R15) wraps name_search. The ids found went through
        the record rules: their names are read without them again."""
        text = (name or "").strip()
        access_rights_uid = name_get_uid or self._uid
        if not text or operator not in ("ilike", "like", "=ilike", "=like"):
            return super(UchaskePerson, self)._name_search(
                name=name, args=args, operator=operator, limit=limit,
                name_get_uid=name_get_uid)
        if text.isdigit() and len(text) <= 12:
            ids = self._search_iin_prefix(text, args, limit, access_rights_uid)
            return self.browse(ids).sudo().name_get()
        ids = self._search_name_prefix(text, args, limit, access_rights_uid)
        if operator in ("ilike", "like") and (not limit or len(ids) < limit):
            ids += self._search(
                [("name", operator, text), ("id", "not in", ids)] +
                list(args or []), limit=limit and limit - len(ids),
                access_rights_uid=access_rights_uid)
        return self.browse(ids).sudo().name_get()

    #: at most this many persons sharing an IIN prefix are checked one by
    #: one against the rules (:meth:`_search_iin_prefix`); a shorter
    #: prefix shared by more is searched as any domain
    _IIN_CANDIDATES = 500

    @api.model
    def _search_iin_prefix(self, digits, args, limit, access_rights_uid):
        """Ids of the persons whose IIN starts with ``digits`` that the
        rules of ``access_rights_uid`` let them read, in the persons'
        order. A birth date (six digits) is shared by ~75 persons of the
        whole country, but the rules' sub-select holds every person of the
        officer's districts (7,500 for an inspector at national size), and
        PostgreSQL hashed them all for the 75 (10-14 ms, issue 14): the
        persons of the prefix are found first (by the IIN's pattern index,
        as the engine: ids only), and the rules are asked about those only
        (:meth:`_scope_candidates`), the same rows as the plain search."""
        domain = [("iin", "=like", digits + "%")] + list(args or [])
        self.env.cr.execute(
            "SELECT id FROM uchaske_person WHERE iin LIKE %s LIMIT %s",
            (escape_like(digits) + "%", self._IIN_CANDIDATES + 1))
        candidates = [row[0] for row in self.env.cr.fetchall()]
        model = self
        if len(candidates) <= self._IIN_CANDIDATES:
            if not candidates:
                return []
            model = self.with_context(
                uchaske_person_candidates=sorted(candidates))
        return model._search(domain, limit=limit,
                             access_rights_uid=access_rights_uid)

    @api.model
    def _scope_candidates(self, field):
        """The person ids the person rules are asked about (context key
        ``uchaske_person_candidates``, :meth:`_search_iin_prefix`), or
        None: each part of the rules' sub-select is restricted to them, so
        that it probes its index for these persons instead of listing the
        whole scope. It can only narrow what the rules let through (an
        intersection), whoever sets it; only the persons' own rules
        (``field`` the id) honour it."""
        candidates = self.env.context.get("uchaske_person_candidates")
        if field != "id" or not isinstance(candidates, (list, tuple)) or \
                not all(isinstance(person_id, int) for person_id in candidates):
            return None
        return list(candidates)

    @api.model
    def _search_name_prefix(self, text, args, limit, access_rights_uid):
        """Ids of the persons whose name starts with ``text`` (any case),
        in the order of the name: one query that walks the index of
        ``NAME_KEY`` and stops after ``limit`` rows, the record rules of
        ``access_rights_uid`` applied as in ``_search``."""
        # the rules as Odoo ORs them (ir.rule.domain_get): hashed once, they
        # filter the walk in name order, which stops after ``limit`` rows;
        # merged into one sub-select PostgreSQL joins all the persons of the
        # scope with all those of the prefix first (issue 14: 15 -> 60 ms;
        # the OR FALSE below keeps a single rule a filter too)
        model = self.sudo(access_rights_uid).with_context(
            rule_merge_subselects=False)
        model.check_access_rights("read")
        from_clause, where_clause, params = model._uchaske_rules_sql(args or [])
        # ``(...) OR FALSE``: PostgreSQL turns a rule's ``id IN (sub-select)``
        # standing alone in the WHERE into a join, and then, estimating the
        # scope's union at 200 rows, hashes the user's persons and probes
        # each by its key (7,500 probes, 54 ms for 'Bekov' at national
        # size); under an OR it stays a hashed filter of the walk, which
        # stops after ``limit`` rows (8 ms; 'Ivanov' 71 -> 24 ms). The
        # planner drops the constant FALSE after that choice: the rows are
        # the same.
        where = ["((%s) OR FALSE)" % where_clause]
        # NAME_KEY: our own constant SQL; the pattern is a parameter, a
        # constant for the planner (lowered here: LIKE 'prefix%' on the
        # index needs a constant prefix)
        self.env.cr.execute(
            'SELECT "uchaske_person".id FROM %s WHERE %s ORDER BY %s, '
            '"uchaske_person".id %s' % (
                from_clause, " AND ".join(where + ["%s LIKE %%s" % NAME_KEY]),
                NAME_KEY, "LIMIT %d" % limit if limit else ""),
            params + [escape_like(text.lower()) + "%"])
        return [row[0] for row in self.env.cr.fetchall()]

    @api.depends("surname", "first_name", "patronymic")
    def _compute_name(self):
        for person in self:
            person.name = " ".join(
                part for part in (person.surname, person.first_name, person.patronymic)
                if part)

    @api.depends("address_ids.date_from", "address_ids.date_to",
                 "address_ids.address", "address_ids.district_id")
    def _compute_current_address(self):
        # sudo: a stored value of the person, the same whoever triggers it --
        # read as the officer, every new address went through the address
        # rules and the R15 journal again (issue 14: 2.7 s a person at
        # national size)
        for person in self:
            current = person.sudo().address_ids.filtered(
                lambda a: not a.date_to).sorted(
                lambda a: (a.date_from or "", a.id), reverse=True)[:1]
            person.address = current.address
            person.district_id = current.district_id

    @api.multi
    def _compute_scope(self):
        """Search-only: the record rules search these fields."""
        for person in self:
            person.scope_district_id = person.district_id
            person.scope_post_id = person.district_id.post_id
            person.scope_department_id = person.department_id
            person.transfer_department_id = False
            person.scope_served_id = person.create_uid

    @api.model
    def _scope_links(self, lists=True):
        """Tables linking a person to a district, police point and
        department: (table, has an ``active`` column). Hook: the lists of
        Appendices 2-4 add theirs when ``lists``."""
        return [("uchaske_registry_case", False)]

    @api.model
    def _scope_person_sql(self, column, ids, lists=True, candidates=None):
        """(sql, params) selecting the ids of the persons linked to the
        records ``ids`` of ``column`` (district_id, post_id, department_id)
        -- as the one2many paths of the former rules did: archived list
        entries count only under ``active_test=False``; among the person
        ids ``candidates`` only, if given (:meth:`_scope_candidates`)."""
        ids = tuple(ids)
        own, person = {
            "district_id": ("SELECT id FROM uchaske_person WHERE district_id IN %s",
                            "id"),
            "post_id": ("SELECT p.id FROM uchaske_person p JOIN uchaske_district d "
                        "ON d.id = p.district_id WHERE d.post_id IN %s", "p.id"),
            "department_id": ("SELECT id FROM uchaske_person "
                              "WHERE department_id IN %s", "id"),
        }[column]
        sql, params = among(own, person, [ids], candidates)
        parts = [sql]
        active_only = self.env.context.get("active_test", True)
        for table, has_active in self._scope_links(lists):
            # our own constant table and column names, never user input
            sql, more = among("SELECT person_id FROM %s WHERE %s IN %%s%s" % (
                table, column, " AND active" if has_active and active_only else ""),
                "person_id", [ids], candidates)
            parts.append(sql)
            params.extend(more)
        # UNION ALL: read under ``IN`` only, where duplicates do not count;
        # PostgreSQL then probes each part's index for the ids checked
        # instead of building the whole deduplicated set at every access
        # check (issue 14: ~15 ms -> 0.03 ms a check in a district of the
        # national database, three checks per imported row)
        return " UNION ALL ".join(parts), params

    @api.model
    def _scope_domain(self, column, operator, value, field="id", lists=True):
        """Domain on ``field`` (a person id) for the persons linked to
        ``value`` (ids of ``column``'s model), for the rules of persons and
        of their addresses."""
        if operator not in ("in", "="):
            raise ValueError("unsupported operator %s" % operator)
        ids = [i for i in (value if isinstance(value, (list, tuple)) else [value])
               if i]
        if not ids:
            return [(field, "=", 0)]  # nothing (the rule had no match either)
        return [(field, "inselect", self._scope_person_sql(
            column, ids, lists, self._scope_candidates(field)))]

    @api.model
    def _served_domain(self, operator, value, field="id", lists=True):
        """Domain on ``field`` (a person id) for the persons the officer
        ``value`` (a user id) may see as assistant or inspector (R2.3, R6):
        linked to a district he serves today, or recorded by him."""
        if operator != "=" or not value:
            return [(field, "=", 0)]
        candidates = self._scope_candidates(field)
        sql, params = among("SELECT id FROM uchaske_person WHERE create_uid = %s",
                            "id", [value], candidates)
        parts = [sql]
        districts = self.env["res.users"]._uchaske_served_district_ids(value)
        if districts:
            sql, more = self._scope_person_sql("district_id", districts, lists,
                                               candidates)
            parts.append(sql)
            params.extend(more)
        return [(field, "inselect", (" UNION ALL ".join(parts), params))]

    @api.model
    def _transfer_domain(self, operator, value, field="id"):
        if operator not in ("in", "=") or not value:
            return [(field, "=", 0)]
        ids = tuple(value) if isinstance(value, (list, tuple)) else (value,)
        return [(field, "inselect", among(
            "SELECT person_id FROM uchaske_registry_case "
            "WHERE transfer_department_id IN %s", "person_id", [ids],
            self._scope_candidates(field)))]

    @api.model
    def _search_transfer_department(self, operator, value):
        return self._transfer_domain(operator, value)

    @api.multi
    def _compute_case_count(self):
        for person in self:
            person.case_count = len(person.case_ids)

    @api.constrains("iin", "birth_date", "sex")
    def _check_iin(self):
        """IIN: 12 digits, a valid birth date, the official checksum; it must
        agree with the birth date and sex entered."""
        for person in self.sudo():
            if not person.iin:
                continue
            try:
                iin_rules.validate_iin(person.iin)
            except iin_rules.InvalidIIN as error:
                reasons = {
                    "format": _("it must be exactly 12 digits"),
                    "date": _("its first six digits are not a valid birth date"),
                    "century": _("its 7th digit must be 1 to 6"),
                    "checksum": _("its check digit is wrong"),
                }
                raise ValidationError(_("Invalid IIN %(iin)s: %(reason)s.") % {
                    "iin": person.iin,
                    "reason": reasons.get(error.reason, error.reason)})
            born = iin_rules.birth_date_from_iin(person.iin)
            if person.birth_date and fields.Date.from_string(person.birth_date) != born:
                raise ValidationError(_(
                    "The IIN %(iin)s belongs to a person born on %(born)s, not "
                    "%(entered)s.") % {"iin": person.iin, "born": born,
                                       "entered": person.birth_date})
            if person.sex and person.sex != iin_rules.sex_from_iin(person.iin):
                raise ValidationError(_(
                    "The IIN %s does not match the sex entered.") % person.iin)
            person._check_iin_free(person.iin)

    @api.multi
    def _check_iin_free(self, iin):
        """One master record per IIN: refuse a second one, naming where the
        first is kept (checked before writing, so the user gets this message
        rather than the database's unique-constraint error)."""
        duplicate = self.sudo().search(
            [("iin", "=", iin), ("id", "not in", self.ids)], limit=1)
        if duplicate:
            raise ValidationError(_(
                "A person with IIN %(iin)s is already recorded (by "
                "%(department)s). Use the existing record.") % {
                    "iin": iin, "department": duplicate.department_id.name})

    @api.constrains("birth_date")
    def _check_birth_date(self):
        today = fields.Date.context_today(self)
        for person in self.sudo():
            if person.birth_date and person.birth_date > today:
                raise ValidationError(_(
                    "The birth date %s is in the future.") % person.birth_date)

    @api.onchange("iin")
    def _onchange_iin(self):
        if self.iin and iin_rules.is_valid_iin(self.iin):
            self.birth_date = fields.Date.to_string(
                iin_rules.birth_date_from_iin(self.iin))
            self.sex = iin_rules.sex_from_iin(self.iin)

    @api.model
    def create(self, vals):
        if vals.get("iin"):
            vals = dict(vals, iin=vals["iin"].strip())
            self.browse()._check_iin_free(vals["iin"])
        return super(UchaskePerson, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("iin"):
            vals = dict(vals, iin=vals["iin"].strip())
            self._check_iin_free(vals["iin"])
        return super(UchaskePerson, self).write(vals)
