# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import ValidationError


def escape_like(value):
    """Return ``value`` with the LIKE wildcards escaped (for ``=ilike``)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class UchaskeAppendixEntryMixin(models.AbstractModel):
    """What the lists of Appendices 2-4 (R17) have in common.

    Each entry belongs to the district whose inspector keeps the list; the
    department and the police point follow the district (they drive the
    record rules, R16, R24). Each entry has a row number "No." in the
    district's list (column 1 of every appendix), takes the address and
    phones of the person by default, and signals its deadlines to the
    district's inspector with one activity per kind (R22.10, A4).
    """

    _name = "uchaske.appendix.entry.mixin"
    _inherit = ["uchaske.district.scope.mixin"]
    _description = "Entry of a list of Appendices 2-4 (R17)"

    #: {entry field: uchaske.person field} copied from the person by default
    _person_defaults = {}

    district_id = fields.Many2one(
        "uchaske.district", required=True, ondelete="restrict", index=True,
        track_visibility="onchange",
        default=lambda self: self.env.user.uchaske_district_ids[:1],
        help="The district whose inspector keeps this list (R17).")
    department_id = fields.Many2one(
        "uchaske.department", readonly=True, index=True)
    post_id = fields.Many2one("uchaske.post", string="Police point",
                              readonly=True, index=True)

    # -- helpers ---------------------------------------------------------

    @api.model
    def _prepare_scope_vals(self, vals):
        """Department and police point follow the district."""
        if vals.get("district_id"):
            district = self.env["uchaske.district"].sudo().browse(vals["district_id"])
            vals["department_id"] = district.department_id.id
            vals["post_id"] = district.post_id.id
        return vals

    @api.model
    def _prepare_person_vals(self, vals):
        """Address and phones default to the person's (``_person_defaults``)."""
        if vals.get("person_id"):
            person = self.env["uchaske.person"].sudo().browse(vals["person_id"])
            for name, person_field in self._person_defaults.items():
                if name not in vals and person[person_field]:
                    vals[name] = person[person_field]
        return vals

    @api.model
    def _next_number(self, district_id, exclude_ids=()):
        """Column 1 "No.": the next row number in the district's list."""
        last = self.sudo().with_context(active_test=False).search(
            [("district_id", "=", district_id), ("id", "not in", list(exclude_ids))],
            order="number desc", limit=1)
        return (last.number or 0) + 1

    @api.model
    def _today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    @api.multi
    def _check_not_future(self, labels):
        """Raise if one of the dates ``labels`` ({field: label}) is after
        today: these dates record what has already happened."""
        today = fields.Date.context_today(self)
        for entry in self:
            for name, label in labels.items():
                if entry[name] and entry[name] > today:
                    raise ValidationError(_(
                        "%(person)s: the %(label)s (%(date)s) cannot be in the "
                        "future.") % {"person": entry.person_id.name,
                                      "label": label, "date": entry[name]})

    @api.multi
    def _check_not_before(self, later, earlier, message):
        """Raise ``message`` (with %(later)s and %(earlier)s) if the date in
        field ``later`` is before the date in field ``earlier``."""
        for entry in self:
            if entry[later] and entry[earlier] and entry[later] < entry[earlier]:
                raise ValidationError(message % {
                    "person": entry.person_id.name,
                    "later": entry[later], "earlier": entry[earlier]})

    @api.multi
    def _alert_user(self):
        """Who is told about a deadline: the substitute serving the district
        today (R6), else its inspector, else the department chief."""
        self.ensure_one()
        district = self.district_id.sudo()
        return district.substitute_id or district.inspector_id or \
            self.department_id.sudo().chief_id

    @api.multi
    def _alert_activities(self, summary):
        self.ensure_one()
        return self.sudo().activity_ids.filtered(lambda a: a.summary == summary)

    @api.multi
    def _schedule_alert(self, summary, day, note=""):
        """One open activity per ``summary``: an older one is replaced."""
        self.ensure_one()
        self._alert_activities(summary).unlink()
        user = self._alert_user()
        if not user:
            return self.env["mail.activity"]
        return self._uchaske_schedule_activity(user, summary, day, note)

    @api.constrains("district_id")
    def _check_scope(self):
        """R17, R16, R24: a list entry is kept in a district the user
        serves (it moves only between such districts)."""
        self._check_district_scope()

    @api.model
    def _check_scope_fields(self, vals):
        """Department and police point follow the district: set by hand
        they would show the entry to another department."""
        if self.env.uid != SUPERUSER_ID and \
                {"department_id", "post_id"} & set(vals):
            raise ValidationError(_(
                "Department and police point follow the district: they are "
                "not set by hand."))

    # -- onchange and CRUD -------------------------------------------------

    @api.onchange("person_id")
    def _onchange_person_id(self):
        person = self.person_id
        for name, person_field in self._person_defaults.items():
            if person and not self[name]:
                self[name] = person[person_field]

    @api.model
    def create(self, vals):
        self._check_scope_fields(vals)
        vals = self._prepare_person_vals(self._prepare_scope_vals(dict(vals)))
        if not vals.get("number") and vals.get("district_id"):
            vals["number"] = self._next_number(vals["district_id"])
        return super(UchaskeAppendixEntryMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_scope_fields(vals)
        if "district_id" in vals:
            vals = self._prepare_scope_vals(dict(vals))
        result = super(UchaskeAppendixEntryMixin, self).write(vals)
        if vals.get("district_id") and "number" not in vals:
            # a row moved to another district's list gets that list's next No.
            for entry in self:
                entry.number = self._next_number(vals["district_id"], entry.ids)
        return result
