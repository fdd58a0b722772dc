# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class UchaskeMonthlyReview(models.Model):
    """The monthly plan and the transmissions in the monthly review (R10,
    R24.6): plan items due in the month done or not (R18, R24.2) and the
    information transmitted on time or late (R22.14)."""

    _inherit = "uchaske.monthly.review"

    @api.model
    def _review_figures(self, officer, date_from, date_to):
        figures = super(UchaskeMonthlyReview, self)._review_figures(
            officer, date_from, date_to)
        env = self.sudo().env
        items = env["uchaske.work.plan.item"].search([
            ("assignee_id", "=", officer.id),
            ("date_due", ">=", date_from), ("date_due", "<=", date_to)])
        done = items.filtered(lambda item: item.state == "done")
        figures["plan_items_done"] = (
            _("Plan items done (R18, R24.2)"), len(done))
        figures["plan_items_not_done"] = (
            _("Plan items not done by their due date (R18, R24.2)"),
            len(items.filtered(
                lambda item: item.state != "done"
                or (item.date_done or "") > item.date_due)))
        start, end = self._review_bounds(officer, date_from, date_to)
        sent = env["uchaske.info.transmission"].search([
            ("user_id", "=", officer.id),
            ("date_obtained", ">=", start), ("date_obtained", "<=", end)])
        figures["transmissions_on_time"] = (
            _("Information transmitted within 24 hours (R22.14)"),
            len(sent.filtered(lambda record: record.date_sent and not record.is_late)))
        figures["transmissions_late"] = (
            _("Information transmitted late or not yet (R22.14)"),
            len(sent.filtered(lambda record: not record.date_sent or record.is_late)))
        return figures
