# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R14: a transfer's destination is chosen from every department's names,
while the organisation records of another department stay unreadable (R7)."""
from odoo.exceptions import AccessError
from odoo.tests import common

from .common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestDirectory(UchaskeCase):

    def test_directory_offers_names_not_records(self):
        """R14, R7: the destination field's autocomplete names the other
        department and its districts; a plain search or a read does not."""
        for role in ("assistant", "inspector", "responsible", "chief"):
            Department = self.env["uchaske.department"].sudo(self.users[role])
            District = self.env["uchaske.district"].sudo(self.users[role])
            plain = [pair[0] for pair in Department.name_search(self.dep2.name)]
            self.assertNotIn(self.dep2.id, plain, role)
            chosen = [pair[0] for pair in Department.with_context(
                uchaske_directory=True).name_search(self.dep2.name)]
            self.assertIn(self.dep2.id, chosen, role)
            districts = [pair[0] for pair in District.with_context(
                uchaske_directory=True).name_search(
                    "", args=[("department_id", "=", self.dep2.id)])]
            self.assertIn(self.district2.id, districts, role)
            with self.assertRefused(AccessError):
                self.dep2.sudo(self.users[role]).read(["name", "chief_id"])
            with self.assertRefused(AccessError):
                self.district2.sudo(self.users[role]).read(["name"])
