# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14: the alert jobs of the lists (R22.10/A2, A4) are set-based and
idempotent with an injected clock; their activities are found by a
technical key whatever the language (issue 9 item 5); persons are found by
an IIN prefix (R11), the search journaled (R15)."""
from datetime import date

from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase

from uchaske_rules import iin as iin_core

SOURCE = "annual check at the residence overdue"
RUSSIAN = "просрочена ежегодная проверка по месту жительства"


@common.at_install(False)
@common.post_install(True)
class TestAppendixAlerts(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestAppendixAlerts, cls).setUpClass()
        Owner = cls.env["uchaske.firearm.owner"]
        cls.owners = Owner
        for serial, (district, issued, seized) in enumerate([
                (cls.district1, "2024-01-10", False),
                (cls.district1, "2024-02-10", False),
                (cls.district2, "2024-03-10", False),
                (cls.district1, "2024-03-10", "2025-01-05"),  # seized
                (cls.district1, "2026-01-10", False),  # not due yet
        ]):
            birth = date(1960, 1, 1 + serial)
            person = cls.env["uchaske.person"].create({
                "surname": "Zhaksylykov", "first_name": "Test%s" % serial,
                "birth_date": birth.isoformat(), "sex": "male",
                "iin": iin_core.make_iin(birth, "male", 700 + serial),
                "department_id": district.department_id.id})
            cls.owners |= Owner.create({
                "person_id": person.id, "district_id": district.id,
                "weapon_number": "ZX-%s" % serial, "permit_issued_on": issued,
                "seized_date": seized,
                "seizure_kind": "seized" if seized else False})
        cls.env["res.lang"].load_lang("ru_RU")
        cls.env["ir.translation"].create({
            "type": "code", "lang": "ru_RU", "module": "uchaske_registry",
            "name": "addons/uchaske_registry/models/uchaske_firearm_owner.py",
            "src": SOURCE, "value": RUSSIAN, "state": "translated"})
        cls.env["ir.translation"].clear_caches()

    def _activities(self, records, key="R22.10"):
        return self.env["mail.activity"].search([
            ("res_model", "=", records._name), ("res_id", "in", records.ids),
            ("uchaske_key", "=", key)])

    def test_a2_cron_creates_exactly_the_needed_activities(self):
        """R22.10/A2: with the clock injected, the job alerts the overdue
        owners only (not a seized weapon, not a check not yet due), one
        activity each for the district's inspector, batch after batch; a
        second run creates nothing."""
        owners = self.owners
        owners._alert_cron_loop(
            lambda after, limit: owners._alert_overdue_batch(
                "2026-04-20", after, limit), batch_size=1)
        activities = self._activities(owners)
        self.assertEqual(activities.mapped("res_id"), owners[:3].ids)
        self.assertEqual(
            {a.res_id: a.user_id for a in activities},
            {owners[0].id: self.users["inspector"],
             owners[1].id: self.users["inspector"],
             owners[2].id: self.users["inspector2"]})
        self.assertEqual(owners[0].check_alerted_due, "2025-01-10")
        self.assertEqual(owners[0].activity_date_deadline, "2025-01-10")
        self.assertFalse(self.env["mail.followers"].search([
            ("res_model", "=", owners._name), ("res_id", "in", owners.ids),
            ("partner_id", "=", self.users["inspector"].partner_id.id)]))
        owners._cron_check_overdue(today="2026-04-20")
        self.assertEqual(self._activities(owners), activities)
        # a year later the check not due before is due too
        owners._cron_check_overdue(today="2027-01-11")
        self.assertEqual(len(self._activities(owners)), 4)

    def test_a2_batch_statements_do_not_grow_with_its_rows(self):
        """Issue 14: a batch of the R22.10 job reads, inserts and marks its
        owners with the same statements for one owner as for three (two
        districts, two inspectors): nothing per row; a batch's texts are
        translated once per language."""
        counts = []
        # the first batch warms the caches (translations, the model's id)
        for batch in (self.owners[:1], self.owners[:1], self.owners[:3]):
            self.env["mail.activity"].search([
                ("res_model", "=", batch._name)]).unlink()
            self.owners.write({"check_alerted_due": False})
            self.owners.invalidate_cache()
            before = self.cr.sql_log_count
            batch._alert_overdue_batch("2026-04-20", 0, len(batch))
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(len(self._activities(batch)), len(batch))
        self.assertEqual(counts[1], counts[2], counts)

    def test_alerted_lists_leave_room_for_hot_updates(self):
        """Issue 14: the tables the alert jobs mark every day keep 10 % of
        each page free (their marks are HOT updates, no index entries)."""
        for table in ("uchaske_firearm_owner", "uchaske_foreigner"):
            self.cr.execute("SELECT reloptions FROM pg_class WHERE oid = "
                            "%s::regclass", [table])
            self.assertIn("fillfactor=90", self.cr.fetchone()[0] or [], table)

    def test_a2_key_across_languages(self):
        """Issue 9 item 5: an activity created in Russian is found by a job
        run in Kazakh and by a Kazakh user's check: one activity, closed."""
        owner = self.owners[0]
        inspector = self.users["inspector"]
        inspector.lang = "ru_RU"
        self.owners._cron_check_overdue(today="2026-04-20")
        activity = self._activities(owner)
        self.assertIn(RUSSIAN, activity.summary)
        inspector.lang = "kk_KZ"
        owner.check_alerted_due = False  # as if the date were new again
        self.owners.with_context(lang="kk_KZ")._cron_check_overdue(
            today="2026-04-20")
        self.assertEqual(len(self._activities(owner)), 1)
        self.assertNotIn(RUSSIAN, self._activities(owner).summary)
        owner.with_context(lang="kk_KZ").sudo(
            self.users["inspector"]).action_mark_checked()
        self.assertFalse(self._activities(owner))

    def test_a4_cron_idempotent(self):
        """A4: one activity per foreigner and kind with the clock injected;
        a second run creates nothing; a new date replaces the stale one."""
        birth = date(1980, 5, 5)
        person = self.env["uchaske.person"].create({
            "surname": "Tashkentov", "first_name": "Guest",
            "birth_date": birth.isoformat(), "sex": "male",
            "iin": iin_core.make_iin(birth, "male", 801),
            "department_id": self.dep1.id,
            "citizenship_id": self.env.ref("base.uz").id})
        foreigner = self.env["uchaske.foreigner"].create({
            "person_id": person.id, "district_id": self.district1.id,
            "passport_number": "UZ0000001", "passport_valid_until": "2026-08-01",
            "stay_permitted_until": "2026-08-10"})
        Foreigner = self.env["uchaske.foreigner"]
        Foreigner._cron_expiry_alerts(today="2026-07-20")
        Foreigner._cron_expiry_alerts(today="2026-07-21")
        self.assertEqual(len(self._activities(foreigner, "A4.passport")), 1)
        self.assertEqual(len(self._activities(foreigner, "A4.stay")), 1)
        self.assertEqual((foreigner.stay_alerted_until,
                          foreigner.passport_alerted_until),
                         ("2026-08-10", "2026-08-01"))
        # the next deadline is the earliest of both kinds' activities
        self.assertEqual(foreigner.activity_date_deadline, "2026-08-01")
        foreigner.with_context(lang="kk_KZ").stay_permitted_until = "2026-08-15"
        self.assertFalse(self._activities(foreigner, "A4.stay"))
        Foreigner._cron_expiry_alerts(today="2026-07-21")
        stay = self._activities(foreigner, "A4.stay")
        self.assertEqual((len(stay), stay.date_deadline), (1, "2026-08-15"))

    def test_person_name_search_iin_prefix(self):
        """R11, R15: the inspector finds a person of the department by the
        first digits of the IIN (not another department's), and the search
        is journaled as one row."""
        Person = self.env["uchaske.person"].sudo(self.users["inspector"])
        mine = self.owners[0].person_id
        other = self.owners[2].person_id
        Log = self.env["uchaske.access.log"]
        before = Log.search_count([("user_id", "=", self.users["inspector"].id)])
        found = [pair[0] for pair in Person.name_search(mine.iin[:8])]
        self.assertIn(mine.id, found)
        self.assertNotIn(other.id, found)
        self.assertEqual([pair[0] for pair in Person.name_search(mine.iin)],
                         [mine.id])
        self.assertEqual(
            Log.search_count([("user_id", "=", self.users["inspector"].id)]),
            before + 2)
        self.assertIn(mine.id, [pair[0] for pair in
                                Person.name_search("Zhaksylykov")])
