# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Inputs declared as data (issue 9): a transition's own integer and
many2one inputs, validated for the user who fires it, kept in the history
as canonical JSON inside the hash chain, asked for by the wizard's form."""
import json

from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase

REGISTER = {"legal_basis": "Court decision", "document_number": "2-115/2026",
            "document_date": "2026-10-01"}
KK_PARTICIPANTS = "Қатысушылар"


@common.at_install(False)
@common.post_install(True)
class TestDeclaredInputs(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestDeclaredInputs, cls).setUpClass()
        cls.Case = cls.env["uchaske.wf.test.case"]
        cls.env.ref(
            "uchaske_wf_test.input_report_meeting_participants").with_context(
                lang="kk_KZ").write({"label": KK_PARTICIPANTS})

    def _registered(self, role="assistant", inspector="inspector", district=None):
        case = self.Case.sudo(self.users[role]).create(
            {"name": "Case", "district_id": (district or self.district1).id})
        case.sudo(self.users[inspector]).wf_apply("register", REGISTER)
        return case

    def _history(self, case):
        return self.env["uchaske.workflow.history"].search(
            [("res_model", "=", case._name), ("res_id", "=", case.id)],
            order="id")

    def _refused(self, case, values, regex, lang=None):
        """``values`` are refused with a message matching ``regex``; nothing
        of the transition is written."""
        rows = len(self._history(case))
        inspector = case.sudo(self.users["inspector"])
        if lang:
            inspector = inspector.with_context(lang=lang)
        with self.assertRefused(ValidationError, regex):
            inspector.wf_apply("report_meeting", values)
        self.assertEqual(len(self._history(case)), rows)
        self.assertEqual(case.state, "registered")

    def test_integer_and_many2one_stored_in_hashed_json(self):
        """R26: the inspector reports a meeting with its participant count
        and the case it concerned; the history keeps both as canonical JSON,
        and the JSON is part of the row's hash."""
        case = self._registered()
        other = self._registered()
        case.sudo(self.users["inspector"]).wf_apply(
            "report_meeting", {"participants": 14, "related_case_id": other.id,
                               "comment": "school hall"})
        row = self._history(case)[-1]
        self.assertEqual(row.transition_code, "report_meeting")
        self.assertEqual(row.comment, "school hall")
        self.assertEqual(row.input_values,
                         '{"participants":14,"related_case_id":%d}' % other.id)
        self.assertEqual(json.loads(row.input_values)["participants"], 14)
        History = self.env["uchaske.workflow.history"]
        self.assertEqual(History._payload(row)["input_values"], row.input_values)
        # rows without other inputs hash as before: no key at all
        self.assertNotIn("input_values",
                         History._payload(self._history(case)[0]))
        self.assertTrue(case.wf_check_history())

    def test_zero_participants_is_a_value(self):
        """An integer 0 is given, not missing."""
        case = self._registered()
        case.sudo(self.users["inspector"]).wf_apply(
            "report_meeting", {"participants": 0})
        self.assertEqual(self._history(case)[-1].input_values,
                         '{"participants":0}')

    def test_tampered_json_breaks_the_chain(self):
        case = self._registered()
        case.sudo(self.users["inspector"]).wf_apply(
            "report_meeting", {"participants": 14})
        row = self._history(case)[-1]
        cr = self.env.cr
        cr.execute("ALTER TABLE uchaske_workflow_history "
                   "DISABLE TRIGGER uchaske_workflow_history_append_only")
        cr.execute("UPDATE uchaske_workflow_history SET input_values = %s "
                   "WHERE id = %s", ['{"participants":140}', row.id])
        cr.execute("ALTER TABLE uchaske_workflow_history "
                   "ENABLE TRIGGER uchaske_workflow_history_append_only")
        self.env["uchaske.workflow.history"].invalidate_cache()
        self.assertFalse(case.wf_check_history())

    def test_wrong_types_refused_naming_the_field(self):
        case = self._registered()
        self._refused(case, {"participants": "14"},
                      "Participants: enter a whole number")
        self._refused(case, {"participants": True},
                      "Participants: enter a whole number")
        self._refused(case, {"participants": 3, "related_case_id": "x"},
                      "Related case: choose a record you can see")
        self._refused(case, {"participants": 3, "document_date": "1.10.2026"},
                      "document date: 1.10.2026 is not a date")
        self._refused(case, {"participants": 3, "comment": ["a"]},
                      "comment: enter a text")

    def test_required_and_unknown_inputs(self):
        case = self._registered()
        self._refused(case, {"related_case_id": case.id},
                      "requires: Participants")
        self._refused(case, {"participants": 3, "participant_count": 3},
                      "Unknown transition inputs: participant_count")
        # another transition does not accept this one's inputs
        draft = self.Case.sudo(self.users["assistant"]).create(
            {"name": "Case", "district_id": self.district1.id})
        with self.assertRefused(ValidationError,
                                "Unknown transition inputs: participants"):
            draft.sudo(self.users["inspector"]).wf_apply(
                "register", dict(REGISTER, participants=3))
        self.assertEqual(draft.state, "draft")

    def test_foreign_record_refused_like_a_missing_one(self):
        """R7: a case of the other department is not named, not even by
        its id: the same message as for an id that does not exist."""
        case = self._registered()
        foreign = self._registered("assistant2", "inspector2", self.district2)
        self._refused(case, {"participants": 3, "related_case_id": foreign.id},
                      "\\('Related case: choose a record you can see\\.', None\\)")
        missing = foreign.id + 10000
        self._refused(case, {"participants": 3, "related_case_id": missing},
                      "\\('Related case: choose a record you can see\\.', None\\)")
        # the other department's inspector may name it
        foreign.sudo(self.users["inspector2"]).wf_apply(
            "report_meeting", {"participants": 3, "related_case_id": foreign.id})

    def test_error_in_the_users_language(self):
        case = self._registered()
        self._refused(case, {"participants": "many"},
                      "%s: бүтін санды енгізіңіз" % KK_PARTICIPANTS,
                      lang="kk_KZ")

    def test_wizard_form_built_from_the_declarations(self):
        """The button opens a form asking for the declared inputs, with an
        integer and a many2one widget; saved and confirmed as the web client
        does (write, then the button), the transition fires."""
        case = self._registered()
        other = self._registered()
        action = case.sudo(self.users["inspector"]).with_context(
            wf_transition="report_meeting").wf_button()
        Wizard = self.env[action["res_model"]].sudo(
            self.users["inspector"]).with_context(**action["context"])
        view = Wizard.fields_view_get(view_type="form")
        fields = view["fields"]
        self.assertEqual(fields["wf_input_participants"]["type"], "integer")
        self.assertTrue(fields["wf_input_participants"]["required"])
        self.assertEqual(fields["wf_input_related_case_id"]["relation"],
                         "uchaske.wf.test.case")
        doc = etree.fromstring(view["arch"])
        self.assertTrue(doc.xpath(
            "//group[@name='wf_inputs']/field[@name='wf_input_participants']"))
        # the standard inputs the transition does not require are not asked
        self.assertFalse(doc.xpath("//field[@name='legal_basis']"))
        wizard = Wizard.browse(action["res_id"])
        wizard.write({"wf_input_participants": 9,
                      "wf_input_related_case_id": other.id})
        row = wizard.read(["wf_input_participants", "wf_input_related_case_id"])[0]
        self.assertEqual(row["wf_input_participants"], 9)
        self.assertEqual(row["wf_input_related_case_id"][0], other.id)
        wizard.action_apply()
        self.assertEqual(self._history(case)[-1].input_values,
                         '{"participants":9,"related_case_id":%d}' % other.id)
