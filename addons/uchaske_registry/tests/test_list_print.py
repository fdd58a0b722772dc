# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R17, R15, issue 13: the lists of Appendices 2-4 print in the official
layout (title as in the order, column titles and the column-number row,
the entries, the inspector's signature line) in Kazakh or Russian as chosen
at print time, for a district, a police point or a department; another
department's officer cannot print them; the lists and the register export
to XLSX with the same columns, only for the roles that may export, and the
export is journaled. PDFs are rendered by wkhtmltopdf and read back with
pdftotext."""
import io
import re
import shutil
import subprocess
import tempfile
import unittest
from datetime import date
from unittest import mock

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import common
from odoo.tools import config

from .common import RegistryCase
from uchaske_rules import iin as iin_core

TODAY = "2026-06-15"


@common.at_install(False)
@common.post_install(True)
class TestListPrint(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestListPrint, cls).setUpClass()
        if "ru_RU" not in dict(cls.env["res.lang"].get_installed()):
            # the test database has Kazakh only: Russian with our catalogues
            cls.env["res.lang"].load_lang("ru_RU")
            cls.env["ir.module.module"].search([("name", "in", (
                "uchaske_base", "uchaske_registry"))])._update_translations("ru_RU")
        with freeze_time(TODAY):
            cls.owner = cls.env["uchaske.firearm.owner"].create({
                "person_id": cls._kazakh_person(1, cls.dep1).id,
                "district_id": cls.district1.id,
                "address": "Абай к-сі 1, Шаһар, Өңірлік",
                "home_phone": "11-22-33", "weapon_type": "smooth-bore",
                "weapon_make": "IZh-27", "calibre": "12",
                "weapon_number": "N-4401", "permit_number": "P-77",
                "permit_issued_on": "2024-03-01", "permit_issued_by": "ЛРР",
                "permit_valid_until": "2029-03-01",
                "reregistration_date": "2025-03-01"})
            cls.owner2 = cls.env["uchaske.firearm.owner"].create({
                "person_id": cls._kazakh_person(2, cls.dep2).id,
                "district_id": cls.district2.id, "weapon_number": "N-4402"})
            Listed = cls.env["uchaske.noncustodial.person"]
            cls.listed = Listed.create({
                "person_id": cls._kazakh_person(3, cls.dep1).id,
                "district_id": cls.district1.id, "date_entered": "2026-02-01",
                "measure": "Пробация", "address": "Сарыарқа 5"})
            cls.removed = Listed.create({
                "person_id": cls._kazakh_person(4, cls.dep1).id,
                "district_id": cls.district1.id, "date_entered": "2025-02-01",
                "date_removed": "2025-12-01"})
            cls.foreigner = cls.env["uchaske.foreigner"].create({
                "person_id": cls._kazakh_person(
                    5, cls.dep1, citizenship_id=cls.env.ref("base.uz").id).id,
                "district_id": cls.district1.id, "passport_number": "FA5550001",
                "passport_valid_until": "2028-01-01",
                "stay_permitted_from": "2026-01-01",
                "stay_permitted_until": "2026-12-31",
                "temporary_address": "Бейбітшілік 3"})

    @classmethod
    def _kazakh_person(cls, serial, department, **vals):
        birth = date(1980, 1, serial)
        return cls.env["uchaske.person"].create(dict(
            vals, surname="Әбілқайыров%s" % "ABCDE"[serial - 1],
            first_name="Ғалымжан", patronymic="Құрманұлы",
            birth_date=birth.isoformat(), sex="male",
            iin=iin_core.make_iin(birth, "male", 4400 + serial),
            department_id=department.id))

    # -- helpers ---------------------------------------------------------

    def _print_action(self, user, model, **vals):
        """What the list's "Print the list" wizard returns."""
        wizard = self.env["uchaske.list.print.wizard"].sudo(user).with_context(
            active_model=model).create(dict({"scope": "district",
                                             "district_id": self.district1.id},
                                            **vals))
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        return action

    def _report(self, action, user):
        return self.env["ir.actions.report"]._get_report_from_name(
            action["report_name"]).sudo(user)

    def _pdf_text(self, user, action):
        report = self._report(action, user)
        # in test mode Odoo 11 returns the HTML unless a report directory is
        # configured: run the real wkhtmltopdf
        with tempfile.TemporaryDirectory() as folder, mock.patch.dict(
                config.options, {"test_report_directory": folder}):
            pdf, kind = report.render_qweb_pdf(None, data=action["data"])
        self.assertEqual(kind, "pdf")
        return subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
            stdout=subprocess.PIPE, check=True, timeout=60).stdout.decode("utf-8")

    def _flat(self, text):
        return re.sub(r"\s+", " ", text)

    def _assert_column_numbers(self, text, count):
        self.assertRegex(text, r"(?m)^\s*%s\s*$" % r"\s+".join(
            str(number) for number in range(1, count + 1)))

    def _last_log(self, user):
        return self.env["uchaske.access.log"].sudo().search(
            [("user_id", "=", user.id)], order="id desc", limit=1)

    # -- PDF -------------------------------------------------------------

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "pdftotext (poppler-utils) and wkhtmltopdf are needed")
    def test_appendix2_in_kazakh_and_russian(self):
        """R17.1, A2: the same district's list prints in Kazakh and in
        Russian: title as in the order, the 7 columns and their numbers, the
        entry; the other department's entry is not on it."""
        inspector = self.users["inspector"]
        with freeze_time(TODAY):
            kazakh = self._pdf_text(inspector, self._print_action(
                inspector, "uchaske.firearm.owner", lang="kk_KZ"))
            russian = self._pdf_text(inspector, self._print_action(
                inspector, "uchaske.firearm.owner", lang="ru_RU"))
        flat = self._flat(kazakh)
        for expected in ("Test department One",
                         "Жеке қолданысында атыс қаруы бар адамдардың тізімі",
                         "қағидаларға 2-қосымша", "р/н.", "Қайта", "тіркеу",
                         "Әкімшілік учаске:", "Әбілқайыров",
                         "N-4401", "01.03.2024", "дейін", "Бет 1 / 1"):
            self.assertIn(expected, flat)
        self._assert_column_numbers(kazakh, 7)
        self.assertNotIn("N-4402", kazakh)
        for letter in "әғқңөұүһі":  # every Kazakh letter renders
            self.assertIn(letter, kazakh.lower())
        flat = self._flat(russian)
        for expected in ("Список лиц, имеющих огнестрельное оружие",
                         "Приложение 2 к Правилам", "п/п",
                         "перерегистрации", "Административный участок:",
                         "Әбілқайыров", "N-4401", "до"):
            self.assertIn(expected, flat)
        self._assert_column_numbers(russian, 7)
        self.assertNotIn("қосымша", russian)

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "pdftotext (poppler-utils) and wkhtmltopdf are needed")
    def test_appendix3_as_of_a_date_with_signature(self):
        """R17.2, A3: the list as of a date holds who was on it that day,
        8 numbered columns, and the inspector's signature line."""
        inspector = self.users["inspector"]
        with freeze_time(TODAY):
            text = self._pdf_text(inspector, self._print_action(
                inspector, "uchaske.noncustodial.person", scope="post",
                post_id=self.post1.id, as_of="2026-03-01", lang="kk_KZ"))
        flat = self._flat(text)
        for expected in ("01.03.2026 жағдай бойынша қоғамнан оқшаулаумен",
                         "Тізімге", "Ерекше", "белгілері",
                         "Учаскелік полиция пункті:", "ӘбілқайыровC",
                         "Пробация", "01.02.2026", "Учаскелік инспектор"):
            self.assertIn(expected, flat)
        self.assertNotIn("ӘбілқайыровD", flat)
        self._assert_column_numbers(text, 8)

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "pdftotext (poppler-utils) and wkhtmltopdf are needed")
    def test_appendix4_for_the_department_in_russian(self):
        """R17.3, A4: the chief prints the department's foreigners in
        Russian, 7 numbered columns, the inspector's signature line."""
        chief = self.users["chief"]
        with freeze_time(TODAY):
            text = self._pdf_text(chief, self._print_action(
                chief, "uchaske.foreigner", scope="department",
                department_id=self.dep1.id, lang="ru_RU"))
        flat = self._flat(text)
        for expected in ("Список иностранцев, постоянно проживающих",
                         "паспорта,", "действия", "Орган внутренних дел:",
                         "ӘбілқайыровE", "FA5550001", "01.01.2026 – 31.12.2026",
                         "01.01.2028", "Страница 1 из 1",
                         "Участковый инспектор"):
            self.assertIn(expected, flat)
        self._assert_column_numbers(text, 7)

    def test_other_department_cannot_print(self):
        """R15, R16: another department's inspector cannot print the list
        (an access error, journaled as refused), not even by its ids."""
        stranger = self.users["inspector2"]
        report = self.env.ref("uchaske_registry.action_report_appendix2").sudo(
            stranger)
        data = {"ids": self.owner.ids, "uchaske_lang": "kk_KZ"}
        with self.assertRaises(AccessError):
            report.render_qweb_html(None, data=data)
        log = self._last_log(stranger)
        self.assertEqual((log.operation, log.res_ids),
                         ("refused", str(self.owner.id)))

    # -- XLSX ------------------------------------------------------------

    def _xlsx_rows(self, user, action):
        report = self._report(action, user)
        content, kind = report.render_xlsx(None, action["data"])
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [[cell for cell in row if cell not in (None, "")]
                for row in sheet.iter_rows(values_only=True)]

    def test_appendix_xlsx_same_columns_and_journaled(self):
        """R17, R15: the responsible inspector exports A2 and A3 to XLSX:
        the form's title, column titles, column numbers and entries; the
        export is journaled."""
        responsible = self.users["responsible"]
        with freeze_time(TODAY):
            rows = self._xlsx_rows(responsible, self._print_action(
                responsible, "uchaske.firearm.owner", output="xlsx",
                lang="kk_KZ"))
        self.assertIn(["Жеке қолданысында атыс қаруы бар адамдардың тізімі"], rows)
        header = rows.index([
            "№ р/н.", "Қару иесінің Т.А.Ж. (болған жағдайда)",
            "Мекенжайы (үй телефоны)", "Қару түрі, маркасы, ұңғысы калибрі, №",
            "Рұқсатты қашан, кім және қандай мерзімге берген",
            "Қайта тіркеу күні", "Қаруды алу және тапсыру күні"])
        self.assertEqual(rows[header + 1], [1, 2, 3, 4, 5, 6, 7])
        entry = rows[header + 2]
        self.assertEqual(entry[0], self.owner.number)
        self.assertTrue(entry[1].startswith("ӘбілқайыровA"))
        self.assertIn("№ N-4401", entry[3])
        self.assertEqual(len(rows), header + 3)
        log = self._last_log(responsible)
        self.assertEqual((log.operation, log.res_ids, log.details),
                         ("export", str(self.owner.id),
                          "uchaske_registry.appendix2_xlsx"))
        with freeze_time(TODAY):
            rows = self._xlsx_rows(responsible, self._print_action(
                responsible, "uchaske.noncustodial.person", output="xlsx",
                lang="ru_RU", as_of="2026-03-01"))
        self.assertIn(["Участковый инспектор", "_" * 20], rows)
        self.assertEqual(rows[rows.index(["№ п/п"] + rows[4][1:]) + 1],
                         list(range(1, 9)))

    def test_register_xlsx(self):
        """R15: the district chief exports the register: one row per case
        with the card's fields; journaled as an export."""
        chief = self.users["chief"]
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
            rows = self._xlsx_rows(chief, self._print_action(
                chief, "uchaske.registry.case", scope="selected", output="xlsx",
                lang="ru_RU"))
        self.assertFalse([row for row in rows if case.name in row])
        with freeze_time("2026-11-02 09:00:00"):
            action = self.env["uchaske.list.print.wizard"].sudo(chief).with_context(
                active_model="uchaske.registry.case", active_ids=case.ids).create(
                    {"lang": "ru_RU"}).action_print()
            rows = self._xlsx_rows(chief, action)
        line = [row for row in rows if case.name in row][0]
        self.assertIn("Sadykov Arman Nurlanuly", line)
        self.assertIn("12.10.2026", line)
        self.assertEqual(self._last_log(chief).operation, "export")

    def test_xlsx_refused_to_who_may_not_export(self):
        """R15: the inspector may print the PDF form but not export it to
        XLSX: refused, and journaled as refused."""
        inspector = self.users["inspector"]
        with self.assertRaises(AccessError):
            self._print_action(inspector, "uchaske.firearm.owner", output="xlsx")
        report = self.env.ref(
            "uchaske_registry.action_report_appendix2_xlsx").sudo(inspector)
        with self.assertRaises(AccessError):
            report.render_xlsx(None, {"ids": self.owner.ids})
        log = self._last_log(inspector)
        self.assertEqual((log.operation, log.res_ids),
                         ("refused", str(self.owner.id)))
