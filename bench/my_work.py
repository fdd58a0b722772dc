"""My work benchmark (issue 9 item 7, issue 14): what opening "My work" costs.

Opening My work is what the web client does: the home server action
(``action_open_my_work``, which rebuilds the user's rows) and the first page
of the list (``search_read`` of 80 rows with the list's fields). The baseline
is a plain ``search_read`` of 80 register cases by the same user (the
register's list, R15 journal on). The script prints the medians (of
``--repeat`` calls after ``--warmup`` calls, interleaved so both see the same
conditions), the SQL statements of one call, and the ratio; goal: at most 2×.

``--extra-cases N`` first adds N draft cases in the inspector's district
(persons with valid IINs), so that the inspector has N more records to act
on; nothing is committed (the transaction is rolled back). On the demo
database the inspector has 4 cases, so the baseline reads 4 rows, not the
80 of the goal: ``--extra-cases 80`` gives it its 80 cases (and My work 80
more rows to act on).

``--other-rows N`` first fills My work's table with N rows of other
officers (as many officers as the database has, up to 2,000, an equal share
each), as it is in production: the table holds the rows of every officer
who opened My work within the transient vacuum's age (thousands of officers
with hundreds of rows each nationally). Rolled back at the end.

Several databases (comma-separated ``--db``), one after the other in the
same run: the demo-size one and a national-size one (``bench/national.py``)
give the ratio at both sizes.

    .venv/bin/python bench/my_work.py [--db uchaske_test,uchaske_national]
        [--users inspector,chief] [--repeat 30] [--extra-cases 0]
"""
import argparse
import os
import statistics
import sys
import time
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

#: the list view's columns (uchaske_work_item_view_tree), "actions" included
ITEM_FIELDS = ["urgency", "name", "person_name", "district_name", "date_due",
               "requirement_ref", "document", "actions", "kind", "escalated"]
CASE_FIELDS = ["name", "person_id", "category_id", "district_id", "inspector_id",
               "date_start", "date_end", "next_check_due", "check_overdue", "state"]


def _add_cases(env, login, count):
    from uchaske_rules import iin
    user = env["res.users"].search([("login", "=", login)])
    district = env["uchaske.district"].search([("inspector_id", "=", user.id)],
                                              limit=1)
    category = env.ref("uchaske_registry.category_parole")
    Case = env["uchaske.registry.case"].with_context(tracking_disable=True)
    for serial in range(count):
        person = env["uchaske.person"].create({
            "iin": iin.make_iin(date(1960 + serial % 40, 1 + serial % 12,
                                     1 + serial % 28), "male", 5000 + serial),
            "surname": "Bench%d" % serial, "first_name": "Person",
            "department_id": district.department_id.id})
        Case.create({"person_id": person.id, "category_id": category.id,
                     "district_id": district.id})


def user_calls(env, user):
    """(open My work, list 80 cases) as ``user`` does it in the web client:
    the home action and the first page of My work's list, and a plain
    ``search_read`` of 80 register cases, both with the user's context
    (language, time zone), as the web client sends it with every call.
    ``bench/national_measures.py`` measures the same two calls."""
    context = user.sudo(user).context_get()
    items = env["uchaske.work.item"].sudo(user).with_context(context)
    cases = env["uchaske.registry.case"].sudo(user).with_context(context)

    def open_my_work():
        items.invalidate_cache()
        action = items.action_open_my_work()
        return items.search_read(action["domain"], ITEM_FIELDS, limit=80)

    def list_cases():
        cases.invalidate_cache()
        return cases.search_read([], CASE_FIELDS, limit=80)
    return open_my_work, list_cases


def _timed(call, repeat, warmup):
    for _round in range(warmup):
        call()
    timings = []
    for _round in range(repeat):
        start = time.perf_counter()
        call()
        timings.append(time.perf_counter() - start)
    return timings


def _add_other_rows(env, logins, count):
    """``count`` My work rows of up to 2,000 other users (set-based), then
    the table's statistics, as autovacuum would keep them."""
    if not count:
        return
    cr = env.cr
    cr.execute("SELECT id FROM res_users WHERE active AND login <> ALL(%s)"
               " ORDER BY id LIMIT 2000", (list(logins),))
    others = [row[0] for row in cr.fetchall()]
    if not others:
        return
    cr.execute("""
        INSERT INTO uchaske_work_item
               (create_uid, write_uid, create_date, write_date, kind, urgency,
                urgency_rank, name, res_model, res_id, model_name, state_name)
        SELECT u.uid, u.uid, now() at time zone 'UTC', now() at time zone 'UTC',
               'action', 'act', 40, 'Registered', 'uchaske.registry.case',
               1 + n %% 200000, 'Register case', 'Registered'
          FROM generate_series(0, %s - 1) n
          JOIN LATERAL (SELECT (%s::int[])[1 + n %% %s] AS uid) u ON TRUE""",
               (count, others, len(others)))
    cr.execute("ANALYZE uchaske_work_item")


def measure(db, logins, repeat, warmup, extra_cases, other_rows=0):
    """[(login, rows, page, My work SQL, cases listed, list SQL, My work s,
    search_read s)] on database ``db``; nothing is committed."""
    import odoo
    registry = odoo.registry(db)
    results = []
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        if extra_cases:
            _add_cases(env, logins[0], extra_cases)
        _add_other_rows(env, logins, other_rows)
        for login in logins:
            user = env["res.users"].search([("login", "=", login)])
            open_my_work, list_cases = user_calls(env, user)
            rows = open_my_work()
            total = env["uchaske.work.item"].search_count(
                [("create_uid", "=", user.id)])
            before = cr.sql_log_count
            open_my_work()
            my_sql = cr.sql_log_count - before
            before = cr.sql_log_count
            listed = len(list_cases())
            list_sql = cr.sql_log_count - before
            my_work, baseline = [], []
            for _round in range(repeat):  # interleaved: same conditions
                my_work += _timed(open_my_work, 1, warmup if not _round else 0)
                baseline += _timed(list_cases, 1, warmup if not _round else 0)
            results.append((login, total, len(rows), my_sql, listed, list_sql,
                            statistics.median(my_work), statistics.median(baseline)))
        cr.rollback()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_test",
                        help="database(s), comma-separated: e.g. the demo one "
                             "and a national one built by bench/national.py")
    parser.add_argument("--users", default="inspector,chief")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--extra-cases", type=int, default=0)
    parser.add_argument("--other-rows", type=int, default=0,
                        help="My work rows of other officers in the table")
    args = parser.parse_args()

    from uchaske_compat.launcher import load_odoo
    load_odoo()  # measure() imports the configured odoo
    logins = args.users.split(",")
    measured = [(db, measure(db, logins, args.repeat, args.warmup,
                             args.extra_cases, args.other_rows))
                for db in args.db.split(",")]
    print("My work (home action + first page of 80, \"actions\" included) vs "
          "search_read of 80 cases, same user, median of %d calls after %d "
          "warm-up (extra cases: %d, other officers' rows: %d):" % (
              args.repeat, args.warmup, args.extra_cases, args.other_rows))
    print("%-22s %-10s %6s %10s %5s %6s %11s %5s %7s" % (
        "database", "user", "rows", "My work", "SQL", "cases", "search_read",
        "SQL", "ratio"))
    for db, results in measured:
        for login, total, _page, my_sql, listed, list_sql, mine, base in results:
            print("%-22s %-10s %6d %7.1f ms %5d %6d %8.1f ms %5d %6.2fx" % (
                db, login, total, mine * 1000, my_sql, listed, base * 1000,
                list_sql, mine / base))
    print("goal: ratio <= 2 (issue 9), My work <= 100 ms (issue 14)")


if __name__ == "__main__":
    main()
