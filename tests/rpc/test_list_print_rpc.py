"""R15, R17 (issue 13) against a real server: the lists of Appendices 2-4
print over the web routes for their department only (403, not 500, for
another department), and their XLSX export is a real ``.xlsx`` download
for the roles that may export, refused (403) to the others, journaled."""
import io
import json
import time

import openpyxl
import pytest

# the web session and journal helpers of the R15 server tests
from test_access_journal_rpc import (  # noqa: F401 (register: a fixture)
    _last_log_id, _rows_since, _web, register)

PDF = "uchaske_registry.report_appendix2"
XLSX = "uchaske_registry.appendix2_xlsx"


@pytest.fixture(scope="module")
def owner(world, register):  # noqa: F811 (the imported fixture)
    """A firearm owner of department 1's district (Appendix 2): the person
    of the R15 tests' case."""
    return world["as_user"]("inspector1").call("uchaske.firearm.owner", "create", {
        "person_id": register["person"], "district_id": world["district1"],
        "weapon_number": "RPC-%s" % int(time.time() * 1000)})


def test_other_department_cannot_print_the_list(odoo_server, world, owner):
    """R16: the list of another department answers 403, not 500; its own
    department's inspector gets the PDF."""
    db = world["admin"].db
    url = "/report/pdf/%s/%d" % (PDF, owner)
    other = _web(odoo_server, db, world["inspector2"][0])
    answer = other.get(odoo_server + url, timeout=120)
    assert answer.status_code == 403
    assert "Traceback" not in answer.text
    answer = other.get("%s/report/download" % odoo_server, params={
        "data": json.dumps([url, "qweb-pdf"]), "token": "1"}, timeout=120)
    assert answer.status_code == 403
    own = _web(odoo_server, db, world["inspector1"][0])
    answer = own.get(odoo_server + url, timeout=120)
    assert answer.status_code == 200
    assert answer.content.startswith(b"%PDF")


def test_xlsx_export_only_for_who_may_export(odoo_server, world, owner):
    """R15: the inspector may not export (403); the responsible inspector
    downloads a real .xlsx in the language asked, journaled as an export;
    the other department's responsible inspector gets 403."""
    db = world["admin"].db
    url = "%s/report/xlsx/%s/%d" % (odoo_server, XLSX, owner)
    answer = _web(odoo_server, db, world["inspector1"][0]).get(url, timeout=120)
    assert answer.status_code == 403
    answer = _web(odoo_server, db, world["responsible2"][0]).get(url, timeout=120)
    assert answer.status_code == 403

    last = _last_log_id(world)
    responsible = _web(odoo_server, db, world["responsible1"][0])
    answer = responsible.get("%s/report/xlsx/%s" % (odoo_server, XLSX), params={
        "options": json.dumps({"ids": [owner], "uchaske_lang": "kk_KZ"}),
        "context": json.dumps({"active_ids": [owner]})}, timeout=120)
    assert answer.status_code == 200, answer.text[:500]
    assert "spreadsheetml" in answer.headers["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).active
    cells = {cell for row in sheet.iter_rows(values_only=True) for cell in row}
    assert "Жеке қолданысында атыс қаруы бар адамдардың тізімі" in cells
    assert "Қайта тіркеу күні" in cells
    rows = _rows_since(world, last, world["responsible1"][1])
    assert [(r["operation"], r["res_ids"], r["details"]) for r in rows] == [
        ("export", str(owner), XLSX)]
