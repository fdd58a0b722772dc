"""Issue 8, "clear errors, never a traceback" and critical item 2, over
XML-RPC and JSON-RPC as role users against a real server: every refusal is
a short message naming the field, in the user's language, without stack,
server path, SQL or row values, and nothing is written (R7, R11, R16)."""
import xmlrpc.client

import pytest

from _rpc_client import WebSession, _clean, _fault

CASE = "uchaske.registry.case"


@pytest.fixture(scope="module")
def register(world):
    """A person in each department (department 2's is out of department
    1's sight) and the parole category."""
    admin = world["admin"]
    person = {}
    for key in ("1", "2"):
        person[key] = admin.call("uchaske.person", "create", {
            "surname": "Rpc%s" % key, "first_name": "Errors",
            "department_id": world["dep" + key],
            "address_ids": [(0, 0, {"address": "Street %s" % key,
                                    "district_id": world["district" + key]})]})
    category = admin.call("ir.model.data", "xmlid_to_res_id",
                          "uchaske_registry.category_parole")
    return {"person": person, "category": category}


def _case_vals(world, register, **vals):
    values = {"person_id": register["person"]["1"],
              "category_id": register["category"],
              "district_id": world["district1"]}
    values.update(vals)
    return values


def _cases(world, register):
    return world["admin"].call(CASE, "search_count", [
        ("person_id", "in", list(register["person"].values()))])


BAD_CASES = (
    # (values, the field named in the message)
    ({"person_id": "abc"}, "Person"),
    ({"district_id": "abc"}, "District"),
    ({"category_id": 10.5}, "Category"),
    ({"grounds_date": "2026-02-30"}, "Grounds document date"),
    ({"grounds_date": "2999-01-01"}, "Grounds document date"),
    ({"grounds": "rumour"}, "Grounds"),
    ({"restrictions": ["a", "list"]}, "Restrictions"),
    ({"obligations": {"a": 1}}, "Obligations"),
    ({"date_start": "2026-10-12", "date_end": "2026-01-01"}, "term"),
)


def test_bad_values_over_xmlrpc(world, register):
    """Each bad value: a short message naming the field, nothing written."""
    inspector = world["as_user"]("inspector1")
    before = _cases(world, register)
    for vals, field in BAD_CASES:
        fault = _clean(_fault(lambda vals=vals: inspector.call(
            CASE, "create", _case_vals(world, register, **vals))))
        assert field in fault, (vals, fault)
    # a number beyond PostgreSQL's integer (sent as a double by XML-RPC)
    chief = world["as_user"]("chief1")
    fault = _clean(_fault(lambda: chief.call(
        "uchaske.district", "write", [world["district1"]],
        {"population": float(2 ** 40)})))
    assert "Population" in fault
    # a negative district number (R3)
    fault = _clean(_fault(lambda: chief.call(
        "uchaske.district", "write", [world["district1"]], {"number": -4})))
    assert "Number" in fault and "negative" in fault
    assert chief.call("uchaske.district", "read", [world["district1"]],
                      ["number", "population"])[0]["number"] == 1
    # "Expected singleton" before: a transfer without anything
    fault = _clean(_fault(lambda: inspector.call(
        "uchaske.registry.transfer", "create", {})))
    assert "Case" in fault
    assert _cases(world, register) == before


def test_other_departments_person_over_xmlrpc(world, register):
    """Critical item 2: a draft pointed at another department's person is
    refused, and the person stays out of sight."""
    before = _cases(world, register)
    foreign = register["person"]["2"]
    for key in ("assistant1", "inspector1", "chief1"):
        user = world["as_user"](key)
        fault = _clean(_fault(lambda user=user: user.call(
            CASE, "create", _case_vals(world, register, person_id=foreign))))
        assert "Person" in fault and "may not use it" in fault, fault
        fault = _clean(_fault(lambda user=user: user.call(
            "uchaske.person", "read", [foreign], ["name", "iin"])))
        assert "Rpc2" not in fault
    assert _cases(world, register) == before
    # a case of another department cannot be pointed at either
    inspector = world["as_user"]("inspector1")
    person = inspector.call("uchaske.person", "create", {
        "surname": "Rpc own", "first_name": "Errors", "department_id": world["dep1"]})
    own = inspector.call(CASE, "create", _case_vals(world, register,
                                                    person_id=person))
    fault = _clean(_fault(lambda: world["as_user"]("inspector2").call(
        "uchaske.registry.check", "create", {"case_id": own, "date": "2026-11-02"})))
    assert "Case" in fault


def test_database_and_python_errors_over_xmlrpc(odoo_server, world, register):
    """What the input check does not cover still comes out short: a
    database error (wrong type in a domain), Expected singleton."""
    inspector = world["as_user"]("inspector1")
    fault = _clean(_fault(lambda: inspector.call(
        "res.partner", "search", [("id", "=", "abc")])))
    assert "wrong type" in fault
    # a NOT NULL violation names the column's field, not the failing row
    fault = _clean(_fault(lambda: inspector.call(
        "ir.attachment", "create", {"datas_fname": "secret-row-value.txt"})))
    assert fault == "Attachment Name: a value is required.", fault
    cases = []
    for serial in (1, 2):
        person = inspector.call("uchaske.person", "create", {
            "surname": "Rpc singleton %d" % serial, "first_name": "Errors",
            "department_id": world["dep1"]})
        cases.append(inspector.call(CASE, "create", _case_vals(
            world, register, person_id=person)))
    first, second = cases
    fault = _clean(_fault(lambda: inspector.call(
        CASE, "wf_button", [first, second], context={"wf_transition": "register"})))
    assert "server log" in fault
    # the legacy /xmlrpc/object route (string fault codes) too
    legacy = xmlrpc.client.ServerProxy("%s/xmlrpc/object" % odoo_server,
                                       allow_none=True)
    with pytest.raises(xmlrpc.client.Fault) as info:
        legacy.execute_kw(inspector.db, inspector.uid, inspector.password, CASE,
                          "create", [_case_vals(world, register, grounds="rumour")])
    _clean(info.value.faultCode + info.value.faultString)
    assert "Grounds" in info.value.faultCode


def test_bad_values_over_jsonrpc_in_the_users_language(odoo_server, world,
                                                       register):
    """The web client's path: same refusals, in Kazakh when the user works
    in Kazakh; nothing written."""
    web = WebSession(odoo_server, world["inspector1"][0])
    before = _cases(world, register)
    for vals, field in BAD_CASES:
        message = web.error(CASE, "create", [_case_vals(world, register, **vals)])
        assert field in message, (vals, message)
    message = web.error(CASE, "create", [_case_vals(
        world, register, person_id=register["person"]["2"])])
    assert "Person" in message and "may not use it" in message
    message = web.error(CASE, "create", [_case_vals(world, register, grounds="rumour")],
                        context={"lang": "kk_KZ"})
    assert "мән рұқсат етілген тізімде жоқ" in message, message
    message = web.error("res.partner", "search", [[("id", "=", "abc")]],
                        context={"lang": "kk_KZ"})
    assert "Мәннің түрі қате" in message, message
    assert _cases(world, register) == before
