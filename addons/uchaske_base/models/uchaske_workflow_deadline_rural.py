# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .uchaske_workflow_deadline import UchaskeWorkflowDeadline as _Engine


class UchaskeWorkflowDeadline(models.Model):
    """A periodic obligation of rural districts only (R23.3: the daily call
    to the duty unit). The engine's periodic rules select every active
    district and take no domain on the scope; this adds one scope kind,
    ``rural_district``, by inheritance (the engine's files stay as they
    are)."""

    _inherit = "uchaske.workflow.deadline"

    scope_kind = fields.Selection(
        selection_add=[("rural_district", "Each rural district")])

    _SCOPE_SQL = dict(_Engine._SCOPE_SQL, rural_district=_Engine._SCOPE_SQL[
        "district"] + " AND d.district_type = 'rural'")
    _SCOPE_MODELS = dict(_Engine._SCOPE_MODELS,
                         rural_district="uchaske.district")

    @api.constrains("kind", "period", "scope_kind", "scope_group_id",
                    "target_model", "target_date_field", "target_scope_field",
                    "target_domain", "responsible_role")
    def _check_periodic(self):
        """The engine's check knows its three kinds: a rural rule is checked
        as a district one, on a copy in memory."""
        rural = self.filtered(lambda r: r.scope_kind == "rural_district")
        for rule in rural:
            as_district = self.new(dict(rule.copy_data()[0],
                                        scope_kind="district"))
            super(UchaskeWorkflowDeadline, as_district)._check_periodic()
        super(UchaskeWorkflowDeadline, self - rural)._check_periodic()
