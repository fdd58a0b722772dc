# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Transfer on relocation (R14): the request within three тәулік of the
move; plain unit tests, "now" always given."""
import unittest
from datetime import datetime

from uchaske_rules import relocation
from uchaske_rules.relocation import InvalidTransfer

REFUSE = relocation.close_refusal

DT = datetime

MOVE = DT(2024, 2, 27, 14, 30)        # Tuesday, 2024 is a leap year
DUE = DT(2024, 3, 1, 14, 30)          # 27 Feb + 3 × 24 h, across 29 February


class TestRequestDeadline(unittest.TestCase):

    def test_three_days(self):
        """R14: the request is due 3 × 24 h after the move, to the minute."""
        self.assertEqual(relocation.REQUEST_DEADLINE_DAYS, 3)
        self.assertEqual(relocation.request_due(MOVE), DUE)

    def test_not_end_of_day(self):
        """R14: тәулік run from the moment of the move, not to midnight."""
        self.assertEqual(relocation.request_due(DT(2024, 12, 30, 23, 59)),
                         DT(2025, 1, 2, 23, 59))

    def test_sent_late(self):
        """R14: a request sent after the due moment is late; at it, on time."""
        self.assertFalse(relocation.request_sent_late(MOVE, DT(2024, 2, 28, 9)))
        self.assertFalse(relocation.request_sent_late(MOVE, DUE))
        self.assertTrue(relocation.request_sent_late(MOVE, DT(2024, 3, 1, 14, 31)))
        self.assertTrue(relocation.request_sent_late(MOVE, DT(2024, 3, 1, 14, 30, 1)))


class TestValidateTransfer(unittest.TestCase):

    def test_same_district_refused(self):
        """R14: a move inside the same district is no transfer."""
        with self.assertRaises(ValueError) as caught:
            relocation.validate_transfer(7, 7, False)
        self.assertIsInstance(caught.exception, InvalidTransfer)
        self.assertEqual(caught.exception.reason, "same_district")
        self.assertEqual(caught.exception.args[0], "same_district")

    def test_other_district_accepted(self):
        """R14: another district of the city or another region is a transfer."""
        relocation.validate_transfer(7, 8, False)
        relocation.validate_transfer(7, 8, True)

    def test_external_department_without_district(self):
        """R14: a destination outside the database has no district id."""
        relocation.validate_transfer(7, None, True)
        relocation.validate_transfer(7, False, True)
        relocation.validate_transfer(False, False, True)


class TestTransferGuards(unittest.TestCase):
    """R14: what a case's transfers allow, from their states (the case's
    guards, per record and for a page of My work, issue 14)."""

    def test_open_transfer(self):
        for state in ("draft", "requested", "confirmed"):
            self.assertTrue(relocation.has_open_transfer(["done", state]))
        self.assertFalse(relocation.has_open_transfer(["done", "cancelled"]))
        self.assertFalse(relocation.has_open_transfer([]))

    def test_close_in_transfer_needs_a_finished_one(self):
        """R14: a case in transfer closes only after the transfer is done,
        and then only as "transferred"."""
        self.assertEqual(REFUSE("transfer", False, ["requested"]),
                         relocation.CLOSE_TRANSFER_UNFINISHED)
        self.assertIsNone(REFUSE("transfer", False, ["done"]))
        self.assertIsNone(REFUSE("transfer", "transferred", ["done"]))
        self.assertEqual(REFUSE("transfer", "term_expired", ["done"]),
                         relocation.CLOSE_REASON_MISMATCH)

    def test_close_outside_transfer(self):
        """"Transferred" is not a reason for a case that is not in transfer;
        no reason yet is no refusal (the closing asks for it)."""
        self.assertIsNone(REFUSE("supervised", False, []))
        self.assertIsNone(REFUSE("supervised", "term_expired", ["done"]))
        self.assertEqual(REFUSE("supervised", "transferred", ["done"]),
                         relocation.CLOSE_REASON_MISMATCH)

    def test_return_from_transfer(self):
        """R14: only a failed newest transfer returns the case."""
        self.assertTrue(relocation.may_return_from_transfer(["not_found", "done"]))
        self.assertTrue(relocation.may_return_from_transfer(["cancelled"]))
        self.assertFalse(relocation.may_return_from_transfer(["done", "cancelled"]))
        self.assertFalse(relocation.may_return_from_transfer(
            ["requested", "cancelled"]))
        self.assertFalse(relocation.may_return_from_transfer([]))
