# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import appendix, dashboard
from .uchaske_appendix_entry_mixin import (
    ensure_alert_fillfactor, ensure_index, ensure_scope_index,
    ensure_trigram_index)

#: technical key of the overdue-check activities (mail.activity.uchaske_key)
OVERDUE_KEY = "R22.10"


class UchaskeFirearmOwner(models.Model):
    """A2, R17.1: a person living in the district with a firearm for personal
    use, one entry per weapon. R22.10: the inspector checks the owner at the
    place of residence at least once a year; an overdue check surfaces in the
    list and as an activity of the district's inspector.

    The fields follow the columns of Appendix 2 (1-7). A seized or
    surrendered weapon keeps its row (column 7 records the date) but is no
    longer checked.
    """

    _name = "uchaske.firearm.owner"
    _description = "Firearm owner (Appendix 2)"
    _inherit = ["mail.thread", "mail.activity.mixin",
                "uchaske.access.journal.mixin", "uchaske.appendix.entry.mixin",
                "uchaske.dashboard.bucket.mixin"]
    _order = "district_id, number, id"
    _dashboard_bucket_field = "check_state"

    _person_defaults = {"address": "address", "home_phone": "phone_home"}

    name = fields.Char(compute="_compute_name", store=True, index=True)
    # A2 column 1
    number = fields.Integer(string="No.", readonly=True, copy=False,
                            help="Row number in the district's list.")
    # A2 column 2
    person_id = fields.Many2one(
        "uchaske.person", string="Owner", required=True, ondelete="restrict",
        index=True, track_visibility="onchange")
    # A2 column 3
    address = fields.Char(track_visibility="onchange",
                          help="Where the owner lives (the person's current "
                               "address by default).")
    home_phone = fields.Char()
    # A2 column 4
    weapon_type = fields.Char(
        help="E.g. smooth-bore hunting, rifled hunting, gas, traumatic.")
    weapon_make = fields.Char(string="Make")
    calibre = fields.Char()
    weapon_number = fields.Char(string="Weapon No.", required=True,
                                track_visibility="onchange")
    # A2 column 5
    permit_number = fields.Char(string="Permit No.")
    permit_issued_on = fields.Date(string="Permit issued on",
                                   track_visibility="onchange")
    permit_issued_by = fields.Char(string="Permit issued by")
    permit_valid_until = fields.Date(string="Permit valid until",
                                     track_visibility="onchange")
    # A2 column 6
    reregistration_date = fields.Date(string="Re-registered on",
                                      track_visibility="onchange")
    # A2 column 7
    seized_date = fields.Date(string="Seized/surrendered on",
                              track_visibility="onchange")
    seizure_kind = fields.Selection([
        ("seized", "Seized"),
        ("surrendered", "Surrendered"),
    ], string="Seized or surrendered", track_visibility="onchange")
    # R22.10
    last_check_date = fields.Date(
        string="Last check at the residence", track_visibility="onchange")
    next_check_due = fields.Date(
        compute="_compute_next_check_due", store=True,
        help="R22.10: a year after the last check at the residence (or after "
             "the permit was issued when no check was made yet).")
    check_overdue = fields.Boolean(
        compute="_compute_check_overdue", search="_search_check_overdue",
        string="Check overdue")
    check_alerted_due = fields.Date(
        readonly=True, copy=False,
        help="Due date of the last overdue-check activity created (R22.10).")
    # issue 13: the dashboards group owners by the check's state (daily)
    check_state = fields.Selection([
        ("overdue", "Overdue"),
        ("due", "Due within 30 days"),
        ("ok", "Checked"),
        ("unknown", "No date to count from"),
        ("off", "Not checked (seized or archived)"),
    ], string="Annual check", compute="_compute_check_state", store=True,
        index=True, help="R22.10: the annual check at the residence.")
    active = fields.Boolean(default=True)

    @api.model_cr
    def init(self):
        cr = self.env.cr
        ensure_index(cr, "uchaske_firearm_owner_weapon_number_lower_index",
                     self._table, "lower(weapon_number)")
        ensure_trigram_index(cr, self._table, "name")
        ensure_scope_index(cr, self._table)
        ensure_alert_fillfactor(cr, self._table)
        self._dashboard_ensure_indexes()

    @api.depends("person_id.name", "weapon_number")
    def _compute_name(self):
        for owner in self:
            owner.name = "%s, %s" % (owner.person_id.name or "",
                                     owner.weapon_number or "")

    @api.depends("last_check_date", "permit_issued_on")
    def _compute_next_check_due(self):
        for owner in self:
            due = appendix.firearm_check_due(
                fields.Date.from_string(owner.last_check_date),
                fields.Date.from_string(owner.permit_issued_on))
            owner.next_check_due = fields.Date.to_string(due) if due else False

    @api.depends("last_check_date", "permit_issued_on", "seized_date", "active")
    def _compute_check_overdue(self):
        today = self._today()
        for owner in self:
            owner.check_overdue = bool(
                owner.active and not owner.seized_date
                and appendix.firearm_check_overdue(
                    fields.Date.from_string(owner.last_check_date),
                    fields.Date.from_string(owner.permit_issued_on), today))

    @api.depends("next_check_due", "seized_date", "active")
    def _compute_check_state(self):
        today = self._today()
        for owner in self:
            owner.check_state = dashboard.firearm_check_state(
                fields.Date.from_string(owner.next_check_due), today,
                bool(owner.active and not owner.seized_date))

    @api.model
    def _dashboard_bucket_sql(self, today):
        # dashboard.firearm_check_state in SQL
        return ("CASE WHEN NOT active OR seized_date IS NOT NULL THEN 'off' "
                "WHEN next_check_due IS NULL THEN 'unknown' "
                "WHEN next_check_due < %s::date THEN 'overdue' "
                "WHEN next_check_due - %s::date <= %s THEN 'due' "
                "ELSE 'ok' END",
                [today, today, dashboard.FIREARM_DUE_SOON_DAYS])

    @api.model
    def _search_check_overdue(self, operator, value):
        # same rule as appendix.firearm_check_overdue, on the stored due date
        today = fields.Date.context_today(self)
        domain = ["&", ("seized_date", "=", False), ("next_check_due", "<", today)]
        return domain if (operator == "=") == bool(value) else ["!"] + domain

    @api.constrains("permit_issued_on", "permit_valid_until", "reregistration_date",
                    "seized_date", "last_check_date")
    def _check_dates(self):
        entries = self.sudo()
        entries._check_not_future({
            "permit_issued_on": _("permit issue date"),
            "reregistration_date": _("re-registration date"),
            "seized_date": _("date the weapon was seized or surrendered"),
            "last_check_date": _("date of the last check at the residence"),
        })
        entries._check_not_before("permit_valid_until", "permit_issued_on", _(
            "%(person)s: the permit is valid until %(later)s, before it was "
            "issued (%(earlier)s)."))
        entries._check_not_before("reregistration_date", "permit_issued_on", _(
            "%(person)s: the re-registration date %(later)s is before the "
            "permit was issued (%(earlier)s)."))
        entries._check_not_before("seized_date", "permit_issued_on", _(
            "%(person)s: the weapon was seized or surrendered on %(later)s, "
            "before the permit was issued (%(earlier)s)."))

    @api.constrains("weapon_number", "weapon_make", "seized_date", "active")
    def _check_weapon_unique(self):
        """A weapon (make and number) is held by one owner entry at a time:
        until it is seized or surrendered, a second entry is a duplicate."""
        for owner in self.sudo():
            if not owner.active or owner.seized_date:
                continue
            # lower() = lower(): served by the index of init(), where
            # =ilike scanned the whole list
            self.env.cr.execute("""
                SELECT id FROM uchaske_firearm_owner
                 WHERE lower(weapon_number) = lower(%s) AND id <> %s
                   AND seized_date IS NULL AND active""",
                                (owner.weapon_number, owner.id))
            others = self.sudo().browse(
                [row[0] for row in self.env.cr.fetchall()]).filtered(
                    lambda o: (o.weapon_make or "").strip().casefold()
                    == (owner.weapon_make or "").strip().casefold())
            if others:
                raise ValidationError(_(
                    "The weapon %(make)s No. %(number)s is already listed for "
                    "%(other)s (%(district)s) and has not been seized or "
                    "surrendered.") % {
                        "make": owner.weapon_make or "",
                        "number": owner.weapon_number,
                        "other": others[0].person_id.name,
                        "district": others[0].district_id.display_name})

    @api.model
    def create(self, vals):
        if vals.get("weapon_number"):
            vals = dict(vals, weapon_number=vals["weapon_number"].strip())
        return super(UchaskeFirearmOwner, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("weapon_number"):
            vals = dict(vals, weapon_number=vals["weapon_number"].strip())
        result = super(UchaskeFirearmOwner, self).write(vals)
        if vals.get("last_check_date") or vals.get("seized_date"):
            for owner in self:
                owner._alert_activities(OVERDUE_KEY).action_feedback(
                    _("Checked at the residence on %s.") % owner.last_check_date
                    if vals.get("last_check_date") else
                    _("The weapon was seized or surrendered."))
        return result

    @api.multi
    def action_mark_checked(self):
        """R22.10: the owner was checked at the residence today."""
        self.write({"last_check_date": fields.Date.context_today(self)})
        return True

    @api.model
    def _overdue_texts(self):
        """(summary, note) of the R22.10 alert in the context's language;
        the note is a template of ``person``, ``weapon``, ``address`` and
        ``due``. Translated once per batch and language, not per owner."""
        return ("R22.10: %s" % _("annual check at the residence overdue"),
                _("Check %(person)s and the weapon %(weapon)s at %(address)s: "
                  "the annual check was due on %(due)s."))

    @api.model
    def _alert_overdue_batch(self, today, after_id=0, limit=1000):
        """R22.10: alert the overdue checks of at most ``limit`` owners with
        ids above ``after_id`` that were not alerted for their due date yet
        (one query; ``check_alerted_due`` is written in one UPDATE). Returns
        the last id looked at, or None when none is left. Never commits."""
        self.env.cr.execute("""
            SELECT id FROM uchaske_firearm_owner
             WHERE active AND seized_date IS NULL AND next_check_due < %s
               AND check_alerted_due IS DISTINCT FROM next_check_due
               AND id > %s
             ORDER BY id LIMIT %s""", (today, after_id, limit))
        ids = [row[0] for row in self.env.cr.fetchall()]
        if not ids:
            return None
        # only the columns the alert needs: a prefetching read of 1,000
        # owners read every column and computed their related fields (and
        # their persons' likewise), ~2/3 of the job's time at national size
        owners = self.sudo().with_context(prefetch_fields=False).browse(ids)
        users = self._alert_users(owners)
        texts = {}
        alerts = []
        for owner in owners:
            user = users[owner.id]
            lang = user.lang if user else self.env.lang
            if lang not in texts:
                texts[lang] = self.with_context(lang=lang)._overdue_texts()
            summary, note = texts[lang]
            alerts.append((owner, user, summary, owner.next_check_due, note % {
                "person": owner.person_id.name, "weapon": owner.weapon_number,
                "address": owner.address or "-", "due": owner.next_check_due}))
        self._create_alerts(OVERDUE_KEY, alerts,
                            mark="check_alerted_due = next_check_due")
        owners.invalidate_cache(["check_alerted_due"])
        return ids[-1] if len(ids) == limit else None

    @api.model
    def _cron_check_overdue(self, today=None, commit=False):
        """R22.10: an activity for the district's inspector for each owner
        whose annual check is overdue; one per due date (a check done moves
        the due date and closes the activity). The scheduled job calls it
        with ``commit=True`` (see ``_alert_cron_loop``)."""
        today = today or fields.Date.context_today(self)
        self._alert_cron_loop(
            lambda after, limit: self._alert_overdue_batch(today, after, limit),
            commit=commit)
        return True
