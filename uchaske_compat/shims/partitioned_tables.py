"""PostgreSQL 10+, not Python: partitioned tables (``relkind 'p'``).

Odoo 11's ``odoo.tools.sql.existing_tables`` (behind ``table_exists``, the
registry's missing-tables check and ``_auto_init``) accepts only
``relkind IN ('r', 'v', 'm')``. The R15 access journal is partitioned by
month (``uchaske_access_log``, issue 14; docs/capacity.md): without this
shim the next ``-u uchaske_registry`` would try to ``CREATE TABLE`` it again
and fail, and the registry would report it missing. The shim adds ``'p'``.
The other checks ``_auto_init`` uses already see a partitioned table as an
ordinary one: ``table_kind`` and ``table_columns`` read ``information_schema``
(``'p'`` is a ``BASE TABLE`` there), ``index_exists`` reads ``pg_indexes``
(``'p'`` and partitioned indexes ``'I'`` included), the constraint and
foreign-key checks read ``pg_constraint`` by the parent's name
(tests/compat/test_shims.py checks each on a real partitioned table).
"""

#: kinds of pg_class that are a model's table: Odoo 11's three plus 'p'
TABLE_KINDS = ("r", "v", "m", "p")


def existing_tables(cr, tablenames):
    """Return the names of existing tables among ``tablenames``."""
    cr.execute("""
        SELECT c.relname
          FROM pg_class c
          JOIN pg_namespace n ON (n.oid = c.relnamespace)
         WHERE c.relname IN %s
           AND c.relkind IN %s
           AND n.nspname = 'public'
    """, [tuple(tablenames), TABLE_KINDS])
    return [row[0] for row in cr.fetchall()]


def apply():
    import odoo.tools
    import odoo.tools.sql
    import odoo.modules.registry

    # every module that imported the function by name
    for module in (odoo.tools.sql, odoo.tools, odoo.modules.registry):
        if getattr(module, "existing_tables", None) is not existing_tables:
            module.existing_tables = existing_tables
