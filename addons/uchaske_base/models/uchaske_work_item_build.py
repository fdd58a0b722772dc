# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import marshal

from odoo import api, fields, models


def rows_digest(rows):
    """A digest of My work's rows ``rows`` (a list of dicts of plain values),
    or None if a value is not a plain one (then the rows are compared one by
    one). ``marshal`` (format 2: no back-references) writes the values and
    their order in C, several times faster than building a tuple per row
    in Python; equal bytes are equal values, so an equal digest means the
    same rows (a different encoding of the same values only costs the
    comparison row by row)."""
    try:
        return hashlib.md5(marshal.dumps(rows, 2)).hexdigest()
    except ValueError:
        return None


class UchaskeWorkItemBuild(models.Model):
    """The digest of the rows each officer's My work was last built with
    (issue 9: opening My work at national size). An open whose rows have
    the digest of the last build, with every row still stored, keeps them
    without reading them back: reading ~1,100 rows of 17 columns and
    comparing them one by one was a fifth of an inspector's open. Written
    and read by the engine in SQL only; users have no access."""

    _name = "uchaske.work.item.build"
    _description = "My work: last build of an officer's rows"
    _log_access = False

    user_id = fields.Many2one("res.users", string="Officer", required=True,
                              ondelete="cascade")
    digest = fields.Char(string="Digest of the rows")

    _sql_constraints = [
        ("user_unique", "unique(user_id)", "One build per officer."),
    ]

    @api.model
    def _unchanged(self, user_id, digest, count, stale):
        """(same, old): ``same`` if the rows of ``user_id`` stored in
        ``uchaske.work.item`` are the ``count`` rows of ``digest`` -- the
        last build stored rows of that digest and none has gone since (the
        transient vacuum takes the rows of an officer away for longer than
        its age; users cannot create, change or delete rows) --; ``old`` if
        some of them were written before ``stale`` (My work touches them,
        ``_my_work_touch``). One statement."""
        if not digest:
            return False, False
        self.env.cr.execute("""
            SELECT count(*), bool_or(COALESCE(write_date, create_date) < %(stale)s),
                   (SELECT digest FROM uchaske_work_item_build
                     WHERE user_id = %(user)s)
              FROM uchaske_work_item WHERE create_uid = %(user)s""",
                            {"user": user_id, "stale": stale})
        found, old, known = self.env.cr.fetchone()
        return known == digest and found == count, bool(old)

    @api.model
    def _remember(self, user_id, digest):
        """``digest``: the rows now stored for ``user_id``."""
        self.env.cr.execute("""
            INSERT INTO uchaske_work_item_build (user_id, digest) VALUES (%s, %s)
            ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest""",
                            (user_id, digest))
