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
        values, queries = self._queries(
            lambda: as_inspector.read(["wf_available", "wf_locked"])[0])
        self.assertIn(",register,", values["wf_available"])
        self.assertFalse(values["wf_locked"])
        for table in ("uchaske_workflow_transition", "uchaske_workflow_state",
                      "res_groups_users_rel"):
            self.assertFalse([q for q in queries if table in q], table)

    #: the chatter as a user sees it (the test classes turn it off)
    _CHATTER = dict.fromkeys(
        ("tracking_disable", "mail_notrack", "mail_create_nolog"), False)

    def _queries(self, call):
        """(what ``call()`` returns, the statements it made)."""
        queries = []
        original = self.env.cr.execute

        def execute(query, params=None, log_exceptions=None):
            queries.append(str(query))
            return original(query, params)

        with mock.patch.object(self.env.cr, "execute", execute):
            result = call()
        return result, queries

    def _state_reads(self, call):
        """The statements reading the columns of workflow states made by
        ``call()`` (not the cached definition's look-ups)."""
        result, queries = self._queries(call)
        return result, [q for q in queries
                        if '"uchaske_workflow_state"."code" as "code"' in q]

    def test_states_read_once_for_a_creation_and_a_transition(self):
        """Issue 14: the engine meets the initial state at a creation and
        the old and new states at a transition; they are read together in
        one statement (each was one, with its translated name) -- and the
        history names them all as before (R2.3)."""
        Case = self.env["uchaske.wf.test.case"].sudo(
            self.users["inspector"]).with_context(**self._CHATTER)

        def create_and_register():
            case = Case.create({"name": "Case", "district_id": self.district1.id})
            case.wf_apply("register", REGISTER)
            return case

        create_and_register()  # the definition's caches filled
        self.env.cache.invalidate()
        case, reads = self._state_reads(create_and_register)
        self.assertEqual(len(reads), 1, reads)
        history = self.env["uchaske.workflow.history"].search(
            [("res_model", "=", case._name), ("res_id", "=", case.id)], order="id")
        names = {state.code: state.name
                 for state in case._wf_workflow().state_ids}
        self.assertEqual(history.mapped("to_state_name"),
                         [names["draft"], names["registered"]])
        self.assertEqual(history[1].from_state_name, names["draft"])
        self.assertEqual(case.state, "registered")

    def test_creation_note_names_the_model_in_the_users_language(self):
        """Issue 14: the creation note's model name is cached per model and
        language; a changed translation of the name is used at the next
        creation (the translation clears the registry's caches)."""
        self.env["res.lang"].load_lang("ru_RU")
        inspector = self.users["inspector"]
        Case = self.env["uchaske.wf.test.case"].sudo(inspector).with_context(
            lang="ru_RU", **self._CHATTER)
        model = self.env["ir.model"]._get("uchaske.wf.test.case")
        translations = self.env["ir.translation"]

        def created_note(case):
            return case.sudo().message_ids.sorted("id")[:1].body or ""

        translations._set_ids("ir.model,name", "model", "ru_RU", model.ids,
                              "Тестовое дело", model.name)
        first = Case.create({"name": "Case 1", "district_id": self.district1.id})
        self.assertIn("Тестовое дело", created_note(first))
        translations._set_ids("ir.model,name", "model", "ru_RU", model.ids,
                              "Проверочное дело", model.name)
        self.env.cache.invalidate()  # as the next request's fresh cache
        second = Case.create({"name": "Case 2", "district_id": self.district1.id})
        self.assertIn("Проверочное дело", created_note(second))
        # another language keeps its own name
        english = Case.with_context(lang="en_US").create(
            {"name": "Case 3", "district_id": self.district1.id})
        self.assertIn(model.with_context(lang="en_US").name, created_note(english))

    def test_translated_state_name_follows_its_translation(self):
        """A state's name translated in Settings > Translations (not through
        the state's form) is the one the next record shows: the cached
        selection of states is cleared with it (R2.3)."""
        self.env["res.lang"].load_lang("ru_RU")
        Case = self.env["uchaske.wf.test.case"].with_context(lang="ru_RU")
        state = Case._wf_workflow().state_ids.filtered(
            lambda record: record.code == "draft")
        Case._wf_state_pairs()  # cached
        self.env["ir.translation"]._set_ids(
            "uchaske.workflow.state,name", "model", "ru_RU", state.ids,
            "Черновик дела", state.name)
        self.env.cache.invalidate()  # as the next request's fresh cache
        self.assertIn(("draft", "Черновик дела"), Case._wf_state_pairs())
