# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import daily_work, dashboard, relocation


class UchaskeRegistryTransfer(models.Model):
    """R14: a registered person moves permanently to another district.

    Workflow: draft (move recorded; the request to the destination is due
    within 3 × 24 h of the move) → requested → confirmed (by the destination's
    responsible inspector, which creates the case there; or by hand with the
    confirming document when the destination is outside the system) → done
    (materials sent). The destination may report the person not found. Until
    confirmation the origin inspector stays responsible; both departments see
    the transfer while it is open.
    """

    _name = "uchaske.registry.transfer"
    _description = "Transfer on relocation (R14)"
    # the scope first: its engine hooks replace the engine's defaults
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin",
                "uchaske.access.journal.mixin", "uchaske.dashboard.bucket.mixin"]
    _order = "id desc"
    #: the origin (district, department, police point) follows the case;
    #: the destination sees the transfer through hand-written rules
    _scope_anchor = "case_id"
    _dashboard_bucket_field = "age_bucket"
    _uchaske_past_date_fields = (
        "request_date", "confirmation_date", "materials_sent_date")
    # R14: the origin names a department (and district) it cannot read
    _uchaske_foreign_reference_fields = (
        "destination_department_id", "destination_district_id")

    # computed in the reader's language, not stored in the creator's
    name = fields.Char(compute="_compute_name", search="_search_name")
    case_id = fields.Many2one(
        "uchaske.registry.case", required=True, ondelete="restrict", index=True)
    person_id = fields.Many2one(related="case_id.person_id", store=True,
                                readonly=True)
    district_id = fields.Many2one(
        "uchaske.district", string="Origin district", required=True,
        readonly=True, index=True)
    department_id = fields.Many2one(string="Origin department", required=True)
    inspector_id = fields.Many2one(
        "res.users", string="Origin inspector", readonly=True,
        help="Stays responsible until the destination confirms (R14).")
    move_date = fields.Datetime(required=True, string="Moved on")
    new_address = fields.Char(required=True)
    destination_external = fields.Boolean(
        string="Destination outside the system",
        help="The destination department does not use Uchaske: its confirming "
             "document is recorded by hand.")
    destination_department_id = fields.Many2one(
        "uchaske.department", index=True)
    destination_district_id = fields.Many2one("uchaske.district")
    destination_external_name = fields.Char(string="Destination body")
    request_number = fields.Char(string="Request No.")
    request_date = fields.Datetime(string="Request sent on")
    request_due = fields.Datetime(
        compute="_compute_request_due", store=True,
        help="R14: three 24-hour days after the move.")
    request_late = fields.Boolean(compute="_compute_request_due", store=True)
    confirmation_number = fields.Char(string="Confirmation No.")
    confirmation_date = fields.Date()
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    destination_case_id = fields.Many2one(
        "uchaske.registry.case", readonly=True, string="Case at destination")
    materials_sent_date = fields.Date()
    materials_document = fields.Char(string="Materials cover letter No.")
    # issue 13: the dashboards group open transfers by age (refreshed daily)
    age_bucket = fields.Selection([
        ("d3", "Up to 3 days"),
        ("d10", "4 to 10 days"),
        ("d30", "11 to 30 days"),
        ("older", "Over 30 days"),
    ], string="Age since the move", compute="_compute_age_bucket", store=True,
        index=True, help="Days since the move of a transfer still open "
                         "(R14: the request is due within 3 days).")

    @api.depends("person_id", "move_date")
    def _compute_name(self):
        # the two columns of all the transfers in one statement
        self.with_context(prefetch_fields=False)._uchaske_prefetch_columns(
            ["person_id", "move_date"])
        # translated once, not per transfer (``_`` looks the language up)
        label = _("Transfer of %(person)s (%(date)s)")
        for transfer in self:
            transfer.name = label % {
                "person": transfer.person_id.name or "",
                "date": (transfer.move_date or "")[:10]}

    @api.model
    def _search_name(self, operator, value):
        return [("person_id.name", operator, value)]

    @api.depends("move_date", "request_date")
    def _compute_request_due(self):
        for transfer in self:
            if not transfer.move_date:
                continue
            moved = fields.Datetime.from_string(transfer.move_date)
            transfer.request_due = fields.Datetime.to_string(
                relocation.request_due(moved))
            transfer.request_late = bool(transfer.request_date) and \
                relocation.request_sent_late(
                    moved, fields.Datetime.from_string(transfer.request_date))

    @api.depends("move_date")
    def _compute_age_bucket(self):
        # not on the state: a transition may end the writer's access (R14,
        # "not found" by the destination) and the recomputation would fail;
        # the dashboard filters the open transfers itself
        # the days since the move are the department's days: a move at
        # 01:00 in Kazakhstan is on that day, not on the UTC day before
        today = fields.Date.from_string(fields.Date.context_today(self))
        for transfer in self:
            if transfer.move_date:
                transfer.age_bucket = dashboard.transfer_age_bucket(
                    daily_work.to_local(
                        fields.Datetime.from_string(transfer.move_date),
                        transfer.department_id._local_tz()), today)

    @api.model
    def _dashboard_bucket_sql(self, today):
        # dashboard.transfer_age_bucket in SQL, the move's day in its
        # department's zone as above
        (d3, l3), (d10, l10), (d30, l30) = dashboard.TRANSFER_AGE_LIMITS
        moved = ("((move_date AT TIME ZONE 'UTC') AT TIME ZONE COALESCE("
                 "(SELECT dep.tz FROM uchaske_department dep WHERE dep.id = "
                 "%s.department_id), '%s'))::date" % (
                     self._table, daily_work.DEFAULT_TZ))
        return ("CASE WHEN %s::date - {moved} <= %s THEN %s "
                "WHEN %s::date - {moved} <= %s THEN %s "
                "WHEN %s::date - {moved} <= %s THEN %s ELSE %s END".format(
                    moved=moved),
                [today, l3, d3, today, l10, d10, today, l30, d30,
                 dashboard.TRANSFER_AGE_OLDER])

    @api.constrains("destination_district_id", "destination_department_id",
                    "destination_external", "district_id")
    def _check_destination(self):
        for transfer in self.sudo():
            if transfer.destination_external:
                if not transfer.destination_external_name:
                    raise ValidationError(_(
                        "Name the destination body outside the system."))
                continue
            if not transfer.destination_department_id:
                raise ValidationError(_("Choose the destination department."))
            district = transfer.destination_district_id
            if district and district.department_id != \
                    transfer.destination_department_id:
                raise ValidationError(_(
                    "District %(district)s is not in %(department)s.") % {
                        "district": district.display_name,
                        "department": transfer.destination_department_id.name})
            try:
                relocation.validate_transfer(
                    transfer.district_id.id, district.id or None, False)
            except ValueError:
                raise ValidationError(_(
                    "The person moves within district %s: that is not a "
                    "transfer (R14 is about moving to another district).") %
                    transfer.district_id.display_name)

    @api.constrains("move_date")
    def _check_move_date(self):
        now = fields.Datetime.now()
        for transfer in self.sudo():
            if transfer.move_date > now:
                raise ValidationError(_(
                    "The move date %s is in the future.") % transfer.move_date)

    @api.model
    def create(self, vals):
        vals = dict(vals)
        case = self.env["uchaske.registry.case"].browse(vals.get("case_id"))
        if case.open_transfer_id:
            raise ValidationError(_("Case %s already has an open transfer.") %
                                  case.name)
        if case.state not in ("registered", "supervised"):
            raise ValidationError(_(
                "Only a registered person's move is recorded (case %(case)s "
                "is %(state)s).") % {"case": case.name,
                                     "state": case._wf_state_record().name})
        vals["inspector_id"] = case.inspector_id.id
        transfer = super(UchaskeRegistryTransfer, self).create(vals)
        case.with_context(uchaske_transfer=transfer).wf_apply("start_transfer")
        case.sudo().write({
            "move_date": transfer.move_date,
            "transfer_department_id": transfer.destination_department_id.id,
        })
        return transfer

    @api.multi
    def write(self, vals):
        """The origin (case, district, department, police point, inspector)
        is copied from the case at creation: set by hand it would move the
        transfer, and its case, to another department. The destination is
        another department's, legitimately (R14)."""
        origin = {"case_id", "district_id", "department_id", "post_id",
                  "inspector_id"} & set(vals)
        if origin and self.env.uid != SUPERUSER_ID:
            raise ValidationError(_(
                "Case and origin of a transfer are set when the move is "
                "recorded; they are not changed by hand."))
        return super(UchaskeRegistryTransfer, self).write(vals)

    @api.multi
    def _wf_scope_vals(self):
        """R14: the destination department follows the transfer's history."""
        vals = super(UchaskeRegistryTransfer, self)._wf_scope_vals()
        vals["involved_department_id"] = \
            self.sudo().destination_department_id.id or False
        return vals

    # -- guards --------------------------------------------------------

    @api.model
    def _wf_guard_columns(self):
        return super(UchaskeRegistryTransfer, self)._wf_guard_columns() + [
            "request_number", "request_date", "destination_external",
            "department_id", "destination_department_id",
            "destination_district_id"]

    @api.multi
    def _wf_guard_request_recorded(self, transition):
        self.ensure_one()
        if not (self.request_number and self.request_date):
            return _("Record the request's number and date first (R14).")
        return None

    @api.multi
    def _wf_guard_destination_confirms(self, transition):
        """In the system, the destination department's responsible inspector
        (or chief) confirms, for a district of their own police point (or
        department)."""
        self.ensure_one()
        user = self.env.user
        if self.destination_external:
            return _("The destination is outside the system: record its "
                     "confirming document instead.")
        if user.uchaske_department_id != self.destination_department_id:
            return _("Only the destination department confirms the arrival.")
        district = self.destination_district_id
        if not district:
            return _("Choose the destination district first.")
        if district not in user.uchaske_post_ids.mapped("district_ids") and \
                not user.has_group("uchaske_base.group_district_chief"):
            return _("District %s is not in your police point.") % \
                district.display_name
        if not district.inspector_id:
            return _("District %s has no inspector to take the person over.") % \
                district.display_name
        return None

    @api.multi
    def _wf_guard_external(self, transition):
        self.ensure_one()
        if not self.destination_external:
            return _("The destination uses the system: it confirms itself.")
        return None

    @api.multi
    def _wf_guard_origin(self, transition):
        """Sending the materials and cancelling are the origin's acts."""
        self.ensure_one()
        if self.env.user.uchaske_department_id != self.department_id and \
                not self.env.user.has_group("base.group_system"):
            return _("Only the origin department may do this.")
        return None

    @api.multi
    def _wf_guard_destination_reports(self, transition):
        self.ensure_one()
        if not self.destination_external and \
                self.env.user.uchaske_department_id != self.destination_department_id:
            return _("Only the destination department reports the person not "
                     "found.")
        return None

    # -- effects -----------------------------------------------------------

    # (``_wf_after_<code>`` of the transitions, see wf_apply)

    @api.multi
    def _wf_after_confirm(self, transition, values):
        """Arrival confirmed in the system: the case opens at the destination,
        registered, with the origin's materials linked (R14)."""
        self.ensure_one()
        origin = self.case_id.sudo()
        Case = self.env["uchaske.registry.case"]
        destination = Case.sudo().create({
            "person_id": origin.person_id.id,
            "category_id": origin.category_id.id,
            "district_id": self.destination_district_id.id,
            "grounds": origin.grounds,
            "grounds_number": origin.grounds_number,
            "grounds_date": origin.grounds_date,
            "restrictions": origin.restrictions,
            "obligations": origin.obligations,
            "date_start": origin.date_start,
            "date_end": origin.date_end,
            "origin_case_id": origin.id,
        })
        # registered by the confirming user, through the engine
        destination.sudo(self.env.user).wf_apply("register_transfer", {
            "comment": _("Arrived from %(department)s, case %(case)s.") % {
                "department": origin.department_id.name, "case": origin.name},
            "legal_basis": "R14",
            "document_number": values.get("document_number") or self.request_number,
            "document_date": values.get("document_date") or (
                self.request_date or "")[:10] or False,
        })
        for attachment in self.env["ir.attachment"].sudo().search([
                ("res_model", "=", origin._name), ("res_id", "=", origin.id)]):
            attachment.copy({"res_id": destination.id})
        self.sudo().write({
            "destination_case_id": destination.id,
            "confirmed_by_id": self.env.uid,
            # R14: the destination's confirming document (required input)
            "confirmation_number": values.get("document_number") or False,
            "confirmation_date": values.get("document_date")
            or fields.Date.context_today(self),
        })

    @api.multi
    def _wf_after_confirm_external(self, transition, values):
        self.ensure_one()
        self.sudo().write({
            "confirmation_number": values.get("document_number"),
            "confirmation_date": values.get("document_date"),
            "confirmed_by_id": self.env.uid,
        })

    @api.multi
    def _wf_after_send_materials(self, transition, values):
        self.ensure_one()
        self.sudo().write({
            "materials_sent_date": values.get("document_date"),
            "materials_document": values.get("document_number"),
        })
        self.case_id.sudo().write({"close_reason": "transferred"})

    @api.multi
    def _wf_after_report_not_found(self, transition, values):
        self._release_case()

    @api.multi
    def _wf_after_cancel(self, transition, values):
        self._release_case()

    @api.multi
    def _release_case(self):
        """Back to supervision at the origin."""
        self.ensure_one()
        transfer = self.sudo()  # in its final state the user may not see it
        case = transfer.case_id
        case.write({"transfer_department_id": False, "move_date": False})
        # a consequence of this transfer's transition (the history row of
        # the transfer names who fired it); the origin case may be outside
        # the current user's records, hence sudo
        case.wf_apply("back_to_supervision", {"comment": _(
            "Transfer ended without arrival (%(state)s), by %(user)s.") % {
                "state": transfer._wf_state_record().name,
                "user": self.env.user.name}})
