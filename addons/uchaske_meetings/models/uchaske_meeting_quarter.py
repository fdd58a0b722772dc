# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools

from uchaske_rules import daily_work

from .uchaske_meeting_coverage import HELD_STATES


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
        """The last eight quarters and those of any meeting outside them,
        for every active district. Written for the record rules' filter:
        no window function (a ``ROW_NUMBER()`` id made PostgreSQL build the
        country's 45,000 rows before a chief's department filter applied)
        and no estimate of 1,000 quarters (a timestamp series: the cost
        estimate of millions of rows had PostgreSQL JIT-compile every
        query, ~0.5 s each at national size); the id is the district's and
        the quarter's (district id x 10,000 + year x 4 + quarter), the
        meetings of a district and quarter one index lookup (``LATERAL``)."""
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW uchaske_meeting_quarter AS
            WITH today AS (
                -- the departments' day, not the server's UTC one: a
                -- quarter has begun when it has begun in a department
                SELECT COALESCE(max((now() AT TIME ZONE COALESCE(
                           tz, %s))::date), CURRENT_DATE) AS day
                  FROM uchaske_department
            ), quarters AS (
                SELECT (date_trunc('quarter', t.day)
                        - k * interval '3 months')::date AS start
                  FROM today t CROSS JOIN generate_series(0, 7) k
                 UNION
                SELECT DISTINCT date_trunc('quarter', date_meeting)::date
                  FROM uchaske_meeting, today t
                 WHERE date_meeting < date_trunc('quarter', t.day)
                                      - interval '21 months'
                    OR date_meeting >= date_trunc('quarter', t.day)
                                       + interval '3 months'
            )
            SELECT d.id::bigint * 10000
                       + EXTRACT(YEAR FROM q.start)::int * 4
                       + EXTRACT(QUARTER FROM q.start)::int AS id,
                   d.id AS district_id, d.post_id, d.department_id,
                   q.start AS quarter_start,
                   to_char(q.start, 'YYYY "Q"Q') AS quarter,
                   h.meetings AS meeting_count,
                   COALESCE(h.attendance, 0) AS attendance,
                   CASE WHEN h.meetings = 0 THEN 1 ELSE 0 END AS missing,
                   h.meetings > 0 AS held
              FROM uchaske_district d
             CROSS JOIN quarters q
             CROSS JOIN LATERAL (
                SELECT COUNT(*) AS meetings,
                       SUM(COALESCE(m.participant_count, 0)) AS attendance
                  FROM uchaske_meeting_district_rel r
                  JOIN uchaske_meeting m ON m.id = r.meeting_id
                 WHERE r.district_id = d.id
                   AND m.state IN %s
                   AND m.date_meeting >= q.start
                   AND m.date_meeting < q.start + interval '3 months'
             ) h
             WHERE d.active
        """, [daily_work.DEFAULT_TZ, HELD_STATES])
