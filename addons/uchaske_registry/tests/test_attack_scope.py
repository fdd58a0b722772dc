# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attacks of issue 8 as the real role users: files of another record taken
through ``wf_apply``, cases and list entries placed in or moved to another
department, error messages naming another department's records (R7, R14,
R15, R16, R17, R24)."""
import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from .common import REGISTER, RegistryCase

CASE = "uchaske.registry.case"
#: a district of another department is refused by the generic check of the
#: references (unreadable record) or by the district scope, whichever runs
#: first; both name the field only
REFUSED = (AccessError, ValidationError)
TODAY = "2026-11-02 09:00:00"


@common.at_install(False)
@common.post_install(True)
class TestAttackScope(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestAttackScope, cls).setUpClass()
        # the same person is on the register in department 2 (the engine
        # creates, the inspector of department 2 registers)
        cls.case2 = cls.Case.create({
            "person_id": cls.person.id, "category_id": cls.category.id,
            "district_id": cls.district2.id, "grounds": "court_decision",
            "date_start": "2026-10-12", "date_end": "2027-10-12"})
        with freeze_time(TODAY):
            cls.case2.sudo(cls.users["inspector2"]).wf_apply("register", REGISTER)
        cls.file2 = cls._file("inspector2", "verdict.pdf", CASE, cls.case2.id)

    @classmethod
    def _file(cls, role, name, res_model=False, res_id=False):
        return cls.env["ir.attachment"].sudo(cls.users[role]).create({
            "name": name, "datas_fname": name,
            "datas": base64.b64encode(b"%PDF-1.4 " + name.encode()),
            "res_model": res_model, "res_id": res_id})

    def _register(self, case, role="inspector", **inputs):
        with freeze_time(TODAY):
            case.sudo(self.users[role]).wf_apply("register", dict(REGISTER, **inputs))

    def _refusal(self, exception, regex, call):
        """Like assertRefused, returning the message the user gets."""
        with self.assertRaisesRegex(exception, regex) as caught, \
                self.env.cr.savepoint():
            call()
        self.env.cache.invalidate()
        return str(caught.exception)

    def _other_person(self, surname):
        """A person of district 1 (readable in department 1)."""
        return self.Person.create({
            "surname": surname, "first_name": "Test", "department_id": self.dep1.id,
            "address_ids": [(0, 0, {"address": "Abay 1", "date_from": "2025-01-01",
                                    "district_id": self.district1.id})]})

    def _category(self, xmlid="uchaske_registry.category_protection_order"):
        return self.env.ref(xmlid).id

    # -- 1. attachments through wf_apply -----------------------------------

    def test_wf_apply_refuses_a_file_of_another_departments_case(self):
        """Issue 8, R15: an inspector passing the id of a file of department
        2's case to his own transition neither reads nor takes it."""
        case = self._new_case("inspector", category_id=self._category())
        message = self._refusal(
            ValidationError, "Attachments: ",
            lambda: self._register(case, attachment_ids=[self.file2.id]))
        self.assertNotIn("verdict", message)
        self.assertEqual(case.state, "draft")
        self.file2.invalidate_cache()
        self.assertEqual((self.file2.res_model, self.file2.res_id),
                         (CASE, self.case2.id))
        with self.assertRaises(AccessError):
            self.file2.sudo(self.users["inspector"]).read(["datas"])

    def test_wf_apply_never_moves_a_file_from_another_record(self):
        """Issue 8: a file the inspector may write, but attached to another
        of his cases, or uploaded (unattached) by someone else, is not
        taken either; his own unattached upload is linked."""
        case = self._new_case("inspector", category_id=self._category())
        other = self._new_case("inspector", category_id=self._category(
            "uchaske_registry.category_parole"), person=self._other_person("Other"))
        on_other = self._file("inspector", "other.pdf", CASE, other.id)
        foreign_upload = self._file("inspector2", "upload2.pdf")
        for attachment in (on_other, foreign_upload):
            with self.assertRefused(ValidationError, "Attachments: "):
                self._register(case, attachment_ids=[attachment.id])
        self.assertEqual(on_other.res_id, other.id)
        mine = self._file("inspector", "decision.pdf")
        self._register(case, attachment_ids=[mine.id])
        self.assertEqual((mine.res_model, mine.res_id), (CASE, case.id))
        self.assertEqual(case.wf_history_ids[:1].attachment_ids, mine)

    def test_wf_apply_refuses_unknown_attachment_ids_alike(self):
        """No oracle: a missing id gets the same message as a foreign one."""
        case = self._new_case("inspector", category_id=self._category())
        missing = self.file2.id + 100000
        with self.assertRefused(ValidationError, "Attachments: "):
            self._register(case, attachment_ids=[missing])

    # -- 2. cases in, or moved to, another department ---------------------

    def test_case_in_another_departments_district_refused(self):
        """Issue 8, R7/R16: an inspector cannot create a case in department
        2's district, even naming himself responsible (the record rule lets
        the responsible inspector see it)."""
        with self.assertRefused(REFUSED, "District: "):
            self._new_case("inspector", district_id=self.district2.id,
                           inspector_id=self.users["inspector"].id,
                           category_id=self._category())
        for role in ("chief", "responsible"):
            with self.assertRefused(REFUSED, "District: "):
                self._new_case(role, district_id=self.district2.id,
                               inspector_id=self.users[role].id,
                               category_id=self._category())
        self.assertFalse(self.Case.search([
            ("district_id", "=", self.district2.id), ("id", "!=", self.case2.id)]))

    def test_case_in_a_district_not_served_refused(self):
        """R7/R24/R16: the neighbour's district is not the assistant's; the
        responsible inspector (police point) and the chief (department) may
        place a case there."""
        with self.assertRefused(REFUSED, "District: "):
            self._new_case("assistant", district_id=self.district1b.id,
                           inspector_id=self.users["inspector"].id,
                           category_id=self._category())
        case = self._new_case("responsible", district_id=self.district1b.id,
                              category_id=self._category())
        self.assertEqual(case.inspector_id, self.users["neighbour"])
        self.assertEqual(case.department_id, self.dep1)

    def test_substitute_places_cases_in_the_district_he_serves(self):
        """R6: the substitute serves the absent inspector's district."""
        self.env["uchaske.substitution"].sudo(self.users["chief"]).create({
            "district_id": self.district1b.id,
            "absent_user_id": self.users["neighbour"].id,
            "substitute_id": self.users["inspector"].id, "reason": "leave",
            "date_start": "2026-11-01", "date_end": "2026-11-20",
            "order_number": "15-L", "order_date": "2026-10-30"})
        with freeze_time(TODAY):
            case = self._new_case("inspector", district_id=self.district1b.id,
                                  category_id=self._category())
        self.assertEqual(case.district_id, self.district1b)
        self.env.cache.invalidate()  # a new request: served districts recomputed
        with freeze_time("2026-11-25 09:00:00"):
            with self.assertRefused(REFUSED, "District: "):
                self._new_case("inspector", district_id=self.district1b.id,
                               category_id=self._category(
                                   "uchaske_registry.category_parole"),
                               person=self._other_person("Late"))

    def test_registered_case_leaves_its_district_only_by_transfer(self):
        """Issue 8, R14: write({'district_id'}) does not move a registered
        case, to another department or to the neighbour's district."""
        case = self._new_case("inspector", category_id=self._category())
        self._register(case)
        for role in ("inspector", "chief"):
            for district in (self.district2, self.district1b):
                with self.assertRefused(REFUSED, "transfer|may not use it"):
                    case.sudo(self.users[role]).write(
                        {"district_id": district.id})
        self.assertEqual(case.district_id, self.district1)
        self.assertEqual(case.department_id, self.dep1)

    def test_draft_case_moves_only_within_the_districts_served(self):
        """R7: a draft may be corrected, within what the user serves."""
        case = self._new_case("inspector", category_id=self._category())
        with self.assertRefused(REFUSED, "District: "):
            case.sudo(self.users["inspector"]).write(
                {"district_id": self.district2.id,
                 "inspector_id": self.users["inspector"].id})
        case.sudo(self.users["chief"]).write({"district_id": self.district1b.id})
        self.assertEqual(case.sudo().inspector_id, self.users["neighbour"])

    def test_case_not_handed_to_another_departments_inspector(self):
        """Issue 8, R14: the assistant cannot make department 2's inspector
        responsible (the case would show in department 2)."""
        case = self._new_case("assistant", category_id=self._category())
        for role in ("assistant", "inspector", "chief"):
            with self.assertRefused(ValidationError, "Responsible inspector: "):
                case.sudo(self.users[role]).write(
                    {"inspector_id": self.users["inspector2"].id})
        with self.assertRefused(ValidationError, "Responsible inspector: "):
            self._new_case("inspector", category_id=self._category(
                "uchaske_registry.category_parole"),
                inspector_id=self.users["inspector2"].id,
                person=self._other_person("Third"))
        self.assertEqual(case.inspector_id, self.users["inspector"])
        with self.assertRaises(AccessError):
            case.sudo(self.users["inspector2"]).read(["name"])
        # R24/R16: the neighbour serves another district of the police
        # point: the assistant may not choose him, the responsible inspector
        # (police point) and the chief (department) may
        with self.assertRefused(ValidationError, "Responsible inspector: "):
            case.sudo(self.users["assistant"]).write(
                {"inspector_id": self.users["neighbour"].id})
        for role in ("responsible", "chief"):
            case.sudo(self.users[role]).write(
                {"inspector_id": self.users["neighbour"].id})
            self.assertEqual(case.sudo().inspector_id, self.users["neighbour"])
            case.sudo().write({"inspector_id": self.users["inspector"].id})

    def test_case_not_shown_to_another_department_by_hand(self):
        """Issue 8, R14: the fields that show a case to another department
        (department, destination of a transfer, origin) are the engine's."""
        case = self._new_case("inspector", category_id=self._category())
        for vals in ({"transfer_department_id": self.dep2.id},
                     {"department_id": self.dep2.id},
                     {"post_id": self.post2.id},
                     {"origin_case_id": self.case2.id}):
            with self.assertRefused(REFUSED, "not by hand|may not use it"):
                case.sudo(self.users["inspector"]).write(vals)
            with self.assertRefused(REFUSED, "not by hand|may not use it"):
                self._new_case("inspector", category_id=self._category(
                    "uchaske_registry.category_parole"), **vals)
        for role in ("responsible2", "chief2"):
            with self.assertRaises(AccessError):
                case.sudo(self.users[role]).read(["name"])

    def test_checks_and_transfers_keep_their_case_and_origin(self):
        """R12/R14: a check or a transfer is not moved to another case or
        district by hand."""
        case = self._new_case("inspector", category_id=self._category())
        self._register(case)
        with freeze_time(TODAY):
            check = self.env["uchaske.registry.check"].sudo(
                self.users["assistant"]).create(
                    {"case_id": case.id, "date": "2026-11-02"})
            with self.assertRefused(REFUSED, "not set by hand|may not use it"):
                self.env["uchaske.registry.check"].sudo(
                    self.users["assistant"]).create(
                        {"case_id": case.id, "date": "2026-11-02",
                         "district_id": self.district2.id})
        for vals in ({"district_id": self.district2.id},
                     {"department_id": self.dep2.id},
                     {"case_id": self.case2.id}):
            with self.assertRefused(REFUSED, "(Case|District)[:,]|may not use it"):
                check.sudo(self.users["inspector"]).write(vals)
        with freeze_time(TODAY):
            transfer = self.env["uchaske.registry.transfer"].sudo(
                self.users["inspector"]).create({
                    "case_id": case.id, "move_date": "2026-11-01 10:00:00",
                    "new_address": "Village, 3",
                    "destination_department_id": self.dep2.id,
                    "destination_district_id": self.district2.id})
        for vals in ({"district_id": self.district2.id},
                     {"inspector_id": self.users["inspector2"].id},
                     {"case_id": self.case2.id}):
            with self.assertRefused(REFUSED, "not changed by hand|may not use it"):
                transfer.sudo(self.users["inspector"]).write(vals)
        self.assertEqual(transfer.district_id, self.district1)

    def test_appendix_entry_stays_in_the_districts_served(self):
        """Issue 8, R17/R16: an entry of a list of Appendix 2 is not moved to
        another department's district (nor to one the user does not serve),
        nor shown to it by its department."""
        Owner = self.env["uchaske.firearm.owner"]
        owner = Owner.sudo(self.users["inspector"]).create({
            "person_id": self.person.id, "district_id": self.district1.id,
            "weapon_number": "K-1", "permit_issued_on": "2026-01-10"})
        for district in (self.district2, self.district1b):
            with self.assertRefused(REFUSED, "District: "):
                owner.sudo(self.users["inspector"]).write(
                    {"district_id": district.id})
        with self.assertRefused(REFUSED, "not set by hand|may not use it"):
            owner.sudo(self.users["inspector"]).write({"department_id": self.dep2.id})
        self.assertEqual(owner.district_id, self.district1)
        # the chief moves it within the department
        owner.sudo(self.users["chief"]).write({"district_id": self.district1b.id})
        self.assertEqual(owner.sudo().district_id, self.district1b)

    # -- 4. messages naming another department's records -------------------

    def test_duplicate_message_does_not_name_another_departments_case(self):
        """Issue 8, R15: "already has an open case PR-… (department 2)" told
        an inspector of department 1 what department 2 holds."""
        message = self._refusal(
            ValidationError, "another district or department",
            lambda: self._new_case("inspector"))
        self.assertNotIn(self.case2.name, message)
        self.assertNotIn(self.dep2.name, message)
        # a case the user may read is named (within the department)
        own = self._new_case("inspector", category_id=self._category())
        with self.assertRefused(ValidationError, own.name):
            self._new_case("assistant", category_id=self._category())
