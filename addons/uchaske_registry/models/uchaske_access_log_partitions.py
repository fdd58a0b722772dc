# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The R15 access journal partitioned by month (issue 14, docs/capacity.md).

Not a model: the SQL that turns ``uchaske_access_log`` into a table
``PARTITION BY RANGE (date)`` with one partition a month and a DEFAULT one,
and the function that adds the months to come. Used by the model's
``init()`` (a fresh install), by the migration 11.0.2.3.0 (an existing
journal, its rows copied month by month) and by the daily job.

Odoo 11 sees the partitioned table through the shim
``uchaske_compat/shims/partitioned_tables.py``."""
import datetime
import logging
import time

from psycopg2 import sql

from odoo.addons.uchaske_base.models.uchaske_workflow_history import \
    install_append_only

_logger = logging.getLogger(__name__)

TABLE = "uchaske_access_log"
MODEL = "uchaske.access.log"
#: the partition column (the entry's UTC timestamp)
KEY = "date"
DEFAULT_PARTITION = TABLE + "_default"
#: the table renamed while its rows are copied into the partitioned one
OLD_TABLE = TABLE + "_unpartitioned"
#: months created ahead of the current one (the daily job and the install)
MONTHS_AHEAD = 3
#: adds the partitions of ``months`` months after ``first_month``'s (and
#: its own) that are missing; returns how many it created. SECURITY DEFINER:
#: in production the function belongs to the journal's owner (README,
#: "Ownership"), so the Odoo user's daily job may add months but never
#: detach, drop or truncate one.
ADD_MONTHS_FUNCTION = TABLE + "_add_months"
ADD_MONTHS_SQL = """
CREATE OR REPLACE FUNCTION uchaske_access_log_add_months(
    first_month date, months integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    month date;
    part text;
    created integer := 0;
BEGIN
    FOR month IN
        SELECT generate_series(date_trunc('month', first_month),
                               date_trunc('month', first_month)
                               + make_interval(months => months),
                               interval '1 month')::date
    LOOP
        part := 'uchaske_access_log_' || to_char(month, '"y"YYYY"m"MM');
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        -- rows of that month already fell into the DEFAULT partition: the
        -- month cannot be attached over them (PostgreSQL refuses); the
        -- owner moves them (docs/capacity.md), the job goes on
        IF EXISTS (SELECT 1 FROM uchaske_access_log_default
                    WHERE date >= month
                      AND date < month + interval '1 month') THEN
            RAISE WARNING 'uchaske_access_log: rows of % are in the default '
                          'partition, % not created', month, part;
            CONTINUE;
        END IF;
        EXECUTE format('CREATE TABLE %I PARTITION OF uchaske_access_log '
                       'FOR VALUES FROM (%L) TO (%L)', part, month,
                       (month + interval '1 month')::date);
        -- statement triggers are not cloned to partitions (R15)
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE PROCEDURE '
                       'uchaske_access_log_append_only()',
                       part || '_no_truncate', part);
        created := created + 1;
    END LOOP;
    RETURN created;
END;
$$;
"""


# the conversion's statements: {names} are identifiers (sql.Identifier)
LOCK_TABLE = "LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"
COUNT_ROWS = "SELECT count(*) FROM {table}"
RENAME_TABLE = "ALTER TABLE {old} RENAME TO {new}"
RENAME_INDEX = "ALTER INDEX {old} RENAME TO {new}"
CREATE_PARTITIONED = """
    CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS INCLUDING COMMENTS
                          INCLUDING STORAGE)
        PARTITION BY RANGE ({key});
    ALTER TABLE {table} ADD CONSTRAINT {pkey} PRIMARY KEY (id, {key});
    CREATE TABLE {default} PARTITION OF {table} DEFAULT;
"""
SEQUENCE_OWNER = "ALTER SEQUENCE {sequence} OWNED BY {table}.id"
MONTHS_OF_ROWS = """
    SELECT DISTINCT date_trunc('month', {key})::date FROM {old} ORDER BY 1"""
COPY_MONTH = """
    INSERT INTO {table} SELECT * FROM {old}
     WHERE {key} >= %s AND {key} < %s::date + interval '1 month'"""
ADD_CONSTRAINT = "ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"
DROP_TABLE = "DROP TABLE {table}"


def _run(cr, statement, params=None, **names):
    """Run one of the statements above with its identifiers quoted."""
    cr.execute(sql.SQL(statement).format(
        **{key: sql.Identifier(value) for key, value in names.items()}), params)


def relation_kind(cr, name=TABLE):
    """(relkind, owned by the current user) of ``name``, or (None, None)."""
    cr.execute("""
        SELECT relkind, pg_catalog.pg_get_userbyid(relowner) = current_user
          FROM pg_catalog.pg_class
         WHERE relname = %s AND pg_catalog.pg_table_is_visible(oid)""", [name])
    return cr.fetchone() or (None, None)


def partitions(cr):
    """{partition name: bound expression} of the journal."""
    cr.execute("""
        SELECT c.relname, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
          FROM pg_catalog.pg_inherits i
          JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = %s::regclass""", [TABLE])
    return dict(cr.fetchall())


def install_add_months(cr):
    """Create (or replace) the function, unless another role owns it."""
    cr.execute("""
        SELECT pg_catalog.pg_get_userbyid(proowner) = current_user
          FROM pg_catalog.pg_proc WHERE proname = %s""", [ADD_MONTHS_FUNCTION])
    row = cr.fetchone()
    if row and not row[0]:
        _logger.info("%s belongs to another role", ADD_MONTHS_FUNCTION)
        return False
    cr.execute(ADD_MONTHS_SQL)
    return True


def add_months(cr, today, months=MONTHS_AHEAD):
    """Create the partitions of ``today``'s month and the ``months`` next
    ones that are missing, in one statement; return how many were created.
    Idempotent: a month that exists is left alone."""
    cr.execute("SELECT uchaske_access_log_add_months(%s, %s)",
               [today, months])
    return cr.fetchone()[0]


def _as_date(value):
    if isinstance(value, str):
        return datetime.datetime.strptime(value[:10], "%Y-%m-%d").date()
    return value


def _month_start(day):
    return datetime.date(day.year, day.month, 1)


def ensure_partitioned(cr, today, months=MONTHS_AHEAD):
    """Make the journal a monthly-partitioned table with the months up to
    ``months`` after ``today``'s. A plain table (a fresh install, or the
    migration 11.0.2.3.0) is converted, its rows copied month by month;
    a partitioned one only gets its missing months. Idempotent. Returns
    a dict of what was done (logged; the migration reports it)."""
    kind, ours = relation_kind(cr)
    done = {"converted": False, "rows": None, "created": 0, "seconds": 0.0}
    if kind is None:
        return done
    if not ours:
        # production: the journal belongs to the audit role (README,
        # "Ownership"); the conversion is the superuser's (docs/capacity.md)
        if kind == "p":
            _logger.info("%s belongs to another role: its partitions are "
                         "that role's", TABLE)
        else:
            _logger.warning("%s belongs to another role: not partitioned "
                            "here; give it back to convert it "
                            "(docs/capacity.md)", TABLE)
        return done
    started = time.time()
    # the trigger function the partitions' TRUNCATE guards call
    install_append_only(cr, TABLE, MODEL)
    install_add_months_ok = install_add_months(cr)
    if kind == "r":
        done.update(convert(cr, today, months))
    elif install_add_months_ok:
        done["created"] = add_months(cr, today, months)
    install_append_only(cr, TABLE, MODEL)
    done["seconds"] = round(time.time() - started, 2)
    return done


def convert(cr, today, months=MONTHS_AHEAD):
    """Rename the plain journal, create the partitioned one with the same
    columns, defaults (the same id sequence), comments, ``PRIMARY KEY (id,
    date)``, foreign keys and indexes, copy the rows month by month, check
    the count and drop the plain table. In the caller's transaction: all or
    nothing."""
    _run(cr, LOCK_TABLE, table=TABLE)
    _run(cr, COUNT_ROWS, table=TABLE)
    rows = cr.fetchone()[0]
    # what the plain table carries besides its columns, read before renaming
    cr.execute("""
        SELECT c.relname, pg_catalog.pg_get_indexdef(i.indexrelid)
          FROM pg_catalog.pg_index i
          JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = %s::regclass AND NOT i.indisprimary
         ORDER BY c.relname""", [TABLE])
    indexes = cr.fetchall()
    cr.execute("""
        SELECT conname, pg_catalog.pg_get_constraintdef(oid), contype
          FROM pg_catalog.pg_constraint
         WHERE conrelid = %s::regclass AND contype <> 'p'
         ORDER BY conname""", [TABLE])
    constraints = cr.fetchall()
    if any(contype == "u" for _name, _definition, contype in constraints):
        # a unique constraint must contain the partition key: not ours to
        # rewrite silently
        raise ValueError("%s has a unique constraint: not partitioned" % TABLE)
    cr.execute("""
        SELECT conname FROM pg_catalog.pg_constraint
         WHERE conrelid = %s::regclass AND contype = 'p'""", [TABLE])
    pkey = cr.fetchone()
    _run(cr, RENAME_TABLE, old=TABLE, new=OLD_TABLE)
    if pkey:
        _run(cr, RENAME_INDEX, old=pkey[0], new=OLD_TABLE + "_pkey")
    for number, (name, _definition) in enumerate(indexes):
        # index names are the schema's: free them for the new table (the
        # date index stays usable for the copy month by month)
        _run(cr, RENAME_INDEX, old=name, new="%s_i%d" % (OLD_TABLE, number))
    _run(cr, CREATE_PARTITIONED, table=TABLE, old=OLD_TABLE, key=KEY,
         pkey=TABLE + "_pkey", default=DEFAULT_PARTITION)
    # the same id sequence, now owned by the new table's column
    cr.execute("SELECT pg_catalog.pg_get_serial_sequence(%s, 'id')",
               [OLD_TABLE])
    sequence = cr.fetchone()[0]
    if sequence:
        cr.execute(sql.SQL(SEQUENCE_OWNER).format(
            sequence=sql.SQL(sequence), table=sql.Identifier(TABLE)))
    # the months of the rows, then the current one and the next ones
    _run(cr, MONTHS_OF_ROWS, key=KEY, old=OLD_TABLE)
    # (Odoo's cursor reads dates as strings)
    months_with_rows = [_as_date(row[0]) for row in cr.fetchall()]
    first = min(months_with_rows + [_month_start(today)])
    span = (today.year - first.year) * 12 + today.month - first.month
    created = add_months(cr, first, span + months)
    copied = 0
    for month in months_with_rows:
        _run(cr, COPY_MONTH, [month, month], table=TABLE, old=OLD_TABLE, key=KEY)
        copied += cr.rowcount
    if copied != rows:
        raise ValueError("%s: %d rows copied of %d" % (TABLE, copied, rows))
    for _name, definition in indexes:
        # built once per partition after the copy; later partitions inherit
        # (the definition as PostgreSQL printed it, read above)
        cr.execute(sql.SQL(definition))
    for name, definition, _contype in constraints:
        cr.execute(sql.SQL(ADD_CONSTRAINT).format(
            table=sql.Identifier(TABLE), name=sql.Identifier(name),
            definition=sql.SQL(definition)))
    _run(cr, DROP_TABLE, table=OLD_TABLE)
    _logger.info("%s partitioned by month: %d rows copied, %d partitions",
                 TABLE, copied, created)
    return {"converted": True, "rows": copied, "created": created}
