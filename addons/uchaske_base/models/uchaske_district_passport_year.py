# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import passport as rules

from .uchaske_scope_mixin import SUPERVISORS_READ_ONLY

#: A1 section 3, in the order of the form: (field, label)
FIGURES = [
    ("housing_total", "Housing (total)"),
    ("apartment_buildings", "Apartment buildings"),
    ("apartments", "Their apartments"),
    ("dormitories", "Dormitories"),
    ("dormitory_rooms", "Their rooms"),
    ("private_houses", "Private houses"),
    ("private_apartments", "Apartments in private houses"),
    ("dacha_plots", "Dacha plots"),
    ("dachas", "Their dachas"),
    ("residents_total", "Residents (total)"),
    ("adults", "Adults"),
    ("children", "Children"),
    ("foreigners", "Foreigners"),
    ("enterprises", "Enterprises, institutions"),
    ("joint_stock_companies", "Joint-stock companies"),
    ("farms", "Farms"),
    ("health_institutions", "Health institutions"),
    ("trade_objects", "Restaurants, cafés, shops, markets, warehouses"),
    ("exchange_points", "Currency exchange points"),
    ("banks", "Banks"),
    ("post_offices", "Post offices"),
    ("education_institutions", "Educational institutions"),
    ("car_parks", "Car parks, garage cooperatives"),
    ("leisure_places", "Cultural leisure places"),
    ("sports_complexes", "Sports complexes"),
    ("religious_total", "Religious associations (total)"),
    ("mosques", "Mosques"),
    ("churches", "Churches"),
    ("spiritual_schools", "Spiritual schools"),
]
FIGURE_NAMES = [name for name, _label in FIGURES]
#: the figures summed by a total (A1 section 3, "including")
TOTALS = {"religious_total": ("mosques", "churches", "spiritual_schools")}


class UchaskeDistrictPassportYear(models.Model):
    """A1 section 3: the district's characteristics as of 1 January of a
    year, one record (one column of the form) per passport and year.

    Figures the system knows are counted, not typed (:meth:`_counted_figures`:
    the objects of sections 4-6 by kind; the registry adds the foreigners of
    Appendix 4); the others are typed, and ``write_uid``/``write_date`` say
    who typed them last and when. A past year is read-only (A1: updated as of
    1 January each year).
    """

    _name = "uchaske.district.passport.year"
    _inherit = ["uchaske.scope.mixin"]
    # R2.3: the responsible inspector and the chief read, the district's
    # officers fill (the supervisor signs acts through the engine, R4)
    _scope_read_only_roles = SUPERVISORS_READ_ONLY
    _description = "District characteristics as of 1 January (A1 §3)"
    _order = "passport_id, year desc"
    _scope_anchor = "passport_id"
    _uchaske_non_negative_fields = tuple(FIGURE_NAMES) + ("area", "year")
    _uchaske_past_date_fields = ("date_confirmed",)

    passport_id = fields.Many2one(
        "uchaske.district.passport", string="Passport", required=True,
        ondelete="cascade", index=True)
    year = fields.Integer(required=True, index=True)
    date_as_of = fields.Date(
        string="As of", compute="_compute_date_as_of", store=True, index=True)
    is_locked = fields.Boolean(
        string="Read-only", compute="_compute_is_locked",
        help="A past year's column is read-only (A1).")
    confirmed = fields.Boolean(
        readonly=True, copy=False,
        help="The inspector confirmed the figures as of 1 January (meets the "
             "yearly deadline, A1).")
    confirmed_uid = fields.Many2one("res.users", string="Confirmed by",
                                    readonly=True, copy=False)
    date_confirmed = fields.Date(string="Confirmed on", readonly=True, copy=False)
    counted_sources = fields.Text(
        string="Counted figures", compute="_compute_counted_sources",
        help="Where each counted figure comes from.")
    area = fields.Float(string="Area (km²)", digits=(12, 2))
    housing_total = fields.Integer(string="Housing (total)")
    apartment_buildings = fields.Integer(string="Apartment buildings")
    apartments = fields.Integer(string="Their apartments")
    dormitories = fields.Integer(string="Dormitories")
    dormitory_rooms = fields.Integer(string="Their rooms")
    private_houses = fields.Integer(string="Private houses")
    private_apartments = fields.Integer(string="Apartments in private houses")
    dacha_plots = fields.Integer(string="Dacha plots")
    dachas = fields.Integer(string="Their dachas")
    residents_total = fields.Integer(string="Residents (total)")
    adults = fields.Integer(string="Adults")
    children = fields.Integer(string="Children")
    foreigners = fields.Integer(string="Foreigners")
    enterprises = fields.Integer(string="Enterprises, institutions")
    joint_stock_companies = fields.Integer(string="Joint-stock companies")
    farms = fields.Integer(string="Farms")
    health_institutions = fields.Integer(string="Health institutions")
    trade_objects = fields.Integer(
        string="Restaurants, cafés, shops, markets, warehouses")
    exchange_points = fields.Integer(string="Currency exchange points")
    banks = fields.Integer(string="Banks")
    post_offices = fields.Integer(string="Post offices")
    education_institutions = fields.Integer(string="Educational institutions")
    car_parks = fields.Integer(string="Car parks, garage cooperatives")
    leisure_places = fields.Integer(string="Cultural leisure places")
    sports_complexes = fields.Integer(string="Sports complexes")
    religious_total = fields.Integer(
        string="Religious associations (total)", compute="_compute_totals",
        store=True)
    mosques = fields.Integer(string="Mosques")
    churches = fields.Integer(string="Churches")
    spiritual_schools = fields.Integer(string="Spiritual schools")
    households_total = fields.Integer(
        string="Households known", compute="_compute_totals", store=True,
        help="Apartments, dormitory rooms and apartments in private houses "
             "(R5: the walkthrough's total).")

    _sql_constraints = [
        ("passport_year_unique", "unique(passport_id, year)",
         "The passport already has a column for this year (A1)."),
    ]

    @api.depends("year")
    def _compute_date_as_of(self):
        for record in self:
            record.date_as_of = record.year and fields.Date.to_string(
                rules.as_of(record.year))

    @api.depends("year")
    def _compute_is_locked(self):
        today = fields.Date.context_today(self)
        for record in self:
            record.is_locked = rules.is_locked(record.year, today)

    @api.depends("mosques", "churches", "spiritual_schools", "apartments",
                 "dormitory_rooms", "private_apartments")
    def _compute_totals(self):
        for record in self:
            record.religious_total = sum(
                record[name] for name in TOTALS["religious_total"])
            record.households_total = record.apartments + \
                record.dormitory_rooms + record.private_apartments

    @api.multi
    def _compute_counted_sources(self):
        sources = self._counted_figures()
        labels = {name: self._fields[name]._description_string(self.env)
                  for name in sources}
        text = "\n".join("%s: %s" % (labels[name], sources[name])
                         for name in FIGURE_NAMES if name in sources)
        for record in self:
            record.counted_sources = text

    # -- counted figures (hooks) ---------------------------------------

    @api.model
    def _counted_figures(self):
        """{figure: where it is counted from}. Hook: the registry adds the
        foreigners of Appendix 4."""
        objects = _("counted from sections 4 and 6 by kind")
        sources = {name: objects for name in (
            "enterprises", "joint_stock_companies", "farms",
            "health_institutions", "trade_objects", "exchange_points", "banks",
            "post_offices", "education_institutions", "car_parks",
            "leisure_places", "sports_complexes", "mosques", "churches",
            "spiritual_schools")}
        sources["dormitories"] = _("counted from section 5 (dormitories)")
        return sources

    @api.multi
    def _count_figures(self):
        """{column id: {figure: value}} counted now for these columns'
        passports: one grouped statement per list of sections 4-6, whatever
        the number of columns (issue 14: the new year opens 5,000 at once).
        Hook: the registry adds the foreigners of Appendix 4."""
        passport_ids = self.sudo().mapped("passport_id").ids
        by_passport = {pid: {} for pid in passport_ids}
        for model in ("uchaske.passport.enterprise", "uchaske.passport.dormitory",
                      "uchaske.passport.permit.object"):
            Entry = self.env[model]
            # counts, no entry is read: the passport's rows, whoever asks
            self.env.cr.execute(
                "SELECT passport_id, kind, count(*) FROM %s "
                "WHERE passport_id = ANY(%%s) GROUP BY passport_id, kind"
                % Entry._table, [passport_ids])
            kinds = {pid: {} for pid in passport_ids}
            for pid, kind, number in self.env.cr.fetchall():
                kinds[pid][kind] = number
            for pid, counts in by_passport.items():
                found = rules.sum_by_kind(kinds[pid], Entry._passport_figures)
                for name, value in found.items():
                    counts[name] = counts.get(name, 0) + value
        return {record.id: dict(by_passport[record.sudo().passport_id.id])
                for record in self}

    @api.multi
    def _refresh_counts(self):
        """Write the counted figures of the open (current) years, counted
        for all of them at once and written where they changed: one write
        per set of changed values (after the new year, most columns carry
        their counts already)."""
        current = self.filtered(lambda r: not r.is_locked)
        if not current:
            return
        counts = current._count_figures()
        changed = defaultdict(list)
        for record in current:
            values = tuple(sorted(
                (name, value) for name, value in counts[record.id].items()
                if record[name] != value))
            if values:
                changed[values].append(record.id)
        for values, ids in changed.items():
            self.browse(ids).sudo().with_context(
                uchaske_passport_counting=True).write(dict(values))

    # -- the yearly column ------------------------------------------------

    @api.model
    def _open_columns(self, passports, year):
        """A1: the column of ``year`` of each of ``passports`` that has none,
        pre-filled from its latest earlier column (the typed figures carry
        over; the counted ones are recounted), else from the district (area,
        residents). Returns the new columns.

        One ``INSERT ... SELECT`` for all of them, not an ORM create each
        (issue 14): on 1 January the job opens 5,000 columns, and one by one
        it took ~30 ms and 26 statements each — minutes in one transaction
        that stalled the HTTP workers. What a create would add, the
        statement writes itself: the scope (the passport's, as
        ``uchaske.scope.mixin`` computes it for an anchored record), the
        stored computed ``date_as_of`` and the totals (copied with the
        figures they sum). Idempotent: an existing column is left as it is
        (the unique (passport, year))."""
        if not passports:
            return self.browse()
        carried = ["area", "households_total"] + FIGURE_NAMES
        from_district = {"area": "d.area", "residents_total": "d.population"}
        select = ", ".join(
            "CASE WHEN l.id IS NULL THEN %s ELSE l.%s END" % (from_district[name], name)
            if name in from_district else "l.%s" % name for name in carried)
        self.env.cr.execute("""
            INSERT INTO uchaske_district_passport_year
                   (passport_id, year, date_as_of, district_id, post_id,
                    department_id, create_uid, create_date, write_uid,
                    write_date, {columns})
            SELECT p.id, %(year)s, %(as_of)s, p.district_id, p.post_id,
                   p.department_id, %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s,
                   now() AT TIME ZONE 'UTC', {select}
              FROM uchaske_district_passport p
              JOIN uchaske_district d ON d.id = p.district_id
              LEFT JOIN LATERAL (
                   SELECT * FROM uchaske_district_passport_year y
                    WHERE y.passport_id = p.id AND y.year < %(year)s
                    ORDER BY y.year DESC LIMIT 1) l ON TRUE
             WHERE p.id = ANY(%(ids)s)
               -- the existing columns skipped here (no id spent on them);
               -- ON CONFLICT for a column another transaction opens meanwhile
               AND NOT EXISTS (SELECT 1 FROM uchaske_district_passport_year e
                                WHERE e.passport_id = p.id AND e.year = %(year)s)
            ON CONFLICT (passport_id, year) DO NOTHING
            RETURNING id""".format(columns=", ".join(carried), select=select), {
                "year": year, "as_of": fields.Date.to_string(rules.as_of(year)),
                "uid": self.env.uid, "ids": passports.ids})
        new = self.browse([row[0] for row in self.env.cr.fetchall()])
        passports.invalidate_cache(["year_ids", "current_year_id"], passports.ids)
        new._refresh_counts()
        return new

    # -- checks ----------------------------------------------------------

    @api.model
    def _check_typed(self, vals):
        """A counted figure cannot be typed (A1)."""
        if self.env.context.get("uchaske_passport_counting"):
            return
        counted = self._counted_figures()
        for name in vals:
            if name in counted:
                raise self._uchaske_field_error(name, _(
                    "this figure is %s; it cannot be typed.") % counted[name])

    @api.model
    def _check_year_free(self, passport_id, year):
        if self.sudo().search_count([("passport_id", "=", passport_id),
                                     ("year", "=", year)]):
            raise ValidationError(_(
                "The passport already has a column for %s (A1): open it "
                "instead of adding another.") % year)

    @api.model
    def create(self, vals):
        self._check_typed(vals)
        if vals.get("passport_id") and vals.get("year"):
            self._check_year_free(vals["passport_id"], vals["year"])
        record = super(UchaskeDistrictPassportYear, self).create(vals)
        record._refresh_counts()
        return record

    @api.multi
    def write(self, vals):
        self._check_typed(vals)
        if not self.env.context.get("uchaske_passport_counting"):
            for record in self:
                if record.is_locked:
                    raise ValidationError(_(
                        "The figures as of 1 January %s are read-only: the "
                        "year is over (A1).") % record.year)
                if "year" in vals and vals["year"] != record.year:
                    self._check_year_free(record.passport_id.id, vals["year"])
        return super(UchaskeDistrictPassportYear, self).write(vals)

    @api.multi
    def name_get(self):
        return [(r.id, _("%(district)s as of 01.01.%(year)s") % {
            "district": r.sudo().passport_id.district_id.display_name,
            "year": r.year}) for r in self]

    @api.multi
    def action_confirm_figures(self):
        """The inspector confirms the figures as of 1 January (A1: meets the
        yearly deadline)."""
        for record in self:
            record.with_context(uchaske_passport_counting=True).write({
                "confirmed": True, "confirmed_uid": self.env.uid,
                "date_confirmed": fields.Date.context_today(self)})
        return True
