# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .uchaske_person import scope_search, served_search


class UchaskePersonAddress(models.Model):
    """Address history of a person: the open row is the current address."""

    _name = "uchaske.person.address"
    _description = "Person address"
    _inherit = ["uchaske.access.journal.mixin"]  # R15
    _order = "date_from desc, id desc"
    #: the address rules of the user's groups as ONE sub-select (ir.rule)
    _rule_merge_subselects = True

    person_id = fields.Many2one(
        "uchaske.person", required=True, ondelete="cascade", index=True)
    address = fields.Char(required=True)
    district_id = fields.Many2one("uchaske.district", index=True)
    date_from = fields.Date(string="Lives there since")
    date_to = fields.Date(string="Until")
    # Issue 14: the record rules' "the person is linked to ..." answered by
    # sub-selects in the search's own query (see uchaske.person); as before,
    # an address follows the person's current district and register cases.
    scope_district_id = fields.Many2one(
        "uchaske.district", compute="_compute_scope", string="Linked district",
        search=scope_search("district_id", "person_id", lists=False))
    scope_post_id = fields.Many2one(
        "uchaske.post", compute="_compute_scope", string="Linked police point",
        search=scope_search("post_id", "person_id", lists=False))
    scope_department_id = fields.Many2one(
        "uchaske.department", compute="_compute_scope", string="Linked department",
        search=scope_search("department_id", "person_id", lists=False))
    scope_served_id = fields.Many2one(
        "res.users", compute="_compute_scope",
        search=served_search("person_id", lists=False),
        string="Served or recorded by")
    person_create_uid = fields.Many2one(
        "res.users", compute="_compute_scope", search="_search_person_create_uid",
        string="Person recorded by")

    @api.multi
    def _compute_scope(self):
        """Search-only: the record rules search these fields."""
        for row in self:
            person = row.sudo().person_id
            row.scope_district_id = person.district_id
            row.scope_post_id = person.district_id.post_id
            row.scope_department_id = person.department_id
            row.person_create_uid = person.create_uid
            row.scope_served_id = person.create_uid

    @api.model
    def _search_person_create_uid(self, operator, value):
        if operator != "=" or not value:
            return [("person_id", "=", 0)]
        return [("person_id", "inselect", (
            "SELECT id FROM uchaske_person WHERE create_uid = %s", [value]))]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for row in self.sudo():
            if row.date_from and row.date_to and row.date_to < row.date_from:
                raise ValidationError(_(
                    "The address period ends (%(end)s) before it starts "
                    "(%(start)s).") % {"end": row.date_to, "start": row.date_from})
