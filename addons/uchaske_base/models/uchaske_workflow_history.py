# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from uchaske_rules import hashchain
from .uchaske_workflow_trail import _WF_TOKEN

_logger = logging.getLogger(__name__)

#: the fields that enter the hash, in the payload's key order
HASHED_FIELDS = (
    "res_model", "res_id", "transition_code", "from_state", "to_state",
    "user_id", "acting_for_user_id", "comment", "legal_basis",
    "document_number", "document_date", "date",
)

#: hashed only when present, so that the rows written before it existed
#: still verify
OPTIONAL_HASHED_FIELDS = ("input_values",)

#: append-only guard of a table: the function raises, the triggers call
#: it on every UPDATE and DELETE (row level) and on TRUNCATE (statement level)
APPEND_ONLY_SQL = """
    CREATE OR REPLACE FUNCTION {function}()
    RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION {message};
    END;
    $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS {row_trigger} ON {table};
    CREATE TRIGGER {row_trigger}
        BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE PROCEDURE {function}();
    DROP TRIGGER IF EXISTS {truncate_trigger} ON {table};
    CREATE TRIGGER {truncate_trigger}
        BEFORE TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE PROCEDURE {function}();
"""


#: the TRUNCATE guard of one partition: PostgreSQL clones a partitioned
#: table's row triggers to its partitions, never its statement triggers
PARTITION_TRUNCATE_SQL = """
    DROP TRIGGER IF EXISTS {truncate_trigger} ON {partition};
    CREATE TRIGGER {truncate_trigger}
        BEFORE TRUNCATE ON {partition}
        FOR EACH STATEMENT EXECUTE PROCEDURE {function}();
"""


def install_append_only(cr, table, model):
    """Create the append-only triggers of ``table``, unless the table
    belongs to another role (production, README): that role set them up and
    the Odoo database user may not alter them.

    A partitioned table (the R15 journal, issue 14): its row triggers are
    cloned to every partition, present and future, by PostgreSQL; the
    TRUNCATE trigger is not, so each partition gets its own (a partition
    created later gets it from the code that creates it)."""
    cr.execute("""
        SELECT pg_catalog.pg_get_userbyid(relowner) = current_user, relkind
          FROM pg_catalog.pg_class
         WHERE relname = %s AND relkind IN ('r', 'p')
           AND pg_catalog.pg_table_is_visible(oid)""", [table])
    row = cr.fetchone()
    if row and not row[0]:
        _logger.info("%s belongs to another role: its append-only triggers "
                     "are that role's", table)
        return
    function = sql.Identifier("%s_append_only" % table)
    cr.execute(sql.SQL(APPEND_ONLY_SQL).format(
        function=function,
        row_trigger=sql.Identifier("%s_append_only" % table),
        truncate_trigger=sql.Identifier("%s_no_truncate" % table),
        table=sql.Identifier(table),
        message=sql.Literal("%s is append-only" % model)))
    if row and row[1] == "p":
        cr.execute("""
            SELECT c.relname
              FROM pg_catalog.pg_inherits i
              JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = %s::regclass
             ORDER BY c.relname""", [table])
        for (partition,) in cr.fetchall():
            cr.execute(sql.SQL(PARTITION_TRUNCATE_SQL).format(
                function=function, partition=sql.Identifier(partition),
                truncate_trigger=sql.Identifier("%s_no_truncate" % partition)))


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
    input_values = fields.Text(
        string="Other inputs", readonly=True,
        help="The transition's declared inputs besides the five columns above, "
             "as canonical JSON (sorted keys); part of the row's hash.")
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
        # Defence in depth below the ORM: the table refuses UPDATE, DELETE
        # and TRUNCATE.
        install_append_only(self.env.cr, self._table, self._name)

    @api.model
    def _payload(self, values):
        """The hashed content of a row, from create values or a record."""
        payload = {}
        for name in HASHED_FIELDS:
            value = values[name]
            if isinstance(value, models.BaseModel):
                value = value.id
            payload[name] = value or None
        for name in OPTIONAL_HASHED_FIELDS:
            if values[name]:
                payload[name] = values[name]
        return payload

    @api.model
    def create(self, vals):
        # Only the engine (``_wf_log``) holds the token: not even the
        # administrator writes a row in someone's name over RPC.
        if self.env.context.get("uchaske_wf_token") is not _WF_TOKEN:
            raise AccessError(_("The workflow history is written by the "
                                "workflow engine only: rows cannot be created "
                                "by hand."))
        vals = dict(vals)
        vals.setdefault("date", fields.Datetime.now())
        previous = self.sudo().search([
            ("res_model", "=", vals["res_model"]), ("res_id", "=", vals["res_id"])],
            order="id desc", limit=1)
        full = {name: vals.get(name)
                for name in HASHED_FIELDS + OPTIONAL_HASHED_FIELDS}
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
