# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R14: transfer on relocation, register → supervise → transfer → close,
between two departments, with the 3 × 24 h clock injected."""
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from uchaske_rules import iin
from .common import RegistryCase

MOVE = "2026-11-10 14:00:00"


@common.at_install(False)
@common.post_install(True)
class TestTransfer(RegistryCase):

    def _supervised_case(self):
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        with freeze_time("2026-11-05 10:00:00"):
            self.env["uchaske.registry.check"].sudo(self.users["assistant"]).create(
                {"case_id": case.id, "date": "2026-11-05"})
        self.assertEqual(case.state, "supervised")
        return case

    def _record_move(self, case, **vals):
        values = {"case_id": case.id, "move_date": MOVE,
                  "new_address": "Tselinograd district, Kosshy, Abai 3",
                  "destination_department_id": self.dep2.id,
                  "destination_district_id": self.district2.id}
        values.update(vals)
        transfer = self.env["uchaske.registry.transfer"].sudo(
            self.users["inspector"]).create(values)
        return transfer.sudo()  # the test reads both departments' records

    def test_full_transfer_between_departments(self):
        """R14: request within 3 × 24 h, confirmation by the destination,
        the case opens there, materials sent, then the origin case closes
        as "transferred"; the origin inspector stays responsible meanwhile."""
        case = self._supervised_case()
        origin_inspector = self.users["inspector"]
        with freeze_time("2026-11-11 09:00:00"):
            transfer = self._record_move(case)
            self.assertEqual(case.state, "transfer")
            self.assertEqual(transfer.state, "draft")
            self.assertEqual(transfer.request_due, "2026-11-13 14:00:00")
            deadline = transfer.wf_deadline_ids
            self.assertEqual((deadline.requirement_ref, deadline.date_due,
                              deadline.user_id),
                             ("R14", "2026-11-13 14:00:00", origin_inspector))
            self.assertEqual(case.inspector_id, origin_inspector)
            # the request needs its number and date
            with self.assertRefused(ValidationError, "number and date"):
                transfer.sudo(self.users["assistant"]).wf_apply("send_request")
            transfer.sudo(self.users["assistant"]).write({
                "request_number": "27/1-4410", "request_date": "2026-11-11 09:00:00"})
            transfer.sudo(self.users["assistant"]).wf_apply("send_request")
            self.assertEqual(transfer.state, "requested")
            self.assertEqual(deadline.state, "done")
            self.assertFalse(deadline.met_late or transfer.request_late)
        # while open, both departments see the transfer and the case, and
        # the destination reads the transfer's history
        history = self.env["uchaske.workflow.history"]
        for key in ("responsible2", "chief2"):
            transfer.sudo(self.users[key]).read(["name"])
            case.sudo(self.users[key]).read(["name"])
            rows = history.sudo(self.users[key]).search(
                [("res_model", "=", transfer._name), ("res_id", "=", transfer.id)])
            self.assertEqual(rows.mapped("transition_code"), ["send_request", False])
        self.assertFalse(history.sudo(self.users["inspector2"]).search(
            [("res_model", "=", transfer._name), ("res_id", "=", transfer.id)]))
        with self.assertRefused(AccessError):
            case.sudo(self.users["inspector2"]).read(["name"])
        # the destination's responsible inspector has it in "My work"
        Item = self.env["uchaske.work.item"].sudo(self.users["responsible2"])
        items = Item.search(Item.action_open_my_work()["domain"])
        self.assertIn(transfer.id, items.filtered(
            lambda i: i.res_model == transfer._name).mapped("res_id"))
        # the origin cannot confirm its own request; the destination cannot
        # cancel the origin's transfer
        with self.assertRefused(ValidationError, "destination department"):
            transfer.sudo(self.users["responsible"]).wf_apply("confirm")
        with self.assertRefused(ValidationError, "origin department"):
            transfer.sudo(self.users["responsible2"]).wf_apply(
                "cancel", {"comment": "not ours"})
        with freeze_time("2026-11-12 11:00:00"):
            # R14: the confirmation records the destination's document
            with self.assertRefused(ValidationError, "document"):
                transfer.sudo(self.users["responsible2"]).wf_apply("confirm")
            transfer.sudo(self.users["responsible2"]).wf_apply(
                "confirm", {"document_number": "AST-17",
                            "document_date": "2026-11-12"})
        self.assertEqual(transfer.state, "confirmed")
        self.assertEqual(transfer.confirmation_number, "AST-17")
        self.assertEqual(transfer.confirmation_date, "2026-11-12")
        self.assertEqual(case.state, "transfer")
        self.assertEqual(case.inspector_id, origin_inspector)
        arrived = transfer.destination_case_id
        self.assertEqual(arrived.state, "registered")
        self.assertEqual(arrived.department_id, self.dep2)
        self.assertEqual(arrived.inspector_id, self.users["inspector2"])
        self.assertEqual(arrived.origin_case_id, case)
        self.assertEqual(arrived.person_id, self.person)
        history = self.env["uchaske.workflow.history"].search([
            ("res_model", "=", arrived._name), ("res_id", "=", arrived.id)],
            order="id")
        self.assertEqual(history[-1].transition_code, "register_transfer")
        self.assertEqual(history[-1].user_id, self.users["responsible2"])
        self.assertIn(case.name, history[-1].comment)
        # confirming twice is refused
        with self.assertRefused(ValidationError, "not possible"):
            transfer.sudo(self.users["responsible2"]).wf_apply("confirm")
        # the origin case cannot close before the materials are sent
        case.sudo(self.users["inspector"]).write({"close_reason": "other"})
        with self.assertRefused(ValidationError, "transfer is not finished"):
            case.sudo(self.users["inspector"]).wf_apply(
                "request_close", {"comment": "moved", "legal_basis": "R14"})
        with freeze_time("2026-11-13 10:00:00"):
            transfer.sudo(self.users["assistant"]).wf_apply(
                "send_materials", {"document_number": "27/1-4460",
                                   "document_date": "2026-11-13"})
        self.assertEqual(transfer.state, "done")
        self.assertEqual(transfer.materials_document, "27/1-4460")
        self.assertEqual(case.close_reason, "transferred")
        case.sudo(self.users["inspector"]).wf_apply(
            "request_close", {"comment": "moved to Tselinograd district",
                              "legal_basis": "Order No. 1095, item 14"})
        case.sudo(self.users["responsible"]).wf_apply("approve_close")
        self.assertEqual(case.state, "closed")
        self.assertEqual(arrived.state, "registered")
        self.assertTrue(case.wf_check_history() and arrived.wf_check_history())
        self.assertTrue(transfer.wf_check_history())

    def test_request_deadline_escalates_when_missed(self):
        """R14: 3 × 24 h after the move the request is overdue and the
        responsible inspector is alerted."""
        case = self._supervised_case()
        with freeze_time("2026-11-10 15:00:00"):
            transfer = self._record_move(case)
        line = transfer.wf_deadline_ids
        with freeze_time("2026-11-13 14:00:00"):
            line.invalidate_cache()
            self.assertFalse(line.overdue)
        with freeze_time("2026-11-13 14:00:01"):
            line.invalidate_cache()
            self.assertTrue(line.overdue)
            self.env["uchaske.workflow.deadline.line"]._cron_escalate()
            self.assertEqual(line.escalated_user_id, self.users["responsible"])
        with freeze_time("2026-11-14 09:00:00"):
            transfer.sudo(self.users["inspector"]).write({
                "request_number": "27/1-5000", "request_date": "2026-11-14 09:00:00"})
            transfer.sudo(self.users["inspector"]).wf_apply("send_request")
        self.assertTrue(transfer.request_late)
        self.assertTrue(line.met_late)

    def test_person_not_found_returns_case_to_supervision(self):
        case = self._supervised_case()
        with freeze_time("2026-11-11 09:00:00"):
            transfer = self._record_move(case, request_number="1",
                                         request_date="2026-11-11 09:00:00")
            transfer.sudo(self.users["inspector"]).wf_apply("send_request")
            with self.assertRefused(ValidationError, "comment"):
                transfer.sudo(self.users["responsible2"]).wf_apply(
                    "report_not_found")
            transfer.sudo(self.users["responsible2"]).wf_apply(
                "report_not_found", {"comment": "Nobody at Abai 3"})
        self.assertEqual(transfer.state, "not_found")
        self.assertEqual(case.state, "supervised")
        self.assertEqual(case.inspector_id, self.users["inspector"])
        self.assertFalse(case.transfer_department_id)
        with self.assertRefused(AccessError):
            case.sudo(self.users["chief2"]).read(["name"])

    def test_destination_outside_the_system(self):
        """R14: outside the system, the confirming document by hand."""
        case = self._supervised_case()
        with freeze_time("2026-11-11 09:00:00"):
            transfer = self._record_move(
                case, destination_external=True, destination_department_id=False,
                destination_district_id=False,
                destination_external_name="Police department of Kostanay city",
                request_number="9", request_date="2026-11-11 09:00:00")
            transfer.sudo(self.users["inspector"]).wf_apply("send_request")
            with self.assertRefused(ValidationError):
                transfer.sudo(self.users["responsible"]).wf_apply("confirm")
            with self.assertRefused(ValidationError, "document"):
                transfer.sudo(self.users["inspector"]).wf_apply("confirm_external")
            transfer.sudo(self.users["inspector"]).wf_apply(
                "confirm_external", {"document_number": "KST-55",
                                     "document_date": "2026-11-11"})
        self.assertEqual(transfer.state, "confirmed")
        self.assertEqual(transfer.confirmation_number, "KST-55")
        self.assertFalse(transfer.destination_case_id)

    def test_bad_transfers_refused(self):
        case = self._supervised_case()
        transfers = self.env["uchaske.registry.transfer"]
        with freeze_time("2026-11-11 09:00:00"):
            with self.assertRefused(ValidationError, "within district"):
                self._record_move(case, destination_department_id=self.dep1.id,
                                  destination_district_id=self.district1.id)
            with self.assertRefused(ValidationError, "in the future"):
                self._record_move(case, move_date="2026-11-12 09:00:00")
            with self.assertRefused(ValidationError, "not in"):
                self._record_move(case, destination_district_id=self.district1b.id)
            draft = self._new_case(category_id=self.env.ref(
                "uchaske_registry.category_protection_order").id)
            with self.assertRefused(ValidationError, "registered person"):
                self._record_move(draft)
            self._record_move(case)
            with self.assertRefused(ValidationError, "already has an open transfer"):
                self._record_move(case)
        self.assertEqual(transfers.search_count([("case_id", "=", case.id)]), 1)
        self.assertEqual(case.state, "transfer")

    def test_batch_guards_answer_as_the_guards(self):
        """R14, issue 14: My work checks a page of cases at once with the
        batch forms of the transfer guards; each answers, case by case and
        as the inspector (read rules on the transfers), what the guard
        answers on its own, for a case without a transfer, one in transfer
        and one whose reason contradicts its transfers."""
        moving = self._supervised_case()
        with freeze_time("2026-11-11 09:00:00"):
            self._record_move(moving)
        self.assertEqual(moving.state, "transfer")
        others = []
        for serial in (1202, 1203):
            person = self.Person.create({
                "iin": iin.make_iin(date(1990, 5, 1 + serial % 28), "male", serial),
                "surname": "Batch%d" % serial, "first_name": "Test",
                "department_id": self.dep1.id,
                "address_ids": [(0, 0, {"address": "Abai 1",
                                        "district_id": self.district1.id,
                                        "date_from": "2025-01-01"})]})
            others.append(self._registered_case(person=person))
        plain, contradicted = others
        contradicted.sudo().write({"close_reason": "transferred"})
        cases = self.Case.sudo(self.users["inspector"]).browse(
            (plain | moving | contradicted).ids)
        no_transition = self.env["uchaske.workflow.transition"]
        for guard in ("_wf_guard_can_request_close", "_wf_guard_no_open_transfer",
                      "_wf_guard_back_from_transfer", "_wf_guard_transfer_open"):
            batch = getattr(cases, guard + "_batch")(no_transition)
            alone = {case.id: getattr(case, guard)(no_transition) for case in cases}
            self.assertEqual(batch, alone, guard)
        # the answers differ from case to case: the rule is really applied
        self.assertIsNone(cases._wf_guard_transfer_open_batch(no_transition)[moving.id])
        self.assertTrue(cases._wf_guard_transfer_open_batch(no_transition)[plain.id])
        closing = cases._wf_guard_can_request_close_batch(no_transition)
        self.assertIsNone(closing[plain.id])
        self.assertIn("R14", closing[moving.id])
        self.assertIn("R14", closing[contradicted.id])
        # My work's page offers the inspector no transition a guard refuses
        Item = self.env["uchaske.work.item"].sudo(self.users["inspector"])
        domain = Item.action_open_my_work()["domain"]
        rows = Item.search_read(domain + [("res_model", "=", self.Case._name),
                                          ("res_id", "=", moving.id)], ["actions"])
        for row in rows:
            self.assertNotIn("Request closing", row["actions"] or "")
