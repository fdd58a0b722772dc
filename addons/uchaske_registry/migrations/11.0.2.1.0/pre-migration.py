# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.1.0: the record rules of persons and of their addresses search
the scope fields (sub-selects) instead of one2many paths (issue 14).

The rules are ``noupdate``: an update never reloads them. Delete them here;
the update creates the register's again from the data file with their new
domains. The three rules of the lists (``uchaske_person_rule_appendix_*``),
now included in those, are no longer in the data. Idempotent."""
import logging

_logger = logging.getLogger(__name__)

RULES = [
    "uchaske_person_rule_assistant",
    "uchaske_person_rule_responsible_inspector",
    "uchaske_person_rule_district_chief",
    "uchaske_person_address_rule_assistant",
    "uchaske_person_address_rule_responsible_inspector",
    "uchaske_person_address_rule_district_chief",
    "uchaske_person_rule_appendix_assistant",
    "uchaske_person_rule_appendix_responsible_inspector",
    "uchaske_person_rule_appendix_district_chief",
]


def migrate(cr, version):
    if not version:
        return
    cr.execute("""DELETE FROM ir_rule WHERE id IN (
                      SELECT res_id FROM ir_model_data
                       WHERE module = 'uchaske_registry' AND model = 'ir.rule'
                         AND name IN %s)""", (tuple(RULES),))
    _logger.info("%d person rules deleted, to be created anew", cr.rowcount)
    cr.execute("""DELETE FROM ir_model_data
                   WHERE module = 'uchaske_registry' AND model = 'ir.rule'
                     AND name IN %s""", (tuple(RULES),))
