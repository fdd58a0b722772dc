# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Roles of Order No. 1095 (R2.2, R2.3, R16, R24): group implication, the
application menu per role, and the demo users (platform issue)."""
from odoo.tests import common

ROLE_GROUPS = [
    "uchaske_base.group_assistant",
    "uchaske_base.group_inspector",
    "uchaske_base.group_responsible_inspector",
    "uchaske_base.group_district_chief",
]
DEMO_LOGINS = ["assistant", "inspector", "responsible", "chief"]


@common.at_install(False)
@common.post_install(True)
class TestRoles(common.SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestRoles, cls).setUpClass()
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.groups = [cls.env.ref(xmlid) for xmlid in ROLE_GROUPS]
        cls.users = [
            users.create({
                "name": "Role user %s" % index,
                "login": "role_user_%s" % index,
                "groups_id": [(6, 0, [group.id])],
            })
            for index, group in enumerate(cls.groups)
        ]
        cls.outsider = users.create({
            "name": "Plain employee",
            "login": "plain_employee",
            "groups_id": [(6, 0, [cls.env.ref("base.group_user").id])],
        })
        cls.root_menu = cls.env.ref("uchaske_base.uchaske_root_menu")

    def _role_groups_of(self, user):
        return [group for group in self.groups if group in user.groups_id]

    def test_each_role_implies_exactly_the_lower_roles(self):
        """R2.3, R16, R24: assistant < inspector < responsible < chief."""
        for rank, user in enumerate(self.users):
            self.assertEqual(self._role_groups_of(user), self.groups[:rank + 1])
            self.assertTrue(user.has_group("base.group_user"))

    def test_roles_are_distinct_groups_in_one_category(self):
        category = self.env.ref("uchaske_base.module_category_uchaske")
        self.assertEqual(len(set(self.groups)), 4)
        for group in self.groups:
            self.assertEqual(group.category_id, category)

    def _visible_menu_ids(self, user):
        return set(self.env["ir.ui.menu"].sudo(user)._visible_menu_ids())

    def test_every_role_sees_the_application_menu(self):
        for user in self.users:
            self.assertIn(self.root_menu.id, self._visible_menu_ids(user), user.login)
            menus = self.env["ir.ui.menu"].sudo(user).load_menus(debug=False)
            self.assertIn(self.root_menu.id,
                          [child["id"] for child in menus["children"]])

    def test_user_without_role_does_not_see_the_menu(self):
        self.assertNotIn(self.root_menu.id, self._visible_menu_ids(self.outsider))

    def test_demo_users_hold_exactly_their_role(self):
        """The demo database's role users (platform issue, item 6)."""
        demo = self.env.ref("uchaske_base.user_inspector_demo",
                            raise_if_not_found=False)
        if not demo:
            self.skipTest("database installed without demo data")
        users = self.env["res.users"]
        for rank, login in enumerate(DEMO_LOGINS):
            user = users.search([("login", "=", login)])
            self.assertEqual(len(user), 1, login)
            self.assertEqual(self._role_groups_of(user), self.groups[:rank + 1], login)
            self.assertFalse(user.has_group("base.group_system"), login)
            self.assertFalse(user.has_group("base.group_erp_manager"), login)
            # the demo password equals the login (stored hashed by auth_crypt)
            self.env["res.users"].sudo(user).check_credentials(login)

    def test_officers_named_as_odoo_names_them(self):
        """Issue 14: an officer named in a list (a many2one read as the
        engine) carries the same name as Odoo's own read gives, in one
        statement; read as an officer, the names are Odoo's, under its
        access checks."""
        users = self.env["res.users"].browse([user.id for user in self.users])
        expected = [(user.id, user.partner_id.name) for user in users]
        users.invalidate_cache()
        before = self.env.cr.sql_log_count
        self.assertEqual(users.sudo().name_get(), expected)
        self.assertEqual(self.env.cr.sql_log_count - before, 1)
        users.invalidate_cache()
        self.assertEqual(users.sudo(self.users[0]).name_get(), expected)
        renamed = self.users[1]
        renamed.partner_id.name = "Renamed officer"
        self.assertEqual(renamed.sudo().name_get(),
                         [(renamed.id, "Renamed officer")])
