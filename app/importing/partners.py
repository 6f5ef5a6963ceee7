"""Importing the partner registry (SPEC 7: code, name, kind, status, annual_credit_usd)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, insert, select

from app import schema
from app.importing.applications import ImportReport, RowError
from app.importing.mapping import Mapping, resolve
from app.importing.tabular import FileRefused, read_table
from models.errors import InvalidInput
from models.money import parse_usd
from models.partners import PartnerKind, PartnerStatus

TARGETS = ("code", "name", "kind", "status", "annual_credit_usd", "contact")
ALIASES = {
    "partner_code": "code",
    "partner": "name",
    "partner_name": "name",
    "type": "kind",
    "annual_credit": "annual_credit_usd",
    "email": "contact",
}


def import_partners(
    conn: Connection,
    path: Path | str,
    mapping: Mapping | None,
    now: datetime,
    strict: bool = False,
    actor: str = "import",
) -> ImportReport:
    report = ImportReport()
    table = read_table(path, mapping.encoding if mapping else None, mapping.delimiter if mapping else None)
    readers = resolve(mapping, table.header, TARGETS, ALIASES)
    for column in ("code", "name", "kind"):
        if column not in readers:
            raise FileRefused(f"required column {column} not found (the file has: {', '.join(table.header)})")
    existing = set(conn.execute(select(schema.partners.c.code)).scalars())
    records = []
    for number, cells in table.rows:
        report.rows += 1
        text = {target: readers[target](cells).strip() if target in readers else "" for target in TARGETS}
        errors = _validate(number, text)
        if errors:
            report.invalid.extend(errors)
            continue
        if text["code"] in existing:
            report.duplicates += 1
            continue
        existing.add(text["code"])
        records.append(
            {
                "code": text["code"],
                "name": text["name"],
                "kind": text["kind"].lower(),
                "status": (text["status"] or "active").lower(),
                "annual_credit_cents": parse_usd(text["annual_credit_usd"]) if text["annual_credit_usd"] else None,
                "contact": text["contact"],
                "created_at": now,
            }
        )
    if strict and report.invalid:
        return report
    if records:
        conn.execute(insert(schema.partners), records)
        # each partner's history starts with its import: an 'applied' one is then decided in the app
        ids = dict(
            conn.execute(
                select(schema.partners.c.code, schema.partners.c.id).where(
                    schema.partners.c.code.in_([r["code"] for r in records])
                )
            ).all()
        )
        conn.execute(
            insert(schema.partner_events),
            [
                {
                    "partner": ids[r["code"]],
                    "at": now,
                    "actor": actor,
                    "from_status": "",
                    "to_status": r["status"],
                    "reason": f"imported from {Path(path).name}",
                }
                for r in records
            ],
        )
    report.imported = len(records)
    return report


def _validate(number: int, text: dict[str, str]) -> list[RowError]:
    errors = []
    for column in ("code", "name", "kind"):
        if not text[column]:
            errors.append(RowError(number, column, "required, but blank"))
    if text["kind"] and text["kind"].lower() not in {k.value for k in PartnerKind}:
        errors.append(RowError(number, "kind", f"{text['kind']!r} is not accelerator, incubator or vc"))
    if text["status"] and text["status"].lower() not in {s.value for s in PartnerStatus}:
        errors.append(RowError(number, "status", f"{text['status']!r} is not applied, active or inactive"))
    if text["annual_credit_usd"]:
        try:
            if parse_usd(text["annual_credit_usd"]) <= 0:
                errors.append(
                    RowError(number, "annual_credit_usd", "must be more than zero (blank for the program default)")
                )
        except InvalidInput as exc:
            errors.append(RowError(number, "annual_credit_usd", str(exc)))
    if len(text["code"]) > 64:
        errors.append(RowError(number, "code", "longer than 64 characters"))
    return errors
