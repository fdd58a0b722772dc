# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the report meeting tests: the departments, police points,
districts and role users of ``UchaskeCase``, and helpers that drive a
meeting through its workflow as a given role."""
from freezegun import freeze_time

from odoo.addons.uchaske_base.tests.common import UchaskeCase


class MeetingCase(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(MeetingCase, cls).setUpClass()
        cls.Meeting = cls.env["uchaske.meeting"]
        cls.Line = cls.env["uchaske.workflow.deadline.line"]

    def _meeting(self, role="inspector", district=None, day="2026-11-20",
                 **vals):
        values = {"district_id": (district or self.district1).id,
                  "date_meeting": day, "venue": "School No. 3"}
        values.update(vals)
        return self.Meeting.sudo(self.users[role]).create(values)

    def _announce(self, meeting, role="inspector", day="2026-11-02",
                  fire=True):
        meeting.sudo(self.users[role]).write({"announcement_ids": [(0, 0, {
            "channel": "social", "date": day,
            "link": "https://example.invalid/post/1"})]})
        if fire:
            meeting.sudo(self.users[role]).wf_apply("announce")
        return meeting

    def _held(self, role="inspector", district=None, people=2, items=None):
        """A meeting on 2026-11-20, announced on the 2nd, held that day
        with ``people`` registered (the clock stays on the 20th)."""
        with freeze_time("2026-11-02 09:00:00"):
            meeting = self._announce(self._meeting(role, district))
        with freeze_time("2026-11-20 13:00:00"):  # 18:00 in Almaty
            meeting.sudo(self.users[role]).wf_apply("hold")
            meeting.sudo(self.users[role]).write({
                "protocol_time": 18.0, "protocol_place": "School No. 3",
                "participant_count": people, "decisions": "Lighting",
                "participant_ids": [
                    (0, 0, {"name": "Resident %d" % index,
                            "contact": "Street %d" % index})
                    for index in range(people)],
                "item_ids": items or [],
            })
        return meeting

    def _lines(self, rule, record):
        return self.Line.search([("rule_id", "=", rule.id),
                                 ("res_model", "=", record._name),
                                 ("res_id", "=", record.id)])
