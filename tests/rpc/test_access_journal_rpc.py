"""R15 against a real server, as real role users over XML-RPC and the web
routes (issue 8): the client cannot switch the journal off, a refused access
is journaled and committed although the request fails, a refused print
answers 403 (not 500), a print is one row, the administrator's own calls are
journaled, nobody creates journal or history rows by hand, and Export is
neither offered nor allowed to who may not export."""
import html
import json
import os
import time
import xmlrpc.client
from datetime import date

import pytest
import requests

from uchaske_rules import iin

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASE = "uchaske.registry.case"
LOG = "uchaske.access.log"
REPORT = "uchaske_registry.report_registry_case"


def _fault(call):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call()
    return info.value.faultString


@pytest.fixture(scope="module")
def register(world):
    """A person and a draft case of department 1, made by its assistant."""
    assistant = world["as_user"]("assistant1")
    admin = world["admin"]
    stamp = int(time.time() * 1000)
    birth = date(1950 + stamp % 50, 1 + stamp % 12, 1 + stamp % 28)
    person = assistant.call("uchaske.person", "create", {
        "iin": iin.make_iin(birth, "male", stamp % 9000),
        "surname": "Zhurnalov", "first_name": "Rpc",
        "department_id": world["dep1"]})
    category = admin.call("ir.model.data", "xmlid_to_res_id",
                          "uchaske_registry.category_parole")
    case = assistant.call(CASE, "create", {
        "person_id": person, "category_id": category,
        "district_id": world["district1"], "grounds": "court_decision",
        "grounds_number": "2-77/2026", "grounds_date": "2026-10-12",
        "date_start": "2026-10-12", "date_end": "2027-10-12"})
    return {"person": person, "case": case}


def _last_log_id(world):
    rows = world["admin"].call(LOG, "search_read", [], ["id"], limit=1,
                               order="id desc")
    return rows[0]["id"] if rows else 0


def _rows_since(world, last_id, user_id):
    return world["admin"].call(
        LOG, "search_read", [("id", ">", last_id), ("user_id", "=", user_id)],
        ["operation", "res_model", "res_ids", "details"], order="id")


def _error(answer):
    """The error a failed download carries (read by the web client as the
    text of an HTML body: entities escaped)."""
    return json.loads(html.unescape(answer.text))


def _web(url, db, login):
    """A web client session (cookie) of ``login`` (password = login)."""
    session = requests.Session()
    answer = session.post("%s/web/session/authenticate" % url, json={
        "jsonrpc": "2.0", "method": "call",
        "params": {"db": db, "login": login, "password": login}}, timeout=60)
    assert answer.json()["result"]["uid"], answer.text
    return session


def test_client_context_key_does_not_silence_the_journal(world, register):
    """R15: ``uchaske_journal_in_search`` sent over XML-RPC used to switch
    the journal off for read and search_read."""
    inspector = world["as_user"]("inspector1")
    last = _last_log_id(world)
    context = {"uchaske_journal_in_search": True}
    inspector.call(CASE, "read", [register["case"]], ["name"], context=context)
    inspector.call(CASE, "search_read", [("id", "=", register["case"])],
                   ["name"], context=context)
    inspector.call("uchaske.person", "search_count",
                   [("surname", "=", "Zhurnalov")], context=context)
    # an IIN lookup with search leaves a row too
    assert inspector.call("uchaske.person", "search",
                          [("id", "=", register["person"])]) == [register["person"]]
    rows = _rows_since(world, last, world["inspector1"][1])
    assert [(r["operation"], r["res_model"]) for r in rows] == [
        ("open", CASE), ("search", CASE), ("search", "uchaske.person"),
        ("search", "uchaske.person")]


def test_list_page_is_one_row(odoo_server, world, register):
    """R15: a list page of the web client (its rows, then the total count
    when the page is full) is one journaled search, not two."""
    admin = world["admin"]
    world["as_user"]("assistant1").call(CASE, "create", {
        "person_id": register["person"], "category_id": admin.call(
            "ir.model.data", "xmlid_to_res_id",
            "uchaske_registry.category_protection_order"),
        "district_id": world["district1"], "grounds": "court_decision",
        "grounds_number": "2-78/2026", "grounds_date": "2026-10-12",
        "date_start": "2026-10-12", "date_end": "2027-10-12",
        "restrictions": "Not to approach the protected person",
        "obligations": "Report to the police point monthly"})
    session = _web(odoo_server, admin.db, world["inspector1"][0])
    last = _last_log_id(world)
    answer = session.post("%s/web/dataset/search_read" % odoo_server, json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "model": CASE, "fields": ["name"], "limit": 1, "sort": "",
            "domain": [("person_id", "=", register["person"])]}}, timeout=60)
    result = answer.json()["result"]
    assert (result["length"], len(result["records"])) == (2, 1)
    rows = _rows_since(world, last, world["inspector1"][1])
    assert [(r["operation"], r["res_ids"]) for r in rows] == [
        ("search", str(result["records"][0]["id"]))]


def test_refused_read_is_journaled_and_committed(world, register):
    """R15, R16: another department's inspector reading the case gets an
    error; the refused row stays although his request was rolled back."""
    inspector2 = world["as_user"]("inspector2")
    last = _last_log_id(world)
    fault = _fault(lambda: inspector2.call(CASE, "read", [register["case"]],
                                           ["name", "person_id"]))
    assert "security restrictions" in fault
    rows = _rows_since(world, last, world["inspector2"][1])
    assert [(r["operation"], r["res_ids"]) for r in rows] == [
        ("refused", str(register["case"]))]
    assert rows[0]["details"].startswith("open")


def test_refused_print_answers_403_and_is_journaled(odoo_server, world, register):
    """R15: a print of another department's case is a 403 with a refused
    row, by the report route and by the web client's download route; an
    allowed print is one row."""
    db = world["admin"].db
    last = _last_log_id(world)
    other = _web(odoo_server, db, world["inspector2"][0])
    url = "/report/pdf/%s/%d" % (REPORT, register["case"])
    answer = other.get(odoo_server + url, timeout=120)
    assert answer.status_code == 403
    assert "Traceback" not in answer.text
    answer = other.get("%s/report/download" % odoo_server, params={
        "data": json.dumps([url, "qweb-pdf"]), "token": "1"}, timeout=120)
    assert answer.status_code == 403
    error = _error(answer)
    assert error["data"]["exception_type"] == "access_error"
    assert "security restrictions" in error["data"]["message"]
    assert not error["data"]["debug"]
    rows = _rows_since(world, last, world["inspector2"][1])
    assert [(r["operation"], r["res_ids"]) for r in rows] == [
        ("refused", str(register["case"]))] * 2

    own = _web(odoo_server, db, world["inspector1"][0])
    last = _last_log_id(world)
    answer = own.get("%s/report/html/%s/%d" % (odoo_server, REPORT,
                                               register["case"]), timeout=120)
    assert answer.status_code == 200
    rows = _rows_since(world, last, world["inspector1"][1])
    assert [(r["operation"], r["details"]) for r in rows] == [("print", REPORT)]


def test_administrator_calls_are_journaled(world, register):
    """R15: the administrator (uid 1 in Odoo 11) is journaled too."""
    admin = world["admin"]
    last = _last_log_id(world)
    admin.call(CASE, "search_read", [("id", "=", register["case"])], ["name"])
    admin.call("uchaske.person", "name_get", [register["person"]])
    rows = _rows_since(world, last, admin.uid)
    assert [(r["operation"], r["res_model"]) for r in rows] == [
        ("search", CASE), ("open", "uchaske.person")]


def test_nobody_creates_journal_or_history_rows(world, register):
    """R15, R16: the administrator cannot write a journal or history row in
    an inspector's name, even with a forged engine token in the context."""
    admin = world["admin"]
    inspector_id = world["inspector1"][1]
    fault = _fault(lambda: admin.call(LOG, "create", {
        "user_id": inspector_id, "operation": "open", "res_model": CASE,
        "res_ids": str(register["case"])}))
    assert "journal" in fault
    fault = _fault(lambda: admin.call(
        "uchaske.workflow.history", "create", {
            "res_model": CASE, "res_id": register["case"], "to_state": "closed",
            "user_id": inspector_id},
        context={"uchaske_wf_token": True}))
    assert "history" in fault
    assert not admin.call(LOG, "search", [("user_id", "=", inspector_id),
                                          ("res_ids", "=", "forged")])


def test_export_hidden_and_refused_cleanly(odoo_server, world, register):
    """R15: the inspector is told (session info) that he may not export the
    register, and /web/export refuses him with a 403 and a clear message;
    the chief exports, journaled once."""
    db = world["admin"].db
    data = json.dumps({
        "model": CASE, "fields": [{"name": "person_id", "label": "Person"}],
        "ids": False, "domain": [("id", "=", register["case"])],
        "import_compat": False})
    inspector = _web(odoo_server, db, world["inspector1"][0])
    info = inspector.post("%s/web/session/get_session_info" % odoo_server, json={
        "jsonrpc": "2.0", "method": "call", "params": {}}, timeout=60).json()
    assert CASE in info["result"]["uchaske_export_denied_models"]
    answer = inspector.get("%s/web/export/csv" % odoo_server,
                           params={"data": data, "token": "1"}, timeout=60)
    assert answer.status_code == 403
    error = _error(answer)
    assert "responsible inspector and the district chief" in error["message"]
    assert error["data"]["exception_type"] == "access_error"

    chief = _web(odoo_server, db, world["chief1"][0])
    info = chief.post("%s/web/session/get_session_info" % odoo_server, json={
        "jsonrpc": "2.0", "method": "call", "params": {}}, timeout=60).json()
    assert info["result"]["uchaske_export_denied_models"] == []
    last = _last_log_id(world)
    answer = chief.get("%s/web/export/csv" % odoo_server,
                       params={"data": data, "token": "1"}, timeout=60)
    assert answer.status_code == 200
    assert "Zhurnalov" in answer.text
    rows = _rows_since(world, last, world["chief1"][1])
    assert [(r["operation"], r["res_ids"]) for r in rows] == [
        ("export", str(register["case"]))]
