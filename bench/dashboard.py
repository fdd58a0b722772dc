"""Dashboards benchmark (issue 13): what each dashboard's figures cost.

For each dashboard (the action's default filter, grouped as its pivot opens:
rows × columns), the chief's ``read_group`` through the ORM (record rules,
R15 journal on) against the same ``GROUP BY`` in raw SQL on the chief's
department, in the same run: medians of ``--repeat`` calls after
``--warmup``, interleaved. First the daily job that refreshes the stored
buckets is timed (one UPDATE per table; a database built by bench/national.py
has none filled in yet). Nothing is committed.

    .venv/bin/python bench/national.py --from uchaske_dash \
        --to uchaske_dash_nat --scale 0.05
    .venv/bin/python bench/dashboard.py --db uchaske_dash_nat [--user chief]
        [--repeat 15]
"""
import argparse
import os
import statistics
import sys
import time
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

OPEN_TRANSFER = ("draft", "requested", "confirmed")


def dashboards(now, year_start):
    """(label, model, ORM domain, groupby, SQL WHERE, SQL params)."""
    return [
        ("cases by category × state", "uchaske.registry.case",
         [("registered_on", ">=", year_start)], ["category_id", "state"],
         "registered_on >= %s", [year_start]),
        ("overdue deadlines by requirement × officer",
         "uchaske.workflow.deadline.line",
         [("overdue", "=", True)], ["requirement_ref", "user_id"],
         "state = 'open' AND date_due < %s", [now]),
        ("open transfers by district × age", "uchaske.registry.transfer",
         [("state", "in", list(OPEN_TRANSFER))], ["district_id", "age_bucket"],
         "state IN %s", [OPEN_TRANSFER]),
        ("firearm checks due/overdue by district", "uchaske.firearm.owner",
         [("check_state", "in", ["due", "overdue"])], ["district_id", "check_state"],
         "active AND check_state IN ('due', 'overdue')", []),
        ("foreigners' stays expiring by district", "uchaske.foreigner",
         [("stay_state", "in", ["expiring", "expired"])],
         ["district_id", "stay_state"],
         "active AND stay_state IN ('expiring', 'expired')", []),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_dash_nat")
    parser.add_argument("--user", default="chief")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()

    from uchaske_compat.launcher import load_odoo
    odoo = load_odoo()
    registry = odoo.registry(args.db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        Bucket = env["uchaske.dashboard.bucket.mixin"]
        refresh = []
        for name in Bucket._dashboard_bucket_models():
            model = env[name]
            cr.execute('SELECT count(*) FROM "%s"' % model._table)
            size = cr.fetchone()[0]
            start = time.perf_counter()
            changed = model._dashboard_refresh()
            refresh.append((name, size, changed, time.perf_counter() - start))
            start = time.perf_counter()
            model._dashboard_refresh()
            refresh.append((name + " (again)", size, 0, time.perf_counter() - start))
        user = env["res.users"].search([("login", "=", args.user)])
        department = user.uchaske_department_id.id
        now = odoo.fields.Datetime.now()
        year_start = date.today().strftime("%Y-01-01")
        results = []
        for label, name, domain, groupby, where, params in dashboards(
                now, year_start):
            model = env[name].sudo(user)
            table = env[name]._table
            query = ('SELECT "%s", "%s", count(*) FROM "%s" WHERE '
                     'department_id = %%s AND %s GROUP BY 1, 2' % (
                         groupby[0], groupby[1], table, where))

            def orm(model=model, domain=domain, groupby=groupby):
                model.invalidate_cache()
                return model.read_group(domain, list(groupby), groupby, lazy=False)

            def raw(query=query, params=params):
                cr.execute(query, [department] + params)
                return cr.fetchall()

            groups = orm()
            total = sum(group["__count"] for group in groups)
            sql_total = sum(row[2] for row in raw())
            timings_orm, timings_sql = [], []
            for round_ in range(args.warmup + args.repeat):
                for call, timings in ((orm, timings_orm), (raw, timings_sql)):
                    start = time.perf_counter()
                    call()
                    if round_ >= args.warmup:
                        timings.append(time.perf_counter() - start)
            results.append((label, len(groups), total, sql_total,
                            statistics.median(timings_orm),
                            statistics.median(timings_sql)))
        cr.rollback()
    print("Daily bucket refresh (one UPDATE per table):")
    for name, size, changed, seconds in refresh:
        print("  %-36s %9d rows %9d changed %8.0f ms" % (
            name, size, changed, seconds * 1000))
    print("Dashboards as %r (ORM read_group, rules + R15 journal) vs raw SQL "
          "GROUP BY on the department, median of %d after %d warm-up:"
          % (args.user, args.repeat, args.warmup))
    print("  %-44s %6s %8s %8s %10s %10s %7s" % (
        "dashboard", "groups", "records", "SQL rec", "ORM", "SQL", "ratio"))
    for label, groups, total, sql_total, orm_s, sql_s in results:
        print("  %-44s %6d %8d %8d %7.1f ms %7.1f ms %6.1fx" % (
            label, groups, total, sql_total, orm_s * 1000, sql_s * 1000,
            orm_s / sql_s))


if __name__ == "__main__":
    main()
