# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Titles the engine shows (deadlines, their activities) speak the
reader's language, not the language of whoever caused them (issue 7)."""
from freezegun import freeze_time

from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase

REGISTER = {"legal_basis": "Court decision", "document_number": "2-115/2026",
            "document_date": "2026-10-01"}
KK_RULE = "Келу туралы растауды сұрау"


@common.at_install(False)
@common.post_install(True)
class TestTranslatedTitles(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestTranslatedTitles, cls).setUpClass()
        cls.rule = cls.env.ref("uchaske_wf_test.deadline_arrival_request")
        cls.rule.with_context(lang="kk_KZ").write({"name": KK_RULE})
        cls.users["inspector"].lang = "kk_KZ"

    def _moved_case(self):
        with freeze_time("2026-11-02 10:00:00"):
            case = self.env["uchaske.wf.test.case"].sudo(
                self.users["assistant"]).create({
                    "name": "Case", "district_id": self.district1.id,
                    "move_date": "2026-11-01 18:30:00"})
            case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
            # the assistant (English) records the move: the R14 deadline is
            # the Kazakh-speaking inspector's
            case.sudo(self.users["assistant"]).wf_apply(
                "record_move", {"comment": "moved to Kokshetau"})
        return case

    def test_deadline_name_in_reader_language(self):
        """R14: the deadline reads "R14: <rule>" in each reader's language."""
        line = self._moved_case().wf_deadline_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.with_context(lang="kk_KZ").name, "R14: " + KK_RULE)
        self.assertEqual(
            line.with_context(lang="en_US").name,
            "R14: Request the destination to confirm arrival")
        # found by its title in either language
        Line = self.env["uchaske.workflow.deadline.line"]
        self.assertIn(line, Line.search([("name", "ilike", "R14")]))
        self.assertIn(line, Line.with_context(lang="kk_KZ").search(
            [("name", "ilike", "растауды")]))

    def test_deadline_activity_in_responsible_language(self):
        """R14: the inspector's to-do is titled in the inspector's language,
        though an English-speaking assistant caused it."""
        line = self._moved_case().wf_deadline_ids
        self.assertEqual(line.user_id, self.users["inspector"])
        self.assertEqual(line.activity_id.summary, "R14: " + KK_RULE)
