# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import _, api, fields, models
from odoo.tools import html_escape

from .uchaske_district_passport_year import FIGURE_NAMES
from .uchaske_scope_mixin import SUPERVISORS_READ_ONLY


class UchaskeDistrictPassport(models.Model):
    """The district's electronic passport (R19, A1): one per district,
    created with it. Cover, the handover acts (§1, R4), the plan (§2), the
    figures as of 1 January of each year (§3), the lists of §4-§6, and the
    one-month walkthrough (R5)."""

    _name = "uchaske.district.passport"
    _inherit = ["mail.thread", "uchaske.scope.mixin"]
    # R2.3: the responsible inspector and the chief read, the district's
    # officers fill (the supervisor signs acts through the engine, R4)
    _scope_read_only_roles = SUPERVISORS_READ_ONLY
    _description = "District passport (Appendix 1)"
    _order = "department_id, district_id"
    _rec_name = "district_id"
    _uchaske_past_date_fields = ("date_started",)

    district_id = fields.Many2one(
        required=True, ondelete="cascade", readonly=True)
    district_number = fields.Integer(
        related="district_id.number", string="District No.", readonly=True)
    # stored: the list shows it, and reading it through the district
    # re-read the whole passport row as superuser (issue 14)
    inspector_id = fields.Many2one(
        related="district_id.inspector_id", string="Inspector", readonly=True,
        store=True)
    date_started = fields.Date(
        string="Started on", default=fields.Date.context_today,
        track_visibility="onchange")
    date_finished = fields.Date(string="Finished on", track_visibility="onchange")
    retention_period = fields.Char(
        string="Retention period", default=lambda self: _("Permanently"))
    plan = fields.Binary(
        string="District plan", attachment=True,
        help="A1 §2: directions, deployment of forces and means (image or PDF).")
    plan_filename = fields.Char()
    plan_note = fields.Text(string="Plan notes")
    year_ids = fields.One2many(
        "uchaske.district.passport.year", "passport_id", string="Figures by year")
    enterprise_ids = fields.One2many(
        "uchaske.passport.enterprise", "passport_id",
        string="Enterprises, institutions, organisations")
    dormitory_ids = fields.One2many(
        "uchaske.passport.dormitory", "passport_id", string="Dormitories, hotels")
    permit_object_ids = fields.One2many(
        "uchaske.passport.permit.object", "passport_id",
        string="Permit-system objects")
    handover_ids = fields.One2many(
        "uchaske.district.handover", "passport_id", string="Handover acts")
    walkthrough_ids = fields.One2many(
        "uchaske.district.walkthrough", "passport_id", string="Walkthroughs")
    current_year_id = fields.Many2one(
        "uchaske.district.passport.year", compute="_compute_current",
        string="Current figures")
    walkthrough_id = fields.Many2one(
        "uchaske.district.walkthrough", compute="_compute_current",
        string="Current walkthrough")
    walkthrough_progress = fields.Float(
        compute="_compute_current", string="Walkthrough progress (%)")
    stale_count = fields.Integer(
        compute="_compute_stale_count", string="Stale entries")

    _sql_constraints = [
        ("district_unique", "unique(district_id)",
         "A district has one passport (A1)."),
    ]

    @api.multi
    def _compute_current(self):
        """The newest year column and walkthrough of each passport, and the
        walkthrough's stored progress, in one statement for the whole page
        (issue 14: the list read every year, walkthrough and their rules per
        passport, 26 statements for one row; then each walkthrough's row
        again for its progress). Same order as ``year_ids`` /
        ``walkthrough_ids``; these rows share their passport's district, so
        its readers read them."""
        current = {}
        ids = [pid for pid in self.ids if isinstance(pid, int)]
        if ids:
            self.env.cr.execute("""
                SELECT p.id,
                       (SELECT y.id FROM uchaske_district_passport_year y
                         WHERE y.passport_id = p.id
                         ORDER BY y.year DESC LIMIT 1),
                       w.id, w.progress
                  FROM uchaske_district_passport p
                  LEFT JOIN LATERAL (
                       SELECT w.id, w.progress
                         FROM uchaske_district_walkthrough w
                        WHERE w.passport_id = p.id
                        ORDER BY w.date_appointed DESC, w.id DESC LIMIT 1) w
                    ON TRUE
                 WHERE p.id = ANY(%s)""", [ids])
            current = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        Year = self.env["uchaske.district.passport.year"]
        Walkthrough = self.env["uchaske.district.walkthrough"]
        for passport in self:
            year_id, walkthrough_id, progress = current.get(
                passport.id, (None, None, None))
            passport.current_year_id = Year.browse(year_id)
            passport.walkthrough_id = Walkthrough.browse(walkthrough_id)
            passport.walkthrough_progress = progress or 0.0

    @api.multi
    def _compute_stale_count(self):
        """A1 §4–§6: entries not confirmed for over a year (stored
        ``is_stale``), counted for the whole page in one statement."""
        counts = {}
        ids = [pid for pid in self.ids if isinstance(pid, int)]
        if ids:
            self.env.cr.execute("""
                SELECT passport_id, count(*) FROM (
                    SELECT passport_id FROM uchaske_passport_enterprise
                     WHERE is_stale AND passport_id = ANY(%(ids)s)
                    UNION ALL
                    SELECT passport_id FROM uchaske_passport_dormitory
                     WHERE is_stale AND passport_id = ANY(%(ids)s)
                    UNION ALL
                    SELECT passport_id FROM uchaske_passport_permit_object
                     WHERE is_stale AND passport_id = ANY(%(ids)s)) entries
                 GROUP BY passport_id""", {"ids": ids})
            counts = dict(self.env.cr.fetchall())
        for passport in self:
            passport.stale_count = counts.get(passport.id, 0)

    @api.multi
    def name_get(self):
        # the passport read as the user (R7: another department's is
        # refused), its district named whatever the district's rules
        return [(p.id, _("Passport of district %s")
                 % p.district_id.sudo().display_name) for p in self]

    # -- creation with the district, the yearly column ----------------

    @api.model
    def _ensure_all(self):
        """Every district has its passport (install, upgrade, new
        district) with the current year's column. The districts without one
        are found by one statement (5,000 districts nationally)."""
        self.env.cr.execute("""
            SELECT d.id FROM uchaske_district d
             WHERE NOT EXISTS (SELECT 1 FROM uchaske_district_passport p
                                WHERE p.district_id = d.id)
             ORDER BY d.id""")
        for district_id, in self.env.cr.fetchall():
            self.sudo().create({"district_id": district_id})
        return True

    @api.model
    def create(self, vals):
        passport = super(UchaskeDistrictPassport, self).create(vals)
        passport.sudo()._open_year(self._today().year)
        return passport

    @api.model
    def _today(self):
        return fields.Date.from_string(fields.Date.context_today(self))

    @api.multi
    def _open_year(self, year):
        """A1: the column of ``year`` of each passport that lacks it (see
        ``uchaske.district.passport.year._open_columns``)."""
        return self.env["uchaske.district.passport.year"].sudo()._open_columns(
            self, year)

    @api.model
    def _cron_open_year(self):
        """A1, 1 January: open the new year's column of every passport (the
        yearly deadline asks the inspector to confirm it); the past year
        becomes read-only by itself."""
        self._ensure_all()
        self.sudo().search([])._open_year(self._today().year)
        for model in ("uchaske.passport.enterprise", "uchaske.passport.dormitory",
                      "uchaske.passport.permit.object"):
            self.env[model]._cron_refresh_stale()
        return True

    @api.multi
    def _refresh_counts(self):
        self.mapped("year_ids")._refresh_counts()

    @api.multi
    def action_recount(self):
        self._refresh_counts()
        return True

    # -- the handover snapshot (R4) -------------------------------------

    @api.multi
    def _snapshot_register(self):
        """Open register cases of the district by category: [(category,
        count)]. Hook: the registry fills it (base knows no register)."""
        return []

    @api.multi
    def _snapshot_deadlines(self):
        self.ensure_one()
        lines = self.env["uchaske.workflow.deadline.line"].sudo().search([
            ("district_id", "=", self.district_id.id), ("state", "=", "open")],
            order="date_due")
        return [{"requirement": line.requirement_ref,
                 "record": line.record_name or "",
                 "due": line.date_due} for line in lines]

    @api.multi
    def _snapshot_data(self):
        """The whole passport as plain data, frozen on the act (R4)."""
        self.ensure_one()
        passport = self.sudo()
        year = passport.year_ids[:1]
        data = {
            "district": passport.district_id.display_name,
            "department": passport.department_id.name,
            "year": year.year,
            "figures": {name: year[name] for name in ["area"] + FIGURE_NAMES},
            "register": [list(row) for row in self._snapshot_register()],
            "deadlines": self._snapshot_deadlines(),
        }
        for key, entries in (("enterprises", passport.enterprise_ids),
                             ("dormitories", passport.dormitory_ids),
                             ("permit_objects", passport.permit_object_ids)):
            data[key] = [{"number": e.number, "name": e.name,
                          "address": e.address or "",
                          "confirmed": e.date_confirmed or "",
                          "stale": e.is_stale} for e in entries]
        return data

    @api.model
    def _snapshot_html(self, data):
        """A readable rendering of :meth:`_snapshot_data`."""
        Year = self.env["uchaske.district.passport.year"]
        labels = {name: Year._fields[name]._description_string(self.env)
                  for name in data["figures"]}

        def table(title, rows):
            body = "".join("<tr>%s</tr>" % "".join(
                "<td>%s</td>" % html_escape(str(cell)) for cell in row)
                for row in rows)
            return "<h4>%s</h4><table class='table table-condensed'>%s</table>" % (
                html_escape(title), body or "<tr><td>—</td></tr>")

        parts = [table(_("Figures as of 1 January %s") % data["year"],
                       [(labels[k], v) for k, v in data["figures"].items()])]
        for key, title in (("enterprises", _("Enterprises, institutions, "
                                             "organisations")),
                           ("dormitories", _("Dormitories, hotels")),
                           ("permit_objects", _("Permit-system objects"))):
            parts.append(table(title, [(e["number"], e["name"], e["address"],
                                        e["confirmed"]) for e in data[key]]))
        parts.append(table(_("Open register cases by category"),
                           data["register"]))
        parts.append(table(_("Open deadlines"), [
            (d["requirement"], d["record"], d["due"]) for d in data["deadlines"]]))
        return "".join(parts)

    @api.multi
    def _snapshot(self):
        """(json, html) of the passport now."""
        data = self._snapshot_data()
        return json.dumps(data, ensure_ascii=False, sort_keys=True), \
            self._snapshot_html(data)

    # -- actions -------------------------------------------------------------

    @api.multi
    def action_start_walkthrough(self):
        """R5: the walkthrough of the current inspector, from their
        appointment."""
        self.ensure_one()
        walkthrough = self.env["uchaske.district.walkthrough"]._open_for(
            self, self.district_id.inspector_id)
        return {"type": "ir.actions.act_window",
                "res_model": walkthrough._name, "res_id": walkthrough.id,
                "view_mode": "form", "target": "current"}

    # -- demo ------------------------------------------------------------------

    @api.model
    def _demo_populate(self):
        """Demo: every passport with two years of figures, entries in §4-§6
        (one stale), one confirmed handover act with its snapshot and the
        accepting inspector's walkthrough in progress with two visits."""
        today = self._today()
        inspector_group = self.env.ref("uchaske_base.group_inspector")
        for index, passport in enumerate(self.sudo().search([])):
            if passport.handover_ids or len(passport.year_ids) > 1:
                continue  # filled already
            district = passport.district_id
            current = passport.year_ids.filtered(lambda y: y.year == today.year)
            figures = {"area": 4.5 + index, "housing_total": 60 + index,
                       "apartment_buildings": 12 + index, "apartments": 480,
                       "dormitory_rooms": 40, "private_houses": 35,
                       "private_apartments": 35, "residents_total": 1900,
                       "adults": 1450, "children": 450}
            previous = dict(figures, apartments=470, residents_total=1850,
                            adults=1420, children=430)
            self.env["uchaske.district.passport.year"].with_context(
                uchaske_passport_counting=True).create(dict(
                    previous, passport_id=passport.id, year=today.year - 1,
                    confirmed=True, date_confirmed="%s-01-20" % (today.year - 1)))
            current.write(figures)
            stale_day = fields.Date.to_string(today.replace(year=today.year - 2))
            self.env["uchaske.passport.enterprise"].create({
                "passport_id": passport.id, "name": "Halyk Bank branch",
                "kind": "bank", "ownership": "JSC", "address": "Abay 10",
                "work_schedule": "09:00-18:00", "security": "Private guard, alarm",
                "video_surveillance": "Yes"})
            self.env["uchaske.passport.enterprise"].create({
                "passport_id": passport.id, "name": "Central market",
                "kind": "trade", "address": "Bazarnaya 1",
                "date_confirmed": stale_day})
            self.env["uchaske.passport.dormitory"].create({
                "passport_id": passport.id, "name": "College dormitory",
                "kind": "dormitory", "address": "Satpayev 22",
                "access_regime": "mixed", "access_control": True})
            self.env["uchaske.passport.permit.object"].create({
                "passport_id": passport.id, "name": "Hunting shop Berkut",
                "affiliation": "Ministry of Trade", "ownership": "LLP",
                "address": "Abay 40", "access_regime": "Pass office",
                "security": "Police guard"})
            staff = self.env["res.users"].search([
                ("uchaske_department_id", "=", passport.department_id.id),
                ("groups_id", "in", inspector_group.id),
                ("id", "!=", passport.department_id.chief_id.id)], order="id")
            accepting = district.inspector_id or staff[:1]
            handing = (staff - accepting)[:1]
            supervisor = passport.department_id.chief_id
            if not (accepting and handing and supervisor):
                continue
            act = self.env["uchaske.district.handover"].create({
                "passport_id": passport.id, "handing_user_id": handing.id,
                "accepting_user_id": accepting.id, "supervisor_id": supervisor.id,
                "supervisor_position": "Chief of the department",
                "remarks": "District accepted; the market's list to be updated."})
            act.sudo(handing).wf_apply("hand_over")
            act.sudo(accepting).wf_apply("accept")
            act.sudo(supervisor).wf_apply("confirm")
            walkthrough = passport.walkthrough_ids[:1]
            walkthrough.write({"visit_ids": [
                (0, 0, {"address": "Abay 10, apt 1", "result": "met"}),
                (0, 0, {"address": "Abay 10, apt 2", "result": "absent"})]})
        self.env["uchaske.passport.enterprise"]._cron_refresh_stale()
        return True
