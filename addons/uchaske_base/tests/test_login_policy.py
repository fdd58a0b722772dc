# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Login hardening as configured by uchaske_base (README "Logins",
docs/security.md): lockout thresholds, idle timeout, password policy, and
the login attempts kept away from officers and third parties (R15: register
users are known, their traces are not public). The lockout and the idle
timeout themselves are attacked over HTTP in tests/rpc/test_login_hardening.py.
"""
from unittest import mock

from odoo.exceptions import AccessError, UserError

from .common import UchaskeCase

STRONG = "Uchaske-2026!pass"


class TestLoginPolicy(UchaskeCase):

    def test_policy_values(self):
        """5 failures per login and address, 20 per address, 30 min idle."""
        get = self.env["ir.config_parameter"].sudo().get_param
        self.assertEqual(get("auth_brute_force.max_by_ip_user"), "5")
        self.assertEqual(get("auth_brute_force.max_by_ip"), "20")
        self.assertEqual(get("inactive_session_time_out_delay"), "1800")
        company = self.env.ref("base.main_company")
        self.assertEqual(
            (company.password_length, company.password_lower,
             company.password_upper, company.password_numeric,
             company.password_special, company.password_history,
             company.password_expiration),
            (12, 1, 1, 1, 1, 30, 60))

    def test_administrator_choice_kept_on_update(self):
        """An administrator's value survives the update of uchaske_base."""
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("inactive_session_time_out_delay", "600")
        params._uchaske_default_param(
            "inactive_session_time_out_delay", "1800", ("7200",))
        self.assertEqual(params.get_param("inactive_session_time_out_delay"), "600")
        params.set_param("inactive_session_time_out_delay", "7200")  # OCA default
        params._uchaske_default_param(
            "inactive_session_time_out_delay", "1800", ("7200",))
        self.assertEqual(params.get_param("inactive_session_time_out_delay"), "1800")

    def test_weak_password_refused(self):
        """A password equal to the login, or without digits and signs, is
        refused; a strong one is accepted and cannot be reused."""
        inspector = self.users["inspector"]
        for weak in ("t_inspector", "inspectorinspector", "Inspector2026x"):
            with self.assertRaises(UserError, msg=weak):
                inspector.write({"password": weak})
        inspector.write({"password": STRONG})
        with self.assertRaises(UserError):
            inspector.write({"password": STRONG})  # history

    def test_officers_do_not_read_login_attempts(self):
        """Logins tried and addresses are for the administrator only."""
        attempt = self.env["res.authentication.attempt"].create({
            "login": "t_chief", "remote": "198.51.100.7", "result": "failed"})
        for role in ("assistant", "inspector", "responsible", "chief"):
            Attempt = self.env["res.authentication.attempt"].sudo(self.users[role])
            self.assertFalse(Attempt.search([("id", "=", attempt.id)]), role)
            with self.assertRaises(AccessError, msg=role):
                Attempt.browse(attempt.id).read(["login", "remote"])
        admin = self.env.ref("base.user_root")
        self.assertEqual(
            self.env["res.authentication.attempt"].sudo(admin).search(
                [("id", "=", attempt.id)]), attempt)

    def test_ban_counts_failures_hidden_from_the_user(self):
        """The ban check sees the attempts although the user cannot."""
        Attempt = self.env["res.authentication.attempt"]
        for _i in range(5):
            Attempt.create({"login": "t_inspector", "remote": "198.51.100.8",
                            "result": "failed"})
        as_inspector = Attempt.sudo(self.users["inspector"])
        self.assertFalse(as_inspector._trusted("198.51.100.8", "t_inspector"))
        self.assertTrue(as_inspector._trusted("198.51.100.9", "t_inspector"))

    def test_no_geolocation_lookup(self):
        """The address of an attempt is never sent to a web service."""
        attempt = self.env["res.authentication.attempt"].create({
            "login": "t_chief", "remote": "198.51.100.7", "result": "failed"})
        target = ("odoo.addons.auth_brute_force.models."
                  "res_authentication_attempt.urlopen")
        with mock.patch(target, side_effect=AssertionError("network")) as urlopen:
            self.assertFalse(attempt.remote_metadata)
        urlopen.assert_not_called()
