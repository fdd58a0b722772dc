# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.multi
    def _notify_by_chat(self, message):
        """Nobody to notify in their inbox: nothing to send (issue 14).
        Odoo 11's ``mail.message._notify`` calls this for every message,
        also with no partner, and the message is formatted for the bus
        anyway (13 statements for each chatter note of the engine)."""
        if not self:
            return None
        return super(ResPartner, self)._notify_by_chat(message)
