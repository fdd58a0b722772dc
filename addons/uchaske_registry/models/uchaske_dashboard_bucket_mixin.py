# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from psycopg2 import sql as psycopg2_sql

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class UchaskeDashboardBucketMixin(models.AbstractModel):
    """A stored bucket that depends on "today" (issue 13, dashboards).

    The bucket is stored so that the dashboards' ``read_group`` groups on a
    column (no per-row computation at read time at national size). It is
    computed on every change of the dates it depends on, and refreshed once a
    day for all rows by one set-based ``UPDATE`` (:meth:`_dashboard_refresh`,
    the daily job): the SQL expression of each model mirrors its pure
    function in ``uchaske_rules.dashboard``.
    """

    _name = "uchaske.dashboard.bucket.mixin"
    _description = "Stored dashboard bucket refreshed daily"

    #: name of the stored bucket column
    _dashboard_bucket_field = None

    @api.model
    def _dashboard_bucket_sql(self, today):
        """Return ``(expression, params)``: the bucket as SQL of one row of
        ``self._table`` for ``today`` (a date string)."""
        raise NotImplementedError

    @api.model
    def _dashboard_refresh(self, today=None):
        """Recompute the bucket of every row whose bucket changed since the
        last run; return the number of rows updated."""
        today = today or fields.Date.context_today(self)
        column = self._dashboard_bucket_field
        expression, params = self._dashboard_bucket_sql(today)
        # one statement for the whole table; the expression and column are
        # code, every value is a parameter
        query = 'UPDATE "%s" SET "%s" = (%s) WHERE "%s" IS DISTINCT FROM (%s)' % (
            self._table, column, expression, column, expression)
        self.env.cr.execute(query, params + params)
        count = self.env.cr.rowcount
        self.invalidate_cache([column])
        return count

    @api.model_cr
    def _dashboard_ensure_indexes(self):
        """(district_id | post_id | department_id, bucket, district_id)
        INCLUDE (id), of the active rows: a dashboard as the inspector, the
        responsible inspector or the chief (the record rule's anchor, the
        bucket filtered, grouped by district, counted by id as ``read_group``
        does) reads one of these indexes alone, not the table's rows
        (issue 14: the 15,000 foreigners of a department, 136 -> 7 ms a
        query at national size). Called from the model's ``init``."""
        bucket = self._dashboard_bucket_field
        for anchor in ("district_id", "post_id", "department_id"):
            self.env.cr.execute(psycopg2_sql.SQL(
                "CREATE INDEX IF NOT EXISTS {} ON {} ({}, {}, district_id) "
                "INCLUDE (id) WHERE active").format(
                    psycopg2_sql.Identifier("%s_%s_dashboard_index" % (
                        self._table, anchor[:-3])),
                    psycopg2_sql.Identifier(self._table),
                    psycopg2_sql.Identifier(anchor),
                    psycopg2_sql.Identifier(bucket)))

    @api.model
    def _dashboard_bucket_models(self):
        """The models that store a dashboard bucket (hook)."""
        return ["uchaske.registry.transfer", "uchaske.firearm.owner",
                "uchaske.foreigner"]

    @api.model
    def _cron_dashboard_refresh(self, today=None):
        """Daily job: refresh the buckets of every dashboard model."""
        for name in self._dashboard_bucket_models():
            count = self.env[name]._dashboard_refresh(today)
            _logger.info("dashboard buckets of %s: %d rows changed", name, count)
