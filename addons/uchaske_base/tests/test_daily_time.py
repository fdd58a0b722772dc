# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The inspector's day, second half of issue 11: receptions (R9), rural
calls (R23.3), working time (R8), diversions (R7) and the monthly review
(R10, R24.6), as real users of each role with an injected clock. Times are
UTC in the database; Asia/Almaty is UTC+5."""
from freezegun import freeze_time

from odoo import tools
from odoo.exceptions import AccessError, ValidationError
from odoo.modules.module import get_module_resource

from .common import UchaskeCase


class TestDailyTime(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestDailyTime, cls).setUpClass()
        duty = cls.env.ref("uchaske_base.group_duty_officer")
        for dep, suffix in ((cls.dep1, ""), (cls.dep2, "2")):
            cls.users["duty" + suffix] = cls.env["res.users"].create({
                "name": "Test duty officer%s" % suffix,
                "login": "t_duty%s" % suffix,
                "groups_id": [(6, 0, [duty.id])],
                "uchaske_department_id": dep.id,
            })
        cls.district2u = cls.env["uchaske.district"].create({
            "name": "Town", "number": 2, "department_id": cls.dep2.id,
            "district_type": "urban", "post_id": cls.post2.id})
        cls.Reception = cls.env["uchaske.reception"]
        cls.Call = cls.env["uchaske.rural.call"]
        cls.Entry = cls.env["uchaske.time.entry"]
        cls.Diversion = cls.env["uchaske.diversion"]
        cls.Review = cls.env["uchaske.monthly.review"]
        cls.rural_rule = cls.env.ref("uchaske_base.deadline_rural_call_daily")

    # -- receptions (R9) -------------------------------------------------

    def _reception(self, user="inspector", **values):
        vals = {"citizen_name": "Aigerim Nurlanova", "subject": "Noise at night",
                "district_id": self.district1.id, "mode": "in_person",
                "date_reception": "2026-12-02 14:00:00"}  # 19:00 in Almaty
        vals.update(values)
        return self.as_user(user, self.Reception).create(vals)

    def test_r9_in_person_evening_hours_almaty(self):
        """R9: in person from 18:00 to 21:00 local time; 14:00 is refused
        with a clear message and nothing is written."""
        reception = self._reception()
        self.assertEqual(reception.officer_id, self.users["inspector"])
        self.assertEqual(reception.post_id, self.post1)
        count = self.Reception.search_count([])
        with self.assertRefused(ValidationError, "18:00 to 21:00.*14:00"):
            self._reception(date_reception="2026-12-02 09:00:00")  # 14:00 local
        self.assertEqual(self.Reception.search_count([]), count)
        # 21:30 local is refused too
        with self.assertRefused(ValidationError, "21:30"):
            self._reception(date_reception="2026-12-02 16:30:00")

    def test_r9_r23_3_refusals_in_kazakh_and_russian(self):
        """R9, R23.3: the refusals reach the user in their language (Russian
        loaded here from the addon's ru.po: the test database has Kazakh)."""
        if not self.env["res.lang"].search([("code", "=", "ru_RU")]):
            self.env["res.lang"].load_lang("ru_RU")
        tools.trans_load(self.cr, get_module_resource(
            "uchaske_base", "i18n", "ru.po"), "ru_RU", verbose=False,
            module_name="uchaske_base")
        for lang, r9, r23 in (
                ("kk_KZ", "18:00-ден 21:00-ге дейін", "тек ауылдық учаскелер"),
                ("ru_RU", "с 18:00 до 21:00", "только для сельских участков")):
            with self.assertRefused(ValidationError, r9):
                self.Reception.sudo(self.users["inspector"]).with_context(
                    lang=lang).create({
                        "citizen_name": "A", "subject": "B",
                        "district_id": self.district1.id, "mode": "in_person",
                        "date_reception": "2026-12-02 09:00:00"})
            with self.assertRefused(ValidationError, r23):
                self.Call.sudo(self.users["duty2"]).with_context(
                    lang=lang).create({
                        "district_id": self.district2u.id,
                        "caller_id": self.users["inspector2"].id,
                        "situation": "Quiet"})

    def test_r9_department_time_zone(self):
        """R9: the hours are the department's local time."""
        self.dep1.tz = "Europe/Moscow"  # 14:00 UTC is 17:00 there
        with self.assertRefused(ValidationError, "17:00"):
            self._reception()

    def test_r9_online_on_working_days(self):
        """R9: online any time of a working day; not on a Saturday or the
        16 December public holiday of the working calendar."""
        self._reception(mode="online", date_reception="2026-12-02 04:00:00")
        with self.assertRefused(ValidationError, "05.12.2026"):
            self._reception(mode="online", date_reception="2026-12-05 05:00:00")
        with self.assertRefused(ValidationError, "16.12.2026"):
            self._reception(mode="online", date_reception="2026-12-16 05:00:00")

    def test_r9_reception_scope(self):
        """R9, R16: an officer records receptions in the districts served;
        another department neither writes nor reads them."""
        reception = self._reception()
        # another department's district: not even readable (base.py)
        with self.assertRefused(AccessError, "District"):
            self._reception(district_id=self.district2.id)
        self.assertFalse(self.as_user("inspector2", self.Reception).search(
            [("id", "=", reception.id)]))
        self.assertTrue(self.as_user("responsible", self.Reception).search(
            [("id", "=", reception.id)]))
        with self.assertRefused(AccessError):
            self.as_user("inspector2", reception).write({"result": "x"})

    # -- rural calls (R23.3) ---------------------------------------------

    def _call(self, user="duty2", **values):
        vals = {"district_id": self.district2.id,
                "caller_id": self.users["inspector2"].id,
                "situation": "Quiet; one road accident without victims.",
                "date_call": "2026-12-02 04:00:00"}
        vals.update(values)
        return self.as_user(user, self.Call).create(vals)

    def test_r23_3_duty_officer_records_call(self):
        """R23.3: the duty officer records the call of a rural district; the
        day is the department's local day."""
        call = self._call(date_call="2026-12-01 20:00:00")  # 01:00 on the 2nd
        self.assertEqual(call.call_day, "2026-12-02")
        self.assertEqual(call.duty_officer_id, self.users["duty2"])
        self.assertEqual(call.department_id, self.dep2)
        # the district's inspector and the chief read it
        self.assertTrue(self.as_user("inspector2", self.Call).search(
            [("id", "=", call.id)]))
        self.assertFalse(self.as_user("chief", self.Call).search(
            [("id", "=", call.id)]))

    def test_r23_3_refusals(self):
        """R23.3: a call for an urban district, by someone not serving the
        district, or recorded by the duty officer of another department or
        by the inspector himself is refused; nothing is written."""
        count = self.Call.search_count([])
        with self.assertRefused(ValidationError, "rural districts only"):
            self._call(district_id=self.district2u.id)
        with self.assertRefused(ValidationError, "Who called"):
            self._call(caller_id=self.users["responsible2"].id)
        # another department's district: not even readable (base.py)
        with self.assertRefused(AccessError, "District"):
            self._call(user="duty")
        with self.assertRefused(AccessError):
            self._call(user="inspector2")
        self.assertEqual(self.Call.search_count([]), count)

    def _rural_lines(self, district):
        return self.env["uchaske.workflow.deadline.line"].search([
            ("rule_id", "=", self.rural_rule.id), ("res_id", "=", district.id)])

    def test_r23_3_daily_call_deadline(self):
        """R23.3: each working day a rural district owes a call (periodic
        deadline for its inspector); urban districts owe none; a day without
        a call is missed (overdue); a day off owes nothing."""
        with freeze_time("2026-12-02 03:00:00"):
            self.env["uchaske.workflow.deadline"]._cron_periodic()
        line = self._rural_lines(self.district2)
        self.assertEqual(len(line), 1)
        self.assertEqual((line.user_id, line.period_key, line.requirement_ref),
                         (self.users["inspector2"], "2026-12-02", "R23.3"))
        self.assertFalse(self._rural_lines(self.district1))
        self.assertFalse(self._rural_lines(self.district2u))
        with freeze_time("2026-12-03 03:00:00"):
            line.invalidate_cache()
            self.assertTrue(line.overdue)  # missed on the 2nd
            self._call(date_call="2026-12-03 03:00:00")
            self.env["uchaske.workflow.deadline"]._cron_periodic()
            day3 = self._rural_lines(self.district2) - line
            # the call of the 3rd meets the 3rd: no line left open
            self.assertFalse(day3.filtered(lambda line: line.state == "open"))
        with freeze_time("2026-12-05 03:00:00"):  # Saturday
            self.env["uchaske.workflow.deadline"]._cron_periodic()
            self.assertFalse(self._rural_lines(self.district2).filtered(
                lambda line: line.period_key == "2026-12-05"))

    def test_r23_3_rural_rule_checked_like_a_district_rule(self):
        """R23.3: a rural periodic rule is checked as the engine checks a
        district one: its target must point to the district."""
        values = {"kind": "periodic", "name": "Bad rural rule",
                  "period": "working_day", "scope_kind": "rural_district",
                  "responsible_role": "inspector",
                  "target_model": "uchaske.rural.call",
                  "target_date_field": "call_day",
                  "target_scope_field": "caller_id", "requirement_ref": "R23.3"}
        with self.assertRefused(ValidationError, "Bad rural rule"):
            self.env["uchaske.workflow.deadline"].create(values)
        values.update(target_scope_field="district_id", name="Good rural rule")
        self.env["uchaske.workflow.deadline"].create(values)

    # -- working time (R8) -----------------------------------------------

    def _entry(self, user="inspector", start="2026-12-02 04:00:00",
               end="2026-12-02 12:00:00"):
        return self.as_user(user, self.Entry).create(
            {"date_start": start, "date_end": end})

    def test_r8_overtime_night_weekend_holiday(self):
        """R8: beyond 8 hours is overtime; night (22:00-06:00 local), weekend
        and holiday work of the working calendar are marked."""
        entry = self._entry()
        self.assertEqual((entry.hours, entry.overtime, entry.day),
                         (8.0, False, "2026-12-02"))
        late = self._entry(start="2026-12-03 04:00:00", end="2026-12-03 18:00:00")
        self.assertEqual((late.hours, late.overtime_hours, late.night_hours),
                         (14.0, 6.0, 1.0))
        self.assertTrue(late.overtime)
        self.assertTrue(self._entry(start="2026-12-05 04:00:00",
                                    end="2026-12-05 06:00:00").weekend)
        self.assertTrue(self._entry(start="2026-12-16 04:00:00",
                                    end="2026-12-16 06:00:00").holiday)

    def test_r8_refusals(self):
        """R8: an entry of 25 hours, or overlapping another of the same
        officer, is refused; nothing is written."""
        self._entry()
        count = self.Entry.search_count([])
        with self.assertRefused(ValidationError, "24 hours"):
            self._entry(start="2026-12-07 04:00:00", end="2026-12-08 05:00:00")
        with self.assertRefused(ValidationError, "overlaps"):
            self._entry(start="2026-12-02 11:00:00", end="2026-12-02 13:00:00")
        with self.assertRefused(ValidationError, "after the start"):
            self._entry(start="2026-12-02 14:00:00", end="2026-12-02 13:00:00")
        self.assertEqual(self.Entry.search_count([]), count)
        # another officer's time does not overlap
        self._entry(user="assistant", start="2026-12-02 11:00:00",
                    end="2026-12-02 13:00:00")

    def test_r8_marks_follow_the_times_only(self):
        """R8: the hours, overtime and the day of an entry follow from its
        start and end; an officer cannot write them (his overtime away, a
        day into another month), neither at create nor later: refused
        naming the field, nothing written."""
        entry = self._entry(start="2026-12-03 04:00:00", end="2026-12-03 18:00:00")
        for vals, label in (({"hours": 8.0}, "Hours"),
                            ({"overtime_hours": 0.0, "overtime": False},
                             "Overtime Hours"),
                            ({"day": "2027-01-03"}, "Day"),
                            ({"note": "x", "night_hours": 0.0}, "Night Hours")):
            with self.assertRefused(ValidationError, "'%s: computed" % label):
                self.as_user("inspector", entry).write(vals)
        self.assertEqual((entry.hours, entry.overtime_hours, entry.day,
                          entry.night_hours, entry.note),
                         (14.0, 6.0, "2026-12-03", 1.0, False))
        count = self.Entry.search_count([])
        with self.assertRefused(ValidationError, "'Hours: computed"):
            self.as_user("inspector", self.Entry).create({
                "date_start": "2026-12-04 04:00:00",
                "date_end": "2026-12-04 18:00:00", "hours": 8.0})
        self.assertEqual(self.Entry.search_count([]), count)
        # the times themselves may change: the marks follow
        self.as_user("inspector", entry).write({"date_end": "2026-12-03 12:00:00"})
        self.assertEqual((entry.hours, entry.overtime), (8.0, False))

    def test_r8_time_scope(self):
        """R8, R24, R16: an officer keeps their own time; the responsible
        inspector and the chief read it, not change it; another department
        does not see it."""
        entry = self._entry()
        self.assertTrue(self.as_user("responsible", self.Entry).search(
            [("id", "=", entry.id)]))
        self.assertFalse(self.as_user("chief2", self.Entry).search(
            [("id", "=", entry.id)]))
        with self.assertRefused(AccessError):
            self.as_user("responsible", entry).write({"note": "changed"})
        with self.assertRefused(AccessError):
            self.as_user("assistant", entry).write({"note": "changed"})

    # -- diversions (R7) -------------------------------------------------

    def _diversion(self, user="chief", **values):
        vals = {"officer_id": self.users["inspector"].id,
                "district_id": self.district1.id, "kind": "public_order",
                "date_from": "2026-12-05", "date_to": "2026-12-06",
                "order_number": "142", "order_date": "2026-12-03",
                "reason": "City marathon outside the district."}
        vals.update(values)
        return self.as_user(user, self.Diversion).create(vals)

    def test_r7_diversion_needs_order_and_reason(self):
        """R7: a diversion is recorded on an order (number, date) with a
        reason; without, it is refused and nothing is written."""
        diversion = self._diversion()
        self.assertEqual(diversion.days, 2)
        count = self.Diversion.search_count([])
        with self.assertRefused(ValidationError, "Reason"):
            self._diversion(reason="  ")
        with self.assertRefused(ValidationError, "Order number"):
            self._diversion(order_number=False)
        self.assertEqual(self.Diversion.search_count([]), count)

    def test_r7_crime_search_rural_and_roles(self):
        """R7: personal crime search is allowed in rural districts (no
        diversion); only the chief records diversions, of the department."""
        self._diversion(kind="crime_search")  # urban: a diversion
        with self.assertRefused(ValidationError, "rural district"):
            self._diversion(user="chief2", kind="crime_search",
                            officer_id=self.users["inspector2"].id,
                            district_id=self.district2.id)
        with self.assertRefused(AccessError):
            self._diversion(user="inspector")
        with self.assertRefused(AccessError):
            self._diversion(user="responsible")
        with self.assertRefused(AccessError, "District"):
            self._diversion(user="chief2")

    def test_r7_diversion_report(self):
        """R7: the chief's report of diversions by officer and month."""
        self._diversion()
        groups = self.as_user("chief", self.Diversion).read_group(
            [], ["officer_id", "date_from", "days"],
            ["officer_id", "date_from:month"],
            lazy=False)
        self.assertEqual(
            [(g["officer_id"][0], g["days"]) for g in groups],
            [(self.users["inspector"].id, 2)])

    # -- monthly review (R10, R24.6) -------------------------------------

    def test_r10_r24_6_review_fills_itself_and_moves(self):
        """R10, R24.6: the review counts the month's records; the
        responsible inspector sums up (not the officer), the chief records
        the meeting; state is not written by hand."""
        with freeze_time("2026-12-02 14:00:00"):
            self._reception()
            self._reception(mode="online", date_reception="2026-12-03 04:00:00")
            self._entry(start="2026-12-03 04:00:00", end="2026-12-03 18:00:00")
            self._diversion()
        with freeze_time("2026-12-31 16:00:00"):  # month end, 21:00 local
            review = self.as_user("responsible", self.Review).create({
                "officer_id": self.users["inspector"].id,
                "date_from": "2026-12-17"})
            self.assertEqual((review.date_from, review.date_to),
                             ("2026-12-01", "2026-12-31"))
            figures = {line.key: line.value for line in review.line_ids}
            self.assertEqual(figures["reception_in_person"], 1)
            self.assertEqual(figures["reception_online"], 1)
            self.assertEqual(figures["overtime_hours"], 6)
            self.assertEqual(figures["diversions"], 1)
            self.assertIn("deadlines_overdue", figures)
            # one per officer and month
            with self.assertRefused(Exception):
                self.as_user("responsible", self.Review).create({
                    "officer_id": self.users["inspector"].id,
                    "date_from": "2026-12-01"})
            # the officer reads it, cannot change or move it
            self.assertEqual(self.as_user("inspector", self.Review).search(
                [("id", "=", review.id)]), review)
            with self.assertRefused(AccessError):
                self.as_user("inspector", review).write({"summary": "fine"})
            with self.assertRefused(AccessError):
                self.as_user("inspector", review).wf_apply("summarise")
            with self.assertRefused(Exception):
                self.as_user("responsible", review).write({"state": "discussed"})
            self.assertFalse(self.as_user("responsible2", self.Review).search(
                [("id", "=", review.id)]))
            with self.assertRefused(ValidationError, "Summary"):
                self.as_user("responsible", review).wf_apply("summarise")
            self.as_user("responsible", review).write({
                "summary": "Receptions held; one diversion.",
                "proposal": "reward", "proposal_text": "Letter of thanks."})
            self.as_user("responsible", review).wf_apply("summarise")
            self.assertEqual(review.state, "summarised")
            with self.assertRefused(AccessError):
                self.as_user("responsible", review).wf_apply("discuss")
            with self.assertRefused(ValidationError, "Meeting date"):
                self.as_user("chief", review).wf_apply("discuss")
            self.as_user("chief", review).write({
                "meeting_date": "2026-12-31", "conclusions": "Work satisfactory.",
                "deputy_id": self.users["chief"].id})
            self.as_user("chief", review).wf_apply("discuss")
            self.assertEqual(review.state, "discussed")

    def test_r24_6_review_scope(self):
        """R24.6: the responsible inspector reviews the officers of their
        police point only."""
        with self.assertRefused(ValidationError, "Officer"):
            self.as_user("responsible", self.Review).create({
                "officer_id": self.users["inspector2"].id,
                "date_from": "2026-12-01"})
        with self.assertRefused(AccessError):
            self.as_user("inspector", self.Review).create({
                "officer_id": self.users["inspector"].id,
                "date_from": "2026-12-01"})
