"""Attacker tests of the report meetings (``uchaske_meetings``, issue 12;
R7, R22.13, R25-R34, R2.3) over XML-RPC and JSON-RPC with real logins:
department 2 plans a meeting with invitees, an announcement, participants,
an item, an award and a figure; department 1's inspector and assistant can
neither see nor touch them, nor point their own meeting at department 2's
districts, officers or files, nor fire what their role may not fire
(helpers: ``_attack``)."""
from datetime import datetime, timedelta

import pytest

from _attack import (CHANNELS, MARKER, attack_attachment, attack_change,
                     attack_create, attack_message_files, attack_read,
                     attack_search, attack_state_write, attack_transition,
                     foreign_file)

MEETING = "uchaske.meeting"
#: the meeting is planned two months ahead of the server's day (UTC: the
#: test users have no time zone), announced today
TODAY = datetime.utcnow().date()
MEETING_DAY = str(TODAY + timedelta(days=60))

#: part model: (key, values of department 2's part, values written)
PARTS = {
    "uchaske.meeting.invitee": ("invitee", {"name": MARKER, "kind": "public"},
                                {"acceptance": "accepted"}),
    "uchaske.meeting.announcement": (
        "announcement", {"channel": "social", "date": str(TODAY),
                         "link": "https://example.kz/%s" % MARKER},
        {"link": "https://example.kz/mine"}),
    "uchaske.meeting.participant": (
        "participant", {"name": MARKER, "contact": MARKER}, {"name": "mine"}),
    "uchaske.meeting.item": ("item", {"text": MARKER, "author": MARKER},
                             {"text": "mine"}),
    "uchaske.meeting.award": ("award", {"name": MARKER, "award": MARKER},
                              {"award": "mine"}),
    "uchaske.meeting.figure": ("figure", {"name": MARKER, "value": "7"},
                               {"value": "8"}),
}


@pytest.fixture(scope="module")
def rec(world, attack):
    """Department 2's meeting and its parts, made by its inspector, with a
    video; department 1's planned meeting for the workflow attacks."""
    inspector2 = world["as_user"]("inspector2")
    rec = {"uid": {key: world[key][1] for key in (
        "inspector1", "inspector2", "chief2")},
        "district1": world["district1"], "district2": world["district2"]}
    rec["meeting"] = inspector2.call(MEETING, "create", {
        "district_id": world["district2"], "date_meeting": MEETING_DAY,
        "venue": "%s hall" % MARKER, "report_text": MARKER})
    for model, (key, vals, _written) in PARTS.items():
        rec[key] = inspector2.call(model, "create", dict(
            vals, meeting_id=rec["meeting"]))
    rec["file"] = foreign_file(inspector2, MEETING, rec["meeting"])
    inspector2.call(MEETING, "write", [rec["meeting"]],
                    {"video_ids": [(4, rec["file"])]})
    rec["meeting1"] = world["as_user"]("inspector1").call(MEETING, "create", {
        "district_id": world["district1"], "date_meeting": MEETING_DAY})
    return rec


#: model: (department 2's record, values written, a create pointing at
#: department 2's district or meeting, the field named)
MODELS = dict({
    MEETING: ("meeting", {"venue": "mine"},
              lambda r: {"district_id": r["district2"],
                         "date_meeting": MEETING_DAY}, "District"),
}, **{model: (key, written,
              lambda r, vals=vals: dict(vals, meeting_id=r["meeting"]),
              "Meeting")
      for model, (key, vals, written) in PARTS.items()})


@pytest.mark.parametrize("model", sorted(MODELS))
def test_department_2_out_of_reach(world, rec, channel, model):
    """R7, R26: another department's meeting and every part of it are
    neither read, found, grouped, changed, deleted nor pointed at."""
    key, vals, pointing, label = MODELS[model]
    admin = world["admin"]
    attack_read(channel, model, rec[key])
    attack_search(channel, model, rec[key], world["dep2"])
    attack_change(channel, admin, model, rec[key], vals)
    attack_create(channel, admin, model, pointing(rec), label)


@pytest.mark.parametrize("model", ["uchaske.meeting.coverage",
                                   "uchaske.meeting.quarter"])
def test_dashboards_show_nothing_of_department_2(world, rec, channel, model):
    """R22.13, R26: the quarter dashboard and the coverage behind it list
    department 1's districts only."""
    domain = [("department_id", "=", world["dep2"])]
    assert world["admin"].call(model, "search_count", domain)
    assert channel.ok(model, "search_read", domain, ["district_id"]) == []
    groups = channel.ok(model, "read_group", [], ["department_id"],
                        ["department_id"])
    assert world["dep2"] not in [
        (group["department_id"] or [None])[0] for group in groups]


#: department 1's meeting naming department 2's districts and officers
POINTING = [
    ({"district_ids": [(6, 0, ["district1", "district2"])]}, "Districts"),
    ({"inspector_id": "inspector2"}, "Inspector"),
    ({"reporting_inspector_ids": [(6, 0, ["inspector2"])]},
     "Reporting inspectors"),
]


def _resolve(rec, value):
    """Keys of ``rec`` (and of its user ids) in ``value`` replaced by ids."""
    if isinstance(value, str):
        return rec["uid"].get(value) or rec.get(value, value)
    if isinstance(value, (list, tuple)):
        return type(value)(_resolve(rec, item) for item in value)
    return value


@pytest.mark.parametrize("vals,label", POINTING, ids=[p[1] for p in POINTING])
def test_own_meeting_cannot_name_department_2(world, rec, channel, vals, label):
    """R7, R27: a (joint) meeting brings together the user's own districts
    and their inspectors; department 2's are refused naming the field."""
    vals = {name: _resolve(rec, value) for name, value in vals.items()}
    attack_create(channel, world["admin"], MEETING, dict(
        vals, district_id=rec["district1"], date_meeting=MEETING_DAY), label)
    before = world["admin"].call(MEETING, "read", [rec["meeting1"]], list(vals))
    channel.fault(MEETING, "write", [rec["meeting1"]], vals)
    assert world["admin"].call(MEETING, "read", [rec["meeting1"]],
                               list(vals)) == before


def test_item_checked_by_department_2_refused(world, rec, channel):
    """R32, R33: the follow-up of an item is an officer of the meeting's
    department."""
    attack_create(channel, world["admin"], "uchaske.meeting.item", {
        "meeting_id": rec["meeting1"], "text": "noise", "author": "resident",
        "outcome": "check", "assignee_id": rec["uid"]["inspector2"],
        "check_deadline": MEETING_DAY}, "Checked by")


def test_foreign_video_and_chatter_file_refused(world, rec, channel):
    """R32: department 2's video can be neither linked to department 1's
    meeting nor posted in its chatter."""
    admin = world["admin"]
    attack_attachment(channel, admin, MEETING, rec["meeting1"], "video_ids",
                      "Video recording", rec["file"])
    attack_message_files(channel, admin, MEETING, rec["meeting1"], rec["file"])


#: (transition, who tries, inputs, part of the refusal)
FORBIDDEN = [
    ("announce", "assistant1", {}, "Inspector"),   # R2.3
    ("cancel", "assistant1", {"comment": "no"}, "Inspector"),
    ("close", "inspector1", {}, ""),               # R33: responsible only
    ("sign_late", "inspector1", {"comment": "late"}, ""),   # R32: chief only
]


@pytest.mark.parametrize("protocol", CHANNELS)
@pytest.mark.parametrize("code,user,values,expect", FORBIDDEN,
                         ids=["%s-%s" % (row[0], row[1]) for row in FORBIDDEN])
def test_forbidden_transitions(world, rec, attack, protocol, code, user, values,
                               expect):
    """R2.3, R27, R32, R33: refused, state unchanged, no history row."""
    attack_transition(attack["channel"](user, protocol), world["admin"],
                      MEETING, rec["meeting1"], code, values=values,
                      expect=expect)


def test_state_not_written_around_the_engine(world, rec, channel):
    """R16, R27: a meeting is announced, held and closed by the engine."""
    attack_state_write(channel, world["admin"], MEETING, rec["meeting1"],
                       "closed")
