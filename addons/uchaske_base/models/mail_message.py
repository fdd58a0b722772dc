# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import api, models


class MailMessage(models.Model):
    """Police officers often have no e-mail address in the system; Odoo 11
    then refuses every chatter message they cause (record creation, tracked
    changes, workflow notes) with "Unable to send email". Their messages are
    internal notes: give them a no-reply sender instead of failing."""

    _inherit = "mail.message"

    @api.model
    def _get_default_from(self):
        if self.env.user.email:
            return super(MailMessage, self)._get_default_from()
        domain = self.env["ir.config_parameter"].sudo().get_param(
            "mail.catchall.domain") or "localhost"
        return formataddr((self.env.user.name, "noreply@%s" % domain))
