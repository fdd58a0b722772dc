# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.2.2.0: the name on printed forms of a database made before it
existed (issue 13).

The demo writes ``res.company.uchaske_print_name`` in English, Kazakh and
Russian at install only (noupdate), so an upgraded database printed the
company's own name, in English, at the head of every Kazakh or Russian
form. Fill it where it is empty (``res.company._uchaske_fill_print_names``).
Idempotent: a name already there, typed or loaded, is kept."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._uchaske_fill_print_names()
