# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def create(self, values):
        """An Uchaske record's creation is one note in its chatter, "<model>
        created" with the values it was created with (issue 14). Odoo 11
        posts two: the creation note, then the tracking values alone, each
        with its access checks and notification (about 20 statements). The
        subtype is the same (our models have no ``_track_subtype``); a
        context that turns either off gets Odoo's own behaviour."""
        context = self.env.context
        if not self._name.startswith("uchaske.") or any(context.get(key) for key in (
                "tracking_disable", "mail_create_nolog", "mail_notrack")):
            return super(MailThread, self).create(values)
        thread = super(MailThread, self.with_context(
            mail_create_nolog=True, mail_notrack=True)).create(values)
        thread = thread.with_env(self.env)
        track_thread = thread if "lang" in context else \
            thread.with_context(lang=self.env.user.lang)
        tracked_fields = track_thread._get_tracked_fields(list(values))
        tracking_value_ids = []
        if tracked_fields:
            tracking = track_thread._message_track_get_changes(
                tracked_fields, {thread.id: dict.fromkeys(tracked_fields, False)})
            tracking_value_ids = tracking[thread.id][1]
        # posted by the engine and signed by the officer, as the workflow's
        # notes (uchaske.workflow.trail._wf_log): the officer's right to
        # the record was checked by its creation; as the user, Odoo checks
        # the message's create and read access on the record again, eight
        # statements (issue 14)
        message = thread.sudo().message_post(
            body=_("%s created") % self._uchaske_model_label(),
            author_id=self.env.user.partner_id.id,
            email_from=self.env["mail.message"]._get_default_from())
        self._uchaske_insert_tracking(message, tracking_value_ids)
        return thread

    @api.model
    @tools.ormcache("self.env.lang")
    def _uchaske_model_label(self):
        """The model's name in the user's language (``ir.model``), cached
        per model and language: read at each creation, it was a statement
        with its translations joined (issue 14). A changed translation or
        model clears the registry's caches."""
        return self.env["ir.model"]._get(self._name).name

    @api.model
    def _uchaske_insert_tracking(self, message, commands):
        """Attach the tracking values ``commands`` ((0, 0, values) as
        ``_message_track_get_changes`` gives them) to ``message`` in one
        statement: the ORM inserts them one by one (about ten per case
        created, issue 14). Nothing refers to them but the message, they
        have no computed field, and they are shown, not notified: a note's
        notification has nobody to send them to."""
        rows = [values for _command, _id, values in commands]
        if not rows:
            return
        names = sorted({name for values in rows for name in values})
        columns = ["mail_message_id", "create_uid", "write_uid", "create_date",
                   "write_date"] + names
        now = fields.Datetime.now()
        # each value given as the ORM stores it (False: NULL, or 0 for a
        # number); a value not given stays NULL
        Tracking = self.env["mail.tracking.value"]
        convert = [Tracking._fields[name].convert_to_column for name in names]
        params = [(message.id, self.env.uid, self.env.uid, now, now) + tuple(
            to_column(values[name], Tracking) if name in values else None
            for name, to_column in zip(names, convert)) for values in rows]
        query = sql.SQL("INSERT INTO mail_tracking_value ({}) VALUES {}").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.SQL(", ").join(sql.Placeholder() * len(params)))
        self.env.cr.execute(query.as_string(self.env.cr._cnx), params)
        message.invalidate_cache(["tracking_value_ids"])

    @api.multi
    def message_subscribe(self, partner_ids=None, channel_ids=None,
                          subtype_ids=None, force=True):
        """A new activity subscribes its user to the record (Odoo 11's
        ``mail.activity.create``); a user who follows it already keeps the
        subscription as it is (issue 14). Odoo 11 deletes the follower and
        creates it again with the default subtypes -- about 30 statements,
        a write on the record and its cache dropped, for each activity -- and
        loses the subtypes the user chose; Odoo 12 skips existing followers
        the same way. Other subscriptions are unchanged."""
        if self.env.context.get("uchaske_activity_subscribe") and partner_ids \
                and not channel_ids and not subtype_ids and self.ids:
            followers = self.env["mail.followers"].sudo().search([
                ("res_model", "=", self._name), ("res_id", "in", self.ids),
                ("partner_id", "in", list(partner_ids))])
            if len(followers) == len(self.ids) * len(set(partner_ids)):
                return True
        return super(MailThread, self).message_subscribe(
            partner_ids=partner_ids, channel_ids=channel_ids,
            subtype_ids=subtype_ids, force=force)

    @api.multi
    def _message_post_process_attachments(self, attachments, attachment_ids,
                                          message_data):
        """Files posted in the chatter are the user's own uploads (Odoo's
        upload and composer files) or files of this very record, never
        another record's: Odoo 11 links any id to the message and shows the
        file's name in the chatter, whoever may read it (R7; the guide's
        attacker tests). One message whatever the reason: no oracle of
        other files."""
        if attachment_ids and self.env.uid != SUPERUSER_ID and \
                not self._uchaske_own_files(attachment_ids, message_data):
            raise AccessError(_("Attachments: attach only files you uploaded "
                                "yourself that belong to no other record."))
        return super(MailThread, self)._message_post_process_attachments(
            attachments, attachment_ids, message_data)

    @api.model
    def _uchaske_own_files(self, attachment_ids, message_data):
        ids = list(attachment_ids)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            return False
        files = self.env["ir.attachment"].sudo().browse(ids).exists()
        if len(files) != len(set(ids)):
            return False
        here = (message_data.get("model"), message_data.get("res_id"))
        for attachment in files:
            if attachment.res_field:
                return False  # the content of a binary field
            if (attachment.res_model, attachment.res_id) == here:
                continue
            if attachment.res_id and \
                    attachment.res_model != "mail.compose.message":
                return False
            if attachment.create_uid.id != self.env.uid:
                return False
        return True
