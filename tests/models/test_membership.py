"""Membership rules: year 2's window and start, renewal, status changes, partner credit, rule 4's note."""

from datetime import date

import pytest

from models.errors import RuleRefused
from models.ledger import program_year
from models.membership import Member, MemberStatus, member_credit, prior_enrollment_note, status_change_note
from models.partners import Partner, PartnerKind, PartnerStatus

YEAR_ONE = program_year("acme", 1, date(2026, 1, 15), 2_500_000)


def member(status=MemberStatus.ACTIVE, *years):
    return Member("acme", status, years or (YEAR_ONE,))


def test_year_two_opens_sixty_days_before_the_anniversary_and_is_valid_from_it():
    with pytest.raises(RuleRefused, match="from 2026-11-16"):
        member().next_year(date(2026, 11, 15), 2, 2_500_000, 60)
    year = member().next_year(date(2026, 11, 16), 2, 2_500_000, 60)
    assert (year.number, year.valid_from, year.valid_until) == (2, date(2027, 1, 15), date(2028, 1, 14))


def test_the_window_is_the_policy_s_setting():
    assert member().next_year(date(2026, 10, 1), 2, 100, 120).valid_from == date(2027, 1, 15)


def test_year_two_is_refused_after_the_program_years_and_for_a_member_who_is_not_active():
    two = member(MemberStatus.ACTIVE, YEAR_ONE, program_year("acme", 2, date(2027, 1, 15), 1))
    with pytest.raises(RuleRefused, match="already had 2 program years"):
        two.next_year(date(2027, 12, 1), 2, 1, 60)
    with pytest.raises(RuleRefused, match="graduated: no further program year"):
        member(MemberStatus.GRADUATED).next_year(date(2026, 12, 1), 2, 1, 60)


def test_a_renewal_waits_for_the_credit_to_be_used_or_to_expire():
    with pytest.raises(RuleRefused, match="still has 10.00 of credit until 2027-01-14"):
        member().renewal_year(date(2026, 6, 1), 1_000)
    used_up = member().renewal_year(date(2026, 6, 1), 0)  # offered now, it follows the year it renews
    assert (used_up.number, used_up.valid_from, used_up.renewal, used_up.credit) == (2, date(2027, 1, 15), True, 0)
    assert member().renewal_year(date(2027, 3, 1), 1_000).valid_from == date(2027, 3, 1)  # expired since


def test_only_graduation_and_its_undoing_change_a_status_directly():
    assert "no longer qualifies" in status_change_note("acme", MemberStatus.ACTIVE, MemberStatus.GRADUATED)
    assert "active again" in status_change_note("acme", MemberStatus.GRADUATED, MemberStatus.ACTIVE)
    with pytest.raises(RuleRefused, match="acme is renewal, not active"):
        status_change_note("acme", MemberStatus.RENEWAL, MemberStatus.GRADUATED)


def test_only_an_active_partner_s_amount_is_its_members_credit():
    partner = Partner("yc", "Y Combinator", PartnerKind.ACCELERATOR, PartnerStatus.ACTIVE, 5_000_000)
    assert member_credit(partner, 2_500_000) == 5_000_000
    assert member_credit(Partner("yc", "YC", PartnerKind.ACCELERATOR, PartnerStatus.INACTIVE, 5_000_000), 1) == 1
    assert member_credit(Partner("yc", "YC", PartnerKind.ACCELERATOR, PartnerStatus.ACTIVE, None), 7) == 7
    assert member_credit(None, 2_500_000) == 2_500_000


def test_rule_four_names_the_workspace_first_then_a_company_domain():
    holders = {"acme.io": "acme"}
    assert prior_enrollment_note("acme", ["acme.io"], lambda w: w == "acme", holders.get) == (
        "workspace acme already holds or held a program enrollment"
    )
    assert prior_enrollment_note("new", ["", "acme.io"], lambda w: False, holders.get) == (
        "acme.io already holds or held a program enrollment (workspace acme)"
    )
    assert prior_enrollment_note("", ["other.io"], lambda w: False, holders.get) is None
