# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R24.5: the register of information transmissions prints in the official
layout in Kazakh or Russian, with on-time and overdue counts per officer;
read back with pdftotext."""
import re
import shutil
import subprocess
import tempfile
import unittest
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common
from odoo.tools import config

from odoo.addons.uchaske_base.tests.common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
@unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                     "pdftotext (poppler-utils) and wkhtmltopdf are needed")
class TestInfoTransmissionPrint(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestInfoTransmissionPrint, cls).setUpClass()
        if "ru_RU" not in dict(cls.env["res.lang"].get_installed()):
            cls.env["res.lang"].load_lang("ru_RU")
            cls.env["ir.module.module"].search(
                [("name", "=", "uchaske_base")])._update_translations("ru_RU")
        Transmission = cls.env["uchaske.info.transmission"].sudo(
            cls.users["inspector"])
        with freeze_time("2026-11-20 12:00:00"):
            cls.on_time = Transmission.create({
                "name": "Illegal taxi stand", "recipient": "Road police",
                "district_id": cls.district1.id,
                "date_obtained": "2026-11-10 09:00:00",
                "date_sent": "2026-11-10 15:00:00"})
            cls.late = Transmission.create({
                "name": "Abandoned car", "recipient": "Akimat",
                "district_id": cls.district1.id,
                "date_obtained": "2026-11-12 09:00:00",
                "date_sent": "2026-11-14 09:00:00"})

    def _text(self, lang):
        report = self.env.ref(
            "uchaske_base.action_report_info_transmission").sudo(
                self.users["responsible"])
        with tempfile.TemporaryDirectory() as folder, mock.patch.dict(
                config.options, {"test_report_directory": folder}):
            pdf, kind = report.render_qweb_pdf(
                (self.on_time | self.late).ids, data={"uchaske_lang": lang})
        self.assertEqual(kind, "pdf")
        text = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
            stdout=subprocess.PIPE, check=True, timeout=60).stdout.decode("utf-8")
        return re.sub(r"\s+", " ", text)

    def test_register_prints_in_kazakh_and_russian(self):
        """R24.5, R22.14: title, rows and per-officer counts, kk and ru."""
        kazakh = self._text("kk_KZ")
        self.assertIn("Басқа бөлімшелерге және мемлекеттік органдарға берілген "
                      "ақпараттың есебі", kazakh)
        self.assertIn("Illegal taxi stand", kazakh)
        self.assertIn("Мерзімі өткен", kazakh)
        self.assertIn("Мерзімінде", kazakh)
        russian = self._text("ru_RU")
        self.assertIn("Учёт информации, переданной в другие подразделения",
                      russian)
        self.assertIn("Abandoned car", russian)
        self.assertRegex(russian, r"Test inspector 1 1")
