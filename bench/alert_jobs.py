"""The lists' alert jobs at national size (issue 14): R22.10 (firearm
owners whose annual check is overdue, Appendix 2) and A4 (foreigners whose
stay or passport expires soon).

In one transaction (rolled back at the end), with the day given by
``--today``, each job runs twice as the scheduled job runs it (batches of
1,000 rows, activities with their key, the alerted dates written by one
UPDATE per batch; no commit here): the first run alerts what is due, the
second finds nothing new (idempotent). Baseline, in the same run: the
activities the first run created, written again by one raw
``INSERT ... SELECT`` into an indexed copy of ``mail_activity``. Printed:
wall time, SQL statements, activities, ratio. Goal (issue 14): <= 10 s for
the whole country each (before: more than 300 s, 9.4 s / 50 s per alert).

    .venv/bin/python bench/alert_jobs.py [--db uchaske_national]
                                         [--today 2026-12-01]
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from jobs import print_table, raw_baseline, superuser_env, timed  # noqa: E402

JOBS = (
    ("A2 / R22.10 overdue checks", "uchaske.firearm.owner", "_cron_check_overdue"),
    ("A4 stays and passports", "uchaske.foreigner", "_cron_expiry_alerts"),
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_national")
    parser.add_argument("--today", default="2026-12-01")
    args = parser.parse_args()

    rows = []
    with superuser_env(args.db) as env:
        cr = env.cr
        for label, model, job in JOBS:
            cr.execute("SELECT count(*) FROM %s WHERE active"
                       % env[model]._table)
            listed = cr.fetchone()[0]
            cr.execute("SELECT coalesce(max(id), 0) FROM mail_activity")
            before = cr.fetchone()[0]
            method = getattr(env[model], job)
            seconds, sql = timed(cr, lambda m=method: m(today=args.today))
            cr.execute("SELECT count(*) FROM mail_activity WHERE id > %s "
                       "AND res_model = %s", [before, model])
            created = cr.fetchone()[0]
            again, sql_again = timed(cr, lambda m=method: m(today=args.today))
            cr.execute("SELECT count(*) FROM mail_activity WHERE id > %s "
                       "AND res_model = %s", [before, model])
            assert cr.fetchone()[0] == created, "the second run alerted again"
            base, _rows = raw_baseline(
                cr, "mail_activity", "SELECT * FROM mail_activity WHERE id > %s "
                "AND res_model = %s", [before, model])
            rows.append(("%s (%d listed)" % (label, listed), created, seconds,
                         sql, base))
            rows.append(("  the same again (nothing new)", 0, again, sql_again,
                         base))
    print("Alert jobs on %s, day %s; raw baseline = INSERT ... SELECT of the "
          "activities created into an indexed copy, same run" % (args.db, args.today))
    print_table(rows, "alerts")
    print("goal (issue 14): each <= 10 s for the whole country")


if __name__ == "__main__":
    main()
