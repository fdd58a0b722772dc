# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models


class MailActivity(models.Model):
    """Activities on our records follow the records' rules: Odoo 11 lets
    every employee read every activity, whose summaries and notes name the
    persons under supervision (R7, R16)."""

    _name = "mail.activity"
    _inherit = ["mail.activity", "uchaske.document.access.mixin"]

    # Issue 9 item 5: code finds its activities by this key, never by the
    # summary, which is translated into the language of whoever created it.
    uchaske_key = fields.Char(
        string="Technical key", index=True, readonly=True, copy=False,
        help="What the activity is about (e.g. R22.10, A4.stay): the "
             "scheduled jobs find their activities by it.")

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        self._uchaske_check_documents("read")
        return super(MailActivity, self).read(fields=fields, load=load)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        if self._uid == SUPERUSER_ID:
            return super(MailActivity, self)._search(
                args, offset=offset, limit=limit, order=order, count=count,
                access_rights_uid=access_rights_uid)
        ids = super(MailActivity, self)._search(
            args, offset=0, limit=None, order=order, count=False,
            access_rights_uid=access_rights_uid)
        return self._uchaske_filter_search(ids, offset, limit, count)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        return super(MailActivity, self).read_group(
            self._uchaske_group_domain(domain), fields, groupby, offset=offset,
            limit=limit, orderby=orderby, lazy=lazy)
