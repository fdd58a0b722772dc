# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The transition buttons as the web client uses them (issue 7): the
"Request closing" button is offered without a hidden field set first and its
wizard asks for the close reason (R2.3); confirming an arrival asks a
question and records the confirming document (R14)."""
from odoo.exceptions import ValidationError
from odoo.tests import common

from .common import RegistryCase


@common.at_install(False)
@common.post_install(True)
class TestTransitionWizard(RegistryCase):

    def _open_wizard(self, record, code, user):
        action = record.sudo(self.users[user]).with_context(
            wf_transition=code).wf_button()
        self.assertEqual(action["res_model"],
                         "uchaske.workflow.transition.wizard")
        return self.env[action["res_model"]].sudo(
            self.users[user]).browse(action["res_id"])

    def test_request_close_offered_and_reason_asked(self):
        """R2.3: the inspector sees "Request closing" on a registered case
        with no reason yet; the wizard asks for it; without it nothing
        happens, with it the case waits for approval."""
        case = self._registered_case()
        inspector = case.sudo(self.users["inspector"])
        self.assertFalse(case.close_reason)
        self.assertIn(",request_close,", inspector.wf_available)
        wizard = self._open_wizard(case, "request_close", "inspector")
        self.assertTrue(wizard.ask_close_reason)
        wizard.write({"comment": "term over", "legal_basis": "Art. 10"})
        with self.assertRefused(ValidationError, "Close reason"):
            wizard.action_apply()
        self.assertEqual(case.state, "registered")
        self.assertFalse(case.close_reason)
        wizard.write({"close_reason": "term_expired"})
        wizard.action_apply()
        self.assertEqual(case.state, "closing")
        self.assertEqual(case.close_reason, "term_expired")

    def test_reason_refused_leaves_nothing(self):
        """R14: "Transferred" without a finished transfer is refused by the
        guard, and the reason typed in the wizard is not kept."""
        case = self._registered_case()
        wizard = self._open_wizard(case, "request_close", "inspector")
        wizard.write({"comment": "moved", "legal_basis": "Art. 10",
                      "close_reason": "transferred"})
        with self.assertRefused(ValidationError, "Transferred"):
            wizard.action_apply()
        self.assertEqual(case.state, "registered")
        self.assertFalse(case.close_reason)

    def test_other_transitions_do_not_ask_reason(self):
        """Only the closing request asks for a close reason."""
        case = self._new_case("inspector")
        wizard = self._open_wizard(case, "register", "inspector")
        self.assertFalse(wizard.ask_close_reason)
