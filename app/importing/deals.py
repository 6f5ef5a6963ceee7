"""Importing the partner-deal catalogue (SPEC 7 deal file), keyed by partner and title."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, insert, select

from app import schema
from app.exports.cells import unguard
from app.importing.applications import ImportReport, RowError
from app.importing.mapping import Mapping, resolve
from app.importing.tabular import FileRefused, read_table
from app.importing.values import parse_date, parse_yes_no
from models.errors import InvalidInput
from models.money import parse_usd

TARGETS = (
    "partner",
    "title",
    "category",
    "description",
    "value_text",
    "value_usd",
    "redeem",
    "valid_from",
    "valid_until",
    "capacity",
    "active",
)
ALIASES = {"company": "partner", "value": "value_text", "how_to_redeem": "redeem", "code": "redeem"}
LIMITS = {"partner": 200, "title": 300, "category": 120, "value_text": 200}


def import_deals(
    conn: Connection, path: Path | str, mapping: Mapping | None, now: datetime, strict: bool = False
) -> ImportReport:
    report = ImportReport()
    table = read_table(path, mapping.encoding if mapping else None, mapping.delimiter if mapping else None)
    readers = resolve(mapping, table.header, TARGETS, ALIASES)
    for column in ("partner", "title"):
        if column not in readers:
            raise FileRefused(f"required column {column} not found (the file has: {', '.join(table.header)})")
    deals = schema.deals
    existing = {(p.casefold(), t.casefold()) for p, t in conn.execute(select(deals.c.partner, deals.c.title))}
    date_format = mapping.date_format if mapping else None
    records = []
    for number, cells in table.rows:
        report.rows += 1
        text = {target: unguard(readers[target](cells).strip()) if target in readers else "" for target in TARGETS}
        record, errors = parse_deal(number, text, date_format)
        if errors:
            report.invalid.extend(errors)
            continue
        key = (record["partner"].casefold(), record["title"].casefold())
        if key in existing:
            report.duplicates += 1
            continue
        existing.add(key)
        records.append({**record, "created_at": now, "updated_at": now})
    if strict and report.invalid:
        return report
    if records:
        conn.execute(insert(deals), records)
    report.imported = len(records)
    return report


def parse_deal(number: int, text: dict[str, str], date_format: str | None = None) -> tuple[dict, list[RowError]]:
    """One deal's values from text, or the errors naming row, column and reason."""
    errors: list[RowError] = []
    record: dict = {
        "partner": text["partner"],
        "title": text["title"],
        "category": text["category"],
        "description": text["description"],
        "value_text": text["value_text"],
        "redeem": text["redeem"],
        "value_cents": None,
        "valid_from": None,
        "valid_until": None,
        "capacity": None,
        "active": True,
    }
    for column in ("partner", "title"):
        if not text[column]:
            errors.append(RowError(number, column, "required, but blank"))
    for column, limit in LIMITS.items():
        if len(text[column]) > limit:
            errors.append(RowError(number, column, f"longer than {limit} characters"))

    def parse(column: str, parser) -> None:
        if text[column]:
            try:
                record[column if column not in ("value_usd",) else "value_cents"] = parser(text[column])
            except (InvalidInput, ValueError) as exc:
                errors.append(RowError(number, column, str(exc)))

    parse("value_usd", parse_usd)
    parse("valid_from", lambda t: parse_date(t, date_format))
    parse("valid_until", lambda t: parse_date(t, date_format))
    parse("capacity", _capacity)
    parse("active", parse_yes_no)
    if record["active"] is None:
        record["active"] = True
    if record["value_cents"] is not None and record["value_cents"] < 0:
        errors.append(RowError(number, "value_usd", "cannot be negative"))
    if record["valid_from"] and record["valid_until"] and record["valid_until"] < record["valid_from"]:
        errors.append(RowError(number, "valid_until", f"before valid_from ({record['valid_from']})"))
    return record, errors


def _capacity(text: str) -> int:
    if not text.isdecimal() or int(text) <= 0:
        raise InvalidInput(f"{text!r} is not a whole number of places above zero (blank: unlimited)")
    return int(text)
