# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.3.0: the R15 access journal partitioned by month (issue 14,
docs/capacity.md).

``uchaske_access_log`` becomes ``PARTITION BY RANGE (date)``: one partition
a month from its first row's month to three months ahead, a DEFAULT
partition, ``PRIMARY KEY (id, date)``, the same id sequence, foreign keys
and indexes; its rows are copied month by month and counted; the
append-only triggers are on the table and on every partition. Before the
models are loaded, so that ``_auto_init`` finds the partitioned table
(shim ``partitioned_tables``). Idempotent: a journal already partitioned
only gets its missing months; one that belongs to another role
(production) is left to that role (logged)."""
import datetime
import logging

from odoo.addons.uchaske_registry.models import \
    uchaske_access_log_partitions as partitions

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    done = partitions.ensure_partitioned(cr, datetime.datetime.utcnow().date())
    _logger.info("Access journal: %s", done)
