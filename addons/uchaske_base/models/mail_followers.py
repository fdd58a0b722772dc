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
    _inherit = ["mail.followers", "uchaske.document.access.mixin"]

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        self._uchaske_check_documents("read")
        return super(MailFollowers, self).read(fields=fields, load=load)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        if self._uid == SUPERUSER_ID:
            return super(MailFollowers, self)._search(
                args, offset=offset, limit=limit, order=order, count=count,
                access_rights_uid=access_rights_uid)
        ids = super(MailFollowers, self)._search(
            args, offset=0, limit=None, order=order, count=False,
            access_rights_uid=access_rights_uid)
        return self._uchaske_filter_search(ids, offset, limit, count)

    @api.model
    def create(self, vals):
        follower = super(MailFollowers, self).create(vals)
        follower._uchaske_check_subscription()
        return follower

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

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        return super(MailFollowers, self).read_group(
            self._uchaske_group_domain(domain), fields, groupby, offset=offset,
            limit=limit, orderby=orderby, lazy=lazy)
