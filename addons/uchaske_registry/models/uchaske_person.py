# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import iin as iin_rules
from .uchaske_appendix_entry_mixin import ensure_index, ensure_trigram_index


class UchaskePerson(models.Model):
    """One master record per person (R11): identity, addresses, work.

    Access follows the person's current district and the districts of their
    registry cases and appendix entries; every opening, search, print and
    export is journaled (R15, ``uchaske.access.journal.mixin``).
    """

    _name = "uchaske.person"
    _description = "Person"
    _inherit = ["mail.thread", "uchaske.access.journal.mixin"]
    _order = "surname, first_name, patronymic, id"

    name = fields.Char(compute="_compute_name", store=True, index=True)
    iin = fields.Char(
        # no index=True: the unique constraint's index serves "=", the
        # pattern index of init() serves prefixes (issue 14)
        string="IIN", size=12, track_visibility="onchange",
        help="Individual identification number (12 digits, with checksum).")
    surname = fields.Char(required=True, track_visibility="onchange")
    first_name = fields.Char(string="Name", required=True,
                             track_visibility="onchange")
    patronymic = fields.Char(track_visibility="onchange")
    birth_date = fields.Date(track_visibility="onchange")
    sex = fields.Selection([("male", "Male"), ("female", "Female")])
    citizenship_id = fields.Many2one("res.country", string="Citizenship")
    photo = fields.Binary(attachment=True)
    aliases = fields.Text(
        help="Other names, nicknames, earlier surnames; one per line.")
    address_ids = fields.One2many(
        "uchaske.person.address", "person_id", string="Address history")
    address = fields.Char(
        string="Current address", compute="_compute_current_address", store=True)
    district_id = fields.Many2one(
        "uchaske.district", string="Current district",
        compute="_compute_current_address", store=True, index=True)
    department_id = fields.Many2one(
        "uchaske.department", required=True, index=True,
        default=lambda self: self.env.user.uchaske_department_id,
        help="Department that keeps the record (where the person lives or "
             "was first recorded).")
    workplace = fields.Char()
    position = fields.Char()
    phone = fields.Char(string="Mobile phone")
    phone_home = fields.Char(string="Home phone")
    phone_work = fields.Char(string="Work phone")
    case_ids = fields.One2many(
        "uchaske.registry.case", "person_id", string="Registry cases")
    case_count = fields.Integer(compute="_compute_case_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("iin_unique", "unique(iin)",
         "A person with this IIN already exists: use the existing record."),
    ]

    @api.model_cr
    def init(self):
        cr = self.env.cr
        # The cluster's collation (C.UTF-8) keeps the plain btree from
        # serving LIKE 'prefix%': text_pattern_ops does (issue 14).
        ensure_index(cr, "uchaske_person_iin_pattern_index", self._table,
                     "iin text_pattern_ops")
        ensure_trigram_index(cr, self._table, "name")

    @api.model
    def _name_search(self, name="", args=None, operator="ilike", limit=100,
                     name_get_uid=None):
        """Digits find the persons whose IIN starts with them (R11: a
        person is looked up by IIN); the journal (R15) wraps name_search."""
        text = (name or "").strip()
        if text.isdigit() and len(text) <= 12 and \
                operator in ("ilike", "like", "=ilike", "=like"):
            access_rights_uid = name_get_uid or self._uid
            ids = self._search(
                [("iin", "=like", text + "%")] + list(args or []), limit=limit,
                access_rights_uid=access_rights_uid)
            return self.browse(ids).sudo(access_rights_uid).name_get()
        return super(UchaskePerson, self)._name_search(
            name=name, args=args, operator=operator, limit=limit,
            name_get_uid=name_get_uid)

    @api.depends("surname", "first_name", "patronymic")
    def _compute_name(self):
        for person in self:
            person.name = " ".join(
                part for part in (person.surname, person.first_name, person.patronymic)
                if part)

    @api.depends("address_ids.date_from", "address_ids.date_to",
                 "address_ids.address", "address_ids.district_id")
    def _compute_current_address(self):
        for person in self:
            current = person.address_ids.filtered(lambda a: not a.date_to).sorted(
                lambda a: (a.date_from or "", a.id), reverse=True)[:1]
            person.address = current.address
            person.district_id = current.district_id

    @api.multi
    def _compute_case_count(self):
        for person in self:
            person.case_count = len(person.case_ids)

    @api.constrains("iin", "birth_date", "sex")
    def _check_iin(self):
        """IIN: 12 digits, a valid birth date, the official checksum; it must
        agree with the birth date and sex entered."""
        for person in self.sudo():
            if not person.iin:
                continue
            try:
                iin_rules.validate_iin(person.iin)
            except iin_rules.InvalidIIN as error:
                reasons = {
                    "format": _("it must be exactly 12 digits"),
                    "date": _("its first six digits are not a valid birth date"),
                    "century": _("its 7th digit must be 1 to 6"),
                    "checksum": _("its check digit is wrong"),
                }
                raise ValidationError(_("Invalid IIN %(iin)s: %(reason)s.") % {
                    "iin": person.iin,
                    "reason": reasons.get(error.reason, error.reason)})
            born = iin_rules.birth_date_from_iin(person.iin)
            if person.birth_date and fields.Date.from_string(person.birth_date) != born:
                raise ValidationError(_(
                    "The IIN %(iin)s belongs to a person born on %(born)s, not "
                    "%(entered)s.") % {"iin": person.iin, "born": born,
                                       "entered": person.birth_date})
            if person.sex and person.sex != iin_rules.sex_from_iin(person.iin):
                raise ValidationError(_(
                    "The IIN %s does not match the sex entered.") % person.iin)
            person._check_iin_free(person.iin)

    @api.multi
    def _check_iin_free(self, iin):
        """One master record per IIN: refuse a second one, naming where the
        first is kept (checked before writing, so the user gets this message
        rather than the database's unique-constraint error)."""
        duplicate = self.sudo().search(
            [("iin", "=", iin), ("id", "not in", self.ids)], limit=1)
        if duplicate:
            raise ValidationError(_(
                "A person with IIN %(iin)s is already recorded (by "
                "%(department)s). Use the existing record.") % {
                    "iin": iin, "department": duplicate.department_id.name})

    @api.constrains("birth_date")
    def _check_birth_date(self):
        today = fields.Date.context_today(self)
        for person in self.sudo():
            if person.birth_date and person.birth_date > today:
                raise ValidationError(_(
                    "The birth date %s is in the future.") % person.birth_date)

    @api.onchange("iin")
    def _onchange_iin(self):
        if self.iin and iin_rules.is_valid_iin(self.iin):
            self.birth_date = fields.Date.to_string(
                iin_rules.birth_date_from_iin(self.iin))
            self.sex = iin_rules.sex_from_iin(self.iin)

    @api.model
    def create(self, vals):
        if vals.get("iin"):
            vals = dict(vals, iin=vals["iin"].strip())
            self.browse()._check_iin_free(vals["iin"])
        return super(UchaskePerson, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("iin"):
            vals = dict(vals, iin=vals["iin"].strip())
            self._check_iin_free(vals["iin"])
        return super(UchaskePerson, self).write(vals)
