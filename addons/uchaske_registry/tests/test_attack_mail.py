# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 8, item 4: activities, followers, messages, notifications and
attachments of our records follow the records' rules (R7, R16, R15;
CVE-2019-11784, CVE-2019-11785), attacked as the real role users."""
import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import common

from .common import REGISTER, RegistryCase

CASE = "uchaske.registry.case"


@common.at_install(False)
@common.post_install(True)
class TestAttackMail(RegistryCase):

    @classmethod
    def setUpClass(cls):
        super(TestAttackMail, cls).setUpClass()
        # follow the records as in production (no tracking_disable shortcuts
        # for subscriptions): department 2 registers a case of its own
        cls.case2 = cls.Case.create({
            "person_id": cls.person.id, "category_id": cls.category.id,
            "district_id": cls.district2.id, "grounds": "court_decision",
            "date_start": "2026-10-12", "date_end": "2027-10-12"})
        with freeze_time("2026-11-02 09:00:00"):
            cls.case2.sudo(cls.users["inspector2"]).wf_apply("register", REGISTER)
        cls.case2.sudo(cls.users["inspector2"]).message_subscribe_users()
        # a note on it for inspector2, naming the person
        cls.message2 = cls.case2.message_post(
            body="Sadykov seen at the station", subtype="mail.mt_comment",
            partner_ids=[cls.users["inspector2"].partner_id.id,
                         cls.users["inspector"].partner_id.id])
        cls.file2 = cls.env["ir.attachment"].sudo(cls.users["inspector2"]).create({
            "name": "verdict.pdf", "datas_fname": "verdict.pdf",
            "datas": base64.b64encode(b"%PDF-1.4"), "res_model": CASE,
            "res_id": cls.case2.id})

    def _as(self, role, model):
        return self.env[model].sudo(self.users[role])

    def test_activities_of_another_department_hidden(self):
        """Issue 8, R7: mail.activity.search_read returned department 2's
        activities with notes naming the person."""
        activities = self.case2.activity_ids
        self.assertTrue(activities, "the registration schedules activities")
        domain = [("res_model", "=", CASE)]
        for role in ("inspector", "assistant", "responsible", "chief"):
            Activity = self._as(role, "mail.activity")
            rows = Activity.search_read(domain, ["res_id", "note", "summary"])
            self.assertNotIn(self.case2.id, [row["res_id"] for row in rows])
            self.assertFalse(Activity.search_count(
                [("id", "in", activities.ids)]))
            groups = Activity.read_group(domain, ["res_id"], ["res_id"])
            self.assertNotIn(self.case2.id, [g["res_id"] for g in groups])
            with self.assertRaises(AccessError):
                activities.sudo(self.users[role]).read(["note"])
        # department 2 still sees them
        mine = self._as("inspector2", "mail.activity").search(domain)
        self.assertEqual(mine & activities, activities)
        self.assertTrue(activities.sudo(self.users["inspector2"]).read(["note"]))

    def test_followers_of_another_department_hidden(self):
        """Issue 8, R7: mail.followers listed department 2's case ids."""
        followers = self.env["mail.followers"].search(
            [("res_model", "=", CASE), ("res_id", "=", self.case2.id)])
        self.assertTrue(followers)
        Followers = self._as("inspector", "mail.followers")
        self.assertFalse(Followers.search(
            [("res_model", "=", CASE), ("res_id", "=", self.case2.id)]))
        self.assertNotIn(self.case2.id, [g["res_id"] for g in Followers.read_group(
            [("res_model", "=", CASE)], ["res_id"], ["res_id"])])
        with self.assertRaises(AccessError):
            followers.sudo(self.users["inspector"]).read(["res_id"])
        self.assertEqual(self._as("inspector2", "mail.followers").search(
            [("res_model", "=", CASE), ("res_id", "=", self.case2.id)]), followers)

    def test_cannot_follow_a_case_one_cannot_read(self):
        """CVE-2019-11785: following a record one cannot read (then
        receiving its messages) is refused."""
        partner = self.users["inspector"].partner_id
        with self.assertRefused(AccessError):
            self._as("inspector", "mail.followers").create({
                "res_model": CASE, "res_id": self.case2.id,
                "partner_id": partner.id})
        self.assertFalse(self.case2.sudo(self.users["inspector"])
                         .message_subscribe_users())
        own = self._new_case("inspector", category_id=self.env.ref(
            "uchaske_registry.category_protection_order").id)
        follower = self._as("inspector", "mail.followers").search(
            [("res_model", "=", CASE), ("res_id", "=", own.id),
             ("partner_id", "=", partner.id)]) or self._as(
                 "inspector", "mail.followers").create({
                     "res_model": CASE, "res_id": own.id,
                     "partner_id": partner.id})
        with self.assertRefused(AccessError):
            follower.write({"res_id": self.case2.id})
        self.assertFalse(self.env["mail.followers"].search(
            [("res_model", "=", CASE), ("res_id", "=", self.case2.id),
             ("partner_id", "=", partner.id)]))

    def test_notifications_of_other_users_hidden(self):
        """CVE-2019-11784: an inspector read other users' notifications."""
        theirs = self.env["mail.notification"].search([
            ("mail_message_id", "=", self.message2.id),
            ("res_partner_id", "=", self.users["inspector2"].partner_id.id)])
        self.assertTrue(theirs)
        Notification = self._as("inspector", "mail.notification")
        self.assertFalse(Notification.search([("id", "in", theirs.ids)]))
        with self.assertRaises(AccessError):
            theirs.sudo(self.users["inspector"]).read(["is_read"])
        self.assertTrue(theirs.sudo(self.users["inspector2"]).read(["is_read"]))

    def test_messages_follow_the_case(self):
        """Issue 8, R7: a message on department 2's case is not readable in
        department 1, even by a partner it was addressed to."""
        Message = self._as("inspector", "mail.message")
        self.assertFalse(Message.search(
            [("model", "=", CASE), ("res_id", "=", self.case2.id)]))
        with self.assertRaises(AccessError):
            self.message2.sudo(self.users["inspector"]).read(["body"])
        with self.assertRefused(AccessError):
            Message.create({"model": CASE, "res_id": self.case2.id,
                            "body": "injected", "message_type": "comment",
                            "parent_id": self.message2.id})
        self.assertTrue(self.message2.sudo(self.users["inspector2"]).read(["body"]))
        # the chatter of one's own case keeps working
        own = self._new_case("inspector", category_id=self.env.ref(
            "uchaske_registry.category_protection_order").id)
        posted = own.sudo(self.users["inspector"]).message_post(
            body="Visited", subtype="mail.mt_note")
        self.assertIn(posted, own.sudo(self.users["assistant"]).message_ids)
        self.assertTrue(posted.sudo(self.users["assistant"]).message_format())

    def test_attachments_follow_the_case(self):
        """Issue 8, R7: files of department 2's case are neither found nor
        read (Odoo's own check, kept)."""
        Attachment = self._as("inspector", "ir.attachment")
        self.assertFalse(Attachment.search(
            [("res_model", "=", CASE), ("res_id", "=", self.case2.id)]))
        with self.assertRaises(AccessError):
            self.file2.sudo(self.users["inspector"]).read(["datas"])
        with self.assertRaises(AccessError):
            self.file2.sudo(self.users["inspector"]).write({"name": "x"})
