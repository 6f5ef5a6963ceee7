"""The sums kept per member-year (migration 0023, app/kept_sums.py) equal the entries after every
kind of write (acceptance and its undoing, the close, a restatement, reopening, adjustments,
reversals, reinstatements, extensions, bonus grants, year 2, renewal), on each engine; two writers
at once on PostgreSQL both count; verify names a kept row that drifts."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, update

from app import schema
from app.kept_sums import NO_YEAR, add_entry, keep, ys
from app.services import ledger
from app.services.applications import Decide, ReverseTransitions, decide, reverse_transitions
from app.services.ledger.lifecycle import Bonus, Extend, bonus, extend
from app.services.verify import verify
from models.ledger import CREDIT_KINDS
from tests.app.ledger_helpers import bills, close, members  # noqa: F401

le = schema.ledger_entries


def from_rows(database) -> dict:
    """What each member-year's row should hold, summed in Python from the entries."""
    kept: dict[tuple, list] = {}
    with database.read() as conn:
        for x in conn.execute(select(le)).all():
            row = kept.setdefault((x.enrollment, x.program_year or NO_YEAR), [0, 0, None, 0])
            if x.kind in CREDIT_KINDS:
                row[0] += x.amount_cents
                row[2] = x.entry_date if row[2] is None else max(row[2], x.entry_date)
            row[1] += x.amount_cents if x.counts_as == "apply" else 0
            row[3] += x.kind == "extend"
    return {key: tuple(row) for key, row in kept.items()}


def stored(database) -> dict:
    with database.read() as conn:
        return {(r[0], r[1]): tuple(r[2:]) for r in conn.execute(select(ys)).all()}


def grant_of(database, workspace: str) -> int:
    e = schema.enrollments
    with database.read() as conn:
        return conn.execute(
            select(le.c.id).join(e, e.c.id == le.c.enrollment).where(e.c.workspace == workspace, le.c.kind == "grant")
        ).scalar()


def test_the_kept_sums_equal_the_entries_after_every_kind_of_write(members, write_csv, clock):  # noqa: F811
    steps = []

    def check(step: str) -> None:
        steps.append(step)
        assert stored(members) == from_rows(members), step

    check("acceptances")
    transitions = schema.transitions
    with members.read() as conn:
        accepted = conn.execute(select(func.max(transitions.c.id))).scalar()  # H1, P1, W1 accepted: P1's last
    members.run(reverse_transitions, ReverseTransitions((accepted,), "accepted by mistake"))
    check("acceptance undone")
    members.run(decide, Decide("P1", "accept", on=date(2026, 1, 15)))
    check("accepted again")
    bills(members, write_csv, [(w, m, "3000") for w in ("worked", "half", "partnered") for m in ("2026-01", "2026-02")])
    clock.at = datetime(2026, 3, 2, 12)
    close(members, "2026-01", "2026-02")
    check("closes")
    entry = members.run(ledger.adjust, ledger.Adjust("worked", 250_00, "goodwill", on=date(2026, 2, 3)))
    check("adjustment")
    reversal = members.run(ledger.reverse, ledger.Reverse(entry, "undone by mistake"))
    check("reversal")
    members.run(ledger.reinstate_entry, ledger.ReinstateEntry(reversal, "it was right"))
    check("reinstatement")
    members.run(ledger.reopen_month, ledger.ReopenMonth("2026-02", "undo of the close"))
    check("reopening")
    close(members, "2026-02")
    bills(members, write_csv, [("half", "2026-02", "4000")], "changed.csv")
    close(members, "2026-02", restate=True)
    check("restatement")
    members.run(extend, Extend(grant_of(members, "worked"), date(2027, 3, 31), "goodwill"))
    check("extension")
    members.run(bonus, Bonus("half", 100, date(2026, 3, 1), date(2026, 6, 30), "bridge"))
    check("bonus grant")
    clock.at = datetime(2026, 12, 1, 12)
    members.run(ledger.grant_year_two, ledger.GrantYearTwo("partnered"))
    check("year 2, granted ahead of its anniversary")
    assert members.query(verify) == []
    assert len(steps) == 12


def test_verify_names_a_kept_row_that_differs_from_its_entries(members):  # noqa: F811
    assert members.query(verify) == []
    with members.engine.begin() as conn:
        conn.execute(update(ys).where(ys.c.program_year == 1).values(credit_cents=ys.c.credit_cents + 1))
    breaches = members.query(verify)
    assert sorted(b for b in breaches if "sums kept" in b) == [
        f"{w}: the sums kept for program year 1 differ from its entries" for w in ("half", "partnered", "worked")
    ]


@pytest.mark.parametrize(
    "drift",
    [
        {"applied_cents": ys.c.applied_cents - 1},
        {"extensions": ys.c.extensions + 1},
        {"latest_credit_on": date(2020, 1, 1)},
        {"latest_credit_on": None},
    ],
    ids=["applied", "extensions", "latest credit", "no latest credit"],
)
def test_verify_names_a_kept_row_wrong_in_any_of_its_figures(members, drift):  # noqa: F811
    worked = select(schema.enrollments.c.id).where(schema.enrollments.c.workspace == "worked").scalar_subquery()
    with members.engine.begin() as conn:
        conn.execute(update(ys).where(ys.c.program_year == 1, ys.c.enrollment == worked).values(**drift))
    breaches = [b for b in members.query(verify) if "sums kept" in b]
    assert breaches == ["worked: the sums kept for program year 1 differ from its entries"]


def test_verify_names_a_kept_row_of_a_year_without_entries(members):  # noqa: F811
    from sqlalchemy import insert

    worked = select(schema.enrollments.c.id).where(schema.enrollments.c.workspace == "worked").scalar_subquery()
    with members.engine.begin() as conn:
        row = dict(program_year=7, credit_cents=0, applied_cents=0, latest_credit_on=None, extensions=0)
        conn.execute(insert(ys).values(enrollment=worked, **row))
    assert [b for b in members.query(verify) if "sums kept" in b] == [
        "worked: the sums kept for program year 7 differ from its entries"
    ]


def test_an_entry_written_without_its_sums_is_named_by_verify(members):  # noqa: F811
    from sqlalchemy import insert

    with members.engine.begin() as conn:
        enrollment = conn.execute(select(schema.enrollments.c.id).where(schema.enrollments.c.workspace == "worked"))
        values = dict(
            enrollment=enrollment.scalar(),
            kind="adjust",
            counts_as="adjust",
            entry_date=date(2026, 2, 1),
            amount_cents=5,
            program_year=None,
            reason="around the writers",
            actor="t",
            created_at=datetime(2026, 2, 1),
        )
        conn.execute(insert(le).values(**values))
    assert "worked: the sums kept for its entries of no year differ from its entries" in members.query(verify)
    with members.engine.begin() as conn:
        keep(conn, [values])
    assert members.query(verify) == []


@pytest.mark.postgres
def test_two_writers_at_once_on_postgresql_both_count(members):  # noqa: F811
    if members.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's row locks")
    worked = members.query(
        lambda uow: uow.conn.execute(select(schema.enrollments.c.id).where(schema.enrollments.c.workspace == "worked"))
    ).scalar()
    before = stored(members)[worked, 1]

    def entry(amount: int) -> dict:
        return dict(
            enrollment=worked,
            kind="adjust",
            counts_as="adjust",
            entry_date=date(2026, 2, 1),
            amount_cents=amount,
            program_year=1,
            reason="at once",
            actor="t",
            created_at=datetime(2026, 2, 1),
        )

    first = members.engine.connect()
    first.begin()
    add_entry(first, **entry(-100))  # holds the member-year's row until it commits
    done = threading.Event()

    def second() -> None:
        with members.engine.begin() as conn:
            add_entry(conn, **entry(-50))  # waits for the first writer's row, then adds to what it left
        done.set()

    thread = threading.Thread(target=second)
    thread.start()
    assert not done.wait(0.5)  # it waits on the row, not on its own copy of it
    first.commit()
    first.close()
    thread.join(10)
    assert done.is_set()
    assert stored(members)[worked, 1][0] == before[0] - 150
    assert stored(members) == from_rows(members)


def test_migration_0023_builds_the_kept_sums_from_the_entries_and_its_downgrade_drops_them(
    members,  # noqa: F811
    write_csv,
    database_url,
    tmp_path,
    clock,
):
    from sqlalchemy import inspect

    from app import db
    from app.database import Database
    from tests.app.test_import_duplicates import _downgrade

    bills(members, write_csv, [("worked", "2026-01", "3000"), ("half", "2026-01", "24000")])
    close(members, "2026-01")
    members.run(ledger.adjust, ledger.Adjust("worked", -100, "goodwill", on=date(2026, 2, 3)))
    expected = from_rows(members)
    members.close()
    _downgrade(database_url, "0022")
    engine = db.create(database_url)
    try:
        with engine.connect() as conn:
            assert not inspect(conn).has_table("ledger_year_sums")
            assert conn.execute(select(func.count()).select_from(le)).scalar() > 3  # the entries stay
    finally:
        engine.dispose()
    upgraded = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)
    try:
        assert stored(upgraded) == expected
        assert upgraded.query(verify) == []
    finally:
        upgraded.close()


def test_the_kept_sums_may_be_imported_before_the_schema():
    """A benchmark's builder imports app.kept_sums first: the schema's import of it must not find it half made."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", "import app.kept_sums"], check=True, cwd=root)
