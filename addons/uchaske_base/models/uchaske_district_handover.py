# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .uchaske_scope_mixin import SUPERVISORS_READ_ONLY


class UchaskeDistrictHandover(models.Model):
    """A1 §1, R4: the act of handing over and accepting a district, signed
    by engine transitions: the handing-over officer (hand_over), the
    accepting inspector (accept) and the supervisor present, deputy chief or
    chief of the local police service (confirm). Confirmed, it is locked and
    carries a snapshot of the whole passport (what was handed over). One
    open act per district."""

    _name = "uchaske.district.handover"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    # R2.3: the responsible inspector and the chief read, the district's
    # officers fill (the supervisor signs acts through the engine, R4)
    _scope_read_only_roles = SUPERVISORS_READ_ONLY
    _description = "District handover act (A1 §1, R4)"
    _order = "date_acceptance desc, id desc"
    _scope_anchor = "passport_id"
    _uchaske_past_date_fields = ("date_handover", "date_acceptance")

    passport_id = fields.Many2one(
        "uchaske.district.passport", string="Passport", required=True,
        ondelete="restrict", index=True)
    handing_user_id = fields.Many2one(
        "res.users", string="Handed over by", required=True,
        help="The officer handing over the district.")
    accepting_user_id = fields.Many2one(
        "res.users", string="Accepted by", required=True,
        help="The inspector accepting the district (not an assistant, R2.3).")
    supervisor_id = fields.Many2one(
        "res.users", string="Supervisor present", required=True,
        help="Deputy chief or chief of the local police service present at "
             "the acceptance (R4).")
    supervisor_position = fields.Char(string="Supervisor's position, rank")
    date_handover = fields.Date(string="Handed over on")
    date_acceptance = fields.Date(string="Accepted on")
    remarks = fields.Text(string="Remarks and proposals")
    snapshot_json = fields.Text(string="Snapshot (data)", readonly=True, copy=False)
    snapshot_html = fields.Html(string="Passport as handed over", readonly=True,
                                copy=False, sanitize=False)
    date_snapshot = fields.Datetime(string="Snapshot taken", readonly=True,
                                    copy=False)

    @api.multi
    def name_get(self):
        """"Handover of 2. Turan – Orynbor: A → B" (the breadcrumb, My work).
        The act is read as the user (R7: another department's is refused,
        as for the passport and the walkthrough); its district and parties
        are named whatever their own rules."""
        return [(act.id, _("Handover of %(district)s: %(handing)s → %(accepting)s")
                 % {"district": act.district_id.sudo().display_name,
                    "handing": act.handing_user_id.sudo().name,
                    "accepting": act.accepting_user_id.sudo().name})
                for act in self]

    # -- checks --------------------------------------------------------------

    @api.constrains("accepting_user_id", "handing_user_id", "supervisor_id",
                    "passport_id")
    def _check_parties(self):
        # R4, R7: the three parties serve the district's department; checked
        # first, so that no message names another department's officer
        self._check_officers_department(
            "handing_user_id", "accepting_user_id", "supervisor_id")
        for act in self.sudo():
            if not act.accepting_user_id.has_group("uchaske_base.group_inspector"):
                raise ValidationError(_(
                    "Accepted by: %s is not an inspector; an assistant may fill "
                    "the act but not accept the district (R2.3).")
                    % act.accepting_user_id.name)
            if act.accepting_user_id == act.handing_user_id or \
                    act.supervisor_id in (act.accepting_user_id | act.handing_user_id):
                raise ValidationError(_(
                    "Supervisor present: the officers handing over and accepting "
                    "and the supervisor are three different persons (R4)."))

    @api.constrains("passport_id", "state")
    def _check_one_open(self):
        for act in self.sudo():
            if act.state != "confirmed":
                self._check_no_open_act(act.passport_id.id, act.id)

    @api.model
    def _check_no_open_act(self, passport_id, exclude_id=0):
        other = self.sudo().search([
            ("passport_id", "=", passport_id), ("state", "!=", "confirmed"),
            ("id", "!=", exclude_id)], limit=1)
        if other:
            raise ValidationError(_(
                "District %s already has an open handover act: complete it "
                "before starting another (R4).")
                % other.passport_id.district_id.display_name)

    @api.model
    def create(self, vals):
        # before the insert: the unique index would answer with SQL
        if vals.get("passport_id"):
            self._check_no_open_act(vals["passport_id"])
        return super(UchaskeDistrictHandover, self).create(vals)

    @api.model_cr
    def init(self):
        # the constraint above, also against concurrent requests
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS uchaske_district_handover_one_open
                ON uchaske_district_handover (passport_id)
             WHERE state IS NULL OR state != 'confirmed'""")

    # -- guards: each party signs their own step (R4) --------------------

    @api.multi
    def _wf_guard_party(self, transition, field):
        self.ensure_one()
        # the party's id from the handover as the user reads it (its
        # columns read once for a page, _wf_guard_columns); its name as
        # the engine: the user may not read that officer
        party = self[field]
        if self.env.user != party:
            return _("\"%(transition)s\" is signed by %(party)s (%(label)s) only "
                     "(R4).") % {
                         "transition": transition.name,
                         "party": party.sudo().name,
                         "label": self._fields[field]._description_string(
                             self.env)}
        return None

    @api.model
    def _wf_guard_columns(self):
        return super(UchaskeDistrictHandover, self)._wf_guard_columns() + [
            "handing_user_id", "accepting_user_id", "supervisor_id"]

    @api.multi
    def _wf_guard_handing(self, transition):
        return self._wf_guard_party(transition, "handing_user_id")

    @api.multi
    def _wf_guard_accepting(self, transition):
        return self._wf_guard_party(transition, "accepting_user_id")

    @api.multi
    def _wf_guard_supervisor(self, transition):
        return self._wf_guard_party(transition, "supervisor_id")

    # -- transitions ------------------------------------------------------------

    @api.multi
    def _wf_before_hand_over(self, transition, values):
        if not self.date_handover:
            self.date_handover = fields.Date.context_today(self)

    @api.multi
    def _wf_before_accept(self, transition, values):
        if not self.date_acceptance:
            self.date_acceptance = fields.Date.context_today(self)

    @api.multi
    def _wf_before_confirm(self, transition, values):
        """R4: freeze what is handed over, then open the accepting
        inspector's walkthrough (R5) from the acceptance."""
        snapshot, html = self.passport_id._snapshot()
        self.sudo().write({"snapshot_json": snapshot, "snapshot_html": html,
                           "date_snapshot": fields.Datetime.now()})

    @api.multi
    def _wf_after_confirm(self, transition, values):
        self.env["uchaske.district.walkthrough"].sudo()._open_for(
            self.passport_id, self.accepting_user_id, self.date_acceptance)
