"""A1, R5: the district passport's pure rules."""
from datetime import date, timedelta

from uchaske_rules import passport


def test_a1_as_of_first_january():
    assert passport.as_of(2027) == date(2027, 1, 1)


def test_a1_past_year_locked_from_first_january():
    assert not passport.is_locked(2026, "2026-12-31")
    assert passport.is_locked(2026, date(2027, 1, 1))
    assert not passport.is_locked(2027, date(2027, 1, 1))


def test_a1_entry_stale_after_a_year():
    assert passport.is_stale(None, date(2026, 5, 1))
    assert not passport.is_stale("2025-05-01", date(2026, 5, 1))
    assert passport.is_stale(date(2025, 5, 1), date(2026, 5, 2))


def test_r5_walkthrough_one_month():
    assert passport.walkthrough_due("2026-01-31") == date(2026, 2, 28)
    assert passport.walkthrough_due(date(2026, 3, 15)) == date(2026, 4, 15)


def test_r5_visit_between_appointment_and_today():
    today = date(2026, 3, 20)
    assert passport.visit_date_problem("2026-03-01", "2026-03-02", today) == "before"
    assert passport.visit_date_problem("2026-03-21", "2026-03-02", today) == "future"
    assert passport.visit_date_problem("2026-03-02", "2026-03-02", today) is None


def test_r5_progress():
    assert passport.progress(5, 0) == 0.0
    assert passport.progress(1, 3) == 33.3
    assert passport.progress(10, 4) == 100.0


def test_a1_sum_by_kind():
    counts = passport.sum_by_kind(
        {"bank": 2, "mosque": 1, "other": 4},
        {"bank": "banks", "mosque": "mosques", "church": "churches",
         "jsc": "banks"})
    assert counts == {"banks": 2, "mosques": 1, "churches": 0}
    assert passport.sum_by_kind({"bank": 2, "jsc": 3}, {
        "bank": "banks", "jsc": "banks"}) == {"banks": 5}


def test_a1_count_by_kind():
    """The previous release's addons count from the kinds themselves."""
    counts = passport.count_by_kind(
        ["bank", "bank", "mosque", "other"],
        {"bank": "banks", "mosque": "mosques", "church": "churches"})
    assert counts == {"banks": 2, "mosques": 1, "churches": 0}


def test_a1_stale_before_selects_every_stale_entry():
    """A1: the query's cut-off never leaves out an entry the rule calls
    stale (29 February and the days around a year's end)."""
    start = date(2023, 1, 1)
    for today_offset in range(0, 3 * 366, 7):
        today = start + timedelta(days=today_offset)
        cutoff = passport.stale_before(today)
        for back in range(300, 800):
            confirmed = today - timedelta(days=back)
            if passport.is_stale(confirmed, today):
                assert confirmed < cutoff, (confirmed, today)
    assert passport.stale_before("2025-03-01") == date(2024, 3, 1)
