"""Attacker tests of the inspector's day (issue 11; R7-R10, R18, R20,
R22.14, R23.3, R24) over XML-RPC and JSON-RPC with real logins: department
2 keeps a monthly plan with an item, a notebook with an entry, a
transmission, a reception, a rural call, a time entry, a diversion and a
monthly review; department 1's inspector and assistant can neither see nor
touch them, nor point their own records at them or at department 2's
officers, nor fire what their role may not fire (helpers: ``_attack``)."""
import pytest

from _attack import (CHANNELS, MARKER, attack_change, attack_create,
                     attack_message_files, attack_read, attack_search,
                     attack_state_write, attack_transition, foreign_file)

PLAN, ITEM = "uchaske.work.plan", "uchaske.work.plan.item"
NOTEBOOK, ENTRY = "uchaske.work.notebook", "uchaske.work.notebook.entry"
TRANSMISSION, REVIEW = "uchaske.info.transmission", "uchaske.monthly.review"
OBTAINED = "2026-11-02 08:00:00"
#: 13:30 UTC is 18:30 in Asia/Almaty: in the reception hours (R9)
RECEIVED = "2026-11-02 13:30:00"


def _rural_district(world, key, number):
    """A rural district of department ``key`` with its inspector (R23.3)."""
    admin = world["admin"]
    return admin.call("uchaske.district", "create", {
        "name": "%s rural" % (MARKER if key == "2" else "RPC"), "number": number,
        "district_type": "rural", "department_id": world["dep" + key],
        "post_id": admin.call("uchaske.district", "read", [world["district" + key]],
                              ["post_id"])[0]["post_id"][0],
        "inspector_id": world["inspector" + key][1]})


@pytest.fixture(scope="module")
def rec(world, attack):
    """Department 2's records of the day, each made by the role that keeps
    it; department 1's plans (one submitted, one approved), transmission
    (sent) and review, for the workflow attacks."""
    admin = world["admin"]
    user = {key: world["as_user"](key) for key in (
        "inspector1", "responsible1", "chief1",
        "inspector2", "responsible2", "chief2")}
    uid = {key: world[key][1] for key in (
        "inspector1", "assistant1", "responsible1", "chief1",
        "inspector2", "responsible2", "chief2")}
    rec = {"uid": uid, "post2": attack["post2"], "district2": world["district2"],
           "rural1": _rural_district(world, "1", 11),
           "rural2": _rural_district(world, "2", 12)}
    rec["plan"] = user["responsible2"].call(PLAN, "create", {
        "post_id": attack["post2"], "date_month": "2027-03-01",
        "analysis": "%s analysis" % MARKER})
    rec["item"] = user["responsible2"].call(ITEM, "create", {
        "plan_id": rec["plan"], "name": "%s task" % MARKER,
        "assignee_id": uid["inspector2"], "date_due": "2027-03-10"})
    rec["notebook"] = user["inspector2"].call(NOTEBOOK, "create", {})
    rec["entry"] = user["inspector2"].call(ENTRY, "create", {
        "name": "%s walk" % MARKER, "kind": "walk_info"})
    rec["transmission"] = user["inspector2"].call(TRANSMISSION, "create", {
        "name": "%s information" % MARKER, "recipient": "%s body" % MARKER,
        "district_id": world["district2"], "date_obtained": OBTAINED})
    rec["reception"] = user["inspector2"].call("uchaske.reception", "create", {
        "citizen_name": "%s citizen" % MARKER, "subject": MARKER,
        "district_id": world["district2"], "date_reception": RECEIVED})
    rec["call"] = user["chief2"].call("uchaske.rural.call", "create", {
        "district_id": rec["rural2"], "caller_id": uid["inspector2"],
        "situation": "%s calm" % MARKER, "date_call": OBTAINED})
    rec["time"] = user["inspector2"].call("uchaske.time.entry", "create", {
        "date_start": "2026-11-02 03:00:00", "date_end": "2026-11-02 11:00:00",
        "note": MARKER})
    rec["diversion"] = user["chief2"].call("uchaske.diversion", "create", dict(
        _diversion(uid["inspector2"], world["district2"]), reason=MARKER))
    rec["review"] = user["responsible2"].call(REVIEW, "create", {
        "officer_id": uid["inspector2"], "date_from": "2026-11-01",
        "summary": "%s summary" % MARKER})
    rec["file"] = foreign_file(user["inspector2"], ENTRY, rec["entry"])
    # department 1: a submitted plan, an approved one (its item is open),
    # a plan the chief drafted himself, a draft, a sent transmission, a
    # review
    for key, month, author in (("plan1", "2027-03-01", "responsible1"),
                               ("plan1_approved", "2027-04-01", "responsible1"),
                               ("plan1_chief", "2027-05-01", "chief1")):
        rec[key] = user[author].call(PLAN, "create", {
            "post_id": attack["post1"], "date_month": month, "analysis": "ok",
            "item_ids": [(0, 0, {"name": "walk", "assignee_id": uid["inspector1"],
                                 "date_due": month[:8] + "10"})]})
        user[author].call(PLAN, "wf_apply", [rec[key]], "submit")
    user["chief1"].call(PLAN, "wf_apply", [rec["plan1_approved"]], "approve")
    rec["plan1_draft"] = user["responsible1"].call(PLAN, "create", {
        "post_id": attack["post1"], "date_month": "2027-06-01"})
    rec["item1"] = admin.call(ITEM, "search",
                              [("plan_id", "=", rec["plan1_approved"])])[0]
    rec["transmission1"] = user["inspector1"].call(TRANSMISSION, "create", {
        "name": "ok", "recipient": "akimat", "district_id": world["district1"],
        "date_obtained": OBTAINED})
    user["inspector1"].call(TRANSMISSION, "wf_apply", [rec["transmission1"]], "send")
    rec["review1"] = user["responsible1"].call(REVIEW, "create", {
        "officer_id": uid["inspector1"], "date_from": "2026-11-01",
        "summary": "ok"})
    rec["entry1"] = user["inspector1"].call(ENTRY, "create", {
        "name": "own walk", "kind": "walk_info"})
    return rec


def _diversion(officer, district):
    return {"officer_id": officer, "district_id": district, "kind": "patrol",
            "date_from": "2026-11-02", "date_to": "2026-11-03",
            "order_number": "17", "order_date": "2026-11-01", "reason": "order"}


#: model: (department 2's record, values written, a create pointing at
#: department 2's police point, district, record or officer, the field
#: named; None: the role may not create the model at all)
MODELS = {
    PLAN: ("plan", {"analysis": "mine"},
           lambda r: {"post_id": r["post2"], "date_month": "2027-06-01"},
           "Police point"),
    ITEM: ("item", {"name": "mine"},
           lambda r: {"plan_id": r["plan"], "name": "mine",
                      "assignee_id": r["uid"]["inspector1"],
                      "date_due": "2027-03-11"}, "Plan"),
    NOTEBOOK: ("notebook", {"user_id": 1},
               lambda r: {"user_id": r["uid"]["inspector2"]}, "Officer"),
    ENTRY: ("entry", {"name": "mine"},
            lambda r: {"notebook_id": r["notebook"], "name": "mine"}, "Notebook"),
    TRANSMISSION: ("transmission", {"recipient": "mine"},
                   lambda r: {"name": "mine", "recipient": "mine",
                              "district_id": r["district2"]}, "District"),
    "uchaske.reception": (
        "reception", {"subject": "mine"},
        lambda r: {"citizen_name": "mine", "subject": "mine",
                   "district_id": r["district2"], "date_reception": RECEIVED},
        "District"),
    "uchaske.rural.call": (
        "call", {"situation": "mine"},
        lambda r: {"district_id": r["rural2"], "caller_id": r["uid"]["inspector1"],
                   "situation": "mine"}, "District"),
    "uchaske.time.entry": (
        "time", {"note": "mine"},
        lambda r: {"user_id": r["uid"]["inspector2"],
                   "date_start": "2026-11-03 03:00:00",
                   "date_end": "2026-11-03 04:00:00"}, "Officer"),
    "uchaske.diversion": (
        "diversion", {"reason": "mine"},
        lambda r: _diversion(r["uid"]["inspector1"], r["district2"]), "District"),
    REVIEW: ("review", {"summary": "mine"},
             lambda r: {"officer_id": r["uid"]["inspector2"],
                        "date_from": "2026-10-01"}, None),
}


@pytest.mark.parametrize("model", sorted(MODELS))
def test_department_2_out_of_reach(world, rec, channel, model):
    """R7, R24: another department's day is neither read, found, grouped,
    changed, deleted nor pointed at."""
    key, vals, pointing, label = MODELS[model]
    admin = world["admin"]
    attack_read(channel, model, rec[key])
    attack_search(channel, model, rec[key], world["dep2"])
    attack_change(channel, admin, model, rec[key], vals)
    attack_create(channel, admin, model, pointing(rec), label)


#: own records naming department 2's officers: (model, who creates, values
#: of department 1 with the officer of department 2, field named)
POINTING_AT_USERS = [
    (ITEM, "responsible1", lambda r: {
        "plan_id": r["plan1_draft"], "name": "x",
        "assignee_id": r["uid"]["inspector2"], "date_due": "2027-06-12"},
     "Assignee"),
    (ENTRY, "inspector1", lambda r: {
        "name": "x", "kind": "instruction", "given_by_id": r["uid"]["chief2"]},
     "Given by"),
    (TRANSMISSION, "inspector1", lambda r: {
        "name": "x", "recipient": "y", "district_id": r["district1"],
        "user_id": r["uid"]["inspector2"]}, "By"),
    ("uchaske.reception", "inspector1", lambda r: {
        "citizen_name": "x", "subject": "y", "district_id": r["district1"],
        "date_reception": RECEIVED, "officer_id": r["uid"]["inspector2"]},
     "Officer"),
    ("uchaske.rural.call", "chief1", lambda r: {
        "district_id": r["rural1"], "caller_id": r["uid"]["inspector2"],
        "situation": "x"}, "Who called"),
    ("uchaske.diversion", "chief1", lambda r: _diversion(
        r["uid"]["inspector2"], r["district1"]), "Officer"),
    (REVIEW, "responsible1", lambda r: {
        "officer_id": r["uid"]["inspector1"], "date_from": "2026-09-01",
        "deputy_id": r["uid"]["chief2"]}, "Supervising deputy chief"),
]


@pytest.mark.parametrize("protocol", CHANNELS)
@pytest.mark.parametrize("model,key,vals,label", POINTING_AT_USERS,
                         ids=[row[0] + "-" + row[3] for row in POINTING_AT_USERS])
def test_own_record_cannot_name_department_2_officers(world, rec, attack,
                                                      protocol, model, key,
                                                      vals, label):
    """R7, R18, R20, R22.14, R23.3, R24.6: the officers a record names are
    of its department; department 2's are refused with the field's name and
    without theirs."""
    rec = dict(rec, district1=world["district1"])
    attack_create(attack["channel"](key, protocol), world["admin"], model,
                  vals(rec), label)


#: transitions on department 1's records the role may not fire:
#: (model, record, transition, who tries, part of the refusal)
FORBIDDEN = [
    (PLAN, "plan1", "approve", "assistant1", ""),           # R18, R2.3
    (PLAN, "plan1", "approve", "inspector1", ""),
    (PLAN, "plan1", "approve", "responsible1", ""),         # the author
    (PLAN, "plan1_chief", "approve", "chief1", "R18"),      # own plan
    (ITEM, "item1", "done", "assistant1", "may not"),       # R18
    (TRANSMISSION, "transmission1", "verify", "inspector1", ""),   # R24.5
    (TRANSMISSION, "transmission1", "verify", "assistant1", ""),
    (REVIEW, "review1", "summarise", "inspector1", ""),     # R24.6
    (REVIEW, "review1", "discuss", "responsible1", ""),     # R10
]


@pytest.mark.parametrize("protocol", CHANNELS)
@pytest.mark.parametrize("model,key,code,user,expect", FORBIDDEN,
                         ids=["%s-%s-%s" % (row[1], row[2], row[3])
                              for row in FORBIDDEN])
def test_forbidden_transitions(world, rec, attack, protocol, model, key, code,
                               user, expect):
    """R2.3, R10, R18, R24: refused, state unchanged, no history row."""
    attack_transition(attack["channel"](user, protocol), world["admin"], model,
                      rec[key], code, expect=expect)


@pytest.mark.parametrize("model,key,state", [
    (PLAN, "plan1", "approved"), (ITEM, "item1", "done"),
    (TRANSMISSION, "transmission1", "verified"), (REVIEW, "review1", "discussed")])
def test_state_not_written_around_the_engine(world, rec, channel, model, key,
                                             state):
    """R16, R18: approvals and verifications go through the engine."""
    attack_state_write(channel, world["admin"], model, rec[key], state)


def test_verification_filed_by_the_responsible_only(world, rec, channel):
    """R24.5: the result of a transmission's verification is the responsible
    inspector's to file."""
    channel.fault(TRANSMISSION, "write", [rec["transmission1"]],
                  {"verification_result": "checked"})
    assert not world["admin"].call(TRANSMISSION, "read", [rec["transmission1"]],
                                   ["verification_result"])[0][
                                       "verification_result"]


@pytest.mark.parametrize("model,key", [(ENTRY, "entry1"), (REVIEW, "review1")])
def test_foreign_file_not_posted_on_own_records(world, rec, attack, model, key):
    """A file of department 2 cannot be attached through the chatter of
    department 1's notebook entry or review."""
    for protocol in CHANNELS:
        attack_message_files(attack["channel"]("inspector1", protocol),
                             world["admin"], model, rec[key], rec["file"])
