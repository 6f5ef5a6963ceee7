"""JSON exports as a table: an array of objects, or one object per line (JSON Lines).

Each object becomes a row; nested fields become columns named by their path, which a
column mapping reaches like any other column: `location.country`, `founders[0].email`.
A list of plain values is also one column holding them joined by ', ' (`tags`), so that
the `first` filter reads it. Numbers keep every digit (decimals are read as Decimal,
never as float: money stays exact); true/false read as 'true'/'false'; null is blank.

A row is numbered by its place: the object's position in an array (1 for the first),
or its line in a JSON Lines file.
"""

from __future__ import annotations

import json
from decimal import Decimal

from app.importing.tabular import FileRefused, Table

#: Deeper than this, an object is not an export but an attack on the parser's stack.
MAX_DEPTH = 32


def _constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _loads(text: str):
    return json.loads(text, parse_float=Decimal, parse_constant=_constant)


def _text(value) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _flatten(value, path: str, out: dict[str, str], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise FileRefused(f"nested more than {MAX_DEPTH} levels deep at {path or 'the top'}")
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{path}.{key}" if path else str(key), out, depth + 1)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _flatten(inner, f"{path}[{index}]", out, depth + 1)
        if path and all(not isinstance(inner, (dict, list)) for inner in value):
            out[path] = ", ".join(_text(inner) for inner in value if inner is not None)
    else:
        out[path] = _text(value)


def _records(text: str, name: str) -> list[tuple[int, object]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = _loads(text)
        except (ValueError, RecursionError) as exc:
            raise FileRefused(f"{name}: not valid JSON ({exc})") from exc
        if not isinstance(data, list):
            raise FileRefused(f"{name}: expected an array of objects")
        return list(enumerate(data, start=1))
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, _loads(line)))
        except (ValueError, RecursionError) as exc:
            if number == 1 and stripped.startswith("{") and len(records) == 0:
                try:  # one object spread over several lines
                    whole = _loads(text)
                except (ValueError, RecursionError):
                    raise FileRefused(f"{name}: line 1: not valid JSON Lines ({exc})") from exc
                raise FileRefused(
                    f"{name}: one JSON object, not an array of objects or one object per line"
                    + (f" (its keys: {', '.join(list(whole)[:8])})" if isinstance(whole, dict) else "")
                ) from exc
            raise FileRefused(f"{name}: line {number}: not valid JSON ({exc})") from exc
    return records


def read_json_bytes(text: str, encoding: str, name: str = "file") -> Table:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise FileRefused(f"{name}: the file is empty")
    records = _records(text, name)
    header: dict[str, int] = {}
    flat: list[tuple[int, dict[str, str]]] = []
    for number, record in records:
        if not isinstance(record, dict):
            raise FileRefused(f"{name}: row {number}: expected an object, found {type(record).__name__}")
        out: dict[str, str] = {}
        try:
            _flatten(record, "", out)
        except FileRefused as exc:
            raise FileRefused(f"{name}: row {number}: {exc}") from exc
        for key in out:
            header.setdefault(key, len(header))
        flat.append((number, out))
    if not header:
        raise FileRefused(f"{name}: no objects with fields")
    columns = list(header)
    rows = [(number, [out.get(column, "") for column in columns]) for number, out in flat]
    return Table(columns, iter(rows), encoding, "json")
