# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The protocol prints (R32, R33) with its participants register and the
follow-up list, in Kazakh or Russian; checked with pdftotext."""
import shutil
import subprocess
import tempfile
import unittest
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common
from odoo.tools import config

from .common import MeetingCase


@common.at_install(False)
@common.post_install(True)
class TestProtocolPrint(MeetingCase):

    @classmethod
    def setUpClass(cls):
        super(TestProtocolPrint, cls).setUpClass()
        if "ru_RU" not in dict(cls.env["res.lang"].get_installed()):
            cls.env["res.lang"].load_lang("ru_RU")
        cls.env["ir.module.module"].search([("name", "in", (
            "uchaske_base", "uchaske_meetings"))])._update_translations(
                "ru_RU")
        if "kk_KZ" in dict(cls.env["res.lang"].get_installed()):
            cls.env["ir.module.module"].search([("name", "in", (
                "uchaske_base", "uchaske_meetings"))])._update_translations(
                    "kk_KZ")

    def _text(self, meeting, user, lang):
        report = self.env.ref(
            "uchaske_meetings.uchaske_meeting_protocol_report").sudo(user)
        # in test mode Odoo 11 returns the HTML unless a report directory
        # is configured: run the real wkhtmltopdf
        with tempfile.TemporaryDirectory() as folder, mock.patch.dict(
                config.options, {"test_report_directory": folder}):
            pdf, kind = report.render_qweb_pdf(
                meeting.ids, data={"uchaske_lang": lang})
        self.assertEqual(kind, "pdf")
        return subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
            stdout=subprocess.PIPE, check=True,
            timeout=60).stdout.decode("utf-8")

    @unittest.skipUnless(shutil.which("pdftotext") and
                         shutil.which("wkhtmltopdf"),
                         "pdftotext and wkhtmltopdf are needed")
    def test_protocol_in_kazakh_and_russian(self):
        """R32: time, date, place, participants and the register; R33:
        the follow-up of each item."""
        meeting = self._held(people=2, items=[(0, 0, {
            "kind": "proposal", "author": "Resident 1", "text": "Playground",
            "outcome": "forwarded", "body": "Akimat of the district"})])
        with freeze_time("2026-11-20 20:00:00"):
            meeting.sudo(self.users["inspector"]).wf_apply("sign")
        inspector = self.users["inspector"]
        russian = self._text(meeting, inspector, "ru_RU")
        for expected in ("Протокол отчётной встречи с населением",
                         "Реестр участников", "Resident 0", "Resident 1",
                         "Street 1", "Akimat of the", "Playground",
                         "Вне компетенции"):
            self.assertIn(expected, russian)
        kazakh = self._text(meeting, inspector, "kk_KZ")
        self.assertIn("Қатысушылар тізілімі", kazakh)
        self.assertIn("Resident 0", kazakh)
        # the other department: refused (QWeb wraps the AccessError)
        with self.assertRaisesRegex(Exception, "security restrictions"):
            self._text(meeting, self.users["inspector2"], "ru_RU")
