# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 9 (My work at national size): an open whose rows are those of the
last build keeps the stored rows without reading them back; anything that
changes a row, the time of day that moves a row's urgency, rows taken by
the transient vacuum, all rebuild them. The rows are the engine's: an
officer cannot create, change or delete them over RPC (where a changed row
would otherwise stay as changed)."""
from unittest import mock

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import common
from odoo.tools import mute_logger

from . import test_my_work_registry as my_work_tests
from .common import RegistryCase

NOW = my_work_tests.NOW


@common.at_install(False)
@common.post_install(True)
class TestMyWorkUnchanged(RegistryCase):

    # the fixtures of My work's own tests (not their tests)
    _person = my_work_tests.TestMyWorkRegistry._person
    _activity = my_work_tests.TestMyWorkRegistry._activity

    @classmethod
    def setUpClass(cls):
        super(TestMyWorkUnchanged, cls).setUpClass()
        cls.Item = cls.env["uchaske.work.item"]
        cls._serial = 0

    def _queries(self, key, **context):
        """(rows of ``key``'s My work, statements of the build)."""
        Item = self.Item.sudo(self.users[key]).with_context(**context)
        Item.invalidate_cache()
        start = len(self.statements)
        domain = Item.action_open_my_work()["domain"]
        made = self.statements[start:]
        return Item.search(domain), made

    def setUp(self):
        super(TestMyWorkUnchanged, self).setUp()
        self.statements = []
        original = self.cr.execute

        def execute(query, params=None, log_exceptions=None):
            self.statements.append(str(query))
            return original(query, params)
        patcher = mock.patch.object(self.cr, "execute", execute)
        patcher.start()
        self.addCleanup(patcher.stop)

    @staticmethod
    def _writes(statements):
        return [q for q in statements if q.lstrip().upper().startswith(
            ("INSERT INTO UCHASKE_WORK_ITEM ", "DELETE FROM UCHASKE_WORK_ITEM"))
            or "SELECT id, COALESCE(write_date" in q]

    def test_unchanged_open_keeps_the_rows_without_reading_them(self):
        """The same rows twice: the second open neither reads the rows back
        nor writes one, and the officer sees the same rows (same ids)."""
        with freeze_time(NOW):
            case = self._registered_case()
            self._activity(case, "inspector", "R12: check", "2026-11-10")
            first, made = self._queries("inspector")
            self.assertTrue(self._writes(made))
            second, made = self._queries("inspector")
        self.assertEqual(second, first)
        self.assertFalse(self._writes(made), made)
        self.assertIn(case.id, second.mapped("res_id"))

    def test_page_rows_read_once_for_both_computes(self):
        """Issue 9: the page's columns (description, actions, what to do
        first) read the rows' targets in one statement, not one per
        compute; another officer's row ids give nothing."""
        with freeze_time(NOW):
            case = self._registered_case()
            self._activity(case, "inspector", "R12: check", "2026-11-10")
            rows, _made = self._queries("inspector")
            rows.invalidate_cache()
            start = len(self.statements)
            rows.read(["record_name", "person_name", "actions", "hint"])
            targets = [q for q in self.statements[start:]
                       if "FROM uchaske_work_item WHERE id = ANY" in q]
            self.assertEqual(len(targets), 1, targets)
            self.assertTrue(any(rows.mapped("record_name")))
            foreign = self.Item.sudo(self.users["inspector2"]).browse(rows.ids)
            self.assertEqual(foreign._my_work_targets(), {})

    def test_changed_row_is_stored(self):
        """A new activity after an open is a new row at the next open."""
        with freeze_time(NOW):
            case = self._registered_case()
            rows, _made = self._queries("inspector")
            self.assertNotIn("R22.14: new alert", rows.mapped("name"))
            self._activity(case, "inspector", "R22.14: new alert", "2026-11-12")
            rows, made = self._queries("inspector")
        self.assertTrue(self._writes(made))
        self.assertIn("R22.14: new alert", rows.mapped("name"))

    def test_time_moves_urgency(self):
        """The clock alone changes a row: due tomorrow on Wednesday, the
        same activity is overdue on Friday (R12)."""
        with freeze_time(NOW):
            case = self._registered_case()
            self._activity(case, "inspector", "R12: check soon", "2026-11-12")
            rows, _made = self._queries("inspector")
        row = rows.filtered(lambda item: item.name == "R12: check soon")
        self.assertEqual(row.urgency, "week")
        with freeze_time("2026-11-13 10:00:00"):
            rows, made = self._queries("inspector")
        self.assertTrue(self._writes(made))
        row = rows.filtered(lambda item: item.name == "R12: check soon")
        self.assertEqual(row.urgency, "overdue")

    def test_rows_taken_by_the_vacuum_come_back(self):
        """Rows the transient vacuum took (as the superuser) are rebuilt at
        the next open, though nothing else changed."""
        with freeze_time(NOW):
            self._registered_case()
            rows, _made = self._queries("inspector")
            count = len(rows)
            self.assertGreater(count, 1)
            rows[:1].sudo().unlink()
            again, made = self._queries("inspector")
        self.assertTrue(self._writes(made))
        self.assertEqual(len(again), count)

    def test_old_rows_are_touched_on_an_unchanged_open(self):
        """Rows getting old are touched even when nothing changed, so that
        the vacuum does not take them while the officer pages."""
        with freeze_time(NOW):
            self._registered_case()
            rows, _made = self._queries("inspector")
            self.cr.execute("UPDATE uchaske_work_item SET write_date ="
                            " '2026-11-11 05:00:00' WHERE id = ANY(%s)", (rows.ids,))
            again, made = self._queries("inspector")
            self.assertFalse(self._writes(made))
            self.cr.execute("SELECT min(write_date) FROM uchaske_work_item"
                            " WHERE id = ANY(%s)", (again.ids,))
            self.assertEqual(self.cr.fetchone()[0], NOW)

    def test_officer_cannot_create_change_or_delete_rows(self):
        """Over RPC as the officer: each refused with the same short message,
        the rows unchanged."""
        with freeze_time(NOW):
            self._registered_case()
            rows, _made = self._queries("inspector")
        Item = self.Item.sudo(self.users["inspector"])
        row = rows[:1].sudo(self.users["inspector"])
        name = row.name
        for call in (lambda: Item.create({"kind": "action", "urgency": "act",
                                          "name": "Forged"}),
                     lambda: row.write({"name": "Forged"}),
                     lambda: row.unlink()):
            with self.assertRaisesRegex(AccessError, "built by the application"):
                call()
        row.invalidate_cache()
        self.assertEqual(row.name, name)
        self.assertFalse(self.Item.sudo().search([("name", "=", "Forged")]))

    def test_officer_cannot_read_the_builds(self):
        """The digests are the engine's: no officer reads them, nor writes
        one; one per officer."""
        with freeze_time(NOW):
            self._registered_case()
            self._queries("inspector")
        for key in ("assistant", "inspector", "responsible", "chief"):
            Builds = self.env["uchaske.work.item.build"].sudo(self.users[key])
            with self.assertRaises(AccessError):
                Builds.search([])
            with self.assertRaises(AccessError):
                Builds.create({"user_id": self.users[key].id, "digest": "x"})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.env["uchaske.work.item.build"].create(
                {"user_id": self.users["inspector"].id, "digest": "y"})
