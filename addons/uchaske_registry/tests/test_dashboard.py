# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 13, dashboards: the figures the responsible inspector and the
district chief read (cases by category, district and state; overdue
deadlines by requirement and officer; open transfers by age, R14; firearm
owners' checks, R22.10; foreigners' stays, A4), read as real users of each
role, scoped by the record rules and journaled (R15)."""
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.tests import common

from uchaske_rules import daily_work, dashboard
from uchaske_rules import iin as iin_core

from .common import RegistryCase

TODAY = "2026-12-01 10:00:00"
DASHBOARD_ACTIONS = (
    "uchaske_registry.uchaske_registry_case_action_dashboard",
    "uchaske_registry.uchaske_workflow_deadline_line_action_dashboard",
    "uchaske_registry.uchaske_registry_transfer_action_dashboard",
    "uchaske_registry.uchaske_firearm_owner_action_dashboard",
    "uchaske_registry.uchaske_foreigner_action_dashboard",
)


def counts(groups, *keys):
    """{(value of each key, ids of many2one reduced): count} of read_group."""
    result = {}
    for group in groups:
        values = tuple(group[key][0] if isinstance(group[key], (list, tuple))
                       else group[key] for key in keys)
        count_key = [k for k in group if k.endswith("_count")][0]
        result[values] = group[count_key]
    return result


@common.at_install(False)
@common.post_install(True)
class TestDashboard(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestDashboard, cls).setUpClass()
        with freeze_time(TODAY):
            cls._build()

    @classmethod
    def _person(cls, surname, serial, department, **vals):
        birth = date(1980, 1, 1 + serial % 28)
        return cls.env["uchaske.person"].create(dict(
            vals, surname=surname, first_name="Test", birth_date=birth.isoformat(),
            iin=iin_core.make_iin(birth, "male", 3000 + serial), sex="male",
            department_id=department.id))

    @classmethod
    def _case(cls, inspector, district, serial, department, register=True):
        person = cls._person("Case%d" % serial, serial, department, address_ids=[
            (0, 0, {"address": "Street %d" % serial, "district_id": district.id,
                    "date_from": "2025-01-01"})])
        values = {"person_id": person.id, "category_id": cls.category.id,
                  "district_id": district.id, "grounds": "court_decision",
                  "grounds_number": "2-%d/2026" % serial,
                  "grounds_date": "2026-10-12", "date_start": "2026-10-12",
                  "date_end": "2027-10-12"}
        case = cls.Case.sudo(cls.users[inspector]).create(values)
        if register:
            case.sudo(cls.users[inspector]).wf_apply("register", {
                "legal_basis": "Court decision", "document_number": "2-1",
                "document_date": "2026-10-12"})
        return case

    @classmethod
    def _build(cls):
        # cases: department 1 (district1: 2 registered + 1 draft; district1b:
        # 1 registered), department 2 (district2: 1 registered)
        cls.case_a = cls._case("inspector", cls.district1, 1, cls.dep1)
        cls.case_b = cls._case("inspector", cls.district1, 2, cls.dep1)
        cls.case_draft = cls._case("inspector", cls.district1, 3, cls.dep1,
                                   register=False)
        cls.case_nb = cls._case("neighbour", cls.district1b, 4, cls.dep1)
        cls.case_2 = cls._case("inspector2", cls.district2, 5, cls.dep2)
        # transfers: case_a moved 2 days ago, case_b 20 days ago (to dep 2);
        # department 2's case moved 40 days ago to a body outside the system
        Transfer = cls.env["uchaske.registry.transfer"]
        cls.transfer_a = Transfer.sudo(cls.users["inspector"]).create({
            "case_id": cls.case_a.id, "move_date": "2026-11-29 08:00:00",
            "new_address": "Kosshy, Abai 3",
            "destination_department_id": cls.dep2.id,
            "destination_district_id": cls.district2.id}).sudo()
        cls.transfer_b = Transfer.sudo(cls.users["inspector"]).create({
            "case_id": cls.case_b.id, "move_date": "2026-11-11 08:00:00",
            "new_address": "Kosshy, Abai 5",
            "destination_department_id": cls.dep2.id,
            "destination_district_id": cls.district2.id}).sudo()
        cls.transfer_2 = Transfer.sudo(cls.users["inspector2"]).create({
            "case_id": cls.case_2.id, "move_date": "2026-10-22 08:00:00",
            "new_address": "Almaty", "destination_external": True,
            "destination_external_name": "Almaty police"}).sudo()
        # deadlines besides the transfers' own R14 lines (due 3 days after
        # each move: transfer_b's and transfer_2's are overdue, transfer_a's not)
        Line = cls.env["uchaske.workflow.deadline.line"]
        line = {"res_model": cls.Case._name, "date_start": "2026-11-01 00:00:00",
                "department_id": cls.dep1.id, "post_id": cls.post1.id,
                "rule_id": cls.transfer_a.wf_deadline_ids[:1].rule_id.id}
        Line.create(dict(line, requirement_ref="R12", res_id=cls.case_a.id,
                         district_id=cls.district1.id,
                         user_id=cls.users["inspector"].id,
                         date_due="2026-11-20 00:00:00"))
        Line.create(dict(line, requirement_ref="R12", res_id=cls.case_nb.id,
                         district_id=cls.district1b.id,
                         user_id=cls.users["neighbour"].id,
                         date_due="2026-11-25 00:00:00"))
        Line.create(dict(line, requirement_ref="R12", res_id=cls.case_nb.id,
                         district_id=cls.district1b.id,
                         user_id=cls.users["neighbour"].id,
                         date_due="2026-11-25 00:00:00", state="done"))
        # firearm owners (R22.10): overdue, due within 30 days, checked,
        # seized in department 1; overdue in department 2
        Owner = cls.env["uchaske.firearm.owner"]
        owner = {"district_id": cls.district1.id}
        cls.owner_overdue = Owner.create(dict(
            owner, person_id=cls._person("Owner", 11, cls.dep1).id,
            weapon_number="D-1", permit_issued_on="2024-01-10"))
        cls.owner_due = Owner.create(dict(
            owner, person_id=cls._person("Owner", 12, cls.dep1).id,
            weapon_number="D-2", last_check_date="2025-12-15"))
        cls.owner_ok = Owner.create(dict(
            owner, person_id=cls._person("Owner", 13, cls.dep1).id,
            weapon_number="D-3", last_check_date="2026-06-01"))
        cls.owner_seized = Owner.create(dict(
            owner, person_id=cls._person("Owner", 14, cls.dep1).id,
            weapon_number="D-4", permit_issued_on="2024-01-10",
            seized_date="2026-05-01", seizure_kind="seized"))
        cls.owner_2 = Owner.create({
            "district_id": cls.district2.id, "weapon_number": "D-5",
            "person_id": cls._person("Owner", 15, cls.dep2).id,
            "permit_issued_on": "2024-01-10"})
        # foreigners (A4, 30 days' warning): expired, expiring, valid,
        # open-ended in department 1; expiring in department 2
        Foreigner = cls.env["uchaske.foreigner"]
        uz = cls.env.ref("base.uz").id

        def guest(serial, department, district, until):
            return Foreigner.create({
                "person_id": cls._person("Guest", serial, department,
                                         citizenship_id=uz).id,
                "district_id": district.id, "passport_number": "FA%d" % serial,
                "stay_permitted_from": "2026-01-01" if until else False,
                "stay_permitted_until": until,
                "residence_status": "temporary" if until else "permanent"})
        cls.guest_expired = guest(21, cls.dep1, cls.district1, "2026-11-20")
        cls.guest_expiring = guest(22, cls.dep1, cls.district1, "2026-12-20")
        cls.guest_valid = guest(23, cls.dep1, cls.district1, "2027-06-01")
        cls.guest_open = guest(24, cls.dep1, cls.district1, False)
        cls.guest_2 = guest(25, cls.dep2, cls.district2, "2026-12-10")

    def _read_group(self, key, model, domain, groupby):
        with freeze_time(TODAY):
            return counts(self.env[model].sudo(self.users[key]).read_group(
                domain, list(groupby), groupby, lazy=False), *groupby)

    def test_cases_by_category_district_and_state(self):
        """Issue 13: cases by category, district and state; the chief sees
        his department, the responsible inspector his police point, the
        inspector (who has no dashboard) no more than his districts."""
        model, cat = "uchaske.registry.case", self.category.id
        chief = self._read_group(model=model, key="chief", domain=[],
                                 groupby=["category_id", "district_id", "state"])
        self.assertEqual(chief, {
            (cat, self.district1.id, "transfer"): 2,
            (cat, self.district1.id, "draft"): 1,
            (cat, self.district1b.id, "registered"): 1})
        self.assertEqual(self._read_group(
            model=model, key="responsible", domain=[],
            groupby=["category_id", "district_id", "state"]), chief)
        # the action's default filter: registered this year
        self.assertEqual(self._read_group(
            model=model, key="chief",
            domain=[("registered_on", ">=", "2026-01-01")], groupby=["state"]),
            {("transfer",): 2, ("registered",): 1})
        # department 2 sees its case, and department 1's cases moving to it
        # while their transfer is open (R14), nothing else of department 1
        self.assertEqual(self._read_group(
            model=model, key="chief2", domain=[], groupby=["district_id", "state"]),
            {(self.district2.id, "transfer"): 1, (self.district1.id, "transfer"): 2})
        self.assertEqual(self._read_group(
            model=model, key="inspector", domain=[], groupby=["state"]),
            {("transfer",): 2, ("draft",): 1})

    def test_overdue_deadlines_by_requirement_and_officer(self):
        """Issue 13: overdue deadlines by kind (requirement) and officer; a
        met deadline and one not yet due are not counted; department 2's
        overdue R14 line is not in department 1's figures."""
        model = "uchaske.workflow.deadline.line"
        groupby = ["requirement_ref", "user_id"]
        inspector, neighbour = self.users["inspector"], self.users["neighbour"]
        expected = {("R14", inspector.id): 1, ("R12", inspector.id): 1,
                    ("R12", neighbour.id): 1}
        for key in ("chief", "responsible"):
            self.assertEqual(self._read_group(
                model=model, key=key, domain=[("overdue", "=", True)],
                groupby=groupby), expected)
        self.assertEqual(self._read_group(
            model=model, key="chief2", domain=[("overdue", "=", True)],
            groupby=groupby), {("R14", self.users["inspector2"].id): 1})

    def test_open_transfers_by_age(self):
        """Issue 13, R14: open transfers by days since the move (the request
        is due within 3 days); department 1's chief does not see department
        2's transfer to a body outside the system."""
        model = "uchaske.registry.transfer"
        domain = [("state", "in", ["draft", "requested", "confirmed"])]
        chief = self._read_group(model=model, key="chief", domain=domain,
                                 groupby=["district_id", "age_bucket"])
        self.assertEqual(chief, {(self.district1.id, "d3"): 1,
                                 (self.district1.id, "d30"): 1})
        self.assertEqual(self._read_group(
            model=model, key="responsible", domain=domain,
            groupby=["district_id", "age_bucket"]), chief)
        # department 2 sees its own (the transfers coming to it appear once
        # the request is sent, R14; these are still drafts)
        self.assertEqual(self._read_group(
            model=model, key="chief2", domain=domain, groupby=["age_bucket"]),
            {("older",): 1})

    def test_firearm_checks_due_and_overdue(self):
        """Issue 13, R22.10: firearm owners by the state of the annual check."""
        model = "uchaske.firearm.owner"
        expected = {(self.district1.id, "overdue"): 1,
                    (self.district1.id, "due"): 1, (self.district1.id, "ok"): 1,
                    (self.district1.id, "off"): 1}
        for key in ("chief", "responsible"):
            self.assertEqual(self._read_group(
                model=model, key=key, domain=[],
                groupby=["district_id", "check_state"]), expected)
        self.assertEqual(self._read_group(
            model=model, key="chief2", domain=[], groupby=["check_state"]),
            {("overdue",): 1})

    def test_foreigners_stays_expiring(self):
        """Issue 13, A4: foreigners by the end of the permitted stay."""
        model = "uchaske.foreigner"
        expected = {(self.district1.id, "expired"): 1,
                    (self.district1.id, "expiring"): 1,
                    (self.district1.id, "valid"): 1,
                    (self.district1.id, "open"): 1}
        for key in ("chief", "responsible"):
            self.assertEqual(self._read_group(
                model=model, key=key, domain=[],
                groupby=["district_id", "stay_state"]), expected)
        self.assertEqual(self._read_group(
            model=model, key="chief2", domain=[], groupby=["stay_state"]),
            {("expiring",): 1})

    def test_daily_refresh_moves_buckets_like_the_rules(self):
        """Issue 13: the daily job's one UPDATE per table gives every row the
        bucket the pure rules give for that day (R14, R22.10, A4)."""
        day = "2027-01-05"
        today = fields.Date.from_string(day)
        Bucket = self.env["uchaske.dashboard.bucket.mixin"]
        Bucket._cron_dashboard_refresh(today=day)
        self.assertEqual(self.transfer_a.age_bucket, "older")
        self.assertEqual(self.owner_due.check_state, "overdue")
        self.assertEqual(self.guest_expiring.stay_state, "expired")
        for transfer in self.env["uchaske.registry.transfer"].search([]):
            self.assertEqual(transfer.age_bucket, dashboard.transfer_age_bucket(
                daily_work.to_local(
                    fields.Datetime.from_string(transfer.move_date),
                    transfer.department_id.tz), today))
        for owner in self.env["uchaske.firearm.owner"].with_context(
                active_test=False).search([]):
            self.assertEqual(owner.check_state, dashboard.firearm_check_state(
                fields.Date.from_string(owner.next_check_due), today,
                bool(owner.active and not owner.seized_date)))
        warn_days = self.env["uchaske.foreigner"]._warn_days()
        for guest in self.env["uchaske.foreigner"].search([]):
            self.assertEqual(guest.stay_state, dashboard.stay_state(
                fields.Date.from_string(guest.stay_permitted_until), today,
                warn_days))
        # nothing left to change the same day
        self.assertEqual(self.env["uchaske.firearm.owner"]._dashboard_refresh(day), 0)

    def test_transfer_age_counts_the_departments_days(self):
        """R14, issue 13: a move at 01:00 in Kazakhstan (20:00 UTC the day
        before) is on the local day: three days old on the third local day
        after it, in the stored bucket and in the daily job's UPDATE."""
        transfer = self.transfer_a
        self.assertEqual(transfer.department_id.tz, "Asia/Almaty")
        with freeze_time("2027-01-05 06:00:00"):  # 11:00 on 5 January there
            transfer.sudo().write({"move_date": "2027-01-01 20:00:00"})
            self.assertEqual(transfer.age_bucket, "d3")
            self.env["uchaske.registry.transfer"]._dashboard_refresh("2027-01-06")
            transfer.invalidate_cache()
            self.assertEqual(transfer.age_bucket, "d10")
            self.env["uchaske.registry.transfer"]._dashboard_refresh("2027-01-05")
            transfer.invalidate_cache()
            self.assertEqual(transfer.age_bucket, "d3")

    def test_menus_only_for_responsible_and_chief(self):
        """Issue 13: the dashboards' menu loads for the responsible inspector
        and the chief, not for the assistant or the inspector."""
        menu = self.env.ref("uchaske_base.uchaske_dashboard_menu")
        leaves = [self.env.ref(xmlid.replace("_action_", "_") .replace(
            "_dashboard", "_dashboard_menu")) for xmlid in DASHBOARD_ACTIONS]
        for key, visible in (("assistant", False), ("inspector", False),
                             ("responsible", True), ("chief", True)):
            loaded = self.env["ir.ui.menu"].sudo(self.users[key]).load_menus(False)
            ids = set(loaded["all_menu_ids"])
            self.assertEqual(menu.id in ids, visible, key)
            for leaf in leaves:
                self.assertEqual(leaf.id in ids, visible, (key, leaf))
        groups = {self.env.ref("uchaske_base.group_responsible_inspector"),
                  self.env.ref("uchaske_base.group_district_chief")}
        for xmlid in DASHBOARD_ACTIONS:
            self.assertEqual(set(self.env.ref(xmlid).groups_id), groups, xmlid)

    def test_number_opens_journaled_records(self):
        """Issue 13, R15: the pivot's figure and the records behind a cell
        (the cell's domain searched as the list does) are journaled reads of
        the register."""
        chief = self.users["chief"]
        Log = self.env["uchaske.access.log"]
        before = Log.search_count([("user_id", "=", chief.id)])
        Case = self.Case.sudo(chief)
        with freeze_time(TODAY):
            groups = Case.read_group([], ["state"], ["state"])
            cell = [g for g in groups if g["state"] == "transfer"][0]
            rows = Case.search_read(cell["__domain"], ["name"])
        self.assertEqual({row["id"] for row in rows},
                         {self.case_a.id, self.case_b.id})
        entries = Log.search([("user_id", "=", chief.id)], order="id")[before:]
        self.assertEqual([(e.operation, e.res_model, e.record_count)
                          for e in entries],
                         [("search", self.Case._name, 4),
                          ("search", self.Case._name, 2)])
