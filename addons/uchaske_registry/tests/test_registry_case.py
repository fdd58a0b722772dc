# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The life of a preventive register case as real users of each role:
person and IIN (R11), drafting by the assistant and registration by the
inspector (R2.3), supervision checks (R12), case-file custody (R13),
closing with the responsible inspector's approval (R16), bad input."""
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from uchaske_rules import iin
from .common import REGISTER, RegistryCase


@common.at_install(False)
@common.post_install(True)
class TestPerson(RegistryCase):

    def _person(self, **vals):
        values = {"surname": "Omarova", "first_name": "Aigerim",
                  "department_id": self.dep1.id}
        values.update(vals)
        return self.Person.sudo(self.users["assistant"]).create(values)

    def test_invalid_iin_refused(self):
        """R11: one master record per person, identified by a valid IIN."""
        valid = iin.make_iin(date(1990, 2, 3), "female", 77)
        wrong_check = valid[:11] + str((int(valid[11]) + 1) % 10)
        for bad, reason in (("12345", "12 digits"), ("90020312345a", "12 digits"),
                            (wrong_check, "check digit"),
                            ("901302400772", "birth date")):
            with self.assertRefused(ValidationError, reason):
                self._person(iin=bad)
        self.assertFalse(self.Person.search([("surname", "=", "Omarova"),
                                             ("first_name", "=", "Aigerim")]))
        person = self._person(iin=valid)
        self.assertEqual(person.name, "Omarova Aigerim")

    def test_iin_must_agree_with_birth_date_and_sex(self):
        valid = iin.make_iin(date(1990, 2, 3), "female", 77)
        with self.assertRefused(ValidationError, "born on 1990-02-03"):
            self._person(iin=valid, birth_date="1991-02-03")
        with self.assertRefused(ValidationError, "sex"):
            self._person(iin=valid, sex="male")

    def test_duplicate_iin_refused_with_a_clear_message(self):
        with self.assertRefused(ValidationError, "already recorded"):
            self._person(iin=self.person.iin)

    def test_birth_date_in_future_refused(self):
        with freeze_time("2026-11-25"):
            with self.assertRefused(ValidationError, "in the future"):
                self._person(birth_date="2026-12-01")

    def test_current_address_and_district_from_history(self):
        self.assertEqual(self.person.district_id, self.district1)
        self.person.write({"address_ids": [
            (1, self.person.address_ids.id, {"date_to": "2026-05-01"}),
            (0, 0, {"address": "Mangilik El 20", "district_id": self.district1b.id,
                    "date_from": "2026-05-01"})]})
        self.assertEqual(self.person.address, "Mangilik El 20")
        self.assertEqual(self.person.district_id, self.district1b)


@common.at_install(False)
@common.post_install(True)
class TestRegistryCase(RegistryCase):

    def test_assistant_drafts_inspector_registers(self):
        """R2.3: the assistant prepares, the inspector takes the decision."""
        case = self._new_case("assistant")
        self.assertEqual(case.state, "draft")
        self.assertEqual(case.inspector_id, self.users["inspector"])
        self.assertTrue(case.name.startswith("PR-"))
        with self.assertRefused(AccessError, "reserved"):
            case.sudo(self.users["assistant"]).wf_apply("register", REGISTER)
        with freeze_time("2026-11-02 09:00:00"):
            case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        self.assertEqual(case.state, "registered")
        self.assertEqual(case.registered_on, "2026-11-02")
        # R12: first check due after the category's cadence; R11: term end
        self.assertEqual(case.next_check_due, "2026-12-02")
        summaries = case.activity_ids.mapped("summary")
        self.assertIn("R12: supervision check due", summaries)
        self.assertIn("R11: term on the register ends", summaries)
        self.assertEqual(case.activity_ids.mapped("user_id"), self.users["inspector"])

    def test_case_numbers_from_the_registers_sequence(self):
        """R11: every case of the register has its number, one after the
        other, from the register's no-gap sequence (found by its external
        id); a sequence of that code made by hand numbers them when ours is
        gone."""
        sequence = self.env.ref("uchaske_registry.seq_registry_case")
        first = self._new_case("assistant")
        second = self._new_case("inspector", category_id=self.env.ref(
            "uchaske_registry.category_grave_crime_released").id)
        prefix = first.name.rsplit("-", 1)[0]
        self.assertEqual(second.name, "%s-%05d" % (
            prefix, int(first.name.rsplit("-", 1)[1]) + 1))
        self.assertEqual(sequence.number_next_actual,
                         int(second.name.rsplit("-", 1)[1]) + 1)
        # ours gone: the code's sequence
        self.env["ir.model.data"].search([
            ("module", "=", "uchaske_registry"),
            ("name", "=", "seq_registry_case")]).unlink()
        self.env["ir.model.data"].clear_caches()
        sequence.write({"active": False})
        self.env["ir.sequence"].create({
            "name": "By hand", "code": "uchaske.registry.case",
            "prefix": "HAND-", "padding": 3, "implementation": "no_gap"})
        self.assertEqual(self._new_case("inspector", category_id=self.env.ref(
            "uchaske_registry.category_protection_order").id).name, "HAND-001")

    def test_new_category_is_data(self):
        """R11: later rules add categories as records, without code (e.g. the
        2026 rules' official warning), and cases use them at once."""
        warning = self.env["uchaske.registry.category"].create({
            "name": "Official warning", "code": "official_warning",
            "legal_basis": "MVD preventive-registry rules of March 2026",
            "date_in_force": "2026-03-15", "check_cadence_days": 90})
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case(category_id=warning.id)
            self.assertIn(warning, warning.search([("in_force", "=", True)]))
        self.assertEqual(case.next_check_due, "2027-01-31")
        warning.date_out_of_force = "2026-12-01"
        with freeze_time("2026-12-02"):
            warning.invalidate_cache()
            self.assertFalse(warning.in_force)

    def test_category_names_follow_renames_and_language(self):
        """R11, issue 14: a category's name (kept per language for the
        lists) follows a rename at once, in each user's language; a
        category created now is named too; a user without the right to
        read categories gets none."""
        Category = self.env["uchaske.registry.category"]
        category = Category.create({
            "name": "Official warning", "code": "warning_names",
            "legal_basis": "rules of March 2026", "date_in_force": "2026-03-15"})
        as_inspector = category.sudo(self.users["inspector"])
        self.assertEqual(as_inspector.name_get(), [(category.id, "Official warning")])
        category.with_context(lang="kk_KZ").name = "Ресми ескерту"
        self.assertEqual(as_inspector.with_context(lang="kk_KZ").name_get(),
                         [(category.id, "Ресми ескерту")])
        self.assertEqual(as_inspector.with_context(lang="en_US").name_get(),
                         [(category.id, "Official warning")])
        category.name = "Official caution"
        self.assertEqual(as_inspector.with_context(lang="en_US").name_get(),
                         [(category.id, "Official caution")])
        outsider = self.env["res.users"].create({
            "name": "No role", "login": "no_role_names", "groups_id": [(6, 0, [
                self.env.ref("base.group_user").id])]})
        with self.assertRaises(AccessError):
            category.sudo(outsider).name_get()

    def test_term_end_before_start_refused(self):
        """R11/R12: a term may not end before it starts; a one-day term may."""
        with self.assertRefused(ValidationError, "before it starts"):
            self._new_case(date_start="2026-10-12", date_end="2026-10-01")
        case = self._new_case(date_start="2026-10-12", date_end="2026-10-12")
        with self.assertRefused(ValidationError, "before it starts"):
            case.sudo(self.users["assistant"]).date_end = "2026-10-11"

    def test_second_open_case_same_category_refused(self):
        self._new_case()
        with self.assertRefused(ValidationError, "already has an open case"):
            self._new_case()
        other = self._new_case(category_id=self.env.ref(
            "uchaske_registry.category_protection_order").id)
        self.assertEqual(other.state, "draft")

    def test_checks_start_supervision_and_keep_cadence(self):
        """R12: supervision = systematic checks; the assistant records them."""
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        with freeze_time("2026-11-20 10:00:00"):
            check = self.env["uchaske.registry.check"].sudo(
                self.users["assistant"]).create({
                    "case_id": case.id, "date": "2026-11-20",
                    "kind": "home_visit", "result": "complies"})
            self.assertEqual(case.state, "supervised")
            self.assertEqual(case.last_check_date, "2026-11-20")
            self.assertEqual(case.next_check_due, "2026-12-20")
            self.assertEqual(check.user_id, self.users["assistant"])
            self.assertFalse(case.check_overdue)
        with freeze_time("2026-12-21 08:00:00"):
            case.invalidate_cache()
            self.assertTrue(case.check_overdue)
            self.assertIn(case, self.Case.search([("check_overdue", "=", True)]))
            items = self.env["uchaske.work.item"].sudo(self.users["inspector"])
            items = items.search(items.action_open_my_work()["domain"])
            overdue = items.filtered(lambda i: i.requirement_ref == "R12")
            self.assertEqual(overdue.res_id, case.id)
            self.assertTrue(overdue.overdue)

    def test_bad_checks_refused(self):
        with freeze_time("2026-11-02 09:00:00"):
            draft = self._new_case()
            Check = self.env["uchaske.registry.check"].sudo(self.users["assistant"])
            with self.assertRefused(ValidationError, "registered persons only"):
                Check.create({"case_id": draft.id, "date": "2026-11-02"})
            draft.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
            with self.assertRefused(ValidationError, "before the registration"):
                Check.create({"case_id": draft.id, "date": "2026-11-01"})
            with self.assertRefused(ValidationError, "in the future"):
                Check.create({"case_id": draft.id, "date": "2026-11-03"})
            with self.assertRefused(ValidationError, "what was violated"):
                Check.create({"case_id": draft.id, "date": "2026-11-02",
                              "result": "violation"})
        self.assertFalse(draft.check_ids)
        self.assertEqual(draft.state, "registered")

    def test_case_file_kept_at_department_needs_controller(self):
        """R13: materials in the police point's safe, or at the department
        under the control of an inspector of the local police service."""
        case = self._registered_case()
        with self.assertRefused(ValidationError, "R13"):
            case.sudo(self.users["inspector"]).write(
                {"materials_location": "department"})
        case.sudo(self.users["inspector"]).write({
            "materials_location": "department",
            "materials_controller_id": self.users["responsible"].id})
        self.assertEqual(case.materials_location, "department")

    def test_closing_needs_reason_basis_and_another_persons_approval(self):
        """R2.3, R16: the inspector requests closing with reason and legal
        basis; the responsible inspector approves; the requester cannot."""
        case = self._registered_case()
        inspector = case.sudo(self.users["inspector"])
        with self.assertRefused(ValidationError, "reason"):
            inspector.wf_apply("request_close", {"comment": "term over",
                                                 "legal_basis": "Art. 10"})
        inspector.write({"close_reason": "term_expired"})
        with self.assertRefused(ValidationError, "legal basis"):
            inspector.wf_apply("request_close", {"comment": "term over"})
        with self.assertRefused(AccessError):
            case.sudo(self.users["assistant"]).wf_apply(
                "request_close", {"comment": "c", "legal_basis": "b"})
        inspector.wf_apply("request_close", {"comment": "term over",
                                             "legal_basis": "Art. 10"})
        self.assertEqual(case.state, "closing")
        with self.assertRefused(AccessError):
            inspector.wf_apply("approve_close")
        with self.assertRefused(AccessError):
            case.sudo(self.users["responsible2"]).wf_apply("approve_close")
        case.sudo(self.users["responsible"]).wf_apply("approve_close")
        self.assertEqual(case.state, "closed")
        self.assertFalse(case.activity_ids.filtered(
            lambda a: a.summary.startswith(("R11", "R12"))))
        self.assertTrue(case.wf_check_history())
        # a closed case is read-only and cannot be deleted
        with self.assertRefused(AccessError):
            case.sudo(self.users["chief"]).write({"restrictions": "x"})
        with self.assertRefused(AccessError):
            case.sudo(self.users["chief"]).unlink()

    def test_responsible_who_requested_cannot_approve(self):
        """R16 maker-checker: the one who asked does not decide."""
        # a person the neighbour may read: recorded by himself
        person = self.Person.sudo(self.users["neighbour"]).create({
            "surname": "Omarova", "first_name": "Aigerim",
            "department_id": self.dep1.id})
        case = self._registered_case("neighbour", person=person,
                                     district_id=self.district1b.id)
        responsible = case.sudo(self.users["responsible"])
        responsible.write({"close_reason": "court_decision"})
        responsible.wf_apply("request_close", {"comment": "c", "legal_basis": "b"})
        with self.assertRefused(AccessError, "maker-checker"):
            responsible.wf_apply("approve_close")
        case.sudo(self.users["chief"]).wf_apply("approve_close")
        self.assertEqual(case.state, "closed")

    def test_other_department_sees_nothing(self):
        """R7, R15: no access to another department's register."""
        case = self._registered_case()
        for key in ("assistant2", "inspector2", "responsible2", "chief2"):
            user = self.users[key]
            self.assertFalse(self.Case.sudo(user).search([("id", "=", case.id)]))
            with self.assertRefused(AccessError):
                case.sudo(user).read(["name"])
            with self.assertRefused(AccessError):
                self.person.sudo(user).read(["name"])
        # the adjacent district's inspector does not see it either
        with self.assertRefused(AccessError):
            case.sudo(self.users["neighbour"]).read(["name"])
        for key in ("assistant", "inspector", "responsible", "chief"):
            self.assertEqual(case.sudo(self.users[key]).read(["name"])[0]["name"],
                             case.name)
