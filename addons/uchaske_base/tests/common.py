# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared fixtures: two departments with police points, districts and one
user per role, built once per test class (SavepointCase). Tests of other
addons reuse it: ``from odoo.addons.uchaske_base.tests.common import
UchaskeCase``."""
import contextlib

from odoo.tests import common

GROUPS = {
    "assistant": "uchaske_base.group_assistant",
    "inspector": "uchaske_base.group_inspector",
    "responsible": "uchaske_base.group_responsible_inspector",
    "chief": "uchaske_base.group_district_chief",
}


class UchaskeCase(common.SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(UchaskeCase, cls).setUpClass()
        # If a subclass's setUpClass fails, unittest skips tearDownClass and
        # Odoo 11 leaves the class's transaction open: every later class then
        # waits on its locks. Class cleanups run even then.
        cls.addClassCleanup(cls._release_cursor)
        cls.env = cls.env(context=dict(
            cls.env.context, no_reset_password=True, tracking_disable=True,
            mail_notrack=True, mail_create_nolog=True))
        Department = cls.env["uchaske.department"]
        cls.dep1 = Department.create({"name": "Test department One", "code": "T1"})
        cls.dep2 = Department.create({"name": "Test department Two", "code": "T2"})
        cls.users = {}
        for dep, suffix in ((cls.dep1, ""), (cls.dep2, "2")):
            for role, xmlid in GROUPS.items():
                login = "t_%s%s" % (role, suffix)
                cls.users[role + suffix] = cls.env["res.users"].create({
                    "name": "Test %s%s" % (role, suffix),
                    "login": login,
                    "email": "%s@uchaske.test" % login,
                    "groups_id": [(6, 0, [cls.env.ref(xmlid).id])],
                    "uchaske_department_id": dep.id,
                })
        # a second inspector in department 1 serves the adjacent district
        cls.users["neighbour"] = cls.env["res.users"].create({
            "name": "Test neighbour inspector", "login": "t_neighbour",
            "groups_id": [(6, 0, [cls.env.ref(GROUPS["inspector"]).id])],
            "uchaske_department_id": cls.dep1.id,
        })
        cls.dep1.chief_id = cls.users["chief"]
        cls.dep2.chief_id = cls.users["chief2"]
        Post = cls.env["uchaske.post"]
        cls.post1 = Post.create({
            "number": "1", "department_id": cls.dep1.id, "staff_count": 6,
            "responsible_inspector_id": cls.users["responsible"].id})
        cls.post2 = Post.create({
            "number": "1", "department_id": cls.dep2.id, "staff_count": 4,
            "responsible_inspector_id": cls.users["responsible2"].id})
        # appointment dates do not depend on the real date
        District = cls.env["uchaske.district"].with_context(
            uchaske_assignment_date="2026-01-15")
        cls.district1 = District.create({
            "name": "Left bank", "number": 1, "department_id": cls.dep1.id,
            "post_id": cls.post1.id, "inspector_id": cls.users["inspector"].id,
            "assistant_ids": [(6, 0, [cls.users["assistant"].id])]})
        cls.district1b = District.create({
            "name": "Embankment", "number": 2, "department_id": cls.dep1.id,
            "post_id": cls.post1.id, "inspector_id": cls.users["neighbour"].id,
            "adjacent_district_ids": [(6, 0, [cls.district1.id])]})
        cls.district2 = District.create({
            "name": "Village", "number": 1, "department_id": cls.dep2.id,
            "district_type": "rural", "post_id": cls.post2.id,
            "inspector_id": cls.users["inspector2"].id,
            "assistant_ids": [(6, 0, [cls.users["assistant2"].id])]})

    @classmethod
    def _release_cursor(cls):
        """Run the class teardown (rollback, close, reset the environments)
        if setUpClass failed; a no-op after a normal tearDownClass."""
        if not cls.cr.closed:
            cls.tearDownClass()

    @classmethod
    def as_user(cls, key, records):
        return records.sudo(cls.users[key])

    @contextlib.contextmanager
    def assertRefused(self, exception, regex=None):
        """The block raises ``exception`` (matching ``regex``) and leaves
        nothing written: it runs in a savepoint rolled back by the error.
        The record cache is dropped afterwards, as a new request would."""
        checker = self.assertRaisesRegex(exception, regex) if regex else \
            self.assertRaises(exception)
        with checker, self.env.cr.savepoint():
            yield
        self.env.cache.invalidate()
