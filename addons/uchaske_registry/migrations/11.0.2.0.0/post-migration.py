# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.0.0: the case number became gap-free (``no_gap``).

The sequence record is ``noupdate``, so a database made before keeps its
``standard`` implementation (a PostgreSQL sequence, which a refused creation
consumes). Switch it, carrying the next number over so that no register
number is given twice. Idempotent."""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    sequence = env.ref("uchaske_registry.seq_registry_case",
                       raise_if_not_found=False)
    if not sequence or sequence.implementation == "no_gap":
        return
    number_next = sequence.number_next_actual
    sequence.write({"implementation": "no_gap", "number_next": number_next})
    _logger.info("case sequence switched to no_gap, next number %d", number_next)
