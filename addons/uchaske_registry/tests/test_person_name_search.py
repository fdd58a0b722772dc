# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R11, R15, R16 (issue 14): a police user finds a person by the start of
the surname (those whose name starts with the text first, then those whose
name contains it) or by the start of the IIN, only among the persons the
record rules let them read."""
from datetime import date
from unittest import mock

from odoo.tests import common

from .common import RegistryCase

from uchaske_rules import iin


@common.at_install(False)
@common.post_install(True)
class TestPersonNameSearch(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestPersonNameSearch, cls).setUpClass()
        cls.found = {}
        for serial, surname, department, district in (
                (3101, "Ermekova", cls.dep1, cls.district1),
                (3102, "Ermekov", cls.dep1, cls.district1),
                (3103, "Zhanermekov", cls.dep1, cls.district1),
                (3104, "ERMEKOVA", cls.dep1, cls.district1),
                (3105, "Ermekov", cls.dep2, cls.district2)):
            cls.found[serial] = cls.Person.create({
                "iin": iin.make_iin(date(1990, 5, 5), "male", serial),
                "surname": surname, "first_name": "Test%d" % serial,
                "department_id": department.id,
                "address_ids": [(0, 0, {"address": "Search St %d" % serial,
                                        "district_id": district.id})]})

    def _names(self, text, role="inspector", limit=8):
        return [name for _id, name in self.Person.sudo(
            self.users[role]).name_search(text, limit=limit)]

    def test_prefix_first_then_contains(self):
        """R11: the names starting with the text (any case) come first, in
        name order, then those containing it; the limit holds."""
        self.assertEqual(self._names("ermek"), [
            "Ermekov Test3102", "Ermekova Test3101", "ERMEKOVA Test3104",
            "Zhanermekov Test3103"])
        self.assertEqual(self._names("ermek", limit=2),
                         ["Ermekov Test3102", "Ermekova Test3101"])
        self.assertEqual(self._names("anermek"), ["Zhanermekov Test3103"])
        self.assertEqual(self._names("Ermekov T"), [
            "Ermekov Test3102", "Zhanermekov Test3103"])

    def test_iin_prefix(self):
        """R11: digits find the persons whose IIN starts with them."""
        person = self.found[3102]
        self.assertEqual(self.Person.sudo(self.users["inspector"]).name_search(
            person.iin[:11]), [(person.id, "Ermekov Test3102")])

    def test_iin_prefix_as_a_plain_search(self):
        """R11, R16 (issue 14): the IIN prefix search checks the rules for
        the persons of the prefix only: it finds what the plain search of
        the domain finds, for each role, whether the prefix is shared by
        few persons or by more than are checked one by one."""
        prefix = self.found[3101].iin[:6]  # the five share the birth date
        Person = type(self.env["uchaske.person"])
        for role in ("assistant", "inspector", "responsible", "chief",
                     "inspector2"):
            as_user = self.Person.sudo(self.users[role])
            expected = as_user.search([("iin", "=like", prefix + "%")],
                                      limit=8).ids
            self.assertTrue(expected, role)
            self.assertNotEqual(len(expected), 5, role)  # the rules count
            self.assertEqual([pid for pid, _name in as_user.name_search(prefix)],
                             expected, role)
            with mock.patch.object(Person, "_IIN_CANDIDATES", 1):
                self.assertEqual(
                    [pid for pid, _name in as_user.name_search(prefix)],
                    expected, role)

    def test_candidates_only_narrow(self):
        """R16 (issue 14): the candidates the IIN search hands the rules
        narrow them, whoever passes them (a client's context): the persons
        of another department stay hidden, the user's own outside the
        candidates are not found."""
        mine, other = self.found[3101], self.found[3105]
        as_inspector = self.Person.sudo(self.users["inspector"])
        self.assertFalse(as_inspector.with_context(
            uchaske_person_candidates=[other.id]).search(
                [("id", "in", [mine.id, other.id])]))
        self.assertEqual(as_inspector.with_context(
            uchaske_person_candidates=[mine.id, other.id]).search(
                [("id", "in", [mine.id, other.id])]), mine)
        self.assertFalse(as_inspector.with_context(
            uchaske_person_candidates=[self.found[3102].id]).search(
                [("id", "=", mine.id)]))
        # not a list of ids: ignored, the rules as they are
        self.assertEqual(as_inspector.with_context(
            uchaske_person_candidates="1 OR TRUE").search(
                [("id", "in", [mine.id, other.id])]), mine)

    def test_other_department_not_found(self):
        """R16: inspector2 finds department 2's Ermekov only, by name and by
        IIN; the inspector of department 1 does not find him by IIN."""
        self.assertEqual(self._names("Ermek", role="inspector2"),
                         ["Ermekov Test3105"])
        stranger = self.found[3105]
        self.assertFalse(self.Person.sudo(self.users["inspector"]).name_search(
            stranger.iin))
        self.assertEqual(self._names(stranger.iin[:11], role="inspector2"),
                         ["Ermekov Test3105"])

    def test_search_is_journaled(self):
        """R15: a name search is one journal row of the user, naming the
        persons found."""
        Log = self.env["uchaske.access.log"]
        before = Log.search_count([("user_id", "=", self.users["inspector"].id)])
        found = self.Person.sudo(self.users["inspector"]).name_search("Ermekov")
        logs = Log.search([("user_id", "=", self.users["inspector"].id)],
                          order="id desc")
        self.assertEqual(len(logs) - before, 1)
        self.assertEqual(logs[0].operation, "search")
        self.assertEqual(set(logs[0].res_ids.split(",")),
                         {str(pid) for pid, _name in found})
