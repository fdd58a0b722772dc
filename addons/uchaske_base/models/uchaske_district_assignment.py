# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class UchaskeDistrictAssignment(models.Model):
    """Who served a district as inspector or assistant, from when to when.

    The appointment date matters: R4 (acceptance of the district in the
    presence of the deputy chief or the local police service chief) and R5
    (walk-through within one month of appointment).
    """

    _name = "uchaske.district.assignment"
    _description = "District assignment"
    _inherit = ["uchaske.scope.mixin"]
    _order = "date_start desc, id desc"
    # the whole department sees its assignments (uchaske_rules.xml)
    _scope_rules = False

    district_id = fields.Many2one(
        "uchaske.district", required=True, ondelete="cascade", index=True)
    # set from the district by uchaske.scope.mixin (sudo: a district the
    # user may not read is refused by the input check with the field's name)
    department_id = fields.Many2one(
        "uchaske.department", required=True, readonly=True, index=True,
        help="The district's department (set from the district).")
    user_id = fields.Many2one("res.users", string="Officer", required=True, index=True)
    role = fields.Selection(
        [("inspector", "Inspector"), ("assistant", "Assistant")], required=True)
    date_start = fields.Date(string="Appointed on", required=True)
    date_end = fields.Date(string="Served until")
    order_number = fields.Char(string="Appointment order No.")
    acceptance_supervisor_id = fields.Many2one(
        "res.users", string="Accepted in presence of",
        help="Deputy chief or local police service chief present at the "
             "acceptance of the district (R4).")
    note = fields.Text()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for assignment in self.sudo():
            if assignment.date_end and assignment.date_end < assignment.date_start:
                raise ValidationError(_(
                    "The end of service (%(end)s) cannot be before the "
                    "appointment (%(start)s).") % {
                        "end": assignment.date_end, "start": assignment.date_start})
