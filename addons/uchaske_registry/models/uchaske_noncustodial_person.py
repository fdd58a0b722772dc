# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import appendix
from .uchaske_appendix_entry_mixin import ensure_scope_index


class UchaskeNoncustodialPerson(models.Model):
    """A3, R17.2: a person living in the district who was sentenced to a
    punishment not involving isolation from society, or to another
    criminal-law measure. The list is drawn up "as of a date": a person is on
    it from the day entered until the day removed (``listed_on_date``, the
    date taken from the context key ``as_of``, today by default).

    The fields follow the columns of Appendix 3 (1-8).
    """

    _name = "uchaske.noncustodial.person"
    _description = "Person sentenced without isolation (Appendix 3)"
    _inherit = ["mail.thread", "mail.activity.mixin",
                "uchaske.access.journal.mixin", "uchaske.appendix.entry.mixin"]
    _order = "district_id, number, id"

    _person_defaults = {
        "address": "address",
        "workplace": "workplace",
        "position": "position",
        "work_phone": "phone_work",
        "home_phone": "phone_home",
    }

    @api.model_cr
    def init(self):
        super(UchaskeNoncustodialPerson, self).init()
        ensure_scope_index(self.env.cr, self._table)

    name = fields.Char(related="person_id.name", store=True, readonly=True)
    # A3 column 1
    number = fields.Integer(string="No.", readonly=True, copy=False,
                            help="Row number in the district's list.")
    # A3 column 2
    person_id = fields.Many2one(
        "uchaske.person", string="Person", required=True, ondelete="restrict",
        index=True, track_visibility="onchange")
    # A3 column 3
    birth_date = fields.Date(related="person_id.birth_date", readonly=True)
    # A3 column 4
    address = fields.Char(track_visibility="onchange")
    # A3 column 5
    workplace = fields.Char()
    position = fields.Char()
    work_phone = fields.Char()
    home_phone = fields.Char()
    # A3 column 6
    date_entered = fields.Date(
        string="Entered in the list on", required=True,
        default=fields.Date.context_today, track_visibility="onchange")
    # A3 column 7
    date_removed = fields.Date(string="Removed from the list on",
                               track_visibility="onchange")
    # A3 column 8
    special_marks = fields.Text()
    measure = fields.Char(
        string="Punishment or measure",
        help="The punishment not involving isolation from society, or the "
             "other criminal-law measure, and the court that imposed it.")
    listed_on_date = fields.Boolean(
        compute="_compute_listed_on_date", search="_search_listed_on_date",
        string="On the list",
        help="On the list as of the date in the context key \"as_of\" (today "
             "by default): entered on or before it, not removed by then.")
    active = fields.Boolean(default=True)

    @api.model
    def _as_of(self):
        """The date the list is drawn up for: context ``as_of`` or today."""
        value = self.env.context.get("as_of")
        if isinstance(value, date):
            return value
        if value:
            return fields.Date.from_string(value)
        return self._today()

    @api.depends("date_entered", "date_removed")
    def _compute_listed_on_date(self):
        as_of = self._as_of()
        for entry in self:
            entry.listed_on_date = bool(entry.date_entered) and appendix.is_listed_on(
                fields.Date.from_string(entry.date_entered),
                fields.Date.from_string(entry.date_removed), as_of)

    @api.model
    def _search_listed_on_date(self, operator, value):
        # appendix.is_listed_on as a domain: entered <= as_of < removed
        as_of = fields.Date.to_string(self._as_of())
        domain = ["&", ("date_entered", "<=", as_of),
                  "|", ("date_removed", "=", False), ("date_removed", ">", as_of)]
        return domain if (operator == "=") == bool(value) else ["!"] + domain

    @api.constrains("date_entered", "date_removed")
    def _check_dates(self):
        entries = self.sudo()
        entries._check_not_future({
            "date_entered": _("date entered in the list"),
            "date_removed": _("date removed from the list"),
        })
        entries._check_not_before("date_removed", "date_entered", _(
            "%(person)s: removed from the list on %(later)s, before being "
            "entered (%(earlier)s)."))

    @api.constrains("person_id", "date_entered", "date_removed", "active")
    def _check_overlap(self):
        """A person is on the list once at a time: two entries of the same
        person may not overlap."""
        for entry in self.sudo():
            if not entry.active:
                continue
            domain = [("id", "!=", entry.id), ("person_id", "=", entry.person_id.id),
                      "|", ("date_removed", "=", False),
                      ("date_removed", ">", entry.date_entered)]
            if entry.date_removed:
                domain.append(("date_entered", "<", entry.date_removed))
            other = self.sudo().search(domain, limit=1)
            if other:
                if other.date_removed:
                    period = _("from %(entered)s to %(removed)s") % {
                        "entered": other.date_entered,
                        "removed": other.date_removed}
                else:
                    period = _("since %s") % other.date_entered
                raise ValidationError(_(
                    "%(person)s is already on the list of %(district)s "
                    "%(period)s: periods on the list may not overlap.") % {
                        "person": entry.person_id.name,
                        "district": other.district_id.display_name,
                        "period": period})
