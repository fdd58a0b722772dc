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

from .test_engine import REGISTER


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

        def spy(record, transition, **kwargs):
            checked.append(transition.code)
            return original(record, transition, **kwargs)

        with mock.patch.object(UchaskeWorkflowGuards, "_wf_guard_error", spy):
            as_inspector.invalidate_cache()
            codes = as_inspector.wf_transition_ids.mapped("code")
        self.assertEqual(sorted(checked), sorted(leaving.mapped("code")))
        # R2.3: the inspector still sees "register" on a draft, the assistant not
        self.assertIn("register", codes)
        case.invalidate_cache()
        self.assertNotIn("register", case.wf_transition_ids.mapped("code"))

    def test_write_access_checked_once_per_opening(self):
        """Issue 14: the write access every transition needs is checked once
        for the buttons, not once per transition; without it no button."""
        case = self.env["uchaske.wf.test.case"].sudo(self.users["assistant"]).create(
            {"name": "Case", "district_id": self.district1.id})
        as_inspector = case.sudo(self.users["inspector"])
        as_inspector.wf_apply("register", REGISTER)
        leaving = as_inspector._wf_workflow().transition_ids.filtered(
            lambda t: "registered" in t.from_state_ids.mapped("code"))
        self.assertGreater(len(leaving), 1)
        calls = []
        original = UchaskeWorkflowGuards._wf_may_write

        def spy(record):
            calls.append(record.id)
            return original(record)

        with mock.patch.object(UchaskeWorkflowGuards, "_wf_may_write", spy):
            as_inspector.invalidate_cache()
            self.assertIn("request_close",
                          as_inspector.wf_transition_ids.mapped("code"))
        self.assertEqual(calls, [case.id])
        # refused the write (as by a record rule): no button at all
        with mock.patch.object(UchaskeWorkflowGuards, "_wf_may_write",
                               lambda record: False):
            as_inspector.invalidate_cache()
            self.assertFalse(as_inspector._wf_available_transitions())

    def test_opening_reads_no_transition_nor_state(self):
        """Issue 14: the buttons and the lock of a form come from the cached
        definition: after a first opening, computing them again reads
        neither the transitions, nor the state, nor the user's groups."""
        case = self.env["uchaske.wf.test.case"].sudo(self.users["assistant"]).create(
            {"name": "Case", "district_id": self.district1.id})
        as_inspector = case.sudo(self.users["inspector"])
        as_inspector.read(["wf_available", "wf_locked"])
        as_inspector.invalidate_cache()
        queries = []
        original = self.env.cr.execute

        def execute(query, params=None, log_exceptions=None):
            queries.append(str(query))
            return original(query, params)

        with mock.patch.object(self.env.cr, "execute", execute):
            values = as_inspector.read(["wf_available", "wf_locked"])[0]
        self.assertIn(",register,", values["wf_available"])
        self.assertFalse(values["wf_locked"])
        for table in ("uchaske_workflow_transition", "uchaske_workflow_state",
                      "res_groups_users_rel"):
            self.assertFalse([q for q in queries if table in q], table)
