# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 8, critical item 2 (R7, R15, R16): a user cannot reach a record of
another department by pointing one of his own at it; bad values are refused
with the field's name; a refused creation consumes no register number
(R11)."""
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from uchaske_rules import iin
from .common import REGISTER, RegistryCase

ROLES = ("assistant", "inspector", "responsible", "chief")
#: a model's own check may refuse a reference first, with its own message
REFUSED = (AccessError, ValidationError)


@common.at_install(False)
@common.post_install(True)
class TestReferenceAccess(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestReferenceAccess, cls).setUpClass()
        cls.person2 = cls.Person.create({
            "iin": iin.make_iin(date(1979, 5, 6), "female", 4410),
            "surname": "Zhanova", "first_name": "Gulnara",
            "department_id": cls.dep2.id,
            "address_ids": [(0, 0, {"address": "Kosshy, Abai 3",
                                    "district_id": cls.district2.id,
                                    "date_from": "2024-01-01"})]})

    def _cases_of(self, person):
        return self.Case.search([("person_id", "=", person.id)])

    def test_draft_case_cannot_point_at_another_departments_person(self):
        """Critical item 2: create({'person_id': <other department's
        person>}) is refused for every role, and the person stays unread."""
        for role in ROLES:
            with self.assertRefused(AccessError, "Person: the record does not "
                                                 "exist or you may not use it"):
                self._new_case(role, person=self.person2)
            with self.assertRefused(AccessError):
                self.person2.sudo(self.users[role]).read(["name", "iin"])
        self.assertFalse(self._cases_of(self.person2))
        # nor by rewriting an own draft
        case = self._new_case("assistant")
        for role in ("assistant", "inspector", "chief"):
            with self.assertRefused(AccessError, "Person: "):
                case.sudo(self.users[role]).write({"person_id": self.person2.id})
        self.assertEqual(case.person_id, self.person)
        # the same message for a person that does not exist: no oracle
        with self.assertRefused(AccessError, "Person: the record does not "
                                             "exist or you may not use it"):
            self._new_case("inspector", person=self.Person.browse(2 ** 31 - 5))

    def test_every_reference_of_a_case_is_checked(self):
        """Category, district, responsible inspector, case-file controller:
        each one the user may read (an active user), or refused by name."""
        archived = self.env["res.users"].create({
            "name": "Archived officer", "login": "t_archived", "active": False})
        with self.assertRefused(REFUSED, "District: "):
            self._new_case("inspector", district_id=self.district2.id)
        cases = (
            ({"inspector_id": archived.id}, "Responsible inspector: "),
            ({"materials_location": "department",
              "materials_controller_id": archived.id}, "Case file controlled by: "),
        )
        for vals, regex in cases:
            with self.assertRefused(AccessError, regex):
                self._new_case("inspector", **vals)
        # a transfer of the user's case is recorded; one of another
        # department's case is refused by the case's name
        case2 = self._new_case("inspector2", person=self.person2,
                               district_id=self.district2.id)
        with self.assertRefused(REFUSED, "Case"):
            self.env["uchaske.registry.check"].sudo(self.users["inspector"]).create(
                {"case_id": case2.id, "date": "2026-11-02"})

    def test_forged_trust_marker_is_ignored(self):
        """The marker the import uses to link a known person cannot come in
        a context over RPC: plain data there is not the marker."""
        forged = [["uchaske.person", self.person2.id]]
        Case = self.Case.sudo(self.users["inspector"]).with_context(
            uchaske_trusted_references=forged)
        with self.assertRefused(AccessError, "Person: "):
            Case.create({"person_id": self.person2.id,
                         "category_id": self.category.id,
                         "district_id": self.district1.id})

    def test_bad_values_on_a_case_name_the_field(self):
        """Types, choices and past dates (R11: the grounds document exists
        already) are refused before the database, with the field's name."""
        with freeze_time("2026-11-02 09:00:00"):
            cases = (
                ({"grounds_date": "2026-11-03"}, "Grounds document date: .*future"),
                ({"grounds_date": "2026-02-30"}, "Grounds document date: not a valid"),
                ({"grounds": "rumour"}, "Grounds: the value is not one of"),
                ({"restrictions": ["a", "b"]}, "Restrictions: a text"),
                ({"person_id": "abc"}, "Person: a reference to a record"),
                ({"district_id": "abc"}, "District: a reference to a record"),
                ({"category_id": 2 ** 40}, "Category: a reference to a record"),
            )
            for vals, regex in cases:
                with self.assertRefused(ValidationError, regex):
                    self._new_case("inspector", **vals)
            # Expected singleton before: a transfer without its case
            with self.assertRefused(ValidationError, "Case: a value is required"):
                self.env["uchaske.registry.transfer"].sudo(
                    self.users["inspector"]).create({})
            case = self._registered_case()
            with self.assertRefused(ValidationError, "Request sent on: .*future"):
                self.env["uchaske.registry.transfer"].sudo(
                    self.users["inspector"]).create({
                        "case_id": case.id, "move_date": "2026-11-01 10:00:00",
                        "new_address": "Kosshy", "request_date": "2026-11-05 10:00:00",
                        "destination_department_id": self.dep2.id})
        self.assertEqual(case.state, "registered")

    def test_refused_creation_consumes_no_register_number(self):
        """R11: register numbers follow each other; a refused creation (the
        term ends before it starts: refused after the number is drawn)
        leaves no gap."""
        first = self._new_case("inspector")
        with self.assertRefused(ValidationError, "before it starts"):
            self._new_case("inspector", person=self._other_person(),
                           date_start="2026-10-12", date_end="2026-01-01")
        second = self._new_case("inspector", person=self._other_person())
        prefix, number = first.name.rsplit("-", 1)
        self.assertEqual(second.name, "%s-%0*d" % (prefix, len(number),
                                                   int(number) + 1))
        # registering keeps the number
        second.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        self.assertEqual(second.name, "%s-%0*d" % (prefix, len(number),
                                                   int(number) + 1))

    def _other_person(self):
        return self.Person.sudo(self.users["inspector"]).create({
            "surname": "Bekov", "first_name": "Dias",
            "department_id": self.dep1.id})
