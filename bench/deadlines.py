"""Deadline jobs benchmark (issue 9 item 3, issue 14): the periodic job and
the escalation job on many districts / overdue lines.

In one transaction (rolled back at the end), ``--districts`` districts are
added by SQL (copies of a demo district: same department, police point and
inspector), then:

* the periodic job (``uchaske.workflow.deadline._cron_periodic``) opens the
  quarterly report-meeting obligation (R22.13, R26; the rule of
  ``uchaske_wf_test``) for every district: one line and one activity each;
  it runs a second time (idempotent: nothing new);
* ``--overdue`` of those lines are made overdue and the escalation job
  (``_cron_escalate``) alerts the police point's responsible inspector.

Baselines, in the same run: the same number of rows inserted into copies of
the lines and activities tables by one raw ``INSERT ... SELECT``. Printed:
wall time, SQL statements, rows, ratio. Goal (issue 14): escalation of 600
overdue lines <= 10 s; the periodic job for 5,000 districts <= 10 s.

    .venv/bin/python bench/deadlines.py [--db uchaske_dl] [--districts 2000]
                                        [--overdue 600]

Needs uchaske_base and uchaske_wf_test installed in the database.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from jobs import print_table, raw_baseline, superuser_env, timed  # noqa: E402


def _add_districts(cr, count):
    cr.execute("SELECT id FROM uchaske_district WHERE active AND inspector_id "
               "IS NOT NULL AND post_id IS NOT NULL ORDER BY id LIMIT 1")
    template = cr.fetchone()[0]
    cr.execute("SELECT column_name FROM information_schema.columns WHERE "
               "table_name = 'uchaske_district' AND column_name <> 'id'")
    names = [row[0] for row in cr.fetchall()]
    overrides = {"name": "'Bench district ' || g", "number": "900000 + g",
                 "message_last_post": "NULL"}
    select = ", ".join(overrides.get(name, "t.%s" % name) for name in names)
    cr.execute("INSERT INTO uchaske_district ({cols}) SELECT {select} FROM "
               "(SELECT * FROM uchaske_district WHERE id = %s) t CROSS JOIN "
               "generate_series(1, %s) g".format(cols=", ".join(names),
                                                 select=select),
               [template, count])
    return cr.rowcount


def _count(cr, where, params):
    cr.execute("SELECT count(*) FROM uchaske_workflow_deadline_line WHERE "
               + where, params)
    return cr.fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_dl")
    parser.add_argument("--districts", type=int, default=2000)
    parser.add_argument("--overdue", type=int, default=600)
    args = parser.parse_args()

    rows = []
    with superuser_env(args.db) as env:
        cr = env.cr
        rule = env.ref("uchaske_wf_test.deadline_meeting_quarterly")
        Rule = env["uchaske.workflow.deadline"]
        Line = env["uchaske.workflow.deadline.line"]
        added = _add_districts(cr, args.districts)
        cr.execute("ANALYZE uchaske_district")  # as autovacuum would
        cr.execute("SELECT count(*) FROM uchaske_district WHERE active")
        districts = cr.fetchone()[0]
        cr.execute("DELETE FROM uchaske_workflow_deadline_line WHERE rule_id = %s",
                   [rule.id])
        seconds, sql = timed(cr, Rule._cron_periodic)
        opened = _count(cr, "rule_id = %s", [rule.id])
        base, _rows = raw_baseline(
            cr, "uchaske_workflow_deadline_line",
            "SELECT * FROM uchaske_workflow_deadline_line WHERE rule_id = %s",
            [rule.id])
        base_activities, _rows = raw_baseline(
            cr, "mail_activity",
            "SELECT a.* FROM mail_activity a JOIN uchaske_workflow_deadline_line l "
            "ON l.activity_id = a.id WHERE l.rule_id = %s", [rule.id])
        base += base_activities
        rows.append(("periodic job, 1st run (lines opened)", opened, seconds, sql,
                     base))
        again, sql_again = timed(cr, Rule._cron_periodic)
        assert _count(cr, "rule_id = %s", [rule.id]) == opened, \
            "the second run opened lines"
        rows.append(("periodic job, 2nd run (nothing new)", 0, again, sql_again,
                     base))
        # make --overdue of them overdue (and nothing else pending)
        cr.execute("UPDATE uchaske_workflow_deadline_line SET escalated_user_id = "
                   "user_id WHERE state = 'open' AND escalated_user_id IS NULL "
                   "AND rule_id <> %s", [rule.id])
        cr.execute("""UPDATE uchaske_workflow_deadline_line SET date_due =
                      now() at time zone 'UTC' - interval '1 day'
                      WHERE id IN (SELECT id FROM uchaske_workflow_deadline_line
                                    WHERE rule_id = %s ORDER BY id LIMIT %s)""",
                   [rule.id, args.overdue])
        overdue = cr.rowcount
        Line.invalidate_cache()
        seconds, sql = timed(cr, Line._cron_escalate)
        escalated = _count(
            cr, "rule_id = %s AND escalation_activity_id IS NOT NULL", [rule.id])
        base, _rows = raw_baseline(
            cr, "mail_activity",
            "SELECT a.* FROM mail_activity a JOIN uchaske_workflow_deadline_line l "
            "ON l.escalation_activity_id = a.id WHERE l.rule_id = %s", [rule.id])
        rows.append(("escalation job (lines escalated)", escalated, seconds, sql,
                     base))
        again, sql_again = timed(cr, Line._cron_escalate)
        rows.append(("escalation job, 2nd run (nothing new)", 0, again, sql_again,
                     base))
    print("Deadline jobs: %d active districts (%d added), %d overdue lines; raw "
          "baseline = INSERT ... SELECT of the same rows (lines, activities) "
          "into indexed copies, same run" % (districts, added, overdue))
    print_table(rows)
    print("goal (issue 14): escalation of 600 overdue lines <= 10 s (was 128 s, "
          "27,113 SQL)")


if __name__ == "__main__":
    main()
