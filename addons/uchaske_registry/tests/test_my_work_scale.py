# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
""""My work" at scale (issue 9 item 7, issue 14), as the inspector and the
chief: the page's actions cost a fixed number of statements whatever the
number of rows (one write-rule check per model, not one per record), what
a row says is computed for the rows read only, the engine's own reads
write no R15 journal row, and the list still searches and groups by what
it shows; only what the user may fire is offered (R2.3, R16)."""
from datetime import date
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common

from uchaske_rules import iin
from .common import RegistryCase

NOW = "2026-11-11 10:00:00"


@common.at_install(False)
@common.post_install(True)
class TestMyWorkScale(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestMyWorkScale, cls).setUpClass()
        cls.Item = cls.env["uchaske.work.item"]
        cls.Log = cls.env["uchaske.access.log"]
        cls._serial = 0

    def _drafts(self, count):
        """``count`` draft cases in the inspector's district (R2.3: the
        inspector may register them)."""
        Case = self.Case.with_context(tracking_disable=True)
        cases = Case.browse()
        for _index in range(count):
            type(self)._serial += 1
            person = self.Person.create({
                "iin": iin.make_iin(date(1972, 3, 1 + self._serial % 28), "male",
                                    5100 + self._serial),
                "surname": "Scale%d" % self._serial, "first_name": "Test",
                "department_id": self.dep1.id,
                "address_ids": [(0, 0, {"address": "Test street",
                                        "district_id": self.district1.id})]})
            cases |= Case.create({"person_id": person.id,
                                  "category_id": self.category.id,
                                  "district_id": self.district1.id})
        return cases

    def _items(self, key):
        Item = self.Item.sudo(self.users[key])
        return Item, Item.action_open_my_work()["domain"]

    def _page_statements(self, key, limit):
        """Statements of reading a page of ``limit`` "you may act" rows with
        their actions and descriptions."""
        Item, domain = self._items(key)
        Item.invalidate_cache()
        before = self.cr.sql_log_count
        rows = Item.search_read(domain + [("urgency", "=", "act")],
                                ["actions", "document", "person_name"],
                                limit=limit)
        return self.cr.sql_log_count - before, rows

    def test_page_checks_are_batched_not_per_record(self):
        """Issue 9 item 7: the guards of a page of 40 rows cost the same
        statements as those of a page of 4 (one write-rule search per
        model, not one per record); every row offers "Register"."""
        self._drafts(40)
        self._page_statements("inspector", 4)  # warm the caches
        few, rows = self._page_statements("inspector", 4)
        many, rows = self._page_statements("inspector", 40)
        self.assertEqual(len(rows), 40)
        for row in rows:
            self.assertIn("Register", row["actions"])
        self.assertLessEqual(many, few + 2, "%s statements for 40 rows, %s for 4"
                             % (many, few))

    def test_rows_are_described_for_the_page_only(self):
        """What a row says (record, person, document) is computed when read,
        for the rows read: opening My work describes nothing, a page of 5
        describes 5 records."""
        self._drafts(12)
        described = []
        Class = type(self.Item)
        original = Class._my_work_details

        def counting(model, res_model, res_ids, names=None):
            described.extend(res_ids)
            return original(model, res_model, res_ids, names)
        with mock.patch.object(Class, "_my_work_details", counting):
            Item, domain = self._items("inspector")
            self.assertEqual(described, [], "described while building")
            rows = Item.search_read(domain + [("urgency", "=", "act")],
                                    ["person_name", "document"], limit=5)
        self.assertEqual(len(rows), 5)
        self.assertLessEqual(len(described), 5)
        for row in rows:
            self.assertTrue(row["person_name"].startswith("Scale"))

    def test_opening_writes_no_journal_row(self):
        """R15: the engine finding the user's work is not an opening of the
        register: no journal row; opening a case from the list still is."""
        self._drafts(3)
        with freeze_time(NOW):
            self._registered_case()
            before = self.Log.search_count([])
            Item, domain = self._items("inspector")
            rows = Item.search_read(domain, ["actions", "document", "person_name"])
            self.assertTrue(rows)
            self.assertEqual(self.Log.search_count([]), before)
            case = self.Case.sudo(self.users["inspector"]).browse(
                [row for row in Item.search(domain)
                 if row.res_model == self.Case._name][0].res_id)
            case.read(["name"])
            self.assertEqual(self.Log.search_count([]), before + 1)

    def test_list_searches_and_groups_what_it_shows(self):
        """The computed columns still search (person, document) and the
        list groups by district and document type."""
        cases = self._drafts(3)
        Item, domain = self._items("inspector")
        surname = cases[0].person_id.surname
        found = Item.search(domain + [("person_name", "ilike", surname)])
        self.assertEqual(found.mapped("res_id"), [cases[0].id])
        found = Item.search(domain + [("document", "ilike", cases[1].name)])
        self.assertIn(cases[1].id, found.mapped("res_id"))
        self.assertNotIn(cases[1].id, Item.search(
            domain + [("person_name", "not ilike", cases[1].person_id.surname)]
        ).mapped("res_id"))
        groups = Item.read_group(domain, ["district_id"], ["district_id"])
        self.assertIn(self.district1.id, [group["district_id"][0]
                                          for group in groups if group["district_id"]])
        groups = Item.read_group(domain, ["model_name"], ["model_name"])
        self.assertTrue(groups)

    def test_renamed_transition_shows_at_once(self):
        """The cached workflow definitions follow a change of a transition
        (and of its groups): no stale action is offered."""
        self._drafts(1)
        transition = self.env.ref("uchaske_registry.case_transition_register")
        transition.write({"name": "Register now"})
        Item, domain = self._items("inspector")
        actions = " ".join(filter(None, Item.search(domain).mapped("actions")))
        self.assertIn("Register now", actions)
        inspector = self.env.ref("uchaske_base.group_inspector")
        chief = self.env.ref("uchaske_base.group_district_chief")
        transition.write({"group_ids": [(3, inspector.id), (4, chief.id)]})
        Item, domain = self._items("inspector")
        actions = " ".join(filter(None, Item.search(domain).mapped("actions")))
        self.assertNotIn("Register now", actions)

    def test_chief_offered_only_the_decisions_he_may_fire(self):
        """R16: the chief's page offers "Approve closing" on a closing
        request, as the form's buttons, and not the inspector's routine
        registration."""
        with freeze_time(NOW):
            draft = self._drafts(1)
            closing = self._registered_case()
            inspector = closing.sudo(self.users["inspector"])
            inspector.write({"close_reason": "term_expired"})
            inspector.wf_apply("request_close", {"comment": "term over",
                                                 "legal_basis": "Art. 10"})
            Item, domain = self._items("chief")
            items = Item.search(domain)
        row = items.filtered(lambda i: i.res_model == closing._name
                             and i.res_id == closing.id)
        self.assertEqual(row.actions, ", ".join(
            closing.sudo(self.users["chief"])._wf_available_transitions()
            .mapped("name")))
        self.assertIn("Approve closing", row.actions)
        self.assertNotIn(draft.id, items.filtered(
            lambda i: i.res_model == draft._name).mapped("res_id"))


@common.at_install(False)
@common.post_install(True)
class TestMyWorkIndexes(RegistryCase):
    """The statements My work runs at every open are served by an index,
    not by reading a whole table (issue 9, issue 14: at national size the
    work-item table holds the rows of thousands of officers, the deadline
    lines of every case). PostgreSQL is told to avoid sequential scans, so
    that the plan shows whether an index can serve the statement at all
    (on a test database's small tables it would rightly read the table)."""

    def _plan(self, query, params, bitmap=True):
        """The plan of ``query`` without sequential scans (and without
        bitmap scans if not ``bitmap``: an index scan shows whether the
        index also gives the order)."""
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        if not bitmap:
            self.env.cr.execute("SET LOCAL enable_bitmapscan = off")
        try:
            self.env.cr.execute("EXPLAIN " + query, params)
            return "\n".join(row[0] for row in self.env.cr.fetchall())
        finally:
            self.env.cr.execute("SET LOCAL enable_seqscan = on")
            self.env.cr.execute("SET LOCAL enable_bitmapscan = on")

    def test_the_users_page_of_rows_from_the_index(self):
        """The list's query (one user's rows, in the list's order, 80 at a
        time) reads the index in order: no sort of the user's rows, no
        other officer's row read."""
        Item = self.env["uchaske.work.item"].sudo(self.users["inspector"])
        Item.action_open_my_work()
        query = Item._where_calc([("create_uid", "=", self.users["inspector"].id)])
        Item._apply_ir_rules(query, "read")
        from_clause, where_clause, params = query.get_sql()
        plan = self._plan(
            'SELECT "uchaske_work_item".id FROM %s WHERE %s ORDER BY %s LIMIT 80'
            % (from_clause, where_clause, Item._generate_order_by(None, query)
               .replace(" ORDER BY ", "")), params, bitmap=False)
        self.assertIn("uchaske_work_item_user_order", plan)
        self.assertNotIn("Sort", plan)

    def test_deadline_lines_mine_or_escalated_to_me(self):
        """My work's open deadline lines are "mine or escalated to me" (so
        is the lines' record rule): each side has its index, so that
        PostgreSQL can combine them instead of reading every line (which
        it does at national size when one side has none; on this small
        table it may rightly prefer the state's index)."""
        uid = self.users["inspector"].id
        for column in ("user_id", "escalated_user_id"):
            plan = self._plan(
                "SELECT id FROM uchaske_workflow_deadline_line WHERE %s = %%s"
                % column, (uid,))
            self.assertIn("uchaske_workflow_deadline_line_%s_index" % column, plan)

    def test_overdue_checks_from_the_index(self):
        """R12 on My work: the inspector's overdue checks (the columns My
        work reads) from the partial index of open cases alone."""
        plan = self._plan(
            "SELECT id, next_check_due, district_id FROM uchaske_registry_case"
            " WHERE state IN ('registered', 'supervised')"
            " AND next_check_due < %s AND inspector_id = %s",
            ("2026-11-11", self.users["inspector"].id), bitmap=False)
        self.assertIn("Index Only Scan using uchaske_registry_case_check_due", plan)

    def test_union_planned_without_parallel_workers(self):
        """The union of My work's candidates is planned without parallel
        workers in the statement itself (no setting changed before and
        after it: two round trips per open), even where PostgreSQL is told
        that workers cost nothing; the same statement without it is
        parallel there (issue 9: the chief's union 28-35 ms in parallel,
        12-18 ms without)."""
        from odoo.addons.uchaske_base.models.uchaske_work_item import serial_plan
        cr = self.env.cr
        for setting in ("parallel_setup_cost = 0", "parallel_tuple_cost = 0",
                        "min_parallel_table_scan_size = 0",
                        "max_parallel_workers_per_gather = 2"):
            cr.execute("SET LOCAL " + setting)
        query = "(SELECT id, state FROM uchaske_registry_case)" \
            " UNION ALL (SELECT id, state FROM uchaske_registry_transfer)"
        try:
            cr.execute("EXPLAIN " + query)
            self.assertIn("Gather", "\n".join(row[0] for row in cr.fetchall()))
            cr.execute("EXPLAIN " + serial_plan(query, "ORDER BY 1, 2"))
            self.assertNotIn("Gather", "\n".join(row[0] for row in cr.fetchall()))
            cr.execute(serial_plan(query, "ORDER BY 1, 2"))
            found = cr.fetchall()
            cr.execute(query + " ORDER BY 1, 2")
            self.assertEqual(found, cr.fetchall())
        finally:
            for setting in ("parallel_setup_cost", "parallel_tuple_cost",
                            "min_parallel_table_scan_size",
                            "max_parallel_workers_per_gather"):
                cr.execute("RESET " + setting)


class TestDayEnd(common.BaseCase):
    """The end of an item's due day, in the officer's zone, as My work
    ranks it (R12's checks, the activities' dates): the zone's offset of
    that day, whatever was computed (and cached) before."""

    def test_day_end_follows_the_zones_offset_of_the_day(self):
        from odoo.addons.uchaske_base.models.uchaske_work_item import day_end_utc
        from datetime import datetime as dt
        # Kazakhstan moved from UTC+6 to UTC+5 on 1 March 2024
        self.assertEqual(day_end_utc("Asia/Almaty", "2026-12-03"),
                         dt(2026, 12, 3, 18, 59, 59))
        self.assertEqual(day_end_utc("Asia/Almaty", date(2023, 12, 3)),
                         dt(2023, 12, 3, 17, 59, 59))
        # a zone with summer time: the day before and the day of the change
        self.assertEqual(day_end_utc("Europe/Berlin", "2026-03-28"),
                         dt(2026, 3, 28, 22, 59, 59))
        self.assertEqual(day_end_utc("Europe/Berlin", "2026-03-29"),
                         dt(2026, 3, 29, 21, 59, 59))
        # the text and the date are the same day (one cached answer each)
        self.assertEqual(day_end_utc("UTC", "2026-12-03 00:00:00"),
                         day_end_utc("UTC", date(2026, 12, 3)))
