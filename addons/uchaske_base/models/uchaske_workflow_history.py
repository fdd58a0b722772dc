# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..core import hashchain

#: the fields that enter the hash, in the payload's key order
HASHED_FIELDS = (
    "res_model", "res_id", "transition_code", "from_state", "to_state",
    "user_id", "acting_for_user_id", "comment", "legal_basis",
    "document_number", "document_date", "date",
)


class UchaskeWorkflowHistory(models.Model):
    """Append-only, hash-chained log of every state change (R16: control of
    preventive work needs a trustworthy trail).

    No write and no unlink, not even for the administrator or the superuser:
    the ORM refuses and a PostgreSQL trigger refuses UPDATE/DELETE. Each row
    carries the hash of the previous row of the same record, so an edited,
    removed or reordered row is detected by :meth:`_verify_chain`.
    """

    _name = "uchaske.workflow.history"
    _description = "Workflow history"
    _order = "id desc"
    _log_access = True

    res_model = fields.Char(required=True, index=True, readonly=True)
    res_id = fields.Integer(required=True, index=True, readonly=True)
    record_name = fields.Char(readonly=True)
    transition_id = fields.Many2one(
        "uchaske.workflow.transition", ondelete="set null", readonly=True)
    transition_code = fields.Char(readonly=True)
    transition_name = fields.Char(string="Transition", readonly=True)
    from_state = fields.Char(readonly=True)
    to_state = fields.Char(readonly=True)
    from_state_name = fields.Char(string="From", readonly=True)
    to_state_name = fields.Char(string="To", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, ondelete="restrict", readonly=True)
    acting_for_user_id = fields.Many2one(
        "res.users", string="Acting for", ondelete="restrict", readonly=True,
        help="The absent inspector the user substituted for (R6).")
    comment = fields.Text(readonly=True)
    legal_basis = fields.Char(readonly=True)
    document_number = fields.Char(readonly=True)
    document_date = fields.Date(readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment", "uchaske_wf_history_attachment_rel", "history_id",
        "attachment_id", string="Attachments", readonly=True)
    date = fields.Datetime(required=True, readonly=True, index=True)
    department_id = fields.Many2one("uchaske.department", index=True, readonly=True)
    district_id = fields.Many2one("uchaske.district", index=True, readonly=True)
    post_id = fields.Many2one("uchaske.post", index=True, readonly=True)
    involved_department_id = fields.Many2one(
        "uchaske.department", index=True, readonly=True,
        help="Another department taking part (e.g. the destination of a "
             "transfer, R14): its responsible inspectors and chief read the "
             "row too.")
    prev_hash = fields.Char(readonly=True)
    hash = fields.Char(readonly=True, index=True)

    @api.model_cr
    def init(self):
        # Defence in depth below the ORM: the table refuses UPDATE and DELETE.
        self.env.cr.execute("""
            CREATE OR REPLACE FUNCTION uchaske_workflow_history_append_only()
            RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'uchaske.workflow.history is append-only';
            END;
            $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS uchaske_workflow_history_append_only
                ON uchaske_workflow_history;
            CREATE TRIGGER uchaske_workflow_history_append_only
                BEFORE UPDATE OR DELETE ON uchaske_workflow_history
                FOR EACH ROW EXECUTE PROCEDURE uchaske_workflow_history_append_only();
        """)

    @api.model
    def _payload(self, values):
        """The hashed content of a row, from create values or a record."""
        payload = {}
        for name in HASHED_FIELDS:
            value = values[name]
            if isinstance(value, models.BaseModel):
                value = value.id
            payload[name] = value or None
        return payload

    @api.model
    def create(self, vals):
        vals = dict(vals)
        vals.setdefault("date", fields.Datetime.now())
        previous = self.sudo().search([
            ("res_model", "=", vals["res_model"]), ("res_id", "=", vals["res_id"])],
            order="id desc", limit=1)
        full = {name: vals.get(name) for name in HASHED_FIELDS}
        vals["prev_hash"] = previous.hash or None
        vals["hash"] = hashchain.chain_hash(vals["prev_hash"], self._payload(full))
        return super(UchaskeWorkflowHistory, self).create(vals)

    # Deliberately no super(): the history is append-only for everyone.
    @api.multi
    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(_("The workflow history is append-only: rows cannot "
                            "be changed."))

    @api.multi
    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(_("The workflow history is append-only: rows cannot "
                            "be deleted."))

    @api.model
    def _verify_chain(self, res_model, res_id):
        """Rows of one record whose hash chain is broken (empty if intact)."""
        rows = self.sudo().search(
            [("res_model", "=", res_model), ("res_id", "=", res_id)], order="id")
        broken = hashchain.verify_chain(
            (self._payload(row), row.prev_hash, row.hash) for row in rows)
        return rows.browse([rows[index].id for index in broken])

    @api.multi
    def action_verify_chain(self):
        """Check the chain of every record these rows belong to."""
        broken = self.browse()
        for key in set((row.res_model, row.res_id) for row in self):
            broken |= self._verify_chain(*key)
        if broken:
            raise AccessError(_(
                "The workflow history was tampered with: rows %s do not match "
                "their hash chain.") % ", ".join(str(i) for i in broken.ids))
        return True
