"""The run-out forecast in months and cents: no floats, no 30.44-day months."""

from datetime import date

from models.forecast import add_months, average_bill, run_out


def test_months_add_across_years():
    assert add_months((2026, 11), 3) == (2027, 2)
    assert add_months((2026, 1), -1) == (2025, 12)


def test_a_constant_bill_runs_the_credit_out_in_the_month_it_takes_the_last_cent():
    # 25,000.00 drawn by 4,000.00 a month from February: 6 bills take 24,000.00, the 7th the rest (August)
    forecast = run_out(2_500_000, 400_000, (2026, 1), date(2027, 1, 15))
    assert forecast.run_out == (2026, 8) and forecast.first_full_bill == (2026, 9)


def test_an_exact_multiple_runs_out_with_the_bill_that_takes_it_all():
    assert run_out(1_200_000, 400_000, (2026, 1), None).run_out == (2026, 4)


def test_credit_that_expires_first_does_not_run_out_and_the_first_bill_after_expiry_is_full():
    # 500.00 a month leaves 19,000.00 after December; it expires on 2027-01-15, before the January bill
    forecast = run_out(1_900_000, 50_000, (2026, 12), date(2027, 1, 15))
    assert forecast.run_out is None and forecast.first_full_bill == (2027, 1)


def test_no_bills_no_forecast_and_no_credit_means_the_next_bill_is_full():
    assert run_out(100, 0, (2026, 1), None).run_out is None
    assert run_out(0, 100, (2026, 1), None).first_full_bill == (2026, 2)
    assert average_bill([300, 301, 302]) == 301 and average_bill([]) == 0


def test_the_projection_steps_down_a_bill_at_a_time_and_drops_to_zero_at_expiry():
    from models.forecast import projection

    assert projection(1_000_000, 400_000, (2026, 1), None) == [
        (date(2026, 1, 31), 1_000_000),
        (date(2026, 2, 28), 600_000),
        (date(2026, 3, 31), 200_000),
        (date(2026, 4, 30), 0),
    ]
    expiring = projection(1_900_000, 50_000, (2026, 11), date(2027, 1, 15))
    assert expiring[-3:] == [(date(2026, 12, 31), 1_850_000), (date(2027, 1, 15), 1_850_000), (date(2027, 1, 15), 0)]


def year(number, start, until, remaining, priority=50):
    from models.ledger import GrantBalance

    return GrantBalance(number, start, until, remaining, priority)


def test_the_member_forecast_of_a_constant_bill_names_the_month_the_credit_runs_out():
    from models.forecast import forecast_member

    # the worked example after January: 24,000.00 left, 4,000.00 a month, runs out with the July bill
    forecast = forecast_member([year(1, date(2026, 1, 15), date(2027, 1, 14), 2_400_000)], 400_000, (2026, 1), 12)
    assert (forecast.run_out, forecast.first_full_bill) == ((2026, 7), (2026, 8))
    assert forecast.months[5] == ((2026, 7), 400_000, 0) and forecast.months[6] == ((2026, 8), 0, 0)
    assert sum(applied for _, applied, _ in forecast.months) == 2_400_000


def test_the_member_forecast_agrees_with_the_single_grant_run_out():
    from models.forecast import forecast_member

    for balance, pace in [(2_500_000, 400_000), (1_200_000, 400_000), (1_900_000, 50_000), (0, 100), (7, 3)]:
        grant = year(1, date(2026, 1, 15), date(2027, 1, 14), balance)
        single = run_out(balance, pace, (2026, 1), grant.expires_on)
        forecast = forecast_member([grant], pace, (2026, 1), 12)
        assert (forecast.run_out, forecast.first_full_bill) == (single.run_out, single.first_full_bill)


def test_credit_left_at_expiry_is_forecast_as_breakage_in_the_month_it_expires():
    from models.forecast import forecast_member

    forecast = forecast_member([year(1, date(2026, 1, 15), date(2027, 1, 14), 1_900_000)], 50_000, (2026, 12), 3)
    assert forecast.months == (((2027, 1), 0, 1_900_000), ((2027, 2), 0, 0), ((2027, 3), 0, 0))
    assert (forecast.run_out, forecast.first_full_bill) == (None, (2027, 1))


def test_a_bonus_of_priority_0_and_a_later_year_two_are_forecast_in_drawing_order():
    from models.forecast import forecast_member

    grants = [
        year(1, date(2026, 1, 15), date(2027, 1, 14), 500_000),
        year(1001, date(2026, 1, 1), date(2027, 6, 30), 300_000, priority=0),
        year(2, date(2027, 1, 15), date(2028, 1, 14), 2_500_000),
    ]
    forecast = forecast_member(grants, 400_000, (2026, 10), 6)
    # Nov: 3,000 bonus + 1,000 year 1; Dec: the rest of year 1 (4,000); Jan: year 2 pays from its start
    assert [applied for _, applied, _ in forecast.months] == [400_000, 400_000, 400_000, 400_000, 400_000, 400_000]
    # year 2's 25,000.00 pays January to June and 1,000.00 of July; August is the first full bill
    assert (forecast.run_out, forecast.first_full_bill) == ((2027, 7), (2027, 8))


def test_the_program_plan_agrees_with_walking_the_months_for_one_grant_or_many():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from models.forecast import RUN_OUT_HORIZON, forecast_member, month_days, plan
    from models.ledger import GrantBalance

    after, months = (2026, 3), 12
    calendar = month_days(after, months + RUN_OUT_HORIZON)
    lasts = [last for _, _, last in calendar]
    grant = st.builds(
        GrantBalance,
        st.integers(1, 3),
        st.dates(date(2025, 6, 1), date(2027, 6, 30)),
        st.dates(date(2026, 1, 1), date(2028, 6, 30)),
        st.integers(0, 3_000_000),
        st.sampled_from([0, 50, 100]),
    ).filter(lambda g: g.valid_from <= g.valid_until)
    seen = []

    @settings(max_examples=400, deadline=None)
    @given(st.lists(grant, max_size=3, unique_by=lambda g: g.program_year), st.integers(0, 500_000))
    def check(grants, pace):
        walked = forecast_member(grants, pace, after, months, calendar)
        planned = plan(grants, pace, months, calendar, lasts)
        applied = [0] * months
        expired = [0] * months
        for start, stop, amount in planned.applied:
            for n in range(start, stop):
                applied[n] += amount
        for n, amount in planned.expired:
            expired[n] += amount
        assert [(a, x) for _, a, x in walked.months] == list(zip(applied, expired))
        label = {n: month for n, (month, _, _) in enumerate(calendar)}
        assert label.get(planned.run_out) == walked.run_out
        assert label.get(planned.first_full_bill) == walked.first_full_bill
        if any(applied) and len(grants) == 1:
            seen.append(1)

    check()
    assert len(seen) > 50


def test_many_single_grants_add_up_to_each_members_plan():
    import random
    from datetime import date as day
    from datetime import timedelta

    from models.forecast import grant_indices, many_single_grants, month_days, plan
    from models.ledger import GrantBalance

    rng = random.Random(3)
    calendar = month_days((2026, 12), 12 + 60)
    lasts = [last for _, _, last in calendar]
    grants, applied, expiring = [], [0] * 12, [0] * 12
    for _ in range(400):
        start = day(2026, 6, 1) + timedelta(days=rng.randrange(0, 600))
        until = start + timedelta(days=rng.choice([30, 200, 364, 700]))
        credit, pace = rng.choice([0, 1, 250_000, 2_500_000]), rng.choice([0, 7, 100_000, 400_000, 3_000_000])
        grants.append((*grant_indices(lasts, start, until), credit, pace))
        outcome = plan([GrantBalance(2, start, until, credit)], pace, 12, calendar, lasts)
        for begin, stop, amount in outcome.applied:
            for index in range(begin, stop):
                applied[index] += amount
        for index, amount in outcome.expired:
            expiring[index] += amount
    assert many_single_grants(grants, 12) == (applied, expiring)
    assert sum(applied) and sum(expiring)
