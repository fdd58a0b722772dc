"""The workflow engine over XML-RPC, as each role, against a real server:
``wf_apply`` has exactly the guards of the buttons (R2.3, R14, R16) and a
refusal reaches the client as a clear error with nothing written."""
import xmlrpc.client

import pytest

MODEL = "uchaske.wf.test.case"
REGISTER = {"legal_basis": "Court decision", "document_number": "2-115/2026",
            "document_date": "2026-10-01"}


def _fault(call):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call()
    return info.value.faultString


def _state(rpc, case_id):
    return rpc.call(MODEL, "read", [case_id], ["state"])[0]["state"]


def _history(world, case_id):
    return world["admin"].call(
        "uchaske.workflow.history", "search_read",
        [("res_model", "=", MODEL), ("res_id", "=", case_id)],
        ["transition_code", "user_id", "to_state"], order="id")


def test_case_life_over_rpc_as_each_role(world):
    """R2.3: the assistant drafts, only the inspector registers; R16: the
    requester of the closing cannot approve it; the chief can."""
    assistant, inspector = (
        world["as_user"]("assistant1"), world["as_user"]("inspector1"))
    responsible, chief = world["as_user"]("responsible1"), world["as_user"]("chief1")
    case_id = assistant.call(MODEL, "create", {
        "name": "RPC case", "district_id": world["district1"]})
    assert _state(assistant, case_id) == "draft"

    # the assistant's register is refused with the guard's message
    fault = _fault(lambda: assistant.call(MODEL, "wf_apply", [case_id], "register",
                                          values=REGISTER))
    assert "reserved" in fault and "Inspector" in fault
    # missing inputs: a clear message, nothing written
    fault = _fault(lambda: inspector.call(MODEL, "wf_apply", [case_id], "register",
                                          values={"document_number": "1"}))
    assert "requires" in fault and "legal basis" in fault
    assert _state(inspector, case_id) == "draft"
    assert len(_history(world, case_id)) == 1
    # writing the state around the engine is refused
    fault = _fault(lambda: inspector.call(MODEL, "write", [case_id],
                                          {"state": "closed"}))
    assert "transitions" in fault
    # a forged context cannot carry the engine's token
    fault = _fault(lambda: inspector.call(
        MODEL, "write", [case_id], {"state": "closed"},
        context={"uchaske_wf_token": True}))
    assert "transitions" in fault

    assert inspector.call(MODEL, "wf_apply", [case_id], "register", values=REGISTER)
    assert _state(inspector, case_id) == "registered"

    responsible.call(MODEL, "wf_apply", [case_id], "request_close",
                     values={"comment": "term over", "legal_basis": "Art. 10"})
    fault = _fault(lambda: responsible.call(MODEL, "wf_apply", [case_id],
                                            "approve_close"))
    assert "maker-checker" in fault
    chief.call(MODEL, "wf_apply", [case_id], "approve_close")
    assert _state(chief, case_id) == "closed"

    history = _history(world, case_id)
    assert [h["transition_code"] for h in history] == [
        False, "register", "request_close", "approve_close"]
    assert [h["user_id"][0] for h in history[1:]] == [
        world["inspector1"][1], world["responsible1"][1], world["chief1"][1]]
    assert world["admin"].call(MODEL, "wf_check_history", [case_id])


def test_other_department_cannot_see_or_act_over_rpc(world):
    """R7: another department's users neither read nor fire transitions."""
    assistant = world["as_user"]("assistant1")
    case_id = assistant.call(MODEL, "create", {
        "name": "RPC private case", "district_id": world["district1"]})
    for key in ("inspector2", "chief2"):
        other = world["as_user"](key)
        assert other.call(MODEL, "search", [("id", "=", case_id)]) == []
        fault = _fault(lambda: other.call(MODEL, "wf_apply", [case_id], "register",
                                          values=REGISTER))
        assert "security restrictions" in fault or "may not" in fault
    assert _state(world["admin"], case_id) == "draft"


def test_button_and_rpc_offer_the_same_transitions(world):
    """The form's buttons (wf_available) and wf_apply agree per user."""
    assistant, inspector = (
        world["as_user"]("assistant1"), world["as_user"]("inspector1"))
    case_id = assistant.call(MODEL, "create", {
        "name": "RPC buttons", "district_id": world["district1"]})
    as_assistant = assistant.call(MODEL, "read", [case_id], ["wf_available"])[0]
    as_inspector = inspector.call(MODEL, "read", [case_id], ["wf_available"])[0]
    assert ",register," not in as_assistant["wf_available"]
    assert ",register," in as_inspector["wf_available"]
    # the form button goes through the wizard for inputs; over RPC the
    # button method refuses the assistant exactly like wf_apply
    fault = _fault(lambda: assistant.call(MODEL, "wf_button", [case_id],
                                          context={"wf_transition": "register"}))
    assert "reserved" in fault
    action = inspector.call(MODEL, "wf_button", [case_id],
                            context={"wf_transition": "register"})
    assert action["res_model"] == "uchaske.workflow.transition.wizard"
