"""Attacker tests of the working time grid (issue 11, R8; OCA
x2many_2d_matrix, officer x day) over XML-RPC and JSON-RPC with real
logins: department 2's officers record their hours of July 2027;
department 1's inspector and assistant try to open the grid on department
2's police point or district, to send cells naming department 2's officers
or ids of its time entries, to make up hours, and to go around the grid by
writing time entries; each is refused with a short message naming the field
and nothing of department 2, and nothing is written (helpers: ``_attack``).
"""
import pytest

from _attack import MARKER, _refused, attack_create

GRID, LINE, ENTRY = ("uchaske.time.grid", "uchaske.time.grid.line",
                     "uchaske.time.entry")
MONTH = "2027-07-01"
CELLS = "Hours by officer and day"
#: the matrix's fields as the web client asks for them
SPEC = {"date_month": "1", "line_ids": "1", "line_ids.user_id": "",
        "line_ids.day": "", "line_ids.hours": ""}


def _entry(rpc, day, start, end, note):
    return rpc.call(ENTRY, "create", {
        "date_start": "2027-07-%s %s:00:00" % (day, start),
        "date_end": "2027-07-%s %s:00:00" % (day, end), "note": note})


@pytest.fixture(scope="module")
def rec(world, attack):
    """July 2027: department 2's inspector and assistant each worked a day;
    department 1's inspector a 12-hour day (4 hours overtime, R8) and its
    assistant an 8-hour day."""
    rec = {"uid": {key: world[key][1] for key in (
        "inspector1", "assistant1", "inspector2", "assistant2")},
        "post2": attack["post2"], "district2": world["district2"]}
    for key, day in (("inspector2", "02"), ("assistant2", "03")):
        rec[key] = _entry(world["as_user"](key), day, "03", "11",
                          "%s patrol" % MARKER)
    rec["inspector1"] = _entry(world["as_user"]("inspector1"), "05", "03", "15",
                               "walk")
    rec["assistant1"] = _entry(world["as_user"]("assistant1"), "05", "03", "11",
                               "walk")
    return rec


def _officers(cells):
    """Officer ids of the cells of a default_get or onchange answer."""
    officers = set()
    for command in cells:
        if command[0] == 0:
            officer = command[2]["user_id"]
            officers.add(officer[0] if isinstance(officer, list) else officer)
    return officers


def test_r8_grid_opened_on_department_2_shows_only_ones_own(world, rec,
                                                            channel):
    """R8, R7: the grid asked for department 2's police point, district or
    officer (defaults, active record) shows the user's own hours only; an
    onchange sent with department 2's cells answers with the user's."""
    own = rec["uid"][channel.key]
    context = {"default_date_month": MONTH, "active_model": "uchaske.post",
               "active_id": rec["post2"], "active_ids": [rec["post2"]],
               "default_post_id": rec["post2"],
               "default_district_id": rec["district2"],
               "default_user_id": rec["uid"]["inspector2"]}
    values = channel.ok(GRID, "default_get", ["date_month", "line_ids"],
                        context=context)
    assert values["date_month"] == MONTH
    assert _officers(values["line_ids"]) == {own}
    hours = sum(cell[2]["hours"] for cell in values["line_ids"])
    assert hours == (12.0 if channel.key == "inspector1" else 8.0)
    assert MARKER not in repr(values)
    forged = [(0, 0, {"user_id": rec["uid"]["inspector2"], "day": "02.07",
                      "hours": 99.0})]
    answer = channel.ok(GRID, "onchange", [],
                        {"date_month": MONTH, "line_ids": forged},
                        "date_month", SPEC, context=context)
    cells = answer["value"]["line_ids"]
    assert _officers(cells) == {own}
    assert 99.0 not in [cell[2]["hours"] for cell in cells if cell[0] == 0]
    assert MARKER not in repr(answer)


def _cells(rec, own):
    """Cells a client may try to send: department 2's officer, made-up
    hours of one's own, department 2's time entries by id."""
    foreign = rec["uid"]["inspector2"]
    return [
        [(0, 0, {"user_id": foreign, "day": "02.07", "hours": 8.0})],
        [(0, 0, {"user_id": own, "day": "05.07", "hours": 8.0})],
        [(4, rec["inspector2"])],
        [(1, rec["inspector2"], {"hours": 1.0})],
        [(6, 0, [rec["inspector2"], rec["assistant2"]])],
    ]


def test_r8_grid_takes_no_cells_from_the_client(world, rec, channel):
    """R8, R7: a grid created or written with cells, or a cell created
    directly, is refused naming the field; no grid, no cell is stored."""
    admin = world["admin"]
    own = rec["uid"][channel.key]
    lines = admin.call(LINE, "search_count", [])
    for cells in _cells(rec, own):
        attack_create(channel, admin, GRID,
                      {"date_month": MONTH, "line_ids": cells}, CELLS)
    grid = channel.ok(GRID, "create", {"date_month": MONTH})
    for cells in _cells(rec, own):
        _refused(channel.fault(GRID, "write", [grid], {"line_ids": cells}), CELLS)
    for vals, label in (
            ({"grid_id": grid, "user_id": rec["uid"]["inspector2"],
              "day": "02.07", "hours": 8.0}, "Officer"),
            ({"grid_id": grid, "day": "05.07", "hours": 0.0}, "Day"),
            ({"grid_id": grid, "hours": 24.0}, "Hours")):
        attack_create(channel, admin, LINE, vals, label)
    assert admin.call(GRID, "read", [grid], ["line_ids"])[0]["line_ids"] == []
    assert admin.call(LINE, "search_count", []) == lines


def test_r8_time_entries_not_written_around_the_grid(world, rec, channel):
    """R8, R7: around the grid, the time entries: none for department 2's
    officer, one's own not handed to him, its hours and day not written
    (they follow from the start and the end), department 2's not changed;
    each refused naming the field, nothing written."""
    admin = world["admin"]
    fields = ["user_id", "hours", "overtime_hours", "day", "date_end", "note"]
    attack_create(channel, admin, ENTRY, {
        "user_id": rec["uid"]["inspector2"], "date_start": "2027-07-06 03:00:00",
        "date_end": "2027-07-06 11:00:00"}, "Officer")
    attack_create(channel, admin, ENTRY, {
        "date_start": "2027-07-07 03:00:00", "date_end": "2027-07-07 15:00:00",
        "overtime_hours": 0.0}, "Overtime Hours")
    own = rec[channel.key]
    before = admin.call(ENTRY, "read", [own], fields)
    for vals, label in (({"user_id": rec["uid"]["inspector2"]}, "Officer"),
                        ({"hours": 20.0}, "Hours"),
                        ({"overtime_hours": 0.0, "overtime": False},
                         "Overtime Hours"),
                        ({"day": "2027-08-01"}, "Day"),
                        ({"note": "x", "night_hours": 0.0}, "Night Hours")):
        _refused(channel.fault(ENTRY, "write", [own], vals), label)
    assert admin.call(ENTRY, "read", [own], fields) == before
    foreign = admin.call(ENTRY, "read", [rec["inspector2"]], fields)
    for vals in ({"date_end": "2027-07-02 23:00:00"}, {"hours": 1.0},
                 {"note": "mine"}):
        channel.fault(ENTRY, "write", [rec["inspector2"]], vals)
    channel.fault(ENTRY, "unlink", [rec["inspector2"]])
    assert admin.call(ENTRY, "read", [rec["inspector2"]], fields) == foreign


@pytest.mark.parametrize("protocol", ("xmlrpc", "jsonrpc"))
def test_r8_responsible_reads_his_officers_hours_not_writes(
        world, rec, attack, protocol):
    """R8, R24: the responsible inspector sees his police point's officers
    in the grid (department 2's not) and cannot change their hours."""
    admin = world["admin"]
    responsible = attack["channel"]("responsible1", protocol)
    values = responsible.ok(GRID, "default_get", ["date_month", "line_ids"],
                            context={"default_date_month": MONTH})
    officers = _officers(values["line_ids"])
    assert {rec["uid"]["inspector1"], rec["uid"]["assistant1"]} <= officers
    assert not officers & {rec["uid"]["inspector2"], rec["uid"]["assistant2"]}
    assert MARKER not in repr(values)
    entry = rec["inspector1"]
    before = admin.call(ENTRY, "read", [entry], ["hours", "date_end", "user_id"])
    responsible.fault(ENTRY, "write", [entry], {"date_end": "2027-07-05 11:00:00"})
    _refused(responsible.fault(ENTRY, "write", [entry], {"hours": 8.0}), "Hours")
    assert admin.call(ENTRY, "read", [entry], ["hours", "date_end", "user_id"]) \
        == before
