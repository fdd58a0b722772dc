# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class UchaskeWfTestCase(models.Model):
    """A case-like record in a district, moved through the engine."""

    _name = "uchaske.wf.test.case"
    _description = "Workflow test case"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    #: the district's inspector is responsible
    _scope_inspector_field = "inspector_id"

    name = fields.Char(required=True)
    district_id = fields.Many2one(required=True)
    department_id = fields.Many2one(required=True)
    inspector_id = fields.Many2one("res.users", readonly=True)
    move_date = fields.Datetime()
    note = fields.Text()

    @api.multi
    def _wf_guard_has_move_date(self, transition):
        """Guard method: a move needs its date (R14 counts from it)."""
        self.ensure_one()
        if not self.move_date:
            return _("Record the move date before \"%s\".") % transition.name
        return None
