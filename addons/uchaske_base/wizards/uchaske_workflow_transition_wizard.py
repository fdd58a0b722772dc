# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from lxml import etree

from odoo import api, fields, models
from odoo.osv.orm import setup_modifiers

#: the wizard field of a transition's own input (not a column: its value is
#: kept in ``input_values``)
_PREFIX = "wf_input_"

#: the field type of each input type
_FIELD_TYPES = {"char": "char", "text": "text", "date": "date",
                "integer": "integer", "many2one": "many2one",
                "attachments": "many2many"}


class UchaskeWorkflowTransitionWizard(models.TransientModel):
    """Collects a transition's inputs, then calls ``wf_apply``: the button
    and RPC go through the very same checks.

    The form is built from the transition's declarations
    (``uchaske.workflow.input``): the standard inputs it requires are
    columns of the wizard; its own inputs are fields of the view only
    (``wf_input_<name>``), read and written through ``input_values``."""

    _name = "uchaske.workflow.transition.wizard"
    _description = "Workflow transition inputs"

    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Integer(required=True, readonly=True)
    transition_id = fields.Many2one(
        "uchaske.workflow.transition", required=True, readonly=True)
    confirm = fields.Char(related="transition_id.confirm", readonly=True)
    require_comment = fields.Boolean(related="transition_id.require_comment",
                                     readonly=True)
    require_legal_basis = fields.Boolean(
        related="transition_id.require_legal_basis", readonly=True)
    require_document = fields.Boolean(related="transition_id.require_document",
                                      readonly=True)
    require_attachment = fields.Boolean(
        related="transition_id.require_attachment", readonly=True)
    comment = fields.Text()
    legal_basis = fields.Char()
    document_number = fields.Char()
    document_date = fields.Date()
    attachment_ids = fields.Many2many(
        "ir.attachment", "uchaske_wf_wizard_attachment_rel", "wizard_id",
        "attachment_id", string="Attachments")
    input_values = fields.Text(
        default="{}", help="The transition's own inputs, as JSON.")

    @api.model
    def _action_open(self, record, transition):
        wizard = self.create({
            "res_model": record._name,
            "res_id": record.id,
            "transition_id": transition.id,
        })
        return {
            "type": "ir.actions.act_window",
            "name": transition.name,
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
            # the form is the transition's (fields_view_get)
            "context": {"wf_transition_id": transition.id},
        }

    # -- the form, from the declarations -----------------------------------

    @api.model
    def _shown_inputs(self, transition):
        """The inputs the form asks for: the standard ones the transition
        requires, and all its own."""
        required = transition._required_inputs()
        return transition._wf_inputs().filtered(
            lambda spec: spec.transition_id or spec.name in required)

    @api.model
    def _field_name(self, spec):
        return _PREFIX + spec.name if spec.transition_id else spec.name

    @api.model
    def _own_field(self, spec, required):
        field = {"type": _FIELD_TYPES[spec.type], "string": spec.label,
                 "help": spec.help or False, "required": required,
                 "readonly": False}
        if spec.type == "many2one":
            field["relation"] = spec.comodel
        elif spec.type == "attachments":
            field["relation"] = "ir.attachment"
        return field

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        result = super(UchaskeWorkflowTransitionWizard, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        transition = self.env["uchaske.workflow.transition"].browse(
            self.env.context.get("wf_transition_id")).exists()
        if view_type != "form" or not transition:
            return result
        doc = etree.fromstring(result["arch"])
        for group in doc.xpath("//group[@name='wf_inputs']"):
            required = transition._required_inputs()
            for spec in self._shown_inputs(transition):
                name = self._field_name(spec)
                if spec.transition_id:
                    result["fields"][name] = self._own_field(
                        spec, spec.name in required)
                elif name not in result["fields"]:
                    result["fields"].update(self.fields_get([name]))
                node = etree.SubElement(group, "field", {"name": name})
                if spec.type == "attachments":
                    node.set("widget", "many2many_binary")
                if spec.type == "text":
                    node.set("colspan", "2")
                if spec.name in required:
                    node.set("required", "1")
                if spec.help:
                    node.set("help", spec.help)
                setup_modifiers(node, result["fields"][name],
                                context=self.env.context)
        result["arch"] = etree.tostring(doc, encoding="unicode")
        return result

    # -- the own inputs: fields of the view, kept in input_values ------------

    @api.model
    def _pop_own(self, vals):
        """Move the ``wf_input_*`` values of ``vals`` out, as {name: value}."""
        own = {}
        for key in [k for k in vals if k.startswith(_PREFIX)]:
            value = vals.pop(key)
            if isinstance(value, list):  # x2many commands of the web client
                ids = []
                for command in value:
                    if command[0] == 6:
                        ids = list(command[2])
                    elif command[0] == 4:
                        ids.append(command[1])
                value = ids
            own[key[len(_PREFIX):]] = value
        return own

    @api.model
    def create(self, vals):
        vals = dict(vals)
        own = self._pop_own(vals)
        if own:
            vals["input_values"] = json.dumps(own)
        return super(UchaskeWorkflowTransitionWizard, self).create(vals)

    @api.multi
    def write(self, vals):
        vals = dict(vals)
        own = self._pop_own(vals)
        for wizard in self:
            if own:
                merged = dict(wizard._own_values(), **own)
                super(UchaskeWorkflowTransitionWizard, wizard).write(
                    dict(vals, input_values=json.dumps(merged)))
            else:
                super(UchaskeWorkflowTransitionWizard, wizard).write(vals)
        return True

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        names = fields or []
        own = [name for name in names if name.startswith(_PREFIX)]
        rest = [name for name in names if name not in own]
        if own and "input_values" not in rest:
            rest.append("input_values")
        rows = super(UchaskeWorkflowTransitionWizard, self).read(
            rest or None, load=load)
        if not own:
            return rows
        for row in rows:
            wizard = self.browse(row["id"])
            values = wizard._own_values()
            specs = {spec.name: spec for spec in wizard.transition_id.input_ids}
            for name in own:
                row[name] = wizard._read_own(
                    specs.get(name[len(_PREFIX):]),
                    values.get(name[len(_PREFIX):]), load)
        return rows

    @api.model
    def _read_own(self, spec, value, load):
        if spec is None or value is None or value is False:
            return [] if spec and spec.type == "attachments" else False
        if spec.type == "many2one" and load == "_classic_read":
            # the name as the user sees it; nothing of what he may not read
            record = self.env[spec.comodel].browse(value)
            names = dict(record.search([("id", "=", value)]).name_get())
            return (value, names.get(value, str(value)))
        return value

    @api.multi
    def _own_values(self):
        self.ensure_one()
        return json.loads(self.input_values or "{}")

    @api.multi
    def _prepare_values(self):
        self.ensure_one()
        values = {}
        for name in ("comment", "legal_basis", "document_number", "document_date"):
            if self[name]:
                values[name] = self[name]
        if self.attachment_ids:
            values["attachment_ids"] = self.attachment_ids.ids
        values.update((name, value) for name, value in self._own_values().items()
                      if value not in (None, False, "", []))
        return values

    @api.multi
    def action_apply(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        record.wf_apply(self.transition_id.code, self._prepare_values())
        return {"type": "ir.actions.act_window_close"}
