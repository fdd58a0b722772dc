# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R8: the month's working time as an officer x day grid (OCA
x2many_2d_matrix), each role seeing whose hours the record rules of the
time entries allow, with an injected clock."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import common

from .common import UchaskeCase


@common.at_install(False)
@common.post_install(True)
class TestTimeGrid(UchaskeCase):

    @classmethod
    def setUpClass(cls):
        super(TestTimeGrid, cls).setUpClass()
        Entry = cls.env["uchaske.time.entry"]
        # UTC in the database: 09:00-19:00 in Almaty is 04:00-14:00 UTC
        for role, start, end in (
                ("inspector", "2026-11-03 04:00:00", "2026-11-03 14:00:00"),
                ("inspector", "2026-11-04 04:00:00", "2026-11-04 08:00:00"),
                ("assistant", "2026-11-03 04:00:00", "2026-11-03 12:00:00"),
                ("inspector2", "2026-11-03 04:00:00", "2026-11-03 12:00:00"),
                ("inspector", "2026-12-01 04:00:00", "2026-12-01 12:00:00")):
            Entry.sudo(cls.users[role]).create({
                "date_start": start, "date_end": end})

    def _grid(self, role, month="2026-11-01"):
        Grid = self.env["uchaske.time.grid"].sudo(self.users[role])
        with freeze_time("2026-11-20 09:00:00"):
            values = Grid.default_get(["date_month", "line_ids"])
            if month != values["date_month"]:
                grid = Grid.new({"date_month": month})
                grid._onchange_date_month()
                return {(line.user_id.name, line.day): line.hours
                        for line in grid.line_ids}
        self.assertEqual(values["date_month"], "2026-11-01")
        return {(self.env["res.users"].browse(line["user_id"]).name, line["day"]):
                line["hours"] for _cmd, _id, line in values["line_ids"]}

    def test_r8_inspector_sees_his_own_month(self):
        """R8: the inspector's grid has his row only, one cell per day of
        November (30), the hours of each day (10 on the 3rd: overtime is
        visible), nothing of December or of other officers."""
        cells = self._grid("inspector")
        self.assertEqual(len(cells), 30)
        self.assertEqual({name for name, _day in cells}, {"Test inspector"})
        self.assertEqual(cells[("Test inspector", "03.11")], 10.0)
        self.assertEqual(cells[("Test inspector", "04.11")], 4.0)
        self.assertEqual(sum(cells.values()), 14.0)

    def test_r8_responsible_sees_his_point_not_the_other_department(self):
        """R8, R24: the responsible inspector sees the officers of his
        police point; the other department's inspector is not there."""
        cells = self._grid("responsible")
        names = {name for name, _day in cells}
        self.assertIn("Test inspector", names)
        self.assertIn("Test assistant", names)
        self.assertNotIn("Test inspector2", names)
        self.assertEqual(cells[("Test assistant", "03.11")], 8.0)

    def test_r8_other_month_through_the_onchange(self):
        """R8: choosing December shows December's hours (31 days)."""
        cells = self._grid("inspector", month="2026-12-01")
        self.assertEqual(len(cells), 31)
        self.assertEqual(cells[("Test inspector", "01.12")], 8.0)
        self.assertEqual(sum(cells.values()), 8.0)

    def test_r8_cells_never_taken_from_the_client(self):
        """R8, R7: the grid's cells are the recorded time entries; a grid
        sent with cells (another department's officer, made-up hours), a
        cell created or changed directly, or another record's id among the
        cells is refused naming the field, without the officer's name;
        nothing is written."""
        Grid = self.env["uchaske.time.grid"]
        Line = self.env["uchaske.time.grid.line"]
        foreign = self.users["inspector2"]
        grids, lines = Grid.search_count([]), Line.search_count([])
        entry = self.env["uchaske.time.entry"].search(
            [("user_id", "=", foreign.id)], limit=1)
        for role in ("assistant", "inspector"):
            for cells in ([(0, 0, {"user_id": foreign.id, "day": "03.11",
                                   "hours": 12.0})],
                          [(0, 0, {"user_id": self.users[role].id,
                                   "day": "03.11", "hours": 24.0})],
                          [(4, entry.id)], [(6, 0, [entry.id])]):
                with self.assertRefused((UserError, AccessError),
                                        "'Hours by officer and day: "):
                    self.as_user(role, Grid).create(
                        {"date_month": "2026-11-01", "line_ids": cells})
            grid = self.as_user(role, Grid).create({"date_month": "2026-11-01"})
            with self.assertRefused(UserError, "'Hours by officer and day: "):
                grid.write({"line_ids": [(0, 0, {"user_id": foreign.id,
                                                 "hours": 1.0})]})
            with self.assertRaisesRegex(UserError, "'Officer: the grid only "
                                        "shows") as refusal, \
                    self.env.cr.savepoint():
                self.as_user(role, Line).create({
                    "grid_id": grid.id, "user_id": foreign.id, "day": "03.11",
                    "hours": 12.0})
            self.assertNotIn(foreign.name, str(refusal.exception))
            with self.assertRefused(UserError, "'Hours: the grid only shows"):
                self.as_user(role, Line).create({"grid_id": grid.id,
                                                 "hours": 12.0})
            self.assertFalse(grid.line_ids)
            grids += 1
        self.assertEqual((Grid.search_count([]), Line.search_count([])),
                         (grids, lines))
