# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.4.0: a legal day ends at 23:59:59 in the department's zone.

Before, the engine counted a day-unit deadline (calendar or working days,
months, years; periodic obligations) in UTC's days and stored its end as
23:59:59 UTC - 04:59:59 the next day in Almaty, five hours late for the
escalation. The open lines move to the end of the same date in their
department's zone (Asia/Almaty without one); a period's first day starts at
its local midnight; a rule counted from a date field (a meeting's day)
starts at that day's local midnight. 24-hour-day rules (exact moments) and
closed lines (what was decided then) stay. Idempotent: only moments still
at UTC's 23:59:59 / 00:00:00 move."""

ZONE = """COALESCE((SELECT dep.tz FROM uchaske_department dep
                     WHERE dep.id = l.department_id), 'Asia/Almaty')"""


def migrate(cr, version):
    if not version:
        return
    # the end of the day: day-unit rules and periodic obligations
    cr.execute("""
        UPDATE uchaske_workflow_deadline_line l
           SET date_due = ((l.date_due::date + time '23:59:59')
                           AT TIME ZONE """ + ZONE + """) AT TIME ZONE 'UTC'
          FROM uchaske_workflow_deadline r
         WHERE r.id = l.rule_id AND l.state = 'open'
           AND (r.kind = 'periodic' OR r.unit <> 'hours24')
           AND l.date_due::time = time '23:59:59'""")
    # the first day of a period, the day of a date field: local midnight
    cr.execute("""
        SELECT r.id, w.model, r.date_field
          FROM uchaske_workflow_deadline r
          JOIN uchaske_workflow w ON w.id = r.workflow_id
         WHERE r.kind = 'state' AND r.date_field IS NOT NULL""")
    dated = [rule_id for rule_id, model, field in cr.fetchall()
             if _is_date(cr, model, field)]
    cr.execute("""
        UPDATE uchaske_workflow_deadline_line l
           SET date_start = (l.date_start AT TIME ZONE """ + ZONE + """)
                            AT TIME ZONE 'UTC'
          FROM uchaske_workflow_deadline r
         WHERE r.id = l.rule_id AND l.state = 'open'
           AND (r.kind = 'periodic' OR r.id = ANY(%s))
           AND l.date_start::time = time '00:00:00'""", [dated])


def _is_date(cr, model, field):
    cr.execute("""SELECT ttype FROM ir_model_fields
                   WHERE model = %s AND name = %s""", [model, field])
    row = cr.fetchone()
    return bool(row) and row[0] == "date"
