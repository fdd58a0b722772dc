# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Registry fixtures on top of uchaske_base's UchaskeCase: persons with
valid IINs and a helper that walks a case through the workflow."""
from datetime import date

from odoo.addons.uchaske_base.tests.common import UchaskeCase

from uchaske_rules import iin

REGISTER = {"legal_basis": "Court decision of 12.10.2026",
            "document_number": "2-3301/2026", "document_date": "2026-10-12"}


class RegistryCase(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(RegistryCase, cls).setUpClass()
        cls.Person = cls.env["uchaske.person"]
        cls.Case = cls.env["uchaske.registry.case"]
        cls.category = cls.env.ref("uchaske_registry.category_parole")
        cls.person = cls.Person.create({
            "iin": iin.make_iin(date(1988, 4, 17), "male", 1201),
            "surname": "Sadykov", "first_name": "Arman", "patronymic": "Nurlanuly",
            "department_id": cls.dep1.id,
            "address_ids": [(0, 0, {"address": "Kabanbay batyr 11, apt 5",
                                    "district_id": cls.district1.id,
                                    "date_from": "2025-01-01"})],
        })

    def _new_case(self, role="assistant", person=None, **vals):
        values = {"person_id": (person or self.person).id,
                  "category_id": self.category.id,
                  "district_id": self.district1.id,
                  "grounds": "court_decision",
                  "grounds_number": "2-3301/2026", "grounds_date": "2026-10-12",
                  "date_start": "2026-10-12", "date_end": "2027-10-12",
                  "restrictions": "Not to leave Astana without notice",
                  "obligations": "Report to the police point monthly"}
        values.update(vals)
        return self.Case.sudo(self.users[role]).create(values)

    def _registered_case(self, inspector="inspector", **vals):
        case = self._new_case(inspector, **vals)
        case.sudo(self.users[inspector]).wf_apply("register", REGISTER)
        return case
