"""Issue 8 attacks over XML-RPC with real logins: another department's file
taken through ``wf_apply``; following, and listing the followers of, a
record one cannot read (CVE-2019-11785). Refusals are short messages naming
the field, with nothing about the other department."""
import base64
import xmlrpc.client

import pytest

MODEL = "uchaske.wf.test.case"
REGISTER = {"legal_basis": "Court decision", "document_number": "2-115/2026",
            "document_date": "2026-10-01"}


def _fault(call):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call()
    return info.value.faultString


@pytest.fixture(scope="module")
def foreign(world):
    """A case of department 2 with a file on it, made by its inspector."""
    inspector2 = world["as_user"]("inspector2")
    case_id = inspector2.call(MODEL, "create", {
        "name": "RPC foreign case", "district_id": world["district2"]})
    file_id = inspector2.call("ir.attachment", "create", {
        "name": "verdict.pdf", "datas_fname": "verdict.pdf",
        "datas": base64.b64encode(b"%PDF-1.4 secret").decode(),
        "res_model": MODEL, "res_id": case_id})
    inspector2.call(MODEL, "message_subscribe_users", [case_id])
    return {"case": case_id, "file": file_id}


def test_wf_apply_does_not_take_another_departments_file(world, foreign):
    """Issue 8 (critical 1): the file stays on department 2's case."""
    inspector = world["as_user"]("inspector1")
    case_id = inspector.call(MODEL, "create", {
        "name": "RPC taker", "district_id": world["district1"]})
    values = dict(REGISTER, attachment_ids=[foreign["file"]])
    fault = _fault(lambda: inspector.call(MODEL, "wf_apply", [case_id], "register",
                                          values=values))
    assert "Attachments" in fault and "verdict" not in fault
    row = world["admin"].call("ir.attachment", "read", [foreign["file"]],
                              ["res_model", "res_id"])[0]
    assert (row["res_model"], row["res_id"]) == (MODEL, foreign["case"])
    assert inspector.call(MODEL, "read", [case_id], ["state"])[0]["state"] == "draft"
    _fault(lambda: inspector.call("ir.attachment", "read", [foreign["file"]],
                                  ["datas"]))


def test_followers_of_a_foreign_record(world, foreign):
    """Issue 8 (critical 4), CVE-2019-11785: department 1 neither lists the
    followers of department 2's case nor follows it."""
    inspector = world["as_user"]("inspector1")
    domain = [("res_model", "=", MODEL), ("res_id", "=", foreign["case"])]
    assert world["admin"].call("mail.followers", "search_count", domain)
    assert inspector.call("mail.followers", "search_read", domain, ["res_id"]) == []
    partner = inspector.call("res.users", "read", [inspector.uid],
                             ["partner_id"])[0]["partner_id"][0]
    fault = _fault(lambda: inspector.call("mail.followers", "create", {
        "res_model": MODEL, "res_id": foreign["case"], "partner_id": partner}))
    assert "RPC foreign case" not in fault
    assert world["admin"].call("mail.followers", "search_count",
                               domain + [("partner_id", "=", partner)]) == 0
