# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv.orm import setup_modifiers

from uchaske_rules import dates

#: (read, write, create, unlink)
_ALL = (True, True, True, True)
_READ = (True, False, False, False)
_CHANGE = (False, True, True, True)

_ASSISTANT = "uchaske_base.group_assistant"
_RESPONSIBLE = "uchaske_base.group_responsible_inspector"
_CHIEF = "uchaske_base.group_district_chief"

_SERVED = "[('district_id', 'in', user.uchaske_district_ids.ids)]"
_POST = "[('post_id', 'in', user.uchaske_post_ids.ids)]"
_DEPARTMENT = "[('department_id', '=', user.uchaske_department_id.id)]"

#: The standard record rules of each scope kind, declared once
#: (R2.3, R6, R7, R16, R24): (xmlid suffix, group, name, domain, perms).
#: ``%(anchor)s`` is the model's anchor field. Group rules of a model are
#: OR-ed; a mode without any rule of the user's groups would be unlimited,
#: hence the explicit "no change" rule of the police point kind.
SCOPE_RULES = {
    # assistants and inspectors: the districts they serve, incl. by
    # substitution (R6, in res.users.uchaske_district_ids); responsible
    # inspector: the police point; chief: the department
    "district": (
        ("assistant", _ASSISTANT,
         "districts served (incl. substitution, R6)", _SERVED, _ALL),
        ("responsible_inspector", _RESPONSIBLE, "police point (R24)", _POST, _ALL),
        ("district_chief", _CHIEF, "department (R16)", _DEPARTMENT, _ALL),
    ),
    # a police point's record (monthly plan, transmissions register): its
    # officers read it, the responsible inspector and the chief keep it
    "post": (
        ("assistant", _ASSISTANT, "police point of the districts served (read)",
         "[('post_id', 'in', user.uchaske_district_ids.sudo()"
         ".mapped('post_id').ids)]", _READ),
        # not (0, '=', 1): Odoo 11 drops it from an OR of group rules, and
        # an OR of nothing is no restriction
        ("assistant_change", _ASSISTANT, "kept by the police point's lead",
         "[('id', '=', 0)]", _CHANGE),
        ("responsible_inspector", _RESPONSIBLE, "police point (R24)", _POST, _ALL),
        ("district_chief", _CHIEF, "department (R16)", _DEPARTMENT, _ALL),
    ),
    # a person's record (work notebook): its owner keeps it; the police
    # point's responsible inspector and the chief read it
    "person": (
        ("assistant", _ASSISTANT, "own records",
         "[('%(anchor)s', '=', user.id)]", _ALL),
        ("responsible_inspector", _RESPONSIBLE, "police point (read, R24)",
         _POST, _READ),
        ("district_chief", _CHIEF, "department (read, R16)", _DEPARTMENT, _READ),
    ),
}
#: ``_scope_read_only_roles`` of a model whose officers fill it and whose
#: supervisors only read it (R2.3: the district passport, A1)
SUPERVISORS_READ_ONLY = ("responsible_inspector", "district_chief")
_SYSTEM_RULE = ("system", "base.group_system", "administrator", "[(1, '=', 1)]",
                _ALL)

#: the anchor field of each kind, unless the model names another one
_DEFAULT_ANCHORS = {"district": "district_id", "post": "post_id",
                    "person": "user_id"}


class UchaskeScopeMixin(models.AbstractModel):
    """Where a record belongs: one district, one police point or one person.

    ``_scope_kind`` (``district``, ``post`` or ``person``) says which;
    ``_scope_anchor`` names the field that places the record (by default
    ``district_id``, ``post_id`` or ``user_id``; it may also be a record
    that is scoped itself, e.g. the case of a supervision check). From the
    anchor the mixin stores ``department_id``, ``post_id`` and
    ``district_id`` at create and write (stored, not related: the record
    rules check a new row as soon as it is inserted). They feed

    * the record rules: :meth:`_scope_sync_rules`, called from an addon's
      security XML, creates or updates the standard rules of
      :data:`SCOPE_RULES` for each of the addon's models on this mixin
      (read-only for the roles in ``_scope_read_only_roles``); extra rules
      (a transfer seen by its destination) stay hand-written;
    * the workflow engine's history and deadlines (:meth:`_wf_scope_vals`),
      the substitution it records (:meth:`_wf_acting_for`, R6) and the
      escalation of a missed deadline (:meth:`_wf_escalation_user`).

    A model on the workflow engine lists this mixin *before*
    ``uchaske.workflow.mixin`` in ``_inherit``, so that these hooks replace
    the engine's trivial defaults. Through ``uchaske.district.scope.mixin``
    it also limits what a user may put in a district.
    """

    _name = "uchaske.scope.mixin"
    _inherit = ["uchaske.district.scope.mixin"]
    _description = "Scope of officers' records (district, police point, person)"

    #: ``district``, ``post`` or ``person``
    _scope_kind = "district"
    #: the field that places the record (default by kind)
    _scope_anchor = None
    #: False: the model keeps hand-written rules only
    _scope_rules = True
    #: roles of :data:`SCOPE_RULES` (xmlid suffixes, e.g.
    #: :data:`SUPERVISORS_READ_ONLY`) whose standard rule of this model only
    #: reads: the district's officers fill the record, these roles read it
    #: (R2.3, the passport). Rules are OR-ed: such a user still writes
    #: where another of his rules allows it (a district he serves himself,
    #: a hand-written rule such as a handover act's parties, R4).
    _scope_read_only_roles = ()

    district_id = fields.Many2one("uchaske.district", index=True)
    # follow the anchor: the district, the police point or the officer
    department_id = fields.Many2one("uchaske.department", readonly=True, index=True)
    post_id = fields.Many2one("uchaske.post", readonly=True, index=True)

    scope_read_only = fields.Boolean(
        compute="_compute_scope_read_only", string="Read only for you",
        help="The current user may read the record but not change it (the "
             "record rules: e.g. a supervisor reading a district's passport, "
             "R2.3): the form offers no Edit button.")

    @api.multi
    def _compute_scope_read_only(self):
        if not self.check_access_rights("write", raise_exception=False):
            for record in self:
                record.scope_read_only = True
            return
        for record in self:
            record.scope_read_only = False
            if not record.id:
                continue
            try:
                record.check_access_rule("write")
            except AccessError:
                record.scope_read_only = True

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        """The form carries ``scope_read_only`` (invisible), which the web
        client reads to hide Edit (``uchaske_web_client.js``)."""
        result = super(UchaskeScopeMixin, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        if view_type == "form" and "scope_read_only" not in result["fields"]:
            result["fields"].update(self.fields_get(["scope_read_only"]))
            doc = etree.fromstring(result["arch"])
            node = etree.SubElement(doc, "field", {
                "name": "scope_read_only", "invisible": "1"})
            setup_modifiers(node, result["fields"]["scope_read_only"],
                            context=self.env.context)
            result["arch"] = etree.tostring(doc, encoding="unicode")
        return result

    # -- scope from the anchor ----------------------------------------

    @api.model
    def _scope_anchor_field(self):
        return self._scope_anchor or _DEFAULT_ANCHORS[self._scope_kind]

    @api.model
    def _scope_user_post(self, user):
        """The police point of an officer: the one they lead, else the one
        of a district they serve as inspector or assistant."""
        district = self.env["uchaske.district"].sudo().search([
            "|", ("inspector_id", "=", user.id),
            ("assistant_ids", "in", user.id)], limit=1)
        return user.uchaske_post_ids[:1] or district.post_id

    @api.model
    def _scope_vals_from(self, anchor):
        """Department, police point and district of an anchor record."""
        anchor = anchor.sudo()
        if anchor._name == "uchaske.district":
            return {"district_id": anchor.id, "post_id": anchor.post_id.id,
                    "department_id": anchor.department_id.id}
        if anchor._name == "uchaske.post":
            return {"district_id": False, "post_id": anchor.id,
                    "department_id": anchor.department_id.id}
        if anchor._name == "res.users":
            return {"district_id": False,
                    "post_id": self._scope_user_post(anchor).id,
                    "department_id": anchor.uchaske_department_id.id}
        # a scoped record (the case of a check or of a transfer)
        return {"district_id": anchor.district_id.id,
                "post_id": anchor.post_id.id,
                "department_id": anchor.department_id.id}

    @api.model
    def _scope_prepare_vals(self, vals):
        """``vals`` completed with the scope of the anchor it sets, and the
        district's inspector as responsible officer by default."""
        anchor = self._scope_anchor_field()
        if not vals.get(anchor):
            return vals
        record = self.env[self._fields[anchor].comodel_name].browse(vals[anchor])
        scope = self._scope_vals_from(record)
        inspector = self._scope_inspector_field
        if inspector and not vals.get(inspector) and \
                record._name == "uchaske.district":
            scope[inspector] = record.sudo().inspector_id.id
        return dict(vals, **scope)

    @api.model
    def create(self, vals):
        anchor = self._scope_anchor_field()
        if anchor not in vals:
            vals = dict(self.default_get([anchor]), **vals)
        self._scope_check_own(vals)
        return super(UchaskeScopeMixin, self).create(
            self._scope_prepare_vals(vals))

    @api.multi
    def write(self, vals):
        self._scope_check_own(vals)
        return super(UchaskeScopeMixin, self).write(
            self._scope_prepare_vals(vals))

    @api.model
    def _scope_check_own(self, vals):
        """A person's record with the standard rules is kept by that person
        only: naming another officer is refused naming the field (the
        record rule would refuse without it, or a constraint would fail
        reading the row it may not see)."""
        if self._scope_kind != "person" or not self._scope_rules or \
                self._scope_unrestricted():
            return
        anchor = self._scope_anchor_field()
        if vals.get(anchor) and vals[anchor] != self.env.uid:
            label = self._fields[anchor]._description_string(self.env)
            raise AccessError(_("%s: you keep your own records only.") % label)

    @api.multi
    def _check_officers_department(self, *names):
        """R7: the officers named in the fields ``names`` serve the
        record's department. The message names the field, never the
        officer (who may be another department's)."""
        for record in self.sudo():
            for name in names:
                if any(officer.uchaske_department_id != record.department_id
                       for officer in record[name]):
                    raise ValidationError(_(
                        "%s: choose an officer of the record's department "
                        "(R7).") % self._fields[name]._description_string(
                            self.env))

    # -- workflow engine hooks -------------------------------------------

    @api.multi
    def _wf_scope_vals(self):
        """Department/district/post of the record, copied to its history and
        deadlines so that they follow the record rules of their record.
        Overrides may add ``involved_department_id`` (history only)."""
        self.ensure_one()
        # sudo: a transition may be fired from another department (a
        # transfer confirmed by its destination)
        record = self.sudo()
        return {"district_id": record.district_id.id,
                "department_id": record.department_id.id,
                "post_id": record.post_id.id}

    @api.multi
    def _wf_acting_for(self):
        """The absent inspector the current user substitutes for in the
        record's district (R6)."""
        self.ensure_one()
        if not self.district_id:
            return self.env["res.users"]
        return self.env["uchaske.substitution"]._find_active(
            self.district_id, self.env.user).absent_user_id

    @api.multi
    def _wf_escalation_user(self, responsible):
        """The next role up from ``responsible`` for this record: the police
        point's responsible inspector, then the department chief (R16, R24)."""
        self.ensure_one()
        record = self.sudo()
        user_id = dates.next_role_up(
            responsible.id, record.post_id.responsible_inspector_id.id,
            record.department_id.chief_id.id)
        return self.env["res.users"].browse(user_id or [])

    # -- record rules ----------------------------------------------------

    @api.model
    def _scope_rule_models(self, module):
        """The models defined by ``module`` on this mixin, with standard
        rules."""
        models_ = [self.env[name] for name in sorted(self.env.registry.models)]
        return [model for model in models_
                if getattr(model, "_scope_kind", None) and model._scope_rules
                and not model._abstract and not model._transient
                and model._original_module == module]

    @api.model
    def _scope_sync_rules(self, module):
        """Create or update the standard record rules of ``module``'s scoped
        models, xmlids ``<module>.<model>_rule_<role>`` (the names the
        hand-written rules had: an upgraded database keeps one rule each)."""
        data = self.env["ir.model.data"]
        for model in self._scope_rule_models(module):
            prefix = model._name.replace(".", "_")
            ir_model = self.env["ir.model"]._get(model._name)
            for suffix, group, label, domain, perms in \
                    SCOPE_RULES[model._scope_kind] + (_SYSTEM_RULE,):
                values = {
                    "name": "%s: %s" % (model._description, label),
                    "model_id": ir_model.id,
                    "groups": [(6, 0, [self.env.ref(group).id])],
                    "domain_force": domain % {
                        "anchor": model._scope_anchor_field()},
                    "active": True,
                }
                if suffix in model._scope_read_only_roles:
                    perms = _READ
                    values["name"] += ", read only (R2.3)"
                values.update(zip(("perm_read", "perm_write", "perm_create",
                                   "perm_unlink"), perms))
                data._update("ir.rule", module, values, noupdate=True,
                             xml_id="%s_rule_%s" % (prefix, suffix), mode="init")
        self.env["ir.rule"].clear_caches()
        return True
