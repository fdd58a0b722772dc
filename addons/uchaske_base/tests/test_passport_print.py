# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A1, R19: the passport prints as Appendix 1 (cover, sections 1-6 with
their column numbers, §3 with one column per year) in Kazakh and Russian,
checked with pdftotext."""
import re
import shutil
import subprocess
import tempfile
import unittest
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common
from odoo.tools import config

from .test_passport import TODAY, PassportCase


@common.at_install(False)
@common.post_install(True)
class TestPassportPrint(PassportCase):

    @classmethod
    def setUpClass(cls):
        super(TestPassportPrint, cls).setUpClass()
        if "ru_RU" not in dict(cls.env["res.lang"].get_installed()):
            # a database installed without Russian (CI loads it)
            cls.env["res.lang"].load_lang("ru_RU")
            cls.env["ir.module.module"].search([("name", "=", "uchaske_base")])\
                ._update_translations("ru_RU")
        with freeze_time(TODAY):
            cls.Year.with_context(uchaske_passport_counting=True).create({
                "passport_id": cls.passport1.id, "year": 2025, "adults": 1111})
            cls.year1.write({"adults": 2222, "apartments": 345})
            cls.env["uchaske.passport.enterprise"].create({
                "passport_id": cls.passport1.id, "name": "Astyq",
                "kind": "enterprise", "ownership": "LLP", "address": "Vokzal"})
            cls.env["uchaske.passport.dormitory"].create({
                "passport_id": cls.passport1.id, "name": "Esil",
                "kind": "hotel", "address": "Kenesary 8", "access_regime": "mixed"})
            cls.env["uchaske.passport.permit.object"].create({
                "passport_id": cls.passport1.id, "name": "Shooting range Mergen",
                "affiliation": "MIA", "address": "Polygon 1"})

    def _pdf_text(self, user_key, lang):
        user = self.users[user_key]
        user.lang = lang
        report = self.env.ref("uchaske_base.uchaske_district_passport_report")
        with tempfile.TemporaryDirectory() as folder, mock.patch.dict(
                config.options, {"test_report_directory": folder}), \
                freeze_time(TODAY):
            pdf, kind = report.sudo(user).render_qweb_pdf(self.passport1.ids)
        self.assertEqual(kind, "pdf")
        text = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
            stdout=subprocess.PIPE, check=True, timeout=60).stdout.decode("utf-8")
        return text, re.sub(r"\s+", " ", text)

    def _assert_column_numbers(self, text, count):
        self.assertRegex(text, r"(?m)^\s*%s\s*$" % r"\s+".join(
            str(number) for number in range(1, count + 1)))

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "pdftotext (poppler-utils) and wkhtmltopdf are needed")
    def test_a1_passport_prints_in_kazakh_and_russian(self):
        """A1: cover, the six sections in the seed's order with their column
        numbers (§4: 1-9, §5: 1-5, §6: 1-7), §3 one column per year."""
        for lang, expected in (
                ("kk_KZ", ("әкімшілік учаскенің паспорты", "1-қосымша",
                           "Әкімшілік учаскені қабылдау және тапсыру",
                           "Әкімшілік учаскені сипаттайтын мәліметтер",
                           "Жатақханалар, қонақүйлер", "Рұқсат беру жүйесі",
                           "Көпқабатты үйлер", "Мешіттер", "Сақтау мерзімі")),
                ("ru_RU", ("Паспорт административного участка",
                           "Приложение 1", "Общежития, гостиницы",
                           "Многоэтажные дома", "Мечети", "Срок хранения"))):
            text, flat = self._pdf_text("inspector", lang)
            for term in expected + ("01.01.2025", "01.01.2026", "2222", "1111",
                                    "Astyq", "Esil", "Vokzal",
                                    "Test department One"):
                self.assertIn(term, flat, lang)
            for count in (6, 9, 5, 7):
                self._assert_column_numbers(text, count)
            self.assertLess(flat.index("Astyq"), flat.index("Esil"))
