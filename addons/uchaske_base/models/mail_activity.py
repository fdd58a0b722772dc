# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


def activity_targets(cr):
    """{frozenset(activity ids): {model: {record ids}} or None (not read
    yet)} of the activities whose ``modified`` runs on this cursor
    (issue 14)."""
    if not hasattr(cr, "_uchaske_activity_targets"):
        cr._uchaske_activity_targets = {}
    return cr._uchaske_activity_targets


def read_activity_targets(cr, ids):
    """{model: {record ids}} the activities ``ids`` are on."""
    cr.execute("SELECT res_model, res_id FROM mail_activity WHERE id IN %s",
               [tuple(ids)])
    targets = {}
    for model, res_id in cr.fetchall():
        targets.setdefault(model, set()).add(res_id)
    return targets


class MailActivity(models.Model):
    """Activities on our records follow the records' rules: Odoo 11 lets
    every employee read every activity, whose summaries and notes name the
    persons under supervision (R7, R16)."""

    _name = "mail.activity"
    # the mixin first: its _search/read_group come before mail.activity's own
    _inherit = ["uchaske.document.access.mixin", "mail.activity"]

    # Issue 9 item 5: code finds its activities by this key, never by the
    # summary, which is translated into the language of whoever created it.
    uchaske_key = fields.Char(
        string="Technical key", index=True, readonly=True, copy=False,
        help="What the activity is about (e.g. R22.10, A4.stay): the "
             "scheduled jobs find their activities by it.")

    @api.model_cr
    def init(self):
        super(MailActivity, self).init()
        # A record's activities are asked for by model and id (the records'
        # activity_ids, the deadlines, the alert jobs). With an index per
        # column, PostgreSQL took res_model's (few rows in the statistics)
        # and filtered all the model's activities by id: in the A2 alert
        # job the UPDATE of the entries' next deadline scanned every
        # activity created before it, 0.25 -> 0.92 s a batch by the 8th
        # (issue 14, bench/alert_jobs.py).
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS mail_activity_res_model_res_id_index
                ON mail_activity (res_model, res_id)""")

    @api.model
    def create(self, values):
        # the activity's user keeps their subscription to the record if they
        # follow it already (see mail.thread.message_subscribe, issue 14)
        activity = super(MailActivity, self.with_context(
            uchaske_activity_subscribe=True)).create(values).with_env(self.env)
        # the record's activities changed: Odoo 11 counted on the whole
        # cache being dropped by the subscription that is skipped now
        record = self.env[activity.sudo().res_model].browse(activity.sudo().res_id)
        record.invalidate_cache(
            [name for name in record._fields if name.startswith("activity_")],
            record.ids)
        return activity

    @api.multi
    def modified(self, fnames):
        """Issue 14: Odoo 11 recomputes the stored ``activity_date_deadline``
        of the records these activities are on by searching, in every model
        with activities (a dozen), the records whose ``activity_ids`` contain
        them -- two statements per model for each activity created, written
        or deleted. The records are known from the activities themselves:
        the first such search reads them in one statement, and the others
        answer from it (see ``mail.activity.mixin._search``)."""
        if not self.ids:
            return super(MailActivity, self).modified(fnames)
        key = frozenset(self.ids)
        stash = activity_targets(self.env.cr)
        if key in stash:  # within a modified() of the same activities
            return super(MailActivity, self).modified(fnames)
        stash[key] = None  # read when first asked
        try:
            return super(MailActivity, self).modified(fnames)
        finally:
            del stash[key]

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        self._uchaske_check_documents("read")
        return super(MailActivity, self).read(fields=fields, load=load)
