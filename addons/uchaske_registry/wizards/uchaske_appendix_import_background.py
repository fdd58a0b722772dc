# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 14: a big list is imported in the background (OCA ``queue_job``).

A file of more than :data:`BACKGROUND_ROWS` rows is not imported in the
user's request (a national list of foreigners is hours of work for the ORM,
minutes for the set-based load, either way longer than a request may last):
the wizard queues a job that runs as the user (the same record rules and
checks), and shows the rows done so far. The job commits after each batch:
should it stop (the server restarted, the worker killed), nothing done is
lost, and running it again imports the rest -- the rows already imported
are found "already listed" and written again only where they changed.

The jobs run where the job runner runs: ``server_wide_modules`` with
``queue_job`` (deploy/odoo-prod.conf.example). Without it (a development
server, the test servers: a runner there would connect to every database of
the shared cluster) a big file is imported in the request, as before.
"""
from odoo import _, api, fields, models
from odoo.tools import config

from odoo.addons.queue_job.job import job
from odoo.addons.queue_job.jobrunner import _is_runner_enabled

#: files with more rows than this are imported in the background
BACKGROUND_ROWS = 2000


class UchaskeAppendixImport(models.TransientModel):
    _inherit = "uchaske.appendix.import"
    #: the wizard holds the report of a background import: kept a day
    #: (Odoo's default for wizards: one hour)
    _transient_max_hours = 24.0

    state = fields.Selection(selection_add=[
        ("queued", "Queued"), ("running", "Running")])
    rows_total = fields.Integer(string="Rows in the file", readonly=True)
    rows_done = fields.Integer(
        string="Rows done", readonly=True,
        help="Rows of the file imported or reported so far (a background "
             "import shows its progress here).")

    @api.multi
    def action_import(self):
        """Import now, or queue the import of a big file (issue 14)."""
        self.ensure_one()
        if self.env.context.get("uchaske_import_now") or self.state != "draft":
            return super(UchaskeAppendixImport, self).action_import()
        total = len(self._read_rows())
        if total <= BACKGROUND_ROWS or not self._background_available():
            return super(UchaskeAppendixImport, self).action_import()
        self.write({"state": "queued", "rows_total": total, "rows_done": 0})
        self.with_delay(description=_("Import of a list (%s rows)") % total) \
            ._import_in_background()
        return self._action_reopen()

    @api.model
    def _background_available(self):
        """True if a job runner runs the queued jobs (see the module
        docstring)."""
        return "queue_job" in config["server_wide_modules"] and \
            _is_runner_enabled()

    @api.multi
    def action_refresh(self):
        """Show the progress of a background import."""
        self.ensure_one()
        return self._action_reopen()

    @job(default_channel="root")
    @api.multi
    def _import_in_background(self):
        """The queued import, as the user who queued it."""
        self.ensure_one()
        if self.state == "done":
            return _("Already imported.")
        self.write({"state": "running", "rows_done": 0})
        self.with_context(uchaske_import_now=True,
                          uchaske_import_commit=True).action_import()
        return self.result

    @api.multi
    def _import_progress(self, done, total):
        """In the background: show the rows done and commit the batch."""
        if self.env.context.get("uchaske_import_commit"):
            self.write({"rows_done": done, "rows_total": total})
            self.env.cr.commit()
        return super(UchaskeAppendixImport, self)._import_progress(done, total)
