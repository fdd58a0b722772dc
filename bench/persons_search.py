"""Issue 14 benchmark: person search and the A2 alert job at scale.

Builds N persons with set-based SQL (12-digit IIN strings, not checksummed:
the search does not check them) and times, median of ``--repeat`` calls
after a warm-up, the surname ``name_search`` and the IIN-prefix
``name_search`` as the administrator and as a district inspector; with
``--no-index`` the issue-14 indexes (trigram, IIN pattern) are dropped
first. ``--owners K --due M`` also builds K firearm owners, M of them
overdue, and times the R22.10 job (first run and a second run with nothing
new). Everything runs in one transaction that is rolled back.

    .venv/bin/python bench/persons_search.py --db uchaske_perf [--persons 200000]
        [--no-index] [--owners 20000 --due 2000]
"""
import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

INDEXES = ("uchaske_person_name_trgm_index", "uchaske_person_iin_pattern_index")


def median_ms(call, repeat):
    call()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def build_persons(cr, count, department_id, district_id):
    cr.execute("""
        INSERT INTO uchaske_person (iin, surname, first_name, name, active,
                                    department_id, district_id)
        SELECT lpad((500000000000 + g)::text, 12, '0'),
               'Bench' || (g %% 5000), 'Person' || g,
               'Bench' || (g %% 5000) || ' Person' || g, true, %s,
               CASE WHEN g %% 10 = 0 THEN %s END
          FROM generate_series(1, %s) g""", (department_id, district_id, count))
    cr.execute("ANALYZE uchaske_person")


def build_owners(cr, count, due, district):
    cr.execute("""
        INSERT INTO uchaske_firearm_owner
            (person_id, district_id, department_id, post_id, number, name,
             weapon_number, permit_issued_on, next_check_due, active)
        SELECT p.id, %(district)s, %(department)s, %(post)s, 100000 + p.g,
               'Bench owner ' || p.g, 'BW-' || p.g, DATE '2024-01-01',
               CASE WHEN p.g <= %(due)s THEN DATE '2025-01-01'
                    ELSE DATE '2027-01-01' END, true
          FROM (SELECT id, row_number() OVER (ORDER BY id) AS g
                  FROM uchaske_person WHERE first_name LIKE 'Person%%'
                 ORDER BY id LIMIT %(count)s) p""", {
        "district": district.id,
        "department": district.department_id.id,
        "post": district.post_id.id or None, "due": due, "count": count})
    cr.execute("ANALYZE uchaske_firearm_owner")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_perf")
    parser.add_argument("--persons", type=int, default=200000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-index", action="store_true")
    parser.add_argument("--owners", type=int, default=0)
    parser.add_argument("--due", type=int, default=0)
    args = parser.parse_args()

    from uchaske_compat.launcher import load_odoo
    odoo = load_odoo()
    registry = odoo.registry(args.db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        district = env["uchaske.district"].search(
            [("inspector_id", "!=", False)], limit=1)
        inspector = district.inspector_id
        started = time.perf_counter()
        build_persons(cr, args.persons, district.department_id.id, district.id)
        print("built %d persons in %.1f s" % (
            args.persons, time.perf_counter() - started))
        if args.no_index:
            for name in INDEXES:
                cr.execute("DROP INDEX IF EXISTS %s" % name)
        rows = []
        for label, uid in (("admin", odoo.SUPERUSER_ID), ("inspector", inspector.id)):
            Person = env(user=uid)["uchaske.person"]
            for what, text in (("surname", "Bench4320"), ("IIN prefix", "50000001")):
                found = len(Person.name_search(text, limit=8))
                rows.append((what, label, found, median_ms(
                    lambda P=Person, t=text: P.name_search(t, limit=8),
                    args.repeat)))
        print("indexes: %s" % ("dropped" if args.no_index else "present"))
        print("| search | user | rows | median ms |\n|---|---|---|---|")
        for what, label, found, ms in rows:
            print("| %s | %s | %d | %.1f |" % (what, label, found, ms))
        if args.owners:
            build_owners(cr, args.owners, args.due, district)
            Owner = env["uchaske.firearm.owner"]
            for run in ("first run", "second run"):
                start = time.perf_counter()
                Owner._cron_check_overdue(today="2026-06-15")
                print("A2 job, %d owners, %d due, %s: %.2f s" % (
                    args.owners, args.due, run, time.perf_counter() - start))
            cr.execute("""SELECT count(*) FROM mail_activity
                           WHERE res_model = 'uchaske.firearm.owner'
                             AND res_name LIKE 'Bench owner%%'""")
            print("activities created: %d" % cr.fetchone()[0])
        cr.rollback()


if __name__ == "__main__":
    main()
