# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import dates
from uchaske_rules import meetings as rules


class UchaskeMeeting(models.Model):
    """A report meeting of inspectors with the population (chapter 3,
    R25-R34): one district, or several adjacent districts at once (R27).
    Its life is the workflow ``uchaske_meetings.workflow_meeting``:
    planned -> announced -> held -> protocol_signed -> closed, or
    cancelled."""

    _name = "uchaske.meeting"
    _description = "Report meeting with the population"
    _inherit = ["uchaske.scope.mixin", "uchaske.workflow.mixin"]
    _scope_kind = "district"
    _scope_inspector_field = "inspector_id"
    _order = "date_meeting desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    district_id = fields.Many2one(
        required=True, string="District",
        help="The (first) district of the meeting; it places the meeting.")
    district_ids = fields.Many2many(
        "uchaske.district", "uchaske_meeting_district_rel", "meeting_id",
        "district_id", string="Districts",
        help="A joint meeting of adjacent districts (R27) lists them all.")
    is_joint = fields.Boolean(compute="_compute_is_joint", store=True)
    inspector_id = fields.Many2one(
        "res.users", string="Inspector", index=True,
        help="The district's inspector: plans, announces and holds it.")
    reporting_inspector_ids = fields.Many2many(
        "res.users", "uchaske_meeting_reporter_rel", "meeting_id", "user_id",
        string="Reporting inspectors")
    responsible_id = fields.Many2one(
        related="post_id.responsible_inspector_id", readonly=True,
        string="Controls execution (R33)")
    date_meeting = fields.Date(string="Date", required=True, index=True)
    time_meeting = fields.Float(string="Time")
    venue_kind = fields.Selection([
        ("hall", "Hall"), ("outdoors", "Outdoors"), ("online", "Online"),
    ], string="Venue", required=True, default="hall")
    venue = fields.Char(string="Place")
    online_link = fields.Char(string="Online link")
    expected_attendance = fields.Integer()
    convened_by = fields.Selection([
        ("police", "Police"),
        ("akim", "Local community meeting called by the akim"),
        ("initiative", "Initiative of at least 10 per cent of the community"),
    ], required=True, default="police")
    initiative_share = fields.Float(string="Initiative share (%)")
    leadership_present = fields.Text(
        string="Department leadership present (R26)")
    executive_present = fields.Text(
        string="Local executive representatives present (R26)")
    invitee_ids = fields.One2many(
        "uchaske.meeting.invitee", "meeting_id", string="Invitees (R28)")
    announcement_ids = fields.One2many(
        "uchaske.meeting.announcement", "meeting_id",
        string="Announcements (R27)")
    notice_given = fields.Boolean(
        compute="_compute_notice_given",
        help="An announcement at least 10 calendar days before (R27).")
    # preparation (R29, R30)
    period_from = fields.Date(string="Report period from")
    period_to = fields.Date(string="Report period to")
    figure_ids = fields.One2many(
        "uchaske.meeting.figure", "meeting_id", string="Figures")
    report_text = fields.Text(string="Report")
    previous_meeting_id = fields.Many2one(
        "uchaske.meeting", string="Previous meeting", readonly=True)
    carried_item_ids = fields.Many2many(
        "uchaske.meeting.item", "uchaske_meeting_carried_item_rel",
        "meeting_id", "item_id", string="From the previous meeting",
        readonly=True)
    # protocol (R31-R33)
    protocol_time = fields.Float(string="Held at")
    protocol_place = fields.Char(string="Held in")
    participant_count = fields.Integer(string="Number of participants")
    participant_ids = fields.One2many(
        "uchaske.meeting.participant", "meeting_id",
        string="Participants register")
    decisions = fields.Text(string="Decisions taken")
    item_ids = fields.One2many(
        "uchaske.meeting.item", "meeting_id",
        string="Complaints, proposals, remarks")
    open_item_count = fields.Integer(
        compute="_compute_open_item_count", store=True)
    video_ids = fields.Many2many(
        "ir.attachment", "uchaske_meeting_video_rel", "meeting_id",
        "attachment_id", string="Video recording (R32)")
    award_ids = fields.One2many(
        "uchaske.meeting.award", "meeting_id", string="Awards (R34)")
    signed_on = fields.Date(readonly=True, copy=False)
    signed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # retention (R32)
    purge_due = fields.Date(
        compute="_compute_purge_due", store=True,
        string="Materials kept until")
    purge_listed_on = fields.Date(
        readonly=True, copy=False, string="Listed for removal on")
    materials_removed_on = fields.Date(readonly=True, copy=False)

    @api.depends("district_ids", "district_id", "date_meeting")
    def _compute_name(self):
        for meeting in self:
            districts = meeting.district_ids or meeting.district_id
            meeting.name = "%s, %s" % (
                ", ".join(districts.sudo().mapped("name")),
                meeting.date_meeting or "")

    @api.depends("district_ids")
    def _compute_is_joint(self):
        for meeting in self:
            meeting.is_joint = len(meeting.district_ids) > 1

    @api.depends("announcement_ids.date", "date_meeting")
    def _compute_notice_given(self):
        for meeting in self:
            meeting.notice_given = rules.notice_given(
                meeting.sudo().announcement_ids.mapped("date"),
                meeting.date_meeting)

    @api.depends("item_ids.done")
    def _compute_open_item_count(self):
        for meeting in self:
            meeting.open_item_count = len(
                meeting.item_ids.filtered(lambda item: not item.done))

    @api.depends("date_meeting")
    def _compute_purge_due(self):
        for meeting in self:
            meeting.purge_due = meeting.date_meeting and fields.Date.to_string(
                rules.purge_due(meeting.date_meeting))

    # -- create / write: all districts include the first --------------

    @api.model
    def create(self, vals):
        vals = self._meeting_complete_vals(dict(vals))
        return super(UchaskeMeeting, self).create(vals)

    @api.multi
    def write(self, vals):
        result = super(UchaskeMeeting, self).write(vals)
        if "district_id" in vals or "district_ids" in vals:
            for meeting in self:
                if meeting.district_id not in meeting.district_ids:
                    meeting.district_ids = [(4, meeting.district_id.id)]
        return result

    @api.model
    def _meeting_complete_vals(self, vals):
        district = self.env["uchaske.district"].sudo().browse(
            vals.get("district_id") or [])
        if district:
            commands = list(vals.get("district_ids") or [])
            commands.append((4, district.id))
            vals["district_ids"] = commands
            if not vals.get("reporting_inspector_ids"):
                vals["reporting_inspector_ids"] = [
                    (4, district.inspector_id.id)] if district.inspector_id \
                    else []
        return vals

    # -- constraints (bad input: translated, nothing written) ---------

    @api.constrains("district_id", "district_ids", "inspector_id",
                    "reporting_inspector_ids")
    def _check_districts(self):
        self._check_district_scope()
        # R7: the reporting inspectors (who sign the protocol, R32) are of
        # the meeting's department
        self._check_officers_department("reporting_inspector_ids")
        for meeting in self.sudo():
            first = meeting.district_id
            for district in meeting.district_ids - first:
                if district not in first.adjacent_district_ids and \
                        first not in district.adjacent_district_ids:
                    raise ValidationError(_(
                        "Districts: a joint meeting brings together adjacent "
                        "districts only (R27); %s is not adjacent.")
                        % district.name)

    @api.constrains("date_meeting", "state")
    def _check_date_meeting(self):
        today = fields.Date.context_today(self)
        for meeting in self:
            if meeting.state == "planned" and meeting.date_meeting < today:
                raise ValidationError(_(
                    "Date: a meeting cannot be planned in the past."))
            if meeting.state in ("announced", "held") and \
                    not meeting.notice_given:
                raise ValidationError(_(
                    "Date: residents must be told at least 10 calendar days "
                    "before the meeting (R27); no announcement of this meeting "
                    "is early enough for the new date."))

    @api.constrains("venue_kind", "online_link", "convened_by",
                    "initiative_share", "expected_attendance")
    def _check_venue(self):
        for meeting in self:
            if meeting.venue_kind == "online" and not meeting.online_link:
                raise ValidationError(_(
                    "Online link: an online meeting needs its link."))
            if meeting.convened_by == "initiative" and \
                    meeting.initiative_share < 10:
                raise ValidationError(_(
                    "Initiative share: at least 10 per cent of the local community "
                    "must take the initiative (R27)."))
            if meeting.expected_attendance < 0:
                raise ValidationError(_(
                    "Expected attendance cannot be negative."))

    @api.constrains("participant_count", "participant_ids", "state")
    def _check_participant_count(self):
        for meeting in self:
            if meeting.state in ("held", "protocol_signed", "closed") and \
                    meeting.participant_count and \
                    not meeting.materials_removed_on and \
                    meeting.participant_count != len(meeting.participant_ids):
                raise ValidationError(meeting._participant_mismatch())

    @api.multi
    def _participant_mismatch(self):
        self.ensure_one()
        return _("Number of participants: the protocol says %(count)s but "
                 "the participants register has %(register)s (R32).") % {
                     "count": self.participant_count,
                     "register": len(self.participant_ids)}

    # -- workflow guards ------------------------------------------------

    @api.model
    def _wf_guard_columns(self):
        return super(UchaskeMeeting, self)._wf_guard_columns() + [
            "date_meeting", "participant_count", "inspector_id",
            "open_item_count"]

    @api.multi
    def _wf_guard_notice(self, transition):
        """R27: announced at least 10 calendar days before the meeting."""
        if not self.notice_given:
            return self._wf_notice_message(self.date_meeting)
        return None

    @api.multi
    def _wf_guard_notice_batch(self, transition):
        """:meth:`_wf_guard_notice` of every meeting at once (My work's
        page, issue 9): the meetings' days and their announcements' days
        in one statement instead of three, the same rule
        (``rules.notice_given``) on them."""
        if not self.ids:
            return {}
        self.env.cr.execute(
            "SELECT m.id, m.date_meeting,"
            "       array_remove(array_agg(a.date), NULL)"
            "  FROM uchaske_meeting m"
            "  LEFT JOIN uchaske_meeting_announcement a ON a.meeting_id = m.id"
            " WHERE m.id = ANY(%s) GROUP BY m.id", (list(self.ids),))
        result = {}
        # dates come as "YYYY-MM-DD" strings (Odoo's cursor), as the fields
        for meeting_id, day, announced in self.env.cr.fetchall():
            result[meeting_id] = None if rules.notice_given(announced, day) \
                else self._wf_notice_message(day)
        return result

    @api.model
    def _wf_notice_message(self, date_meeting):
        return _("Residents must be told of the meeting at least 10 "
                 "calendar days before it (R27): add an announcement "
                 "dated %s or earlier.") % fields.Date.to_string(
                     dates.latest_notice_date(fields.Date.from_string(
                         date_meeting)))

    @api.multi
    def _wf_guard_hold(self, transition):
        """Held: announced in time and its day has come."""
        if self.date_meeting > fields.Date.context_today(self):
            return _("The meeting is on %s: it cannot be held before its "
                     "date.") % self.date_meeting
        return self._wf_guard_notice(transition)

    @api.multi
    def _wf_guard_protocol(self, transition):
        """R32: the protocol states the participants as registered."""
        if not self.participant_ids:
            return _("Participants register: every participant is registered "
                     "(R32); the register is empty.")
        if self.participant_count != len(self.participant_ids):
            return self._participant_mismatch()
        return None

    @api.multi
    def _wf_guard_sign(self, transition):
        """R32: signed by the reporting inspector on the meeting's day;
        later only with the chief's approval (transition sign_late)."""
        if not rules.signed_in_time(self.date_meeting,
                                    fields.Date.context_today(self)):
            return _("The protocol is signed on the day of the meeting "
                     "(%s, R32): signing later needs the district chief's "
                     "approval with a reason.") % self.date_meeting
        if self.env.user not in self.reporting_inspector_ids | \
                self.inspector_id and not self.env.user.has_group(
                    "uchaske_base.group_district_chief"):
            return _("The protocol is signed by a reporting inspector (R32).")
        return self._wf_guard_protocol(transition)

    @api.multi
    def _wf_guard_close(self, transition):
        """R33: closed once every complaint, proposal and remark is done."""
        if self.open_item_count:
            return _("%s complaint(s), proposal(s) or remark(s) are still "
                     "open: the meeting closes once each is answered, checked "
                     "or forwarded with the person notified (R32, R33).") % \
                self.open_item_count
        return None

    @api.multi
    def _wf_after_sign(self, transition, values):
        self.sudo().write({"signed_on": fields.Date.context_today(self),
                           "signed_by_id": self.env.user.id})

    _wf_after_sign_late = _wf_after_sign

    # -- preparation (R29, R30) -----------------------------------------

    @api.multi
    def action_prepare_report(self):
        """Pre-fill the report: the districts' figures of the quarter up to
        the meeting (the base hook), and every complaint, proposal and
        remark of the previous meeting of these districts with what was
        done about it (R30)."""
        for meeting in self:
            day = fields.Date.from_string(meeting.date_meeting)
            start = dates.quarter_bounds(*dates.quarter_of(day))[0]
            date_from = meeting.period_from or fields.Date.to_string(start)
            date_to = meeting.period_to or meeting.date_meeting
            figures = meeting.district_ids._report_figures(date_from, date_to)
            previous = self.search([
                ("id", "!=", meeting.id),
                ("district_ids", "in", meeting.district_ids.ids),
                ("date_meeting", "<", meeting.date_meeting),
                ("state", "in", ("held", "protocol_signed", "closed"))],
                limit=1, order="date_meeting desc, id desc")
            meeting.write({
                "period_from": date_from, "period_to": date_to,
                "figure_ids": [(5, 0, 0)] + [
                    (0, 0, {"sequence": index, "name": label,
                            "value": str(value)})
                    for index, (label, value) in enumerate(figures)],
                "previous_meeting_id": previous.id,
                "carried_item_ids": [(6, 0, previous.item_ids.ids)],
            })
        return True

    # -- retention (R32) --------------------------------------------------

    @api.model
    def _cron_retention(self):
        """List the materials whose year is over (the chief sees the list:
        *Materials due for removal*), then, PURGE_GRACE_DAYS later, remove
        them (video, announcement proofs, participants register, invitees)
        and log what was removed. Nothing is removed before its year."""
        today = fields.Date.context_today(self)
        Meeting = self.sudo()
        due = Meeting.search([("purge_due", "<=", today),
                              ("purge_listed_on", "=", False),
                              ("materials_removed_on", "=", False)])
        due.write({"purge_listed_on": today})
        listed = Meeting.search([("purge_listed_on", "!=", False),
                                 ("materials_removed_on", "=", False)])
        for meeting in listed:
            if rules.is_purge_due(meeting.date_meeting, today) and \
                    rules.purge_ready(meeting.purge_listed_on, today):
                meeting._remove_materials(today)
        return True

    @api.multi
    def _remove_materials(self, today):
        self.ensure_one()
        proofs = self.announcement_ids.filtered("proof")
        removed = {
            "videos": len(self.video_ids),
            "proofs": len(proofs),
            "participants": len(self.participant_ids),
            "invitees": len(self.invitee_ids),
        }
        self.env["uchaske.meeting.purge.log"].create({
            "meeting_id": self.id,
            "meeting_name": self.name,
            "district_id": self.district_id.id,
            "date_meeting": self.date_meeting,
            "date_removed": today,
            "videos": removed["videos"],
            "proofs": removed["proofs"],
            "participants": removed["participants"],
            "invitees": removed["invitees"],
        })
        videos = self.video_ids
        self.with_context(uchaske_retention=True).write({
            "video_ids": [(5, 0, 0)],
            "materials_removed_on": today,
        })
        videos.unlink()
        proofs.write({"proof": False, "proof_filename": False})
        self.participant_ids.unlink()
        self.invitee_ids.unlink()
