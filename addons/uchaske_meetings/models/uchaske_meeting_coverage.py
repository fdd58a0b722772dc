# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools

#: states of a meeting that was held (R22.13, R26)
HELD_STATES = ("held", "protocol_signed", "closed")


class UchaskeMeetingCoverage(models.Model):
    """One row per meeting and district it covers: a joint meeting (R27)
    counts for each of its districts. The quarterly obligation (R22.13,
    R26) is met by these rows (``deadline_meeting_quarterly``)."""

    _name = "uchaske.meeting.coverage"
    _description = "District covered by a report meeting"
    _auto = False
    _order = "date_meeting desc"

    meeting_id = fields.Many2one("uchaske.meeting", readonly=True)
    district_id = fields.Many2one("uchaske.district", readonly=True)
    post_id = fields.Many2one("uchaske.post", readonly=True)
    department_id = fields.Many2one("uchaske.department", readonly=True)
    date_meeting = fields.Date(readonly=True)
    state = fields.Char(readonly=True)
    participant_count = fields.Integer(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW uchaske_meeting_coverage AS
            SELECT ROW_NUMBER() OVER (ORDER BY m.id, r.district_id) AS id,
                   m.id AS meeting_id, r.district_id, d.post_id,
                   d.department_id, m.date_meeting, m.state,
                   m.participant_count
              FROM uchaske_meeting m
              JOIN uchaske_meeting_district_rel r ON r.meeting_id = m.id
              JOIN uchaske_district d ON d.id = r.district_id
        """)
