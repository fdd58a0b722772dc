# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class UchaskeWfTestCase(models.Model):
    """A case-like record in a district, moved through the engine."""

    _name = "uchaske.wf.test.case"
    _description = "Workflow test case"
    _inherit = ["uchaske.workflow.mixin"]

    name = fields.Char(required=True)
    district_id = fields.Many2one("uchaske.district", required=True)
    department_id = fields.Many2one(
        "uchaske.department", required=True, readonly=True)
    post_id = fields.Many2one("uchaske.post", readonly=True)
    inspector_id = fields.Many2one("res.users", readonly=True)
    move_date = fields.Datetime()
    note = fields.Text()

    @api.model
    def _prepare_scope(self, vals):
        if vals.get("district_id"):
            district = self.env["uchaske.district"].sudo().browse(vals["district_id"])
            vals.update(department_id=district.department_id.id,
                        post_id=district.post_id.id,
                        inspector_id=district.inspector_id.id)
        return vals

    @api.model
    def create(self, vals):
        return super(UchaskeWfTestCase, self).create(
            self._prepare_scope(dict(vals)))

    @api.multi
    def _wf_guard_has_move_date(self, transition):
        """Guard method: a move needs its date (R14 counts from it)."""
        self.ensure_one()
        if not self.move_date:
            return _("Record the move date before \"%s\".") % transition.name
        return None
