# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Uchaske: preventive register",
    "summary": "Preventive register, supervision, transfer on relocation and "
               "the lists of Appendices 2-4 (Order No. 1095, R11-R17)",
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
        "security/uchaske_registry_rules.xml",
        "data/ir_sequence_data.xml",
        "data/uchaske_registry_category_data.xml",
        "data/uchaske_workflow_data.xml",
    ],
}
