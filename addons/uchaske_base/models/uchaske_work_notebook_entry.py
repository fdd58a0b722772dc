# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: entry kinds and the clause of Order No. 1095 each records
ENTRY_KINDS = [
    ("instruction", "Task or instruction of a superior"),
    ("walk_info", "Information obtained on the daily walk"),
    ("talk", "Preventive talk"),
    ("online_reception", "Online reception"),
    ("visit_card", "Visit cards or information sheets handed out"),
    ("individual_work", "Individual preventive work with a registered person"),
    ("victim_help", "Help to a victim or a person in danger"),
    ("joint_walk", "Joint walk with the integrated police squads"),
    ("binding_order", "Binding order (нұсқама)"),
    ("recommendation", "Recommendation"),
    ("alcohol_test", "Alcohol test"),
    ("health_request", "Request to a health body or organisation"),
    ("other", "Other information"),
]
KIND_REFS = {
    "instruction": "R20", "walk_info": "R22.14", "talk": "R22.14",
    "online_reception": "R9", "visit_card": "R22.14",
    "individual_work": "R22.2", "victim_help": "R22.6",
    "joint_walk": "R22.7", "binding_order": "R22.8",
    "recommendation": "R22.8", "alcohol_test": "R22.9",
    "health_request": "R22.5", "other": "R20",
}


class UchaskeWorkNotebookEntry(models.Model):
    """An entry of an officer's work notebook (R20, R9, R22.1–R22.9,
    R22.14): its kind says which function of the order it records. Tasks of
    superiors carry who gave them, the due date and whether done; binding
    orders and recommendations (R22.8) the recipient, grounds, compliance
    due date and result. ``uchaske_registry`` adds the register case an
    individual preventive work entry belongs to (R22.2)."""

    _name = "uchaske.work.notebook.entry"
    _description = "Work notebook entry"
    _inherit = ["uchaske.scope.mixin", "mail.thread"]
    _scope_kind = "person"
    _order = "date desc, id desc"

    notebook_id = fields.Many2one(
        "uchaske.work.notebook", string="Notebook", required=True,
        ondelete="cascade", index=True,
        default=lambda self: self.env["uchaske.work.notebook"]._get_mine())
    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, readonly=True,
        index=True, default=lambda self: self.env.user)
    kind = fields.Selection(ENTRY_KINDS, required=True, default="walk_info",
                            track_visibility="onchange")
    requirement_ref = fields.Char(
        string="Requirement", compute="_compute_requirement_ref", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    name = fields.Char(string="Summary", required=True)
    description = fields.Text()
    person_name = fields.Char(
        string="Person or organisation",
        help="Who the talk, help, test, order or request concerned.")
    # tasks and instructions of superiors (R20)
    given_by_id = fields.Many2one("res.users", string="Given by")
    date_due = fields.Date(string="Due date")
    done = fields.Boolean()
    # binding orders and recommendations (R22.8)
    grounds = fields.Text()
    date_compliance = fields.Date(string="Compliance due")
    result = fields.Text()

    @api.depends("kind")
    def _compute_requirement_ref(self):
        for entry in self:
            entry.requirement_ref = KIND_REFS.get(entry.kind)

    @api.model
    def create(self, vals):
        notebook = self.env["uchaske.work.notebook"].browse(
            vals.get("notebook_id") or
            self.env["uchaske.work.notebook"]._get_mine().id)
        vals = dict(vals, notebook_id=notebook.id,
                    user_id=notebook.sudo().user_id.id)
        return super(UchaskeWorkNotebookEntry, self).create(vals)

    @api.constrains("kind", "given_by_id", "person_name", "grounds",
                    "date_compliance")
    def _check_kind_fields(self):
        for entry in self:
            if entry.kind == "instruction" and not entry.given_by_id:
                raise ValidationError(_(
                    "Given by: name the superior who gave the task (R20)."))
            if entry.kind in ("binding_order", "recommendation") and not (
                    entry.person_name and entry.grounds
                    and entry.date_compliance):
                raise ValidationError(_(
                    "Person or organisation, grounds, compliance due: a "
                    "binding order or recommendation needs all three "
                    "(R22.8)."))

    @api.constrains("given_by_id")
    def _check_given_by(self):
        """R7, R20: the superior who gave a task is of the department."""
        self._check_officers_department("given_by_id")

    @api.constrains("notebook_id", "user_id")
    def _check_owner(self):
        for entry in self:
            if entry.notebook_id.sudo().user_id != entry.user_id:
                raise ValidationError(_(
                    "Notebook: an entry belongs to its officer's notebook."))
