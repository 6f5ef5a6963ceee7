"""JSON exports as a table: an array of objects, or one object per line (JSON Lines).

Each object becomes a row; nested fields become columns named by their path, which a
column mapping reaches like any other column: `location.country`, `founders[0].email`.
A list of plain values is also one column holding them joined by ', ' (`tags`), so that
the `first` filter reads it. Numbers keep every digit (decimals are read as Decimal,
never as float: money stays exact); true/false read as 'true'/'false'; null is blank.

A row is numbered by its place: the object's position in an array (1 for the first),
or its line in a JSON Lines file. The file is read a block at a time, twice: once for the
columns, once for the rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

from app.importing.tabular import FileRefused, Table, TextFile

#: Deeper than this, an object is not an export but an attack on the parser's stack.
MAX_DEPTH = 32
BLOCK = 1 << 20  # characters read at a time
MAX_ITEM = 1 << 26  # characters one object of an array may take


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


def _records(text: TextFile) -> Iterator[tuple[int, object]]:
    """(row number, object) of an array of objects or of JSON Lines, read a block at a time."""
    name = text.name
    with text.open() as stream:
        try:
            head = stream.read(BLOCK).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise text.undecodable(exc) from exc
        if head.lstrip().startswith("["):
            yield from _array(stream, head, name)
            return
    with text.open() as stream:
        for number, line in enumerate(stream, start=1):
            if number == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            try:
                record = _loads(line)
            except (ValueError, RecursionError) as exc:
                if number == 1 and line.lstrip().startswith("{"):
                    raise _one_object(text, exc) from exc
                raise FileRefused(f"{name}: line {number}: not valid JSON ({exc})") from exc
            yield number, record


def _array(stream, buffer: str, name: str) -> Iterator[tuple[int, object]]:
    """The objects of a JSON array, each decoded once its text has arrived."""
    decoder = json.JSONDecoder(parse_float=Decimal, parse_constant=_constant)
    position = buffer.index("[") + 1
    ended = False
    number = 0

    def invalid(message: str) -> FileRefused:
        return FileRefused(f"{name}: not valid JSON ({message})")

    while True:
        while True:  # the next item, or the end of the array
            while position < len(buffer) and buffer[position] in " \t\r\n":
                position += 1
            if position < len(buffer) or ended:
                break
            buffer, position = stream.read(BLOCK), 0
            ended = not buffer
        if position >= len(buffer):
            raise invalid("the array is never closed")
        if buffer[position] == "]":
            rest = buffer[position + 1 :] + stream.read()
            if rest.strip():
                raise invalid(f"text after the array: {rest.strip()[:20]!r}")
            return
        if number:
            if buffer[position] != ",":
                raise invalid(f"expected ',' or ']' at item {number + 1}")
            position += 1
        while True:
            try:
                record, stop = decoder.raw_decode(buffer, _skip_space(buffer, position))
                break
            except json.JSONDecodeError as exc:
                if ended or len(buffer) - position > MAX_ITEM:
                    raise invalid(str(exc)) from exc
                more = stream.read(BLOCK)
                ended = not more
                buffer, position = buffer[position:] + more, 0
            except (ValueError, RecursionError) as exc:
                raise invalid(str(exc) or type(exc).__name__) from exc
        number += 1
        yield number, record
        position = stop


def _skip_space(buffer: str, position: int) -> int:
    while position < len(buffer) and buffer[position] in " \t\r\n":
        position += 1
    return position


def _one_object(text: TextFile, exc: Exception) -> FileRefused:
    """One object spread over several lines: named with its keys when it is small enough to read."""
    with text.open() as stream:
        whole = stream.read(MAX_ITEM + 1)
    try:
        record = _loads(whole) if len(whole) <= MAX_ITEM else None
    except (ValueError, RecursionError):
        record = None
    if record is None:
        return FileRefused(f"{text.name}: line 1: not valid JSON Lines ({exc})")
    return FileRefused(
        f"{text.name}: one JSON object, not an array of objects or one object per line"
        + (f" (its keys: {', '.join(list(record)[:8])})" if isinstance(record, dict) else "")
    )


def _flat_rows(text: TextFile) -> Iterator[tuple[int, dict[str, str]]]:
    for number, record in _records(text):
        if not isinstance(record, dict):
            raise FileRefused(f"{text.name}: row {number}: expected an object, found {type(record).__name__}")
        out: dict[str, str] = {}
        try:
            _flatten(record, "", out)
        except FileRefused as exc:
            raise FileRefused(f"{text.name}: row {number}: {exc}") from exc
        yield number, out


def read_json(text: TextFile) -> Table:
    """Two passes over the file: the first finds every column (and refuses a broken file
    before any row is used), the second yields the rows."""
    header: dict[str, int] = {}
    seen = False
    for _, out in _flat_rows(text):
        seen = True
        for key in out:
            header.setdefault(key, len(header))
    if not seen:
        with text.open() as stream:
            blank = not stream.read(BLOCK).lstrip("\ufeff").strip()
        raise FileRefused(f"{text.name}: the file is empty" if blank else f"{text.name}: no objects with fields")
    if not header:
        raise FileRefused(f"{text.name}: no objects with fields")
    columns = list(header)
    rows = ((number, [out.get(column, "") for column in columns]) for number, out in _flat_rows(text))
    return Table(columns, rows, text.used, "json", text.position)
