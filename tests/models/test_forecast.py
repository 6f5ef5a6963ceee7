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
