# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 13, "Kazakh and Russian, completely": what a case shows that was
stored by someone else, in another language, reaches a Kazakh-speaking
reader in Kazakh -- the chatter's tracked changes (R11 term and grounds,
the R11 category), the R11/R12 activities (written in their inspector's
language) and the company's name at the head of the printed case card."""
from freezegun import freeze_time

from odoo.tests import common

from .common import REGISTER, RegistryCase

KK_NAME = "Қазақстан Республикасы Ішкі істер министрлігінің Әкімшілік полиция комитеті"
EN_NAME = "Committee of Administrative Police, Ministry of Internal Affairs"


@common.at_install(False)
@common.post_install(True)
class TestReaderLanguage(RegistryCase):

    def _kk(self, source):
        """The Kazakh of a code term, as ``_()`` finds it."""
        value = self.env["ir.translation"]._get_source(
            None, ("code",), "kk_KZ", source)
        self.assertNotEqual(value, source, "no Kazakh for %r" % source)
        return value

    def test_activities_in_the_inspectors_language(self):
        """R11, R12: the activities of a case are written in the language
        of the inspector they are for, whoever registers it."""
        self.users["inspector"].lang = "kk_KZ"
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        summaries = set(case.activity_ids.mapped("summary"))
        self.assertEqual(summaries, {
            "R12: " + self._kk("supervision check due"),
            "R11: " + self._kk("term on the register ends")})

    def test_activities_not_in_the_writers_language(self):
        """R11, R12: an English-speaking inspector gets English activities
        although the case was registered from a Kazakh session."""
        self.users["inspector"].lang = "en_US"
        case = self._new_case("inspector")
        with freeze_time("2026-11-02 09:00:00"):
            case.with_context(lang="kk_KZ").sudo(
                self.users["inspector"]).wf_apply("register", REGISTER)
        self.assertEqual(set(case.activity_ids.mapped("summary")), {
            "R12: supervision check due", "R11: term on the register ends"})

    def test_tracked_changes_in_the_readers_language(self):
        """R11, R13: a change tracked in English (label, choice, category
        name) reads in Kazakh for a Kazakh reader; names that are data
        (the person) stay as stored."""
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        other = self.env["uchaske.registry.category"].search(
            [("id", "!=", self.category.id)], limit=1)
        # tracked as in the web client (the tests' environment switches
        # tracking off)
        tracked = case.with_context(lang="en_US", tracking_disable=False,
                                    mail_notrack=False)
        tracked.sudo(self.users["inspector"]).write({
            "date_start": "2026-10-20", "grounds": "sentence",
            "category_id": other.id})
        chief = self.users["chief"]
        messages = case.message_ids.sudo(chief).with_context(
            lang="kk_KZ").message_format()
        trackings = [t for m in messages for t in m["tracking_value_ids"]]
        labels = self.Case.with_context(lang="kk_KZ").fields_get(
            ["date_start", "grounds", "category_id"],
            ["string", "selection"])
        by_label = {t["changed_field"]: t for t in trackings}
        for name in ("date_start", "grounds", "category_id"):
            self.assertIn(labels[name]["string"], by_label, name)
        self.assertNotIn("Term start", by_label)
        grounds = by_label[labels["grounds"]["string"]]
        choices = dict(labels["grounds"]["selection"])
        self.assertEqual(grounds["new_value"], choices["sentence"])
        self.assertEqual(grounds["old_value"], choices["court_decision"])
        self.assertNotEqual(choices["sentence"], "Sentence")
        category = by_label[labels["category_id"]["string"]]
        self.assertEqual(category["new_value"],
                         other.with_context(lang="kk_KZ").display_name)
        # the English reader reads what was stored
        english = case.message_ids.sudo(chief).with_context(
            lang="en_US").message_format()
        self.assertIn("Term start", [t["changed_field"] for m in english
                                     for t in m["tracking_value_ids"]])

    def test_company_name_on_the_case_card_in_kazakh(self):
        """Issue 13: the head of the printed case card names the company in
        the printing officer's language, not in English."""
        company = self.env.ref("base.main_company")
        company.uchaske_print_name = EN_NAME
        company.with_context(lang="kk_KZ").uchaske_print_name = KK_NAME
        with freeze_time("2026-11-02 09:00:00"):
            case = self._registered_case()
        inspector = self.users["inspector"]
        report = self.env.ref("uchaske_registry.uchaske_registry_case_report")
        for lang, present, absent in (("kk_KZ", KK_NAME, EN_NAME),
                                      ("en_US", EN_NAME, KK_NAME)):
            inspector.lang = lang
            html = report.sudo(inspector).render_qweb_html([case.id])[0]
            html = html.decode() if isinstance(html, bytes) else html
            self.assertIn(present, html, lang)
            self.assertNotIn(absent, html, lang)
