# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 13: the name at the head of every print on a database upgraded
from before the field existed (migration 11.0.2.2.0): filled where empty,
in each language, as a Kazakh- or Russian-speaking officer reads it; a
name already there is kept; without the demo nothing is invented."""
from odoo.tests import common

from .common import UchaskeCase

NAMES = {
    "en_US": "Committee of Administrative Police, Ministry of Internal "
             "Affairs of the Republic of Kazakhstan",
    "kk_KZ": "Қазақстан Республикасы Ішкі істер министрлігінің Әкімшілік "
             "полиция комитеті",
    "ru_RU": "Комитет административной полиции Министерства внутренних дел "
             "Республики Казахстан",
}


@common.at_install(False)
@common.post_install(True)
class TestCompanyPrintName(UchaskeCase):

    def setUp(self):
        super(TestCompanyPrintName, self).setUp()
        self.company = self.env.ref("base.main_company")
        self._as_upgraded()

    def _as_upgraded(self, typed=False):
        """The company as an upgrade from before the field leaves it: no
        value in any language (or ``typed`` by the administrator, in
        English only)."""
        self.env["ir.translation"].search([
            ("name", "=", "res.company,uchaske_print_name"),
            ("res_id", "=", self.company.id)]).unlink()
        self.company.with_context(lang="en_US").uchaske_print_name = typed
        self.company.invalidate_cache()

    def _names(self, role="chief"):
        """The name as an officer reads it in each language."""
        company = self.company.sudo(self.users[role])
        company.invalidate_cache()
        return {lang: company.with_context(lang=lang).uchaske_print_name
                for lang in NAMES}

    def test_upgraded_database_gets_the_name_in_each_language(self):
        """The upgrade fills the empty name in English, Kazakh and Russian
        (a Kazakh print no longer heads with the English company name); a
        second run changes nothing."""
        self.assertEqual(set(self._names().values()), {False})
        self.assertTrue(self.env["res.company"]._uchaske_fill_print_names())
        self.assertEqual(self._names(), NAMES)
        self.assertEqual(self._names("assistant"), NAMES)
        self.assertFalse(self.env["res.company"]._uchaske_fill_print_names())
        self.assertEqual(self._names(), NAMES)

    def test_typed_name_is_kept(self):
        """A name the administrator typed is not replaced by the demo's."""
        self._as_upgraded(typed="Police department of Astana")
        self.assertFalse(self.env["res.company"]._uchaske_fill_print_names())
        self.assertEqual(self._names()["en_US"], "Police department of Astana")
        self.assertNotEqual(self._names()["kk_KZ"], NAMES["kk_KZ"])

    def test_without_demo_nothing_is_invented(self):
        """A production database (no demo data): the official name is the
        administrator's to type; the prints keep the company's name."""
        self.env["ir.module.module"].search(
            [("name", "=", "uchaske_base")]).demo = False
        self.assertFalse(self.env["res.company"]._uchaske_fill_print_names())
        self.assertEqual(set(self._names().values()), {False})
