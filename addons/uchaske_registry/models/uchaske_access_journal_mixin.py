# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import threading

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

#: Depth of the journaled calls in progress in this thread. Only the
#: outermost call of a user action writes a row: the search and the read
#: inside a ``search_read``, the HTML rendering inside a PDF print, the
#: ORM's own prefetching reads all run inside one. A client cannot set it:
#: an RPC context carries JSON/XML values only (R15, issue 8: the context
#: key ``uchaske_journal_in_search`` used before could be sent over RPC).
_state = threading.local()


def journal_depth():
    """Number of journaled calls in progress in this thread."""
    return getattr(_state, "depth", 0)


@contextlib.contextmanager
def journal_nested():
    """Run the block as part of the journaled action in progress: register
    reads inside it write no row of their own. For the journal's own code
    (and benchmarks); a request cannot enter it."""
    _state.depth = journal_depth() + 1
    try:
        yield
    finally:
        _state.depth -= 1


def request_uid():
    """The user who sent the HTTP or RPC request this thread serves (Odoo
    sets it on the thread at dispatch), or None outside a request."""
    return getattr(threading.current_thread(), "uid", None)


class UchaskeAccessJournalMixin(models.AbstractModel):
    """Journal every access to a register model (R15), one row per action.

    * ``read`` and ``name_get`` of given ids (form view, RPC) → "open";
    * ``search``, ``search_count``, ``search_read``, ``read_group`` (list,
      kanban, RPC) and ``name_search`` (autocomplete) → one "search" row
      with the filter and the number of rows, not one per record;
    * ``export_data`` → "export", allowed only to the responsible inspector
      and the district chief;
    * prints are journaled by the report hook (``ir.actions.report``);
    * an access refused by the access rules → a "refused" row, committed
      even though the request fails (``uchaske.access.log._journal_refused``).

    Calls made inside a journaled call (the read of a ``search_read``, the
    ORM's prefetching, display names) are part of it: see
    :func:`journal_nested`. Internal work of the superuser (``sudo()``, cron
    jobs) is not an access; the administrator's own requests are.
    """

    _name = "uchaske.access.journal.mixin"
    _description = "Register access journal mixin"

    #: only these roles may export the register (R15)
    _journal_export_groups = (
        "uchaske_base.group_responsible_inspector",
        "uchaske_base.group_district_chief",
    )

    @api.model
    def _journal_wanted(self):
        """True if a register call made now is a user's access to journal."""
        if journal_depth():
            return False
        if self.env.uid != SUPERUSER_ID:
            return True
        # sudo() by the code is not an access; the administrator (uid 1 in
        # Odoo 11) calling over HTTP or RPC is.
        return request_uid() == SUPERUSER_ID

    @api.model
    def _journal_call(self, operation, call, details=None, ids=(),
                      summarize=None):
        """Run ``call()`` as one journaled action: one row after it succeeds,
        a committed "refused" row if the access rules refuse it.

        ``summarize(result)`` returns the journaled ``(ids, count)``
        (``count`` None: the number of ids); without it, ``ids``."""
        if not self._journal_wanted():
            return call()
        log = self.env["uchaske.access.log"]
        with journal_nested():
            try:
                result = call()
            except AccessError:
                log._journal_refused(operation, self._name, ids, details)
                raise
            rows, count = summarize(result) if summarize else (ids, None)
            log._journal(operation, self._name, rows, details=details,
                         count=count)
        return result

    # -- internal reads are part of the action that triggered them ---------

    @api.multi
    def _prefetch_field(self, field):
        with journal_nested():
            return super(UchaskeAccessJournalMixin, self)._prefetch_field(field)

    @api.depends(lambda self: (self._rec_name,) if self._rec_name else ())
    def _compute_display_name(self):
        # ``record.display_name`` in code (messages, chatter) is not an
        # opening; a client's name_get or read of display_name is.
        with journal_nested():
            return super(UchaskeAccessJournalMixin, self)._compute_display_name()

    # -- openings -------------------------------------------------------------

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        parent = super(UchaskeAccessJournalMixin, self).read
        if not self.ids:
            return parent(fields=fields, load=load)
        return self._journal_call(
            "open", lambda: parent(fields=fields, load=load),
            details=",".join(fields) if fields else None, ids=self.ids)

    @api.multi
    def name_get(self):
        # the name's own column(s), not every column of every record the
        # cache holds (a list of 80 cases showed its persons' names by
        # reading all their columns, issue 14)
        parent = super(UchaskeAccessJournalMixin, self.with_context(
            prefetch_fields=False)).name_get
        if not self.ids:
            return parent()
        return self._journal_call("open", parent, details="display_name",
                                  ids=self.ids)

    # -- searches -------------------------------------------------------------

    @api.model
    def search(self, args, offset=0, limit=None, order=None, count=False):
        def call():
            return super(UchaskeAccessJournalMixin, self).search(
                args, offset=offset, limit=limit, order=order, count=count)
        return self._journal_call(
            "search", call, details=repr(args or []),
            summarize=lambda res: ([], res) if count else (res.ids, None))

    @api.model
    def search_count(self, args):
        return self._journal_call(
            "search",
            lambda: super(UchaskeAccessJournalMixin, self).search_count(args),
            details=repr(args or []), summarize=lambda res: ([], res))

    @api.model
    def search_read(self, domain=None, fields=None, offset=0, limit=None,
                    order=None):
        def call():
            return super(UchaskeAccessJournalMixin, self).search_read(
                domain=domain, fields=fields, offset=offset, limit=limit,
                order=order)
        return self._journal_call(
            "search", call, details=repr(domain or []),
            summarize=lambda rows: ([row["id"] for row in rows], None))

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Autocomplete in a many2one field searches the register too."""
        def call():
            return super(UchaskeAccessJournalMixin, self).name_search(
                name=name, args=args, operator=operator, limit=limit)
        return self._journal_call(
            "search", call,
            details="name %s %r, filter %r" % (operator, name, args or []),
            summarize=lambda pairs: ([pair[0] for pair in pairs], None))

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        first = groupby[0] if isinstance(groupby, list) and groupby else groupby

        def call():
            return super(UchaskeAccessJournalMixin, self).read_group(
                domain, fields, groupby, offset=offset, limit=limit,
                orderby=orderby, lazy=lazy)

        def summarize(groups):
            return [], sum(group.get("__count", group.get(
                "%s_count" % first, 0)) or 0 for group in groups)
        return self._journal_call(
            "search", call,
            details="%r grouped by %r" % (domain or [], groupby),
            summarize=summarize)

    # -- export ---------------------------------------------------------------

    @api.model
    def _journal_may_export(self):
        """R15: only the responsible inspector and the district chief (and
        the administrator) export the register."""
        user = self.env.user
        return self.env.uid == SUPERUSER_ID or any(
            user.has_group(group) for group in self._journal_export_groups)

    @api.model
    def _journal_check_export(self, ids=(), details=None):
        """Raise a clear AccessError, journaled as refused, if the user may
        not export the register."""
        if self._journal_may_export():
            return
        self.env["uchaske.access.log"]._journal_refused(
            "export", self._name, ids, details)
        raise AccessError(_(
            "Only the responsible inspector and the district chief may "
            "export the register (R15)."))

    @api.model
    def _journal_export_denied_models(self):
        """Names of the journaled models the user may not export (the web
        client hides their Export entry)."""
        if self._journal_may_export():
            return []
        journaled = type(self)
        return sorted(name for name in self.env.registry.models
                      if not self.env[name]._abstract
                      and isinstance(self.env[name], journaled))

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        details = ",".join(fields_to_export)
        self._journal_check_export(self.ids, details)

        def call():
            return super(UchaskeAccessJournalMixin, self).export_data(
                fields_to_export, raw_data=raw_data)
        return self._journal_call("export", call, details=details,
                                  ids=self.ids)
