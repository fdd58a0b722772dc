# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

#: models whose satellites (activities, followers, messages, notifications)
#: follow the record rules of the record they are about
DOCUMENT_PREFIX = "uchaske."


class UchaskeDocumentAccessMixin(models.AbstractModel):
    """Satellites of our records follow the records' rules (R7, R16, R15).

    Odoo 11 lets every employee read every ``mail.activity``,
    ``mail.followers`` and ``mail.notification`` (the latter two are
    CVE-2019-11784/-11785 territory): the notes name persons and the rows name
    other departments' case ids. A model inheriting this mixin tells which
    document each of its rows is about (:meth:`_uchaske_document_refs`); rows
    about a document of ours (``uchaske.*``) are then readable, searchable
    and groupable only by users who may read that document. Rows about other
    documents keep Odoo's own behaviour.

    Searching and grouping are filtered here; the inheriting model lists
    this mixin FIRST in ``_inherit`` (before the model it extends), so that
    these overrides come before the model's own in the method resolution
    order and reach it through ``super()``. Reading differs per model
    (``mail.message`` checks in ``check_access_rule``) and stays there.
    """

    _name = "uchaske.document.access.mixin"
    _description = "Access to satellites of Uchaske records"

    @api.multi
    def _uchaske_document_refs(self):
        """{row id: (document model, document id)}; rows about no document
        are left out. Default: the ``res_model``/``res_id`` fields."""
        return {row.id: (row.res_model, row.res_id) for row in self.sudo()
                if row.res_model and row.res_id}

    @api.model
    def _uchaske_accessible_ids(self, model, res_ids, operation="read"):
        """The ids among ``res_ids`` of ``model`` the current user may
        ``operation`` by access rights and record rules.

        ``_search`` (not ``search``): the register journals the searches of
        its users (R15), and checking a satellite is not a search by the
        user."""
        Model = self.env[model].with_context(active_test=False)
        if not Model.check_access_rights(operation, raise_exception=False):
            return set()
        if operation == "read":
            return set(Model._search([("id", "in", list(res_ids))]))
        records = Model.browse(list(res_ids)).exists()
        allowed = set()
        for record in records:
            try:
                record.check_access_rule(operation)
            except AccessError:
                continue
            allowed.add(record.id)
        return allowed

    @api.multi
    def _uchaske_forbidden(self, operation="read"):
        """The rows of ``self`` about a document of ours that the current
        user may not ``operation``."""
        if self.env.uid == SUPERUSER_ID or not self.ids:
            return self.browse()
        refs = {row_id: ref for row_id, ref in self._uchaske_document_refs().items()
                if ref[0].startswith(DOCUMENT_PREFIX)}
        by_model = defaultdict(set)
        for model, res_id in refs.values():
            by_model[model].add(res_id)
        allowed = {}
        for model, res_ids in by_model.items():
            allowed[model] = self._uchaske_accessible_ids(
                model, res_ids, operation) if model in self.env else set()
        return self.browse([row_id for row_id, (model, res_id) in refs.items()
                            if res_id not in allowed[model]])

    @api.multi
    def _uchaske_check_documents(self, operation="read"):
        """Raise AccessError if a row of ``self`` is about a document of
        ours the user may not ``operation`` (no record is named)."""
        if self._uchaske_forbidden(operation):
            raise AccessError(_(
                "Access refused: this is about a record you may not access."))

    @api.model
    def _uchaske_filter_search(self, ids, offset=0, limit=None, count=False):
        """Apply the documents' rules to the ids of a search made without
        offset and limit, then apply them."""
        forbidden = set(self.browse(ids)._uchaske_forbidden("read").ids)
        if forbidden:
            ids = [row_id for row_id in ids if row_id not in forbidden]
        if count:
            return len(ids)
        return ids[offset:offset + limit] if limit else ids[offset:]

    @api.model
    def _uchaske_group_domain(self, domain):
        """``domain`` restricted to the rows the user may read (read_group
        applies record rules itself and would bypass ``_search``)."""
        if self.env.uid == SUPERUSER_ID:
            return domain
        ids = self._search(domain or [])
        return expression.AND([domain or [], [("id", "in", ids)]])

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        if self._uid == SUPERUSER_ID:
            return super(UchaskeDocumentAccessMixin, self)._search(
                args, offset=offset, limit=limit, order=order, count=count,
                access_rights_uid=access_rights_uid)
        ids = super(UchaskeDocumentAccessMixin, self)._search(
            args, offset=0, limit=None, order=order, count=False,
            access_rights_uid=access_rights_uid)
        return self._uchaske_filter_search(ids, offset, limit, count)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        return super(UchaskeDocumentAccessMixin, self).read_group(
            self._uchaske_group_domain(domain), fields, groupby, offset=offset,
            limit=limit, orderby=orderby, lazy=lazy)
