# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R17, issue 14: the import of a list runs by batches of rows under one
savepoint, with the file's persons looked up by IIN once; a refused row
still rejects only itself, reported with its line exactly as row by row."""
import base64
import csv
import io
from datetime import date
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase
from odoo.addons.uchaske_registry.wizards import uchaske_appendix_import

from uchaske_rules import iin as iin_core

TODAY = "2026-06-15"
HEADER = ["IIN", "Full name", "Citizenship", "Passport No.",
          "Passport valid until", "Residence status", "Stay permitted from",
          "Stay permitted until", "Residence address"]


def _row(serial, name, citizenship="UZ", passport=None):
    iin = iin_core.make_iin(date(1980, 1, 1 + serial % 28), "male", serial)
    return [iin, "%s Batch Testovich" % name, citizenship,
            passport or "BT%05d" % serial, "2030-01-01", "temporary",
            "2026-01-01", "2027-01-01", "Street %d" % serial]


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
class TestAppendixImportBatch(UchaskeCase):

    def _import(self, data, **context):
        wizard = self.env["uchaske.appendix.import"].sudo(
            self.users["inspector"]).with_context(**context).create({
                "list_type": "a4", "district_id": self.district1.id,
                "file": base64.b64encode(data), "filename": "a4.csv"})
        with freeze_time(TODAY):
            wizard.action_import()
        return wizard

    def _file(self):
        first = _row(101, "Alpha")
        return _csv([
            first,                              # line 2
            _row(102, "Bravo"),                 # line 3
            _row(103, "Charlie", "Atlantis"),   # line 4: unknown country
            _row(104, "Delta"),                 # line 5
            # line 6: the person of line 2 again, another passport: a
            # foreigner is listed once per district
            first[:3] + ["BT99999"] + first[4:],
            _row(105, "Echo", passport="bt00102"),  # line 7: line 3's passport
        ])

    def _listed(self, wizard):
        foreigners = self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)], order="number")
        return (wizard.result, foreigners.mapped("person_id.surname"),
                foreigners.mapped("number"))

    def test_batch_report_identical_to_row_by_row(self):
        """R17: with refused rows in a batch, the report, the rows kept and
        their numbers are those of a row-by-row import (batches of one row,
        one savepoint each, as before issue 14)."""
        data = self._file()
        try:
            with self.env.cr.savepoint():
                # the ORM's path, not the set-based load of A4 (issue 14)
                with mock.patch.object(uchaske_appendix_import, "BATCH_SIZE", 1):
                    one_by_one = self._listed(self._import(
                        data, uchaske_import_row_by_row=True))
                raise _Undo()
        except _Undo:
            self.env.clear()
        self.assertEqual(self._listed(self._import(data)), one_by_one)

    def test_refused_row_rejects_only_itself(self):
        """R17: the refused lines are reported with their reasons; the good
        rows of the batch are imported and numbered on in order."""
        wizard = self._import(self._file())
        result, surnames, numbers = self._listed(wizard)
        self.assertEqual((wizard.imported_count, wizard.rejected_count),
                         (3, 3), result)
        self.assertEqual(surnames, ["Alpha", "Bravo", "Delta"])
        self.assertEqual(numbers[1:], [numbers[0] + 1, numbers[0] + 2])
        rejected = [line.split(":")[0] for line in result.splitlines()[1:]]
        self.assertEqual(rejected, ["Line 4", "Line 6", "Line 7"], result)
        self.assertIn("Atlantis", result)

    def test_persons_looked_up_once_per_file(self):
        """Issue 14: the persons of the file are found by IIN in one search
        for all its IINs, not one search per row (the check that an IIN is
        recorded once, at a person's creation, stays)."""
        Person = type(self.env["uchaske.person"])
        lookups = []
        original = Person.search

        def search(model, args, *positional, **named):
            terms = [tuple(term[:2]) for term in args
                     if isinstance(term, (list, tuple))]
            if ("iin", "=") in terms and not any(t[0] == "id" for t in terms) \
                    or ("iin", "in") in terms:
                lookups.append(terms)
            return original(model, args, *positional, **named)
        data = _csv([_row(201 + n, "Name%d" % n) for n in range(5)])
        with mock.patch.object(Person, "search", search):
            wizard = self._import(data)
        self.assertEqual(wizard.imported_count, 5, wizard.result)
        self.assertEqual(lookups, [[("iin", "in")]])
