# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R15: the district chief reads the access journal in words: the kind of
document, the records by name, the filter as the user made it (issue 7)."""
from datetime import date

from odoo.tests import common

from uchaske_rules import iin
from .common import RegistryCase

_FIELDS = ["document_type", "record_names", "filter_text", "operation"]


@common.at_install(False)
@common.post_install(True)
class TestAccessJournalDisplay(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestAccessJournalDisplay, cls).setUpClass()
        cls.persons = cls.person
        for serial in range(1, 8):
            cls.persons |= cls.Person.create({
                "iin": iin.make_iin(date(1990, 1, serial), "female", 2200 + serial),
                "surname": "Person%d" % serial, "first_name": "Aigerim",
                "department_id": cls.dep1.id,
                "address_ids": [(0, 0, {"address": "Abay %d" % serial,
                                        "district_id": cls.district1.id,
                                        "date_from": "2025-01-01"})]})
        cls.foreign = cls.Person.create({
            "iin": iin.make_iin(date(1991, 2, 3), "male", 2301),
            "surname": "Foreign", "first_name": "Other",
            "department_id": cls.dep2.id})

    def _last(self, user, operation):
        """The user's latest row, as the chief reads it."""
        Log = self.env["uchaske.access.log"]
        row = Log.search([("user_id", "=", user.id),
                          ("operation", "=", operation)], order="id desc", limit=1)
        return row.sudo(self.users["chief"]).read(_FIELDS)[0], row

    def test_search_in_words(self):
        """R15: field labels, conditions in words, the value's name."""
        inspector = self.users["inspector"]
        self._new_case("inspector")
        self.Case.sudo(inspector).search_read(
            [("state", "=", "draft"), "|", ("district_id", "=", self.district1.id),
             ("person_id.iin", "ilike", "8804"), ("close_reason", "=", False)],
            ["name"])
        shown, _row = self._last(inspector, "search")
        self.assertEqual(shown["document_type"], "Preventive register case")
        self.assertEqual(
            shown["filter_text"],
            'State is "Draft" and (District is "1. Left bank" or '
            'Person → IIN contains "8804") and Close Reason is not set')
        self.Case.sudo(inspector).read_group([], ["category_id"], ["category_id"])
        shown, _row = self._last(inspector, "search")
        self.assertEqual(shown["filter_text"], "grouped by Category")
        self.Person.sudo(inspector).name_search("Sadyk")
        shown, _row = self._last(inspector, "search")
        self.assertEqual(shown["filter_text"], 'name contains "Sadyk"')
        self.assertEqual(shown["record_names"], "Sadykov Arman Nurlanuly")

    def test_records_by_name_and_more(self):
        """R15: the first names, then how many more; a record the chief may
        not read (another department) is counted, not named."""
        inspector = self.users["inspector"]
        chief = self.users["chief"]
        Log = self.env["uchaske.access.log"]
        # a row naming another department's person first (as a transfer
        # would let the inspector open it)
        Log.sudo(inspector)._journal(
            "open", "uchaske.person", self.foreign.ids + self.persons.ids[:2])
        other_row = Log.search([], order="id desc", limit=1)
        self.Person.browse(self.persons.ids).sudo(inspector).read(["name"])
        journal_rows = Log.search_count([])
        shown, row = self._last(inspector, "open")
        self.assertEqual(shown["document_type"], "Person")
        names = self.persons[:5].mapped("name")
        self.assertEqual(shown["record_names"], "%s and 3 more" % ", ".join(names))
        self.assertIn("Fields: ", shown["filter_text"])
        # the chief's reading of the journal is not itself journaled
        self.assertEqual(Log.search_count([]), journal_rows)
        action = row.sudo(chief).action_open_records()
        self.assertEqual(action["res_model"], "uchaske.person")
        self.assertEqual(sorted(action["domain"][0][2]), sorted(self.persons.ids))
        self.assertNotIn(self.foreign.id, action["domain"][0][2])
        names = other_row.sudo(chief).read(["record_names"])[0]["record_names"]
        self.assertNotIn("Foreign", names)
        self.assertTrue(names.endswith("and 1 more"), names)

    def test_inspector_cannot_read_the_journal(self):
        """R15: the journal is the chief's."""
        from odoo.exceptions import AccessError
        Log = self.env["uchaske.access.log"]
        self.Person.browse(self.person.id).sudo(self.users["inspector"]).read(["name"])
        with self.assertRaises(AccessError):
            Log.sudo(self.users["inspector"]).search([]).read(_FIELDS)
