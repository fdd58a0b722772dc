# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow engine of uchaske_base driven as real users of each role:
guards, required inputs, state permission map, maker-checker (R16),
deadlines with escalation (R14), delegation (R6), append-only hash-chained
history, "My work"."""
import json

from freezegun import freeze_time
from lxml import etree
from psycopg2 import InternalError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common
from odoo.tools import mute_logger

from odoo.addons.uchaske_base.tests.common import UchaskeCase

REGISTER = {"legal_basis": "Court decision", "document_number": "2-115/2026",
            "document_date": "2026-10-01"}


@common.at_install(False)
@common.post_install(True)
class TestWorkflowEngine(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestWorkflowEngine, cls).setUpClass()
        cls.Case = cls.env["uchaske.wf.test.case"]

    def _new(self, role="assistant", district=None, **vals):
        values = {"name": "Case", "district_id": (district or self.district1).id}
        values.update(vals)
        return self.Case.sudo(self.users[role]).create(values)

    def _history(self, case):
        return self.env["uchaske.workflow.history"].search(
            [("res_model", "=", case._name), ("res_id", "=", case.id)], order="id")

    # -- creation, guards, inputs --------------------------------------

    def test_new_record_starts_in_initial_state_with_history(self):
        case = self._new()
        self.assertEqual(case.state, "draft")
        history = self._history(case)
        self.assertEqual(len(history), 1)
        self.assertEqual(history.to_state, "draft")
        self.assertEqual(history.user_id, self.users["assistant"])
        self.assertTrue(case.wf_check_history())

    def test_record_cannot_be_created_in_another_state(self):
        with self.assertRefused(UserError):
            self._new(state="registered")

    def test_assistant_cannot_register(self):
        """R2.3: registering is the inspector's decision, not the assistant's."""
        case = self._new()
        as_assistant = case.sudo(self.users["assistant"])
        self.assertNotIn("register", as_assistant.wf_transition_ids.mapped("code"))
        with self.assertRefused(AccessError, "reserved"):
            as_assistant.wf_apply("register", REGISTER)
        self.assertEqual(case.state, "draft")
        self.assertEqual(len(self._history(case)), 1)

    def test_required_inputs_enforced_and_nothing_written(self):
        case = self._new()
        as_inspector = case.sudo(self.users["inspector"])
        self.assertIn("register", as_inspector.wf_transition_ids.mapped("code"))
        with self.assertRefused(ValidationError, "legal basis"):
            as_inspector.wf_apply("register", {"document_number": "1"})
        with self.assertRefused(ValidationError, "in the future"):
            as_inspector.wf_apply(
                "register", dict(REGISTER, document_date="2999-01-01"))
        with self.assertRefused(ValidationError, "Unknown transition inputs"):
            as_inspector.wf_apply("register", dict(REGISTER, state="closed"))
        case.invalidate_cache()
        self.assertEqual(case.state, "draft")
        self.assertEqual(len(self._history(case)), 1)
        as_inspector.wf_apply("register", REGISTER)
        self.assertEqual(case.state, "registered")
        last = self._history(case)[-1]
        self.assertEqual((last.transition_code, last.from_state, last.to_state),
                         ("register", "draft", "registered"))
        self.assertEqual(last.document_number, "2-115/2026")
        self.assertEqual(last.legal_basis, "Court decision")
        self.assertEqual(last.user_id, self.users["inspector"])

    def test_wrong_state_and_unknown_transition(self):
        case = self._new()
        with self.assertRefused(ValidationError, "not possible"):
            case.sudo(self.users["chief"]).wf_apply("approve_close")
        with self.assertRefused(ValidationError, "no transition"):
            case.sudo(self.users["chief"]).wf_apply("teleport")

    def test_guard_domain_and_guard_method(self):
        case = self._new()
        case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        with self.assertRefused(ValidationError, "move date"):
            case.sudo(self.users["assistant"]).wf_apply(
                "record_move", {"comment": "moved to Kokshetau"})
        # guard domain: a district without an inspector registers nothing
        case2 = self._new()
        self.district1.write({"inspector_id": False})
        with self.assertRefused(ValidationError, "conditions"):
            case2.sudo(self.users["chief"]).wf_apply("register", REGISTER)

    def test_workflow_definitions_are_validated(self):
        """An administrator editing a workflow gets clear errors: a guard
        domain that is not a safe list, a guard method that does not exist
        or is not a _wf_guard_ method."""
        transition = self.env.ref("uchaske_wf_test.transition_register")
        for domain in ("__import__('os')", "[('a', '=', 1)", "'not a list'"):
            with self.assertRefused(ValidationError, "guard domain"):
                transition.write({"guard_domain": domain})
        for method in ("unlink", "_wf_guard_missing"):
            with self.assertRefused(ValidationError, "_wf_guard_"):
                transition.write({"guard_method": method})
        self.assertEqual(transition.guard_domain,
                         "[('district_id.inspector_id', '!=', False)]")

    def test_state_cannot_be_written_directly(self):
        """Only wf_apply changes state: not write, not a forged context."""
        case = self._new()
        for user in (self.users["chief"], self.env.user):
            with self.assertRefused(UserError):
                case.sudo(user).write({"state": "closed"})
            with self.assertRefused(UserError):
                case.sudo(user).with_context(
                    uchaske_wf_token="anything").write({"state": "closed"})
            with self.assertRefused(UserError):
                case.sudo(user).write({"wf_history_head": "forged"})
        self.assertEqual(case.state, "draft")

    def test_state_permission_map_on_write_and_unlink(self):
        case = self._new()
        case.sudo(self.users["assistant"]).write({"note": "draft: anyone edits"})
        case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        # registered: only inspectors (and up) edit; nobody deletes
        with self.assertRefused(AccessError, "may not edit"):
            case.sudo(self.users["assistant"]).write({"note": "changed"})
        case.sudo(self.users["inspector"]).write({"note": "by the inspector"})
        for role in ("assistant", "inspector", "responsible", "chief"):
            with self.assertRefused(AccessError, "may not delete"):
                case.sudo(self.users[role]).unlink()
        self.assertEqual(case.note, "by the inspector")
        # chatter still works in a locked state
        case.sudo(self.users["assistant"]).message_post(body="seen")

    def test_form_shows_the_permission_map(self):
        """The form tells before typing what the state's edit policy will
        refuse at save: ``wf_locked`` per user, and every field of the
        sheet read-only while it is set (its own condition kept)."""
        case = self._new()
        self.assertFalse(case.sudo(self.users["assistant"]).wf_locked)
        case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        locked = {role: case.sudo(self.users[role]).wf_locked
                  for role in ("assistant", "inspector", "chief")}
        self.assertEqual(locked, {"assistant": True, "inspector": False,
                                  "chief": False})
        arch = etree.fromstring(self.Case.sudo(
            self.users["assistant"]).fields_view_get(view_type="form")["arch"])
        fields = arch.xpath("//sheet//field")
        self.assertTrue(fields)
        for node in fields:
            readonly = json.loads(node.get("modifiers")).get("readonly")
            self.assertTrue(readonly is True or ["wf_locked", "=", True]
                            in readonly, (node.get("name"), readonly))
        self.assertTrue(arch.xpath("//header/field[@name='wf_locked']"))

    def test_draft_deletable_by_acl(self):
        case = self._new()
        case.sudo(self.users["assistant"]).unlink()
        self.assertFalse(case.exists())

    # -- maker-checker --------------------------------------------------

    def test_maker_checker_on_closing(self):
        """R16: the responsible inspector who requested the closing cannot
        approve it; another controller can."""
        case = self._new()
        responsible = self.users["responsible"]
        case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        case.sudo(responsible).wf_apply(
            "request_close", {"comment": "term ended", "legal_basis": "Art. 10"})
        self.assertEqual(case.state, "closing")
        self.assertNotIn("approve_close",
                         case.sudo(responsible).wf_transition_ids.mapped("code"))
        with self.assertRefused(AccessError, "maker-checker"):
            case.sudo(responsible).wf_apply("approve_close")
        with self.assertRefused(AccessError, "reserved"):
            case.sudo(self.users["inspector"]).wf_apply("approve_close")
        case.sudo(self.users["chief"]).wf_apply("approve_close")
        self.assertEqual(case.state, "closed")
        self.assertTrue(case.wf_check_history())

    # -- deadlines --------------------------------------------------------

    def test_relocation_deadline_three_24h_days_and_escalation(self):
        """R14: the request is due within 3 × 24 h of the move; overdue, it
        escalates to the police point's responsible inspector."""
        with freeze_time("2026-11-02 10:00:00"):
            case = self._new()
            case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
            case.sudo(self.users["inspector"]).write(
                {"move_date": "2026-11-01 18:30:00"})
        with freeze_time("2026-11-02 11:00:00"):
            case.sudo(self.users["assistant"]).wf_apply(
                "record_move", {"comment": "moved to Kokshetau"})
            line = case.wf_deadline_ids
            self.assertEqual(len(line), 1)
            self.assertEqual(line.requirement_ref, "R14")
            self.assertEqual(line.date_due, "2026-11-04 18:30:00")
            self.assertEqual(line.user_id, self.users["inspector"])
            self.assertFalse(line.overdue)
            activity = line.activity_id
            self.assertEqual(activity.user_id, self.users["inspector"])
            self.assertIn("R14", activity.summary)
            # the deadline is in the inspector's "My work"
            items = self._my_work("inspector")
            deadline = items.filtered(lambda i: i.kind == "deadline")
            self.assertEqual(deadline.requirement_ref, "R14")
            self.assertFalse(deadline.overdue)
            self.env["uchaske.workflow.deadline.line"]._cron_escalate()
            self.assertFalse(line.escalated_user_id)
        with freeze_time("2026-11-04 18:30:01"):
            line.invalidate_cache()
            self.assertTrue(line.overdue)
            self.assertIn(line, line.search([("overdue", "=", True)]))
            self.env["uchaske.workflow.deadline.line"]._cron_escalate()
            self.assertEqual(line.escalated_user_id, self.users["responsible"])
            escalated = line.escalation_activity_id
            self.assertEqual(escalated.user_id, self.users["responsible"])
            self.assertIn("OVERDUE R14", escalated.summary)
            items = self._my_work("responsible").filtered(
                lambda i: i.kind == "deadline")
            self.assertTrue(items.overdue and items.escalated)
            # escalation happens once
            self.env["uchaske.workflow.deadline.line"]._cron_escalate()
            self.assertEqual(self.env["mail.activity"].search_count([
                ("res_model", "=", case._name), ("res_id", "=", case.id),
                ("summary", "like", "OVERDUE")]), 1)
        with freeze_time("2026-11-05 09:00:00"):
            case.sudo(self.users["inspector"]).wf_apply(
                "confirm_arrival", {"document_number": "12/4455",
                                    "document_date": "2026-11-05"})
            line.invalidate_cache()
            self.assertEqual(line.state, "done")
            self.assertTrue(line.met_late)
            self.assertFalse(line.activity_id.exists())
            self.assertFalse(escalated.exists())

    def test_deadline_met_in_time(self):
        with freeze_time("2026-11-02 10:00:00"):
            case = self._new(move_date="2026-11-02 08:00:00")
            case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
            case.sudo(self.users["assistant"]).wf_apply(
                "record_move", {"comment": "moved"})
        with freeze_time("2026-11-03 09:00:00"):
            case.sudo(self.users["inspector"]).wf_apply(
                "confirm_arrival", {"document_number": "1", "document_date":
                                    "2026-11-03"})
        line = case.wf_deadline_ids
        self.assertEqual((line.state, line.met_late), ("done", False))

    def test_working_day_deadline_skips_weekend_and_holiday(self):
        """Working days use the Kazakhstan calendar: Fri 11 Dec 2026 + 5
        working days skips the weekend and Independence Day (16 Dec)."""
        line = self._closing_requested_at("2026-12-11 10:00:00")
        self.assertEqual(line.date_due, "2026-12-21 18:59:59")  # 23:59:59 in Almaty

    def _closing_requested_at(self, moment):
        """The R16 deadline line of a case whose closing the inspector
        requested at ``moment`` (UTC)."""
        with freeze_time(moment):
            case = self._new()
            case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
            case.sudo(self.users["inspector"]).wf_apply(
                "request_close", {"comment": "c", "legal_basis": "b"})
        return case.wf_deadline_ids.filtered(
            lambda line: line.requirement_ref == "R16")

    def test_deadline_counts_the_departments_day_not_utcs(self):
        """R16, R14: a legal day is Kazakhstan's. Requested at 02:30 on
        Friday 11 Dec in Almaty (21:30 UTC on Thursday) the 5 working days
        count from Friday, not from UTC's Thursday (which would end on the
        18th), and end at midnight in Almaty; the officer's to-do is dated
        that local day."""
        line = self._closing_requested_at("2026-12-10 21:30:00")
        self.assertEqual(line.date_due, "2026-12-21 18:59:59")
        self.assertEqual(line.activity_id.date_deadline, "2026-12-21")
        self.assertIn("2026-12-21 23:59:59", line.activity_id.note)
        with freeze_time("2026-12-21 18:59:59"):
            line.invalidate_cache()
            self.assertFalse(line.overdue)
        with freeze_time("2026-12-21 19:00:00"):
            line.invalidate_cache()
            self.assertTrue(line.overdue)

    # -- delegation (R6) --------------------------------------------------

    def test_substitute_acts_for_absent_inspector_during_period_only(self):
        """R6: the adjacent district's inspector serves the district by the
        chief's order: rights there during the period, history says "acting
        for", and it ends by itself."""
        with freeze_time("2026-11-25"):
            case = self._new()
            self.env["uchaske.substitution"].sudo(self.users["chief"]).create({
                "district_id": self.district1.id,
                "absent_user_id": self.users["inspector"].id,
                "substitute_id": self.users["neighbour"].id,
                "reason": "illness", "date_start": "2026-12-01",
                "date_end": "2026-12-10", "order_number": "77",
                "order_date": "2026-11-25"})
        neighbour = self.users["neighbour"]
        with freeze_time("2026-11-30"):
            self.env["ir.rule"].clear_caches()
            with self.assertRefused(AccessError):
                case.sudo(neighbour).read(["name"])
        with freeze_time("2026-12-05"):
            self.env["uchaske.substitution"]._cron_refresh_access()
            self.env["res.users"].invalidate_cache()
            case.sudo(neighbour).wf_apply("register", REGISTER)
            last = self._history(case)[-1]
            self.assertEqual(last.user_id, neighbour)
            self.assertEqual(last.acting_for_user_id, self.users["inspector"])
        with freeze_time("2026-12-11"):
            self.env["uchaske.substitution"]._cron_refresh_access()
            self.env["res.users"].invalidate_cache()
            with self.assertRefused(AccessError):
                case.sudo(neighbour).read(["name"])

    # -- record rules on workflow records -----------------------------------

    def test_operational_records_follow_district_post_department(self):
        """R2.3, R7, R16, R24: inspectors see their districts, responsible
        inspectors their police point, chiefs their department, nobody the
        other department."""
        own = self._new()
        neighbours = self._new(role="neighbour", district=self.district1b)
        foreign = self._new(role="assistant2", district=self.district2)
        expectations = {
            "assistant": own, "inspector": own, "neighbour": neighbours,
            "responsible": own | neighbours, "chief": own | neighbours,
            "inspector2": foreign, "chief2": foreign,
        }
        all_cases = own | neighbours | foreign
        history = self.env["uchaske.workflow.history"]
        for key, visible in expectations.items():
            user = self.users[key]
            self.assertEqual(self.Case.sudo(user).search(
                [("id", "in", all_cases.ids)]), visible, key)
            self.assertEqual(
                set(history.sudo(user).search(
                    [("res_model", "=", self.Case._name),
                     ("res_id", "in", all_cases.ids)]).mapped("res_id")),
                set(visible.ids), key)
            for hidden in all_cases - visible:
                with self.assertRefused(AccessError):
                    hidden.sudo(user).read(["name"])
                with self.assertRefused(AccessError):
                    hidden.sudo(user).wf_apply("register", REGISTER)

    # -- history: append-only, hash-chained -------------------------------

    def _walk(self):
        case = self._new()
        case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        case.sudo(self.users["inspector"]).wf_apply(
            "request_close", {"comment": "done", "legal_basis": "Art. 10"})
        return case

    def test_history_is_append_only_even_for_superuser(self):
        case = self._walk()
        row = self._history(case)[-1]
        for env_user in (self.users["chief"], self.env.user):
            with self.assertRefused(AccessError):
                row.sudo(env_user).write({"comment": "rewritten"})
            with self.assertRefused(AccessError):
                row.sudo(env_user).unlink()
        # the database itself refuses, below the ORM
        with self.assertRaises(InternalError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE uchaske_workflow_history SET comment = 'x' WHERE id = %s",
                [row.id])
        with self.assertRaises(InternalError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute(
                "DELETE FROM uchaske_workflow_history WHERE id = %s", [row.id])
        self.assertTrue(case.wf_check_history())

    def _tamper(self, sql, params):
        cr = self.env.cr
        cr.execute("ALTER TABLE uchaske_workflow_history "
                   "DISABLE TRIGGER uchaske_workflow_history_append_only")
        cr.execute(sql, params)
        cr.execute("ALTER TABLE uchaske_workflow_history "
                   "ENABLE TRIGGER uchaske_workflow_history_append_only")
        self.env["uchaske.workflow.history"].invalidate_cache()

    def test_history_check_detects_edited_row(self):
        case = self._walk()
        rows = self._history(case)
        self.assertTrue(case.wf_check_history())
        self._tamper("UPDATE uchaske_workflow_history SET comment = %s "
                     "WHERE id = %s", ["nothing happened", rows[1].id])
        self.assertFalse(case.wf_check_history())
        history = self.env["uchaske.workflow.history"]
        self.assertEqual(history._verify_chain(case._name, case.id), rows[1])
        with self.assertRaisesRegex(AccessError, "tampered"):
            rows.action_verify_chain()

    def test_history_check_detects_deleted_last_row(self):
        case = self._walk()
        self._tamper("DELETE FROM uchaske_workflow_history WHERE id = %s",
                     [self._history(case)[-1].id])
        self.assertFalse(case.wf_check_history())

    # -- UI: form injection, buttons, wizard, My work -------------------

    def test_form_gets_statusbar_and_transition_buttons(self):
        arch = self.Case.sudo(self.users["inspector"]).fields_view_get(
            view_type="form")["arch"]
        doc = etree.fromstring(arch)
        statusbar = doc.xpath("//header/field[@name='state'][@widget='statusbar']")
        self.assertEqual(len(statusbar), 1)
        self.assertNotIn("closing", statusbar[0].get("statusbar_visible"))
        buttons = doc.xpath("//header/button[@name='wf_button']")
        self.assertEqual(
            [b.get("data-wf-transition") for b in buttons],
            ["register", "record_move", "report_meeting", "confirm_arrival",
             "request_close", "approve_close", "reject_close"])
        self.assertIn("',register,'", buttons[0].get("attrs"))
        # the web client reads the computed modifiers, not attrs
        modifiers = json.loads(buttons[0].get("modifiers"))
        # a new record (wf_available False) must not reach the client's
        # ``ilike`` (String.indexOf on False crashed the form, issue 7)
        self.assertEqual(modifiers["invisible"],
                         ["|", ["wf_available", "in", [False, ""]],
                          "!", ["wf_available", "ilike", ",register,"]])
        hidden = doc.xpath("//header/field[@name='wf_available']")[0]
        self.assertTrue(json.loads(hidden.get("modifiers"))["invisible"])

    def test_button_without_inputs_applies_directly(self):
        case = self._new()
        case.sudo(self.users["inspector"]).wf_apply("register", REGISTER)
        case.sudo(self.users["neighbour"]).invalidate_cache()
        # request_close needs inputs -> wizard; reject needs a comment too
        action = case.sudo(self.users["inspector"]).with_context(
            wf_transition="request_close").wf_button()
        self.assertEqual(action["res_model"], "uchaske.workflow.transition.wizard")
        wizard = self.env[action["res_model"]].sudo(
            self.users["inspector"]).browse(action["res_id"])
        with self.assertRefused(ValidationError, "comment"):
            wizard.action_apply()
        wizard.write({"comment": "term over", "legal_basis": "Art. 10"})
        wizard.action_apply()
        self.assertEqual(case.state, "closing")
        # a button the user may not use is refused on the server too
        with self.assertRefused(AccessError):
            case.sudo(self.users["assistant"]).with_context(
                wf_transition="approve_close").wf_button()

    def _my_work(self, key):
        Item = self.env["uchaske.work.item"].sudo(self.users[key])
        action = Item.action_open_my_work()
        return Item.search(action["domain"])

    def test_my_work_lists_records_the_user_can_act_on(self):
        case = self._new()
        foreign = self._new(role="assistant2", district=self.district2)
        items = self._my_work("inspector").filtered(lambda i: i.kind == "action")
        self.assertIn(case.id, items.mapped("res_id"))
        self.assertNotIn(foreign.id, items.mapped("res_id"))
        item = items.filtered(lambda i: i.res_id == case.id)
        self.assertIn("Register", item.actions)
        # the assistant cannot register: nothing to do on it yet
        assistant_items = self._my_work("assistant")
        self.assertNotIn(case.id, assistant_items.filtered(
            lambda i: i.kind == "action").mapped("res_id"))
        self.assertEqual(item.action_open_record()["res_id"], case.id)
