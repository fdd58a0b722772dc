# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The register's figures for the inspector's report to the population
(R29, R30) through the district hook of uchaske_base: cases on the
register by category, registered, checks and transfers in the period."""
from freezegun import freeze_time

from odoo.tests import common

from .common import RegistryCase


@common.at_install(False)
@common.post_install(True)
class TestReportFigures(RegistryCase):

    def test_register_figures_of_the_district(self):
        """R29, R30: the report states the register's figures."""
        with freeze_time("2026-11-02 09:00:00"):
            before = dict(self.district1._report_figures(
                "2026-10-01", "2026-12-31"))
            case = self._registered_case()
            self.env["uchaske.registry.check"].sudo(
                self.users["inspector"]).create(
                    {"case_id": case.id, "date": "2026-11-02",
                     "kind": "home_visit", "result": "complies"})
            after = dict(self.district1._report_figures(
                "2026-10-01", "2026-12-31"))
        label = "On the register: %s" % self.category.name
        self.assertEqual(after[label], before.get(label, 0) + 1)
        self.assertEqual(after["Registered in the period"],
                         before["Registered in the period"] + 1)
        self.assertEqual(after["Supervision checks in the period"],
                         before["Supervision checks in the period"] + 1)
        self.assertIn("Transfers on relocation in the period", after)
        other = dict(self.district2._report_figures("2026-10-01", "2026-12-31"))
        self.assertEqual(other["Registered in the period"], 0)
