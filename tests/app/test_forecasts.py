"""Forecasts through their use case, on SQLite and PostgreSQL (SPEC 10)."""

from datetime import date

from app.services.ledger.forecasts import Forecast, forecast
from app.services.ledger.lifecycle import Bonus, bonus
from tests.app.ledger_helpers import bills, close
from tests.app.test_lifecycle import on, read


def test_a_member_with_a_constant_bill_is_forecast_to_run_out_in_the_right_month(members, write_csv, clock):
    # the worked example: 1,000 in January, then 4,000 a month; after March 16,000 is left
    bills(
        members,
        write_csv,
        [("worked", "2026-01", "1000"), ("worked", "2026-02", "4000"), ("worked", "2026-03", "4000")],
    )
    on(clock, date(2026, 4, 2))
    close(members, "2026-01", "2026-02", "2026-03")
    result = read(members, forecast, Forecast("worked"))
    worked = result["members"][0]
    # the pace is the mean of the last three bills, 3,000.00: 16,000 lasts April to August and 1,000 of September
    assert (worked["pace"], worked["balance"]) == (300_000, 1_600_000)
    assert (worked["run_out"], worked["first_full_bill"]) == ("2026-09", "2026-10")
    assert result["from"] == "2026-04"


def test_the_program_forecast_by_partner_counts_credit_applied_and_breakage(members, write_csv, clock):
    bills(members, write_csv, [("half", f"2026-{m:02d}", "500") for m in range(1, 13)])
    on(clock, date(2027, 1, 2))
    close(members, *[f"2026-{m:02d}" for m in range(1, 13)])
    result = read(members, forecast, Forecast(months=12))
    rows = {(r["month"], r["partner"]): (r["applied"], r["expiring"]) for r in result["program"]}
    # nothing can be applied in 2027-01: every year 1 ends on 2027-01-14, before the bill; what is left expires
    assert rows == {("2027-01", ""): (0, 1_900_000 + 2_500_000), ("2027-01", "yc"): (0, 5_000_000)}
    half = next(m for m in result["members"] if m["workspace"] == "half")
    assert (half["run_out"], half["first_full_bill"]) == (None, "2027-01")


def test_the_forecast_counts_a_bonus_drawn_first(members, write_csv, clock):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    on(clock, date(2026, 2, 2))
    close(members, "2026-01")
    members.run(bonus, Bonus("worked", 150_000, date(2026, 2, 1), date(2026, 3, 31), "bridge", priority=0))
    result = read(members, forecast, Forecast("worked", months=3))
    assert [(r["month"], r["applied"], r["expiring"]) for r in result["program"]] == [
        ("2026-02", 100_000, 0),
        ("2026-03", 100_000, 0),
        ("2026-04", 100_000, 0),
    ]
    assert result["members"][0]["balance"] == 2_400_000 + 150_000


def test_the_program_alone_adds_up_to_the_same_months_as_every_members_forecast(members, write_csv, clock):
    """The chart and the workbook read the program without members' rows: one-grant members in closed form
    (direct and through a partner), a member with a bonus beside its year walked month by month, a grant
    ending inside the forecast (breakage)."""
    bills(
        members,
        write_csv,
        [
            (ws, f"2026-{m:02d}", amount)
            for m in range(1, 4)
            for ws, amount in (("worked", "1000"), ("half", "500"), ("partnered", "2000"))
        ],
    )
    on(clock, date(2026, 4, 2))
    close(members, "2026-01", "2026-02", "2026-03")
    members.run(bonus, Bonus("worked", 150_000, date(2026, 4, 1), date(2026, 6, 30), "bridge", priority=0))
    every = read(members, forecast, Forecast(months=14))
    alone = read(members, forecast, Forecast(months=14, members=False))
    assert alone["members"] == [] and len(every["members"]) == 3
    assert alone["program"] == every["program"]
    assert {row["partner"] for row in every["program"]} == {"", "yc"}
    assert any(row["expiring"] for row in every["program"]), "a grant ends within the fourteen months"
