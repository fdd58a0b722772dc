"""The passports' new year (A1, issue 14): the 1 January job on every
district of the database.

``uchaske.district.passport._cron_open_year`` opens the column of the new
year (the figures as of 1 January) of every passport, carried over from the
latest column, and refreshes the stale flags of sections 4-6. In one
transaction (rolled back at the end), with the clock at 1 January of the
year after the database's newest column:

* the job's first run (every passport gets its column);
* its second run (idempotent: nothing new).

Baseline, in the same run: the same columns written by one raw
``INSERT ... SELECT`` (the latest column of each passport copied) into an
indexed copy of the table. Printed: wall time, SQL statements, rows, ratio.
Goal (issue 14, as the other daily jobs): <= 10 s for the whole country
(5,000 districts); before the set-based job, ~30 ms and 26 statements per
column (~150 s).

    .venv/bin/python bench/passport_year.py [--db uchaske_national]
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from deadlines import _raw_baseline, _timed  # noqa: E402  (bench/, beside this)

LATEST = """
    SELECT DISTINCT ON (passport_id) * FROM uchaske_district_passport_year
     ORDER BY passport_id, year DESC"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_national")
    args = parser.parse_args()

    from freezegun import freeze_time
    from uchaske_compat.launcher import load_odoo
    odoo = load_odoo()
    registry = odoo.registry(args.db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Passport = env["uchaske.district.passport"]
        cr.execute("SELECT max(year) FROM uchaske_district_passport_year")
        newest = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM uchaske_district_passport")
        passports = cr.fetchone()[0]
        year = (newest or 2026) + 1
        # 06:00 in Kazakhstan on 1 January: the job's own hour
        with freeze_time("%s-01-01 01:00:00" % year):
            seconds, sql = _timed(cr, Passport._cron_open_year)
            cr.execute("SELECT count(*) FROM uchaske_district_passport_year "
                       "WHERE year = %s", [year])
            opened = cr.fetchone()[0]
            again, sql_again = _timed(cr, Passport._cron_open_year)
            cr.execute("SELECT count(*) FROM uchaske_district_passport_year "
                       "WHERE year = %s", [year])
            assert cr.fetchone()[0] == opened, "the second run opened columns"
        cr.execute("DELETE FROM uchaske_district_passport_year WHERE year = %s",
                   [year])
        base, base_rows = _raw_baseline(
            cr, "uchaske_district_passport_year", LATEST, [])
        cr.rollback()
    print("Passports' new year (A1): %d passports, columns of %d opened; raw "
          "baseline = INSERT ... SELECT of each passport's latest column into "
          "an indexed copy, same run" % (passports, year))
    print("%-34s %7s %10s %6s %12s %7s" % (
        "measure", "rows", "time", "SQL", "raw SQL", "ratio"))
    for name, count, spent, statements in (
            ("new-year job, 1st run", opened, seconds, sql),
            ("new-year job, 2nd run (nothing new)", 0, again, sql_again)):
        print("%-34s %7d %7.0f ms %6d %9.1f ms %6.1fx" % (
            name, count, spent * 1000, statements, base * 1000,
            spent / base if base else 0))
    print("goal (issue 14): the whole country (5,000 passports) <= 10 s; "
          "baseline rows %d" % base_rows)


if __name__ == "__main__":
    main()
