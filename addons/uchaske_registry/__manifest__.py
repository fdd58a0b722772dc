# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Uchaske: preventive register",
    "summary": "Preventive register, supervision, transfer on relocation and "
               "the lists of Appendices 2-4 (Order No. 1095, R11-R17)",
    "version": "11.0.2.3.0",
    "category": "Uchaske",
    "website": "https://example.invalid/uchaske",
    "author": "Uchaske contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "uchaske_base",
        "report_xlsx",
        # big list imports run in the background (issue 14)
        "queue_job",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/uchaske_registry_rules.xml",
        "data/ir_sequence_data.xml",
        "data/uchaske_registry_category_data.xml",
        "data/uchaske_workflow_data.xml",
        "security/uchaske_appendix_access.xml",
        "data/uchaske_appendix_cron.xml",
        "data/uchaske_access_log_cron.xml",
        "views/uchaske_registry_category_views.xml",
        "views/uchaske_registry_case_views.xml",
        "views/uchaske_person_views.xml",
        "views/uchaske_work_notebook_entry_views.xml",
        "views/uchaske_registry_check_views.xml",
        "views/uchaske_registry_transfer_views.xml",
        "views/uchaske_access_log_views.xml",
        "views/webclient_templates.xml",
        "views/uchaske_registry_menus.xml",
        "report/uchaske_registry_case_report.xml",
        "views/uchaske_appendix_views.xml",
        "views/uchaske_dashboard_views.xml",
        "views/uchaske_district_passport_year_views.xml",
        "wizards/uchaske_appendix_import_views.xml",
        "wizards/uchaske_noncustodial_as_of_views.xml",
        "wizards/uchaske_workflow_transition_wizard_views.xml",
        "report/uchaske_list_reports.xml",
        "wizards/uchaske_list_print_wizard_views.xml",
    ],
    "demo": [
        "demo/uchaske_registry_demo.xml",
    ],
    "external_dependencies": {
        "python": ["openpyxl", "xlsxwriter"],
    },
}
