# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R22.2: a work notebook entry of individual preventive work names the
register case; a case of another department cannot be named."""
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from odoo.addons.uchaske_registry.tests.common import RegistryCase


@common.at_install(False)
@common.post_install(True)
class TestNotebookCase(RegistryCase):

    def test_individual_work_names_its_case(self):
        """R22.2: the inspector links the entry to a case he serves; not to
        another department's; other kinds name no case."""
        case = self._new_case()
        Entry = self.env["uchaske.work.notebook.entry"].sudo(
            self.users["inspector"])
        entry = Entry.create({"kind": "individual_work", "case_id": case.id,
                              "name": "Talk with the supervised person"})
        self.assertEqual(entry.case_id, case)
        self.assertEqual(entry.requirement_ref, "R22.2")
        with self.assertRefused(ValidationError, "R22.2"):
            Entry.create({"kind": "talk", "case_id": case.id, "name": "Talk"})
        # the case moves to another department: out of the inspector's reach
        foreign = case
        foreign.sudo().write({"district_id": self.district2.id})
        with self.assertRefused((AccessError, ValidationError)):
            Entry.create({"kind": "individual_work", "case_id": foreign.id,
                          "name": "Not mine"})
