# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R15, issue 14: the access journal is partitioned by month (docs/capacity.md).

Its rows land in their month's partition (a DEFAULT partition takes any
other), every partition is as append-only as the table (UPDATE, DELETE and
TRUNCATE refused, also of one partition), the daily job creates the coming
months and is idempotent, and the model's ``init()`` (run by every
``-u uchaske_registry``) changes nothing on a partitioned journal. The clock
is injected: the months used are far from today's."""
import datetime

import psycopg2

from odoo import tools
from odoo.tests import common

from odoo.addons.uchaske_registry.models import \
    uchaske_access_log_partitions as partitions

from .common import RegistryCase


@common.at_install(False)
@common.post_install(True)
class TestAccessJournalPartitions(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestAccessJournalPartitions, cls).setUpClass()
        cls.Log = cls.env["uchaske.access.log"]
        cls.cr = cls.env.cr

    def _kind(self, name):
        self.cr.execute("SELECT relkind FROM pg_class WHERE relname = %s", [name])
        row = self.cr.fetchone()
        return row and row[0]

    def _partition_of(self, entry_id):
        self.cr.execute("SELECT tableoid::regclass::text FROM uchaske_access_log "
                        "WHERE id = %s", [entry_id])
        return self.cr.fetchone()[0]

    def _insert(self, moment):
        """A journal row at ``moment``, as ``_journal`` writes it (the
        inspector's), by the Odoo database user."""
        inspector = self.users["inspector"]
        self.cr.execute("""
            INSERT INTO uchaske_access_log (date, user_id, department_id,
                                            operation, res_model, record_count)
            SELECT %s, id, uchaske_department_id, 'search',
                   'uchaske.registry.case', 0
              FROM res_users WHERE id = %s RETURNING id
        """, [moment, inspector.id])
        return self.cr.fetchone()[0]

    def _refused(self, statement):
        with self.assertRaisesRegex(psycopg2.Error, "append-only"), \
                self.cr.savepoint():
            self.cr.execute(statement)

    def _catalog(self):
        """What ``-u`` could change: partitions and bounds, indexes,
        constraints, triggers of the journal and its partitions."""
        self.cr.execute("""
            SELECT c.relname, c.relkind,
                   pg_get_expr(c.relpartbound, c.oid),
                   ARRAY(SELECT pg_get_indexdef(indexrelid) FROM pg_index
                          WHERE indrelid = c.oid ORDER BY 1),
                   ARRAY(SELECT conname || ' ' || pg_get_constraintdef(oid)
                           FROM pg_constraint WHERE conrelid = c.oid ORDER BY 1),
                   ARRAY(SELECT tgname || ' ' || tgtype FROM pg_trigger
                          WHERE tgrelid = c.oid ORDER BY 1)
              FROM pg_class c
             WHERE c.oid = 'uchaske_access_log'::regclass
                OR c.oid IN (SELECT inhrelid FROM pg_inherits
                              WHERE inhparent = 'uchaske_access_log'::regclass)
             ORDER BY c.relname""")
        return self.cr.fetchall()

    def test_journal_is_partitioned_by_month(self):
        """R15: after install (or the migration 11.0.2.3.0) the journal is
        a table partitioned by range of its date, keyed by (id, date), with
        a DEFAULT partition; Odoo 11 sees it as an ordinary table (shim)."""
        self.assertEqual(self._kind("uchaske_access_log"), "p")
        self.cr.execute("SELECT pg_get_partkeydef('uchaske_access_log'::regclass)")
        self.assertEqual(self.cr.fetchone()[0], "RANGE (date)")
        self.cr.execute("""SELECT pg_get_constraintdef(oid) FROM pg_constraint
                            WHERE conname = 'uchaske_access_log_pkey'""")
        self.assertEqual(self.cr.fetchone()[0], "PRIMARY KEY (id, date)")
        self.assertEqual(partitions.partitions(self.cr)["uchaske_access_log_default"],
                         "DEFAULT")
        self.assertTrue(tools.table_exists(self.cr, "uchaske_access_log"))
        self.assertTrue(self.Log._is_an_ordinary_table())
        # the ids still come from the model's sequence
        self.cr.execute("SELECT pg_get_serial_sequence('uchaske_access_log', 'id')")
        self.assertEqual(self.cr.fetchone()[0], "public.uchaske_access_log_id_seq")
        # every partition is guarded: the row trigger (cloned by PostgreSQL)
        # and a TRUNCATE trigger of its own
        for name in partitions.partitions(self.cr):
            self.cr.execute("SELECT tgname FROM pg_trigger "
                            "WHERE tgrelid = %s::regclass AND NOT tgisinternal "
                            "ORDER BY 1", [name])
            self.assertEqual([row[0] for row in self.cr.fetchall()],
                             ["uchaske_access_log_append_only",
                              "%s_no_truncate" % name], name)

    def test_a_list_by_the_inspector_lands_in_its_month(self):
        """R15: the inspector's list is journaled (one row), in the
        partition of the row's month; a row of a month with no partition
        goes to the DEFAULT one: an insert never fails."""
        self.cr.execute("SELECT (now() AT TIME ZONE 'UTC')::date")
        today = self.cr.fetchone()[0]
        # the transaction's clock (the journal writes now()): its month exists
        self.Log._cron_add_partitions(today=today)
        inspector = self.users["inspector"]
        self._new_case()
        self.Case.sudo(inspector).search_read([], ["name"], limit=80)
        entry = self.Log.search([("user_id", "=", inspector.id),
                                 ("operation", "=", "search")], limit=1)
        self.assertEqual(entry.res_model, "uchaske.registry.case")
        month = "uchaske_access_log_y%sm%s" % (entry.date[:4], entry.date[5:7])
        self.assertEqual(self._partition_of(entry.id), month)
        # the clock injected: a month made by the job, and one without
        self.assertEqual(self.Log._cron_add_partitions(today="2031-05-20"), 4)
        self.assertEqual(self._partition_of(self._insert("2031-05-31 23:59:59")),
                         "uchaske_access_log_y2031m05")
        self.assertEqual(self._partition_of(self._insert("2031-06-01 00:00:00")),
                         "uchaske_access_log_y2031m06")
        self.assertEqual(self._partition_of(self._insert("2040-01-01 10:00:00")),
                         "uchaske_access_log_default")
        # read back through the ORM as the chief of the department, not by
        # the chief of another one
        window = [("date", ">=", "2031-05-01"), ("date", "<", "2031-07-01")]
        self.assertEqual(len(self.Log.sudo(self.users["chief"]).search(window)), 2)
        self.assertFalse(self.Log.sudo(self.users["chief2"]).search(window))

    def test_parent_and_partitions_refuse_update_delete_truncate(self):
        """R15: UPDATE, DELETE and TRUNCATE are refused on the journal and
        on each partition (a TRUNCATE of one month would otherwise bypass
        the table's statement trigger); the rows stay."""
        self.Log._cron_add_partitions(today="2031-05-20")
        entry = self._insert("2031-05-10 12:00:00")
        stray = self._insert("2040-01-01 10:00:00")
        for table in ("uchaske_access_log", "uchaske_access_log_y2031m05",
                      "uchaske_access_log_default"):
            self._refused("UPDATE %s SET details = 'forged' WHERE id IN (%d, %d)"
                          % (table, entry, stray))
            self._refused("DELETE FROM %s WHERE id IN (%d, %d)" % (table, entry, stray))
            self._refused("TRUNCATE %s" % table)
        # an existing month made before the job (at install) too
        for name in partitions.partitions(self.cr):
            self._refused("TRUNCATE %s" % name)
        self.cr.execute("SELECT count(*) FROM uchaske_access_log WHERE id IN %s "
                        "AND details IS NULL", [(entry, stray)])
        self.assertEqual(self.cr.fetchone()[0], 2)

    def test_job_creates_the_coming_months_idempotently(self):
        """The daily job creates the current month's partition and the next
        three that are missing, each guarded and indexed like the others;
        run again (or on a later day) it creates only what is missing."""
        cron = self.env.ref("uchaske_registry.ir_cron_access_log_partitions")
        self.assertEqual((cron.active, cron.interval_type, cron.code),
                         (True, "days", "model._cron_add_partitions()"))
        self.assertEqual(self.Log._cron_add_partitions(today="2031-02-14"), 4)
        names = set(partitions.partitions(self.cr))
        self.assertLessEqual({"uchaske_access_log_y2031m%02d" % month
                              for month in (2, 3, 4, 5)}, names)
        self.assertEqual(
            partitions.partitions(self.cr)["uchaske_access_log_y2031m02"],
            "FOR VALUES FROM ('2031-02-01 00:00:00') TO ('2031-03-01 00:00:00')")
        catalog = self._catalog()
        self.assertEqual(self.Log._cron_add_partitions(today="2031-02-28"), 0)
        self.assertEqual(self._catalog(), catalog)
        # a month later: one more month
        self.assertEqual(self.Log._cron_add_partitions(today="2031-03-01"), 1)
        self.assertIn("uchaske_access_log_y2031m06", partitions.partitions(self.cr))
        self.cr.execute("""SELECT count(*) FROM pg_index
                            WHERE indrelid = 'uchaske_access_log'::regclass""")
        parent_indexes = self.cr.fetchone()[0]
        self.cr.execute("""SELECT count(*) FROM pg_index
                            WHERE indrelid = 'uchaske_access_log_y2031m06'::regclass""")
        self.assertEqual(self.cr.fetchone()[0], parent_indexes)
        self._refused("TRUNCATE uchaske_access_log_y2031m06")

    def test_job_leaves_a_month_already_in_the_default_partition(self):
        """Rows of a month that had no partition are in the DEFAULT one:
        PostgreSQL refuses to create that month over them, so the job skips
        it (a warning; the owner moves them, docs/capacity.md) and still
        creates the other months."""
        self._insert("2033-01-15 08:00:00")
        self.assertEqual(self.Log._cron_add_partitions(today="2033-01-02"), 3)
        names = partitions.partitions(self.cr)
        self.assertNotIn("uchaske_access_log_y2033m01", names)
        self.assertIn("uchaske_access_log_y2033m04", names)

    def test_update_of_the_addon_changes_nothing(self):
        """``-u uchaske_registry`` runs ``_auto_init`` and ``init()`` again:
        on a partitioned journal the catalog stays the same (no second
        table, key, index or trigger) and its rows stay."""
        self.Log._cron_add_partitions(today="2031-05-20")
        entry = self._insert("2031-05-10 12:00:00")
        catalog = self._catalog()
        queue = self.registry._post_init_queue
        for _run in range(2):
            self.Log._auto_init()
            while queue:  # the foreign keys' checks, as init_models runs them
                queue.popleft()()
            self.Log.init()
        self.assertEqual(self._catalog(), catalog)
        self.assertEqual(self._partition_of(entry), "uchaske_access_log_y2031m05")
        done = partitions.ensure_partitioned(self.cr, datetime.date(2031, 5, 20))
        self.assertEqual((done["converted"], done["created"]), (False, 0))
