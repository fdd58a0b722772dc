# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrConfigParameter(models.Model):
    _inherit = "ir.config_parameter"

    @api.model
    def _uchaske_default_param(self, key, value, replace=()):
        """Give ``key`` our value unless an administrator chose another one.

        Called from ``data/ir_config_parameter_data.xml`` on every install
        and update: the parameter is set when it is missing or still holds one
        of the values in ``replace`` (the OCA module's own default), so an
        existing database gets the Uchaske policy on its next update while a
        value set by the administrator stays.
        """
        current = self.sudo().get_param(key)
        if not current or current in replace:
            self.sudo().set_param(key, value)
        return True
