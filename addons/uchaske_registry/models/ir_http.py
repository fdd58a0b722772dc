# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    """The web client learns which register models the user may not export
    (R15), to hide their Export entry; the server refuses anyway."""

    _inherit = "ir.http"

    def session_info(self):
        info = super(IrHttp, self).session_info()
        if request.session.uid:
            info["uchaske_export_denied_models"] = self.env[
                "uchaske.access.journal.mixin"]._journal_export_denied_models()
        return info
