# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R15 at the web routes: a refused print or export of the register answers
403 with a clear, translated message (not a server error); a list page (rows
and total count) and an export of "all records matching the filter" are one
journal row each."""
import json

import werkzeug.exceptions

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import html_escape

from odoo.addons.web.controllers import main

from ..models.uchaske_access_journal_mixin import journal_nested


def refusal_response(message):
    """403 carrying the error the way the web client reads a failed
    download (``ajax.get_file``): a warning dialog, no traceback."""
    error = {"code": 403, "message": message, "data": {
        "name": "odoo.exceptions.AccessError", "debug": "",
        "message": message, "arguments": [message, ""],
        "exception_type": "access_error"}}
    response = request.make_response(
        html_escape(json.dumps(error)),
        headers=[("Content-Type", "text/html; charset=utf-8")])
    response.status_code = 403
    return response


def journaled_model(model_name):
    """The model ``model_name`` if it is a journaled register model."""
    if not model_name or model_name not in request.env:
        return None
    model = request.env[model_name]
    journaled = type(request.env["uchaske.access.journal.mixin"])
    return model if isinstance(model, journaled) else None


class ExportGuard(object):
    """Both export formats: the R15 export rule checked first."""

    def base(self, data, token):
        params = json.loads(data)
        model = journaled_model(params.get("model"))
        if model is not None:
            model = model.with_context(**params.get("context") or {})
            fields = ",".join(f["name"] for f in params.get("fields") or [])
            try:
                model._journal_check_export(params.get("ids") or [], fields)
            except AccessError as error:
                return refusal_response(error.name)
            if not params.get("ids"):
                # "all records of the filter": the search belongs to the
                # export, journaled once with the exported ids
                with journal_nested():
                    params["ids"] = model.search(params.get("domain") or []).ids
                data = json.dumps(params)
        return super(ExportGuard, self).base(data, token)


class CSVExport(ExportGuard, main.CSVExport):
    pass


class ExcelExport(ExportGuard, main.ExcelExport):
    pass


class DataSet(main.DataSet):

    def do_search_read(self, model, fields=False, offset=0, limit=False,
                       domain=None, sort=None):
        """A list page reads its rows and, when the page is full, counts
        the matches: one journaled search (the rows shown), not two."""
        # Odoo 11 counts a full page with search_count(domain): a None
        # domain (a client that sends none) failed there
        domain = domain or []
        journaled = journaled_model(model)
        parent = super(DataSet, self).do_search_read
        if journaled is None:
            return parent(model, fields, offset, limit, domain, sort)
        return journaled._journal_call(
            "search", lambda: parent(model, fields, offset, limit, domain, sort),
            details=repr(domain or []), summarize=lambda result: (
                [row["id"] for row in result["records"]], None))


class ReportController(main.ReportController):

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        try:
            return super(ReportController, self).report_routes(
                reportname, docids=docids, converter=converter, **data)
        except AccessError as error:
            # R15: the refusal is journaled (ir.actions.report); the
            # answer is 403, not a server error
            if getattr(request, "uchaske_report_download", False):
                request.uchaske_report_refused = error.name
                return refusal_response(error.name)
            raise werkzeug.exceptions.Forbidden(error.name)

    @http.route()
    def report_download(self, data, token):
        request.uchaske_report_download = True
        request.uchaske_report_refused = None
        response = super(ReportController, self).report_download(data, token)
        if request.uchaske_report_refused:
            return refusal_response(request.uchaske_report_refused)
        return response
