# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

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
        here as a district one."""
        rural = self.filtered(lambda r: r.scope_kind == "rural_district")
        for rule in rural:
            target = self.env.get(rule.target_model or "")
            date_field = target is not None and target._fields.get(
                rule.target_date_field or "")
            scope_field = target is not None and target._fields.get(
                rule.target_scope_field or "")
            try:
                domain = safe_eval(rule.target_domain or "[]")
            except Exception:  # pylint: disable=broad-except
                domain = None
            if (not rule.period or not date_field or not date_field.store
                    or date_field.type not in ("date", "datetime")
                    or not scope_field or not scope_field.store
                    or scope_field.comodel_name != "uchaske.district"
                    or not isinstance(domain, list) or rule.scope_group_id
                    or rule.responsible_role == "user"):
                raise ValidationError(_(
                    "Periodic deadline %s: give the period, the scope, the "
                    "model with its date field and its many2one to the scope "
                    "(and, per user, the group).") % rule.name)
        super(UchaskeWorkflowDeadline, self - rural)._check_periodic()
