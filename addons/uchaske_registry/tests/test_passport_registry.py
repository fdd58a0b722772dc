# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A1 §3 with the registry: the district passport's foreigners are counted
from the Appendix 4 list (R17.3), not typed; R4: the handover snapshot lists
the open register cases of the district by category."""
import json
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import common

from uchaske_rules import iin

from .common import RegistryCase

TODAY = "2026-11-10 09:00:00"


@common.at_install(False)
@common.post_install(True)
class TestPassportRegistry(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestPassportRegistry, cls).setUpClass()
        cls.passport1 = cls.env["uchaske.district.passport"].search(
            [("district_id", "=", cls.district1.id)])
        cls.year = cls.passport1.year_ids[:1]
        cls.guest = cls.Person.create({
            "iin": iin.make_iin(date(1985, 4, 10), "male", 2101),
            "surname": "Karimov", "first_name": "Rustam",
            "department_id": cls.dep1.id,
            "citizenship_id": cls.env.ref("base.uz").id})

    def test_a1_foreigners_counted_from_a4(self):
        """A1, A4: a foreigner entered in the district's A4 list counts in
        the passport; the figure cannot be typed."""
        self.assertEqual(self.year.foreigners, 0)
        with freeze_time(TODAY):
            entry = self.env["uchaske.foreigner"].create({
                "person_id": self.guest.id, "district_id": self.district1.id,
                "passport_number": "FA1234567",
                "passport_valid_until": "2030-01-01"})
        self.assertEqual(self.year.foreigners, 1)
        self.assertIn("Appendix 4", self.year.counted_sources)
        with self.assertRefused(ValidationError, "Foreigners: .*cannot be typed"):
            self.year.sudo(self.users["inspector"]).write({"foreigners": 4})
        entry.write({"active": False})
        self.assertEqual(self.year.foreigners, 0)

    def test_r4_snapshot_lists_open_cases_by_category(self):
        """R4: the act freezes the district's open register cases by
        category."""
        with freeze_time(TODAY):
            self._registered_case()
            act = self.env["uchaske.district.handover"].sudo(
                self.users["assistant"]).create({
                    "passport_id": self.passport1.id,
                    "handing_user_id": self.users["inspector"].id,
                    "accepting_user_id": self.users["neighbour"].id,
                    "supervisor_id": self.users["chief"].id})
            act.sudo(self.users["inspector"]).wf_apply("hand_over")
            act.sudo(self.users["neighbour"]).wf_apply("accept")
            act.sudo(self.users["chief"]).wf_apply("confirm")
        register = json.loads(act.snapshot_json)["register"]
        self.assertEqual(register, [[self.category.name, 1]])
        self.assertIn(self.category.name, act.snapshot_html)
