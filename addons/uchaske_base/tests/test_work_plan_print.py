# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R18, R24.1, R24.2: the monthly work plan prints in the official layout in
Kazakh or Russian -- title, analysis, items with their column numbers, the
approval and the signatures -- read back with pdftotext; another
department cannot print it."""
import re
import shutil
import subprocess
import tempfile
import unittest
from unittest import mock

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import common
from odoo.tools import config

from odoo.addons.uchaske_base.tests.daily_common import DailyCase

REPORT = "uchaske_base.action_report_work_plan"


@common.at_install(False)
@common.post_install(True)
class TestWorkPlanPrint(DailyCase):

    @classmethod
    def setUpClass(cls):
        super(TestWorkPlanPrint, cls).setUpClass()
        if "ru_RU" not in dict(cls.env["res.lang"].get_installed()):
            # a database installed without Russian (CI loads it)
            cls.env["res.lang"].load_lang("ru_RU")
            cls.env["ir.module.module"].search(
                [("name", "=", "uchaske_base")])._update_translations("ru_RU")

    def _approved(self):
        with freeze_time("2026-10-28 10:00:00"):
            plan = self._plan()
            plan.wf_apply("submit")
            plan.sudo(self.users["chief"]).wf_apply("approve")
        return plan

    def _text(self, plan, role, lang):
        report = self.env.ref(REPORT).sudo(self.users[role])
        with tempfile.TemporaryDirectory() as folder, mock.patch.dict(
                config.options, {"test_report_directory": folder}), \
                freeze_time("2026-11-02 09:00:00"):
            pdf, kind = report.render_qweb_pdf(
                plan.ids, data={"uchaske_lang": lang})
        self.assertEqual(kind, "pdf")
        text = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
            stdout=subprocess.PIPE, check=True, timeout=60).stdout.decode("utf-8")
        return text, re.sub(r"\s+", " ", text)

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "pdftotext (poppler-utils) and wkhtmltopdf are needed")
    def test_r18_plan_prints_in_kazakh_and_russian(self):
        """R18, R24.1, R24.2: title as the order names the plan, the month,
        the approval (district chief, date), the analysis, the column
        numbers 1-6 and one row per item, the signatures."""
        plan = self._approved()
        for lang, expected in (
                ("kk_KZ", ("учаскелік полиция пунктінің ай сайынғы жұмыс жоспары",
                           "Қараша 2026", "БЕКІТЕМІН",
                           "Қалалық, аудандық орган бастығы",
                           "Жоспарланған іс-шаралар", "Орындаушы", "Іс-шара",
                           "жауапты учаскелік инспекторы")),
                ("ru_RU", ("Ежемесячный план работы участкового пункта полиции",
                           "ноябрь 2026", "УТВЕРЖДАЮ",
                           "Начальник городского (районного) органа",
                           "Планируемые мероприятия", "Исполнитель", "Мероприятие",
                           "Ответственный участковый инспектор"))):
            text, flat = self._text(plan, "inspector", lang)
            for term in expected + (
                    "28.10.2026", "Thefts from cars rose in the courtyards",
                    "Walk the courtyards of block 5", "10.11.2026",
                    "Hand out information sheets", "20.11.2026",
                    "Test department One", "Test chief", "Test responsible"):
                self.assertIn(term, flat, lang)
            # the row of column numbers under the titles
            self.assertRegex(text, r"(?m)^\s*1\s+2\s+3\s+4\s+5\s+6\s*$", lang)
            self.assertRegex(flat, r"1 Walk the courtyards of block 5 Test inspector",
                             lang)
        # Kazakh letters, not boxes or question marks (the Cyrillic font)
        self.assertTrue(set("әіңғүұқөһ") & set(self._text(plan, "chief", "kk_KZ")[1]))

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "pdftotext (poppler-utils) and wkhtmltopdf are needed")
    def test_r18_draft_plan_prints_not_approved(self):
        """R18: a plan not approved yet says so where the approval stands."""
        plan = self._plan()
        flat = self._text(plan, "responsible", "ru_RU")[1]
        self.assertIn("Ещё не утверждён", flat)

    def test_r16_other_department_cannot_print(self):
        """R16: another department's officers get an AccessError (a 403 at
        the report routes, tests/rpc), no PDF and no row of the plan."""
        plan = self._approved()
        for role in ("inspector2", "chief2"):
            report = self.env.ref(REPORT).sudo(self.users[role])
            with self.assertRefused(AccessError):
                report.render_qweb_html(plan.ids)
