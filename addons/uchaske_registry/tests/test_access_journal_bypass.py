# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R15 (issue 8): the access journal cannot be bypassed. Every read path of
every register model writes one row per action, as each real role user;
refused attempts are journaled; a context key sent by the client does not
silence it; nobody writes, forges or truncates journal and history rows."""
import threading
from unittest import mock

import psycopg2

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import common
from odoo.tools import config

from .common import RegistryCase


@common.at_install(False)
@common.post_install(True)
class TestAccessJournalBypass(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestAccessJournalBypass, cls).setUpClass()
        cls.Log = cls.env["uchaske.access.log"]
        cls.case = cls.Case.sudo(cls.users["assistant"]).create({
            "person_id": cls.person.id, "category_id": cls.category.id,
            "district_id": cls.district1.id, "grounds": "court_decision",
            "grounds_number": "2-3301/2026", "grounds_date": "2026-10-12",
            "date_start": "2026-10-12", "date_end": "2027-10-12"})
        cls.report = cls.env.ref("uchaske_registry.uchaske_registry_case_report")

    def setUp(self):
        super(TestAccessJournalBypass, self).setUp()
        self.last_id = self.Log.search([], limit=1).id or 0

    def _new_rows(self, user=None):
        """Rows journaled since the test started (of ``user``), oldest first."""
        domain = [("id", ">", self.last_id)]
        if user is not None:
            domain.append(("user_id", "=", user.id))
        return self.Log.search(domain, order="id")

    def _summary(self, user=None):
        return [(row.operation, row.res_model, row.record_count)
                for row in self._new_rows(user)]

    def test_a_context_key_from_the_client_does_not_silence_the_journal(self):
        """R15: the key ``uchaske_journal_in_search`` (which a client can
        send over RPC) used to switch the journal off."""
        inspector = self.users["inspector"]
        cases = self.Case.sudo(inspector).with_context(
            uchaske_journal_in_search=True)
        cases.browse(self.case.id).read(["name"])
        cases.search_read([], ["name"])
        self.assertEqual(self._summary(inspector), [
            ("open", self.Case._name, 1), ("search", self.Case._name, 1)])

    def test_search_and_search_count_are_journaled(self):
        """R15: an IIN lookup with ``search`` or ``search_count`` leaves a
        row with the filter."""
        inspector = self.users["inspector"]
        persons = self.Person.sudo(inspector)
        found = persons.search([("iin", "=", self.person.iin)])
        self.assertEqual(found, self.person)
        self.assertEqual(persons.search_count([("iin", "=", self.person.iin)]), 1)
        rows = self._new_rows(inspector)
        self.assertEqual([(r.operation, r.res_model, r.record_count, r.res_ids)
                          for r in rows],
                         [("search", "uchaske.person", 1, str(self.person.id)),
                          ("search", "uchaske.person", 1, "")])
        for row in rows:
            self.assertIn(self.person.iin, row.details)

    def test_name_get_and_display_name_are_openings(self):
        """R15: ``name_get`` and ``read(['display_name'])`` show the record."""
        inspector = self.users["inspector"]
        case = self.case.sudo(inspector)
        case.name_get()
        case.read(["display_name"])
        rows = self._new_rows(inspector)
        self.assertEqual([(r.operation, r.res_ids, r.details) for r in rows],
                         [("open", str(self.case.id), "display_name")] * 2)
        # a display name used by the code (a message) is not an opening
        self.Case.browse(self.case.id).sudo(inspector).display_name
        self.assertEqual(len(self._new_rows(inspector)), 2)

    def test_addresses_checks_and_transfers_are_journaled(self):
        """R15: the person's address history, the supervision checks and the
        transfers are register data too."""
        responsible = self.users["responsible"]
        for model in ("uchaske.person.address", "uchaske.registry.check",
                      "uchaske.registry.transfer"):
            self.env[model].sudo(responsible).search_read([], ["id"])
        address = self.person.address_ids[:1].sudo(responsible)
        address.read(["address"])
        self.assertEqual(
            [(op, model) for op, model, _count in self._summary(responsible)],
            [("search", "uchaske.person.address"),
             ("search", "uchaske.registry.check"),
             ("search", "uchaske.registry.transfer"),
             ("open", "uchaske.person.address")])

    def test_one_row_per_action(self):
        """R15: a list view (search_read), a grouped list, an autocomplete and
        an export are one row each, not one per inner search or read."""
        chief = self.users["chief"]
        cases = self.Case.sudo(chief)
        cases.search_read([("id", "=", self.case.id)],
                          ["name", "person_id", "district_id"])
        cases.read_group([], ["district_id"], ["district_id"])
        self.Person.sudo(chief).name_search(self.person.surname)
        cases.browse(self.case.id).export_data(["name", "person_id/iin"])
        self.assertEqual(
            [row.operation for row in self._new_rows()],
            ["search", "search", "search", "export"])

    def test_a_print_is_one_row(self):
        """R15: a PDF is rendered through its HTML: one "print" row, not
        two (in tests the PDF falls back to the HTML)."""
        inspector = self.users["inspector"]
        with mock.patch.dict(config.options, {"test_enable": True}):
            self.report.sudo(inspector).render_qweb_pdf(self.case.ids)
        self.assertEqual(self._summary(), [("print", self.Case._name, 1)])

    def test_refused_read_and_print_are_journaled(self):
        """R15, R16: another department's inspector cannot open or print the
        case; each attempt leaves a "refused" row in his name."""
        inspector2 = self.users["inspector2"]
        with self.assertRaises(AccessError):
            self.case.sudo(inspector2).read(["name", "person_id"])
        with self.assertRaises(AccessError):
            self.case.sudo(inspector2).name_get()
        with self.assertRaises(AccessError), \
                mock.patch.dict(config.options, {"test_enable": True}):
            self.report.sudo(inspector2).render_qweb_pdf(self.case.ids)
        rows = self._new_rows()
        self.assertEqual(
            [(r.user_id, r.operation, r.res_model, r.res_ids) for r in rows],
            [(inspector2, "refused", self.Case._name, str(self.case.id))] * 3)
        self.assertEqual(rows.mapped("department_id"), self.dep2)
        self.assertEqual(
            [r.details.split(":")[0] for r in rows], ["open", "open", "print"])
        self.assertIn("uchaske_registry.report_registry_case", rows[2].details)

    def test_refused_export_is_journaled(self):
        """R15: an inspector's export attempt is refused and journaled."""
        inspector = self.users["inspector"]
        with self.assertRaisesRegex(AccessError, "export"):
            self.case.sudo(inspector).export_data(["name"])
        self.assertEqual(self._summary(inspector),
                         [("refused", self.Case._name, 1)])
        self.assertTrue(self._new_rows(inspector).details.startswith("export"))

    def test_export_entry_hidden_from_who_may_not_export(self):
        """R15: the web client hides Export from the assistant and the
        inspector (session info); the responsible and the chief keep it."""
        mixin = self.env["uchaske.access.journal.mixin"]
        for key in ("assistant", "inspector"):
            denied = mixin.sudo(self.users[key])._journal_export_denied_models()
            for model in ("uchaske.registry.case", "uchaske.person",
                          "uchaske.person.address", "uchaske.registry.check",
                          "uchaske.registry.transfer", "uchaske.firearm.owner",
                          "uchaske.noncustodial.person", "uchaske.foreigner"):
                self.assertIn(model, denied, key)
            self.assertNotIn("uchaske.access.log", denied)
        for key in ("responsible", "chief"):
            self.assertEqual(
                mixin.sudo(self.users[key])._journal_export_denied_models(), [])

    def test_superuser_journaled_only_at_the_request_boundary(self):
        """R15: the administrator (uid 1 in Odoo 11) calling over HTTP/RPC is
        journaled; the code's own sudo() is not an access."""
        self.Case.search_read([], ["name"])
        self.assertFalse(self._new_rows())
        thread = threading.current_thread()
        thread.uid = SUPERUSER_ID
        try:
            self.Case.search_read([], ["name"])
        finally:
            del thread.uid
        self.assertEqual(
            [(r.user_id.id, r.operation) for r in self._new_rows()],
            [(SUPERUSER_ID, "search")])

    def test_journal_and_history_rows_cannot_be_created_by_hand(self):
        """R15, R16: nobody, not even the administrator, writes a journal or
        history row in another user's name; a forged context key is not the
        engine's token."""
        inspector = self.users["inspector"]
        history = self.env["uchaske.workflow.history"]
        for env_user in (self.env.user, self.users["chief"]):
            with self.assertRefused(AccessError, "journal"):
                self.Log.sudo(env_user).create({
                    "user_id": inspector.id, "operation": "open",
                    "res_model": self.Case._name, "res_ids": "1"})
            with self.assertRefused(AccessError, "history"):
                history.sudo(env_user).with_context(
                    uchaske_wf_token=True).create({
                        "res_model": self.Case._name, "res_id": self.case.id,
                        "to_state": "closed", "user_id": inspector.id})
        self.case.sudo(inspector).read(["name"])
        with self.assertRefused(AccessError, "journal"):
            self._new_rows()[-1].copy()
        # the engine itself still logs its transitions
        case = self._registered_case(category_id=self.env.ref(
            "uchaske_registry.category_protection_order").id)
        self.assertEqual(
            history.search([("res_model", "=", case._name),
                            ("res_id", "=", case.id)]).mapped("to_state"),
            ["registered", "draft"])

    def test_tables_refuse_truncate(self):
        """R15, R16: a server action's TRUNCATE is refused by the database
        (statement-level trigger), like UPDATE and DELETE."""
        self.case.sudo(self.users["inspector"]).read(["name"])
        for table in ("uchaske_access_log", "uchaske_workflow_history"):
            with self.assertRaisesRegex(psycopg2.Error, "append-only"), \
                    self.env.cr.savepoint():
                self.env.cr.execute("TRUNCATE %s CASCADE" % table)
        self.assertTrue(self._new_rows())
