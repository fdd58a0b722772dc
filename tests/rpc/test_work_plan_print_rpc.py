"""R16, R18 (issue 11) against a real server: the police point's monthly
plan prints over the web routes for its own department only -- another
department's officer gets 403 (not 500, no traceback), by the report route
and by the web client's download route."""
import json

# the web session helper of the R15 server tests
from test_access_journal_rpc import _web

REPORT = "uchaske_base.report_work_plan"


def test_other_department_cannot_print_the_plan(odoo_server, world):
    """R16: the plan of department 1 answers 403 to department 2's
    inspector and chief; department 1's inspector (an assignee) gets the
    PDF."""
    db = world["admin"].db
    responsible = world["as_user"]("responsible1")
    post = responsible.call("uchaske.district", "read", [world["district1"]],
                            ["post_id"])[0]["post_id"][0]
    plan = responsible.call("uchaske.work.plan", "create", {
        "post_id": post, "date_month": "2030-01-01",
        "analysis": "Thefts from cars in the courtyards (R24.1).",
        "item_ids": [(0, 0, {"name": "Walk the courtyards",
                             "assignee_id": world["inspector1"][1],
                             "date_due": "2030-01-10"})]})
    url = "/report/pdf/%s/%d" % (REPORT, plan)
    for key in ("inspector2", "chief2"):
        other = _web(odoo_server, db, world[key][0])
        answer = other.get(odoo_server + url, timeout=120)
        assert answer.status_code == 403, key
        assert "Traceback" not in answer.text
        answer = other.get("%s/report/download" % odoo_server, params={
            "data": json.dumps([url, "qweb-pdf"]), "token": "1"}, timeout=120)
        assert answer.status_code == 403, key
        assert "Traceback" not in answer.text
    own = _web(odoo_server, db, world["inspector1"][0])
    answer = own.get(odoo_server + url, timeout=120)
    assert answer.status_code == 200
    assert answer.content.startswith(b"%PDF")
