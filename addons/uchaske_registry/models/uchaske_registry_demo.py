# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import api, fields, models

from odoo.addons.uchaske_base.models.base import TrustedReferences

from uchaske_rules import iin

#: (surname, first name, patronymic, birth date, sex) — fictional people
PEOPLE = [
    ("Sadykov", "Arman", "Nurlanuly", date(1988, 4, 17), "male"),
    ("Zhunusova", "Dana", "Serikkyzy", date(1992, 9, 3), "female"),
    ("Bekmukhambetov", "Yerzhan", "Kairatuly", date(1979, 1, 28), "male"),
    ("Ivanov", "Sergey", "Petrovich", date(1983, 6, 11), "male"),
    ("Tulegenova", "Aliya", "Muratkyzy", date(1995, 12, 1), "female"),
    ("Kassymov", "Ruslan", "Bolatovich", date(1975, 3, 22), "male"),
    ("Akhmetov", "Timur", "Askaruly", date(1990, 7, 9), "male"),
    ("Omarova", "Saule", "Yerlanovna", date(1986, 10, 30), "female"),
    ("Nurpeisov", "Daulet", "Zhanatuly", date(1969, 5, 5), "male"),
    ("Kim", "Viktor", "Sergeyevich", date(1981, 2, 14), "male"),
]


class UchaskeRegistryDemo(models.AbstractModel):
    """Builds the register's demo data through the real workflow, as the
    demo users of each role (demo databases only; called from
    demo/uchaske_registry_demo.xml). Every category and every state gets a
    case; one supervision check is overdue; a transfer from the first
    department to the second waits for the destination's confirmation."""

    _name = "uchaske.registry.demo"
    _description = "Preventive register demo data"

    @api.model
    def _build_demo(self):
        ref = self.env.ref
        districts = [ref("uchaske_base.district_yesil_1_demo"),
                     ref("uchaske_base.district_yesil_2_demo")]
        rural = ref("uchaske_base.district_tselinograd_1_demo")
        self._today = fields.Date.from_string(fields.Date.context_today(self))
        persons = self._demo_persons(districts, rural)
        categories = self.env["uchaske.registry.category"].search([], order="sequence")
        plan = [  # (person index, category index, final state)
            (0, 0, "overdue"), (1, 1, "supervised"), (2, 2, "registered"),
            (3, 3, "transfer_requested"), (4, 4, "closing"), (5, 5, "closed"),
            (6, 6, "draft"), (7, 1, "transfer_draft"), (8, 2, "supervised"),
            (9, 0, "registered"),
        ]
        for person_index, category_index, final in plan:
            self._demo_case(persons[person_index], categories[category_index], final)
        self._demo_appendix_lists(districts, rural)
        return True

    def _day(self, delta):
        return fields.Date.to_string(self._today + timedelta(days=delta))

    def _demo_persons(self, districts, rural):
        Person = self.env["uchaske.person"]
        persons = []
        for serial, (surname, name, patronymic, born, sex) in enumerate(PEOPLE, 1):
            district = rural if serial == 10 else districts[serial % 2]
            persons.append(Person.create({
                "iin": iin.make_iin(born, sex, 3000 + serial * 7),
                "surname": surname, "first_name": name, "patronymic": patronymic,
                "birth_date": fields.Date.to_string(born), "sex": sex,
                "citizenship_id": self.env.ref("base.kz").id,
                "department_id": district.department_id.id,
                "address_ids": [(0, 0, {
                    "address": "%s, house %d, apt %d" % (
                        district.name, serial * 3, serial * 11),
                    "district_id": district.id,
                    "date_from": "2024-01-%02d" % serial})],
                "phone": "+7 701 555 %04d" % (serial * 37),
                "workplace": "LLP \"Astana Stroy\"" if serial % 3 else False,
            }))
        return persons

    def _demo_case(self, person, category, final):
        district = person.district_id
        inspector = district.inspector_id
        drafter = district.assistant_ids[:1] or inspector
        case = self.env["uchaske.registry.case"].sudo(drafter).create({
            "person_id": person.id, "category_id": category.id,
            "district_id": district.id, "grounds": "court_decision",
            "grounds_number": "2-%d/2026" % (1000 + person.id),
            "grounds_date": self._day(-90),
            "date_start": self._day(-80), "date_end": self._day(285),
            "restrictions": "Not to leave the district without notifying the "
                            "inspector; not to visit places selling alcohol.",
            "obligations": "Report to the police point once a month.",
        })
        if final == "draft":
            return case
        case.sudo(inspector).wf_apply("register", {
            "legal_basis": category.legal_basis[:120],
            "document_number": case.grounds_number,
            "document_date": case.grounds_date})
        if final == "registered":
            return case
        if final == "overdue":
            # demo only: registered 70 days ago, last checked 40 days ago,
            # so that the 30-day cadence shows an overdue check (R12)
            case.sudo().write({"registered_on": self._day(-70)})
            self._demo_check(case, drafter, -40)
            return case
        self._demo_check(case, drafter, 0)
        if final == "supervised":
            return case
        if final.startswith("transfer"):
            return self._demo_transfer(case, inspector, final)
        case.sudo(inspector).write({"close_reason": "court_decision"})
        case.sudo(inspector).wf_apply("request_close", {
            "comment": "The court lifted the measure.",
            "legal_basis": "Court decision 2-%d/2026" % (2000 + person.id)})
        if final == "closed":
            lead = district.post_id.responsible_inspector_id
            approver = lead if lead != inspector else \
                district.department_id.chief_id
            case.sudo(approver).wf_apply("approve_close")
        return case

    def _demo_appendix_lists(self, districts, rural):
        """R17: firearm owners (one annual check overdue, R22.10), persons
        sentenced without isolation (one removed), foreigners (one stay about
        to expire) — entered by the districts' inspectors."""
        Person = self.env["uchaske.person"]
        extra = [
            ("Baimukhanov", "Nurlan", "Serikovich", date(1970, 8, 8), "male",
             "base.kz"),
            ("Petrenko", "Oleg", "Ivanovich", date(1965, 11, 2), "male", "base.kz"),
            ("Sultanova", "Gaukhar", "Amanovna", date(1998, 4, 4), "female",
             "base.kz"),
            ("Rakhimov", "Bakhodir", "Ulugbekovich", date(1991, 1, 19), "male",
             "base.uz"),
            ("Wang", "Lei", False, date(1987, 6, 30), "male", "base.cn"),
        ]
        people = []
        for serial, (surname, name, patronymic, born, sex, country) in enumerate(
                extra, 1):
            district = districts[serial % 2]
            vals = {"surname": surname, "first_name": name,
                    "patronymic": patronymic, "birth_date": fields.Date.to_string(born),
                    "sex": sex, "citizenship_id": self.env.ref(country).id,
                    "department_id": district.department_id.id}
            if country == "base.kz":
                vals["iin"] = iin.make_iin(born, sex, 5000 + serial * 13)
            people.append(Person.create(vals))
        owner, second_owner, sentenced, uzbek, chinese = people
        # the persons were recorded by the department, out of the
        # inspectors' sight until listed: the demo vouches for them as the
        # list import does for a person found by IIN
        trusted = TrustedReferences.of(Person.browse([p.id for p in people]))
        Firearm = self.env["uchaske.firearm.owner"].with_context(
            uchaske_trusted_references=trusted)
        for person, district, last_check, number in (
                (owner, districts[1], -420, "IZH-27E 1234567"),
                (second_owner, districts[0], -100, "MP-153 7654321")):
            Firearm.sudo(district.inspector_id).create({
                "person_id": person.id, "district_id": district.id,
                "address": "%s, house 7" % district.name,
                "home_phone": "+7 7172 55 12 34",
                "weapon_type": "Smoothbore hunting gun",
                "weapon_make": number.split(" ")[0], "calibre": "12",
                "weapon_number": number.split(" ")[1],
                "permit_number": "HG-%s" % number.split(" ")[1][:4],
                "permit_issued_on": self._day(-900),
                "permit_issued_by": "Licensing unit, Astana police department",
                "permit_valid_until": self._day(925),
                "last_check_date": self._day(last_check),
            })
        Noncustodial = self.env["uchaske.noncustodial.person"].with_context(
            uchaske_trusted_references=trusted)
        district = districts[0]
        for person, entered, removed, marks in (
                (sentenced, -200, False, "Restriction of liberty, 2 years"),
                (owner, -500, -30, "Correctional labour served")):
            Noncustodial.sudo(district.inspector_id).create({
                "person_id": person.id, "district_id": district.id,
                "address": "%s, house 15" % district.name,
                "date_entered": self._day(entered),
                "date_removed": removed and self._day(removed),
                "special_marks": marks,
            })
        Foreigner = self.env["uchaske.foreigner"].with_context(
            uchaske_trusted_references=trusted)
        for person, district, stay_until, passport in (
                (uzbek, districts[1], 12, "FA7702311"),
                (chinese, rural, 200, "E55019873")):
            Foreigner.sudo(district.inspector_id).create({
                "person_id": person.id, "district_id": district.id,
                "passport_number": passport,
                "passport_valid_until": self._day(900),
                "residence_status": "temporary",
                "stay_permitted_from": self._day(-78),
                "stay_permitted_until": self._day(stay_until),
                "temporary_address": "%s, hostel, room 21" % district.name,
                "work_place": "LLP \"Astana Stroy\"",
                "position": "Builder",
                "residence_check_date": self._day(-20),
            })
        self.env["uchaske.firearm.owner"]._cron_check_overdue()
        self.env["uchaske.foreigner"]._cron_expiry_alerts()

    def _demo_check(self, case, user, delta):
        return self.env["uchaske.registry.check"].sudo(user).create({
            "case_id": case.id, "date": self._day(delta),
            "kind": "home_visit", "result": "complies",
            "follow_up": "Talked with the person and the neighbours."})

    def _demo_transfer(self, case, inspector, final):
        destination = self.env.ref("uchaske_base.district_tselinograd_1_demo")
        # Datetimes are UTC: count back from now, not from the local day's
        # midnight, which is already tomorrow's UTC date after 19:00 UTC.
        moved = fields.Datetime.from_string(fields.Datetime.now()) - \
            timedelta(hours=20)
        transfer = self.env["uchaske.registry.transfer"].sudo(inspector).create({
            "case_id": case.id,
            "move_date": fields.Datetime.to_string(moved),
            "new_address": "Akmol, Abai street 3",
            "destination_department_id": destination.department_id.id,
            "destination_district_id": destination.id,
        })
        if final == "transfer_requested":
            transfer.sudo(inspector).write({
                "request_number": "27/1-%d" % (4400 + case.id),
                "request_date": fields.Datetime.to_string(
                    moved + timedelta(hours=18))})
            transfer.sudo(inspector).wf_apply("send_request")
        return case
