# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import plaintext2html


class MailActivityMixin(models.AbstractModel):
    """One way for the engine, the crons and the registers to give an
    officer a to-do on a record (Odoo 11 has no ``activity_schedule``)."""

    _inherit = "mail.activity.mixin"

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
        activity_type = activity_type or self.env.ref(
            "uchaske_base.mail_activity_type_deadline")
        return self.env["mail.activity"].sudo().create({
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": summary,
            "note": plaintext2html(note) if note else "",
            "user_id": user.id,
            "date_deadline": deadline,
            "uchaske_key": key or False,
        })
