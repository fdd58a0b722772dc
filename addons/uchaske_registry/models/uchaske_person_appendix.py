# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class UchaskePerson(models.Model):
    """The entries of a person in the lists of Appendices 2-4 (R17).

    The record rules let the officers who keep a list read the persons on
    it (``security/uchaske_appendix_access.xml``).
    """

    _inherit = "uchaske.person"

    firearm_owner_ids = fields.One2many(
        "uchaske.firearm.owner", "person_id", string="Firearms (Appendix 2)")
    noncustodial_ids = fields.One2many(
        "uchaske.noncustodial.person", "person_id",
        string="Sentenced without isolation (Appendix 3)")
    foreigner_ids = fields.One2many(
        "uchaske.foreigner", "person_id", string="Foreigner entries (Appendix 4)")

    @api.model
    def _scope_links(self, lists=True):
        """A person on a list is linked to the list's district (R17)."""
        links = super(UchaskePerson, self)._scope_links(lists)
        if lists:
            links += [("uchaske_firearm_owner", True),
                      ("uchaske_noncustodial_person", True),
                      ("uchaske_foreigner", True)]
        return links
