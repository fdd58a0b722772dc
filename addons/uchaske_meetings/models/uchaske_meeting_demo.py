# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class UchaskeMeetingDemo(models.AbstractModel):
    """Demo report meetings (demo databases only; called from
    demo/uchaske_meeting_demo.xml), made through the real workflow as the
    demo users: every state in both departments, a joint meeting of two
    adjacent districts that carries the open items of the previous
    quarter's meeting, and a district (Yesil 4) without a meeting this
    quarter."""

    _name = "uchaske.meeting.demo"
    _description = "Report meetings demo data"

    @api.model
    def _build_demo(self):
        self._today = fields.Date.from_string(fields.Date.context_today(self))
        ref = self.env.ref
        user = {key: ref("uchaske_base.user_%s_demo" % key) for key in (
            "inspector", "inspector_b", "responsible", "chief", "inspector2",
            "responsible2", "chief2", "inspector2_b")}
        yesil1 = ref("uchaske_base.district_yesil_1_demo")
        yesil2 = ref("uchaske_base.district_yesil_2_demo")
        yesil3 = ref("uchaske_base.district_yesil_3_demo")
        tsel1 = ref("uchaske_base.district_tselinograd_1_demo")
        tsel2 = ref("uchaske_base.district_tselinograd_2_demo")
        tsel3 = ref("uchaske_base.district_tselinograd_3_demo")
        # last quarter's meeting of Yesil 1: signed late with the chief's
        # approval, one item still being checked (carried over)
        previous = self._held(user["inspector"], yesil1, items=True)
        start = fields.Date.from_string(previous.date_meeting).replace(day=1)
        last_quarter = start - timedelta(days=75)
        previous.announcement_ids.sudo().write(
            {"date": self._day(-100, last_quarter)})
        previous.sudo().write({"date_meeting": fields.Date.to_string(
            last_quarter)})
        previous.sudo(user["chief"]).wf_apply(
            "sign_late", {"comment": "Inspector on sick leave on the day"})
        # this quarter: a joint meeting of Yesil 1 and 2, prepared
        joint = self._meeting(user["inspector"], yesil1, 20,
                              district_ids=[(4, yesil2.id)],
                              reporting_inspector_ids=[
                                  (6, 0, [user["inspector"].id,
                                          user["inspector_b"].id])])
        joint.sudo(user["inspector"]).action_prepare_report()
        announced = self._meeting(user["responsible"], yesil3, 12)
        self._announce(announced, user["responsible"], 0)
        # department 2: closed, held, signed, cancelled
        closed = self._held(user["inspector2"], tsel1, items=False)
        closed.sudo(user["inspector2"]).wf_apply("sign")
        closed.sudo(user["responsible2"]).wf_apply("close")
        self._held(user["responsible2"], tsel2, items=False)
        cancelled = self._meeting(user["inspector2_b"], tsel3, 15)
        cancelled.sudo(user["inspector2_b"]).wf_apply(
            "cancel", {"comment": "The hall is not available"})
        return True

    def _day(self, delta, base=None):
        return fields.Date.to_string((base or self._today) +
                                     timedelta(days=delta))

    def _meeting(self, officer, district, delta, **vals):
        values = {"district_id": district.id, "date_meeting": self._day(delta),
                  "time_meeting": 18.0, "venue_kind": "hall",
                  "venue": "School No. %d, assembly hall" % district.number,
                  "expected_attendance": 40,
                  "leadership_present": "Deputy chief of the department",
                  "executive_present": "Deputy akim of the rural district",
                  "invitee_ids": [
                      (0, 0, {"kind": "deputies", "name": "Maslikhat deputy",
                              "acceptance": "accepted"}),
                      (0, 0, {"kind": "media", "name": "Local newspaper"})]}
        values.update(vals)
        return self.env["uchaske.meeting"].sudo(officer).create(values)

    def _announce(self, meeting, officer, delta):
        meeting.sudo(officer).write({"announcement_ids": [(0, 0, {
            "channel": "social", "date": self._day(delta),
            "link": "https://example.invalid/announcement/%d" % meeting.id})]})
        meeting.sudo(officer).wf_apply("announce")

    def _held(self, officer, district, items):
        meeting = self._meeting(officer, district, 0)
        meeting.sudo(officer).write({"announcement_ids": [(0, 0, {
            "channel": "media", "date": self._day(-12),
            "link": "https://example.invalid/newspaper/%d" % district.id})]})
        meeting.sudo(officer).wf_apply("announce")
        meeting.sudo(officer).wf_apply("hold")
        people = [("Aliya Omarova", "Abay St 12"),
                  ("Timur Akhmetov", "+7 701 000 0001"),
                  ("Saule Kim", "Kenesary St 4")]
        values = {
            "protocol_time": 18.0, "protocol_place": meeting.venue,
            "participant_count": len(people),
            "decisions": "Street lighting to be requested from the akimat.",
            "participant_ids": [(0, 0, {"name": name, "contact": contact})
                                for name, contact in people],
            "item_ids": [(0, 0, {"kind": "proposal", "author": "Aliya Omarova",
                                 "text": "More patrols near the school",
                                 "outcome": "answered",
                                 "answer": "Patrols added on weekdays"})],
        }
        if items:
            values["item_ids"].append((0, 0, {
                "kind": "complaint", "author": "Timur Akhmetov",
                "text": "Noise from a café at night", "outcome": "check",
                "assignee_id": officer.id, "check_deadline": self._day(30)}))
            values["award_ids"] = [(0, 0, {
                "recipient_kind": "citizen", "name": "Saule Kim",
                "award": "Letter of thanks",
                "reason": "Helped to find a missing child"})]
        meeting.sudo(officer).write(values)
        return meeting
