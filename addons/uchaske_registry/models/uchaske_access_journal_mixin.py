# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

#: context key set while a search_read/read_group is journaled as one entry
_IN_SEARCH = "uchaske_journal_in_search"

#: Odoo 11 fills its cache through ``read()`` (``_prefetch_field``): those
#: internal reads are counted here per thread and not journaled.
_prefetching = threading.local()


class UchaskeAccessJournalMixin(models.AbstractModel):
    """Journal every access to a register model (R15).

    * ``read`` of given ids (form view, RPC ``read``) → one "open" entry;
    * ``search_read`` / ``read_group`` (list, kanban, RPC) and
      ``name_search`` (autocomplete) → one "search" entry with the filter and
      the number of rows, not one per record;
    * ``export_data`` → "export", allowed only to the responsible inspector
      and the district chief;
    * prints are journaled by the report hook (``ir.actions.report``).

    Internal reads by the ORM (Odoo 11 prefetches field values through
    ``read()``) are not journaled: ``_prefetch_field`` marks them. Reads by
    the superuser (cron jobs, the engine) are not journaled either.
    """

    _name = "uchaske.access.journal.mixin"
    _description = "Register access journal mixin"

    #: only these roles may export the register (R15)
    _journal_export_groups = (
        "uchaske_base.group_responsible_inspector",
        "uchaske_base.group_district_chief",
    )

    def _journal_active(self):
        return (self.env.uid != SUPERUSER_ID
                and not self.env.context.get(_IN_SEARCH)
                and not getattr(_prefetching, "depth", 0))

    @api.multi
    def _prefetch_field(self, field):
        _prefetching.depth = getattr(_prefetching, "depth", 0) + 1
        try:
            return super(UchaskeAccessJournalMixin, self)._prefetch_field(field)
        finally:
            _prefetching.depth -= 1

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super(UchaskeAccessJournalMixin, self).read(fields=fields, load=load)
        if self._journal_active() and self.ids and fields != ["display_name"]:
            self.env["uchaske.access.log"]._journal(
                "open", self._name, self.ids,
                details=",".join(fields) if fields else None)
        return result

    @api.model
    def search_read(self, domain=None, fields=None, offset=0, limit=None,
                    order=None):
        journal = self._journal_active()
        records = super(UchaskeAccessJournalMixin, self.with_context(
            **{_IN_SEARCH: True})).search_read(
                domain=domain, fields=fields, offset=offset, limit=limit,
                order=order)
        if journal:
            self.env["uchaske.access.log"]._journal(
                "search", self._name, [r["id"] for r in records],
                details=repr(domain or []))
        return records

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Autocomplete in a many2one field searches the register too."""
        journal = self._journal_active()
        result = super(UchaskeAccessJournalMixin, self.with_context(
            **{_IN_SEARCH: True})).name_search(
                name=name, args=args, operator=operator, limit=limit)
        if journal:
            self.env["uchaske.access.log"]._journal(
                "search", self._name, [pair[0] for pair in result],
                details="name %s %r, filter %r" % (operator, name, args or []))
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        journal = self._journal_active()
        groups = super(UchaskeAccessJournalMixin, self.with_context(
            **{_IN_SEARCH: True})).read_group(
                domain, fields, groupby, offset=offset, limit=limit,
                orderby=orderby, lazy=lazy)
        if journal:
            count = sum(group.get("__count", group.get(
                "%s_count" % (groupby[0] if isinstance(groupby, list) and groupby
                              else groupby), 0)) or 0 for group in groups)
            self.env["uchaske.access.log"]._journal(
                "search", self._name, [], count=count,
                details="%r grouped by %r" % (domain or [], groupby))
        return groups

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        if self.env.uid != SUPERUSER_ID and not any(
                self.env.user.has_group(group) for group in
                self._journal_export_groups):
            raise AccessError(_(
                "Only the responsible inspector and the district chief may "
                "export the register (R15)."))
        result = super(UchaskeAccessJournalMixin, self.with_context(
            **{_IN_SEARCH: True})).export_data(fields_to_export, raw_data=raw_data)
        self.env["uchaske.access.log"]._journal(
            "export", self._name, self.ids, details=",".join(fields_to_export))
        return result
