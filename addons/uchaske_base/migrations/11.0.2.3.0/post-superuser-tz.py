# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.3.0: the superuser counts days in Kazakhstan's time.

``data/res_users_data.xml`` sets it at install (noupdate); a database made
before has the superuser without a time zone, whose "today" is UTC's - a
day behind Kazakhstan's from 19:00 UTC on (scheduled jobs, dates checked
under sudo()). Set it where it is empty; a zone chosen by the
administrator is kept. Idempotent."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("UPDATE res_partner SET tz = 'Asia/Almaty' "
               "WHERE id = (SELECT partner_id FROM res_users WHERE id = 1) "
               "AND (tz IS NULL OR tz = '')")
