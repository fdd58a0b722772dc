# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError


class UchaskeRegistryCategory(models.Model):
    """A category of the preventive register (R11, items 1-7), as data.

    New rules (e.g. the MVD's March 2026 preventive-registry rules with
    further categories such as an official warning) are added as records,
    with their legal basis and dates in force, without code.
    """

    _name = "uchaske.registry.category"
    # the names kept per language (``_names_by_lang``) are dropped after
    # any change is written
    _inherit = ["uchaske.work.item.cache"]
    _description = "Preventive register category"
    _order = "sequence, id"
    _uchaske_non_negative_fields = ("check_cadence_days",)

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    requirement_ref = fields.Char(
        string="Requirement", help="Clause of Order No. 1095 (e.g. R11.1).")
    legal_basis = fields.Text(required=True, translate=True)
    date_in_force = fields.Date(required=True)
    date_out_of_force = fields.Date()
    check_cadence_days = fields.Integer(
        string="Check every (days)", required=True, default=30,
        help="Supervision cadence (R12): a check is due this many days after "
             "registration or after the last check.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    in_force = fields.Boolean(compute="_compute_in_force", search="_search_in_force")

    _sql_constraints = [
        ("code_unique", "unique(code)", "Category codes are unique."),
        ("cadence_positive", "CHECK(check_cadence_days > 0)",
         "The supervision cadence must be at least one day."),
    ]

    @api.multi
    def name_get(self):
        # Every list row and form of a case names its category: the names
        # of all the categories (a few dozen rows) are read once per
        # language and kept until a category changes (create, write,
        # unlink below) or a translation does (Odoo 11 then clears every
        # ormcache). Read each time, the translated column cost a statement
        # with its ir_translation join and ~5 % of a list's CPU (issue 14,
        # the load test). The access right is the caller's; categories
        # have no record rule.
        self.check_access_rights("read")
        names = self._names_by_lang(self.env.lang or "en_US")
        if all(category_id in names for category_id in self.ids):
            return [(category_id, names[category_id]) for category_id in self.ids]
        # a record being created (onchange): its own column, as read
        return super(UchaskeRegistryCategory, self.with_context(
            prefetch_fields=False)).name_get()

    @api.model
    @tools.ormcache("lang")
    def _names_by_lang(self, lang):
        """{category id: name in ``lang``} of every category, active or not."""
        categories = self.sudo().with_context(
            lang=lang, active_test=False, prefetch_fields=False).search([])
        return {category.id: category.name for category in categories}

    @api.multi
    def _compute_in_force(self):
        today = fields.Date.context_today(self)
        for category in self:
            category.in_force = category.date_in_force <= today and (
                not category.date_out_of_force or category.date_out_of_force > today)

    @api.model
    def _search_in_force(self, operator, value):
        today = fields.Date.context_today(self)
        domain = ["&", ("date_in_force", "<=", today), "|",
                  ("date_out_of_force", "=", False), ("date_out_of_force", ">", today)]
        return domain if (operator == "=") == bool(value) else ["!"] + domain

    @api.constrains("date_in_force", "date_out_of_force")
    def _check_dates(self):
        for category in self.sudo():
            if category.date_out_of_force and \
                    category.date_out_of_force <= category.date_in_force:
                raise ValidationError(_(
                    "Category %s leaves force before it enters it.") % category.name)
