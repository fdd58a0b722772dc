# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import zipfile

from psycopg2 import IntegrityError

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

from odoo.addons.uchaske_base.models.base import TrustedReferences

from uchaske_rules import iin as iin_core
from uchaske_rules import importing
from uchaske_rules.importing import ColumnSpec
from ..models.uchaske_appendix_entry_mixin import escape_like

LIST_MODELS = {
    "a2": "uchaske.firearm.owner",
    "a3": "uchaske.noncustodial.person",
    "a4": "uchaske.foreigner",
}

#: columns that identify the person; the others are fields of the entry
PERSON_COLUMNS = ("iin", "full_name", "birth_date", "citizenship")

_IIN = ColumnSpec("iin", "IIN", kind=importing.KIND_IIN, aliases=("ИИН", "ЖСН"))
_BIRTH_DATE = ColumnSpec(
    "birth_date", "Date of birth", kind=importing.KIND_DATE,
    aliases=("Birth date", "Дата рождения", "Туған күні",
             "Туған жылы, айы, күні"))
_HOME_PHONE = ColumnSpec("home_phone", "Home phone",
                         aliases=("Домашний телефон", "Үй телефоны"))
_POSITION = ColumnSpec("position", "Position", aliases=("Должность", "Лауазымы"))
_WORK_PHONE = ColumnSpec(
    "work_phone", "Work phone",
    aliases=("Рабочий телефон", "Служебный телефон", "Қызметтік телефоны",
             "Қызмет. тел"))
_FULL_NAME_ALIASES = ("ФИО", "Ф.И.О.", "Т.А.Ә.", "Т.А.Ж.", "Тегі, аты, әкесінің аты")

#: R17: the columns of each appendix, headers in English with their Russian
#: and Kazakh names (and the usual variants) as aliases
COLUMN_SPECS = {
    "a2": [
        _IIN,
        ColumnSpec("full_name", "Owner's full name", required=True,
                   aliases=("Full name", "Owner", "ФИО владельца",
                            "ФИО владельца оружия", "Ф.И.О. владельца оружия",
                            "Қару иесінің Т.А.Ж.", "Қару иесінің Т.А.Ә.")
                   + _FULL_NAME_ALIASES),
        _BIRTH_DATE,
        ColumnSpec("address", "Address",
                   aliases=("Адрес", "Адрес проживания", "Мекенжайы")),
        _HOME_PHONE,
        ColumnSpec("weapon_type", "Weapon type", aliases=("Вид оружия", "Қару түрі")),
        ColumnSpec("weapon_make", "Make",
                   aliases=("Weapon make", "Марка", "Марка оружия", "Маркасы")),
        ColumnSpec("calibre", "Calibre",
                   aliases=("Caliber", "Калибр", "Калибрі", "Ұңғысы калибрі")),
        ColumnSpec("weapon_number", "Weapon No.", required=True,
                   aliases=("Weapon number", "Номер оружия", "№ оружия", "Қару №",
                            "Қарудың №")),
        ColumnSpec("permit_number", "Permit No.",
                   aliases=("Permit number", "Номер разрешения", "№ разрешения",
                            "Рұқсат №")),
        ColumnSpec("permit_issued_on", "Permit issued on", kind=importing.KIND_DATE,
                   aliases=("Дата выдачи разрешения", "Когда выдано разрешение",
                            "Рұқсат берілген күні")),
        ColumnSpec("permit_issued_by", "Permit issued by",
                   aliases=("Кем выдано разрешение", "Рұқсатты берген")),
        ColumnSpec("permit_valid_until", "Permit valid until",
                   kind=importing.KIND_DATE,
                   aliases=("Срок действия разрешения", "Рұқсаттың мерзімі",
                            "Рұқсаттың қолданылу мерзімі")),
        ColumnSpec("reregistration_date", "Re-registration date",
                   kind=importing.KIND_DATE,
                   aliases=("Re-registered on", "Дата перерегистрации",
                            "Қайта тіркеу күні")),
        ColumnSpec("seized_date", "Seized/surrendered on", kind=importing.KIND_DATE,
                   aliases=("Date seized or surrendered", "Дата изъятия или сдачи",
                            "Дата изъятия/сдачи оружия",
                            "Қаруды алу және тапсыру күні")),
        ColumnSpec("last_check_date", "Last check at the residence",
                   kind=importing.KIND_DATE,
                   aliases=("Last check", "Дата последней проверки",
                            "Соңғы тексеру күні")),
    ],
    "a3": [
        _IIN,
        ColumnSpec("full_name", "Full name", required=True,
                   aliases=_FULL_NAME_ALIASES),
        _BIRTH_DATE,
        ColumnSpec("address", "Address",
                   aliases=("Адрес", "Адрес места жительства",
                            "Тұрғылықты мекенжайы", "Мекенжайы")),
        ColumnSpec("workplace", "Workplace", aliases=("Место работы", "Жұмыс орны")),
        _POSITION,
        _WORK_PHONE,
        _HOME_PHONE,
        ColumnSpec("date_entered", "Date entered", required=True,
                   kind=importing.KIND_DATE,
                   aliases=("Entered in the list on", "Дата внесения в список",
                            "Дата постановки в список", "Тізімге енгізген күні")),
        ColumnSpec("date_removed", "Date removed", kind=importing.KIND_DATE,
                   aliases=("Removed from the list on", "Дата исключения из списка",
                            "Дата снятия со списка", "Тізімнен шығарған күні")),
        ColumnSpec("special_marks", "Special marks",
                   aliases=("Особые отметки", "Ерекше белгілері")),
        ColumnSpec("measure", "Punishment or measure",
                   aliases=("Вид наказания", "Мера наказания", "Жаза түрі")),
    ],
    "a4": [
        _IIN,
        ColumnSpec("full_name", "Full name", required=True,
                   aliases=_FULL_NAME_ALIASES),
        _BIRTH_DATE,
        ColumnSpec("citizenship", "Citizenship", aliases=("Гражданство", "Азаматтығы")),
        ColumnSpec("passport_number", "Passport No.",
                   aliases=("Passport number", "Номер паспорта", "№ паспорта",
                            "Паспорттың №")),
        ColumnSpec("passport_valid_until", "Passport valid until",
                   kind=importing.KIND_DATE,
                   aliases=("Срок действия паспорта",
                            "Паспорттың жарамдылық мерзімі")),
        ColumnSpec("residence_status", "Residence status",
                   aliases=("Status", "Статус", "Тұру мәртебесі")),
        ColumnSpec("stay_permitted_from", "Stay permitted from",
                   kind=importing.KIND_DATE,
                   aliases=("Срок пребывания с", "Тұруға рұқсат берілген күннен")),
        ColumnSpec("stay_permitted_until", "Stay permitted until",
                   kind=importing.KIND_DATE,
                   aliases=("Срок пребывания до", "Разрешено пребывание до",
                            "Тұруға рұқсат берілген мерзім")),
        ColumnSpec("temporary_address", "Residence address",
                   aliases=("Temporary residence", "Адрес временного проживания",
                            "Место временного проживания",
                            "Уақытша тұрғылықты жері")),
        _HOME_PHONE,
        ColumnSpec("work_place", "Work or study place",
                   aliases=("Место работы, учебы", "Место работы (учебы)",
                            "Жұмыс, оқу орны")),
        _POSITION,
        _WORK_PHONE,
        ColumnSpec("residence_check_date", "Checked at the residence on",
                   kind=importing.KIND_DATE,
                   aliases=("Дата проверки по месту жительства",
                            "Отметка о дате проверки по месту жительства",
                            "Тұрғылықты мекенжайы бойынша тексеру күні туралы белгі",
                            "Тексеру күні")),
    ],
}

#: A4 residence status: beginnings of the words accepted (en, ru, kk)
_STATUS_PREFIXES = {
    "permanent": ("perm", "постоян", "тұрақ"),
    "temporary": ("temp", "времен", "уақыт"),
}

#: errors of a row that reject it and are reported (the others propagate)
ROW_ERRORS = (UserError, ValidationError, AccessError, MissingError, IntegrityError)

#: rows imported under one savepoint (issue 14); a batch that fails is
#: imported again row by row, so that each bad row is reported with its line
BATCH_SIZE = 200


class ImportRun(object):
    """What one import looks up once instead of once per row (issue 14):
    the persons of the file by IIN (one query for all its IINs), the
    countries by the text of the file, and the next row number ("No.") of
    the district's list, counted on within a batch."""

    def __init__(self, persons=None):
        #: IIN -> person id, the persons created by the import included
        self.persons = dict(persons or {})
        #: citizenship as written in the file -> country id
        self.countries = {}
        #: the next "No." of the list; None: asked from the list
        self.number = None
        #: (model, field, id) of the records linked that the user may use
        self.checked = set()

    def snapshot(self):
        return dict(self.persons), self.number

    def restore(self, snapshot):
        """Forget what a batch rolled back to its savepoint had added."""
        self.persons, self.number = dict(snapshot[0]), snapshot[1]


class UchaskeAppendixImport(models.TransientModel):
    """R17: load a list of Appendix 2, 3 or 4 kept as a CSV or XLSX file.

    Each row finds its person (by IIN, else by full name and date of birth)
    or creates it in the district's department, then creates the entry as
    the current user (the record rules apply). Every row is either imported
    or reported with its line number and the reasons; a row refused by the
    models is rolled back alone: the rows are imported by batches of
    :data:`BATCH_SIZE` under one savepoint, and a batch with a refused row
    again row by row, one savepoint each (issue 14).
    """

    _name = "uchaske.appendix.import"
    _description = "Import of a list of Appendices 2-4"

    list_type = fields.Selection([
        ("a2", "Appendix 2: firearm owners"),
        ("a3", "Appendix 3: sentenced without isolation from society"),
        ("a4", "Appendix 4: foreigners"),
    ], string="List", required=True, default="a2")
    district_id = fields.Many2one(
        "uchaske.district", required=True,
        default=lambda self: self.env.user.uchaske_district_ids[:1])
    file = fields.Binary(required=True, attachment=False)
    filename = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("done", "Done")],
                             default="draft", readonly=True)
    imported_count = fields.Integer(readonly=True)
    updated_count = fields.Integer(
        string="Already listed", readonly=True,
        help="Rows whose entry was already listed: updated, not added again.")
    rejected_count = fields.Integer(readonly=True)
    result = fields.Text(readonly=True)

    # -- reading -----------------------------------------------------------

    @api.model
    def _get_column_spec(self, list_type):
        return COLUMN_SPECS[list_type]

    @api.multi
    def _read_rows(self):
        """Rows of the file (dicts keyed by header, with their line)."""
        self.ensure_one()
        try:
            data = base64.b64decode(self.file or b"")
        except (binascii.Error, ValueError):
            raise UserError(_("The file could not be decoded."))
        name = (self.filename or "").lower()
        if name.endswith(".xls"):
            raise UserError(_("Files in the old .xls format are not read: save "
                              "the list as XLSX or CSV."))
        if name.endswith(".xlsx") or data[:4] == b"PK\x03\x04":
            try:
                return importing.read_xlsx(data)
            except (zipfile.BadZipFile, KeyError, ValueError, OSError):
                raise UserError(_("The file %s is not a readable XLSX "
                                  "workbook.") % (self.filename or ""))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1251")  # Excel's CSV in Russian locales
            except UnicodeDecodeError:
                raise UserError(_("The CSV file must be in UTF-8 or Windows-1251."))
        return importing.read_csv(text)

    @api.model
    def _describe_error(self, error, spec):
        """A translated reason for a :class:`importing.RowError`."""
        label = {c.name: c.header for c in spec}.get(error.column, error.column)
        reasons = {
            importing.REASON_MISSING_COLUMN: _('the column "%s" is missing'),
            importing.REASON_DUPLICATE_COLUMN: _(
                'two columns mean "%s": only the first one is read'),
            importing.REASON_REQUIRED: _('"%s" is empty'),
            importing.REASON_INVALID_DATE: _(
                '"%s" is not a date (write YYYY-MM-DD or DD.MM.YYYY)'),
            importing.REASON_INVALID_INT: _('"%s" is not a whole number'),
        }
        iin_reasons = {
            iin_core.REASON_FORMAT: _("the IIN must be exactly 12 digits"),
            iin_core.REASON_CENTURY: _("the 7th digit of the IIN must be 1 to 6"),
            iin_core.REASON_DATE: _(
                "the first six digits of the IIN are not a valid birth date"),
            iin_core.REASON_CHECKSUM: _("the check digit of the IIN is wrong"),
        }
        if error.reason.startswith(importing.REASON_INVALID_IIN_PREFIX):
            return iin_reasons.get(
                error.reason[len(importing.REASON_INVALID_IIN_PREFIX):],
                error.reason)
        if error.reason in reasons:
            return reasons[error.reason] % label
        return "%s: %s" % (label, error.reason)

    # -- persons -------------------------------------------------------------

    @api.model
    def _split_full_name(self, full_name):
        """Surname, name and patronymic (the rest) of a full name."""
        parts = full_name.split()
        if len(parts) < 2:
            raise UserError(_('the full name "%s" needs at least a surname and a '
                              'name') % full_name)
        return parts[0], parts[1], " ".join(parts[2:]) or False

    @api.model
    def _find_country(self, text, run=None):
        if run is not None and text in run.countries:
            return self.env["res.country"].browse(run.countries[text])
        domain = [("name", "=ilike", escape_like(text))]
        if len(text) == 2:  # the code is 2 characters: a longer value is cut
            domain = ["|", ("code", "=ilike", escape_like(text))] + domain
        country = self.env["res.country"].search(domain, limit=1)
        if not country:
            raise UserError(_('unknown citizenship "%s": write the name of the '
                              'country or its two-letter code') % text)
        if run is not None:
            run.countries[text] = country.id
        return country

    @api.model
    def _find_persons_by_iin(self, iins):
        """{IIN: person id} of the persons recorded with these IINs, in all
        departments (sudo, archived ones too): one query for a whole file
        (issue 14); the first by the persons' order, as ``_find_person``."""
        persons = self.env["uchaske.person"].sudo().with_context(active_test=False)
        found = {}
        iins = sorted({iin for iin in iins if iin})
        for start in range(0, len(iins), 10000):
            for person in persons.search([("iin", "in", iins[start:start + 10000])]):
                found.setdefault(person.iin, person.id)
        return found

    @api.multi
    def _find_person(self, values, run=None):
        """The person of a row: by IIN, else by full name and date of birth.

        Searched in all departments (sudo): a person is recorded once, where
        first recorded; the entry then makes the person readable here.
        ``run`` knows the persons of the file's IINs already.
        """
        persons = self.env["uchaske.person"].sudo().with_context(active_test=False)
        if values.get("iin") and run is not None:
            return persons.browse(run.persons.get(values["iin"], []))
        if values.get("iin"):
            return persons.search([("iin", "=", values["iin"])], limit=1)
        if not values.get("birth_date"):
            raise UserError(_("give the IIN or the date of birth to identify "
                              "the person"))
        surname, first_name, patronymic = self._split_full_name(values["full_name"])
        found = persons.search([
            ("surname", "=ilike", escape_like(surname)),
            ("first_name", "=ilike", escape_like(first_name)),
            ("patronymic", "=ilike", escape_like(patronymic)) if patronymic
            else ("patronymic", "=", False),
            ("birth_date", "=", fields.Date.to_string(values["birth_date"]))],
            limit=2)
        if len(found) > 1:
            raise UserError(_("several persons named %(name)s were born on "
                              "%(date)s: give the IIN") % {
                                  "name": values["full_name"],
                                  "date": values["birth_date"]})
        return found

    @api.multi
    def _prepare_person_vals(self, values, run=None):
        self.ensure_one()
        surname, first_name, patronymic = self._split_full_name(values["full_name"])
        birth = values.get("birth_date")
        vals = {
            "surname": surname,
            "first_name": first_name,
            "patronymic": patronymic,
            "department_id": self.district_id.department_id.id,
        }
        if values.get("iin"):
            vals["iin"] = values["iin"]
            vals["sex"] = iin_core.sex_from_iin(values["iin"])
            birth = birth or iin_core.birth_date_from_iin(values["iin"])
        if birth:
            vals["birth_date"] = fields.Date.to_string(birth)
        if values.get("citizenship"):
            vals["citizenship_id"] = self._find_country(
                values["citizenship"], run).id
        address = values.get("address") or values.get("temporary_address")
        if address:
            vals["address_ids"] = [(0, 0, {
                "address": address, "district_id": self.district_id.id})]
        return vals

    @api.multi
    def _find_or_create_person(self, values, run=None):
        person = self._find_person(values, run)
        if person:
            return self.env["uchaske.person"].browse(person.id)
        person = self.env["uchaske.person"].create(
            self._prepare_person_vals(values, run))
        if run is not None and values.get("iin"):
            run.persons[values["iin"]] = person.id
        return person

    # -- entries ---------------------------------------------------------------

    @api.model
    def _residence_status(self, text):
        folded = text.casefold()
        for status, prefixes in _STATUS_PREFIXES.items():
            if folded.startswith(prefixes):
                return status
        raise UserError(_('unknown residence status "%s": write "permanent" or '
                          '"temporary"') % text)

    @api.model
    def _entry_column_vals(self, values):
        """The entry's own columns of a row (not the person's), as the ORM
        takes them: the residence status by its key, dates as strings."""
        vals = {}
        for name, value in values.items():
            if name in PERSON_COLUMNS or value is None:
                continue
            if name == "residence_status":
                value = self._residence_status(value)
            elif hasattr(value, "isoformat"):
                value = fields.Date.to_string(value)
            vals[name] = value
        return vals

    @api.multi
    def _prepare_entry_vals(self, values, person, run=None):
        self.ensure_one()
        vals = {"district_id": self.district_id.id, "person_id": person.id}
        vals.update(self._entry_column_vals(values))
        if values.get("citizenship") and not person.sudo().citizenship_id:
            vals["citizenship_id"] = self._find_country(
                values["citizenship"], run).id
        return vals

    @api.multi
    def _get_entry_key_domain(self, values, person):
        """Domain of the entry a row describes, if it is already listed:
        the same person and weapon number (A2), date entered in the list
        (A3), passport number or district (A4). None: always a new entry."""
        self.ensure_one()
        domain = [("person_id", "=", person.id)]
        if self.list_type == "a2":
            return domain + [("weapon_number", "=ilike",
                              escape_like(values["weapon_number"].strip()))]
        if self.list_type == "a3":
            return domain + [("date_entered", "=",
                              fields.Date.to_string(values["date_entered"]))]
        if self.list_type == "a4":
            if values.get("passport_number"):
                return domain + [("passport_number", "=ilike",
                                  escape_like(values["passport_number"].strip()))]
            return domain + [("district_id", "=", self.district_id.id)]
        return None

    @api.multi
    def _find_entry(self, values, person):
        """The entry already listed for this row (archived ones included),
        as the current user: an entry they may not read is not updated."""
        self.ensure_one()
        domain = self._get_entry_key_domain(values, person)
        Entry = self.env[LIST_MODELS[self.list_type]]
        if domain is None:
            return Entry
        return Entry.with_context(active_test=False).search(domain, limit=1)

    @api.model
    def _changed_vals(self, entry, vals):
        """The values of ``vals`` that differ from ``entry`` (a re-import
        of the same file writes nothing)."""
        changed = {}
        for name, value in vals.items():
            current = entry[name]
            if isinstance(current, models.BaseModel):
                current = current.id
            if (current or False) != (value or False):
                changed[name] = value
        return changed

    @api.multi
    def _import_row(self, values, run=None):
        """Create the row's entry, or update it when the same person is
        already listed for it (a repeated import is idempotent). ``run``:
        the lookups of the whole import (:class:`ImportRun`)."""
        self.ensure_one()
        person = self._find_or_create_person(values, run)
        vals = self._prepare_entry_vals(values, person, run)
        entry = self._find_entry(values, person)
        if entry:
            # the entry stays in its district and with its person
            vals.pop("district_id", None)
            vals.pop("person_id", None)
            changed = self._changed_vals(entry, vals)
            if changed:
                entry.write(changed)
            return entry, False
        if run is not None and run.number is not None:
            # the next "No." of the list, counted on within the batch
            vals.setdefault("number", run.number)
            run.number = vals["number"] + 1
        # A4: the person found by IIN may be one the user cannot read yet;
        # the entry links to them (the input check trusts this one person)
        return self.env[LIST_MODELS[self.list_type]].with_context(
            uchaske_trusted_references=TrustedReferences.of(person)).create(vals), True

    @api.multi
    def _import_batch(self, rows, run):
        """Import ``rows`` (``(line, values)``) under one savepoint; if one
        row is refused, roll the batch back and import its rows again one
        savepoint each, so that every bad row is reported with its line and
        the good ones are kept (issue 14). Returns ``(line, created)`` for
        each row imported, ``(line, error)`` for each row refused."""
        self.ensure_one()
        snapshot = run.snapshot()
        try:
            with self.env.cr.savepoint(), self.env.clear_upon_failure():
                run.number = self.env[LIST_MODELS[self.list_type]]._next_number(
                    self.district_id.id)
                return [(line, self._import_row(values, run)[1])
                        for line, values in rows]
        except ROW_ERRORS:
            run.restore(snapshot)
        run.number = None  # row by row, the list counts its "No." itself
        results = []
        for line, values in rows:
            snapshot = run.snapshot()
            try:
                with self.env.cr.savepoint(), self.env.clear_upon_failure():
                    results.append((line, self._import_row(values, run)[1]))
            except ROW_ERRORS as error:
                run.restore(snapshot)
                results.append((line, error))
        return results

    @api.multi
    def _batch_size(self):
        """Rows imported under one savepoint."""
        return BATCH_SIZE

    @api.multi
    def _import_progress(self, done, total):
        """Hook called after each batch with the rows done so far (the
        background import shows them and commits, see
        uchaske_appendix_import_background)."""

    @api.model
    def _error_text(self, error):
        if isinstance(error, IntegrityError):
            return _("the database refused the row (%s)") % (
                error.diag.message_primary or error.pgcode)
        return error.name if hasattr(error, "name") else str(error)

    @api.multi
    def action_import(self):
        """Import the rows; report each rejected one with line and reasons."""
        self.ensure_one()
        rows = self._read_rows()
        if not rows:
            raise UserError(_("The file holds no rows to import."))
        spec = self._get_column_spec(self.list_type)
        cleaned, errors = importing.parse_rows(rows, spec)
        problems = {}
        for error in errors:
            problems.setdefault(error.line, []).append(
                self._describe_error(error, spec))
        imported = updated = 0
        # Bulk load without the chatter (issue 14): no creation note, no
        # tracking values, no auto-followers on each person and entry -- as
        # Odoo's own import does by default (base_import's "Track history
        # during import" is unchecked). Who loaded each row stays in its
        # create_uid/create_date; this wizard keeps the report.
        importer = self.with_context(tracking_disable=True)
        rows = [(values.pop(importing.LINE_KEY), values) for values in cleaned]
        run = ImportRun(self._find_persons_by_iin(
            [values.get("iin") for _line, values in rows]))
        size = self._batch_size()
        for start in range(0, len(rows), size):
            results = importer._import_batch(rows[start:start + size], run)
            for line, outcome in results:
                if isinstance(outcome, Exception):
                    problems.setdefault(line, []).append(self._error_text(outcome))
                else:
                    imported += 1
                    updated += not outcome
            self._import_progress(min(start + size, len(rows)), len(rows))
        rejected = [line for line in problems if line != importing.HEADER_LINE]
        report = [_("%(imported)s imported, %(rejected)s rejected.") % {
            "imported": imported, "rejected": len(rejected)}]
        if updated:
            report.append(_(
                "%(created)s new entries, %(updated)s already listed "
                "(updated from the file).") % {
                    "created": imported - updated, "updated": updated})
        for line in sorted(problems):
            report.append(_("Line %(line)s: %(reasons)s") % {
                "line": line, "reasons": "; ".join(problems[line])})
        self.write({
            "state": "done",
            "imported_count": imported,
            "updated_count": updated,
            "rejected_count": len(rejected),
            "result": "\n".join(report),
        })
        return self._action_reopen()

    @api.multi
    def _action_reopen(self):
        """The wizard again, showing its result or progress."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Import a list"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.multi
    def action_open_list(self):
        """Open the list imported into, for the district. Opened from that
        list, the wizard just closes (the list reloads); from the menu, the
        list replaces the breadcrumbs instead of adding to them."""
        self.ensure_one()
        if self.env.context.get("uchaske_import_from_list"):
            return {"type": "ir.actions.act_window_close"}
        model = LIST_MODELS[self.list_type]
        action = self.env.ref(
            "uchaske_registry.%s_action" % model.replace(".", "_")).read()[0]
        action["domain"] = [("district_id", "=", self.district_id.id)]
        action["target"] = "main"
        return action
