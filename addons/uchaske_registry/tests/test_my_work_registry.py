# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
""""My work" as the officer's day (issue 7 §2, issue 9 item 7), opened as
real users of each role with the clock pinned: overdue first, then today,
this week, later, "you may act"; the lists' alerts (A2, R22.10) and the
supervision checks (R12) in it; the person and the district on each row;
supervisors see their own decisions and their officers' overdue counts
(R16, R24), not every officer's routine work; nothing is cut at 500; only
what the user may fire is offered."""
from datetime import date

from freezegun import freeze_time

from odoo.tests import common

from uchaske_rules import iin
from .common import RegistryCase

#: a Wednesday: this week runs to Sunday 15 November
NOW = "2026-11-11 10:00:00"


@common.at_install(False)
@common.post_install(True)
class TestMyWorkRegistry(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestMyWorkRegistry, cls).setUpClass()
        cls.Item = cls.env["uchaske.work.item"]
        cls._serial = 0

    def _person(self, surname="Person", district=None):
        # living in the district of the case: its officers may read the person
        type(self)._serial += 1
        return self.Person.create({
            "iin": iin.make_iin(date(1970, 1, 1 + self._serial % 28), "male",
                                3000 + self._serial),
            "surname": "%s%d" % (surname, self._serial), "first_name": "Test",
            "department_id": self.dep1.id,
            "address_ids": [(0, 0, {"address": "Test street",
                                    "district_id": (district or self.district1).id})]})

    def _my_work(self, key, **context):
        Item = self.Item.sudo(self.users[key]).with_context(**context)
        return Item.search(Item.action_open_my_work()["domain"])

    def _activity(self, record, key, summary, day):
        return record.sudo()._uchaske_schedule_activity(
            self.users[key], summary, day)

    # -- the day, in order ------------------------------------------------

    def test_rows_come_overdue_today_week_later_then_act(self):
        """Issue 7 §2: overdue first, then due today, this week, later, then
        the records the inspector may act on; each row says what, who,
        where, when and which clause."""
        with freeze_time(NOW):
            case = self._registered_case()
            self._activity(case, "inspector", "R12: check overdue", "2026-11-10")
            self._activity(case, "inspector", "R11: term ends today", "2026-11-11")
            self._activity(case, "inspector", "R12: check this week", "2026-11-15")
            self._activity(case, "inspector", "R11: term ends later", "2026-11-16")
            draft = self._new_case(person=self._person())
            items = self._my_work("inspector")
        urgencies = items.mapped("urgency")
        order = ["overdue", "today", "week", "later", "act"]
        self.assertEqual(urgencies, sorted(urgencies, key=order.index))
        by_name = {item.name: item for item in items}
        self.assertEqual(by_name["R12: check overdue"].urgency, "overdue")
        self.assertTrue(by_name["R12: check overdue"].overdue)
        self.assertEqual(by_name["R11: term ends today"].urgency, "today")
        self.assertEqual(by_name["R12: check this week"].urgency, "week")
        self.assertEqual(by_name["R11: term ends later"].urgency, "later")
        overdue = by_name["R12: check overdue"]
        self.assertEqual(overdue.requirement_ref, "R12")
        self.assertEqual(overdue.person_name, self.person.name)
        self.assertEqual(overdue.district_name, self.district1.display_name)
        self.assertEqual(overdue.date_due, "2026-11-10 23:59:59")
        self.assertIn(case.name, overdue.document)
        # named as the case names itself (R11), in one statement (issue 9)
        self.assertEqual(overdue.record_name, case.sudo().name_get()[0][1])
        self.assertEqual(overdue.document, "%s %s" % (
            overdue.model_name, overdue.record_name))
        act = items.filtered(lambda i: i.res_id == draft.id)
        self.assertEqual(act.urgency, "act")
        self.assertIn("Register", act.actions)
        self.assertEqual(act.requirement_ref, "R2.3")
        self.assertEqual(act.person_name, draft.person_id.name)
        # the list opens flat, in that order (not grouped, not folded)
        action = self.Item.sudo(self.users["inspector"]).action_open_my_work()
        self.assertFalse(action["context"].get("group_by"))
        self.assertFalse([key for key in action["context"]
                          if key.startswith("search_default_group")])
        self.assertEqual(action["views"][0][1], "tree")

    def test_clock_is_injected(self):
        """The same activity is "later" or overdue by the injected clock."""
        with freeze_time(NOW):
            case = self._registered_case()
            self._activity(case, "inspector", "R12: probe", "2026-11-20")
        later = self._my_work("inspector", uchaske_now="2026-11-11 10:00:00")
        self.assertEqual(later.filtered(
            lambda i: i.name == "R12: probe").urgency, "later")
        overdue = self._my_work("inspector", uchaske_now="2026-11-21 10:00:00")
        self.assertEqual(overdue.filtered(
            lambda i: i.name == "R12: probe").urgency, "overdue")

    # -- Appendix 2 alerts ---------------------------------------------------

    def test_a2_overdue_annual_check_is_in_the_inspectors_overdue(self):
        """R22.10, A2: the owner whose annual check is overdue shows in the
        district inspector's My work under Overdue, with the owner's name,
        the district and the clause; the Overdue filter finds it."""
        with freeze_time("2026-06-15 09:00:00"):
            owner = self.env["uchaske.firearm.owner"].sudo(
                self.users["inspector"]).create({
                    "person_id": self.person.id, "district_id": self.district1.id,
                    "weapon_make": "IZh-27", "weapon_number": "MW-1",
                    "permit_issued_on": "2024-03-01"})
            self.env["uchaske.firearm.owner"]._cron_check_overdue()
            items = self._my_work("inspector")
            overdue = items.search([("id", "in", items.ids),
                                    ("urgency", "=", "overdue")])
        row = overdue.filtered(lambda i: i.res_model == owner._name)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.res_id, owner.id)
        self.assertEqual(row.requirement_ref, "R22.10")
        self.assertEqual(row.person_name, self.person.name)
        self.assertEqual(row.district_name, self.district1.display_name)
        self.assertEqual(row.date_due, "2025-03-01 23:59:59")
        # not the neighbour's: the alert is the district's inspector's
        self.assertFalse(self._my_work("neighbour").filtered(
            lambda i: i.res_model == owner._name))

    def test_deadline_and_its_activity_make_one_row(self):
        """A deadline line (R14) and the activity it opened are one thing:
        one row, with the actions the user may fire on the record."""
        with freeze_time(NOW):
            case = self._registered_case()
            transfer = self.env["uchaske.registry.transfer"].sudo(
                self.users["inspector"]).create({
                    "case_id": case.id, "move_date": "2026-11-10 09:00:00",
                    "new_address": "Abay 1",
                    "destination_department_id": self.dep2.id,
                    "destination_district_id": self.district2.id})
            items = self._my_work("inspector").filtered(
                lambda i: i.res_model == transfer._name and i.res_id == transfer.id)
        lines = self.env["uchaske.workflow.deadline.line"].search([
            ("res_model", "=", transfer._name), ("res_id", "=", transfer.id),
            ("state", "=", "open")])
        self.assertTrue(lines.activity_id)
        self.assertEqual(len(items), len(lines))
        self.assertEqual(items.kind, "deadline")
        self.assertEqual(items.requirement_ref, "R14")
        self.assertEqual(items.person_name, self.person.name)

    def test_what_to_do_first_only_on_rows_to_act_on(self):
        """Issue 9 item 7: "To do first" is for the rows listed because the
        user may act; a supervision check's row (R12) of a case in transfer
        (R14) says nothing: returning it to supervision waits on the
        destination, no task of the inspector's."""
        with freeze_time(NOW):
            case = self._registered_case()
            self._activity(case, "inspector", "R12: check", "2026-11-10")
            self.env["uchaske.registry.transfer"].sudo(
                self.users["inspector"]).create({
                    "case_id": case.id, "move_date": "2026-11-10 09:00:00",
                    "new_address": "Abay 1",
                    "destination_department_id": self.dep2.id,
                    "destination_district_id": self.district2.id})
            self.assertEqual(case.state, "transfer")
            rows = self._my_work("inspector").filtered(
                lambda i: i.res_model == case._name and i.res_id == case.id)
        self.assertTrue(rows)
        self.assertEqual(set(rows.mapped("kind")), {"activity"})
        self.assertEqual([(row.actions, row.hint) for row in rows],
                         [(False, False)] * len(rows))

    # -- supervisors -------------------------------------------------------

    def test_chief_sees_own_decisions_and_officers_overdue_counts(self):
        """R16, R24: the chief and the responsible inspector see the closing
        requests they decide and one row per officer counting the officer's
        overdue items, openable; not the officers' routine work."""
        with freeze_time(NOW):
            draft = self._new_case(person=self._person())
            closing = self._registered_case(person=self._person())
            inspector = closing.sudo(self.users["inspector"])
            inspector.write({"close_reason": "term_expired"})
            inspector.wf_apply("request_close", {"comment": "term over",
                                                 "legal_basis": "Art. 10"})
            self._activity(draft, "inspector", "R12: late one", "2026-11-01")
            self._activity(draft, "inspector", "R12: late two", "2026-11-02")
            self._activity(draft, "inspector", "R12: not late", "2026-11-20")
            for key in ("chief", "responsible"):
                items = self._my_work(key)
                self.assertNotIn(draft.id, items.filtered(
                    lambda i: i.res_model == draft._name).mapped("res_id"),
                    "%s got the inspector's routine draft" % key)
                decision = items.filtered(lambda i: i.res_id == closing.id
                                          and i.res_model == closing._name)
                self.assertEqual(decision.urgency, "act")
                self.assertIn("Approve closing", decision.actions)
                team = items.filtered(lambda i: i.kind == "team"
                                      and i.officer_id == self.users["inspector"])
                self.assertEqual(team.item_count, 2)
                self.assertEqual(team.urgency, "overdue")
                self.assertIn(self.users["inspector"].name, team.name)
                action = team.action_open_record()
                self.assertEqual(action["res_model"], "mail.activity")
                opened = self.env["mail.activity"].sudo(
                    self.users[key]).search(action["domain"])
                self.assertEqual(sorted(opened.mapped("summary")),
                                 ["R12: late one", "R12: late two"])
            # the other department's chief sees none of it
            items = self._my_work("chief2")
            self.assertFalse(items.filtered(lambda i: i.kind == "team"))
            self.assertNotIn(closing.id, items.mapped("res_id"))
            # the inspector is no supervisor: no team rows
            self.assertFalse(self._my_work("inspector").filtered(
                lambda i: i.kind == "team"))

    # -- scale ---------------------------------------------------------------

    def test_more_than_500_open_cases_all_listed_and_paginated(self):
        """Issue 9 item 7: nothing is cut at 500; the list pages through
        every case the inspector may register."""
        Case = self.Case.with_context(tracking_disable=True)
        drafts = Case.browse()
        for _serial in range(510):
            drafts |= Case.create({
                "person_id": self._person("Bulk").id,
                "category_id": self.category.id,
                "district_id": self.district1.id})
        Item = self.Item.sudo(self.users["inspector"])
        domain = Item.action_open_my_work()["domain"]
        acts = Item.search(domain + [("urgency", "=", "act")])
        self.assertEqual(set(drafts.ids) - set(acts.mapped("res_id")), set())
        self.assertGreaterEqual(Item.search_count(domain), 510)
        pages = [Item.search(domain, limit=80, offset=offset)
                 for offset in range(0, Item.search_count(domain), 80)]
        self.assertEqual(sum(len(page) for page in pages), Item.search_count(domain))
        self.assertEqual(len(set().union(*[page.ids for page in pages])),
                         Item.search_count(domain))

    # -- only what the user may fire ----------------------------------------

    def test_only_fireable_actions_are_offered(self):
        """Each offered action passes every guard of the engine (groups,
        guard method, maker-checker R16) for that user: the list agrees
        with the form's buttons; the assistant is offered no Register."""
        with freeze_time(NOW):
            registered = self._registered_case(person=self._person())
            draft = self._new_case(person=self._person())
            mine = self._registered_case("neighbour",
                                         person=self._person(district=self.district1b),
                                         district_id=self.district1b.id)
            responsible = mine.sudo(self.users["responsible"])
            responsible.write({"close_reason": "court_decision"})
            responsible.wf_apply("request_close", {"comment": "c",
                                                   "legal_basis": "b"})
            for key in ("assistant", "inspector", "neighbour", "responsible",
                        "chief", "inspector2"):
                items = self._my_work(key)
                for item in items.filtered("actions"):
                    record = self.env[item.res_model].sudo(
                        self.users[key]).browse(item.res_id)
                    self.assertEqual(
                        item.actions,
                        ", ".join(record._wf_available_transitions().mapped("name")),
                        "%s: %s" % (key, item.document))
            inspector = self._my_work("inspector")
            row = inspector.filtered(lambda i: i.res_id == registered.id
                                     and i.res_model == registered._name)
            # R14: no move recorded, so no "Record a move" (guard method)
            self.assertNotIn("Record a move", " ".join(row.mapped("actions")))
            assistant = self._my_work("assistant")
            self.assertNotIn(draft.id, assistant.filtered(
                lambda i: i.urgency == "act").mapped("res_id"))
            # R16: the responsible who asked is not offered the approval

            def offered(key):
                return " ".join(self._my_work(key).filtered(
                    lambda i: i.res_model == mine._name
                    and i.res_id == mine.id).mapped("actions"))
            self.assertNotIn("Approve closing", offered("responsible"))
            self.assertIn("Approve closing", offered("chief"))

    # -- cost ----------------------------------------------------------------

    def _build_queries(self, key):
        Item = self.Item.sudo(self.users[key])
        Item.invalidate_cache()
        before = self.cr.sql_log_count
        Item._build()
        return self.cr.sql_log_count - before

    def test_queries_do_not_grow_with_the_records(self):
        """Issue 9 item 7, issue 14: one query per source, not one per
        record: 30 more cases (drafts and registered ones with their
        activities) cost the inspector's My work no more queries."""
        with freeze_time(NOW):
            for _serial in range(3):
                self._new_case(person=self._person())
                self._registered_case(person=self._person())
            self._build_queries("inspector")  # warm the caches
            # both builds measured have new rows to store (an unchanged
            # build stores nothing: uchaske.work.item.build)
            self._new_case(person=self._person())
            few = self._build_queries("inspector")
            for _serial in range(15):
                self._new_case(person=self._person())
                self._registered_case(person=self._person())
            many = self._build_queries("inspector")
        self.assertLessEqual(many, few + 2, "%s queries, %s before" % (many, few))

    def test_workflow_lookup_is_cached(self):
        """The workflow of a model is looked up once, again after a change."""
        Workflow = self.env["uchaske.workflow"]
        workflow = Workflow._get_for_model("uchaske.registry.case")
        before = self.cr.sql_log_count
        self.assertEqual(Workflow._get_for_model("uchaske.registry.case"), workflow)
        self.assertEqual(self.cr.sql_log_count, before)
        workflow.write({"description": "changed"})
        before = self.cr.sql_log_count
        self.assertEqual(Workflow._get_for_model("uchaske.registry.case"), workflow)
        self.assertGreater(self.cr.sql_log_count, before)
