"""Importing the billing system's usage: one Team plan bill per workspace and month (SPEC 7)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select, update

from app import schema
from app.bulk import bulk_insert
from app.importing.applications import ImportReport, RowError
from app.importing.mapping import Mapping, resolve
from app.importing.tabular import FileRefused, read_table
from models.dates import parse_month
from models.errors import InvalidInput
from models.money import display, parse_usd

TARGETS = ("workspace", "month", "amount_usd")
ALIASES = {
    "workspace_slug": "workspace",
    "period": "month",
    "billing_month": "month",
    "amount": "amount_usd",
    "bill": "amount_usd",
    "total_usd": "amount_usd",
}


def import_usage(
    conn: Connection, path: Path | str, mapping: Mapping | None, actor: str, now: datetime, strict: bool = False
) -> ImportReport:
    report = ImportReport()
    table = read_table(path, mapping.encoding if mapping else None, mapping.delimiter if mapping else None)
    readers = resolve(mapping, table.header, TARGETS, ALIASES)
    missing = [t for t in TARGETS if t not in readers]
    if missing:
        raise FileRefused(
            f"required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} not found (the file has: {', '.join(table.header)})"
        )
    members = set(conn.execute(select(schema.enrollments.c.workspace)).scalars())
    closed = set(conn.execute(select(schema.month_closes.c.month)).scalars())
    existing = {
        (w, m): amount
        for w, m, amount in conn.execute(
            select(schema.bills.c.workspace, schema.bills.c.month, schema.bills.c.amount_cents)
        )
    }
    fresh: dict[tuple[str, str], dict] = {}
    changed: list[tuple[str, str, int]] = []
    for number, cells in table.rows:
        report.rows += 1
        workspace, month_text, amount_text = (readers[t](cells).strip() for t in TARGETS)
        errors = []
        if workspace.lower() not in members:
            errors.append(
                RowError(
                    number,
                    "workspace",
                    f"{workspace!r} is not a member workspace" if workspace else "required, but blank",
                )
            )
        try:
            year, month_number = parse_month(month_text)
            month = f"{year:04d}-{month_number:02d}"
        except InvalidInput as exc:
            errors.append(RowError(number, "month", str(exc)))
        try:
            amount = parse_usd(amount_text) if amount_text else None
            if amount is None:
                errors.append(RowError(number, "amount_usd", "required, but blank"))
            elif amount < 0:
                errors.append(RowError(number, "amount_usd", f"{amount_text!r}: a bill cannot be negative"))
        except InvalidInput as exc:
            errors.append(RowError(number, "amount_usd", str(exc)))
        if errors:
            report.invalid.extend(errors)
            continue
        key = (workspace.lower(), month)
        if key in fresh:
            if fresh[key]["amount_cents"] != amount:
                report.invalid.append(
                    RowError(number, "amount_usd", f"a second, different bill for {workspace} in {month}")
                )
            else:
                report.duplicates += 1
            continue
        if key in existing:
            if existing[key] == amount:
                report.duplicates += 1
            else:
                changed.append((key[0], month, amount))
                report.bills_changed.append((key[0], month, existing[key], amount))
                if month in closed:
                    report.restatements.append(f"{key[0]} {month}: {display(existing[key])} → {display(amount)}")
            continue
        fresh[key] = {
            "workspace": key[0],
            "month": month,
            "amount_cents": amount,
            "settled_cents": None,
            "import_batch": None,
            "imported_at": now,
        }
    if strict and report.invalid:
        return report
    bulk_insert(conn, schema.bills, list(fresh.values()))
    for workspace, month, amount in changed:
        conn.execute(
            update(schema.bills)
            .where(schema.bills.c.workspace == workspace, schema.bills.c.month == month)
            .values(amount_cents=amount, imported_at=now)
        )
    report.imported = len(fresh) + len(changed)
    report.bills_added = [(r["workspace"], r["month"], r["amount_cents"]) for r in fresh.values()]
    return report
