"""The Ledger pane's figures (issue 17's lean pass) against a computation of their own, straight
from the rows, for a small randomized ledger on each engine: every kind of entry, reversals of
each, extensions standing and taken back, bonus and renewal years, a year 2 to come, entries dated
after today and entries without a year, bills present and missing in the pace months."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from app import ledger_queries, schema
from app.kept_sums import add_entry
from app.services.applications import Decide, decide
from models.dates import month_end, parse_month
from models.forecast import RUN_OUT_HORIZON, add_months, forecast_member, month_days, month_label
from models.ledger import CREDIT_KINDS, GrantBalance
from tests.app import test_kept_sums as kept_sums
from tests.importing import import_file

le, py, e, a, b, mc = (
    schema.ledger_entries,
    schema.program_years,
    schema.enrollments,
    schema.applications,
    schema.bills,
    schema.month_closes,
)
MEMBERS = 14
HEADER = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,"
    "previous_discount,workspace,partner_code\n"
)
DAY = timedelta(days=1)


def _fill(database, rng: random.Random) -> None:
    """Members accepted through the service, then random rows straight into the tables."""
    with database.read() as conn:
        rows = conn.execute(select(e.c.id, e.c.workspace, e.c.accepted_on).order_by(e.c.id)).all()
        policy = conn.execute(select(py.c.policy_version)).scalars().first()
    now = datetime(2027, 6, 1)
    with database.engine.begin() as conn:
        conn.execute(
            insert(mc), [{"month": m, "closed_at": now, "actor": "t"} for m in ("2027-02", "2027-03", "2027-04")]
        )

        def entry(enrollment, kind, day, amount, year, month=None, counts_as=None, **more):
            values = dict(
                enrollment=enrollment,
                kind=kind,
                counts_as=counts_as or kind,
                entry_date=day,
                amount_cents=amount,
                program_year=year,
                month=month,
                reason="random",
                actor="t",
                created_at=now,
            )
            return add_entry(conn, **values, **more)  # as every writer does: the kept sums follow

        def year(enrollment, number, start, end, renewal=False, bonus=False, priority=50):
            conn.execute(
                insert(py).values(
                    enrollment=enrollment,
                    number=number,
                    valid_from=start,
                    valid_until=end,
                    credit_cents=0,
                    renewal=renewal,
                    bonus=bonus,
                    priority=priority,
                    policy_version=policy,
                    decided_by="t",
                    decided_at=now,
                )
            )

        for enrollment, workspace, accepted in rows:
            first_end = accepted.replace(year=accepted.year + 1) - DAY
            made = []  # (id, kind, amount, year, month) that a reversal may cancel
            if rng.random() < 0.6:  # a year 2, some to come (committed), some running
                start = first_end + DAY
                year(enrollment, 2, start, start.replace(year=start.year + 1) - DAY)
                day = start if rng.random() < 0.7 else date(2027, 6, 15) + timedelta(days=rng.randrange(1, 40))
                made.append((entry(enrollment, "grant", day, 2_500_000, 2), "grant", 2_500_000, 2, None))
            if rng.random() < 0.4:  # a bonus grant, drawn first or last
                start = date(2027, rng.randrange(1, 7), 1)
                year(
                    enrollment,
                    1001,
                    start,
                    start + timedelta(days=rng.randrange(30, 400)),
                    bonus=True,
                    priority=rng.choice((0, 100)),
                )
                amount = rng.randrange(1, 5) * 100_000
                made.append((entry(enrollment, "grant", start, amount, 1001), "grant", amount, 1001, None))
            if rng.random() < 0.25:  # a renewal year with its discounts
                year(enrollment, 3, date(2027, 1, 1), date(2027, 12, 31), renewal=True)
                for month in ("2027-03", "2027-04"):
                    amount = -rng.randrange(100, 90_000)
                    entry_id = entry(enrollment, "discount", month_end(*parse_month(month)), amount, 3, month)
                    made.append((entry_id, "discount", amount, 3, month))
            for month in ("2027-01", "2027-02", "2027-03", "2027-04"):
                if rng.random() < 0.8:
                    amount = rng.randrange(1_000, 400_000)
                    if rng.random() < 0.9:
                        conn.execute(
                            insert(b).values(workspace=workspace, month=month, amount_cents=amount, imported_at=now)
                        )
                    number = rng.choice((1, 1, 2, 1001))
                    draw = -rng.randrange(0, amount + 1)
                    entry_id = entry(enrollment, "apply", month_end(*parse_month(month)), draw, number, month)
                    made.append((entry_id, "apply", draw, number, month))
            for _ in range(rng.randrange(0, 3)):  # adjustments, back-dated, today, later, or of no year
                day = date(2027, 6, 15) + timedelta(days=rng.randrange(-200, 30))
                amount = rng.randrange(-50_000, 50_000)
                number = rng.choice((1, 2, None))
                made.append((entry(enrollment, "adjust", day, amount, number), "adjust", amount, number, None))
            if rng.random() < 0.3:
                day = rng.choice((first_end, date(2027, 5, 1)))
                amount = -rng.randrange(0, 300_000)
                made.append((entry(enrollment, "expire", day, amount, 1, "2027-04"), "expire", amount, 1, "2027-04"))
            for _ in range(rng.randrange(0, 3)):  # extensions of year 1, the latest standing or not
                until = first_end + timedelta(days=rng.randrange(1, 300))
                made.append(
                    (entry(enrollment, "extend", date(2027, 5, 2), 0, 1, extended_until=until), "extend", 0, 1, None)
                )
            for original, kind, amount, number, month in rng.sample(made, k=min(len(made), rng.randrange(0, 3))):
                entry(
                    enrollment, "reverse", date(2027, 5, 20), -amount, number, month, counts_as=kind, reverses=original
                )


def _expected(database, today: date) -> list[tuple]:
    """Each member's figures from its rows, by the definitions of SPEC 4 and 10 as ledger_queries states them."""
    with database.read() as conn:
        entries = conn.execute(select(le)).all()
        years = conn.execute(select(py).order_by(py.c.id)).all()
        bills = conn.execute(select(b.c.workspace, b.c.month, b.c.amount_cents)).all()
        last = conn.execute(select(mc.c.month).order_by(mc.c.month.desc())).scalars().first()
        members = conn.execute(
            select(e.c.id, e.c.workspace, a.c.company, a.c.partner_code, e.c.status)
            .join(a, a.c.id == e.c.application)
            .order_by(e.c.workspace)
        ).all()
    reversed_ids = {x.reverses for x in entries if x.reverses is not None}
    extension: dict[tuple, date] = {}
    for x in entries:
        if x.kind == "extend" and x.id not in reversed_ids:
            key = (x.enrollment, x.program_year)
            extension[key] = max(extension.get(key, x.extended_until), x.extended_until)
    after = parse_month(last)
    pace_months = {month_label(add_months(after, -n)) for n in range(3)}
    calendar = month_days(after, RUN_OUT_HORIZON)
    cut = date(after[0], after[1], 1) - DAY
    expected = []
    for enrollment, workspace, company, partner, status in members:
        mine = [x for x in entries if x.enrollment == enrollment]
        credit = [x for x in mine if x.kind in CREDIT_KINDS]
        available = sum(x.amount_cents for x in credit if x.entry_date <= today)
        committed = sum(x.amount_cents for x in credit if x.entry_date > today)
        own = sorted((y for y in years if y.enrollment == enrollment and not y.bonus), key=lambda y: y.number)
        until = {
            y.number: extension.get((enrollment, y.number), y.valid_until) for y in years if y.enrollment == enrollment
        }
        running = [y for y in own if y.valid_from <= today <= until[y.number]]
        started = [y for y in own if y.valid_from <= today]
        current = running[0] if running else started[-1] if started else own[0] if own else None
        used = -sum(
            x.amount_cents for x in mine if x.counts_as == "apply" and current and x.program_year == current.number
        )
        expires = until[current.number] + DAY if current is not None and not current.renewal else None
        recent = [amount for w, month, amount in bills if w == workspace and month in pace_months]
        pace = sum(recent) // len(recent) if recent else 0
        applied = sum(x.amount_cents for x in mine if x.month == last and x.counts_as in ("apply", "discount"))
        billed = [amount for w, month, amount in bills if w == workspace and month == last]
        grants = []
        for y in years:
            left = sum(x.amount_cents for x in credit if x.program_year == y.number)
            if y.enrollment != enrollment or y.renewal or left <= 0 or (y.valid_until < cut and until[y.number] < cut):
                continue
            grants.append(GrantBalance(y.number, y.valid_from, until[y.number], left, y.priority))
        forecast = forecast_member(grants, pace, after, 1, calendar)
        expected.append(
            (
                enrollment,
                workspace,
                company,
                partner,
                status,
                current.number if current is not None else None,
                available,
                committed,
                used,
                expires,
                pace,
                billed[0] + applied if billed else 0,
                month_end(*forecast.run_out) if forecast.run_out else None,
                month_end(*forecast.first_full_bill) if forecast.first_full_bill else None,
            )
        )
    return expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_pane_figures_equal_a_computation_of_their_own_from_the_rows(database, write_csv, seed):
    rng = random.Random(seed)
    rows = "".join(
        f"R{n},2026-0{1 + n % 9}-10,Company {n},c{n}@company{n}.io,GB,2025-06-01,100000,no,ws-{n:02d},\n"
        for n in range(MEMBERS)
    )
    import_file(database, write_csv(HEADER + rows, "apps.csv"))
    for n in range(MEMBERS):
        database.run(decide, Decide(f"R{n}", "accept", on=date(2026, 1 + n % 9, 12 + n % 5)))
    _fill(database, rng)
    assert kept_sums.stored(database) == kept_sums.from_rows(database)  # what the pane reads, kept by the writes
    today = database.query(lambda uow: uow.today)
    expected = _expected(database, today)
    members, totals = database.query(ledger_queries.ledger_overview)
    assert [tuple(m) for m in members] == expected
    assert (totals.liability, totals.committed) == (sum(x[6] for x in expected), sum(x[7] for x in expected))
    # the whole pane, one member at a time and the figures of a few: the same rows
    assert database.query(ledger_queries.member_summaries) == members
    some = [m.enrollment for m in members[::3]]
    assert database.query(ledger_queries.member_summaries, some) == [m for m in members if m.enrollment in some]
    assert database.query(ledger_queries.program_totals) == totals
