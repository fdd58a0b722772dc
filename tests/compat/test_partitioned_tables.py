"""Shim partitioned_tables: Odoo 11 sees a partitioned table (``relkind
'p'``) as an existing ordinary table (R15 journal partitioned by month,
issue 14, docs/capacity.md).

Checked on a real partitioned table, in a scratch database of its own
(``<UCHASKE_TEST_DB>_shim``, created from template0 and dropped at the end):
the Odoo user may not create tables in the ``postgres`` database."""
import os

import pytest

import odoo
from odoo import sql_db, tools
from odoo.modules import registry
from odoo.tools import sql

from uchaske_compat.shims import partitioned_tables

SCRATCH_DB = "%s_shim" % os.environ.get("UCHASKE_TEST_DB", "uchaske_compat")


def _admin(statement):
    conn = sql_db.db_connect("postgres")
    with conn.cursor() as cr:
        cr.autocommit(True)
        cr.execute(statement)
    sql_db.close_db("postgres")


@pytest.fixture(scope="module")
def cr():
    _admin('DROP DATABASE IF EXISTS "%s"' % SCRATCH_DB)
    _admin('CREATE DATABASE "%s" TEMPLATE template0' % SCRATCH_DB)
    try:
        with sql_db.db_connect(SCRATCH_DB).cursor() as cursor:
            cursor.execute("""
                CREATE TABLE shim_ref (id serial PRIMARY KEY);
                CREATE TABLE shim_log (
                    id serial NOT NULL, date timestamp NOT NULL,
                    ref_id integer REFERENCES shim_ref (id) ON DELETE RESTRICT,
                    PRIMARY KEY (id, date)) PARTITION BY RANGE (date);
                CREATE TABLE shim_log_y2026m01 PARTITION OF shim_log
                    FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
                CREATE INDEX shim_log_ref_id_index ON shim_log (ref_id);
            """)
            yield cursor
            cursor.rollback()
    finally:
        sql_db.close_db(SCRATCH_DB)
        _admin('DROP DATABASE IF EXISTS "%s"' % SCRATCH_DB)


def test_every_import_of_existing_tables_is_the_shims():
    for module in (sql, tools, registry):
        assert module.existing_tables is partitioned_tables.existing_tables
    partitioned_tables.apply()  # idempotent
    assert sql.existing_tables is partitioned_tables.existing_tables


def test_partitioned_table_exists(cr):
    """Without the shim ``_auto_init`` would CREATE TABLE the journal again
    at every ``-u`` and the registry would report it missing."""
    cr.execute("SELECT relkind FROM pg_class WHERE relname = 'shim_log'")
    assert cr.fetchone()[0] == "p"
    assert sql.table_exists(cr, "shim_log")
    assert tools.table_exists(cr, "shim_log")
    assert sorted(registry.existing_tables(cr, ["shim_log", "shim_ref", "nope"])) \
        == ["shim_log", "shim_ref"]
    # a missing table is still missing
    assert not sql.table_exists(cr, "shim_nope")


def test_odoo_11_alone_did_not_see_it(cr):
    """The query Odoo 11 ships (relkind r, v, m) misses the table: the
    symptom the shim closes."""
    cr.execute("""SELECT c.relname FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE c.relname = 'shim_log' AND c.relkind IN ('r', 'v', 'm')
                     AND n.nspname = 'public'""")
    assert cr.fetchall() == []


def test_other_schema_checks_see_an_ordinary_table(cr):
    """What ``_auto_init`` and ``ir.model`` read besides existence: kind
    (``_is_an_ordinary_table``), columns, indexes, constraints, foreign
    keys (so no field is added twice, no index or key recreated)."""
    assert sql.table_kind(cr, "shim_log") == "r"
    columns = sql.table_columns(cr, "shim_log")
    assert set(columns) == {"id", "date", "ref_id"}
    assert columns["date"]["is_nullable"] == "NO"
    assert sql.index_exists(cr, "shim_log_ref_id_index")
    assert sql.constraint_definition(cr, "shim_log_pkey") == "PRIMARY KEY (id, date)"
    # the foreign key is found on the parent: nothing dropped or added
    assert sql.fix_foreign_key(cr, "shim_log", "ref_id", "shim_ref", "id",
                               "restrict") is None
    cr.execute("""SELECT count(*) FROM pg_constraint
                   WHERE conrelid = 'shim_log'::regclass AND contype = 'f'""")
    assert cr.fetchone()[0] == 1
    assert odoo.tools.config["db_user"]  # the project's odoo.conf was read
