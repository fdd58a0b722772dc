# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _empty(value):
    """No value given (0 is a value of an integer input)."""
    return value is None or value is False or value == "" or value == []


class UchaskeWorkflowInputs(models.AbstractModel):
    """Validation of a transition's inputs against their declarations
    (``uchaske.workflow.input``; part of ``uchaske.workflow.mixin``).

    An input is known only if declared; its value must have the declared
    type; a many2one names a record the current user may read. Errors name
    the input's label, never what the user may not see."""

    _name = "uchaske.workflow.inputs"
    _description = "Workflow inputs"

    @api.model
    def _wf_inputs_error(self, transition, values):
        specs = transition._wf_inputs() if transition else \
            self.env["uchaske.workflow.input"]
        by_name = {spec.name: spec for spec in specs}
        unknown = set(values) - set(by_name)
        if unknown:
            return ValidationError(_("Unknown transition inputs: %s.") %
                                   ", ".join(sorted(unknown)))
        missing = [name for name in transition._required_inputs()
                   if _empty(values.get(name))]
        if missing:
            return ValidationError(_(
                "\"%(transition)s\" requires: %(missing)s.") % {
                    "transition": transition.name,
                    "missing": ", ".join(by_name[name].label for name in missing)})
        for name in sorted(values, key=lambda n: by_name[n].sequence):
            value = values[name]
            if _empty(value):
                continue
            error = self._wf_input_error(by_name[name], value)
            if error:
                return ValidationError(error)
        return None

    @api.model
    def _wf_input_error(self, spec, value):
        """A translated message if ``value`` does not fit the declaration
        ``spec``, else None."""
        check = getattr(self, "_wf_input_error_%s" % spec.type)
        return check(spec, value)

    @api.model
    def _wf_input_error_char(self, spec, value):
        if not isinstance(value, str):
            return _("%s: enter a text.") % spec.label
        return None

    @api.model
    def _wf_input_error_text(self, spec, value):
        return self._wf_input_error_char(spec, value)

    @api.model
    def _wf_input_error_integer(self, spec, value):
        if isinstance(value, bool) or not isinstance(value, int):
            return _("%s: enter a whole number.") % spec.label
        return None

    @api.model
    def _wf_input_error_date(self, spec, value):
        try:
            if not (isinstance(value, str) and _DATE.match(value)):
                raise ValueError(value)
            day = fields.Date.from_string(value)
        except ValueError:
            return _("%(label)s: %(value)s is not a date (YYYY-MM-DD).") % {
                "label": spec.label, "value": value}
        if spec.not_future and day > fields.Date.from_string(
                fields.Date.context_today(self)):
            return _("%(label)s: %(value)s is in the future.") % {
                "label": spec.label, "value": value}
        return None

    @api.model
    def _wf_input_error_many2one(self, spec, value):
        # one message whether the record is missing or not readable: no
        # oracle of another department's records
        found = isinstance(value, int) and not isinstance(value, bool) and \
            self.env[spec.comodel].with_context(active_test=False).search_count(
                [("id", "=", value)])
        if not found:
            return _("%s: choose a record you can see.") % spec.label
        return None

    @api.multi
    def _wf_input_error_attachments(self, spec, value):
        if not isinstance(value, (list, tuple)) \
                or not all(isinstance(i, int) for i in value) \
                or not self._wf_attachments_free(value):
            # one message whatever the reason: no oracle of other files
            return _("Attachments: attach only files you uploaded yourself "
                     "that belong to no other record.")
        return None

    @api.multi
    def _wf_attachments_free(self, attachment_ids):
        """True if the current user may attach the files ``attachment_ids``
        to this record: they exist, the user may read and write them, and
        each is either unattached and uploaded by the user, or already
        attached to this very record. The engine links them as superuser,
        so a file of another record must never pass (it would be moved)."""
        attachments = self.env["ir.attachment"].browse(attachment_ids)
        if len(attachments.exists()) != len(set(attachment_ids)):
            return False
        try:
            attachments.check("read")
            attachments.check("write")
        except AccessError:
            return False
        for attachment in attachments.sudo():
            if attachment.res_field:
                return False  # the content of a binary field, not a file
            if attachment.res_id:
                if (attachment.res_model, attachment.res_id) != \
                        (self._name, self.id):
                    return False
            elif attachment.create_uid != self.env.user and \
                    self.env.uid != SUPERUSER_ID:
                return False
        return True

    @api.multi
    def _wf_link_attachments(self, transition, values):
        """Link the files of the attachment inputs to this record. The
        validation let only unattached files (or files of this very record)
        through: link only the unattached ones, never move a file."""
        self.ensure_one()
        ids = []
        for spec in transition._wf_inputs() if transition else []:
            if spec.type == "attachments":
                ids += values.get(spec.name) or []
        free = self.env["ir.attachment"].sudo().browse(ids).filtered(
            lambda a: not a.res_id)
        if free:
            free.write({"res_model": self._name, "res_id": self.id})

    @api.model
    def _wf_inputs_json(self, transition, values):
        """The declared (non-standard) inputs as canonical JSON (sorted keys),
        for the history; False when there are none."""
        # the transition's own declarations among its cached inputs (the
        # standard ones have no transition): no statement (issue 14)
        own = {spec.name for spec in transition._wf_inputs()
               if spec.transition_id.id == transition.id} \
            if transition else set()
        extra = {name: value for name, value in values.items()
                 if name in own and not _empty(value)}
        if not extra:
            return False
        return json.dumps(extra, sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))
