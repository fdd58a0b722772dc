# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models


class MailFollowers(models.Model):
    """Followers of our records follow the records' rules: Odoo 11 lets
    every employee list every follower row (and so other departments' case
    ids), and create one on any record (CVE-2019-11785: following a record
    one cannot read, then receiving its messages). Following a record of
    ours needs reading it (oneself) or writing it (someone else)."""

    _name = "mail.followers"
    # the mixin first: its _search/read_group come before mail.followers's own
    _inherit = ["uchaske.document.access.mixin", "mail.followers"]

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        self._uchaske_check_documents("read")
        return super(MailFollowers, self).read(fields=fields, load=load)

    @api.model
    def create(self, vals):
        follower = super(MailFollowers, self.with_context(
            uchaske_follower_create=True)).create(vals).with_env(self.env)
        follower._uchaske_check_subscription()
        return follower

    @api.multi
    def _invalidate_documents(self):
        """On creation, Odoo reads the new rows as the user only to drop the
        followed documents from the cache, and our ``read`` then checks the
        documents' rules -- the check :meth:`_uchaske_check_subscription`
        makes right after (issue 14: two statements per subscription). The
        rows are read as the engine there; writing and deleting rows keep
        the check on reading."""
        rows = self.sudo() if self.env.context.get("uchaske_follower_create") \
            else self
        return super(MailFollowers, rows)._invalidate_documents()

    @api.multi
    def write(self, vals):
        result = super(MailFollowers, self).write(vals)
        if {"res_model", "res_id", "partner_id", "channel_id"} & set(vals):
            self._uchaske_check_subscription()
        return result

    @api.multi
    def _uchaske_check_subscription(self):
        """CVE-2019-11785: refuse following a record of ours that the
        user may not read (oneself) or write (another partner, a channel),
        as ``message_subscribe`` would have."""
        if self.env.uid == SUPERUSER_ID:
            return
        partner = self.env.user.partner_id
        own = self.filtered(lambda f: f.sudo().partner_id == partner
                            and not f.sudo().channel_id)
        own._uchaske_check_documents("read")
        (self - own)._uchaske_check_documents("write")
