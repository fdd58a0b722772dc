# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.0.0: activities are found by a technical key (issue 9 item 5).

The activities made before were found by their summary, whose requirement
id (the text before the colon) is never translated: the cases' R11/R12
activities, the firearm owners' R22.10 alerts, the foreigners' A4 alerts
(the kind told by the date the alert was made for: the end of stay or the
passport expiry signalled). Give them their key
(``mail.activity.uchaske_key``) so that the jobs and the cases find them,
whatever language they run in, instead of making a second one.
Idempotent."""
import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE mail_activity SET uchaske_key = substring(summary FROM '^(R1[12]):')
         WHERE res_model = 'uchaske.registry.case' AND uchaske_key IS NULL
           AND summary ~ '^R1[12]:'""")
    cases = cr.rowcount
    cr.execute("""
        UPDATE mail_activity SET uchaske_key = 'R22.10'
         WHERE res_model = 'uchaske.firearm.owner' AND uchaske_key IS NULL
           AND summary LIKE 'R22.10:%%'""")
    owners = cr.rowcount
    foreigners = 0
    for key, column in (("A4.stay", "stay_alerted_until"),
                        ("A4.passport", "passport_alerted_until")):
        cr.execute("""
            UPDATE mail_activity a SET uchaske_key = %s
              FROM uchaske_foreigner f
             WHERE a.res_model = 'uchaske.foreigner' AND a.res_id = f.id
               AND a.uchaske_key IS NULL AND a.summary LIKE 'A4:%%'
               AND a.date_deadline = f.{}""".format(column), (key,))
        foreigners += cr.rowcount
    _logger.info("activities keyed: %d of cases, %d of firearm owners, "
                 "%d of foreigners", cases, owners, foreigners)
