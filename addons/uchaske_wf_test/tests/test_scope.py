# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The three scope kinds of ``uchaske.scope.mixin`` driven as real users of
each role: a district's record (R2.3, R6, R7, R16, R24), a police point's
record (R24, R16) and a person's record (R16, R24); their standard record
rules are generated once per kind."""
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase

from .test_engine import REGISTER


@common.at_install(False)
@common.post_install(True)
class TestScopeKinds(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestScopeKinds, cls).setUpClass()
        cls.Case = cls.env["uchaske.wf.test.case"]
        cls.Plan = cls.env["uchaske.wf.test.plan"]
        cls.Note = cls.env["uchaske.wf.test.note"]

    def _visible(self, model, role, records):
        """The part of ``records`` the user of ``role`` finds."""
        found = model.sudo(self.users[role]).search([("id", "in", records.ids)])
        return model.browse(found.ids)

    def _history(self, record):
        return self.env["uchaske.workflow.history"].search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)],
            order="id")

    # -- a police point's record -----------------------------------------

    def test_post_record_read_by_its_officers_kept_by_its_lead(self):
        """R24, R16: the police point's officers read its plan; only its
        responsible inspector and the chief change it; the other department
        neither reads nor writes it."""
        plan = self.Plan.sudo(self.users["responsible"]).create(
            {"name": "November plan", "post_id": self.post1.id})
        self.assertEqual(plan.department_id, self.dep1)
        self.assertFalse(plan.district_id)
        for role in ("assistant", "inspector", "neighbour", "responsible", "chief"):
            self.assertEqual(self._visible(self.Plan, role, plan), plan, role)
        for role in ("assistant2", "inspector2", "responsible2", "chief2"):
            self.assertFalse(self._visible(self.Plan, role, plan), role)
            with self.assertRefused(AccessError):
                plan.sudo(self.users[role]).read(["name"])
        for role in ("assistant", "inspector", "responsible2", "chief2"):
            with self.assertRefused(AccessError):
                plan.sudo(self.users[role]).write({"name": "Changed"})
            with self.assertRefused(AccessError):
                self.Plan.sudo(self.users[role]).create(
                    {"name": "Other", "post_id": self.post1.id})
        plan.sudo(self.users["chief"]).write({"name": "Approved plan"})
        plan.sudo(self.users["chief"]).wf_apply("approve", {})
        self.assertEqual(plan.state, "approved")
        history = self._history(plan)[-1]
        self.assertEqual((history.post_id, history.department_id),
                         (self.post1, self.dep1))
        self.assertEqual(plan._wf_escalation_user(self.users["responsible"]),
                         self.users["chief"])

    # -- a person's record -----------------------------------------------

    def test_person_record_kept_by_its_owner_read_by_lead_and_chief(self):
        """R16, R24: an officer's notebook is theirs; the responsible
        inspector of their police point and their chief read it, nobody
        else; nobody writes it for them."""
        note = self.Note.sudo(self.users["inspector"]).create({"name": "Day 1"})
        self.assertEqual(note.user_id, self.users["inspector"])
        self.assertEqual((note.post_id, note.department_id),
                         (self.post1, self.dep1))
        for role in ("inspector", "responsible", "chief"):
            self.assertEqual(self._visible(self.Note, role, note), note, role)
        for role in ("assistant", "neighbour", "assistant2", "inspector2",
                     "responsible2", "chief2"):
            self.assertFalse(self._visible(self.Note, role, note), role)
        for role in ("assistant", "responsible", "chief", "chief2"):
            with self.assertRefused(AccessError):
                note.sudo(self.users[role]).write({"name": "Changed"})
        with self.assertRefused(AccessError):
            self.Note.sudo(self.users["inspector"]).create(
                {"name": "For another", "user_id": self.users["assistant"].id})
        with self.assertRefused(AccessError):
            self.Note.sudo(self.users["inspector2"]).create(
                {"name": "For another", "user_id": self.users["inspector"].id})
        note.sudo(self.users["inspector"]).write({"name": "Day 1, visits"})
        note.sudo(self.users["inspector"]).wf_apply("close", {})
        self.assertEqual(note.state, "closed")
        self.assertEqual(self._history(note)[-1].department_id, self.dep1)
        self.assertEqual(note._wf_escalation_user(self.users["inspector"]),
                         self.users["responsible"])

    # -- a district's record, substitution (R6) ----------------------------

    def test_district_record_scope_and_substitution(self):
        """R6, R7, R16, R24: the scope follows the district; the substitute
        reads and moves the absent inspector's records during the period
        only, the history says for whom; the other department never."""
        with freeze_time("2026-11-25"):
            case = self.Case.sudo(self.users["assistant"]).create(
                {"name": "Case", "district_id": self.district1.id})
            self.env["uchaske.substitution"].sudo(self.users["chief"]).create({
                "district_id": self.district1.id,
                "absent_user_id": self.users["inspector"].id,
                "substitute_id": self.users["neighbour"].id,
                "reason": "leave", "date_start": "2026-12-01",
                "date_end": "2026-12-10", "order_number": "78",
                "order_date": "2026-11-25"})
        self.assertEqual((case.post_id, case.department_id, case.inspector_id),
                         (self.post1, self.dep1, self.users["inspector"]))
        with freeze_time("2026-11-30"):
            self.env["ir.rule"].clear_caches()
            self.env["res.users"].invalidate_cache()
            for role in ("neighbour", "assistant2", "inspector2", "responsible2",
                         "chief2"):
                self.assertFalse(self._visible(self.Case, role, case), role)
            with self.assertRefused(AccessError):
                self.Case.sudo(self.users["inspector2"]).create(
                    {"name": "Foreign", "district_id": self.district1.id})
        with freeze_time("2026-12-05"):
            self.env["uchaske.substitution"]._cron_refresh_access()
            self.env["res.users"].invalidate_cache()
            neighbour = self.users["neighbour"]
            self.assertEqual(self._visible(self.Case, "neighbour", case), case)
            case.sudo(neighbour).write({"note": "Seen by the substitute"})
            self.assertEqual(case.sudo(neighbour)._wf_acting_for(),
                             self.users["inspector"])
            case.sudo(neighbour).wf_apply("register", REGISTER)
            last = self._history(case)[-1]
            self.assertEqual(last.acting_for_user_id, self.users["inspector"])
            self.assertEqual((last.district_id, last.post_id, last.department_id),
                             (self.district1, self.post1, self.dep1))
        with freeze_time("2026-12-11"):
            self.env["uchaske.substitution"]._cron_refresh_access()
            self.env["res.users"].invalidate_cache()
            self.assertFalse(self._visible(self.Case, "neighbour", case))
        self.assertEqual(case._wf_escalation_user(self.users["inspector"]),
                         self.users["responsible"])
        self.assertEqual(case._wf_escalation_user(self.users["responsible"]),
                         self.users["chief"])
        self.assertFalse(case._wf_escalation_user(self.users["chief"]))

    # -- the generated rules ---------------------------------------------

    def test_rules_generated_once_per_model_and_kind(self):
        """Each scoped model has one rule per role of its kind, under the
        xmlid ``<model>_rule_<role>``; generating again (an upgrade) updates
        them and adds none."""
        Rule = self.env["ir.rule"].sudo()

        def rules():
            return Rule.search([("model_id.model", "in", (
                self.Case._name, self.Plan._name, self.Note._name))])
        before = rules()
        self.assertEqual(len(before), 4 + 5 + 4)
        note_own = self.env.ref("uchaske_wf_test.uchaske_wf_test_note_rule_assistant")
        note_own.domain_force = "[(1, '=', 1)]"
        self.env["uchaske.scope.mixin"]._scope_sync_rules("uchaske_wf_test")
        self.assertEqual(rules(), before)
        self.assertEqual(note_own.domain_force, "[('user_id', '=', user.id)]")
        self.assertEqual(self.env.ref(
            "uchaske_wf_test.uchaske_wf_test_case_rule_responsible_inspector"
        ).domain_force, "[('post_id', 'in', user.uchaske_post_ids.ids)]")
