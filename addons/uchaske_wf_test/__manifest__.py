# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Uchaske: workflow engine test model",
    "summary": "Test-only model that exercises the workflow engine of "
               "uchaske_base (guards, inputs, maker-checker, deadlines, "
               "delegation). Installed in test databases only.",
    "version": "11.0.1.0.0",
    "category": "Hidden",
    "website": "https://example.invalid/uchaske",
    "author": "Uchaske contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["uchaske_base"],
    "data": [
        "security/ir.model.access.csv",
        "security/uchaske_wf_test_rules.xml",
        "data/uchaske_workflow_data.xml",
        "data/uchaske_wf_test_input_data.xml",
        "data/uchaske_wf_test_deadline_data.xml",
        "data/uchaske_wf_test_scope_data.xml",
        "views/uchaske_wf_test_case_views.xml",
    ],
}
