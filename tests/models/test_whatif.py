from datetime import date

import pytest

from models.errors import InvalidInput
from models.whatif import PolicyChange, credit_of, reevaluated

PASSING = ("pass", "pass", "pass", "pass")


def test_a_lower_funding_cap_fails_what_raised_more_and_keeps_the_other_rules():
    change = PolicyChange(funding_cap=300_000_000)
    assert reevaluated(change, PASSING, date(2026, 1, 10), date(2025, 1, 1), 300_000_001, "GB") == (
        "ineligible",
        ("pass", "fail", "pass", "pass"),
    )
    assert reevaluated(change, PASSING, date(2026, 1, 10), date(2025, 1, 1), 300_000_000, "GB")[0] == "eligible"
    # funding not given stays unknown
    assert reevaluated(change, ("pass", "unknown", "pass", "pass"), date(2026, 1, 10), None, None, "GB")[0] == (
        "incomplete"
    )


def test_a_longer_age_limit_passes_an_older_company_by_calendar_arithmetic():
    change = PolicyChange(max_age_years=3)
    failing = ("fail", "pass", "pass", "pass")
    assert reevaluated(change, failing, date(2026, 1, 10), date(2023, 1, 11), 1, "GB")[0] == "eligible"
    assert reevaluated(change, failing, date(2026, 1, 10), date(2023, 1, 10), 1, "GB")[0] == "ineligible"  # exactly 3


def test_a_territory_list_decides_territory_only_and_a_previous_discount_still_fails():
    change = PolicyChange(territories=frozenset({"DE"}))
    assert reevaluated(change, PASSING, date(2026, 1, 10), None, 1, "GB")[1][2] == "fail"
    declared = ("pass", "pass", "fail", "fail")
    assert reevaluated(change, declared, date(2026, 1, 10), None, 1, "DE") == (
        "ineligible",
        ("pass", "pass", "pass", "fail"),
    )


def test_a_members_credit_comes_from_the_override_then_the_partner_then_the_annual_credit():
    partners = {"yc": 5_000_000, "plain": None}
    assert credit_of("yc", partners, 2_500_000, {}) == 5_000_000
    assert credit_of("yc", partners, 2_500_000, {"yc": 7_500_000}) == 7_500_000
    assert credit_of("plain", partners, 3_000_000, {}) == 3_000_000
    assert credit_of("", partners, 3_000_000, {}) == 3_000_000


def test_nonsense_changes_are_refused():
    with pytest.raises(InvalidInput):
        PolicyChange(funding_cap=-1)
    with pytest.raises(InvalidInput):
        PolicyChange(max_age_years=0)
