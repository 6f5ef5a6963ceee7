"""Column mappings: how a file's columns become the program's columns.

A mapping names, for each target column, a template over the file's columns:
`"{name}"` takes a column as it is, `"{website|domain}"` passes it through a
filter, `"founders@{website|domain}"` builds a value, and text without braces is
a constant (`"2024-05-11"`). A template whose columns are all blank yields blank,
so a required column then reports the row as invalid rather than guessing.
A mapping also carries the file's encoding, delimiter and date format, and the
texts its file writes for "no country" ("Remote") that rule 3 reads as unknown.

A filter never turns a value it cannot read into a blank: it raises Unreadable, and
the row is reported (row, column, reason) instead of imported with a hole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import resources

from app.errors import AppError
from app.importing.tabular import FileRefused
from models.errors import InvalidInput


class Unreadable(InvalidInput):
    """A filter met a value it cannot read."""


def normalise_header(text: str) -> str:
    """Headers match case-insensitively, with spaces, '-' and '_' alike (SPEC 7)."""
    return re.sub(r"[\s\-_]+", "_", text.strip().lstrip("\ufeff").casefold()).strip("_")


@dataclass
class Mapping:
    kind: str = "applications"
    fields: dict[str, str] = field(default_factory=dict)  # target column -> template
    encoding: str | None = None
    delimiter: str | None = None
    date_format: str | None = None  # strptime format, for dates that are not ISO
    unknown_countries: list[str] = field(default_factory=list)  # 'Remote': rule 3 is unknown
    name: str = ""

    def to_json(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if k != "name"}, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, name: str = "") -> Mapping:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AppError(f"mapping {name or ''}: not valid JSON ({exc})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("fields", {}), dict):
            raise AppError(f"mapping {name}: expected an object with a 'fields' object")
        unknown = set(data) - {"kind", "fields", "encoding", "delimiter", "date_format", "unknown_countries"}
        if unknown:
            raise AppError(f"mapping {name}: unknown keys {sorted(unknown)}")
        countries = data.get("unknown_countries", [])
        if not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
            raise AppError(f"mapping {name}: unknown_countries must be a list of texts")
        if not all(isinstance(t, str) for t in data.get("fields", {}).values()):
            raise AppError(f"mapping {name}: every field's template must be a text")
        for key in ("kind", "encoding", "delimiter", "date_format"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise AppError(f"mapping {name}: {key} must be a text")
        return cls(name=name, **data)


def builtin_mapping(name: str) -> Mapping | None:
    """Mappings shipped for well-known exports (resources/mappings/NAME.json). Only those: a
    name is never a path (`mappings show ../../tmp/evil` must not read /tmp/evil.json)."""
    if name not in builtin_mapping_names():
        return None
    entry = resources.files("resources").joinpath(f"mappings/{name}.json")
    if not entry.is_file():
        return None
    return Mapping.from_json(entry.read_text(encoding="utf-8"), name)


def builtin_mapping_names() -> list[str]:
    folder = resources.files("resources").joinpath("mappings")
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".json"))


# ---- templates -----------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _domain(text: str) -> str:
    """The registrable domain of the first URL ('https://a.acme.io/x, b.io' -> 'acme.io')."""
    from app.domains import url_domain

    domain = url_domain(text)
    if not domain:
        raise Unreadable(f"{text!r} names no domain")
    return domain


def _slug_or_refuse(text: str) -> str:
    slug = _slug(text)
    if not slug:
        raise Unreadable(f"{text!r} has no letters or digits to make a slug of")
    return slug


def _tail(text: str) -> str:
    """'/company/acme/' -> 'acme': the last part of a path."""
    tail = text.rstrip("/").rsplit("/", 1)[-1]
    if not tail.strip():
        raise Unreadable(f"{text!r} has no last part to take")
    return tail


def _year(text: str) -> str:
    """'2024.0' or '2010' -> '2010-01-01': a person chose 1 January by choosing this filter."""
    match = re.fullmatch(r"\s*(\d{4})(?:\.0+)?\s*", text)
    return f"{match.group(1)}-01-01" if match else text


#: Words that say an amount was kept secret: the total is then unknown (blank), on purpose.
_UNDISCLOSED = re.compile(r"\b(undisclosed|unknown|not disclosed|n/?a)\b", re.I)


def _usd_total(text: str) -> str:
    """'$1200000, $300,000' -> '1500000.00'; blank when a part is undisclosed; a part that is
    no amount at all is refused (Unreadable), never read as blank."""
    from app.importing.values import parse_funding

    parts = [p for p in re.split(r",\s+|\s*\|\s*|;\s*", text) if p.strip()]
    total = 0
    for part in parts:
        if _UNDISCLOSED.search(part):
            return ""
        try:
            cents, currency = parse_funding(part.strip())
        except InvalidInput as exc:
            raise Unreadable(f"{part.strip()!r} in {text!r} is not an amount") from exc
        if cents is None:
            raise Unreadable(f"{part.strip()!r} in {text!r} is in {currency}, not USD")
        total += cents
    return f"{total // 100}.{total % 100:02d}" if parts else ""


FILTERS: dict[str, Callable[[str], str]] = {
    "slug": _slug_or_refuse,
    "domain": _domain,
    "year": _year,
    "usd_total": _usd_total,
    # the first item of 'a, b', 'a | b' or "['a', 'b']"
    "first": lambda text: re.split(r",\s*|\s*\|\s*", text.strip("[] "), maxsplit=1)[0].strip("'\" "),
    "tail": _tail,
    "lower": str.casefold,
    "strip": str.strip,
}

_PLACEHOLDER = re.compile(r"\{([^{}|]+)((?:\|[a-z_0-9]+)*)\}")


def _column(index: int) -> Callable[[list[str]], str]:
    def read(cells: list[str]) -> str:
        return cells[index] if index < len(cells) else ""

    read.column_index = index  # type: ignore[attr-defined]  # lets an import read the column whole
    return read


def compile_template(template: str, columns: dict[str, int], target: str) -> Callable[[list[str]], str]:
    """A function from a row's cells to the target's text."""
    pieces: list[str | tuple[int, list[Callable[[str], str]]]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            pieces.append(template[position : match.start()])
        column = normalise_header(match.group(1))
        if column not in columns:
            raise FileRefused(f"mapping for {target}: the file has no column {match.group(1)!r}")
        filters = []
        for name in match.group(2).split("|")[1:]:
            if name not in FILTERS:
                raise FileRefused(f"mapping for {target}: unknown filter {name!r} (known: {', '.join(FILTERS)})")
            filters.append(FILTERS[name])
        pieces.append((columns[column], filters))
        position = match.end()
    if position < len(template):
        pieces.append(template[position:])

    if len(pieces) == 1 and isinstance(pieces[0], tuple) and not pieces[0][1]:
        return _column(pieces[0][0])
    if all(isinstance(p, str) for p in pieces):
        constant = "".join(pieces)  # type: ignore[arg-type]
        return lambda cells: constant

    def build(cells: list[str]) -> str:
        out = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
                continue
            index, filters = piece
            value = cells[index].strip() if index < len(cells) else ""
            for apply in filters:
                value = apply(value) if value else value
            if not value:
                return ""  # a template over blank columns is blank, never half a value
            out.append(value)
        return "".join(out)

    return build


def resolve(
    mapping: Mapping | None, header: list[str], targets: tuple[str, ...], aliases: dict[str, str]
) -> dict[str, Callable[[list[str]], str]]:
    """For each target column present, the function that reads it from a row."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        column = normalise_header(name)
        if column in columns and column:
            first = columns[column]
            raise FileRefused(
                f"columns {first + 1} ({header[first]!r}) and {index + 1} ({name!r}) have the same name; "
                "rename one of them, so that it is clear which one is meant"
            )
        columns.setdefault(column, index)
    if mapping and mapping.fields:
        unknown = set(mapping.fields) - set(targets)
        if unknown:
            raise FileRefused(f"mapping names unknown target columns: {', '.join(sorted(unknown))}")
        return {target: compile_template(t, columns, target) for target, t in mapping.fields.items() if t != ""}
    readers: dict[str, Callable[[list[str]], str]] = {}
    for column, index in columns.items():
        target = column if column in targets else aliases.get(column)
        if target and target in readers:
            first = readers[target].column_index  # type: ignore[attr-defined]
            raise FileRefused(
                f"columns {first + 1} ({header[first]!r}) and {index + 1} ({header[index]!r}) both read as "
                f"{target}; rename one of them, or say which one is meant in a column mapping"
            )
        if target:
            readers[target] = _column(index)
    return readers
