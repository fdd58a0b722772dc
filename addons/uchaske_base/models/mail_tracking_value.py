# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailTrackingValue(models.Model):
    """A tracked change is stored once, in the language of whoever made it:
    the field's label, and the label of a selection or the name of a
    many2one as text. The chatter shows it to every later reader, so a
    Kazakh-speaking chief read "Term start" and "Case file kept in: Police
    point safe" on a case (issue 13). The label, the choice and a
    translatable name (a category) are shown in the reader's language;
    names that are data (persons, officers) stay as stored."""

    _inherit = "mail.tracking.value"

    @api.multi
    def _uchaske_translated_display(self):
        """{tracking id: {'changed_field', 'old_value', 'new_value'}} in
        the language of the environment, for the trackings whose field
        still exists (others keep what Odoo shows)."""
        lang = self.env.lang or "en_US"
        described = {}
        result = {}
        for tracking in self.sudo():
            model = tracking.mail_message_id.model
            if model not in self.env or tracking.field not in self.env[model]._fields:
                continue
            if model not in described:
                described[model] = (
                    self.env[model].with_context(lang=lang).fields_get(
                        attributes=["string", "selection"]),
                    self.env[model].with_context(lang="en_US").fields_get(
                        attributes=["string", "selection"]))
            here, english = (d.get(tracking.field, {}) for d in described[model])
            values = {"changed_field": here.get("string") or tracking.field_desc}
            if tracking.field_type == "selection":
                values.update(tracking._uchaske_selection_values(
                    english.get("selection") or [], here.get("selection") or []))
            elif tracking.field_type == "many2one":
                values.update(tracking._uchaske_many2one_values(model, lang))
            result[tracking.id] = values
        return result

    @api.multi
    def _uchaske_selection_values(self, english, here):
        """The stored choice labels, read back as keys, in ``here``'s labels."""
        self.ensure_one()
        keys = {label: key for key, label in english}
        keys.update({label: key for key, label in here})
        labels = dict(here)
        values = {}
        for side in ("old", "new"):
            stored = self["%s_value_char" % side]
            if stored and stored in keys:
                values["%s_value" % side] = labels.get(keys[stored], stored)
        return values

    @api.multi
    def _uchaske_many2one_values(self, model, lang):
        """The names of records whose name is a translatable term (a
        category), in ``lang``; other names are data and stay."""
        self.ensure_one()
        comodel = self.env[self.env[model]._fields[self.field].comodel_name]
        name_field = comodel._fields.get(comodel._rec_name)
        if not (name_field and name_field.translate):
            return {}
        values = {}
        for side in ("old", "new"):
            record = comodel.sudo().with_context(lang=lang).browse(
                self["%s_value_integer" % side]).exists()
            if record:
                values["%s_value" % side] = record.display_name
        return values
