# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of the report meetings (R27, R31, R32)."""
from datetime import date

from uchaske_rules import meetings


def test_notice_ten_calendar_days_before():
    """R27: told on the 10th for a meeting on the 20th is in time; the 11th
    is not."""
    assert meetings.notice_given([date(2026, 11, 10)], date(2026, 11, 20))
    assert not meetings.notice_given([date(2026, 11, 11)], date(2026, 11, 20))
    assert meetings.notice_given(
        [date(2026, 11, 11), "2026-11-01"], "2026-11-20")
    assert not meetings.notice_given([], date(2026, 11, 20))
    assert not meetings.notice_given([date(2026, 11, 1)], None)


def test_signed_same_day():
    """R32: signed on the meeting day."""
    assert meetings.signed_in_time("2026-11-20", "2026-11-20")
    assert not meetings.signed_in_time("2026-11-20", "2026-11-21")


def test_purge_after_one_year_not_before():
    """R32: materials kept one year; nothing removed early."""
    assert meetings.purge_due("2025-11-20") == date(2026, 11, 20)
    assert not meetings.is_purge_due("2025-11-20", "2026-11-19")
    assert meetings.is_purge_due("2025-11-20", "2026-11-20")
    assert meetings.purge_due("2024-02-29") == date(2025, 2, 28)
    assert not meetings.purge_ready(None, "2026-11-20")
    assert not meetings.purge_ready("2026-11-20", "2026-11-26")
    assert meetings.purge_ready("2026-11-20", "2026-11-27")


def test_item_done_by_outcome():
    """R31, R32: forwarded needs the body, document AND the notice."""
    assert meetings.item_done("answered", answer="Done")
    assert not meetings.item_done("answered")
    assert meetings.item_done("check", check_done=True)
    assert not meetings.item_done("forwarded", body="Akimat",
                                  document_number="1", document_date="x")
    assert meetings.item_done("forwarded", body="Akimat", document_number="1",
                              document_date="x", notified_date="y",
                              notified_method="phone")
    assert not meetings.item_done(False)
    assert meetings.quarter_label("2026-11-20") == "2026 Q4"
