# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools


class UchaskeMeetingQuarter(models.Model):
    """The quarter dashboard (R22.13, R26): every active district × every
    quarter of the last two years (and of any meeting), with the meetings
    held and their attendance; ``missing`` is 1 where no meeting was held.
    A pivot per police point and department shows who has not met."""

    _name = "uchaske.meeting.quarter"
    _description = "Report meetings per district and quarter"
    _auto = False
    _order = "quarter_start desc, district_id"

    district_id = fields.Many2one("uchaske.district", readonly=True)
    post_id = fields.Many2one("uchaske.post", readonly=True)
    department_id = fields.Many2one("uchaske.department", readonly=True)
    quarter_start = fields.Date(readonly=True)
    quarter = fields.Char(readonly=True)
    meeting_count = fields.Integer(readonly=True, string="Meetings held")
    attendance = fields.Integer(readonly=True)
    missing = fields.Integer(readonly=True, string="Without a meeting",
                             group_operator="sum")
    held = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW uchaske_meeting_quarter AS
            WITH quarters AS (
                SELECT generate_series(
                           date_trunc('quarter', CURRENT_DATE)
                               - interval '21 months',
                           date_trunc('quarter', CURRENT_DATE),
                           interval '3 months')::date AS start
                 UNION
                SELECT DISTINCT date_trunc('quarter', date_meeting)::date
                  FROM uchaske_meeting
            ), held AS (
                SELECT c.district_id,
                       date_trunc('quarter', c.date_meeting)::date AS start,
                       COUNT(*) AS meetings,
                       SUM(COALESCE(c.participant_count, 0)) AS attendance
                  FROM uchaske_meeting_coverage c
                 WHERE c.state IN ('held', 'protocol_signed', 'closed')
                 GROUP BY 1, 2
            )
            SELECT ROW_NUMBER() OVER (ORDER BY q.start, d.id) AS id,
                   d.id AS district_id, d.post_id, d.department_id,
                   q.start AS quarter_start,
                   to_char(q.start, 'YYYY "Q"Q') AS quarter,
                   COALESCE(h.meetings, 0) AS meeting_count,
                   COALESCE(h.attendance, 0) AS attendance,
                   CASE WHEN h.meetings IS NULL THEN 1 ELSE 0 END AS missing,
                   h.meetings IS NOT NULL AS held
              FROM uchaske_district d
             CROSS JOIN quarters q
              LEFT JOIN held h ON h.district_id = d.id AND h.start = q.start
             WHERE d.active
        """)
