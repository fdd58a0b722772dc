# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R8: the month's working time as an officer x day grid (OCA
x2many_2d_matrix), each role seeing whose hours the record rules of the
time entries allow, with an injected clock."""
from freezegun import freeze_time

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
