# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.0.0: activities are found by a technical key (issue 9 item 5).

The chief's R6 "no substitute" alerts made before were found by their
summary; give them their key (``mail.activity.uchaske_key``) so that the
daily job finds them whatever language it runs in. The requirement id at
the start of the summary is never translated. Idempotent."""
import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE mail_activity SET uchaske_key = 'R6.uncovered'
         WHERE res_model = 'uchaske.absence' AND uchaske_key IS NULL
           AND summary LIKE 'R6:%%'""")
    _logger.info("R6 alerts keyed: %d", cr.rowcount)
