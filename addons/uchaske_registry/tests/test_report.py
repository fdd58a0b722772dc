# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The case card prints in the official layout (issue 7): department header,
title, print date, "page x of y", signature block, in the language of the
user who prints. The PDF is rendered by wkhtmltopdf and read back with
pdftotext (poppler-utils)."""
import os
import shutil
import subprocess
import tempfile
import unittest
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common
from odoo.tools import config

from .common import RegistryCase


@common.at_install(False)
@common.post_install(True)
@unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                     "pdftotext (poppler-utils) and wkhtmltopdf are needed")
class TestCaseCard(RegistryCase):

    def _pdf_text(self, user, case):
        report = self.env.ref("uchaske_registry.uchaske_registry_case_report")
        # in test mode Odoo 11 returns the HTML unless a report directory is
        # configured: run the real wkhtmltopdf
        with tempfile.TemporaryDirectory() as folder, mock.patch.dict(
                config.options, {"test_report_directory": folder}):
            pdf, kind = report.sudo(user).render_qweb_pdf(case.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        if os.environ.get("UCHASKE_KEEP_PDF"):  # to look at it
            with open(os.environ["UCHASKE_KEEP_PDF"], "wb") as handle:
                handle.write(pdf)
        return subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
            stdout=subprocess.PIPE, check=True, timeout=60).stdout.decode("utf-8")

    def test_case_card_layout(self):
        """R15: the inspector prints the card: department, title, print date,
        page 1 of 1, the person, the signature block."""
        inspector = self.users["inspector"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        with freeze_time("2026-11-02 09:00:00"):
            text = self._pdf_text(inspector, case)
        for expected in ("Test department One", "Preventive register case",
                         case.name, "Sadykov Arman Nurlanuly", "Page 1 of 1",
                         "Printed on 02.11.2026", "Printed by", "Test inspector",
                         "signature", "No checks yet."):
            self.assertIn(expected, text)
        # bordered tables: the labels and values are separate cells
        self.assertRegex(text, r"Responsible inspector\s{2,}Test inspector")

    def test_case_card_in_kazakh(self):
        """R15: printed by a Kazakh-speaking inspector, the card is in
        Kazakh, whatever language the request carried."""
        inspector = self.users["inspector"]
        inspector.lang = "kk_KZ"
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        text = self._pdf_text(inspector.with_context(lang="en_US"), case)
        self.assertIn("Профилактикалық есеп ісі", text)
        self.assertIn("Бет 1 / 1", text)
        self.assertIn("Әзірге тексерулер жоқ.", text)
        self.assertNotIn("Preventive register case", text)
        self.assertNotIn("Page 1", text)
        self.assertTrue(set("әғқңөұүһі") & set(text))
