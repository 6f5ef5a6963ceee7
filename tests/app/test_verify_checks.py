"""`verify` names the breaches its one pass per grant finds, and only re-reads the entries for those."""

from datetime import date

from sqlalchemy import insert, select, update

from app import schema
from app.clock import utcnow
from app.kept_sums import add_entry
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
        add_entry(
            uow.conn,
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
        add_entry(
            uow.conn, kind="adjust", counts_as="adjust", entry_date=date(2026, 2, 1), amount_cents=-3_000_000, **common
        )
        add_entry(
            uow.conn, kind="adjust", counts_as="adjust", entry_date=date(2026, 2, 2), amount_cents=3_000_000, **common
        )
        uow.commit()
    breaches = members.query(verify)
    assert any(
        "worked: program year 1 is at" in b and "at the end of 2026-02-01: credit below zero" in b for b in breaches
    )


def _entry(uow, **values) -> int:
    common = {"actor": "mallory", "reason": "tampered", "created_at": utcnow(), "program_year": 1}
    return add_entry(uow.conn, **{**common, **values})


def test_verify_names_entries_counted_as_another_kind_even_when_they_look_ordinary(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    with members.unit_of_work() as uow:
        worked = _worked(uow)
        grant = uow.conn.execute(select(le.c.id).where(le.c.enrollment == worked, le.c.kind == "grant")).scalar()
        # credit applied but counted as an adjustment: the month's totals would miss it
        miscounted = _entry(
            uow, enrollment=worked, kind="apply", counts_as="adjust", entry_date=date(2026, 3, 2), amount_cents=-5
        )
        # an ordinary-looking credit applied that points at the grant as if it reversed it
        pointing = _entry(
            uow,
            enrollment=worked,
            kind="apply",
            counts_as="apply",
            entry_date=date(2026, 3, 3),
            amount_cents=-7,
            reverses=grant,
        )
        uow.commit()
    breaches = members.query(verify)
    assert f"entry {miscounted} counts as adjust, but the apply it cancels (or is) says otherwise" in breaches
    assert f"entry {pointing} counts as apply, but the grant it cancels (or is) says otherwise" in breaches
    assert not any("half" in b or "partnered" in b for b in breaches), breaches


def test_verify_names_a_reversal_of_a_reversal_and_an_extension_that_ends_no_later(members, write_csv):
    from app.services import ledger

    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    taken = members.run(ledger.adjust, ledger.Adjust("half", -50_000, "billing credit note", on=date(2026, 2, 3)))
    reversal = members.run(ledger.reverse, ledger.Reverse(taken, "wrong member"))
    with members.unit_of_work() as uow:
        half = uow.conn.execute(select(e.c.id).where(e.c.workspace == "half")).scalar()
        grant = uow.conn.execute(select(le.c.id).where(le.c.enrollment == half, le.c.kind == "grant")).scalar()
        until = uow.conn.execute(select(py.c.valid_until).where(py.c.enrollment == half, py.c.number == 1)).scalar()
        again = _entry(
            uow,
            enrollment=half,
            kind="reverse",
            counts_as="adjust",
            entry_date=date(2026, 2, 5),
            amount_cents=-50_000,
            reverses=reversal,
        )
        shorter = _entry(
            uow,
            enrollment=half,
            kind="extend",
            counts_as="extend",
            entry_date=date(2026, 2, 6),
            amount_cents=0,
            extends_entry=grant,
            extended_until=until,
        )
        uow.commit()
    breaches = members.query(verify)
    assert any(
        b.startswith(f"entry {again} reverses entry {reversal} (reverse) but does not cancel it") for b in breaches
    )
    assert f"entry {shorter} (half) extends a grant valid until {until} to {until}, which is not later" in breaches
    assert not any("worked" in b or "partnered" in b for b in breaches), breaches


def test_verify_names_credit_applied_before_a_grant_began(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000"), ("half", "2026-01", "20")])
    close(members, "2026-01")
    with members.unit_of_work() as uow:
        uow.conn.execute(
            update(py).where(py.c.enrollment == _worked(uow), py.c.number == 1).values(valid_from=date(2026, 2, 1))
        )
        uow.commit()
    breaches = members.query(verify)
    assert any("(worked): credit applied on 2026-01-31 from year 1, valid 2026-02-01 to" in b for b in breaches), (
        breaches
    )
    assert not any("half" in b for b in breaches), breaches


def test_verify_names_a_month_whose_close_counts_a_bill_of_no_member(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    assert members.query(verify) == []
    with members.unit_of_work() as uow:  # a bill of a workspace that is no member: the export leaves it out
        uow.conn.execute(
            insert(schema.bills).values(
                workspace="stranger", month="2026-01", amount_cents=9_900, settled_cents=9_900, imported_at=utcnow()
            )
        )
        uow.commit()
    breaches = members.query(verify)
    assert breaches == [
        "2026-01: the billing adjustments and the close disagree (bills 1,000.00 vs 1,099.00, due 0.00 vs 99.00)"
    ]


def test_an_extension_carrying_no_day_is_named_and_leaves_the_grant_its_own(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    with members.unit_of_work() as uow:
        worked = _worked(uow)
        grant = uow.conn.execute(select(le.c.id).where(le.c.enrollment == worked, le.c.kind == "grant")).scalar()
        until = uow.conn.execute(select(py.c.valid_until).where(py.c.enrollment == worked, py.c.number == 1)).scalar()
        made = _entry(
            uow,
            enrollment=worked,
            kind="extend",
            counts_as="extend",
            entry_date=date(2026, 2, 1),
            amount_cents=0,
            extends_entry=grant,
        )
        uow.commit()
    assert members.query(verify) == [
        f"entry {made} (worked) extends a grant valid until {until} to None, which is not later"
    ]
