# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every translatable term of our addons has a Kazakh and a Russian
translation (issue 13, "Kazakh and Russian, completely"; R2.3: the system
works in the state language and in Russian).

The terms come from a FRESH export (``trans_generate``, what "Export
Translation" writes into a .pot), not from the committed .pot: a new field
label, selection value, view text, report text, menu, message in ``_()`` or
constraint without a translation fails this test. The translations are the
``ir.translation`` rows the catalogues loaded, looked up the way Odoo uses
them: a record's term (field label, view or report text, menu, record name)
on that very record, a code term by its text, a selection value or a
constraint on its field or model."""
from odoo.tests import common
from odoo.tools.translate import trans_generate

from .common import UchaskeCase

#: The addons checked (uchaske_wf_test is test-only: never in a real database).
MODULES = ("uchaske_base", "uchaske_registry", "uchaske_meetings", "uchaske_geo")
LANGS = ("kk_KZ", "ru_RU")

#: (module, type, source) -> why it needs no translation. Only terms no user
#: reads; keep it short.
ALLOWED = {
    (module, "model", name): "a model without a description: Odoo names it "
    "by its technical name, shown only in Settings > Technical > Models"
    for module in MODULES
    for name in ("base", "ir.config_parameter", "ir.translation", "ir.rule",
                 "ir.actions.report", "res.authentication.attempt")
}


@common.at_install(False)
@common.post_install(True)
class TestTranslationCompleteness(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestTranslationCompleteness, cls).setUpClass()
        installed = dict(cls.env["res.lang"].get_installed())
        modules = cls.env["ir.module.module"].search(
            [("name", "in", MODULES), ("state", "=", "installed")])
        for lang in LANGS:
            if lang not in installed:
                # the test database has Kazakh only: load Russian with our
                # catalogues, as "Load a Translation" would
                cls.env["res.lang"].load_lang(lang)
                modules._update_translations(lang)
        cls.modules = modules.mapped("name")

    def _res_id(self, xml_name):
        record = self.env.ref(xml_name, raise_if_not_found=False)
        return record.id if record else 0

    def _translated(self, lang, term):
        """Whether Odoo finds a non-empty translation of ``term`` (a row of
        ``trans_generate``) in ``lang`` where it will look for it."""
        module, ttype, name, res_id, src = term[:5]
        query = """SELECT 1 FROM ir_translation
                   WHERE lang = %s AND src = %s AND md5(src) = md5(%s)
                     AND COALESCE(value, '') != ''"""
        params = [lang, src, src]
        if ttype == "model":
            # a record's term: on that record (a catalogue entry references
            # the records it translates; another record's entry is not enough)
            query += (" AND type IN ('model', 'model_terms')"
                      " AND name = %s AND res_id = %s")
            params += [name, self._res_id(res_id)]
        elif ttype == "code":
            # _() looks a term up by its text alone
            query += " AND type IN ('code', 'sql_constraint', 'constraint')"
        else:
            # selection values by field, constraints by model
            query += " AND type = %s AND name = %s"
            params += [ttype, name]
        self.env.cr.execute(query + " LIMIT 1", params)
        return bool(self.env.cr.fetchone())

    def test_every_term_translated_in_kazakh_and_russian(self):
        terms = trans_generate(None, self.modules, self.env.cr)
        self.assertGreater(len(terms), 1000, "the export found our terms")
        missing = []
        for lang in LANGS:
            for term in terms:
                module, ttype, name, res_id, src = term[:5]
                if (module, ttype, src) in ALLOWED:
                    continue
                if not self._translated(lang, term):
                    missing.append("%s %s %s %s %r" % (
                        lang, module, ttype, name if ttype != "code" else res_id,
                        src))
        self.assertFalse(missing, "%d terms without a translation:\n%s" % (
            len(missing), "\n".join(sorted(set(missing)))))
