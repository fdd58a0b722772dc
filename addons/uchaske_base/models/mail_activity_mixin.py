# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models
from odoo.tools import plaintext2html

from .mail_activity import activity_targets, read_activity_targets


class MailActivityMixin(models.AbstractModel):
    """One way for the engine, the crons and the registers to give an
    officer a to-do on a record (Odoo 11 has no ``activity_schedule``)."""

    _inherit = "mail.activity.mixin"

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        """The search of Odoo 11's ``modified`` for the records of changed
        activities (``[('activity_ids', 'in', ids)]``, as the superuser,
        archived records included) answered from the activities' own
        ``res_model``/``res_id`` read once by ``mail.activity.modified``
        (issue 14). Any other search is the ORM's."""
        if self.env.uid == SUPERUSER_ID and not count and not offset \
                and limit is None and len(args) == 1 \
                and isinstance(args[0], (list, tuple)) \
                and tuple(args[0][:2]) == ("activity_ids", "in") \
                and not self.env.context.get("active_test", True):
            stash = activity_targets(self.env.cr)
            key = frozenset(args[0][2] or ())
            if key and key in stash:
                if stash[key] is None:
                    stash[key] = read_activity_targets(self.env.cr, key)
                ids = stash[key].get(self._name)
                return self.browse(sorted(ids)).exists().ids if ids else []
        return super(MailActivityMixin, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.multi
    def _uchaske_schedule_activity(self, user, summary, deadline, note="",
                                   activity_type=None, key=None):
        """Create, as the engine (the officer may not write the record), an
        activity for ``user`` due on ``deadline`` (a date string); by default
        of the type "Legal deadline" of Order No. 1095. ``note`` is plain
        text (names typed by users): it is escaped into the HTML note. ``key``
        is the technical key (``mail.activity.uchaske_key``) by which code
        finds the activity again, whatever language its summary is in."""
        self.ensure_one()
        # the type by its cached external id: ``env.ref`` checks that the
        # record exists, one statement per activity (issue 14)
        activity_type = activity_type or self.env["mail.activity.type"].browse(
            self.env["ir.model.data"].xmlid_to_res_id(
                "uchaske_base.mail_activity_type_deadline",
                raise_if_not_found=True))
        # Odoo 11's create computes every default first, the due date's
        # too (today in the user's zone): without a zone in the context
        # (a cron, RPC) that reads the engine user's whole record, two
        # statements per activity (issue 14). The due date is always
        # given, so that default's zone is never used.
        activities = self.env["mail.activity"].sudo()
        zoned = activities.with_context(
            tz=activities.env.context.get("tz") or "UTC")
        # the record's model and name are known here, as Odoo's computation
        # of the two stored columns gives them (the model of
        # ``res_model_id``, the record's name_get as the superuser): written
        # with the row, not recomputed after it (a read of the activity and
        # of its model, and an UPDATE each, twice for every case
        # registered, issue 14); everything else recomputes as usual
        activity = zoned.with_context(recompute=False).create({
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_model": self._name,
            "res_id": self.id,
            "res_name": self.sudo().name_get()[0][1],
            "activity_type_id": activity_type.id,
            "summary": summary,
            "note": plaintext2html(note) if note else "",
            "user_id": user.id,
            "date_deadline": deadline,
            "uchaske_key": key or False,
        })
        for name in ("res_model", "res_name"):
            activity.env.remove_todo(activity._fields[name], activity)
        if activities.env.recompute and \
                activities.env.context.get("recompute", True):
            activities.recompute()
        return activity.with_env(activities.env)
