# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R17/A4, R11, R15, R16 (issue 14): the set-based load of a list of
foreigners -- new persons, addresses and entries written by one INSERT per
table and batch, after the models' checks done in Python -- stores what the
ORM stored, keeps every check, and stays within the inspector's districts."""
import base64
import csv
import io
from datetime import date
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common

from odoo.addons.uchaske_registry.tests.common import RegistryCase

from uchaske_rules import iin as iin_core

TODAY = "2026-06-15"
HEADER = ["IIN", "Full name", "Citizenship", "Passport No.",
          "Passport valid until", "Residence status", "Stay permitted from",
          "Stay permitted until", "Residence address",
          "Checked at the residence on"]
#: fields compared between the set-based load and the ORM's row by row
ENTRY_FIELDS = ["number", "name", "citizenship_id", "passport_number",
                "passport_valid_until", "residence_status", "stay_permitted_from",
                "stay_permitted_until", "temporary_address", "stay_state",
                "district_id", "department_id", "post_id", "active"]
PERSON_FIELDS = ["name", "surname", "first_name", "patronymic", "iin", "sex",
                 "birth_date", "citizenship_id", "address", "district_id",
                 "department_id", "active"]


def _row(serial, name, **changes):
    values = {
        "iin": iin_core.make_iin(date(1981, 2, 1 + serial % 28), "female", serial),
        "name": "%s Bulk Testovna" % name, "citizenship": "UZ",
        "passport": "BK%05d" % serial, "valid": "2030-01-01",
        "status": "temporary", "from": "2026-01-01", "until": "2026-07-01",
        "address": "Bulk street %d" % serial, "checked": ""}
    values.update(changes)
    return [values[key] for key in ("iin", "name", "citizenship", "passport",
                                    "valid", "status", "from", "until",
                                    "address", "checked")]


def _csv(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


class _Undo(Exception):
    """Roll the first import back to compare the second with it."""


@common.at_install(False)
@common.post_install(True)
class TestAppendixImportBulk(RegistryCase):

    def _import(self, data, role="inspector", district=None):
        wizard = self.env["uchaske.appendix.import"].sudo(self.users[role]).create({
            "list_type": "a4", "district_id": (district or self.district1).id,
            "file": base64.b64encode(data), "filename": "a4.csv"})
        with freeze_time(TODAY):
            wizard.action_import()
        return wizard

    def _stored(self, wizard):
        foreigners = self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)], order="number")
        persons = foreigners.mapped("person_id")
        return (wizard.result,
                # the ids aside (the sequences went on)
                [tuple(sorted((k, v) for k, v in entry.items() if k != "id"))
                 for entry in foreigners.read(ENTRY_FIELDS, load=None)],
                [tuple(sorted((k, v) for k, v in person.items() if k != "id"))
                 for person in persons.read(PERSON_FIELDS, load=None)],
                [(a.address, a.district_id.id, a.date_from, a.date_to)
                 for a in persons.mapped("address_ids")])

    def test_bulk_stores_what_the_orm_stores(self):
        """R17/A4, R11: persons, their current address and the entries
        written by the set-based load are field for field those of the
        ORM's row by row (the stored names, current district, row numbers,
        stay state, department and police point following the district)."""
        data = _csv([_row(301 + n, "Name%d" % n) for n in range(6)])
        try:
            with self.env.cr.savepoint():
                wizard = self.env["uchaske.appendix.import"].sudo(
                    self.users["inspector"]).with_context(
                        uchaske_import_row_by_row=True).create({
                            "list_type": "a4", "district_id": self.district1.id,
                            "file": base64.b64encode(data), "filename": "a4.csv"})
                with freeze_time(TODAY):
                    wizard.action_import()
                orm = self._stored(wizard)
                raise _Undo()
        except _Undo:
            self.env.clear()
        bulk = self._stored(self._import(data))
        self.assertEqual(len(bulk[1]), 6, bulk[0])
        self.assertEqual(bulk, orm)

    def test_bulk_is_set_based(self):
        """Issue 14: 50 new foreigners cost a fixed number of statements,
        not some per row (the ORM's path: about 70 a row)."""
        data = _csv([_row(401 + n, "Many%d" % n) for n in range(50)])
        before = self.env.cr.sql_log_count
        wizard = self._import(data)
        self.assertEqual(wizard.imported_count, 50, wizard.result)
        self.assertLess(self.env.cr.sql_log_count - before, 100)

    def test_bad_rows_reported_good_rows_kept(self):
        """R17/A4: each row the models would refuse is refused by the checks
        before the write, reported with its line and field; nothing of it is
        written, the other rows are, numbered on in file order."""
        first = _row(501, "Good")
        wizard = self._import(_csv([
            first,                                            # line 2
            _row(502, "Late", **{"from": "2026-05-01",
                                 "until": "2026-04-01"}),     # 3: ends first
            _row(503, "Future", checked="2026-07-01"),        # 4: in future
            _row(504, "Status", status="tourist"),            # 5: unknown
            first[:3] + ["BK99999"] + first[4:],              # 6: listed twice
            _row(505, "Pass", passport="bk00501"),            # 7: passport of 2
            _row(506, "Other"),                               # 8
        ]))
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (2, 5),
                         wizard.result)
        lines = wizard.result.splitlines()[1:]
        self.assertEqual([line.split(":")[0] for line in lines],
                         ["Line 3", "Line 4", "Line 5", "Line 6", "Line 7"])
        self.assertIn("ends (2026-04-01) before it starts", lines[0])
        self.assertIn("cannot be in the future", lines[1])
        self.assertIn('unknown residence status "tourist"', lines[2])
        self.assertIn("already on the list of foreigners", lines[3])
        self.assertIn("The passport bk00501 is already listed", lines[4])
        entries = self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)], order="number")
        self.assertEqual(entries.mapped("person_id.surname"), ["Good", "Other"])
        self.assertEqual(entries[1].number, entries[0].number + 1)
        for name in ("Late", "Future", "Status", "Pass"):
            self.assertFalse(self.Person.search([("surname", "=", name)]),
                             "%s: the person of a refused row is not written" % name)

    def test_database_refusal_rolls_the_batch_back(self):
        """Issue 14: should the database still refuse a batch written by the
        set-based load (here: another user records the second row's IIN
        after the file's persons were looked up), nothing of that batch
        stays written; its rows are imported again one by one and the
        refused row is reported with its line."""
        rows = [_row(601 + n, "Race%d" % n) for n in range(3)]
        Wizard = type(self.env["uchaske.appendix.import"])
        original = Wizard._find_persons_by_iin

        def find_persons(wizard, iins):
            found = original(wizard, iins)
            self.env["uchaske.person"].create({
                "surname": "Racer", "first_name": "First", "iin": rows[1][0],
                "department_id": self.dep2.id})
            return found
        with mock.patch.object(Wizard, "_find_persons_by_iin", find_persons):
            wizard = self._import(_csv(rows))
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (2, 1),
                         wizard.result)
        rejected = wizard.result.splitlines()[1]
        self.assertTrue(rejected.startswith("Line 3:"), wizard.result)
        self.assertIn("is already recorded", rejected)
        self.assertEqual(self.Person.search_count([("iin", "=", rows[1][0])]), 1)
        self.assertEqual(self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)]).mapped("person_id.surname"),
            ["Race0", "Race2"])

    def test_attacker_cannot_import_into_foreign_district(self):
        """R16/R17: inspector2 (department 2) cannot load foreigners into
        district 1 through the set-based load: refused, nothing written."""
        persons = self.Person.search_count([])
        with self.assertRefused(Exception):
            self._import(_csv([_row(701, "Intruder")]), role="inspector2",
                         district=self.district1)
        self.assertFalse(self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)]))
        self.assertEqual(self.Person.search_count([]), persons)

    def test_loaded_persons_stay_in_the_department(self):
        """R16: the persons loaded by inspector (department 1) are readable
        by him and not by inspector2 (department 2)."""
        wizard = self._import(_csv([_row(801, "Private")]))
        self.assertEqual(wizard.imported_count, 1, wizard.result)
        person = self.Person.search([("surname", "=", "Private")])
        self.assertEqual(person.sudo(self.users["inspector"]).read(
            ["name"])[0]["name"], "Private Bulk Testovna")
        self.assertFalse(self.Person.sudo(self.users["inspector2"]).search(
            [("id", "=", person.id)]))
        self.assertFalse(self.Person.sudo(self.users["inspector2"]).name_search(
            "Private"))

    def test_repeated_import_writes_only_changes(self):
        """R17/A4, issue 14: the same file again adds nothing and writes
        nothing (every row "already listed"); a row changed in the file
        updates its entry."""
        rows = [_row(901 + n, "Again%d" % n) for n in range(3)]
        self._import(_csv(rows))
        entries = self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)], order="number")
        self.env.cr.execute(
            "UPDATE uchaske_foreigner SET write_date = '2000-01-01' "
            "WHERE id = ANY(%s)", (entries.ids,))
        rows[1][7] = "2026-08-01"   # the stay of the second row is extended
        wizard = self._import(_csv(rows))
        self.assertEqual((wizard.imported_count, wizard.updated_count,
                          wizard.rejected_count), (3, 3, 0), wizard.result)
        entries.invalidate_cache()
        self.assertEqual(len(self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)])), 3)
        self.assertEqual([e.write_date[:4] for e in entries],
                         ["2000", "2026", "2000"])
        self.assertEqual(entries[1].stay_permitted_until, "2026-08-01")
