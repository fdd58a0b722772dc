# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access matrix of the organisation as real users of each role (R7, R16):
what each role may read, write, create, delete — and every denial,
including the other department's records."""
from odoo.exceptions import AccessError
from odoo.tests import common

from .common import UchaskeCase

ROLES = ("assistant", "inspector", "responsible", "chief")


@common.at_install(False)
@common.post_install(True)
class TestOrganisationAccess(UchaskeCase):

    def _can(self, role, records, operation):
        records = records.sudo(self.users[role])
        try:
            records.check_access_rights(operation)
            records.check_access_rule(operation)
        except AccessError:
            return False
        return True

    def test_every_role_reads_own_department_only(self):
        """R7: records of another department stay invisible."""
        for role in ROLES:
            user = self.users[role]
            for model in ("uchaske.department", "uchaske.post",
                          "uchaske.district", "uchaske.district.assignment"):
                found = self.env[model].sudo(user).search([])
                departments = found.mapped("department_id") if \
                    model != "uchaske.department" else found
                self.assertEqual(departments, self.dep1, (role, model))
            with self.assertRefused(AccessError):
                self.district2.sudo(user).read(["name"])
            with self.assertRefused(AccessError):
                self.dep2.sudo(user).read(["name"])

    def test_only_the_chief_changes_districts(self):
        """R3: boundaries and numbering are set by the chief's order."""
        for role in ("assistant", "inspector", "responsible"):
            self.assertFalse(self._can(role, self.district1, "write"), role)
            with self.assertRefused(AccessError):
                self.district1.sudo(self.users[role]).write({"population": 1})
            with self.assertRefused(AccessError):
                self.env["uchaske.district"].sudo(self.users[role]).create({
                    "name": "New", "number": 9, "department_id": self.dep1.id})
        chief = self.users["chief"]
        self.district1.sudo(chief).write({"population": 12500})
        self.assertEqual(self.district1.population, 12500)
        created = self.env["uchaske.district"].sudo(chief).create({
            "name": "New", "number": 9, "department_id": self.dep1.id})
        self.assertEqual(created.department_id, self.dep1)

    def test_chief_cannot_touch_another_department(self):
        chief = self.users["chief"]
        with self.assertRefused(AccessError):
            self.district2.sudo(chief).write({"population": 1})
        with self.assertRefused(AccessError):
            self.env["uchaske.district"].sudo(chief).create({
                "name": "Foreign", "number": 9, "department_id": self.dep2.id})
        with self.assertRefused(AccessError):
            self.dep2.sudo(chief).write({"name": "Renamed"})

    def test_nobody_but_the_administrator_deletes_districts(self):
        for role in ROLES:
            with self.assertRefused(AccessError):
                self.district1b.sudo(self.users[role]).unlink()
        self.assertTrue(self.district1b.exists())

    def test_only_the_chief_orders_substitutions(self):
        """R6: substitution by order of the city/district chief."""
        vals = {
            "district_id": self.district1.id,
            "absent_user_id": self.users["inspector"].id,
            "substitute_id": self.users["neighbour"].id,
            "reason": "leave", "date_start": "2026-12-01",
            "date_end": "2026-12-20", "order_number": "1",
            "order_date": "2026-11-25",
        }
        for role in ("assistant", "inspector", "responsible"):
            with self.assertRefused(AccessError):
                self.env["uchaske.substitution"].sudo(self.users[role]).create(vals)
        substitution = self.env["uchaske.substitution"].sudo(
            self.users["chief"]).create(vals)
        # the other department's chief neither sees nor changes it
        with self.assertRefused(AccessError):
            substitution.sudo(self.users["chief2"]).read(["name"])
        with self.assertRefused(AccessError):
            substitution.sudo(self.users["chief2"]).write({"order_number": "2"})
        for role in ROLES:
            self.assertTrue(self._can(role, substitution, "read"), role)

    def test_absences_recorded_by_responsible_and_chief(self):
        vals = {"user_id": self.users["inspector"].id,
                "department_id": self.dep1.id, "reason": "leave",
                "date_start": "2026-12-01", "date_end": "2026-12-02"}
        for role in ("assistant", "inspector"):
            with self.assertRefused(AccessError):
                self.env["uchaske.absence"].sudo(self.users[role]).create(vals)
        absence = self.env["uchaske.absence"].sudo(
            self.users["responsible"]).create(vals)
        with self.assertRefused(AccessError):
            absence.sudo(self.users["responsible"]).unlink()
        with self.assertRefused(AccessError):
            absence.sudo(self.users["responsible2"]).read(["name"])
        absence.sudo(self.users["chief"]).unlink()

    def test_officer_cannot_move_themselves_to_another_department(self):
        user = self.users["inspector"]
        with self.assertRefused(AccessError):
            user.sudo(user).write({"uchaske_department_id": self.dep2.id})
        self.assertEqual(user.uchaske_department_id, self.dep1)

    def test_workflow_definitions_read_only_for_roles(self):
        for role in ROLES:
            for model in ("uchaske.workflow", "uchaske.workflow.state",
                          "uchaske.workflow.transition",
                          "uchaske.workflow.deadline"):
                records = self.env[model].sudo(self.users[role])
                self.assertTrue(records.check_access_rights("read", False))
                self.assertFalse(records.check_access_rights("write", False),
                                 (role, model))
                self.assertFalse(records.check_access_rights("create", False))
