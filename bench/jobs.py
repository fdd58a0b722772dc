"""What the scheduled jobs' benchmarks share (``deadlines.py``,
``passport_year.py``, ``alert_jobs.py``): a superuser environment in one
transaction that is rolled back, a job's wall time and statements, the raw
baseline of writing the same rows, and the printed table."""
import contextlib
import time


@contextlib.contextmanager
def superuser_env(db):
    """An Odoo environment of the superuser on ``db``; everything done in
    it is rolled back at the end."""
    # Odoo is loaded by the benchmark that asks, not on import
    from uchaske_compat import launcher  # pylint: disable=import-outside-toplevel
    odoo = launcher.load_odoo()
    registry = odoo.registry(db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        try:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        finally:
            cr.rollback()


def timed(cr, call):
    """(seconds, SQL statements) of ``call()``."""
    before = cr.sql_log_count
    start = time.perf_counter()
    call()
    return time.perf_counter() - start, cr.sql_log_count - before


def raw_baseline(cr, table, source_sql, params):
    """A raw INSERT ... SELECT of the same rows into an empty copy of
    ``table`` with its indexes (no foreign keys, no triggers): the floor for
    writing that many rows. Returns (seconds, rows)."""
    cr.execute("CREATE TEMP TABLE IF NOT EXISTS bench_%s (LIKE %s "
               "INCLUDING DEFAULTS INCLUDING INDEXES)" % (table, table))
    cr.execute("TRUNCATE bench_%s" % table)
    start = time.perf_counter()
    cr.execute("INSERT INTO bench_%s %s" % (table, source_sql), params)
    return time.perf_counter() - start, cr.rowcount


def print_table(rows, count_label="rows"):
    """``rows``: (measure, count, seconds, statements, baseline seconds)."""
    width = max([38] + [len(row[0]) for row in rows])
    print("%-*s %8s %10s %6s %11s %8s" % (
        width, "measure", count_label, "time", "SQL", "raw SQL", "ratio"))
    for name, count, spent, statements, base in rows:
        print("%-*s %8d %7.0f ms %6d %8.1f ms %7.1fx" % (
            width, name, count, spent * 1000, statements, base * 1000,
            spent / base if base else 0))
