# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The officers' work notebooks (R20, R9, R22.2, R22.5–R22.9, R22.14) as
real users of each role."""
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestWorkNotebook(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestWorkNotebook, cls).setUpClass()
        cls.Notebook = cls.env["uchaske.work.notebook"]
        cls.Entry = cls.env["uchaske.work.notebook.entry"]

    def _entry(self, role, **vals):
        values = {"kind": "walk_info", "name": "Broken lamp in the yard"}
        values.update(vals)
        return self.Entry.sudo(self.users[role]).create(values)

    def test_one_notebook_per_officer_created_on_first_use(self):
        """R20: each officer keeps one notebook, created on first use."""
        Notebook = self.Notebook.sudo(self.users["inspector"])
        self.assertFalse(Notebook.search(
            [("user_id", "=", self.users["inspector"].id)]))
        first = Notebook._get_mine()
        self.assertEqual(first.user_id, self.users["inspector"])
        self.assertEqual(first.post_id, self.post1)
        self.assertEqual(Notebook._get_mine(), first)
        action = Notebook.action_open_mine()
        self.assertEqual(action["res_id"], first.id)

    def test_entry_kinds_cite_their_clause(self):
        """R20, R9, R22.2, R22.5–R22.9, R22.14: each kind of entry records
        a function of the order."""
        expected = {"instruction": "R20", "walk_info": "R22.14",
                    "talk": "R22.14", "online_reception": "R9",
                    "visit_card": "R22.14", "individual_work": "R22.2",
                    "victim_help": "R22.6", "joint_walk": "R22.7",
                    "alcohol_test": "R22.9", "health_request": "R22.5"}
        for kind, ref in expected.items():
            vals = {"kind": kind}
            if kind == "instruction":
                vals["given_by_id"] = self.users["responsible"].id
            entry = self._entry("assistant", **vals)
            self.assertEqual(entry.requirement_ref, ref, kind)
            self.assertEqual(entry.user_id, self.users["assistant"])
        order = self._entry(
            "inspector", kind="binding_order", name="Remove the garbage",
            person_name="LLP Courtyard", grounds="Dump near the school",
            date_compliance="2026-12-01")
        self.assertEqual(order.requirement_ref, "R22.8")

    def test_incomplete_entries_refused(self):
        """R20: a task names the superior who gave it; R22.8: a binding
        order names recipient, grounds and compliance due date."""
        with self.assertRefused(ValidationError, "Given by"):
            self._entry("inspector", kind="instruction")
        with self.assertRefused(ValidationError, "R22.8"):
            self._entry("inspector", kind="binding_order",
                        person_name="LLP Courtyard")
        self.assertFalse(self.Entry.search(
            [("user_id", "=", self.users["inspector"].id)]))

    def test_owner_writes_lead_and_chief_read(self):
        """R20, R24: the officer writes his own notebook; the responsible
        inspector and the chief read those of their point/department and
        cannot write them; another department sees nothing."""
        entry = self._entry("inspector")
        entry.sudo(self.users["inspector"]).write({"result": "Lamp fixed"})
        for role in ("responsible", "chief"):
            self.assertEqual(self.Entry.sudo(self.users[role]).search(
                [("id", "=", entry.id)]), entry)
            with self.assertRefused(AccessError):
                entry.sudo(self.users[role]).write({"result": "Changed"})
        for role in ("assistant", "neighbour", "responsible2", "chief2"):
            self.assertFalse(self.Entry.sudo(self.users[role]).search(
                [("id", "=", entry.id)]), role)
        # no writing into someone else's notebook
        notebook = entry.notebook_id
        with self.assertRefused((AccessError, ValidationError)):
            self._entry("assistant", notebook_id=notebook.id)
        with self.assertRefused((AccessError, ValidationError)):
            entry.sudo(self.users["assistant"]).write({"name": "Mine"})
