# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R10, R24.6: the monthly review counts the officer's plan items (R18,
R24.2) and information transmissions (R22.14) of the month."""
from freezegun import freeze_time

from odoo.tests import common

from odoo.addons.uchaske_base.tests.daily_common import DailyCase


@common.at_install(False)
@common.post_install(True)
class TestMonthlyReviewDailyPlan(DailyCase):

    def _figures(self, role):
        figures = self.env["uchaske.monthly.review"]._review_figures(
            self.users[role], "2026-11-01", "2026-11-30")
        return {key: value for key, (_label, value) in figures.items()}

    def test_r10_review_counts_plan_items_and_transmissions(self):
        """R10, R24.6: the inspector did his plan item in time and sent one
        transmission within 24 hours and one late; the assistant did not do
        hers. Each officer's review shows his own figures only."""
        Transmission = self.env["uchaske.info.transmission"]
        with freeze_time("2026-11-03 10:00:00"):
            plan = self._plan()
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
            item = plan.item_ids.filtered(
                lambda i: i.assignee_id == self.users["inspector"])
            item.sudo(self.users["inspector"]).wf_apply("done")
            records = [Transmission.sudo(self.users["inspector"]).create({
                "name": "Information %d" % number, "recipient": "Road police",
                "district_id": self.district1.id,
                "date_obtained": "2026-11-03 09:00:00"}) for number in (1, 2)]
            records[0].wf_apply("send")
        with freeze_time("2026-11-05 10:00:00"):
            records[1].wf_apply("send")
        with freeze_time("2026-12-01 10:00:00"):
            inspector = self._figures("inspector")
            assistant = self._figures("assistant")
        self.assertEqual(
            (inspector["plan_items_done"], inspector["plan_items_not_done"],
             inspector["transmissions_on_time"], inspector["transmissions_late"]),
            (1, 0, 1, 1))
        self.assertEqual(
            (assistant["plan_items_done"], assistant["plan_items_not_done"],
             assistant["transmissions_on_time"], assistant["transmissions_late"]),
            (0, 1, 0, 0))

    def test_r10_month_is_the_departments_month(self):
        """R10, R22.14: the review's month is the department's (Almaty):
        information obtained at 01:00 on 1 November there (20:00 UTC on 31
        October) is November's; at 00:30 on 1 December (19:30 UTC on 30
        November), December's."""
        Transmission = self.env["uchaske.info.transmission"]

        def obtained(moment):
            Transmission.sudo(self.users["inspector"]).create({
                "name": "Information", "recipient": "Road police",
                "district_id": self.district1.id, "date_obtained": moment})
            figures = self._figures("inspector")
            return (figures["transmissions_on_time"]
                    + figures["transmissions_late"])

        with freeze_time("2026-12-01 10:00:00"):
            self.assertEqual(obtained("2026-10-31 20:00:00"), 1)
            self.assertEqual(obtained("2026-11-30 19:30:00"), 1)
