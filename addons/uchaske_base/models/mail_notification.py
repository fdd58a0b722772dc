# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailNotification(models.Model):
    """Notifications of messages on our records follow the records' rules
    (CVE-2019-11784: Odoo 11 lets every employee read every user's
    notifications). One's own notifications stay readable (the inbox);
    another user's only with the record they are about."""

    _name = "mail.notification"
    # the mixin first: its _search/read_group come before mail.notification's own
    _inherit = ["uchaske.document.access.mixin", "mail.notification"]

    @api.multi
    def _uchaske_document_refs(self):
        """The document of a notification is its message's; one's own
        notifications are about no document for this check."""
        partner = self.env.user.partner_id
        refs = {}
        for notification in self.sudo():
            message = notification.mail_message_id
            if notification.res_partner_id != partner and message.model and \
                    message.res_id:
                refs[notification.id] = (message.model, message.res_id)
        return refs

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        self._uchaske_check_documents("read")
        return super(MailNotification, self).read(fields=fields, load=load)
