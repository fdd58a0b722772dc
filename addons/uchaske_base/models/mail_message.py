# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import api, models


class MailMessage(models.Model):
    """Police officers often have no e-mail address in the system; Odoo 11
    then refuses every chatter message they cause (record creation, tracked
    changes, workflow notes) with "Unable to send email". Their messages are
    internal notes: give them a no-reply sender instead of failing.

    Messages on our records follow the records' rules (R7, R16): Odoo lets
    the author and the notified partners read a message whatever the
    record; on a record of ours, reading (or posting) needs reading the
    record (a follower left over from an ended transfer reads nothing)."""

    _name = "mail.message"
    # the mixin first: its _search/read_group come before mail.message's own
    _inherit = ["uchaske.document.access.mixin", "mail.message"]

    @api.model
    def _get_default_from(self):
        if self.env.user.email:
            return super(MailMessage, self)._get_default_from()
        domain = self.env["ir.config_parameter"].sudo().get_param(
            "mail.catchall.domain") or "localhost"
        return formataddr((self.env.user.name, "noreply@%s" % domain))

    @api.model
    def _message_read_dict_postprocess(self, messages, message_tree):
        """Tracked changes in the reader's language (issue 13, see
        mail.tracking.value)."""
        res = super(MailMessage, self)._message_read_dict_postprocess(
            messages, message_tree)
        ids = [tracking["id"] for message in messages
               for tracking in message.get("tracking_value_ids") or []]
        if ids:
            translated = self.env["mail.tracking.value"].browse(
                ids)._uchaske_translated_display()
            for message in messages:
                for tracking in message.get("tracking_value_ids") or []:
                    tracking.update(translated.get(tracking["id"], {}))
        return res

    @api.multi
    def _uchaske_document_refs(self):
        return {message.id: (message.model, message.res_id)
                for message in self.sudo() if message.model and message.res_id}

    @api.multi
    def check_access_rule(self, operation):
        super(MailMessage, self).check_access_rule(operation)
        if operation in ("read", "create"):
            self._uchaske_check_documents("read")
