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
    _order = "date_start desc, id desc"

    district_id = fields.Many2one(
        "uchaske.district", required=True, ondelete="cascade", index=True)
    # stored here, not a related field: a related field is filled by a
    # recomputation after the insert, and the record rule (own department)
    # was checked on the still empty value (the chief could not create one)
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

    @api.model
    def _prepare_department(self, vals):
        if vals.get("district_id"):
            # sudo: a district the user may not read is refused by the input
            # check with the field's name, not here by a bare AccessError
            district = self.env["uchaske.district"].sudo().browse(vals["district_id"])
            vals["department_id"] = district.department_id.id
        return vals

    @api.model
    def create(self, vals):
        return super(UchaskeDistrictAssignment, self).create(
            self._prepare_department(dict(vals)))

    @api.multi
    def write(self, vals):
        return super(UchaskeDistrictAssignment, self).write(
            self._prepare_department(dict(vals)))
