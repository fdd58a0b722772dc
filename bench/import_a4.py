"""Issue 14: bulk import of Appendix 4 rows through our wizard, as the inspector.

Builds a CSV of ``--rows`` foreigners (new persons with valid IINs, each with
a passport, a stay and an address), imports it with the R17 import wizard
(``uchaske.appendix.import``) as the inspector, and reports rows per second
and SQL statements per row, next to the baseline of the same run: the same
rows loaded with ``COPY`` into a temporary table of the same columns.
A second import of the same file (every row already listed: nothing to
write) is measured too. Nothing is committed (the cursor is rolled back).

    .venv/bin/python bench/import_a4.py [--db uchaske_national] [--rows 2000]
        [--inspector inspector]

Goal (issue 14): >= 1,000 rows/s.
"""
import argparse
import base64
import csv
import datetime
import io
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

HEADER = ["IIN", "Full name", "Citizenship", "Passport No.", "Passport valid until",
          "Residence status", "Stay permitted from", "Stay permitted until",
          "Residence address", "Home phone"]


def build_rows(count, iin_rules, start_serial):
    rows = []
    serial = start_serial
    for number in range(count):
        birth = datetime.date(1950 + number % 50, 1 + number % 12, 1 + number % 28)
        iin = iin_rules.make_iin(birth, "male" if number % 2 else "female",
                                 serial % 10000)
        serial += 7
        rows.append([iin, "Бенчмарк Импорт%d Тестович" % number, "UZ",
                     "BN%07d" % number, "2030-01-01", "temporary", "2026-01-01",
                     "2027-01-01", "Street %d, flat %d" % (number % 90, number % 40),
                     "+7 700 000 %04d" % (number % 10000)])
    return rows


def to_csv(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_national")
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--inspector", default="inspector")
    parser.add_argument("--serial", type=int, default=4321,
                        help="first IIN serial (change it to get other persons)")
    args = parser.parse_args()

    from uchaske_compat.launcher import load_odoo
    odoo = load_odoo()
    from uchaske_rules import iin as iin_rules
    registry = odoo.registry(args.db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        inspector = env["res.users"].search([("login", "=", args.inspector)])
        district = env["uchaske.district"].search(
            [("inspector_id", "=", inspector.id)], limit=1) or \
            env["uchaske.district"].search([], limit=1)
        rows = build_rows(args.rows, iin_rules, args.serial)
        known = set(env["uchaske.person"].with_context(active_test=False).search(
            [("iin", "in", [row[0] for row in rows])]).mapped("iin"))
        rows = [row for row in rows if row[0] not in known]
        data = to_csv(rows)
        print("%d A4 rows for district %s (inspector %s); persons %d, "
              "foreigners %d" % (len(rows), district.name, inspector.login,
                                 env["uchaske.person"].search_count([]),
                                 env["uchaske.foreigner"].search_count([])))

        # -- baseline: COPY of the same rows -----------------------------
        cr.execute("CREATE TEMP TABLE bench_a4 (%s)" % ", ".join(
            "c%d text" % index for index in range(len(HEADER))))
        start = time.perf_counter()
        cr._obj.copy_expert("COPY bench_a4 FROM STDIN WITH CSV HEADER",
                            io.BytesIO(data))
        copy_time = time.perf_counter() - start

        Wizard = env["uchaske.appendix.import"].sudo(inspector)

        def run_import():
            wizard = Wizard.create({
                "list_type": "a4", "district_id": district.id,
                "file": base64.b64encode(data), "filename": "a4.csv"})
            before = cr.sql_log_count
            start = time.perf_counter()
            wizard.action_import()
            elapsed = time.perf_counter() - start
            wizard.invalidate_cache()
            return elapsed, cr.sql_log_count - before, wizard

        elapsed, statements, wizard = run_import()
        print("import: %d imported, %d rejected" % (
            wizard.imported_count, wizard.rejected_count))
        if wizard.rejected_count:
            print(wizard.result[:2000])
        again, again_statements, wizard2 = run_import()
        count = max(len(rows), 1)
        print("%-34s %10s %12s %10s" % ("measure", "rows/s", "SQL per row", "total s"))
        print("%-34s %10.0f %12.1f %10.2f" % (
            "import, new rows", count / elapsed, statements / count, elapsed))
        print("%-34s %10.0f %12.1f %10.2f" % (
            "import again (all listed)", count / again, again_statements / count,
            again))
        print("%-34s %10.0f %12s %10.3f" % ("baseline: COPY", count / copy_time,
                                            "-", copy_time))
        print("ratio COPY/import: %.1fx (goal: >= 1,000 rows/s)" % (
            (count / copy_time) / (count / elapsed)))
        assert wizard2.updated_count == wizard.imported_count or wizard2.rejected_count
        cr.rollback()


if __name__ == "__main__":
    main()
