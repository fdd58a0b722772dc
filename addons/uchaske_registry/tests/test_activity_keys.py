# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 9 item 5: activities are found by their technical key
(``mail.activity.uchaske_key``), never by their translated summary: one
made by a Russian-speaking user is found again when a Kazakh-speaking user
(or the job, in Kazakh) repeats the action; still one activity. My work
takes the requirement id from the key (R6, R12, A4)."""
from datetime import date
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common

from uchaske_rules import iin
from .common import RegistryCase

R6_SOURCE = "R6: no substitute for %(user)s (%(days)s working days)"
R12_SOURCE = "supervision check due"
TRANSLATIONS = {
    "ru_RU": {R6_SOURCE: "R6: нет замещающего для %(user)s (рабочих дней: %(days)s)",
              R12_SOURCE: "срок проверки"},
    "kk_KZ": {R6_SOURCE: "R6: %(user)s орнына ауыстырушы жоқ (%(days)s жұмыс күні)",
              R12_SOURCE: "тексеру мерзімі"},
}
FILES = {R6_SOURCE: ("uchaske_base", "addons/uchaske_base/models/uchaske_absence.py"),
         R12_SOURCE: ("uchaske_registry",
                      "addons/uchaske_registry/models/uchaske_registry_case.py")}


@common.at_install(False)
@common.post_install(True)
class TestActivityKeys(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestActivityKeys, cls).setUpClass()
        for lang, texts in TRANSLATIONS.items():
            cls.env["res.lang"].load_lang(lang)
            for source, value in texts.items():
                module, name = FILES[source]
                cls.env["ir.translation"].create({
                    "type": "code", "lang": lang, "module": module, "name": name,
                    "src": source, "value": value, "state": "translated"})
        cls.env["ir.translation"].clear_caches()

    def _keyed(self, record, key):
        return self.env["mail.activity"].search([
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("uchaske_key", "=", key)])

    @freeze_time("2026-11-25 09:00:00")
    def test_r6_alert_made_in_russian_found_by_the_job_in_kazakh(self):
        """R6: the responsible inspector (Russian) records a long absence
        without a substitute: the chief is alerted once; the daily job run
        in Kazakh, and a Kazakh-speaking user's edit, find that alert."""
        responsible = self.users["responsible"]
        responsible.lang = "ru_RU"
        absence = self.env["uchaske.absence"].sudo(responsible).with_context(
            lang="ru_RU").create({
                "user_id": self.users["inspector"].id,
                "department_id": self.dep1.id, "reason": "illness",
                "date_start": "2026-12-07", "date_end": "2026-12-15"})
        alert = self._keyed(absence, "R6.uncovered")
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.user_id, self.users["chief"])
        self.assertIn("нет замещающего", alert.summary)
        self.env["uchaske.absence"].with_context(
            lang="kk_KZ")._cron_check_uncovered()
        responsible.lang = "kk_KZ"
        absence.sudo(responsible).with_context(lang="kk_KZ").write(
            {"date_end": "2026-12-16"})
        self.assertEqual(self.env["mail.activity"].search([
            ("res_model", "=", absence._name), ("res_id", "=", absence.id)]),
            alert)
        # My work: the clause from the key
        item = self.env["uchaske.work.item"].sudo(self.users["chief"])
        rows = item.search(item.action_open_my_work()["domain"]).filtered(
            lambda i: i.activity_id == alert.id)
        self.assertEqual(rows.requirement_ref, "R6")

    @freeze_time("2026-11-11 10:00:00")
    def test_r12_activity_keyed_and_replaced_across_languages(self):
        """R12: the case registered by a Russian-speaking inspector has one
        supervision-check activity with the key R12; planned again in
        Kazakh, it is replaced, not doubled; closing the case closes it."""
        inspector = self.users["inspector"]
        inspector.lang = "ru_RU"
        case = self._new_case("inspector").with_context(lang="ru_RU")
        case.sudo(inspector).wf_apply("register", {
            "legal_basis": "Court decision", "document_number": "1",
            "document_date": "2026-10-12"})
        r12 = self._keyed(case, "R12")
        self.assertEqual(len(r12), 1)
        russian = r12.summary
        inspector.lang = "kk_KZ"
        case.with_context(lang="kk_KZ")._schedule_next_check()
        again = self._keyed(case, "R12")
        self.assertEqual(len(again), 1)
        self.assertNotEqual(again.summary, russian)
        self.assertEqual(len(self.env["mail.activity"].search([
            ("res_model", "=", case._name), ("res_id", "=", case.id),
            ("summary", "like", "R12:%")])), 1)

    def test_my_work_requirement_from_the_key_not_the_summary(self):
        """A keyed activity whose summary names no clause (a translation
        may drop it) still shows its clause in My work."""
        case = self._registered_case()
        activity = case.sudo()._uchaske_schedule_activity(
            self.users["inspector"], "тексеру", "2026-11-20", key="R12")
        Item = self.env["uchaske.work.item"].sudo(self.users["inspector"])
        row = Item.search(Item.action_open_my_work()["domain"]).filtered(
            lambda i: i.activity_id == activity.id)
        self.assertEqual(row.requirement_ref, "R12")


@common.at_install(False)
@common.post_install(True)
class TestMyWorkPage(RegistryCase):
    """Issue 9 item 7: My work lists every candidate from stored data and
    runs the engine's guards only for the rows read (the page)."""

    def test_guards_run_for_the_page_only(self):
        Case = self.Case.with_context(tracking_disable=True)
        for serial in range(12):
            person = self.Person.create({
                "iin": iin.make_iin(date(1971, 2, 1 + serial), "male", 4100 + serial),
                "surname": "Page%d" % serial, "first_name": "Test",
                "department_id": self.dep1.id,
                "address_ids": [(0, 0, {"address": "Test street",
                                        "district_id": self.district1.id})]})
            Case.create({"person_id": person.id,
                         "category_id": self.category.id,
                         "district_id": self.district1.id})
        Item = self.env["uchaske.work.item"].sudo(self.users["inspector"])
        CaseClass = type(self.Case)
        original = CaseClass._wf_check
        calls = []

        def counting(record, *args, **kwargs):
            calls.append(record.id)
            return original(record, *args, **kwargs)
        with mock.patch.object(CaseClass, "_wf_check", counting):
            domain = Item.action_open_my_work()["domain"]
            self.assertEqual(calls, [], "guards ran while building the list")
            total = Item.search_count(domain + [("urgency", "=", "act")])
            self.assertGreaterEqual(total, 12)
            page = Item.search_read(domain + [("urgency", "=", "act")],
                                    ["name", "actions", "res_id"], limit=5)
        self.assertEqual(len(page), 5)
        self.assertLessEqual(len(set(calls)), 5)
        for row in page:
            self.assertIn("Register", row["actions"])
