"""The ledger's sums per member-year, kept by every writer of entries (migration 0023, issue 17).

`ledger_year_sums` holds, per (enrollment, program year), what the Ledger pane would otherwise
sum over every entry: the credit (entries of a credit kind), the credit applied (entries that
count as `apply`), the latest credit entry's date (a member-year with one after today has credit
committed, not available: read again from its entries) and how many extensions it holds (their
ends are read from the entries). Entries of no program year are kept under year 0.

Every insert into ledger_entries goes through `add_entry` or `add_entries`, which add the
entries' amounts to their rows in the same transaction: an upsert that adds to what is stored
(`x = x + delta`), so two writers at once on PostgreSQL both count, each waiting for the other's
row. Not database triggers: on SQLite a row trigger made the close's bulk insert of 100,000
entries five times slower (0.78 s -> 3.7 s); here the entries are summed in Python and each
member-year gets one upsert. `verify` checks the rows against the entries (verify.kept_sums).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    ForeignKey,
    Integer,
    Table,
    case,
    func,
    insert,
    literal_column,
    select,
)

from app.bulk import bulk_insert
from app.schema import ledger_entries as le
from app.schema import metadata
from models.ledger import CREDIT_KINDS, EntryKind

#: the key of the entries of no program year (program years are numbered from 1)
NO_YEAR = 0

ledger_year_sums = Table(
    "ledger_year_sums",
    metadata,
    Column("enrollment", Integer, ForeignKey("enrollments.id"), primary_key=True, autoincrement=False),
    Column("program_year", Integer, primary_key=True, autoincrement=False),
    Column("credit_cents", BigInteger, nullable=False),
    Column("applied_cents", BigInteger, nullable=False),
    Column("latest_credit_on", Date, nullable=True),
    Column("extensions", Integer, nullable=False),
)
ys = ledger_year_sums
_CREDIT, _APPLY, _EXTEND = frozenset(CREDIT_KINDS), EntryKind.APPLY.value, EntryKind.EXTEND.value

_COLUMNS = ("enrollment", "program_year", "credit_cents", "applied_cents", "latest_credit_on", "extensions")
_LATER = (
    f"CASE WHEN {ys.name}.latest_credit_on IS NULL OR excluded.latest_credit_on > {ys.name}.latest_credit_on"
    f" THEN excluded.latest_credit_on ELSE {ys.name}.latest_credit_on END"
)
_ON_CONFLICT = (
    f" ON CONFLICT (enrollment, program_year) DO UPDATE SET"
    f" credit_cents = {ys.name}.credit_cents + excluded.credit_cents,"
    f" applied_cents = {ys.name}.applied_cents + excluded.applied_cents,"
    f" latest_credit_on = {_LATER}, extensions = {ys.name}.extensions + excluded.extensions"
)
_SQLITE_UPSERT = f"INSERT INTO {ys.name} ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)" + _ON_CONFLICT
_POSTGRES_UPSERT = (
    f"INSERT INTO {ys.name} ({', '.join(_COLUMNS)}) SELECT * FROM unnest(%s::integer[], %s::integer[],"
    " %s::bigint[], %s::bigint[], %s::date[], %s::integer[])" + _ON_CONFLICT
)


def add_entry(conn: Connection, **values) -> int:
    """Insert one ledger entry and add it to its member-year's sums; returns its id."""
    entry = conn.execute(insert(le).values(**values)).inserted_primary_key[0]
    keep(conn, [values])
    return entry


def add_entries(conn: Connection, rows: list[dict]) -> None:
    """Insert these ledger entries (`bulk_insert`) and add them to their member-years' sums."""
    bulk_insert(conn, le, rows)
    keep(conn, rows)


def keep(conn: Connection, entries: Iterable[Mapping]) -> None:
    """Add these entries, just inserted, to their member-years' kept sums: one upsert per
    member-year, in key order (two writers lock shared rows in the same order)."""
    deltas: dict[tuple[int, int], list] = {}
    for entry in entries:
        kind, amount = entry["kind"], entry["amount_cents"]
        key = (entry["enrollment"], entry.get("program_year") or NO_YEAR)
        delta = deltas.get(key)
        if delta is None:
            delta = deltas[key] = [0, 0, None, 0]
        if kind in _CREDIT:
            delta[0] += amount
            day = entry["entry_date"]
            if delta[2] is None or day > delta[2]:
                delta[2] = day
        if entry["counts_as"] == _APPLY:
            delta[1] += amount
        if kind == _EXTEND:
            delta[3] += 1
    if not deltas:
        return
    rows = sorted((*key, *delta) for key, delta in deltas.items())
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_SQLITE_UPSERT, [(*r[:4], r[4] and r[4].isoformat(), r[5]) for r in rows])
    else:
        conn.exec_driver_sql(_POSTGRES_UPSERT, tuple(list(column) for column in zip(*rows, strict=True)))


def recomputed():
    """The rows `ledger_year_sums` should hold, summed from the entries (migration 0023 fills the
    table the same way; verify compares the two)."""
    credit = le.c.kind.in_(CREDIT_KINDS)
    year = func.coalesce(le.c.program_year, literal_column(str(NO_YEAR)))  # one expression, not two parameters
    return select(
        le.c.enrollment.label("enrollment"),
        year.label("program_year"),
        func.sum(case((credit, le.c.amount_cents), else_=0)).label("credit_cents"),
        func.sum(case((le.c.counts_as == EntryKind.APPLY.value, le.c.amount_cents), else_=0)).label("applied_cents"),
        func.max(case((credit, le.c.entry_date), else_=None)).label("latest_credit_on"),
        func.sum(case((le.c.kind == EntryKind.EXTEND.value, 1), else_=0)).label("extensions"),
    ).group_by(le.c.enrollment, le.c.program_year)  # the entries' index order: no sort (NULL is one group)


def refill(conn: Connection) -> None:
    """Sum every member-year's row again from the entries (the benchmarks' databases, written
    straight into the tables, and a repair after verify named a row)."""
    conn.execute(ys.delete())
    conn.execute(insert(ys).from_select(list(_COLUMNS), recomputed()))
