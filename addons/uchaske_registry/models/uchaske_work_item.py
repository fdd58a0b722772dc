# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from uchaske_rules import my_work


class UchaskeWorkItem(models.TransientModel):
    """"My work" names the person of the register's records, and lists the
    overdue supervision checks (R12) that have no activity."""

    _inherit = "uchaske.work.item"

    @api.model
    def _my_work_details(self, res_model, res_ids, names=None):
        """The person of a record that has one (cases, transfers, the lists
        of Appendices 2-4): one read, names in one batch (the page only). A
        model that names its records and their person in one statement
        (``_uchaske_name_and_person``, the cases) is asked for both."""
        Model = self.env[res_model]
        if hasattr(type(Model), "_uchaske_name_and_person"):
            labels = Model._uchaske_name_and_person(res_ids)
            return {res_id: {"record_name": labels[res_id][0] or False,
                             "person_name": labels[res_id][1] or False}
                    for res_id in res_ids if res_id in labels}
        result = super(UchaskeWorkItem, self)._my_work_details(
            res_model, res_ids, names)
        field = Model._fields.get("person_id")
        if field is None or field.comodel_name != "uchaske.person":
            return result
        records = Model.sudo().with_context(prefetch_fields=False).browse(
            list(result))
        names = {person.id: person.name
                 for person in records.mapped("person_id")}  # one read
        for record in records:
            result[record.id]["person_name"] = names.get(record.person_id.id)
        return result

    @api.model
    def _my_work_extra_rows(self, clock, rows):
        """R12: an overdue supervision check of one of the user's cases
        whose activity is gone (one search)."""
        extra = super(UchaskeWorkItem, self)._my_work_extra_rows(clock, rows)
        listed = {row["res_id"] for row in rows
                  if row.get("res_model") == "uchaske.registry.case"
                  and row.get("requirement_ref") == "R12"}
        Case = self.env["uchaske.registry.case"]
        if not Case.check_access_rights("read", False):
            return extra
        # the user's read rules, not journaled (R15): the engine finding
        # work, not the user opening the register; the ids and the one date
        # needed in one statement (an inspector has hundreds of overdue
        # checks at national size: no record browsed, issue 14)
        from_clause, where_clause, params = Case._uchaske_rules_sql([
            ("check_overdue", "=", True), ("inspector_id", "=", self.env.uid)])
        self.env.cr.execute(
            'SELECT "%s".id, "%s".next_check_due, "%s".district_id FROM %s'
            ' WHERE %s ORDER BY 1' % (Case._table, Case._table, Case._table,
                                      from_clause, where_clause),
            params)
        # translated once, not per case (``_`` inspects the caller's frame)
        name = "R12: %s" % _("supervision check due")
        # hundreds of checks fall due on the same days: each day's end and
        # urgency computed once
        by_day = {}
        for case_id, next_check_due, district_id in self.env.cr.fetchall():
            if case_id in listed:
                continue
            if next_check_due not in by_day:
                due = self._my_work_day_end(clock, next_check_due)
                by_day[next_check_due] = (fields.Datetime.to_string(due),) + \
                    self._my_work_urgency(clock, due)
            due, bucket, rank = by_day[next_check_due]
            extra.append({
                "kind": "deadline",
                "urgency": bucket,
                "urgency_rank": rank,
                "name": name,
                "date_due": due,
                "requirement_ref": "R12",
                "res_model": Case._name,
                "res_id": case_id,
                # known here: _my_work_describe need not look it up
                "district_id": district_id,
                "overdue": bucket == my_work.OVERDUE,
            })
        return extra
