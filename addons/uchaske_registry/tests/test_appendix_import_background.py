# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R17, R16 (issue 14): a big list file is imported in the background
(OCA queue_job) as the user who loaded it, batch by batch, its progress
shown on the wizard; small files are imported at once as before."""
import base64
import csv
import io
from datetime import date
from unittest import mock

from freezegun import freeze_time

from odoo.tests import common

from odoo.addons.queue_job.job import Job
from odoo.addons.uchaske_registry.tests.common import RegistryCase
from odoo.addons.uchaske_registry.wizards import (
    uchaske_appendix_import_background, uchaske_appendix_import_bulk)

from uchaske_rules import iin as iin_core

TODAY = "2026-06-15"
HEADER = ["IIN", "Full name", "Citizenship", "Passport No.",
          "Stay permitted until", "Residence address"]


def _csv(count, start=901):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for serial in range(start, start + count):
        writer.writerow([
            iin_core.make_iin(date(1983, 3, 1 + serial % 28), "male", serial),
            "Queue%d Background Testovich" % serial, "KG", "QJ%05d" % serial,
            "2026-12-31", "Queue street %d" % serial])
    return out.getvalue().encode("utf-8")


@common.at_install(False)
@common.post_install(True)
class TestAppendixImportBackground(RegistryCase):

    def setUp(self):
        super(TestAppendixImportBackground, self).setUp()
        # a job runner runs (server_wide_modules = ...,queue_job)
        patcher = mock.patch.object(
            type(self.env["uchaske.appendix.import"]), "_background_available",
            lambda wizard: True)
        patcher.start()
        self.addCleanup(patcher.stop)

    def _wizard(self, data, role="inspector"):
        return self.env["uchaske.appendix.import"].sudo(self.users[role]).create({
            "list_type": "a4", "district_id": self.district1.id,
            "file": base64.b64encode(data), "filename": "a4.csv"})

    def _listed(self):
        return self.env["uchaske.foreigner"].search_count(
            [("district_id", "=", self.district1.id)])

    def test_big_file_queued_then_imported_as_the_user(self):
        """Issue 14, R17: above the threshold the import is queued as a job
        of the inspector, nothing written yet; the job imports every row
        batch by batch (progress shown, a commit after each batch) and
        leaves the report on the wizard."""
        wizard = self._wizard(_csv(7))
        with mock.patch.object(uchaske_appendix_import_background,
                               "BACKGROUND_ROWS", 5), \
                mock.patch.object(uchaske_appendix_import_bulk,
                                  "BULK_BATCH_SIZE", 3):
            with freeze_time(TODAY):
                wizard.action_import()
            self.assertEqual((wizard.state, wizard.rows_total, wizard.rows_done),
                             ("queued", 7, 0))
            self.assertEqual(self._listed(), 0)
            stored = self.env["queue.job"].search(
                [("model_name", "=", "uchaske.appendix.import"),
                 ("method_name", "=", "_import_in_background")])
            self.assertEqual(len(stored), 1)
            self.assertEqual(stored.user_id, self.users["inspector"])
            self.assertEqual(stored.record_ids, [wizard.id])
            progress = []
            commit = mock.patch.object(
                type(self.env.cr), "commit",
                lambda cr: progress.append(wizard.rows_done))
            with commit, freeze_time(TODAY):
                Job.load(self.env, stored.uuid).perform()
        wizard.invalidate_cache()
        self.assertEqual(progress, [3, 6, 7])
        self.assertEqual((wizard.state, wizard.imported_count,
                          wizard.rejected_count), ("done", 7, 0), wizard.result)
        self.assertEqual(self._listed(), 7)
        self.assertEqual(self.env["uchaske.foreigner"].search(
            [("district_id", "=", self.district1.id)], limit=1).create_uid,
            self.users["inspector"])

    def test_small_file_imported_at_once(self):
        """R17: a file under the threshold is imported in the request, as
        before; no job is queued."""
        jobs = self.env["queue.job"].search_count([])
        wizard = self._wizard(_csv(3))
        with freeze_time(TODAY):
            wizard.action_import()
        self.assertEqual((wizard.state, wizard.imported_count), ("done", 3))
        self.assertEqual(self.env["queue.job"].search_count([]), jobs)

    def test_without_job_runner_imported_at_once(self):
        """R17: without a job runner (development and test servers) a big
        file is imported in the request: nothing waits for ever."""
        wizard = self._wizard(_csv(7))
        with mock.patch.object(type(wizard), "_background_available",
                               lambda wizard: False), \
                mock.patch.object(uchaske_appendix_import_background,
                                  "BACKGROUND_ROWS", 5), freeze_time(TODAY):
            wizard.action_import()
        self.assertEqual((wizard.state, wizard.imported_count), ("done", 7))

    def test_other_users_cannot_see_or_run(self):
        """R16: inspector2 can read neither the inspector's import nor the
        queued job; the job, whoever runs it, imports as the inspector."""
        wizard = self._wizard(_csv(7))
        with mock.patch.object(uchaske_appendix_import_background,
                               "BACKGROUND_ROWS", 5):
            with freeze_time(TODAY):
                wizard.action_import()
        other = self.users["inspector2"]
        with self.assertRefused(Exception):
            wizard.sudo(other).read(["result"])
        with self.assertRefused(Exception):
            self.env["queue.job"].sudo(other).search([])
