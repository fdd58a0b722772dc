# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

#: context key of the fields that choose from the national directory
DIRECTORY_KEY = "uchaske_directory"


class UchaskeDirectoryMixin(models.AbstractModel):
    """Choosing from the national directory of departments and districts.

    An officer reads only his own department's organisation (R7, R16), but a
    transfer on relocation names its destination in another department
    (R14). A field whose context carries ``uchaske_directory`` offers every
    record's *name* in its autocomplete; reading the records themselves
    stays limited by the record rules. The names are not register data.
    """

    _name = "uchaske.directory.mixin"
    _description = "Choice from the national directory"

    @api.model
    def _name_search(self, name="", args=None, operator="ilike", limit=100,
                     name_get_uid=None):
        model = self.sudo() if self.env.context.get(DIRECTORY_KEY) else self
        return super(UchaskeDirectoryMixin, model)._name_search(
            name=name, args=args, operator=operator, limit=limit,
            name_get_uid=name_get_uid)
