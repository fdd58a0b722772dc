# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class UchaskeWorkItemCache(models.AbstractModel):
    """Clears the registry's caches after a record is created, changed or
    deleted, for models whose data an ormcache keeps: "My work" keeps each
    workflow's definition cached (``uchaske.work.item._my_work_definition``).
    Inherited by the workflow states, transitions, deadlines and inputs,
    and by the register's categories (their names, R11)."""

    _name = "uchaske.work.item.cache"
    _description = "My work: definitions cache"

    @api.model
    def create(self, vals):
        result = super(UchaskeWorkItemCache, self).create(vals)
        self.clear_caches()
        return result

    @api.multi
    def write(self, vals):
        result = super(UchaskeWorkItemCache, self).write(vals)
        self.clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(UchaskeWorkItemCache, self).unlink()
        self.clear_caches()
        return result
