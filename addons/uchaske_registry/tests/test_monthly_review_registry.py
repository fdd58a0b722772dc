# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The register adds its figures to the monthly review through the
``_review_figures`` hook (R10, R24.6, R12)."""
from freezegun import freeze_time

from .common import RegistryCase


class TestMonthlyReviewRegistry(RegistryCase):

    def test_r24_6_review_counts_supervision_checks(self):
        """R24.6, R12: the month's supervision checks by the officer show in
        their review; checks of another month do not."""
        with freeze_time("2026-10-15 09:00:00"):
            case = self._registered_case()
        Check = self.env["uchaske.registry.check"].sudo(self.users["inspector"])
        with freeze_time("2026-11-20 09:00:00"):
            Check.create({"case_id": case.id, "date": "2026-11-02"})
            Check.create({"case_id": case.id, "date": "2026-11-16",
                          "result": "violation", "violation": "Absent at 23:00"})
            Check.create({"case_id": case.id, "date": "2026-10-30"})
            review = self.env["uchaske.monthly.review"].sudo(
                self.users["responsible"]).create({
                    "officer_id": self.users["inspector"].id,
                    "date_from": "2026-11-01"})
        figures = {line.key: line.value for line in review.line_ids}
        self.assertEqual(figures["registry_checks"], 2)
        self.assertEqual(figures["registry_checks_violation"], 1)
        self.assertIn("reception_in_person", figures)
