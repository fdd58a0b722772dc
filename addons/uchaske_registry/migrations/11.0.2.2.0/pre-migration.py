# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.2.0: the assistant's and inspector's rules of persons and of
their addresses are one sub-select (``scope_served_id``: served today or
recorded by the user) instead of an OR that kept PostgreSQL from a
semi-join (issue 14).

The rules are ``noupdate``: delete them here; the update creates them
again from the data file with their new domains. Idempotent."""
import logging

_logger = logging.getLogger(__name__)

RULES = ("uchaske_person_rule_assistant", "uchaske_person_address_rule_assistant")


def migrate(cr, version):
    if not version:
        return
    cr.execute("""DELETE FROM ir_rule WHERE id IN (
                      SELECT res_id FROM ir_model_data
                       WHERE module = 'uchaske_registry' AND model = 'ir.rule'
                         AND name IN %s)""", (RULES,))
    _logger.info("%d person rules deleted, to be created anew", cr.rowcount)
    cr.execute("""DELETE FROM ir_model_data
                   WHERE module = 'uchaske_registry' AND model = 'ir.rule'
                     AND name IN %s""", (RULES,))
