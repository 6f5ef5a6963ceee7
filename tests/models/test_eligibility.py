from datetime import date

import pytest

from models.applications import Application, Eligibility
from models.eligibility import Outcome, evaluate
from models.errors import InvalidInput
from models.policy import Policy

POLICY = Policy(version=3, effective_from=date(2020, 1, 1), eligible_territories=frozenset({"GB", "US", "DE"}))


def make(**fields) -> Application:
    base = dict(
        submitted_on=date(2026, 3, 10),
        company="Acme",
        contact_email="ada@acme.io",
        country="GB",
        incorporated_on=date(2025, 1, 1),
        total_funding=100_000_00,
        previous_discount=False,
    )
    base.update(fields)
    return Application(**base)


def test_a_company_incorporated_exactly_two_years_before_applying_fails_age():
    verdict = evaluate(make(incorporated_on=date(2024, 3, 10)), POLICY)
    assert verdict.outcome("age") == Outcome.FAIL
    assert verdict.eligibility == Eligibility.INELIGIBLE


def test_a_company_one_day_younger_than_two_years_passes_age():
    verdict = evaluate(make(incorporated_on=date(2024, 3, 11)), POLICY)
    assert verdict.outcome("age") == Outcome.PASS
    assert "2024-03-11, 1 year 11 months before application" in verdict.results[0].reason


def test_29_february_minus_two_years_is_28_february():
    applied = date(2028, 2, 29)
    assert (
        evaluate(make(submitted_on=applied, incorporated_on=date(2026, 2, 28)), POLICY).outcome("age") == Outcome.FAIL
    )
    assert evaluate(make(submitted_on=applied, incorporated_on=date(2026, 3, 1)), POLICY).outcome("age") == Outcome.PASS


def test_incorporation_after_the_application_date_is_invalid_input():
    with pytest.raises(InvalidInput, match="after the application date"):
        evaluate(make(incorporated_on=date(2026, 3, 11)), POLICY)


def test_missing_incorporation_date_makes_age_unknown_and_the_application_incomplete():
    verdict = evaluate(make(incorporated_on=None), POLICY)
    assert verdict.outcome("age") == Outcome.UNKNOWN
    assert verdict.eligibility == Eligibility.INCOMPLETE


def test_exactly_five_million_passes_and_one_cent_more_fails():
    assert evaluate(make(total_funding=5_000_000_00), POLICY).outcome("funding") == Outcome.PASS
    over = evaluate(make(total_funding=5_000_000_01), POLICY)
    assert over.outcome("funding") == Outcome.FAIL
    assert "5,000,000.01" in over.results[1].reason


def test_funding_in_another_currency_without_usd_value_is_unknown():
    verdict = evaluate(make(total_funding=None, funding_currency="EUR"), POLICY)
    assert verdict.outcome("funding") == Outcome.UNKNOWN
    assert "EUR" in verdict.results[1].reason


def test_a_country_outside_the_list_fails_territory_and_names_the_list_version():
    verdict = evaluate(make(country="IR"), POLICY)
    assert verdict.outcome("territory") == Outcome.FAIL
    assert "list v1" in verdict.results[2].reason


def test_a_declared_previous_discount_fails():
    assert evaluate(make(previous_discount=True), POLICY).outcome("previous_discount") == Outcome.FAIL


def test_a_prior_enrollment_on_record_fails_even_when_the_applicant_declares_none():
    verdict = evaluate(make(previous_discount=False), POLICY, prior="acme.io already held an enrollment")
    assert verdict.outcome("previous_discount") == Outcome.FAIL
    assert verdict.failed[0].reason == "acme.io already held an enrollment"


def test_an_undeclared_previous_discount_with_no_record_is_unknown():
    assert evaluate(make(previous_discount=None), POLICY).outcome("previous_discount") == Outcome.UNKNOWN


def test_all_rules_passing_is_eligible_and_records_the_policy_version():
    verdict = evaluate(make(), POLICY)
    assert verdict.eligibility == Eligibility.ELIGIBLE
    assert verdict.policy_version == 3


def test_a_fail_outweighs_an_unknown():
    verdict = evaluate(make(incorporated_on=None, country="KP"), POLICY)
    assert verdict.eligibility == Eligibility.INELIGIBLE


def test_an_import_screens_every_combination_exactly_as_evaluate_decides():
    # The import's batch screen and evaluate() must never disagree: across the
    # edges of SPEC 2 (two years to the day, 29 February, exactly 5,000,000.00),
    # unknowns, currencies, territories and prior enrollments, and two policies.
    from itertools import product

    from models.eligibility import Screen
    from models.policy import PolicyBook

    later = Policy(
        version=4,
        effective_from=date(2025, 1, 1),
        max_age_years=3,
        max_funding=1_000_000_00,
        eligible_territories=frozenset({"GB"}),
    )
    book = PolicyBook([POLICY, later])
    screen = Screen(book)
    applied_days = [date(2024, 2, 29), date(2024, 3, 10), date(2026, 3, 10)]
    checked = 0
    for applied, years_before, funding, country, declared, prior in product(
        applied_days,
        [None, 0, 1, 2, 3],
        [(None, None), (None, "EUR"), (5_000_000_00, None), (5_000_000_01, None), (1_000_000_01, None)],
        ["GB", "US", "KP"],
        [None, False, True],
        [None, "acme.io already held an enrollment"],
    ):
        incorporated = None
        if years_before is not None:
            incorporated = applied if years_before == 0 else date(applied.year - years_before, applied.month, 28)
            if (applied.month, applied.day) != (2, 29):
                incorporated = incorporated.replace(day=applied.day)
        app = make(
            submitted_on=applied,
            incorporated_on=incorporated,
            total_funding=funding[0],
            funding_currency=funding[1],
            country=country,
            previous_discount=declared,
        )
        policy = book.in_force(applied)
        verdict = evaluate(app, policy, prior)
        stored, version = screen.outcomes(applied, incorporated, funding[0], country, declared, prior)
        expected = (verdict.eligibility.value, *(r.outcome.value for r in verdict.results))
        assert (stored, version) == (expected, verdict.policy_version), app
        checked += 1
    assert checked == 3 * 5 * 5 * 3 * 3 * 2
