# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResAuthenticationAttempt(models.Model):
    """Login attempts (``auth_brute_force``): read by administrators only.

    An attempt names the login tried (sometimes a mistyped password) and the
    address it came from; the record rules in
    ``security/res_authentication_attempt_security.xml`` hide them from every
    other user, so the ban check runs as superuser.
    """

    _inherit = "res.authentication.attempt"

    @api.multi
    @api.depends("remote")
    def _compute_metadata(self):
        """No geolocation lookup: the addresses police officers log in from
        must not leave the system.

        ``auth_brute_force`` sends every remote address shown on an attempt's
        form to a third-party web service (ip-api.com). This override
        replaces that lookup on purpose and does not call ``super()``.
        """
        for attempt in self:
            attempt.remote_metadata = False

    @api.model
    def _trusted(self, remote, login):
        # called as the user logging in, who may not read the attempts
        return super(ResAuthenticationAttempt, self.sudo())._trusted(remote, login)
