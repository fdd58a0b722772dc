# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools import plaintext2html

#: Only wf_apply holds this object; a context coming over RPC cannot contain
#: it (RPC carries JSON/XML values only), so ``state`` and the history cannot
#: be written around the engine.
_WF_TOKEN = object()


class UchaskeWorkflowTrail(models.AbstractModel):
    """The history of a workflow record (part of ``uchaske.workflow.mixin``):
    one append-only, hash-chained ``uchaske.workflow.history`` row per state
    change, a note in the chatter, and the head hash kept on the record."""

    _name = "uchaske.workflow.trail"
    _description = "Workflow history of a record"

    wf_history_ids = fields.One2many(
        "uchaske.workflow.history", "res_id", string="Workflow history",
        domain=lambda self: [("res_model", "=", self._name)])
    wf_history_head = fields.Char(
        readonly=True, copy=False,
        help="Hash of the record's latest history row: a deleted or rewritten "
             "tail of the history no longer matches it.")

    @api.multi
    def _wf_log(self, transition, old_state, new_state, values, acting_for, user):
        # the token: history rows are created by the engine only (issue 8)
        history = self.env["uchaske.workflow.history"].with_context(
            uchaske_wf_token=_WF_TOKEN).sudo()
        vals = {
            "res_model": self._name,
            "res_id": self.id,
            "record_name": self.display_name,
            "transition_id": transition.id or False,
            "transition_code": transition.code or False,
            "transition_name": transition.name or _("Created"),
            "from_state": old_state.code or False,
            "to_state": new_state.code,
            "from_state_name": old_state.name or False,
            "to_state_name": new_state.name,
            "user_id": user.id,
            "acting_for_user_id": acting_for.id or False,
            "comment": values.get("comment") or False,
            "legal_basis": values.get("legal_basis") or False,
            "document_number": values.get("document_number") or False,
            "document_date": values.get("document_date") or False,
            "attachment_ids": [(6, 0, values.get("attachment_ids") or [])],
            "input_values": self._wf_inputs_json(transition, values),
        }
        vals.update(self._wf_scope_vals())
        row = history.create(vals)
        # the engine's bookkeeping: no field of it is tracked or names a
        # user to subscribe, so the chatter's write machinery is skipped
        # (issue 14: the tracked fields' descriptions, the user's language)
        self.with_context(uchaske_wf_token=_WF_TOKEN,
                          tracking_disable=True).sudo().write(
            {"wf_history_head": row.hash})
        if transition:
            body = _("%(transition)s: %(old)s → %(new)s") % {
                "transition": transition.name, "old": old_state.name,
                "new": new_state.name}
            if acting_for:
                body += _(" (acting for %s)") % acting_for.name
            if values.get("comment"):
                body += " — %s" % values["comment"]
            # posted by the engine (the record may now be out of the user's
            # sight) but signed by the officer; typed text stays text
            self.sudo().message_post(
                body=plaintext2html(body), subtype="mail.mt_note",
                author_id=user.partner_id.id,
                email_from=self.env["mail.message"].sudo(user)._get_default_from())
        return row

    @api.multi
    def _wf_last_history(self):
        self.ensure_one()
        return self.env["uchaske.workflow.history"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)],
            order="id desc", limit=1)

    @api.multi
    def wf_check_history(self):
        """True if the history of these records is intact: every row matches
        its hash chain and the latest row is the one the record points to."""
        history = self.env["uchaske.workflow.history"].sudo()
        for record in self.sudo():
            if history._verify_chain(self._name, record.id):
                return False
            last = record._wf_last_history()
            if (last.hash or False) != (record.wf_history_head or False):
                return False
        return True
