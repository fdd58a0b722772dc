# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Odoo frame (web client, chatter, dialogs) speaks Kazakh, and speaks
better Russian than Odoo 11 ships (issue 7: 39 English strings against 69
Kazakh ones on the case form)."""
from odoo.tests import common

from .common import UchaskeCase

#: English source -> Kazakh, as the web client must show them.
KK_FRAME = {
    "web": {
        "Save": "Сақтау",
        "Discard": "Болдырмау",
        "Create": "Құру",
        "Edit": "Өңдеу",
        "Print": "Басып шығару",
        "Action": "Әрекет",
        "Filters": "Сүзгілер",
        "Group By": "Топтау",
        "Favorites": "Таңдаулылар",
        "Ok": "Жарайды",
        "Cancel": "Бас тарту",
        "Warning": "Ескерту",
        "Preferences": "Баптаулар",
        "Log out": "Шығу",
        "Loading": "Жүктелуде",
    },
    "mail": {
        "Log note": "Ескертпе жазу",
        "Send message": "Хабарлама жіберу",
        "Schedule activity": "Әрекетті жоспарлау",
        "Planned activities": "Жоспарланған әрекеттер",
        "Mark Done": "Орындалды деп белгілеу",
    },
    # OCA addons of issue 11: the plan's timeline, the working time grid
    "web_timeline": {
        "Today": "Бүгін",
        "Month": "Ай",
    },
    "web_widget_x2many_2d_matrix": {
        "Sum Total": "Барлығы",
    },
}


@common.at_install(False)
@common.post_install(True)
class TestFrameTranslations(UchaskeCase):

    def _webclient_terms(self, lang, modules):
        """What /web/webclient/translations serves (web/controllers/main.py:
        the same query), as {module: {source: value}}."""
        rows = self.env["ir.translation"].sudo().search_read([
            ("module", "in", modules), ("lang", "=", lang),
            ("comments", "like", "openerp-web"), ("value", "!=", False),
            ("value", "!=", "")], ["module", "src", "value"])
        terms = {}
        for row in rows:
            terms.setdefault(row["module"], {})[row["src"]] = row["value"]
        return terms

    def test_webclient_serves_kazakh_frame(self):
        terms = self._webclient_terms("kk_KZ", list(KK_FRAME))
        for module, expected in KK_FRAME.items():
            for src, value in expected.items():
                self.assertEqual(terms.get(module, {}).get(src), value,
                                 "%s: %r" % (module, src))
        # the web client's own strings are translated nearly all
        self.assertGreater(len(terms["web"]), 380)
        self.assertGreater(len(terms["mail"]), 140)

    def test_module_update_keeps_and_restores_frame_terms(self):
        """`-u web` or "Load a Translation" loads web's terms again: ours
        are loaded with them, not wiped (a lost term comes back)."""
        Translation = self.env["ir.translation"].sudo()
        domain = [("module", "=", "web"), ("lang", "=", "kk_KZ"),
                  ("src", "=", "Save"), ("comments", "like", "openerp-web")]
        Translation.search(domain).unlink()
        web = self.env["ir.module.module"].search([("name", "=", "web")])
        web._update_translations("kk_KZ")
        self.assertEqual(Translation.search(domain).mapped("value"), ["Сақтау"])
        base = self.env["ir.module.module"].search(
            [("name", "=", "uchaske_base")])
        base._update_translations("kk_KZ")
        self.assertEqual(Translation.search(domain).mapped("value"), ["Сақтау"])

    def test_user_sees_kazakh_preferences_and_errors(self):
        """The officer's own preferences and Odoo's refusals in Kazakh."""
        user = self.users["inspector"].sudo()
        user.lang = "kk_KZ"
        labels = self.env["res.users"].sudo(user).with_context(
            lang="kk_KZ").fields_get(["lang", "tz"], ["string"])
        self.assertEqual(labels["lang"]["string"], "Тіл")
        self.assertEqual(labels["tz"]["string"], "Уақыт белдеуі")
        Translation = self.env["ir.translation"]
        self.assertEqual(
            Translation._get_source(None, ("code",), "kk_KZ",
                                    "Record does not exist or has been deleted."),
            "Жазба жоқ немесе жойылған.")

    def test_mixin_field_labels_translated_on_our_models(self):
        """Fields our models inherit from mail's mixins (chatter, activity
        state) carry the mixin's label translation, not English."""
        model = self.env["uchaske.absence"].with_context(lang="kk_KZ")
        labels = model.fields_get(
            ["activity_state", "message_follower_ids"], ["string", "selection"])
        self.assertEqual(labels["activity_state"]["string"], "Әрекеттер күйі")
        self.assertEqual(labels["message_follower_ids"]["string"], "Жазылушылар")
