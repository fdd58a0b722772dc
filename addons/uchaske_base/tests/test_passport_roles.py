# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R2.3, R19, A1 (issue 10, Roles): the district's inspector and assistant
fill the passport; the responsible inspector and the chief READ every
passport of their police point / department (cover, §3 columns, §4-§6
entries, handover acts, walkthroughs and their visits) and write none of
it: a translated refusal, nothing written. The supervisor still signs a
handover act through the engine (R4, its parties' rule)."""
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import common

from .test_passport import TODAY, PassportCase

#: the rule refusal in the user's language (Odoo's message; Kazakh from
#: i18n_frame, Russian from Odoo's catalogue where ru_RU is loaded)
REFUSED = {
    "kk_KZ": "қауіпсіздік шектеулеріне",
    "en_US": "security restrictions",
}


@common.at_install(False)
@common.post_install(True)
class TestPassportRoles(PassportCase):

    @classmethod
    def setUpClass(cls):
        super(TestPassportRoles, cls).setUpClass()
        with freeze_time(TODAY):
            cls.entry = cls.env["uchaske.passport.enterprise"].create({
                "passport_id": cls.passport1.id, "name": "Grain elevator",
                "kind": "enterprise", "address": "Station 2"})
            cls.walkthrough = cls.env["uchaske.district.walkthrough"].create({
                "passport_id": cls.passport1.id,
                "inspector_id": cls.users["inspector"].id,
                "date_appointed": "2026-03-02"})
            cls.visit = cls.env["uchaske.district.walkthrough.visit"].create({
                "walkthrough_id": cls.walkthrough.id, "address": "Abay 1, apt 1",
                "date": "2026-03-05"})
            cls.act = cls.env["uchaske.district.handover"].create({
                "passport_id": cls.passport1.id,
                "handing_user_id": cls.users["inspector"].id,
                "accepting_user_id": cls.users["neighbour"].id,
                "supervisor_id": cls.users["chief"].id})

    def _writes(self):
        """(record, values) of each part of the passport."""
        return [
            (self.passport1, {"plan_note": "changed"}),
            (self.year1, {"adults": 5}),
            (self.entry, {"name": "changed"}),
            (self.visit, {"result": "absent"}),
            (self.walkthrough, {"date_appointed": "2026-03-03"}),
        ]

    def test_r2_3_supervisors_read_but_do_not_fill(self):
        """R2.3, R19: the responsible inspector and the chief read the
        passport of their police point / department and every part of it;
        a write, a new entry, a new visit or a deletion is refused with the
        rule's message in their language, and nothing is written."""
        for role in ("responsible", "chief"):
            user = self.users[role]
            for record, values in self._writes():
                as_user = record.sudo(user)
                as_user.check_access_rule("read")
                self.assertTrue(as_user.read(list(values)), (role, record))
                for lang, text in REFUSED.items():
                    with self.assertRefused(AccessError, text):
                        as_user.with_context(lang=lang).write(values)
            with self.assertRefused(AccessError):
                self.env["uchaske.passport.enterprise"].sudo(user).create({
                    "passport_id": self.passport1.id, "name": "New"})
            with self.assertRefused(AccessError):
                self.env["uchaske.district.walkthrough.visit"].sudo(user).create({
                    "walkthrough_id": self.walkthrough.id, "address": "Abay 2",
                    "date": "2026-03-06"})
            self.act.sudo(user).read(["remarks"])
            with self.assertRefused(AccessError):
                self.entry.sudo(user).unlink()
            with self.assertRefused(AccessError):
                self.visit.sudo(user).unlink()
        self.assertEqual(self.year1.adults, 0)
        self.assertEqual(self.entry.name, "Grain elevator")
        self.assertEqual(self.visit.result, "met")
        self.assertEqual(len(self.passport1.enterprise_ids), 1)
        # an act is written by its parties only (R4): the responsible
        # inspector is none here
        with self.assertRefused(AccessError):
            self.act.sudo(self.users["responsible"]).write({"remarks": "x"})

    def test_r2_3_the_form_says_who_only_reads(self):
        """R2.3: the form knows before typing whom the rules let only read
        (``scope_read_only``: the web client then offers no Edit) -- the
        supervisors, not the district's officers -- and carries it in the
        form view."""
        only_read = {role: self.passport1.sudo(self.users[role]).scope_read_only
                     for role in ("assistant", "inspector", "responsible", "chief")}
        self.assertEqual(only_read, {"assistant": False, "inspector": False,
                                     "responsible": True, "chief": True})
        arch = self.env["uchaske.district.passport"].sudo(
            self.users["chief"]).fields_view_get(view_type="form")["arch"]
        self.assertIn('name="scope_read_only"', arch)

    def test_r2_3_district_officers_still_fill(self):
        """R2.3: the district's inspector and assistant fill every part."""
        for role in ("assistant", "inspector"):
            with freeze_time(TODAY):
                for record, values in self._writes():
                    record.sudo(self.users[role]).write(values)
        self.assertEqual(self.year1.adults, 5)
        self.assertEqual(self.entry.name, "changed")

    def test_r4_supervisor_signs_through_the_engine(self):
        """R4: the chief, supervisor of the act, confirms it by the engine
        although he only reads the passport; the snapshot is taken."""
        with freeze_time(TODAY):
            self.act.sudo(self.users["inspector"]).wf_apply("hand_over")
            self.act.sudo(self.users["neighbour"]).wf_apply("accept")
            self.act.sudo(self.users["chief"]).wf_apply("confirm")
        self.assertEqual(self.act.state, "confirmed")
        self.assertTrue(self.act.snapshot_json)

    def test_r16_other_department_sees_nothing(self):
        """R16: another department's responsible inspector and chief neither
        read nor write the passport."""
        for role in ("responsible2", "chief2"):
            for record, values in self._writes():
                with self.assertRefused(AccessError):
                    record.sudo(self.users[role]).read(list(values))
                with self.assertRefused(AccessError):
                    record.sudo(self.users[role]).write(values)
