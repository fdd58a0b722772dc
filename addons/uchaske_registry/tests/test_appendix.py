# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The electronic lists of R17: firearm owners (A2) and their annual check
(R22.10), persons sentenced without isolation as of a date (A3), foreigners
and the expiry of their stay and passport (A4); access as real users of each
role. "Today" is pinned with freezegun."""
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase

from uchaske_rules import iin as iin_core

TODAY = "2026-06-15"


@common.at_install(False)
@common.post_install(True)
class TestAppendix(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestAppendix, cls).setUpClass()
        with freeze_time(TODAY):
            cls._build_lists()

    @classmethod
    def _person(cls, surname, birth, sex, serial, department, **vals):
        return cls.env["uchaske.person"].create(dict(
            vals, surname=surname, first_name="Test", birth_date=birth.isoformat(),
            iin=iin_core.make_iin(birth, sex, serial), sex=sex,
            department_id=department.id))

    @classmethod
    def _build_lists(cls):
        Owner = cls.env["uchaske.firearm.owner"]
        Listed = cls.env["uchaske.noncustodial.person"]
        Foreigner = cls.env["uchaske.foreigner"]
        cls.kazakhstan = cls.env.ref("base.kz")
        cls.uzbekistan = cls.env.ref("base.uz")
        cls.person1 = cls._person("Abenov", date(1970, 2, 3), "male", 11, cls.dep1,
                                  address_ids=[(0, 0, {"address": "Abay St 1"})],
                                  phone_home="11-11-11")
        cls.person1b = cls._person("Bekov", date(1971, 3, 4), "male", 12, cls.dep1)
        cls.person2 = cls._person("Dauletov", date(1972, 4, 5), "male", 13, cls.dep2)
        cls.owner1 = Owner.create({
            "person_id": cls.person1.id, "district_id": cls.district1.id,
            "weapon_type": "smooth-bore hunting", "weapon_make": "IZh-27",
            "calibre": "12", "weapon_number": "N-1001",
            "permit_issued_on": "2024-03-01", "permit_valid_until": "2029-03-01",
            "last_check_date": "2025-04-10"})
        cls.owner1b = Owner.create({
            "person_id": cls.person1b.id, "district_id": cls.district1b.id,
            "weapon_number": "N-1002", "permit_issued_on": "2026-01-10"})
        cls.owner2 = Owner.create({
            "person_id": cls.person2.id, "district_id": cls.district2.id,
            "weapon_number": "N-2001", "permit_issued_on": "2024-01-10"})
        cls.listed1 = Listed.create({
            "person_id": cls.person1.id, "district_id": cls.district1.id,
            "date_entered": "2025-01-10", "date_removed": "2025-06-01"})
        cls.listed1b = Listed.create({
            "person_id": cls.person1b.id, "district_id": cls.district1.id,
            "date_entered": "2025-03-01"})
        cls.listed2 = Listed.create({
            "person_id": cls.person2.id, "district_id": cls.district2.id,
            "date_entered": "2025-03-01"})
        cls.guest1 = cls._person("Karimov", date(1985, 4, 10), "male", 21, cls.dep1,
                                 citizenship_id=cls.uzbekistan.id)
        cls.guest2 = cls._person("Rahimov", date(1986, 5, 11), "male", 22, cls.dep2,
                                 citizenship_id=cls.uzbekistan.id)
        cls.foreigner1 = Foreigner.create({
            "person_id": cls.guest1.id, "district_id": cls.district1.id,
            "passport_number": "FA1234567", "passport_valid_until": "2026-08-01",
            "stay_permitted_from": "2026-01-01",
            "stay_permitted_until": "2026-08-20"})
        cls.foreigner2 = Foreigner.create({
            "person_id": cls.guest2.id, "district_id": cls.district2.id,
            "passport_number": "FA7654321", "passport_valid_until": "2030-01-01"})

    def _activities(self, record, prefix):
        return self.env["mail.activity"].search([
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("summary", "=like", prefix + "%")])

    # -- A2, R22.10 ---------------------------------------------------------

    def test_a2_entry_follows_district_and_person(self):
        """R17/A2: an entry takes department and police point from its
        district, the owner's address and home phone by default, and the next
        row number "No." of the district's list."""
        self.assertEqual(self.owner1.department_id, self.dep1)
        self.assertEqual(self.owner1.post_id, self.post1)
        self.assertEqual(self.owner1.address, "Abay St 1")
        self.assertEqual(self.owner1.home_phone, "11-11-11")
        with freeze_time(TODAY):
            second = self.env["uchaske.firearm.owner"].create({
                "person_id": self.person1.id, "district_id": self.district1.id,
                "weapon_number": "N-1003", "address": "Kenesary St 2"})
        self.assertEqual(second.number, self.owner1.number + 1)
        self.assertEqual(second.address, "Kenesary St 2")
        self.assertEqual(self.owner1b.number, 1)
        second.district_id = self.district1b
        self.assertEqual((second.department_id, second.post_id, second.number),
                         (self.dep1, self.post1, 2))

    def test_a2_annual_check_overdue(self):
        """R22.10/A2: each owner is checked at the residence at least once a
        year: overdue the day after the anniversary of the last check (or of
        the permit without a check), not for a seized weapon."""
        owners = self.env["uchaske.firearm.owner"]
        self.assertEqual(self.owner1.next_check_due, "2026-04-10")
        self.assertEqual(self.owner2.next_check_due, "2025-01-10")
        with freeze_time("2026-04-10"):
            self.assertFalse(self.owner1.check_overdue)
            self.assertNotIn(self.owner1, owners.search([("check_overdue", "=", True)]))
        with freeze_time("2026-04-11"):
            self.owner1.invalidate_cache()
            self.assertTrue(self.owner1.check_overdue)
            overdue = owners.search([("check_overdue", "=", True)])
            self.assertIn(self.owner1, overdue)
            self.assertIn(self.owner2, overdue)
            self.assertNotIn(self.owner1b, overdue)
            self.assertIn(self.owner1b, owners.search([("check_overdue", "=", False)]))
            self.owner2.write({"seized_date": "2026-04-01", "seizure_kind": "seized"})
            self.assertFalse(self.owner2.check_overdue)
            self.assertNotIn(self.owner2, owners.search([("check_overdue", "=", True)]))
            self.owner1.sudo(self.users["inspector"]).action_mark_checked()
            self.assertEqual(self.owner1.last_check_date, "2026-04-11")
            self.assertEqual(self.owner1.next_check_due, "2027-04-11")
            self.assertFalse(self.owner1.check_overdue)

    def test_a2_overdue_check_activity_once(self):
        """R22.10/A2: the daily job gives the district's inspector one
        activity per overdue check, not again once done; the check closes it."""
        owners = self.env["uchaske.firearm.owner"]
        with freeze_time("2026-04-20"):
            owners._cron_check_overdue()
            owners._cron_check_overdue()
            activity = self._activities(self.owner1, "R22.10:")
            self.assertEqual(len(activity), 1)
            self.assertEqual(activity.user_id, self.users["inspector"])
            self.assertEqual(activity.date_deadline, "2026-04-10")
            self.assertEqual(self._activities(self.owner2, "R22.10:").user_id,
                             self.users["inspector2"])
            self.assertFalse(self._activities(self.owner1b, "R22.10:"))
            self._activities(self.owner2, "R22.10:").action_feedback("Seen")
            owners._cron_check_overdue()
            self.assertFalse(self._activities(self.owner2, "R22.10:"))
            self.owner1.last_check_date = "2026-04-19"
            self.assertFalse(self._activities(self.owner1, "R22.10:"))
        with freeze_time("2027-04-20"):
            owners._cron_check_overdue()
            self.assertEqual(self._activities(self.owner1, "R22.10:").date_deadline,
                             "2027-04-19")

    def test_a2_constraints(self):
        """A2: dates that record facts cannot be in the future, a permit is
        not valid before it is issued, and a weapon not yet seized is listed
        once."""
        owners = self.env["uchaske.firearm.owner"]
        base = {"person_id": self.person1b.id, "district_id": self.district1.id}
        with freeze_time(TODAY):
            with self.assertRefused(ValidationError, "future"):
                owners.create(dict(base, weapon_number="X-1",
                                   permit_issued_on="2026-06-16"))
            with self.assertRefused(ValidationError, "future"):
                self.owner1.last_check_date = "2026-07-01"
            with self.assertRefused(ValidationError, "before it was issued"):
                owners.create(dict(base, weapon_number="X-2",
                                   permit_issued_on="2025-01-01",
                                   permit_valid_until="2024-01-01"))
            with self.assertRefused(ValidationError, "already listed"):
                owners.create(dict(base, weapon_number=" n-1001 ",
                                   weapon_make="izh-27"))
            # the same number of another make is another weapon
            owners.create(dict(base, weapon_number="N-1001", weapon_make="MP-153"))
            self.owner1.write({"seized_date": "2026-06-01",
                               "seizure_kind": "surrendered"})
            again = owners.create(dict(base, weapon_number="N-1001",
                                       weapon_make="IZh-27"))
            self.assertEqual(again.weapon_number, "N-1001")
            with self.assertRefused(ValidationError, "already listed"):
                self.owner1.seized_date = False

    # -- A3 -----------------------------------------------------------------

    def test_a3_list_as_of_dates(self):
        """A3: the list is drawn up as of a date: a person is on it from the
        day entered until the day removed (excluded); the search and the
        field agree at every date."""
        listed = self.env["uchaske.noncustodial.person"]
        mine = listed.search([("district_id", "=", self.district1.id)])
        expected = {
            "2025-01-09": listed,
            "2025-01-10": self.listed1,
            "2025-03-01": self.listed1 | self.listed1b,
            "2025-05-31": self.listed1 | self.listed1b,
            "2025-06-01": self.listed1b,
            "2026-06-15": self.listed1b,
        }
        for as_of, on_list in expected.items():
            in_context = listed.with_context(as_of=as_of)
            found = in_context.search([("district_id", "=", self.district1.id),
                                       ("listed_on_date", "=", True)])
            self.assertEqual(found, on_list, as_of)
            off = in_context.search([("district_id", "=", self.district1.id),
                                     ("listed_on_date", "=", False)])
            self.assertEqual(off, mine - on_list, as_of)
            for entry in mine.with_context(as_of=as_of):
                self.assertEqual(entry.listed_on_date, entry in on_list,
                                 (as_of, entry.person_id.name))
        with freeze_time("2025-02-01"):
            self.assertEqual(listed.search([("district_id", "=", self.district1.id),
                                            ("listed_on_date", "=", True)]),
                             self.listed1)

    def test_a3_as_of_wizard(self):
        """A3: the inspector opens the list as of a chosen date."""
        inspector = self.users["inspector"]
        wizard = self.env["uchaske.noncustodial.as.of"].sudo(inspector).create({
            "as_of": "2025-04-01"})
        action = wizard.action_open()
        self.assertEqual(action["res_model"], "uchaske.noncustodial.person")
        self.assertIn("2025-04-01", action["name"])
        found = self.env["uchaske.noncustodial.person"].sudo(inspector).with_context(
            **action["context"]).search(action["domain"])
        self.assertEqual(found, self.listed1 | self.listed1b)
        wizard.as_of = "2025-07-01"
        action = wizard.action_open()
        found = self.env["uchaske.noncustodial.person"].sudo(inspector).with_context(
            **action["context"]).search(action["domain"])
        self.assertEqual(found, self.listed1b)

    def test_a3_constraints(self):
        """A3: removed on or after the day entered, nothing in the future,
        and one period on the list at a time per person."""
        listed = self.env["uchaske.noncustodial.person"]
        with freeze_time(TODAY):
            with self.assertRefused(ValidationError, "before being entered"):
                self.listed1.date_removed = "2025-01-09"
            with self.assertRefused(ValidationError, "future"):
                listed.create({"person_id": self.guest1.id,
                               "district_id": self.district1.id,
                               "date_entered": "2026-06-16"})
            with self.assertRefused(ValidationError, "may not overlap"):
                listed.create({"person_id": self.person1b.id,
                               "district_id": self.district1b.id,
                               "date_entered": "2026-01-01"})
            with self.assertRefused(ValidationError, "may not overlap"):
                listed.create({"person_id": self.person1.id,
                               "district_id": self.district1.id,
                               "date_entered": "2024-12-01",
                               "date_removed": "2025-01-11"})
            # entered again on the day removed: no overlap
            again = listed.create({"person_id": self.person1.id,
                                   "district_id": self.district1.id,
                                   "date_entered": "2025-06-01"})
            self.assertTrue(again.with_context(as_of="2025-06-01").listed_on_date)
            self.assertEqual(again.birth_date, "1970-02-03")
            self.assertEqual(again.address, "Abay St 1")

    # -- A4 -----------------------------------------------------------------

    def test_a4_expiring_and_alerts_once(self):
        """A4: the permitted stay and the passport are signalled to the
        district's inspector 30 days ahead, one activity per kind, never
        twice for the same date; a new date replaces the stale activity."""
        foreigners = self.env["uchaske.foreigner"]
        with freeze_time("2026-06-01"):
            self.assertFalse(self.foreigner1.expiring)
            self.assertNotIn(self.foreigner1,
                             foreigners.search([("expiring", "=", True)]))
            foreigners._cron_expiry_alerts()
            self.assertFalse(self._activities(self.foreigner1, "A4:"))
        with freeze_time("2026-07-05"):  # passport in 27 days, stay in 46
            self.foreigner1.invalidate_cache()
            self.assertTrue(self.foreigner1.expiring)
            self.assertIn(self.foreigner1, foreigners.search([("expiring", "=", True)]))
            self.assertNotIn(self.foreigner2,
                             foreigners.search([("expiring", "=", True)]))
            foreigners._cron_expiry_alerts()
            foreigners._cron_expiry_alerts()
            passport = self._activities(self.foreigner1, "A4:")
            self.assertEqual(len(passport), 1)
            self.assertIn("passport", passport.summary)
            self.assertEqual(passport.date_deadline, "2026-08-01")
            self.assertEqual(passport.user_id, self.users["inspector"])
        with freeze_time("2026-07-25"):  # stay in 26 days
            foreigners._cron_expiry_alerts()
            foreigners._cron_expiry_alerts()
            self.assertEqual(len(self._activities(self.foreigner1, "A4:")), 2)
            passport.action_feedback("Passport renewal requested")
            foreigners._cron_expiry_alerts()
            activities = self._activities(self.foreigner1, "A4:")
            self.assertEqual(len(activities), 1)
            self.assertIn("stay", activities.summary)
            # the stay is extended: the alert about the old date goes away
            self.foreigner1.stay_permitted_until = "2026-12-31"
            foreigners._cron_expiry_alerts()
            self.assertFalse(self._activities(self.foreigner1, "A4:"))
            self.assertTrue(self.foreigner1.expiring)  # the passport still is
        with freeze_time("2026-12-05"):
            foreigners._cron_expiry_alerts()
            stay = self._activities(self.foreigner1, "A4:")
            self.assertEqual((len(stay), stay.date_deadline), (1, "2026-12-31"))

    def test_a4_warn_days_parameter(self):
        """A4: the warning period is a system parameter (30 days by default)."""
        self.env["ir.config_parameter"].set_param(
            "uchaske_registry.foreigner_warn_days", "90")
        with freeze_time("2026-06-01"):
            self.assertIn(self.foreigner1, self.env["uchaske.foreigner"].search(
                [("expiring", "=", True)]))
            self.assertTrue(self.foreigner1.expiring)

    def test_a4_constraints(self):
        """A4: the permitted stay ends after it starts, the check at the
        residence is not in the future, a passport and a person are listed
        once."""
        foreigners = self.env["uchaske.foreigner"]
        with freeze_time(TODAY):
            with self.assertRefused(ValidationError, "ends"):
                self.foreigner1.stay_permitted_until = "2025-12-31"
            with self.assertRefused(ValidationError, "future"):
                self.foreigner1.residence_check_date = "2026-06-16"
            with self.assertRefused(ValidationError, "already listed for"):
                foreigners.create({"person_id": self.guest2.id,
                                   "district_id": self.district1.id,
                                   "passport_number": "fa1234567"})
            with self.assertRefused(ValidationError, "already on the list"):
                foreigners.create({"person_id": self.guest1.id,
                                   "district_id": self.district1.id})
            self.foreigner1.residence_check_date = TODAY
        self.assertEqual(self.foreigner1.citizenship_id, self.uzbekistan)

    # -- access (R15, R16, R24) ------------------------------------------------

    def _visible(self, role, model):
        return self.env[model].sudo(self.users[role]).search([])

    def test_access_inspector_sees_districts_served(self):
        """R17/R15: an inspector and the assistant see the lists of the
        districts they serve; the neighbour's district and the other
        department stay out of reach."""
        for role in ("inspector", "assistant"):
            self.assertEqual(self._visible(role, "uchaske.firearm.owner"), self.owner1)
            self.assertEqual(
                self._visible(role, "uchaske.noncustodial.person"),
                self.listed1 | self.listed1b)
            self.assertEqual(self._visible(role, "uchaske.foreigner"), self.foreigner1)
            for record in (self.owner1b, self.owner2, self.listed2, self.foreigner2):
                with self.assertRefused(AccessError):
                    record.sudo(self.users[role]).read(["district_id"])
        self.assertEqual(self._visible("neighbour", "uchaske.firearm.owner"),
                         self.owner1b)
        self.assertEqual(self._visible("inspector2", "uchaske.firearm.owner"),
                         self.owner2)

    def test_access_responsible_and_chief(self):
        """R24/R16: the responsible inspector sees the lists of the police
        point, the chief those of the department; never the other
        department's."""
        for role in ("responsible", "chief"):
            self.assertEqual(self._visible(role, "uchaske.firearm.owner"),
                             self.owner1 | self.owner1b)
            self.assertEqual(self._visible(role, "uchaske.foreigner"), self.foreigner1)
            with self.assertRefused(AccessError):
                self.owner2.sudo(self.users[role]).read(["weapon_number"])
            with self.assertRefused(AccessError):
                self.foreigner2.sudo(self.users[role]).write({"home_phone": "1"})
        self.assertEqual(self._visible("chief2", "uchaske.firearm.owner"), self.owner2)

    def test_access_person_on_a_list(self):
        """R17: a person on a list of a district served is readable by its
        officers; the persons of the other department's lists are not."""
        inspector = self.users["inspector"]
        persons = self.env["uchaske.person"].sudo(inspector)
        self.assertEqual(persons.browse(self.person1.id).name, "Abenov Test")
        self.assertEqual(persons.browse(self.guest1.id).read(["name"])[0]["name"],
                         "Karimov Test")
        for person in (self.person2, self.guest2):
            with self.assertRefused(AccessError):
                person.sudo(inspector).read(["name"])
        found = persons.search([("id", "in", (self.person1b | self.person2).ids)])
        self.assertEqual(found, self.person1b)
        responsible = self.env["uchaske.person"].sudo(self.users["responsible"])
        self.assertIn(self.person1b, responsible.search([]))
        self.assertNotIn(self.person2, responsible.search([]))

    def test_access_write_create_unlink(self):
        """R17: officers keep the lists of their districts (create, write,
        no deletion but archiving); only the chief deletes; nobody writes into
        another district's list."""
        inspector = self.users["inspector"]
        with freeze_time(TODAY):
            created = self.env["uchaske.firearm.owner"].sudo(inspector).create({
                "person_id": self.person1.id, "district_id": self.district1.id,
                "weapon_number": "N-3001"})
            self.assertEqual(created.department_id, self.dep1)
            created.write({"calibre": "12"})
            with self.assertRefused(AccessError):
                self.env["uchaske.firearm.owner"].sudo(inspector).create({
                    "person_id": self.person1.id,
                    "district_id": self.district2.id, "weapon_number": "N-3002"})
            with self.assertRefused(AccessError):
                self.owner1b.sudo(inspector).write({"calibre": "16"})
            for role in ("assistant", "inspector", "responsible"):
                with self.assertRefused(AccessError):
                    created.sudo(self.users[role]).unlink()
            created.sudo(self.users["assistant"]).write({"active": False})
            self.assertFalse(created.active)
            created.sudo(self.users["chief"]).unlink()
            self.assertFalse(created.exists())
            with self.assertRefused(AccessError):
                self.owner2.sudo(self.users["chief"]).unlink()

    def test_access_journaled(self):
        """R15: the lists hold personal data: opening an entry and searching a
        list are journaled like the register."""
        inspector = self.users["inspector"]
        log = self.env["uchaske.access.log"]
        before = log.search([]).ids
        self.foreigner1.sudo(inspector).read(["passport_number"])
        self.env["uchaske.noncustodial.person"].sudo(inspector).search_read(
            [], ["person_id"])
        entries = log.search([("id", "not in", before), ("user_id", "=", inspector.id)])
        self.assertEqual(
            sorted(entries.mapped(lambda e: (e.operation, e.res_model))),
            [("open", "uchaske.foreigner"),
             ("search", "uchaske.noncustodial.person")])
