"""The Ledger pane reads the sums the writers keep (issue 17): the grants' last days and the
program's liability come out of `member_figures`. On the demo, with an extension standing and
one reversed, each equals what its own query over the ledger answers."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import ledger_queries, ledger_sums, schema
from app.demo import LoadDemo, load_demo
from app.grant_validity import last_valid_day
from app.services.ledger.corrections import Reverse, reverse
from app.services.ledger.lifecycle import Extend, extend
from models.errors import RuleRefused

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


@pytest.mark.parametrize("few", [500, 0], ids=["extensions looked up", "extensions in one pass"])
def test_last_days_and_liability_from_the_kept_sums_equal_their_own_queries(demo, few, monkeypatch):
    monkeypatch.setattr(ledger_sums, "_FEW_EXTENDED", few)

    def compare(uow):
        conn = uow.conn
        figures = ledger_sums.member_figures(conn, uow.today, ledger_queries.last_closed_month(conn))
        years = conn.execute(select(py.c.enrollment, py.c.number, py.c.valid_until).order_by(py.c.id)).all()
        ours = {(y.enrollment, y.number): figures.ends.get((y.enrollment, y.number)) or y.valid_until for y in years}
        theirs = dict(
            ((row[0], row[1]), row[2]) for row in conn.execute(select(py.c.enrollment, py.c.number, last_valid_day()))
        )
        assert ours == theirs
        assert len(figures.ends) == 1  # one extension stands, the other was reversed
        assert ledger_queries.program_totals(uow, figures.totals) == ledger_queries.program_totals(uow)
        assert len(ledger_queries.member_summaries(uow)) > 5
        return figures

    assert demo.query(compare)
