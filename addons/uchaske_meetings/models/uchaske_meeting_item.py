# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from uchaske_rules import meetings as rules


class UchaskeMeetingItem(models.Model):
    """A citizen's complaint, proposal or remark (R31, R32): answered at
    the meeting, checked (a follow-up with assignee and deadline), or
    outside police competence -- forwarded to the competent state body AND
    the person notified. The responsible inspector controls execution
    (R33); open items are carried into the next meeting's report (R30)."""

    _name = "uchaske.meeting.item"
    _description = "Complaint, proposal or remark at a report meeting"
    _inherit = ["uchaske.meeting.part.mixin"]
    _order = "meeting_id, id"

    kind = fields.Selection([
        ("complaint", "Complaint"), ("proposal", "Proposal"),
        ("remark", "Remark"),
    ], required=True, default="complaint")
    text = fields.Text(required=True)
    author = fields.Char(string="Raised by", required=True)
    author_contact = fields.Char(string="Contact")
    outcome = fields.Selection([
        ("answered", "Answered at the meeting"),
        ("check", "Needs checking"),
        ("forwarded", "Outside police competence: forwarded"),
    ], required=True, default="answered")
    answer = fields.Text()
    assignee_id = fields.Many2one("res.users", string="Checked by")
    check_deadline = fields.Date(string="Check deadline")
    check_result = fields.Text()
    check_done = fields.Boolean(string="Check done")
    body = fields.Char(string="Competent state body")
    document_number = fields.Char(string="Letter No.")
    document_date = fields.Date(string="Letter date")
    notified_date = fields.Date(string="Person notified on")
    notified_method = fields.Selection([
        ("letter", "Letter"), ("phone", "Phone"), ("email", "E-mail"),
        ("in_person", "In person"), ("sms", "SMS"),
    ], string="Notified by")
    done = fields.Boolean(compute="_compute_done", store=True)

    @api.depends("outcome", "answer", "check_done", "body", "document_number",
                 "document_date", "notified_date", "notified_method")
    def _compute_done(self):
        for item in self:
            item.done = rules.item_done(
                item.outcome, answer=item.answer, check_done=item.check_done,
                body=item.body, document_number=item.document_number,
                document_date=item.document_date,
                notified_date=item.notified_date,
                notified_method=item.notified_method)

    @api.constrains("outcome", "body", "document_number", "document_date",
                    "assignee_id", "check_deadline", "check_done")
    def _check_outcome(self):
        for item in self:
            if item.outcome == "forwarded" and not item.body and (
                    item.document_number or item.document_date or
                    item.notified_date):
                raise ValidationError(_(
                    "Competent state body: an item outside police competence "
                    "is forwarded to a named state body (R32)."))
            if item.outcome == "check" and (
                    not item.assignee_id or not item.check_deadline):
                raise ValidationError(_(
                    "Checked by, check deadline: an item that needs checking "
                    "has an assignee and a deadline (R32)."))
            if item.outcome == "check" and item.assignee_id and \
                    item.assignee_id.sudo().uchaske_department_id != \
                    item.meeting_id.sudo().department_id:
                raise ValidationError(_(
                    "Checked by: an officer of the meeting's department."))
