# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14: the set-based load of Appendix 4 (R17.3) rows.

Creating a person, their address and the list entry through the ORM costs
about 70 SQL statements a row (record rules, the stored fields recomputed
one record at a time, the district passport's counts refreshed after each
entry): 13 rows/s at national size. Here a batch of rows is checked in
Python first -- every check the models make on create, with their messages
-- against what a few queries per batch tell (the persons of the file, the
entries already listed for them, the passports already listed), then
written with one ``INSERT`` per table. What the models do after a create
is done once per batch: the record rules of ``create`` checked on all the
new rows as the user, the district passport's counts refreshed.

Rows that need more than a new entry (an entry already listed is updated;
a known person without citizenship gets the file's; a person looked up by
name) still go through the ORM, row by row, in the same savepoint.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from uchaske_rules import dashboard
from uchaske_rules import iin as iin_core
from .uchaske_appendix_import import LIST_MODELS, ROW_ERRORS

#: rows of one set-based batch: what a batch costs besides its rows (the
#: lookups, the rule checks, the district passport's counts) is paid once
#: per 1,000 rows; a batch the database refuses is redone row by row
BULK_BATCH_SIZE = 1000


class UchaskeAppendixImport(models.TransientModel):
    _inherit = "uchaske.appendix.import"

    # -- the batch -------------------------------------------------------------

    @api.multi
    def _batch_size(self):
        if self.list_type == "a4" and \
                not self.env.context.get("uchaske_import_row_by_row"):
            return BULK_BATCH_SIZE
        return super(UchaskeAppendixImport, self)._batch_size()

    @api.multi
    def _import_batch(self, rows, run):
        """A4: the set-based load (see the module docstring). If the
        database or the record rules still refuse the batch, it is rolled
        back to its savepoint (nothing of it written) and imported row by
        row, so the refused row is reported with its line."""
        self.ensure_one()
        if self.list_type != "a4" or \
                self.env.context.get("uchaske_import_row_by_row"):
            return super(UchaskeAppendixImport, self)._import_batch(rows, run)
        snapshot = run.snapshot()
        try:
            with self.env.cr.savepoint(), self.env.clear_upon_failure():
                return self._import_batch_bulk(rows, run)
        except ROW_ERRORS:
            run.restore(snapshot)
        # row by row at once (the ORM's batch of 1,000 rows would fail too)
        orm = super(UchaskeAppendixImport, self.with_context(
            uchaske_import_row_by_row=True))
        results = []
        for row in rows:
            results += orm._import_batch([row], run)
        return results

    @api.multi
    def _import_batch_bulk(self, rows, run):
        """Plan the rows (Python checks, a few queries), then write them in
        the order of the file: the new entries (and their new persons) by
        one INSERT per table for each run of consecutive rows, the other
        rows through the ORM. Returns the results as ``_import_batch``."""
        Foreigner = self.env[LIST_MODELS["a4"]]
        Foreigner.check_access_rights("create")
        self.env["uchaske.person"].check_access_rights("create")
        self.env["uchaske.person.address"].check_access_rights("create")
        plan = self._bulk_plan(rows, run)
        run.number = Foreigner._next_number(self.district_id.id)
        results, pending = {}, []
        written = {"persons": [], "entries": [], "new_ids": {}}
        for line, values, kind, payload in plan:
            if kind == "error":
                results[line] = payload
            elif kind == "same":
                results[line] = False
            elif kind == "new":
                pending.append((line, payload))
            else:
                self._bulk_flush(pending, run, written)
                pending = []
                results[line] = self._import_row(values, run)[1]
        self._bulk_flush(pending, run, written)
        for line, _values, kind, _payload in plan:
            if kind == "new":
                results[line] = True
        self._bulk_check_written(written)
        return [(line, results[line]) for line, _values in rows]

    @api.multi
    def _bulk_flush(self, pending, run, written):
        """Insert the persons and entries of ``pending`` (``(line,
        payload)`` of consecutive new rows)."""
        if not pending:
            return
        persons = [payload["person_vals"] for _line, payload in pending
                   if payload["person_vals"] is not None]
        person_ids = self._bulk_insert_persons(persons)
        new_ids = written["new_ids"]
        for index, person_id in zip(
                [payload["person"][1] for _line, payload in pending
                 if payload["person_vals"] is not None], person_ids):
            new_ids[index] = person_id
        for iin, key in list(run.persons.items()):
            if isinstance(key, tuple) and key[1] in new_ids:
                run.persons[iin] = new_ids[key[1]]
        written["persons"] += person_ids
        written["entries"] += self._bulk_insert_entries(pending, new_ids, run)
        self.invalidate_cache()  # all models: rows were inserted by SQL

    @api.multi
    def _bulk_check_written(self, written):
        """After the batch, as the ORM checks after each create: the record
        rules of ``create`` on the new persons, addresses and entries, as
        the user; the entries' district within the user's scope; then the
        district passport's counts (A1 section 3), once."""
        persons = self.env["uchaske.person"].browse(written["persons"])
        entries = self.env[LIST_MODELS["a4"]].browse(written["entries"])
        if persons:
            persons.check_access_rule("create")
            self.env.cr.execute(
                "SELECT id FROM uchaske_person_address WHERE person_id = ANY(%s)",
                (persons.ids,))
            self.env["uchaske.person.address"].browse(
                [row[0] for row in self.env.cr.fetchall()]).check_access_rule(
                    "create")
        if entries:
            entries.check_access_rule("create")
            # every entry of the batch has the wizard's district: checking
            # one checks them all (the check reads each record otherwise)
            entries[:1]._check_scope()
            entries._refresh_passports(self.district_id.sudo())

    # -- planning: the checks of the models, in Python -----------------------

    @api.multi
    def _bulk_plan(self, rows, run):
        """``(line, values, kind, payload)`` for each row: ``error`` (payload
        the exception), ``same`` (listed already, nothing changed), ``orm``
        (imported by ``_import_row``) or ``new``
        (payload: the person key, the person's and the entry's values)."""
        sudo_persons = self.env["uchaske.person"].sudo().with_context(
            active_test=False)
        known_ids = sorted({run.persons[v["iin"]] for _l, v in rows
                            if isinstance(run.persons.get(v.get("iin")), int)})
        known = sudo_persons.browse(known_ids)
        known.read(["name", "citizenship_id", "address", "phone_home",
                    "workplace", "position", "phone_work"])
        listed = self._bulk_listed(known_ids, rows)
        plan = []
        fresh = sum(1 for key in run.persons.values() if isinstance(key, tuple))
        for line, values in rows:
            iin = values.get("iin")
            found = run.persons.get(iin) if iin else None
            person = sudo_persons.browse(found) if isinstance(found, int) else None
            passport = (values.get("passport_number") or "").strip().lower()
            entry = listed["keys"].get(
                (person.id, passport or self.district_id.id)) \
                if person is not None else None
            if entry and not (values.get("citizenship") and
                              not person.citizenship_id):
                try:
                    unchanged = not self._bulk_changed(values, person, entry, run)
                except (UserError, ValidationError) as error:
                    plan.append((line, values, "error", error))
                    continue
                if unchanged:
                    # listed already, as in the file: nothing to write (a
                    # repeated import)
                    plan.append((line, values, "same", None))
                    continue
            if not iin or entry or person is not None and (
                    values.get("citizenship") and not person.citizenship_id):
                # identified by name, already listed (updated), or the person
                # gets the file's citizenship: the ORM's path, in file order
                if person is not None:
                    listed["batch_persons"].add(("id", person.id))
                    if passport:
                        listed["batch_passports"][passport] = person.name
                plan.append((line, values, "orm", None))
                continue
            try:
                if found is None:
                    key, person_vals = ("new", fresh), \
                        self._prepare_person_vals(values, run)
                else:
                    key, person_vals = (found if isinstance(found, tuple)
                                        else ("id", found)), None
                payload = self._bulk_prepare(values, key, person, person_vals,
                                             run, listed)
            except (UserError, ValidationError) as error:
                plan.append((line, values, "error", error))
                continue
            if person_vals is not None:
                fresh += 1
                run.persons[iin] = key
                listed["new_names"][key[1]] = (payload["person_name"],
                                               payload["citizenship_id"])
            plan.append((line, values, "new", payload))
        return plan

    @api.multi
    def _bulk_changed(self, values, person, entry, run):
        """The values of the row that differ from the entry already listed
        (as ``_import_row`` computes them)."""
        vals = self._prepare_entry_vals(values, person, run)
        vals.pop("district_id", None)
        vals.pop("person_id", None)
        return self._changed_vals(entry, vals)

    @api.multi
    def _bulk_listed(self, person_ids, rows):
        """What is listed already, for the duplicate checks and the entries
        to update: ``keys`` the (person, lower passport) and (person,
        district) of the entries the user reads (archived too, as
        ``_find_entry``), ``district`` the persons listed (active) in the
        wizard's district, ``passports`` {lower passport: entry} of the
        active entries -- all departments, as ``_check_duplicate``."""
        Foreigner = self.env[LIST_MODELS["a4"]]
        keys, in_district, passports = {}, set(), {}
        if person_ids:
            # in the list's order: the first is the one _find_entry finds
            for entry in Foreigner.with_context(active_test=False).search(
                    [("person_id", "in", person_ids)]):
                keys.setdefault((entry.person_id.id, (
                    entry.passport_number or "").strip().lower()), entry)
                keys.setdefault((entry.person_id.id, entry.district_id.id), entry)
            self.env.cr.execute("""
                SELECT person_id FROM uchaske_foreigner
                 WHERE person_id = ANY(%s) AND district_id = %s AND active""",
                                (person_ids, self.district_id.id))
            in_district = {row[0] for row in self.env.cr.fetchall()}
        numbers = sorted({(values.get("passport_number") or "").strip().lower()
                          for _line, values in rows} - {""})
        if numbers:
            # lower() = ANY(...): the index of uchaske.foreigner.init()
            self.env.cr.execute("""
                SELECT DISTINCT ON (lower(passport_number))
                       lower(passport_number), id
                  FROM uchaske_foreigner
                 WHERE lower(passport_number) = ANY(%s) AND active
                 ORDER BY lower(passport_number), id""", (numbers,))
            passports = {number: Foreigner.sudo().browse(entry_id)
                         for number, entry_id in self.env.cr.fetchall()}
        return {"keys": keys, "district": in_district, "passports": passports,
                "today": fields.Date.context_today(self),
                "batch_persons": set(), "batch_passports": {}, "new_names": {}}

    @api.multi
    def _bulk_prepare(self, values, person_key, person, person_vals, run,
                      listed):
        """The entry's values (and the new person's ``person_vals``),
        checked as the models check them on create; raise their error
        otherwise. ``person``: the person recorded before (sudo), or None
        for one this import creates."""
        Foreigner = self.env[LIST_MODELS["a4"]]
        defaults = {}
        if person_vals is not None:
            # the address command is the wizard's own: its values are checked
            self._bulk_check_input(self.env["uchaske.person"], {
                name: value for name, value in person_vals.items()
                if name != "address_ids"}, run)
            for command in person_vals.get("address_ids") or ():
                self._bulk_check_input(self.env["uchaske.person.address"],
                                       command[2], run)
            self._bulk_check_person(person_vals, listed["today"])
            person_name = " ".join(part for part in (
                person_vals["surname"], person_vals["first_name"],
                person_vals["patronymic"]) if part)
            citizenship_id = person_vals.get("citizenship_id") or False
            # the entry's defaults from the person: the address is the file's
            defaults["temporary_address"] = values.get("temporary_address")
        elif person is None:
            # a person created for an earlier row of the import
            person_name, citizenship_id = listed["new_names"].get(
                person_key[1], ("", False))
        else:
            person_name = person.name
            citizenship_id = person.citizenship_id.id
            defaults = {name: person[person_field] for name, person_field in
                        Foreigner._person_defaults.items()}
        vals = {"district_id": self.district_id.id}
        vals.update(self._entry_column_vals(values))
        if vals.get("passport_number"):
            vals["passport_number"] = vals["passport_number"].strip()
        for name, value in defaults.items():
            if value and name not in vals:
                vals[name] = value
        # the person is the one of the file's IIN: trusted, as in _import_row
        self._bulk_check_input(Foreigner, vals, run)
        self._bulk_check_entry(vals, person_key, person_name, listed)
        return {"person": person_key, "person_vals": person_vals,
                "person_name": person_name, "citizenship_id": citizenship_id,
                "vals": vals}

    @api.multi
    def _bulk_check_input(self, model, vals, run):
        """The input checks of every Uchaske create (uchaske_base's
        ``base.py``): types, required values, ranges; the records linked
        (district, department, country) once per import."""
        model._uchaske_check_types(vals)
        # the person is set by the import itself (the row's IIN)
        model._uchaske_check_required(
            dict(vals, person_id=True) if "person_id" in model._fields else vals)
        if set(vals) & (set(model._uchaske_past_date_fields) |
                        set(model._uchaske_non_negative_fields)):
            model._uchaske_check_ranges(vals)
        checked = run.checked
        for name, value in vals.items():
            field = model._fields.get(name)
            if field is None or field.type != "many2one" or not value or \
                    (model._name, name, value) in checked:
                continue
            model._uchaske_check_references({name: value})
            checked.add((model._name, name, value))

    @api.model
    def _bulk_check_person(self, vals, today):
        """``uchaske.person``'s create checks (R11): the IIN agrees with the
        birth date and sex, the birth date is not in the future (the IIN
        itself was checked when the file was read, and is free: the file's
        IINs were looked up)."""
        if vals.get("iin"):
            born = iin_core.birth_date_from_iin(vals["iin"])
            if vals.get("birth_date") and \
                    fields.Date.from_string(vals["birth_date"]) != born:
                raise ValidationError(_(
                    "The IIN %(iin)s belongs to a person born on %(born)s, not "
                    "%(entered)s.") % {"iin": vals["iin"], "born": born,
                                       "entered": vals["birth_date"]})
        if vals.get("birth_date") and \
                vals["birth_date"] > today:
            raise ValidationError(_(
                "The birth date %s is in the future.") % vals["birth_date"])

    @api.multi
    def _bulk_check_entry(self, vals, person_key, person_name, listed):
        """``uchaske.foreigner``'s create checks (A4): the dates
        (``_check_dates``) and the duplicates (``_check_duplicate``: a
        foreigner listed once per district, a passport once), against the
        database and the rows before in the file."""
        today = listed["today"]
        if vals.get("residence_check_date") and \
                vals["residence_check_date"] > today:
            raise ValidationError(_(
                "%(person)s: the %(label)s (%(date)s) cannot be in the "
                "future.") % {"person": person_name,
                              "label": _("date of the check at the residence"),
                              "date": vals["residence_check_date"]})
        if vals.get("stay_permitted_until") and vals.get("stay_permitted_from") \
                and vals["stay_permitted_until"] < vals["stay_permitted_from"]:
            raise ValidationError(_(
                "%(person)s: the permitted stay ends (%(later)s) before it starts "
                "(%(earlier)s).") % {"person": person_name,
                                     "later": vals["stay_permitted_until"],
                                     "earlier": vals["stay_permitted_from"]})
        in_district = person_key in listed.setdefault("batch_persons", set()) \
            or (person_key[0] == "id" and person_key[1] in listed["district"])
        if in_district:
            raise ValidationError(_(
                "%(person)s is already on the list of foreigners of "
                "%(district)s.") % {"person": person_name or "",
                                    "district": self.district_id.display_name})
        number = (vals.get("passport_number") or "").lower()
        batch_passports = listed.setdefault("batch_passports", {})
        if number and number in batch_passports:
            raise ValidationError(_(
                "The passport %(passport)s is already listed for %(person)s "
                "(%(district)s).") % {
                    "passport": vals["passport_number"],
                    "person": batch_passports[number],
                    "district": self.district_id.display_name})
        if number and number in listed["passports"]:
            same = listed["passports"][number]
            raise ValidationError(_(
                "The passport %(passport)s is already listed for %(person)s "
                "(%(district)s).") % {
                    "passport": vals["passport_number"],
                    "person": same.person_id.name,
                    "district": same.district_id.display_name})
        listed["batch_persons"].add(person_key)
        if number:
            batch_passports[number] = person_name or ""

    # -- writing -------------------------------------------------------------

    @api.model
    def _bulk_ids(self, table, count):
        """``count`` new ids of ``table`` (our own table name)."""
        if not count:
            return []
        self.env.cr.execute(
            "SELECT nextval('%s_id_seq') FROM generate_series(1, %%s)" % table,
            (count,))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _bulk_insert(self, table, columns, rows):
        """One ``INSERT ... SELECT FROM unnest(...)`` of ``rows`` (tuples in
        the order of ``columns``: ``(name, SQL type)``, our own constants),
        with the creator and dates of the ORM's create."""
        if not rows:
            return
        names = [name for name, _type in columns]
        self.env.cr.execute("""
            INSERT INTO {table} ({names}, create_uid, write_uid, create_date,
                                 write_date)
            SELECT {names}, %s, %s, now() at time zone 'UTC',
                   now() at time zone 'UTC'
              FROM unnest({arrays}) AS t({names})""".format(
            table=table, names=", ".join(names),
            arrays=", ".join("%%s::%s[]" % sql_type for _name, sql_type in columns)),
            [self.env.uid, self.env.uid] + [list(column) for column in zip(*rows)])

    @api.multi
    def _bulk_insert_persons(self, persons):
        """Insert the new persons and their current address; returns their
        ids, in order. The stored fields the ORM computes (name, current
        address and district) are computed here the same way."""
        ids = self._bulk_ids("uchaske_person", len(persons))
        rows, addresses = [], []
        for person_id, vals in zip(ids, persons):
            address = (vals.get("address_ids") or [(0, 0, {})])[0][2]
            name = " ".join(part for part in (
                vals["surname"], vals["first_name"], vals.get("patronymic"))
                if part)
            rows.append((person_id, True, name, vals["surname"],
                         vals["first_name"], vals.get("patronymic") or None,
                         vals.get("iin") or None, vals.get("sex") or None,
                         vals.get("birth_date") or None,
                         vals.get("citizenship_id") or None,
                         vals["department_id"], address.get("address") or None,
                         address.get("district_id") or None))
            if address:
                addresses.append((person_id, address["address"],
                                  address.get("district_id") or None))
        self._bulk_insert("uchaske_person", [
            ("id", "int"), ("active", "bool"), ("name", "varchar"),
            ("surname", "varchar"), ("first_name", "varchar"),
            ("patronymic", "varchar"), ("iin", "varchar"), ("sex", "varchar"),
            ("birth_date", "date"), ("citizenship_id", "int"),
            ("department_id", "int"), ("address", "varchar"),
            ("district_id", "int")], rows)
        self._bulk_insert("uchaske_person_address", [
            ("person_id", "int"), ("address", "varchar"),
            ("district_id", "int")], addresses)
        return ids

    @api.multi
    def _bulk_insert_entries(self, entries, new_ids, run):
        """Insert the new entries, numbered on from ``run.number`` in the
        district's list; ``new_ids``: {index of a new person: id}. Returns
        the entries' ids, in order."""
        Foreigner = self.env[LIST_MODELS["a4"]]
        ids = self._bulk_ids("uchaske_foreigner", len(entries))
        if not ids:
            return ids
        number = run.number
        scope = Foreigner._scope_vals_from(self.district_id)
        today = fields.Date.from_string(fields.Date.context_today(self))
        warn_days = Foreigner._warn_days()
        new_names = {}
        rows = []
        for entry_id, (_line, payload) in zip(ids, entries):
            vals = payload["vals"]
            kind, key = payload["person"]
            person_id = new_ids[key] if kind == "new" else key
            if payload["person_vals"] is not None:
                new_names[person_id] = (payload["person_name"],
                                        payload["citizenship_id"])
            name, citizenship_id = new_names.get(person_id) or (
                payload["person_name"], payload["citizenship_id"])
            rows.append((
                entry_id, True, number, person_id, name, citizenship_id or None,
                scope["district_id"], scope["department_id"] or None,
                scope["post_id"] or None, vals.get("passport_number") or None,
                vals.get("passport_valid_until") or None,
                vals.get("residence_status") or "temporary",
                vals.get("stay_permitted_from") or None,
                vals.get("stay_permitted_until") or None,
                vals.get("temporary_address") or None,
                vals.get("home_phone") or None, vals.get("work_place") or None,
                vals.get("position") or None, vals.get("work_phone") or None,
                vals.get("residence_check_date") or None,
                dashboard.stay_state(
                    fields.Date.from_string(vals.get("stay_permitted_until")),
                    today, warn_days)))
            number += 1
        self._bulk_insert("uchaske_foreigner", [
            ("id", "int"), ("active", "bool"), ("number", "int"),
            ("person_id", "int"), ("name", "varchar"), ("citizenship_id", "int"),
            ("district_id", "int"), ("department_id", "int"), ("post_id", "int"),
            ("passport_number", "varchar"), ("passport_valid_until", "date"),
            ("residence_status", "varchar"), ("stay_permitted_from", "date"),
            ("stay_permitted_until", "date"), ("temporary_address", "varchar"),
            ("home_phone", "varchar"), ("work_place", "varchar"),
            ("position", "varchar"), ("work_phone", "varchar"),
            ("residence_check_date", "date"), ("stay_state", "varchar")], rows)
        run.number = number
        return ids
