# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from lxml import etree

from odoo import _, api, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.osv.orm import setup_modifiers

#: the domain that makes a field read-only when the state forbids editing
_LOCKED = [["wf_locked", "=", True]]


class UchaskeWorkflowUi(models.AbstractModel):
    """The form of a workflow record (part of ``uchaske.workflow.mixin``):
    a statusbar and one button per transition, injected into the form view;
    a button opens the inputs wizard when the transition asks for inputs.
    Where the state's edit policy refuses the user (a confirmed act, a
    closed case), the form's fields are read-only and the web client hides
    Edit (``uchaske_web_client.js``): the refusal is seen before typing, not
    after Save."""

    _name = "uchaske.workflow.ui"
    _description = "Workflow form buttons"

    @api.multi
    def wf_button(self):
        """Form button: fire the transition named in the context, through
        the inputs wizard when the transition needs inputs."""
        self.ensure_one()
        code = self.env.context.get("wf_transition")
        transition = self._wf_workflow().transition_ids.filtered(
            lambda t: t.code == code)
        if not transition:
            raise ValidationError(_("Unknown transition %s.") % code)
        self._wf_check(transition, check_inputs=False)
        if transition._required_inputs() or transition.sudo().input_ids \
                or transition.confirm:
            return self.env["uchaske.workflow.transition.wizard"]._action_open(
                self, transition)
        self.wf_apply(code)
        return True

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        result = super(UchaskeWorkflowUi, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar, submenu=submenu)
        if view_type == "form" and self._wf_workflow():
            for name in ("state", "wf_available", "wf_locked"):
                if name not in result["fields"]:
                    result["fields"].update(self.fields_get([name]))
            result["arch"] = self._wf_inject_form(result["arch"], result["fields"])
        return result

    @api.model
    def _wf_inject_form(self, arch, view_fields):
        """Statusbar and one button per transition in the form's header.

        The view is already post-processed at this point: the web client
        reads ``modifiers`` (not ``attrs``), so each injected node gets its
        modifiers computed here, as Odoo does for the view's own nodes."""
        workflow = self._wf_workflow()
        doc = etree.fromstring(arch)
        header = doc.find("header")
        if header is None:
            header = etree.Element("header")
            doc.insert(0, header)
        for node in header.xpath(".//field[@name='state']"):
            node.getparent().remove(node)
        for transition in workflow.transition_ids:
            button = etree.SubElement(header, "button", {
                "name": "wf_button",
                "type": "object",
                "string": transition.name,
                "class": transition.button_class or "btn-default",
                "context": repr({"wf_transition": transition.code}),
                # A new record has no wf_available (False): the web client's
                # ``ilike`` calls String.indexOf on the value, so the
                # emptiness test must come first (``|`` short-circuits).
                "attrs": repr({"invisible": [
                    "|", ("wf_available", "in", [False, ""]),
                    "!", ("wf_available", "ilike", ",%s," % transition.code)]}),
            })
            button.set("data-wf-transition", transition.code)
            setup_modifiers(button, context=self.env.context)
        visible = ",".join(workflow.state_ids.filtered(lambda s: not s.fold)
                           .mapped("code"))
        statusbar = etree.SubElement(header, "field", {
            "name": "state", "widget": "statusbar", "statusbar_visible": visible})
        setup_modifiers(statusbar, view_fields["state"], context=self.env.context)
        for name in ("wf_available", "wf_locked"):
            hidden = etree.SubElement(header, "field",
                                      {"name": name, "invisible": "1"})
            setup_modifiers(hidden, view_fields[name], context=self.env.context)
        self._wf_lock_fields(doc)
        return etree.tostring(doc, encoding="unicode")

    @api.model
    def _wf_lock_fields(self, doc):
        """Make the fields of the form's sheet read-only while
        ``wf_locked``, keeping their own read-only condition (OR-ed)."""
        for node in doc.xpath("//sheet//field"):
            modifiers = json.loads(node.get("modifiers") or "{}")
            readonly = modifiers.get("readonly")
            if readonly is True:
                continue
            modifiers["readonly"] = expression.OR([_LOCKED, readonly]) \
                if isinstance(readonly, list) and readonly else _LOCKED
            node.set("modifiers", json.dumps(modifiers))
