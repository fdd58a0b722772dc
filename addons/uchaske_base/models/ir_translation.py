# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models, tools
from odoo.addons.base.ir.ir_translation import IrTranslation as BaseTranslation
from odoo.modules import get_module_resource

_logger = logging.getLogger(__name__)

#: Folder of uchaske_base holding terms for OTHER modules, one file per
#: module and language: ``<module>.<lang>.po`` (``web.kk.po``,
#: ``mail.ru.po``). Odoo ships no Kazakh, and its Russian lacks terms our
#: users see ("Create ", "Planned activities", "Mark Done").
FRAME_DIR = "i18n_frame"

#: Modules whose frame files we ship, in load order.
FRAME_MODULES = ("base", "web", "bus", "mail", "base_import", "web_tour",
                 "web_responsive", "web_timeline", "web_widget_x2many_2d_matrix")

#: ``comments`` of the field translations copied from a mixin.
COPIED = "uchaske: copied from the inherited field"

#: Translated columns of ir.model.fields copied from a mixin to the models
#: that inherit it.
FIELD_TERMS = (
    "ir.model.fields,field_description",
    "ir.model.fields,help",
)


class IrTranslation(models.Model):
    """Load the terms of the Odoo frame (web client, chatter, dialogs) in
    the languages Odoo lacks (Kazakh) or covers partly (Russian).

    Odoo loads ``<addon>/i18n/<lang>.po`` for the addon itself only, and
    ``/web/webclient/translations`` serves a term by the module it is stored
    under: the web client's "Save" must be stored with ``module='web'``. So
    every load of module terms (install or update of a module, "Load a
    Translation", ``-u``) also loads our files for the modules concerned
    (all of them when uchaske_base itself is loaded), over Odoo's own terms.

    A field a model inherits from a mixin (``mail.thread``'s "Followers",
    ``mail.activity.mixin``'s "State", our workflow mixin's "State") gets an
    ``ir.model.fields`` record of its own, and po files only name the
    records that existed when the module was loaded: the mixin's translation
    is copied to the inheriting models that lack one."""

    _inherit = "ir.translation"

    #: Models whose translated names the registry's caches keep: a model's
    #: name in the creation note (``mail.thread._uchaske_model_label``), the
    #: workflows' states and transitions (``_wf_state_pairs``, My work's
    #: definitions), the deadline rules (``_my_work_deadline_names``). A
    #: changed translation of one of their records clears the caches, as
    #: Odoo 11 does for fields and views (``_modified_model``,
    #: ``_modified``); without it the old name stayed until a restart.
    CACHED_MODELS = BaseTranslation.CACHED_MODELS | {
        "ir.model", "uchaske.workflow.state", "uchaske.workflow.transition",
        "uchaske.workflow.deadline"}

    @api.model_cr_context
    def load_module_terms(self, modules, langs):
        res = super(IrTranslation, self).load_module_terms(modules, langs)
        if self.env.context.get("uchaske_frame_loading"):
            return res
        this = self.with_context(uchaske_frame_loading=True)
        this._uchaske_reload_dependency_terms(modules, langs)
        this._uchaske_load_frame_terms(modules, langs)
        this._uchaske_copy_inherited_field_terms(langs)
        return res

    @api.model
    def _uchaske_installed_modules(self):
        return set(self.env["ir.module.module"].sudo().search([
            ("state", "in", ("installed", "to install", "to upgrade")),
        ]).mapped("name"))

    @api.model
    def _uchaske_reload_dependency_terms(self, modules, langs):
        """A field of our mixins gets its record (and xml id under the
        mixin's module) only when a model of a later module inherits it:
        reload our earlier modules' terms when a later one is loaded."""
        if not any(m.startswith("uchaske_") for m in modules):
            return
        ours = sorted(
            name for name in self._uchaske_installed_modules()
            if name.startswith("uchaske_") and name not in modules)
        if ours:
            self.load_module_terms(ours, langs)

    @api.model
    def _uchaske_frame_modules(self, modules):
        installed = self._uchaske_installed_modules()
        if any(name.startswith("uchaske_") for name in modules):
            # a language Odoo loaded before our override existed (first
            # install, --load-language) gets the frame with our modules
            wanted = installed
        else:
            wanted = set(modules) & installed
        return [name for name in FRAME_MODULES if name in wanted]

    @api.model
    def _uchaske_load_frame_terms(self, modules, langs):
        frame_modules = self._uchaske_frame_modules(modules)
        if not frame_modules:
            return
        context = dict(self.env.context, overwrite=True)
        for lang in langs:
            base_code = tools.get_iso_codes(lang).split("_")[0]
            for name in frame_modules:
                path = get_module_resource(
                    "uchaske_base", FRAME_DIR, "%s.%s.po" % (name, base_code))
                if not path:
                    continue
                _logger.info("module %s: loading frame terms %s for %s",
                             name, path, lang)
                tools.trans_load(self.env.cr, path, lang, verbose=False,
                                 module_name=name, context=context)

    @api.model
    def _uchaske_inherit_pairs(self):
        """(child model, parent model) for every model that inherits
        another one's fields through ``_inherit``."""
        pairs = []
        for name in self.env.registry:
            for child in self.env.registry[name]._inherit_children:
                if child != name:
                    pairs.append((child, name))
        return pairs

    @api.model
    def _uchaske_copy_inherited_field_terms(self, langs):
        pairs = self._uchaske_inherit_pairs()
        if not pairs or not langs:
            return
        children = [pair[0] for pair in pairs]
        parents = [pair[1] for pair in pairs]
        cr = self.env.cr
        # Bulk copy at load time, as Odoo's own IrTranslationImport does:
        # one statement instead of a create() per field and language. Our
        # copies (marked in ``comments``) follow the mixin's translation
        # when it changes; a translation of the field's own is kept.
        for term in FIELD_TERMS:
            cr.execute("""
                UPDATE ir_translation x SET value = t.value
                FROM unnest(%s::varchar[], %s::varchar[]) AS p(child, parent)
                JOIN ir_model_fields f ON f.model = p.child
                JOIN ir_model_fields g
                    ON g.model = p.parent AND g.name = f.name
                JOIN ir_translation t
                    ON t.name = %s AND t.type = 'model' AND t.res_id = g.id
                    AND t.value IS NOT NULL AND t.value != ''
                WHERE x.name = t.name AND x.type = 'model' AND x.res_id = f.id
                AND x.lang = t.lang AND x.lang IN %s AND x.src = t.src
                AND x.comments = %s AND x.value != t.value
            """, (children, parents, term, tuple(langs), COPIED))
            cr.execute("""
                INSERT INTO ir_translation (name, lang, res_id, src, type,
                                            value, module, state, comments)
                SELECT DISTINCT ON (f.id, t.lang)
                    t.name, t.lang, f.id, t.src, t.type, t.value, t.module,
                    'translated', %s
                FROM unnest(%s::varchar[], %s::varchar[]) AS p(child, parent)
                JOIN ir_model_fields f ON f.model = p.child
                JOIN ir_model_fields g
                    ON g.model = p.parent AND g.name = f.name
                JOIN ir_translation t
                    ON t.name = %s AND t.type = 'model' AND t.res_id = g.id
                    AND t.lang IN %s AND t.value IS NOT NULL AND t.value != ''
                WHERE t.src = (CASE WHEN %s = 'ir.model.fields,help'
                                    THEN f.help ELSE f.field_description END)
                AND NOT EXISTS (
                    SELECT 1 FROM ir_translation x
                    WHERE x.name = t.name AND x.type = 'model'
                    AND x.res_id = f.id AND x.lang = t.lang)
                ORDER BY f.id, t.lang, g.id
            """, (COPIED, children, parents, term, tuple(langs), term))
        # Selection labels are looked up by "<model>,<field>".
        cr.execute("""
            INSERT INTO ir_translation
                (name, lang, res_id, src, type, value, module, state)
            SELECT DISTINCT ON (new_name, t.lang, t.src)
                p.child || ',' || f.name AS new_name, t.lang, 0, t.src,
                'selection', t.value, t.module, 'translated'
            FROM unnest(%s::varchar[], %s::varchar[]) AS p(child, parent)
            JOIN ir_model_fields f
                ON f.model = p.child AND f.ttype = 'selection'
            JOIN ir_translation t
                ON t.name = p.parent || ',' || f.name AND t.type = 'selection'
                AND t.lang IN %s AND t.value IS NOT NULL AND t.value != ''
            WHERE NOT EXISTS (
                SELECT 1 FROM ir_translation x
                WHERE x.name = p.child || ',' || f.name
                AND x.type = 'selection' AND x.lang = t.lang
                AND x.src = t.src)
            ORDER BY new_name, t.lang, t.src
        """, (children, parents, tuple(langs)))
        self.clear_caches()
