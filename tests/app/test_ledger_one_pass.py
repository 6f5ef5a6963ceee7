"""The Ledger pane reads the entries once (issue 17): grant balances, the grants' last days and the
program's liability come out of `year_sums`' one GROUP BY. On the demo, with an extension
standing and one reversed, each equals what its own query over the ledger answers."""

from collections import defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app import ledger_queries, ledger_sums, schema
from app.demo import LoadDemo, load_demo
from app.grant_validity import last_valid_day
from app.services.ledger.common import grant_balances
from app.services.ledger.corrections import Reverse, reverse
from app.services.ledger.lifecycle import Extend, extend
from models.errors import RuleRefused
from models.ledger import GrantBalance

le, py = schema.ledger_entries, schema.program_years


@pytest.fixture
def demo(database):
    database.run(load_demo, LoadDemo())
    with database.read() as conn:
        grants = conn.execute(
            select(le.c.id, py.c.valid_until)
            .join(py, (py.c.enrollment == le.c.enrollment) & (py.c.number == le.c.program_year))
            .where(le.c.kind == "grant")
            .order_by(le.c.id)
        ).all()
    extended = 0
    for grant, until in grants:  # the first two grants still running with credit left
        try:
            database.run(extend, Extend(grant, until + timedelta(days=90), "a late start"))
        except RuleRefused:
            continue
        extended += 1
        if extended == 2:
            break
    assert extended == 2
    with database.read() as conn:
        last = conn.execute(select(le.c.id).where(le.c.kind == "extend").order_by(le.c.id.desc())).scalar()
    database.run(reverse, Reverse(last, "extended by mistake"))
    return database


def grants_from(years, sums, on_or_after: date) -> dict[int, list[GrantBalance]]:
    """`grant_balances` as the one pass has it: each grant's balance its entries' sum (available and
    committed), its last day its latest standing extension, else its own."""
    day = on_or_after - timedelta(days=1)
    balances: dict[int, list[GrantBalance]] = defaultdict(list)
    for y in years:
        f = sums.get((y.enrollment, y.number))
        until = (f[4] if f is not None else None) or y.valid_until
        if y.renewal or (y.valid_until < day and until < day):
            continue
        remaining = f[0] + f[1] if f is not None else 0
        balances[y.enrollment].append(GrantBalance(y.number, y.valid_from, until, remaining, y.priority))
    return balances


@pytest.mark.parametrize("few", [500, 0], ids=["extensions looked up", "extensions in one pass"])
def test_grant_balances_and_last_days_from_the_one_pass_equal_their_own_queries(demo, few, monkeypatch):
    monkeypatch.setattr(ledger_sums, "_FEW_EXTENDED", few)

    def compare(uow):
        conn = uow.conn
        last = ledger_queries.last_closed_month(conn)
        sums = ledger_sums.year_sums(conn, uow.today, last)
        years = conn.execute(
            select(
                py.c.enrollment, py.c.number, py.c.valid_from, py.c.valid_until, py.c.renewal, py.c.priority
            ).order_by(py.c.id)
        ).all()
        extended = {key: f[4] for key, f in sums.items() if f[4] is not None}
        ours = {(y.enrollment, y.number): extended.get((y.enrollment, y.number)) or y.valid_until for y in years}
        theirs = dict(
            ((row[0], row[1]), row[2]) for row in conn.execute(select(py.c.enrollment, py.c.number, last_valid_day()))
        )
        assert ours == theirs
        assert len(extended) == 1  # one extension stands, the other was reversed
        for day in (date(2000, 1, 1), uow.today, date(2099, 1, 1)):
            assert grants_from(years, sums, day) == grant_balances(conn, None, day)
        assert ledger_queries.program_totals(uow, sums) == ledger_queries.program_totals(uow)
        figures = ledger_sums.member_figures(conn, uow.today, last)
        assert ledger_queries.program_totals(uow, figures.totals) == ledger_queries.program_totals(uow)
        assert figures.ends == extended  # the extensions standing, read per member as per member-year
        assert len(ledger_queries.member_summaries(uow)) > 5
        return sums

    assert demo.query(compare)
