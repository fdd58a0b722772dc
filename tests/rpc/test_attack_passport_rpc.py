"""Attacker tests of the district passport (issue 10; R4, R5, R7, R19, A1,
R2.3) over XML-RPC and JSON-RPC with real logins: department 2 keeps a
passport with figures, §4-§6 entries, a handover act and a walkthrough with
a visit; department 1's inspector and assistant can neither see nor touch
them, nor point their own records at them, nor sign what their role or
party may not sign (helpers: ``_attack``)."""
import xmlrpc.client

import pytest

from _attack import (CHANNELS, MARKER, attack_change, attack_create,
                     attack_message_files, attack_read, attack_search,
                     attack_state_write, attack_transition, foreign_file)

PASSPORT = "uchaske.district.passport"
HANDOVER = "uchaske.district.handover"
WALKTHROUGH = "uchaske.district.walkthrough"
APPOINTED, VISITED = "2026-11-02", "2026-11-10"


def _passport(admin, district_id):
    return admin.call(PASSPORT, "search", [("district_id", "=", district_id)])[0]


@pytest.fixture(scope="module")
def rec(world, attack):
    """Department 2's passport and its parts, made by its inspector; and
    department 1's own handover act (handed over by the responsible
    inspector) and walkthrough (of the responsible inspector)."""
    admin = world["admin"]
    inspector2 = world["as_user"]("inspector2")
    uid = {key: world[key][1] for key in (
        "inspector1", "assistant1", "responsible1", "chief1",
        "inspector2", "responsible2", "chief2")}
    rec = {"uid": uid, "district2": world["district2"],
           "passport": _passport(admin, world["district2"]),
           "passport1": _passport(admin, world["district1"])}
    rec["year"] = admin.call("uchaske.district.passport.year", "search",
                             [("passport_id", "=", rec["passport"])])[0]
    inspector2.call(PASSPORT, "write", [rec["passport"]],
                    {"plan_note": "%s plan" % MARKER})
    for model, key, vals in (
            ("uchaske.passport.enterprise", "enterprise", {"kind": "bank"}),
            ("uchaske.passport.dormitory", "dormitory", {"kind": "hotel"}),
            ("uchaske.passport.permit.object", "permit", {"affiliation": MARKER})):
        rec[key] = inspector2.call(model, "create", dict(
            vals, passport_id=rec["passport"], name="%s %s" % (MARKER, key),
            address="%s street" % MARKER))
    rec["handover"] = inspector2.call(HANDOVER, "create", {
        "passport_id": rec["passport"], "handing_user_id": uid["responsible2"],
        "accepting_user_id": uid["inspector2"], "supervisor_id": uid["chief2"],
        "remarks": "%s remarks" % MARKER})
    rec["walkthrough"] = inspector2.call(WALKTHROUGH, "create", {
        "passport_id": rec["passport"], "inspector_id": uid["inspector2"],
        "date_appointed": APPOINTED})
    rec["visit"] = inspector2.call("uchaske.district.walkthrough.visit", "create", {
        "walkthrough_id": rec["walkthrough"], "address": "%s yard" % MARKER,
        "date": VISITED})
    rec["file"] = foreign_file(inspector2, PASSPORT, rec["passport"])
    # department 1: an act handed over by the responsible inspector, to be
    # accepted by the inspector before the chief; the responsible
    # inspector's walkthrough
    rec["handover1"] = world["as_user"]("inspector1").call(HANDOVER, "create", {
        "passport_id": rec["passport1"], "handing_user_id": uid["responsible1"],
        "accepting_user_id": uid["inspector1"], "supervisor_id": uid["chief1"]})
    world["as_user"]("responsible1").call(HANDOVER, "wf_apply",
                                          [rec["handover1"]], "hand_over")
    rec["spare"] = _spare_passport(world, 2)
    rec["handover1b"] = world["as_user"]("inspector1").call(HANDOVER, "create", {
        "passport_id": _spare_passport(world, 3),
        "handing_user_id": uid["responsible1"],
        "accepting_user_id": uid["inspector1"], "supervisor_id": uid["chief1"]})
    world["as_user"]("responsible1").call(HANDOVER, "wf_apply",
                                          [rec["handover1b"]], "hand_over")
    world["as_user"]("inspector1").call(HANDOVER, "wf_apply",
                                        [rec["handover1b"]], "accept")
    rec["walkthrough1"] = admin.call(WALKTHROUGH, "create", {
        "passport_id": rec["passport1"], "inspector_id": uid["responsible1"],
        "date_appointed": APPOINTED})
    return rec


#: model: (department 2's record, values written, a create pointing at
#: department 2's district, passport or walkthrough, the field named)
MODELS = {
    PASSPORT: ("passport", {"plan_note": "mine"},
               lambda r: {"district_id": r["district2"]}, "District"),
    "uchaske.district.passport.year": (
        "year", {"adults": 1},
        lambda r: {"passport_id": r["passport"], "year": 2031}, "Passport"),
    "uchaske.passport.enterprise": (
        "enterprise", {"name": "mine"},
        lambda r: {"passport_id": r["passport"], "name": "mine"}, "Passport"),
    "uchaske.passport.dormitory": (
        "dormitory", {"name": "mine"},
        lambda r: {"passport_id": r["passport"], "name": "mine"}, "Passport"),
    "uchaske.passport.permit.object": (
        "permit", {"name": "mine"},
        lambda r: {"passport_id": r["passport"], "name": "mine"}, "Passport"),
    HANDOVER: (
        "handover", {"remarks": "mine"},
        lambda r: {"passport_id": r["passport"],
                   "handing_user_id": r["uid"]["responsible1"],
                   "accepting_user_id": r["uid"]["inspector1"],
                   "supervisor_id": r["uid"]["chief1"]}, "Passport"),
    WALKTHROUGH: (
        "walkthrough", {"date_appointed": VISITED},
        lambda r: {"passport_id": r["passport"],
                   "inspector_id": r["uid"]["inspector1"],
                   "date_appointed": APPOINTED}, "Passport"),
    "uchaske.district.walkthrough.visit": (
        "visit", {"address": "mine"},
        lambda r: {"walkthrough_id": r["walkthrough"], "address": "mine",
                   "date": VISITED}, "Walkthrough"),
}


@pytest.mark.parametrize("model", sorted(MODELS))
def test_department_2_out_of_reach(world, rec, channel, model):
    """R7, R19: another department's passport and its parts are neither
    read, found, grouped, changed, deleted nor pointed at."""
    key, vals, pointing, label = MODELS[model]
    admin = world["admin"]
    attack_read(channel, model, rec[key])
    attack_search(channel, model, rec[key], world["dep2"])
    attack_change(channel, admin, model, rec[key], vals)
    attack_create(channel, admin, model, pointing(rec), label)


#: own records pointing at department 2's officers (R4, R5, R7)
POINTING_AT_USERS = [
    (HANDOVER, "supervisor_id", "chief2", "Supervisor present"),
    (HANDOVER, "handing_user_id", "responsible2", "Handed over by"),
    (HANDOVER, "accepting_user_id", "inspector2", "Accepted by"),
    (WALKTHROUGH, "inspector_id", "inspector2", "Inspector"),
]


@pytest.mark.parametrize("model,field,user,label", POINTING_AT_USERS)
def test_own_record_cannot_name_department_2_officers(world, rec, channel,
                                                      model, field, user, label):
    """R4, R7: the parties of an act and the walkthrough's inspector are
    officers of the district's department; department 2's are refused with
    the field's name and without theirs."""
    uid = rec["uid"]
    vals = {
        HANDOVER: {"passport_id": rec["passport1"],
                   "handing_user_id": uid["responsible1"],
                   "accepting_user_id": uid["inspector1"],
                   "supervisor_id": uid["chief1"]},
        WALKTHROUGH: {"passport_id": rec["passport1"],
                      "inspector_id": uid["inspector1"],
                      "date_appointed": APPOINTED},
    }[model]
    vals = dict(vals, **{field: uid[user]})
    if model == HANDOVER:  # a district without an open act (R4)
        vals["passport_id"] = rec["spare"]
    attack_create(channel, world["admin"], model, vals, label)


def _spare_passport(world, number):
    """The passport of another district of department 1, made by the
    administrator now (the inspector is logged in already: R7 rules follow
    at once)."""
    admin = world["admin"]
    district = admin.call("uchaske.district", "create", {
        "name": "RPC district %d" % number, "number": number,
        "department_id": world["dep1"],
        "post_id": admin.call("uchaske.district", "read", [world["district1"]],
                              ["post_id"])[0]["post_id"][0],
        "inspector_id": world["inspector1"][1],
        "assistant_ids": [(6, 0, [world["assistant1"][1]])]})
    return _passport(admin, district)


def test_assistant_cannot_be_named_accepting_inspector(world, rec, attack):
    """R2.3: an assistant may fill the act, not accept the district."""
    uid = rec["uid"]
    for protocol in CHANNELS:
        attack_create(attack["channel"]("assistant1", protocol), world["admin"],
                      HANDOVER, {
                          "passport_id": rec["spare"],
                          "handing_user_id": uid["responsible1"],
                          "accepting_user_id": uid["assistant1"],
                          "supervisor_id": uid["chief1"]}, "Accepted by")


#: transitions the attacker may not fire on department 1's own records:
#: (record, transition, role that tries, part of the refusal)
FORBIDDEN = [
    ("handover1", "accept", "assistant1", "Inspector"),      # R2.3
    ("handover1", "accept", "responsible1", "R4"),           # not his act
    ("handover1b", "confirm", "inspector1", "R4"),           # supervisor only
    ("handover1b", "confirm", "assistant1", "Inspector"),
    ("handover1", "hand_over", "inspector1", ""),            # already handed
    ("walkthrough1", "declare_done", "inspector1", "R5"),    # not his own
    ("walkthrough1", "declare_done", "assistant1", "Inspector"),
]


@pytest.mark.parametrize("protocol", CHANNELS)
@pytest.mark.parametrize("key,code,user,expect", FORBIDDEN)
def test_forbidden_signatures(world, rec, attack, protocol, key, code, user,
                              expect):
    """R2.3, R4, R5: each party signs only their own step; nothing is
    written, no history row."""
    model = HANDOVER if key.startswith("handover") else WALKTHROUGH
    attack_transition(attack["channel"](user, protocol), world["admin"], model,
                      rec[key], code, expect=expect)


@pytest.mark.parametrize("key,model,state", [
    ("handover1", HANDOVER, "confirmed"), ("walkthrough1", WALKTHROUGH, "done"),
    ("handover", HANDOVER, "confirmed")])
def test_state_not_written_around_the_engine(world, rec, channel, key, model,
                                             state):
    """R4, R5, R16: the state moves by signatures only."""
    attack_state_write(channel, world["admin"], model, rec[key], state)


def test_foreign_file_not_posted_on_own_passport(world, rec, channel):
    """A file of department 2 cannot be attached to department 1's
    passport through its chatter."""
    attack_message_files(channel, world["admin"], PASSPORT, rec["passport1"],
                         rec["file"])


@pytest.mark.parametrize("key", ["responsible1", "chief1"])
def test_passport_read_only_for_responsible_and_chief(world, rec, key):
    """Issue 10 doubt: the responsible inspector and the chief read the
    passports of their point/department, they do not change them (R2.3;
    the scope mixin's _scope_read_only_roles)."""
    user = world["as_user"](key)
    assert user.call(PASSPORT, "read", [rec["passport1"]], ["plan_note"])
    with pytest.raises(xmlrpc.client.Fault):
        user.call(PASSPORT, "write", [rec["passport1"]],
                  {"plan_note": "changed by %s" % key})
    note = world["admin"].call(PASSPORT, "read", [rec["passport1"]],
                               ["plan_note"])[0]["plan_note"]
    assert note != "changed by %s" % key
