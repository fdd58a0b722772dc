# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Uchaske: district police inspectors (base)",
    "summary": "Organisation, roles and workflow engine for district police "
               "inspectors (Order No. 1095 of the MIA of Kazakhstan)",
    "version": "11.0.1.0.0",
    "category": "Uchaske",
    "website": "https://example.invalid/uchaske",
    "author": "Uchaske contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "base",
        "mail",
        "resource",
        "auth_crypt",
    ],
    "data": [
        "security/uchaske_security.xml",
        "security/ir.model.access.csv",
        "security/uchaske_rules.xml",
        "data/mail_activity_data.xml",
        "data/resource_calendar_data.xml",
        "data/ir_cron_data.xml",
        "views/uchaske_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
