"""`verify` names the breaches its one pass per grant finds, and only re-reads the entries for those."""

from datetime import date

from sqlalchemy import insert, select, update

from app import schema
from app.clock import utcnow
from app.services.verify import verify
from tests.app.ledger_helpers import bills, close

le, py, e = schema.ledger_entries, schema.program_years, schema.enrollments


def _worked(uow) -> int:
    return uow.conn.execute(select(e.c.id).where(e.c.workspace == "worked")).scalar()


def test_a_consistent_ledger_has_no_breach(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000"), ("half", "2026-01", "20")])
    close(members, "2026-01")
    assert members.query(verify) == []


def test_verify_names_a_wrong_sign_an_expiry_missing_and_credit_applied_after_the_grant_ended(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    with members.unit_of_work() as uow:
        worked = _worked(uow)
        # an expiry that gives credit instead of taking it
        uow.conn.execute(
            insert(le).values(
                enrollment=worked,
                kind="expire",
                counts_as="expire",
                entry_date=date(2026, 1, 20),
                amount_cents=500,
                program_year=1,
                actor="mallory",
                reason="tampered",
                created_at=utcnow(),
            )
        )
        # year 1 said to have ended before the January close: its January credit came too late,
        # and what it still holds was never expired
        uow.conn.execute(
            update(py).where(py.c.enrollment == worked, py.c.number == 1).values(valid_until=date(2026, 1, 16))
        )
        uow.commit()
    breaches = members.query(verify)
    assert any("a expire of 5.00 has the wrong sign" in b for b in breaches), breaches
    assert any("(worked): credit applied on 2026-01-31 from year 1" in b for b in breaches), breaches
    assert any(
        "worked: program year 1 ended 2026-01-16 but still holds" in b and "(expiry missing)" in b for b in breaches
    ), breaches
    assert not any("half" in b or "partnered" in b for b in breaches), breaches


def test_a_correction_up_that_leaves_an_earlier_day_below_zero_is_named(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    with members.unit_of_work() as uow:
        worked = _worked(uow)
        common = {"enrollment": worked, "program_year": 1, "actor": "mallory", "reason": "x", "created_at": utcnow()}
        uow.conn.execute(
            insert(le).values(
                kind="adjust", counts_as="adjust", entry_date=date(2026, 2, 1), amount_cents=-3_000_000, **common
            )
        )
        uow.conn.execute(
            insert(le).values(
                kind="adjust", counts_as="adjust", entry_date=date(2026, 2, 2), amount_cents=3_000_000, **common
            )
        )
        uow.commit()
    breaches = members.query(verify)
    assert any(
        "worked: program year 1 is at" in b and "at the end of 2026-02-01: credit below zero" in b for b in breaches
    )
