# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def domain_get(self, model_name, mode="read"):
        """The group rules of a model that sets ``_rule_merge_subselects``,
        when they are an OR of conditions that each search one sub-select
        on the same column (``column IN (SELECT ...)``), as ONE sub-select:
        ``column IN (A UNION ALL B ...)``, the same rows.

        Odoo ORs the rules of the user's groups (and a rule's own ``|``):
        the chief has the assistant's, the responsible inspector's and the
        chief's rule of a person. PostgreSQL cannot turn an OR of
        sub-selects into a semi-join: it hashes every sub-select whole at
        each access check (all the persons of a police point or a
        department: 10-25 ms a check, 0.5 s a list at national size); one
        sub-select is probed by index for the rows checked (issue 14).

        The domain is Odoo's (cached); the fields' searches run at each
        call, as in Odoo's own domain_get (served districts change with
        the date, R6). The context key ``rule_merge_subselects=False``
        keeps Odoo's OR: a walk in an index's order that stops after a few
        rows (a name prefix search) filters best by hashed sub-selects,
        which PostgreSQL builds for an OR only."""
        model = self.env[model_name]
        if getattr(model, "_rule_merge_subselects", False) and \
                self.env.context.get("rule_merge_subselects", True):
            domain = self._compute_domain(model_name, mode)
            merged = domain and self._merge_subselects(model.sudo(), domain)
            if merged:
                table = '"%s"' % model._table
                column, sql, params = merged
                if not sql:
                    return ["FALSE"], [], [table]
                # as Odoo writes an ``inselect`` leaf (osv.expression)
                return ['(%s."%s" in (%s))' % (table, column, sql)], params, [table]
        return super(IrRule, self).domain_get(model_name, mode)

    @api.model
    def _merge_subselects(self, model, domain):
        """``domain`` (normalized) as (column, sub-select, params), the
        sub-select empty when no row matches; None when it is not an OR of
        leaves on searchable non-stored fields whose searches each give one
        ``inselect`` (or nothing) on one column."""
        leaves = [item for item in domain if item != "|"]
        if len(leaves) < 2 or len(domain) != 2 * len(leaves) - 1:
            return None  # not only ORs (an AND, a NOT), or one leaf
        column, parts, params = None, [], []
        for leaf in leaves:
            if not isinstance(leaf, (list, tuple)) or len(leaf) != 3:
                return None
            field = model._fields.get(leaf[0])
            if field is None or field.store or not field.search:
                return None
            searched = field.determine_domain(model, leaf[1], leaf[2])
            if len(searched) != 1 or len(searched[0]) != 3:
                return None
            left, operator, right = searched[0]
            if column not in (None, left):
                return None
            column = left
            if operator == "=" and right == 0:
                continue  # the field's "nothing" (no district, no department)
            if operator != "inselect":
                return None
            parts.append(right[0])
            params.extend(right[1])
        # UNION ALL: read under IN only, where duplicates do not count
        return column, " UNION ALL ".join(parts), params
