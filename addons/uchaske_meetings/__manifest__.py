# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Uchaske: report meetings",
    "summary": "Quarterly report meetings of inspectors with the population "
               "(Order No. 1095, chapter 3, R25-R34)",
    "version": "11.0.1.0.0",
    "category": "Uchaske",
    "website": "https://example.invalid/uchaske",
    "author": "Uchaske contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "uchaske_base",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/uchaske_meetings_rules.xml",
        "data/uchaske_meeting_workflow_data.xml",
        "views/uchaske_meeting_views.xml",
        "views/uchaske_meeting_menus.xml",
        "report/uchaske_meeting_report.xml",
    ],
    "demo": [
        "demo/uchaske_meeting_demo.xml",
    ],
}
