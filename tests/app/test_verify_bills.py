"""`verify`'s check of credit within bills: every member-month of credit and discount against its bill,
whether the bill was settled as billed or not, and a discount measured together with the credit."""

from datetime import date

from sqlalchemy import insert, select, update

from app import schema
from app.clock import utcnow
from app.services.verify import verify
from tests.app.ledger_helpers import bills, close

le, e, b = schema.ledger_entries, schema.enrollments, schema.bills

OVER = "of credit and discount on a bill of"


def _member(uow, workspace: str) -> int:
    return uow.conn.execute(select(e.c.id).where(e.c.workspace == workspace)).scalar()


def _entry(uow, workspace: str, **values) -> int:
    common = {"actor": "mallory", "reason": "tampered", "created_at": utcnow(), "program_year": 1}
    row = {"enrollment": _member(uow, workspace), **common, **values}
    return uow.conn.execute(insert(le).values(**row)).inserted_primary_key[0]


def _closed_january(members, write_csv) -> None:
    bills(members, write_csv, [("worked", "2026-01", "1000"), ("half", "2026-01", "20")])
    close(members, "2026-01")
    assert members.query(verify) == []


def _over(breaches: list[str]) -> list[str]:
    return [breach for breach in breaches if OVER in breach]


def test_credit_applied_twice_to_a_bill_is_named_with_both_figures(members, write_csv):
    _closed_january(members, write_csv)
    with members.unit_of_work() as uow:
        day = {"entry_date": date(2026, 1, 31), "month": "2026-01"}
        _entry(uow, "worked", kind="apply", counts_as="apply", amount_cents=-1, **day)
        uow.commit()
    assert _over(members.query(verify)) == [f"worked 2026-01: 1,000.01 {OVER} 1,000.00"]


def test_a_discount_that_only_with_the_credit_exceeds_the_bill_is_named(members, write_csv):
    """The bill of 1,000.00 was given 1,000.00 of credit; 5.00 of discount on top is each alone within it."""
    _closed_january(members, write_csv)
    with members.unit_of_work() as uow:
        day = {"entry_date": date(2026, 1, 31), "month": "2026-01"}
        _entry(uow, "worked", kind="discount", counts_as="discount", amount_cents=-500, **day)
        uow.commit()
    assert _over(members.query(verify)) == [f"worked 2026-01: 1,005.00 {OVER} 1,000.00"]


def test_credit_on_a_month_with_no_bill_is_named(members, write_csv):
    _closed_january(members, write_csv)
    with members.unit_of_work() as uow:
        _entry(
            uow,
            "half",
            kind="apply",
            counts_as="apply",
            amount_cents=-700,
            entry_date=date(2026, 2, 28),
            month="2026-02",
        )
        uow.commit()
    assert _over(members.query(verify)) == [f"half 2026-02: 7.00 {OVER} 0.00"]


def test_credit_above_what_the_close_settled_of_a_bill_billing_changed_since_is_named(members, write_csv):
    """The bill still says 1,000.00, but the close settled 500.00 of it: the credit is measured by that."""
    _closed_january(members, write_csv)
    with members.unit_of_work() as uow:
        uow.conn.execute(update(b).where(b.c.workspace == "worked").values(settled_cents=50_000))
        uow.commit()
    breaches = members.query(verify)
    assert _over(breaches) == [f"worked 2026-01: 1,000.00 {OVER} 500.00"]
    assert "worked 2026-01: billing says 1,000.00 but the close settled 500.00: restate 2026-01" in breaches


def test_a_bill_lowered_after_the_close_wants_a_restatement_not_a_breach_of_credit(members, write_csv):
    _closed_january(members, write_csv)
    with members.unit_of_work() as uow:
        uow.conn.execute(update(b).where(b.c.workspace == "worked").values(amount_cents=40_000))
        uow.commit()
    assert members.query(verify) == [
        "worked 2026-01: billing says 400.00 but the close settled 1,000.00: restate 2026-01"
    ]


def test_credit_taken_back_by_a_reversal_is_within_the_bill(members, write_csv):
    _closed_january(members, write_csv)
    with members.unit_of_work() as uow:
        day = {"entry_date": date(2026, 1, 31), "month": "2026-01"}
        extra = _entry(uow, "worked", kind="apply", counts_as="apply", amount_cents=-2_500, **day)
        _entry(uow, "worked", kind="reverse", counts_as="apply", amount_cents=2_500, reverses=extra, **day)
        uow.commit()
    assert _over(members.query(verify)) == []


def test_every_member_month_above_its_bill_is_named_once(members, write_csv):
    """Several breaches in several months, of credit and of discount: each member-month once."""
    bills(members, write_csv, [("worked", "2026-01", "1000"), ("half", "2026-01", "20"), ("worked", "2026-02", "10")])
    close(members, "2026-01", "2026-02")
    with members.unit_of_work() as uow:
        for workspace, month, day, kind in (
            ("worked", "2026-01", date(2026, 1, 31), "apply"),
            ("worked", "2026-01", date(2026, 1, 31), "discount"),
            ("half", "2026-01", date(2026, 1, 31), "discount"),
            ("worked", "2026-02", date(2026, 2, 28), "discount"),
        ):
            _entry(uow, workspace, kind=kind, counts_as=kind, amount_cents=-100, entry_date=day, month=month)
        uow.commit()
    assert _over(members.query(verify)) == [
        f"half 2026-01: 21.00 {OVER} 20.00",
        f"worked 2026-01: 1,002.00 {OVER} 1,000.00",
        f"worked 2026-02: 11.00 {OVER} 10.00",
    ]
