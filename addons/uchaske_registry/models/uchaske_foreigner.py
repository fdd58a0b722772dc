# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import appendix, dashboard
from .uchaske_appendix_entry_mixin import (
    ensure_alert_fillfactor, ensure_index, ensure_scope_index,
    ensure_trigram_index)

#: config parameter: days before an expiry that it is signalled (A4)
WARN_DAYS_PARAM = "uchaske_registry.foreigner_warn_days"
#: technical keys of the expiry activities (mail.activity.uchaske_key)
EXPIRY_KEYS = {appendix.KIND_STAY: "A4.stay",
               appendix.KIND_PASSPORT: "A4.passport"}


class UchaskeForeigner(models.Model):
    """A4, R17.3: a foreigner permanently residing or temporarily staying in
    the district. The end of the permitted stay and of the passport's
    validity are signalled to the district's inspector ahead of time
    (``appendix.expiry_alerts``, 30 days by default).

    The fields follow the columns of Appendix 4 (1-7).
    """

    _name = "uchaske.foreigner"
    _description = "Foreigner (Appendix 4)"
    _inherit = ["mail.thread", "mail.activity.mixin",
                "uchaske.access.journal.mixin", "uchaske.appendix.entry.mixin",
                "uchaske.dashboard.bucket.mixin"]
    _order = "district_id, number, id"
    _dashboard_bucket_field = "stay_state"

    _person_defaults = {
        "temporary_address": "address",
        "home_phone": "phone_home",
        "work_place": "workplace",
        "position": "position",
        "work_phone": "phone_work",
    }
    #: A4 expiry kind -> (date field, field remembering the date signalled)
    _expiry_fields = {
        appendix.KIND_STAY: ("stay_permitted_until", "stay_alerted_until"),
        appendix.KIND_PASSPORT: ("passport_valid_until", "passport_alerted_until"),
    }

    name = fields.Char(related="person_id.name", store=True, readonly=True)
    # A4 column 1
    number = fields.Integer(string="No.", readonly=True, copy=False,
                            help="Row number in the district's list.")
    # A4 column 2
    person_id = fields.Many2one(
        "uchaske.person", string="Foreigner", required=True, ondelete="restrict",
        index=True, track_visibility="onchange")
    citizenship_id = fields.Many2one(
        related="person_id.citizenship_id", store=True, readonly=False,
        string="Citizenship",
        help="The person's citizenship: changing it here changes the person.")
    # A4 column 3
    passport_number = fields.Char(string="Passport No.", track_visibility="onchange")
    passport_valid_until = fields.Date(track_visibility="onchange")
    # A4 column 4
    residence_status = fields.Selection([
        ("permanent", "Permanent residence"),
        ("temporary", "Temporary stay"),
    ], required=True, default="temporary", track_visibility="onchange")
    stay_permitted_from = fields.Date(string="Stay permitted from",
                                      track_visibility="onchange")
    stay_permitted_until = fields.Date(string="Stay permitted until",
                                       track_visibility="onchange")
    # A4 column 5
    temporary_address = fields.Char(string="Residence address",
                                    track_visibility="onchange")
    home_phone = fields.Char()
    # A4 column 6
    work_place = fields.Char(string="Work or study place")
    position = fields.Char()
    work_phone = fields.Char()
    # A4 column 7
    residence_check_date = fields.Date(
        string="Checked at the residence on", track_visibility="onchange")
    expiring = fields.Boolean(
        compute="_compute_expiring", search="_search_expiring",
        string="Stay or passport expiring",
        help="The permitted stay or the passport ends within the warning "
             "period, or has already ended.")
    stay_alerted_until = fields.Date(
        readonly=True, copy=False,
        help="End of stay last signalled by an activity (A4).")
    passport_alerted_until = fields.Date(
        readonly=True, copy=False,
        help="Passport expiry last signalled by an activity (A4).")
    # issue 13: the dashboards group foreigners by the end of stay (daily)
    stay_state = fields.Selection([
        ("expired", "Stay expired"),
        ("expiring", "Stay expiring"),
        ("valid", "Stay valid"),
        ("open", "No end date"),
    ], string="Permitted stay", compute="_compute_stay_state", store=True,
        index=True, help="A4: the permitted stay ends within the warning "
                         "period (expiring) or has ended (expired).")
    active = fields.Boolean(default=True)

    @api.model_cr
    def init(self):
        cr = self.env.cr
        ensure_index(cr, "uchaske_foreigner_passport_number_lower_index",
                     self._table, "lower(passport_number)")
        ensure_trigram_index(cr, self._table, "name")
        ensure_scope_index(cr, self._table)
        ensure_alert_fillfactor(cr, self._table)
        self._dashboard_ensure_indexes()

    @api.model
    def _warn_days(self):
        """A4: how many days ahead expiries are signalled (a system
        parameter, 30 by default)."""
        value = self.env["ir.config_parameter"].sudo().get_param(WARN_DAYS_PARAM)
        try:
            return int(value) if value else appendix.DEFAULT_WARN_DAYS
        except ValueError:
            return appendix.DEFAULT_WARN_DAYS

    @api.multi
    def _expiry_alerts(self, today=None):
        self.ensure_one()
        return appendix.expiry_alerts(
            fields.Date.from_string(self.stay_permitted_until),
            fields.Date.from_string(self.passport_valid_until),
            today or self._today(), self._warn_days())

    @api.depends("stay_permitted_until", "passport_valid_until", "active")
    def _compute_expiring(self):
        today = self._today()
        for foreigner in self:
            foreigner.expiring = bool(
                foreigner.active and foreigner._expiry_alerts(today))

    @api.depends("stay_permitted_until")
    def _compute_stay_state(self):
        today = self._today()
        warn_days = self._warn_days()
        for foreigner in self:
            foreigner.stay_state = dashboard.stay_state(
                fields.Date.from_string(foreigner.stay_permitted_until), today,
                warn_days)

    @api.model
    def _dashboard_bucket_sql(self, today):
        # dashboard.stay_state in SQL
        return ("CASE WHEN stay_permitted_until IS NULL THEN 'open' "
                "WHEN stay_permitted_until < %s::date THEN 'expired' "
                "WHEN stay_permitted_until - %s::date <= %s THEN 'expiring' "
                "ELSE 'valid' END", [today, today, self._warn_days()])

    @api.model
    def _search_expiring(self, operator, value):
        # appendix.expiry_alerts as a domain: an expiry at most N days ahead
        limit = fields.Date.to_string(
            self._today() + timedelta(days=self._warn_days()))
        domain = ["|", ("stay_permitted_until", "<=", limit),
                  ("passport_valid_until", "<=", limit)]
        return domain if (operator == "=") == bool(value) else ["!"] + domain

    @api.constrains("stay_permitted_from", "stay_permitted_until",
                    "residence_check_date")
    def _check_dates(self):
        entries = self.sudo()
        entries._check_not_future({
            "residence_check_date": _("date of the check at the residence"),
        })
        entries._check_not_before("stay_permitted_until", "stay_permitted_from", _(
            "%(person)s: the permitted stay ends (%(later)s) before it starts "
            "(%(earlier)s)."))

    @api.constrains("person_id", "district_id", "passport_number", "active")
    def _check_duplicate(self):
        """A foreigner is listed once per district, and a passport once."""
        for foreigner in self.sudo():
            if not foreigner.active:
                continue
            same_person = self.sudo().search([
                ("id", "!=", foreigner.id),
                ("person_id", "=", foreigner.person_id.id),
                ("district_id", "=", foreigner.district_id.id)], limit=1)
            if same_person:
                raise ValidationError(_(
                    "%(person)s is already on the list of foreigners of "
                    "%(district)s.") % {
                        "person": foreigner.person_id.name,
                        "district": foreigner.district_id.display_name})
            if not foreigner.passport_number:
                continue
            # lower() = lower(): served by the index of init(), where
            # =ilike scanned the whole list
            self.env.cr.execute("""
                SELECT id FROM uchaske_foreigner
                 WHERE lower(passport_number) = lower(%s) AND id <> %s
                   AND active LIMIT 1""",
                                (foreigner.passport_number, foreigner.id))
            same_passport = self.sudo().browse(
                [row[0] for row in self.env.cr.fetchall()])
            if same_passport:
                raise ValidationError(_(
                    "The passport %(passport)s is already listed for %(person)s "
                    "(%(district)s).") % {
                        "passport": foreigner.passport_number,
                        "person": same_passport.person_id.name,
                        "district": same_passport.district_id.display_name})

    @api.model
    def create(self, vals):
        if vals.get("passport_number"):
            vals = dict(vals, passport_number=vals["passport_number"].strip())
        return super(UchaskeForeigner, self).create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("passport_number"):
            vals = dict(vals, passport_number=vals["passport_number"].strip())
        result = super(UchaskeForeigner, self).write(vals)
        for kind, (date_field, _alerted) in self._expiry_fields.items():
            if date_field in vals:
                # the date moved: the activity about the old date is stale
                self._alert_activities(EXPIRY_KEYS[kind]).unlink()
        return result

    @api.model
    def _expiry_texts(self):
        """The A4 alerts' texts in the context's language: {kind: (summary,
        subject template of ``%s`` the person)} and the two note templates
        (ended / ends, of ``what``, ``date`` and ``days``). Translated once
        per batch and language, not per foreigner."""
        kinds = {
            appendix.KIND_STAY: ("A4: %s" % _("the permitted stay ends"),
                                 _("The permitted stay of %s")),
            appendix.KIND_PASSPORT: ("A4: %s" % _("the passport expires"),
                                     _("The passport of %s")),
        }
        return kinds, _("%(what)s ended on %(date)s."), \
            _("%(what)s ends on %(date)s (in %(days)s days).")

    @api.model
    def _alert_expiry_batch(self, today, after_id=0, limit=1000):
        """A4: alert the expiries (stay, passport) of at most ``limit``
        foreigners with ids above ``after_id`` that end within the warning
        period and were not alerted for that date yet (one query; the
        alerted dates are written in one UPDATE per kind). Returns the last
        id looked at, or None when none is left. Never commits."""
        warn_days = self._warn_days()
        horizon = fields.Date.to_string(
            fields.Date.from_string(today) + timedelta(days=warn_days))
        self.env.cr.execute("""
            SELECT id FROM uchaske_foreigner
             WHERE active AND id > %(after)s AND (
                   (stay_permitted_until <= %(horizon)s AND stay_alerted_until
                    IS DISTINCT FROM stay_permitted_until)
                OR (passport_valid_until <= %(horizon)s AND passport_alerted_until
                    IS DISTINCT FROM passport_valid_until))
             ORDER BY id LIMIT %(limit)s""",
                            {"after": after_id, "horizon": horizon,
                             "limit": limit})
        ids = [row[0] for row in self.env.cr.fetchall()]
        if not ids:
            return None
        # only the columns the alert needs (see the firearm owners' job)
        foreigners = self.sudo().with_context(prefetch_fields=False).browse(ids)
        users = self._alert_users(foreigners)
        texts = {}
        day = fields.Date.from_string(today)
        alerts = {kind: [] for kind in self._expiry_fields}
        for foreigner in foreigners:
            user = users[foreigner.id]
            lang = user.lang if user else self.env.lang
            if lang not in texts:
                texts[lang] = self.with_context(lang=lang)._expiry_texts()
            kinds, ended, ends = texts[lang]
            stay, passport = (foreigner.stay_permitted_until,
                              foreigner.passport_valid_until)
            for kind, expiry, days_left in appendix.expiry_alerts(
                    date.fromisoformat(stay) if stay else None,
                    date.fromisoformat(passport) if passport else None, day,
                    warn_days):
                expiry = fields.Date.to_string(expiry)
                if foreigner[self._expiry_fields[kind][1]] == expiry:
                    continue  # already signalled
                summary, subject = kinds[kind]
                values = {"what": subject % foreigner.person_id.name,
                          "date": expiry, "days": days_left}
                alerts[kind].append((foreigner, user, summary, expiry,
                                     (ended if days_left < 0 else ends) % values))
        for kind, kind_alerts in alerts.items():
            if not kind_alerts:
                continue
            date_field, alerted_field = self._expiry_fields[kind]
            # fields of this model, not user input
            self._create_alerts(EXPIRY_KEYS[kind], kind_alerts,
                                mark="%s = %s" % (alerted_field, date_field))
        foreigners.invalidate_cache(
            [alerted for _date, alerted in self._expiry_fields.values()])
        return ids[-1] if len(ids) == limit else None

    @api.model
    def _cron_expiry_alerts(self, today=None, commit=False):
        """A4: one activity per foreigner and kind (end of stay, passport)
        for the district's inspector, ahead of the expiry. An expiry already
        signalled is not signalled again, even when the activity was done;
        a new date is. The scheduled job calls it with ``commit=True`` (see
        ``_alert_cron_loop``)."""
        today = today or fields.Date.context_today(self)
        self._alert_cron_loop(
            lambda after, limit: self._alert_expiry_batch(today, after, limit),
            commit=commit)
        return True
