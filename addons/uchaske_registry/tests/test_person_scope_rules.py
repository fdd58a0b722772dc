# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R7, R14, R16, R17, R24 (issue 14): the record rules of persons and of
their addresses, now answered by sub-selects (``scope_*`` search fields),
give exactly the access the one2many paths gave -- link by link, as real
users of each role."""
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError

from .common import RegistryCase

from uchaske_rules import iin


class TestPersonScopeRules(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestPersonScopeRules, cls).setUpClass()
        # a person kept by department 2, living in its district: no link
        # to department 1 until a test makes one
        cls.stranger = cls.Person.create({
            "iin": iin.make_iin(date(1979, 3, 9), "female", 4411),
            "surname": "Stranger", "first_name": "Aigul",
            "department_id": cls.dep2.id,
            "address_ids": [(0, 0, {"address": "Steppe St 4",
                                    "district_id": cls.district2.id})]})
        cls.address = cls.stranger.address_ids

    def _case(self, district):
        return self.Case.create({
            "person_id": self.stranger.id, "category_id": self.category.id,
            "district_id": district.id, "grounds": "court_decision",
            "grounds_number": "2-3301/2026", "grounds_date": "2026-10-12",
            "date_start": "2026-10-12", "date_end": "2027-10-12",
            "restrictions": "Not to leave Astana without notice",
            "obligations": "Report to the police point monthly"})

    def _sees(self, role, record=None):
        """(search finds it, its address is found) as ``role``."""
        record = record or self.stranger
        user = self.users[role]
        person = self.Person.sudo(user).search([("id", "=", record.id)])
        address = self.env["uchaske.person.address"].sudo(user).search(
            [("person_id", "=", record.id)])
        return bool(person), bool(address)

    def test_no_link_no_access(self):
        """R16: department 1 sees nothing of department 2's person; department
        2 sees it by its current district and keeping department."""
        for role in ("assistant", "inspector", "responsible", "chief"):
            self.assertEqual(self._sees(role), (False, False), role)
        for role in ("assistant2", "inspector2", "responsible2", "chief2"):
            self.assertEqual(self._sees(role), (True, True), role)

    def test_register_case_links_person_and_address(self):
        """R7, R24, R16: a case in a district of department 1 opens the person
        and the address history to that district's officers, its police point
        and its chief."""
        self._case(self.district1)
        for role in ("assistant", "inspector", "responsible", "chief"):
            self.assertEqual(self._sees(role), (True, True), role)

    def test_list_entry_links_person_only_while_active(self):
        """R17: a person on a list (A3) of a district served is readable by
        its officers -- not the address history, as before -- and no longer
        once the entry is archived."""
        entry = self.env["uchaske.noncustodial.person"].create({
            "person_id": self.stranger.id, "district_id": self.district1.id,
            "date_entered": "2026-01-15"})
        for role in ("assistant", "inspector", "responsible", "chief"):
            self.assertEqual(self._sees(role), (True, False), role)
        entry.active = False
        for role in ("assistant", "inspector", "responsible", "chief"):
            self.assertEqual(self._sees(role), (False, False), role)

    def test_transfer_department_sees_person(self):
        """R14: while a case is transferred to department 1, its responsible
        inspectors and chief read the person; its assistants do not."""
        case = self._case(self.district2)
        self.env.cr.execute(
            "UPDATE uchaske_registry_case SET transfer_department_id = %s "
            "WHERE id = %s", (self.dep1.id, case.id))
        case.invalidate_cache()
        self.assertEqual(self._sees("responsible")[0], True)
        self.assertEqual(self._sees("chief")[0], True)
        self.assertEqual(self._sees("assistant")[0], False)

    def test_transfer_destination_sees_person_not_others(self):
        """R14, R15, R16, R24: once department 2 records a registered
        person's move to department 1, department 1's responsible inspector
        and chief open, find and search that person -- as real users, by
        the one sub-select their person rules make together (issue 14) --
        and still not another person of department 2; department 2 keeps
        both."""
        other = self.Person.create({
            "iin": iin.make_iin(date(1981, 6, 2), "male", 4412),
            "surname": "Stranger", "first_name": "Marat",
            "department_id": self.dep2.id,
            "address_ids": [(0, 0, {"address": "Steppe St 6",
                                    "district_id": self.district2.id})]})
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case(
                "inspector2", person_id=self.stranger.id,
                district_id=self.district2.id)
        with freeze_time("2026-11-11 09:00:00"):
            self.env["uchaske.registry.transfer"].sudo(
                self.users["inspector2"]).create({
                    "case_id": case.id, "move_date": "2026-11-10 14:00:00",
                    "new_address": "Astana, Kabanbay batyr 40",
                    "destination_department_id": self.dep1.id,
                    "destination_district_id": self.district1.id})
        self.assertEqual(case.transfer_department_id, self.dep1)
        for role in ("responsible", "chief", "responsible2", "chief2"):
            persons = self.Person.sudo(self.users[role])
            persons.browse(self.stranger.id).check_access_rule("read")
            self.assertEqual(persons.browse(self.stranger.id).name,
                             "Stranger Aigul")
            found = persons.name_search("Stranger", limit=8)
            listed = persons.search([("surname", "=", "Stranger")])
            if role.endswith("2"):
                self.assertEqual(listed, self.stranger | other, role)
                self.assertEqual(len(found), 2, role)
                continue
            self.assertEqual(listed, self.stranger, role)
            self.assertEqual([name for _id, name in found], ["Stranger Aigul"])
            with self.assertRaises(AccessError):
                persons.browse(other.id).check_access_rule("read")
            # one condition, no OR: PostgreSQL probes it for the rows checked
            clauses = self.env["ir.rule"].sudo(
                self.users[role]).domain_get(self.Person._name)[0]
            self.assertEqual(len(clauses), 1, role)
            self.assertNotIn(" OR ", clauses[0], role)
        # the assistant is no destination officer (R14): he sees neither
        self.assertEqual(self._sees("assistant"), (False, False))
        self.assertFalse(self._sees("assistant", other)[0])

    def test_merged_rules_same_rows_as_or(self):
        """Issue 14: the rules of a user's groups merged into one sub-select
        give exactly the rows of Odoo's OR of them, for every role, persons
        and addresses alike (R2.3, R6, R14, R16, R17, R24)."""
        self._case(self.district1)
        self.env["uchaske.noncustodial.person"].create({
            "person_id": self.person.id, "district_id": self.district2.id,
            "date_entered": "2026-01-15"})
        for model in ("uchaske.person", "uchaske.person.address"):
            for role in ("assistant", "inspector", "responsible", "chief",
                         "assistant2", "inspector2", "responsible2", "chief2"):
                records = self.env[model].sudo(self.users[role])
                merged = records.search([])
                separate = records.with_context(
                    rule_merge_subselects=False).search([])
                self.assertTrue(merged, (model, role))
                self.assertEqual(merged, separate, (model, role))

    def test_person_recorded_by_the_assistant(self):
        """R7: an assistant reads the persons they recorded, with their
        addresses, before any case links them; another assistant does not."""
        person = self.Person.sudo(self.users["assistant"]).create({
            "surname": "Newcomer", "first_name": "Dias",
            "department_id": self.dep1.id,
            "address_ids": [(0, 0, {"address": "Far away 1"})]})
        self.assertEqual(self._sees("assistant", person), (True, True))
        self.assertEqual(self._sees("assistant2", person), (False, False))

    def test_current_address_stored_whoever_adds_it(self):
        """The current address is the person's, not the reader's: an officer
        adding an address sets it (computed as the engine, issue 14)."""
        self._case(self.district1)
        self.stranger.sudo(self.users["inspector"]).write({"address_ids": [
            (0, 0, {"address": "Kabanbay batyr 2", "district_id": self.district1.id,
                    "date_from": "2026-11-01"})]})
        self.assertEqual(self.stranger.address, "Kabanbay batyr 2")
        self.assertEqual(self.stranger.district_id, self.district1)
