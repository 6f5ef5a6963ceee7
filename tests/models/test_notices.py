from datetime import date

from models.notices import GrantUse, NoticeKind, due_notices, expiry_band, used_band


def grant(used=0, remaining=2_500_000, credit=2_500_000, last_day=date(2027, 1, 14)):
    return GrantUse(1, "program year 1", credit, used, remaining, date(2026, 1, 15), last_day)


def test_used_notices_are_due_in_their_band_only():
    assert [used_band(10_000, u) for u in (0, 4_999, 5_000, 7_499, 7_500, 9_999, 10_000)] == [
        None,
        None,
        50,
        50,
        75,
        75,
        100,
    ]
    assert used_band(0, 0) is None


def test_expiry_notices_are_due_90_30_and_0_days_before_the_last_day():
    assert [expiry_band(d) for d in (120, 91, 90, 31, 30, 1, 0, -1)] == [None, None, 90, 90, 30, 30, 0, None]


def test_a_notice_is_made_once_per_grant_and_threshold():
    half_used = grant(used=1_300_000, remaining=1_200_000)
    first = due_notices("acme", half_used, date(2026, 7, 1), set())
    assert [(n.kind, n.threshold) for n in first] == [(NoticeKind.USED, 50)]
    assert "acme has used 50 % of the credit of its program year 1 (13,000.00 of 25,000.00)" in first[0].text
    assert due_notices("acme", half_used, date(2026, 8, 1), {("used", 50)}) == []


def test_credit_left_30_days_before_the_last_day_gets_the_30_day_notice_not_a_late_90_day_one():
    notices = due_notices("acme", grant(used=500_000, remaining=2_000_000), date(2026, 12, 25), set())
    assert [(n.kind, n.threshold) for n in notices] == [(NoticeKind.EXPIRY, 30)]
    assert "20,000.00 of credit of the program year 1 of acme expires after 2027-01-14 (20 days from now)" in (
        notices[0].text
    )


def test_no_expiry_notice_without_credit_left_and_none_outside_the_grant():
    spent = grant(used=2_500_000, remaining=0)
    assert [(n.kind, n.threshold) for n in due_notices("acme", spent, date(2027, 1, 14), set())] == [
        (NoticeKind.USED, 100)
    ]
    assert due_notices("acme", grant(), date(2027, 1, 15), set()) == []
    assert due_notices("acme", grant(), date(2026, 1, 1), set()) == []
