# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class UchaskeAccessLog(models.Model):
    """R15: the register is used only for offence prevention, so every
    opening of a person's or a case's record, every search over the register
    (one entry: who, when, filter, how many rows), every print and every
    export is journaled. Append-only (ORM and database trigger); visible to
    the district chief of the user's department."""

    _name = "uchaske.access.log"
    _description = "Register access journal"
    _order = "id desc"

    date = fields.Datetime(required=True, readonly=True, index=True,
                           default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", required=True, readonly=True,
                              ondelete="restrict", index=True)
    department_id = fields.Many2one(
        "uchaske.department", readonly=True, index=True,
        help="The user's department at the time of access.")
    operation = fields.Selection([
        ("open", "Open"),
        ("search", "Search"),
        ("print", "Print"),
        ("export", "Export"),
    ], required=True, readonly=True, index=True)
    res_model = fields.Char(string="Register", required=True, readonly=True,
                            index=True)
    res_ids = fields.Text(string="Record ids", readonly=True)
    record_count = fields.Integer(string="Rows", readonly=True)
    details = fields.Text(
        readonly=True, help="Search filter, fields read, report or exported "
                            "columns.")

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE OR REPLACE FUNCTION uchaske_access_log_append_only()
            RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'uchaske.access.log is append-only';
            END;
            $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS uchaske_access_log_append_only
                ON uchaske_access_log;
            CREATE TRIGGER uchaske_access_log_append_only
                BEFORE UPDATE OR DELETE ON uchaske_access_log
                FOR EACH ROW EXECUTE PROCEDURE uchaske_access_log_append_only();
        """)

    # Deliberately no super(): the journal is append-only for everyone.
    @api.multi
    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(_("The access journal is append-only."))

    @api.multi
    def unlink(self):  # pylint: disable=method-required-super
        raise AccessError(_("The access journal is append-only."))

    @api.model
    def _journal(self, operation, res_model, ids, details=None, count=None):
        """Append one entry. Written with one INSERT (no ORM machinery for
        a hot path run on every list view: see bench/access_journal.py);
        parameters are bound, never formatted into the SQL."""
        user = self.env.user
        ids = list(ids or [])
        self.env.cr.execute("""
            INSERT INTO uchaske_access_log
                (date, user_id, department_id, operation, res_model, res_ids,
                 record_count, details, create_uid, create_date, write_uid,
                 write_date)
            VALUES (now() at time zone 'UTC', %s, %s, %s, %s, %s, %s, %s, %s,
                    now() at time zone 'UTC', %s, now() at time zone 'UTC')
        """, (user.id, user.uchaske_department_id.id or None, operation,
              res_model, ",".join(str(i) for i in ids),
              len(ids) if count is None else count, details, user.id, user.id))
