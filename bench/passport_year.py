"""The passports' new year (A1, issue 14): the 1 January job on every
district of the database.

``uchaske.district.passport._cron_open_year`` opens the column of the new
year (the figures as of 1 January) of every passport, carried over from the
latest column, and refreshes the stale flags of sections 4-6. In one
transaction (rolled back at the end), with the clock at 1 January of the
year after the database's newest column:

* the job's first run (every passport gets its column), then a second
  run (idempotent: nothing new); then both again a year later (every
  column carried over from the one just opened).

Baseline, in the same run: the columns the job wrote, written again by one
raw ``INSERT ... SELECT`` into an indexed copy of the table. Printed: wall
time, SQL statements, rows, ratio.
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

from jobs import print_table, raw_baseline, superuser_env, timed  # noqa: E402

OPENED = "SELECT * FROM uchaske_district_passport_year WHERE year = %s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_national")
    args = parser.parse_args()

    from freezegun import freeze_time
    with superuser_env(args.db) as env:
        cr = env.cr
        Passport = env["uchaske.district.passport"]
        cr.execute("SELECT max(year) FROM uchaske_district_passport_year")
        newest = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM uchaske_district_passport")
        passports = cr.fetchone()[0]
        year = (newest or 2026) + 1
        rows = []

        def columns(of_year):
            cr.execute("SELECT count(*) FROM uchaske_district_passport_year "
                       "WHERE year = %s", [of_year])
            return cr.fetchone()[0]

        # two new years: the first may find passports without any column
        # (bench/national.py builds none: then the district's figures), the
        # second carries every column over
        for run_year, label in ((year, "new-year job, %d" % year),
                                (year + 1, "new-year job, %d (carried over)"
                                 % (year + 1))):
            # 06:00 in Kazakhstan on 1 January: the job's own hour; the
            # timing itself (jobs.timed) reads the real clock
            with freeze_time("%s-01-01 01:00:00" % run_year, ignore=["jobs"]):
                seconds, sql = timed(cr, Passport._cron_open_year)
                opened = columns(run_year)
                again, sql_again = timed(cr, Passport._cron_open_year)
                assert columns(run_year) == opened, "the second run opened columns"
            base, base_rows = raw_baseline(
                cr, "uchaske_district_passport_year", OPENED, [run_year])
            rows.append((label, opened, seconds, sql, base))
            rows.append(("  the same again (nothing new)", 0, again, sql_again, base))
    print("Passports' new year (A1): %d passports; raw baseline = INSERT ... "
          "SELECT of the columns the job opened into an indexed copy, same run"
          % passports)
    print_table(rows)
    print("goal (issue 14): the whole country (5,000 passports) <= 10 s")


if __name__ == "__main__":
    main()
