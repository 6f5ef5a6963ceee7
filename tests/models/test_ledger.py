from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from models.dates import month_end
from models.ledger import GrantBalance, apply_credit, expiring, program_year, settle_bill


def year_one(remaining=2_500_000):
    return GrantBalance(1, date(2026, 1, 15), date(2027, 1, 14), remaining)


def test_a_grant_is_valid_from_acceptance_to_the_day_before_the_anniversary():
    year = program_year("acme", 1, date(2026, 1, 15), 2_500_000)
    assert (year.valid_from, year.valid_until, year.expires_on) == (
        date(2026, 1, 15),
        date(2027, 1, 14),
        date(2027, 1, 15),
    )


def test_a_grant_accepted_on_29_february_ends_on_27_february():
    year = program_year("leap", 1, date(2028, 2, 29), 100)
    assert year.valid_until == date(2029, 2, 27)


def test_the_spec_worked_example_month_by_month():
    remaining = 2_500_000
    rows = []
    for month, bill in [(1, 100_000)] + [(m, 400_000) for m in range(2, 9)]:
        outcome = settle_bill([year_one(remaining)], bill, month_end(2026, month))
        remaining -= outcome.applied
        rows.append((month, outcome.applied, outcome.due, remaining))
    assert rows[0] == (1, 100_000, 0, 2_400_000)
    assert rows[6] == (7, 400_000, 0, 0)
    assert rows[7] == (8, 0, 400_000, 0)


def test_a_member_billed_500_a_month_has_19000_left_which_expires_on_the_anniversary():
    remaining = 2_500_000
    for month in range(1, 13):
        remaining -= settle_bill([year_one(remaining)], 50_000, month_end(2026, month)).applied
    assert remaining == 1_900_000
    assert expiring([year_one(remaining)], date(2027, 1, 14)) == []
    assert expiring([year_one(remaining)], date(2027, 1, 31))[0].remaining == 1_900_000
    # the 2027-01 bill falls under year 2 only
    assert apply_credit([year_one(remaining)], 50_000, date(2027, 1, 31)) == ()
    year_two = GrantBalance(2, date(2027, 1, 15), date(2028, 1, 14), 2_500_000)
    assert apply_credit([year_one(remaining), year_two], 50_000, date(2027, 1, 31)) == ((2, 50_000),)


def test_credit_is_drawn_from_the_grant_that_expires_first():
    early = GrantBalance(1, date(2026, 1, 1), date(2026, 6, 30), 1_000)
    late = GrantBalance(2, date(2026, 3, 1), date(2027, 2, 28), 5_000)
    assert apply_credit([late, early], 3_000, date(2026, 4, 30)) == ((1, 1_000), (2, 2_000))


def test_a_renewal_year_discounts_what_credit_leaves_of_the_bill():
    outcome = settle_bill([], 1_001, date(2028, 3, 31), Decimal("0.5"))
    assert (outcome.applied, outcome.discount, outcome.due) == (0, 501, 500)


grants = st.lists(
    st.builds(
        GrantBalance,
        st.integers(1, 5),
        st.dates(date(2026, 1, 1), date(2026, 6, 30)),
        st.dates(date(2026, 7, 1), date(2027, 6, 30)),
        st.integers(0, 3_000_000),
    ),
    max_size=4,
)


@given(grants, st.integers(0, 5_000_000), st.dates(date(2026, 1, 1), date(2027, 12, 31)))
def test_credit_never_exceeds_the_bill_nor_what_a_grant_holds(balances, bill, on):
    draws = apply_credit(balances, bill, on)
    assert sum(amount for _, amount in draws) <= bill
    for year, amount in draws:
        assert amount > 0
        assert amount <= sum(
            g.remaining for g in balances if g.program_year == year and g.valid_from <= on <= g.valid_until
        )


def test_the_lowest_balance_from_a_day_counts_every_later_day_not_only_the_end():
    from models.ledger import lowest_balance_from

    jan, feb, nov = date(2026, 1, 31), date(2026, 2, 28), date(2026, 11, 27)
    entries = [(date(2026, 1, 15), 2_500_000), (jan, -1_249_202), (feb, -1_249_202), (nov, 1_249_202)]
    # the end stands at 1,250,798, but on 28 February only 1,596 was left
    assert lowest_balance_from(entries, date(2026, 1, 15)) == (1_596, feb)
    assert lowest_balance_from(entries, date(2026, 3, 1)) == (1_596, date(2026, 3, 1))  # from the day itself
    assert lowest_balance_from(entries, nov) == (1_250_798, nov)
    assert lowest_balance_from([], jan) == (0, jan)


def test_a_bonus_of_priority_0_is_drawn_before_an_earlier_expiring_program_year():
    year_one = GrantBalance(1, date(2026, 1, 15), date(2027, 1, 14), 2_500_000)
    bonus = GrantBalance(1001, date(2026, 3, 1), date(2027, 6, 30), 100_000, priority=0)
    assert apply_credit([year_one, bonus], 400_000, date(2026, 3, 31)) == ((1001, 100_000), (1, 300_000))


def test_a_bonus_of_priority_100_is_drawn_only_after_the_program_years():
    year_one = GrantBalance(1, date(2026, 1, 15), date(2027, 1, 14), 200_000)
    bonus = GrantBalance(1001, date(2026, 1, 1), date(2026, 12, 31), 100_000, priority=100)
    assert apply_credit([bonus, year_one], 250_000, date(2026, 3, 31)) == ((1, 200_000), (1001, 50_000))


def test_an_extended_grant_is_valid_to_its_latest_extension_only():
    from models.ledger import effective_until

    assert effective_until(date(2027, 1, 14), []) == date(2027, 1, 14)
    assert effective_until(date(2027, 1, 14), [date(2027, 3, 31), date(2027, 6, 30)]) == date(2027, 6, 30)
    extended = GrantBalance(1, date(2026, 1, 15), effective_until(date(2027, 1, 14), [date(2027, 3, 31)]), 1_000)
    assert apply_credit([extended], 5_000, date(2027, 2, 28)) == ((1, 1_000),)
    assert apply_credit([extended], 5_000, date(2027, 4, 30)) == ()


prioritised = st.lists(
    st.builds(
        GrantBalance,
        st.integers(1, 1005),
        st.dates(date(2026, 1, 1), date(2026, 6, 30)),
        st.dates(date(2026, 7, 1), date(2027, 6, 30)),
        st.integers(0, 3_000_000),
        st.sampled_from([0, 10, 50, 50, 90, 100]),
    ),
    max_size=5,
    unique_by=lambda g: g.program_year,
)


def test_the_drawn_credit_is_min_of_bill_and_valid_balance_by_priority_then_earliest_expiry():
    from hypothesis import settings

    drew = []

    @settings(max_examples=300, deadline=None)
    @given(prioritised, st.integers(0, 5_000_000), st.dates(date(2026, 1, 1), date(2027, 9, 30)))
    def check(balances, bill, on):
        draws = apply_credit(balances, bill, on)
        valid = [g for g in balances if g.valid_from <= on <= g.valid_until and g.remaining > 0]
        drawn = sum(amount for _, amount in draws)
        assert drawn == min(bill, sum(g.remaining for g in valid))
        # the draws are the valid grants in order of priority, then expiry: every one but the
        # last emptied, nothing taken from a grant after a grant that was not emptied
        order = sorted(valid, key=lambda g: (g.priority, g.valid_until, g.program_year))
        assert [year for year, _ in draws] == [g.program_year for g in order[: len(draws)]]
        for grant, (_, amount) in zip(order, draws[:-1]):
            assert amount == grant.remaining
        if draws:
            drew.append(len(draws))

    check()
    assert len(drew) >= 50, f"only {len(drew)} examples drew any credit"
    assert any(count > 1 for count in drew), "no example drew from more than one grant"
