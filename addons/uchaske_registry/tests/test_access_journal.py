# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R15: every opening, search, print and export of the register is
journaled; the journal is append-only and visible to the district chief;
only the responsible inspector and the chief export."""
from odoo.exceptions import AccessError
from odoo.tests import common

from .common import RegistryCase


@common.at_install(False)
@common.post_install(True)
class TestAccessJournal(RegistryCase):

    def _entries(self, user, operation):
        return self.env["uchaske.access.log"].search(
            [("user_id", "=", user.id), ("operation", "=", operation)], order="id")

    def test_opening_a_record_is_journaled(self):
        inspector = self.users["inspector"]
        case = self._new_case()
        case.sudo(inspector).read(["name", "person_id"])
        entry = self._entries(inspector, "open")[-1]
        self.assertEqual((entry.res_model, entry.res_ids, entry.record_count),
                         (case._name, str(case.id), 1))
        self.assertEqual(entry.department_id, self.dep1)
        self.assertIn("person_id", entry.details)
        self.person.sudo(inspector).read(["iin"])
        self.assertEqual(self._entries(inspector, "open")[-1].res_model,
                         "uchaske.person")

    def test_a_search_is_one_entry_with_filter_and_count(self):
        inspector = self.users["inspector"]
        self._new_case()
        self._new_case(category_id=self.env.ref(
            "uchaske_registry.category_protection_order").id)
        before = len(self._entries(inspector, "open"))
        rows = self.Case.sudo(inspector).search_read(
            [("state", "=", "draft")], ["name"])
        entries = self._entries(inspector, "search")
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries.record_count, len(rows))
        self.assertEqual(len(rows), 2)
        self.assertIn("draft", entries.details)
        # the rows of the search are not also journaled one by one
        self.assertEqual(len(self._entries(inspector, "open")), before)
        self.Case.sudo(inspector).read_group(
            [], ["category_id"], ["category_id"])
        self.assertEqual(self._entries(inspector, "search")[-1].record_count, 2)

    def test_autocomplete_is_a_journaled_search(self):
        inspector = self.users["inspector"]
        found = self.Person.sudo(inspector).name_search("Sadyk")
        self.assertEqual([pair[0] for pair in found], self.person.ids)
        entry = self._entries(inspector, "search")[-1]
        self.assertEqual((entry.res_model, entry.record_count),
                         ("uchaske.person", 1))
        self.assertIn("Sadyk", entry.details)

    def test_export_only_for_responsible_and_chief(self):
        case = self._new_case()
        for key in ("assistant", "inspector"):
            with self.assertRefused(AccessError, "export"):
                case.sudo(self.users[key]).export_data(["name"])
            self.assertFalse(self._entries(self.users[key], "export"))
        for key in ("responsible", "chief"):
            data = case.sudo(self.users[key]).export_data(["name", "person_id"])
            self.assertEqual(data["datas"][0][0], case.name)
            entry = self._entries(self.users[key], "export")
            self.assertEqual((entry.res_ids, entry.details),
                             (str(case.id), "name,person_id"))

    def test_a_print_is_journaled(self):
        inspector = self.users["inspector"]
        case = self._new_case()
        report = self.env.ref("uchaske_registry.uchaske_registry_case_report")
        html = report.sudo(inspector).render_qweb_html(case.ids)[0]
        self.assertIn(case.name.encode(), html)
        entry = self._entries(inspector, "print")
        self.assertEqual((entry.res_ids, entry.details),
                         (str(case.id), "uchaske_registry.report_registry_case"))

    def test_journal_is_append_only_and_for_the_chief(self):
        inspector = self.users["inspector"]
        self._new_case().sudo(inspector).read(["name"])
        entry = self._entries(inspector, "open")[-1]
        for key in ("assistant", "inspector", "responsible"):
            with self.assertRefused(AccessError):
                entry.sudo(self.users[key]).read(["user_id"])
        self.assertEqual(entry.sudo(self.users["chief"]).read(
            ["user_id"])[0]["user_id"][0], inspector.id)
        with self.assertRefused(AccessError):
            entry.sudo(self.users["chief2"]).read(["user_id"])
        for user in (self.users["chief"], self.env.user):
            with self.assertRefused(AccessError):
                entry.sudo(user).write({"record_count": 0})
            with self.assertRefused(AccessError):
                entry.sudo(user).unlink()
