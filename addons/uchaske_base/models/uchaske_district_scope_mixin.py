# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import ValidationError


class UchaskeDistrictScopeMixin(models.AbstractModel):
    """Keep the records users place in a district within what they serve.

    The record rules say what a user may *see*; this mixin limits what a user
    may *put* in a district (R7, R16, R24): assistants and inspectors the
    districts they serve, incl. by substitution (R6); the responsible
    inspector the districts of their police point; the chief those of their
    department. The responsible inspector of a record is an officer of the
    district's department who serves it (or the one who may choose for the
    whole police point or department). Code paths of the engine that act for
    another department (an R14 transfer) run as superuser and are not
    limited. Models call :meth:`_check_district_scope` from their own
    constraints.
    """

    _name = "uchaske.district.scope.mixin"
    _description = "District scope of officers' records"

    #: name of the field holding the responsible officer, if any
    _scope_inspector_field = None

    @api.model
    def _scope_unrestricted(self):
        """The engine (superuser) and the administrator are not limited."""
        return self.env.uid == SUPERUSER_ID or \
            self.env.user.has_group("base.group_system")

    @api.model
    def _scope_districts(self):
        """Districts the current user may place records in."""
        user = self.env.user
        District = self.env["uchaske.district"].sudo()
        # as ``uchaske_district_ids``, in one statement (issue 14)
        districts = District.browse(
            self.env["res.users"]._uchaske_served_district_ids(user.id))
        if user.has_group("uchaske_base.group_district_chief"):
            if user.uchaske_department_id:
                districts |= District.search(
                    [("department_id", "=", user.uchaske_department_id.id)])
        elif user.has_group("uchaske_base.group_responsible_inspector"):
            if user.uchaske_post_ids:
                districts |= District.search(
                    [("post_id", "in", user.uchaske_post_ids.ids)])
        return districts

    @api.model
    def _scope_inspector_ok(self, district, inspector):
        """May the current user make ``inspector`` responsible in
        ``district``? An officer of the district's department who serves it
        or leads its police point; chosen by the responsible inspector, any
        officer of the police point; by the chief, any officer of the
        department."""
        user = self.env.user
        inspector = inspector.sudo()
        district = district.sudo()
        if inspector.uchaske_department_id != district.department_id:
            return False
        if user.has_group("uchaske_base.group_district_chief") or \
                inspector == user:
            return True
        post = district.post_id
        if inspector == post.responsible_inspector_id:
            return True
        served = district.browse(
            self.env["res.users"]._uchaske_served_district_ids(inspector.id))
        if user.has_group("uchaske_base.group_responsible_inspector"):
            return bool(served & (post.district_ids or district))
        return district in served

    @api.multi
    def _check_district_scope(self):
        """Raise unless every record's district (and responsible officer)
        is within the current user's scope. The message names the field
        only: nothing about the other department."""
        if self._scope_unrestricted():
            return
        served = self._scope_districts()
        for record in self:
            district = record.sudo().district_id
            if district and district not in served:
                raise ValidationError(_(
                    "District: choose a district you serve; another "
                    "department's district cannot be chosen."))
            field = self._scope_inspector_field
            inspector = record.sudo()[field] if field else None
            if inspector and district and \
                    not record._scope_inspector_ok(district, inspector):
                raise ValidationError(_(
                    "%s: choose an officer of your department who serves "
                    "this district.") % self._fields[field].get_description(
                        self.env)["string"])
