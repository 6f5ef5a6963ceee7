"""The deal rules of SPEC 5, without a database."""

from datetime import date

import pytest

from models.deals import Deal, DealRefused, RequestStatus, check_partner_transition, check_request_transition
from models.errors import TransitionRefused

DEAL = Deal("Acme Analytics", "Free year", valid_from=date(2026, 1, 1), valid_until=date(2026, 12, 31), capacity=2)


def test_a_deal_is_approved_only_while_active_within_validity_and_below_capacity():
    DEAL.check_approval(date(2026, 6, 1), taken=1)
    DEAL.check_approval(date(2026, 12, 31), taken=0)  # the last valid day counts
    with pytest.raises(DealRefused, match="full \\(2 of 2 taken\\)"):
        DEAL.check_approval(date(2026, 6, 1), taken=2)
    with pytest.raises(DealRefused, match="expired on 2026-12-31"):
        DEAL.check_approval(date(2027, 1, 1), taken=0)
    with pytest.raises(DealRefused, match="valid only from 2026-01-01"):
        DEAL.check_approval(date(2025, 12, 31), taken=0)
    retired = Deal("Acme Analytics", "Old", active=False)
    with pytest.raises(DealRefused, match="retired"):
        retired.check_approval(date(2026, 6, 1), taken=0)


def test_unlimited_deals_never_fill_and_remaining_counts_down():
    assert Deal("P", "T").remaining(10_000) is None
    Deal("P", "T").check_approval(date(2030, 1, 1), taken=10_000)
    assert DEAL.remaining(1) == 1 and DEAL.remaining(5) == 0


@pytest.mark.parametrize(
    "current,target",
    [
        (RequestStatus.REQUESTED, RequestStatus.FULFILLED),  # not before approval
        (RequestStatus.DECLINED, RequestStatus.APPROVED),
        (RequestStatus.FULFILLED, RequestStatus.DECLINED),
        (RequestStatus.APPROVED, RequestStatus.APPROVED),
    ],
)
def test_requests_follow_requested_approved_fulfilled_or_declined(current, target):
    with pytest.raises(TransitionRefused):
        check_request_transition(current, target, "a reason")


def test_declining_needs_a_reason_and_only_approval_reveals_the_code():
    with pytest.raises(TransitionRefused, match="needs a reason"):
        check_request_transition(RequestStatus.REQUESTED, RequestStatus.DECLINED, " ")
    check_request_transition(RequestStatus.APPROVED, RequestStatus.FULFILLED, "")
    assert [s.reveals_code for s in RequestStatus] == [False, True, True, False]
    assert [s.is_open for s in RequestStatus] == [True, True, False, False]


def test_partner_status_moves_and_reasons():
    check_partner_transition("applied", "active", "")
    with pytest.raises(TransitionRefused, match="needs a reason"):
        check_partner_transition("applied", "inactive", "")
    with pytest.raises(TransitionRefused, match="cannot become applied"):
        check_partner_transition("active", "applied", "x")
