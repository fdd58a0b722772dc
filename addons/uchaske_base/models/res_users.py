# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, http, models, tools


class ResUsers(models.Model):
    """Where a police officer serves: the basis of the record rules (R7, R16)."""

    _inherit = "res.users"

    # Indexed (issue 14): Odoo looks users up by partner on every
    # subscription and notification (``mail.followers``, the partner's
    # ``partner_share``); without the index each look-up reads the whole
    # table, 5,000 officers at national size (~9 ms per case created).
    partner_id = fields.Many2one(index=True)
    uchaske_department_id = fields.Many2one(
        "uchaske.department", string="Police department", index=True,
        help="The department the officer serves in. Officers see records of "
             "their own department only.")
    uchaske_district_ids = fields.Many2many(
        "uchaske.district", string="Districts served",
        compute="_compute_uchaske_district_ids",
        help="Districts the officer serves today as inspector or assistant, "
             "and those they serve as substitute by the chief's order (R6).")
    uchaske_post_ids = fields.Many2many(
        "uchaske.post", string="Police points led",
        compute="_compute_uchaske_post_ids",
        help="Police points whose work the officer organises as responsible "
             "inspector (R24).")
    uchaske_service_department_ids = fields.Many2many(
        "uchaske.department", string="Local police services headed",
        compute="_compute_uchaske_service_department_ids",
        help="Departments whose local police service the officer heads, or "
             "whose chief he substitutes today: he approves their police "
             "points' monthly plans (R18).")

    @api.multi
    def _compute_uchaske_district_ids(self):
        districts = self.env["uchaske.district"].sudo()
        substitutions = self.env["uchaske.substitution"].sudo()
        today = fields.Date.context_today(self)
        for user in self:
            served = districts.search([
                "|", ("inspector_id", "=", user.id),
                ("assistant_ids", "in", user.id)])
            served |= substitutions.search([
                ("substitute_id", "=", user.id),
                ("date_start", "<=", today), ("date_end", ">=", today),
            ]).mapped("district_id")
            user.uchaske_district_ids = served

    @api.multi
    def name_get(self):
        """As the engine (``sudo()``: how the web client's lists and forms
        name the officer of a many2one, and My work): the partners' names in
        one statement (:meth:`_uchaske_names`), not every column of the users
        and then of their partners -- a list of 80 notebook entries, plans or
        transmissions read both for one officer's name (issue 14). As a
        user, Odoo's read with its access checks; names the cache holds
        already, from the cache."""
        if self.env.uid != SUPERUSER_ID or not any(
                True for _missing in self.env.cache.get_missing_ids(
                    self, self._fields["name"])):
            return super(ResUsers, self).name_get()
        names = self._uchaske_names(self.ids)
        return [(user.id, names.get(user.id) or "") for user in self]

    @api.model
    @tools.ormcache("self.env.uid")
    def _uchaske_group_ids(self):
        """Ids of the current user's groups (implied ones included): what
        the engine's guards, state policies and My work compare a
        transition's groups with. Cached per user as Odoo's own
        ``has_group`` and record rules: a change of groups clears the
        registry's caches."""
        self.env.cr.execute(
            "SELECT gid FROM res_groups_users_rel WHERE uid = %s", (self.env.uid,))
        return frozenset(row[0] for row in self.env.cr.fetchall())

    @api.model
    def _uchaske_names(self, user_ids):
        """{user id: name} of the users ``user_ids``, read as the engine in
        one statement (the name is the partner's: through the ORM, the users
        then their partners, two), for the officers named in messages and
        on My work's rows."""
        ids = sorted({user_id for user_id in user_ids if user_id})
        if not ids:
            return {}
        self.env.cr.execute(
            "SELECT u.id, p.name FROM res_users u"
            "  JOIN res_partner p ON p.id = u.partner_id WHERE u.id = ANY(%s)",
            (ids,))
        return dict(self.env.cr.fetchall())

    @api.model
    def _uchaske_served_district_ids(self, user_id):
        """Ids of the districts the user ``user_id`` serves today, in one
        statement: the same districts as ``uchaske_district_ids`` (active
        ones he serves as inspector or assistant, and those he serves as
        substitute by the chief's order, R6) -- for the persons' record
        rule, which asks it at every access check (issue 14). Keep both in
        step: ``test_roles`` compares them. One index scan per way of
        serving (an OR of the two first would scan every district of the
        country: 1-2 ms against 0.2 ms at national size, twice per case
        created)."""
        self.env.cr.execute("""
            SELECT d.id FROM uchaske_district d
             WHERE d.active AND d.inspector_id = %(user)s
            UNION
            SELECT d.id FROM uchaske_district d
              JOIN uchaske_district_assistant_rel a ON a.district_id = d.id
             WHERE d.active AND a.user_id = %(user)s
            UNION
            SELECT s.district_id FROM uchaske_substitution s
             WHERE s.substitute_id = %(user)s
               AND s.date_start <= %(today)s AND s.date_end >= %(today)s""",
                            {"user": user_id,
                             "today": fields.Date.context_today(self)})
        return [row[0] for row in self.env.cr.fetchall()]

    @api.multi
    def _compute_uchaske_post_ids(self):
        posts = self.env["uchaske.post"].sudo()
        for user in self:
            user.uchaske_post_ids = posts.search(
                [("responsible_inspector_id", "=", user.id)])

    @api.multi
    def _compute_uchaske_service_department_ids(self):
        """For the R18 record rules: a list of ids evaluated once per user
        (Odoo caches the rules' domains), instead of the path
        ``department_id.police_service_ids.chief_id``, which Odoo 11
        resolved with three statements at every query of a plan or of a
        plan item (issue 14). The police service (and an archived
        department) clears the rules' cache when its chief or substitute
        changes (``_clear_chief_rules``), and the daily job of the
        substitutions when a substitute's period starts or ends
        (``uchaske.substitution._cron_refresh_access``)."""
        services = self.env["uchaske.police.service"].sudo()
        today = fields.Date.context_today(self)
        for user in self:
            user.uchaske_service_department_ids = services.search([
                "|", ("chief_id", "=", user.id),
                "&", "&", ("substitute_id", "=", user.id),
                ("substitute_date_start", "<=", today),
                ("substitute_date_end", ">=", today)]).mapped(
                    "department_id").filtered("active")

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(vals)
        if "uchaske_department_id" in vals:
            self.env["ir.rule"].clear_caches()
        return result

    @api.model_cr_context
    def _auth_timeout_check(self):
        """auth_session_timeout: only a logged-in session can time out.

        An anonymous request to a public route (the bus poll before login)
        has no session file yet: the OCA module logged an error and answered
        "Session expired" instead of serving it.
        """
        if not http.request or not http.request.session.uid:
            return None
        return super(ResUsers, self)._auth_timeout_check()
