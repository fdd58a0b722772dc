# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opening a record checks only the transitions that leave its state
(issue 14, "Under load": the form's buttons, ``wf_available``, are computed
on every opening; checking every transition of the workflow built a
translated refusal for each one that cannot fire from the state, a third of
the time of opening a case). The buttons themselves are unchanged (R2.3,
R16)."""
from unittest import mock

from odoo.tests import common

from odoo.addons.uchaske_base.models.uchaske_workflow_guards import (
    UchaskeWorkflowGuards)
from odoo.addons.uchaske_base.tests.common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestAvailableTransitionsCost(UchaskeCase):

    def test_only_transitions_from_the_state_are_checked(self):
        case = self.env["uchaske.wf.test.case"].sudo(self.users["assistant"]).create(
            {"name": "Case", "district_id": self.district1.id})
        as_inspector = case.sudo(self.users["inspector"])
        workflow = as_inspector._wf_workflow()
        leaving = workflow.transition_ids.filtered(
            lambda t: "draft" in t.from_state_ids.mapped("code"))
        self.assertLess(len(leaving), len(workflow.transition_ids))
        checked = []
        original = UchaskeWorkflowGuards._wf_guard_error

        def spy(record, transition):
            checked.append(transition.code)
            return original(record, transition)

        with mock.patch.object(UchaskeWorkflowGuards, "_wf_guard_error", spy):
            as_inspector.invalidate_cache()
            codes = as_inspector.wf_transition_ids.mapped("code")
        self.assertEqual(sorted(checked), sorted(leaving.mapped("code")))
        # R2.3: the inspector still sees "register" on a draft, the assistant not
        self.assertIn("register", codes)
        case.invalidate_cache()
        self.assertNotIn("register", case.wf_transition_ids.mapped("code"))
