"""The application form's columns, read and checked without the database (SPEC 7).

A file's rows become the form's columns of text (through the column mapping), then
typed values column by column; every problem is named by row, column and reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from app.countries import to_alpha2
from app.errors import Cancelled
from app.importing.form import ALIASES, CHUNK, LIMITS, REQUIRED, TARGETS, suggest_mapping  # noqa: F401
from app.importing.mapping import Mapping, Unreadable, resolve
from app.importing.report import ImportReport, RowError
from app.importing.tabular import FileRefused, Table
from app.importing.values import EMAIL, parse_date, parse_funding, parse_yes_no
from models.applications import Application
from models.errors import InvalidInput


@dataclass
class Parsed:
    """The valid rows of a file, column by column: a hundred thousand rows are parsed as
    a few dozen list operations over whole columns, not a hundred thousand objects."""

    numbers: list[int]  # the row numbers a spreadsheet shows
    keys: list[str]  # what makes a re-import of the same row a no-op
    columns: dict[str, list]  # target -> typed values (dates, cents, alpha-2 codes, text)

    def __len__(self) -> int:
        return len(self.numbers)

    def take(self, indices: list[int]) -> Parsed:
        return Parsed(
            [self.numbers[i] for i in indices],
            [self.keys[i] for i in indices],
            {name: [values[i] for i in indices] for name, values in self.columns.items()},
        )

    def applications(self) -> list[Application]:
        """The rows as domain objects (for a look at a few; an import never builds them)."""
        c = self.columns
        return [
            Application(
                submitted_on=c["submitted_on"][i],
                company=c["company"][i],
                contact_email=c["contact_email"][i],
                country=c["country"][i],
                incorporated_on=c["incorporated_on"][i],
                total_funding=c["total_funding"][i],
                funding_currency=c["funding_currency"][i],
                previous_discount=c["previous_discount"][i],
                contact_name=c["contact_name"][i],
                website=c["website"][i],
                workspace=c["workspace"][i],
                partner_code=c["partner_code"][i],
                notes=c["notes"][i],
                application_id=c["application_id"][i],
            )
            for i in range(len(self))
        ]


Progress = Callable[[int, int], None]


def parse_rows(
    table: Table,
    mapping: Mapping | None,
    report: ImportReport,
    cancelled: Callable[[], bool] = lambda: False,
    submitted_on: date | None = None,
) -> Parsed:
    """Validate every row; the problems go to `report.invalid` (row, column, reason), in
    row order, and the valid rows come back typed."""
    text = read_text(table, mapping, report, cancelled, submitted_on)
    parsed, errors = check_rows(text, 0, len(text.numbers))
    report.invalid.extend(errors)
    return parsed


@dataclass
class TextColumns:
    """A file's rows as the form's columns of stripped text, before any check."""

    numbers: list[int]  # the row numbers a spreadsheet shows
    columns: dict[str, list[str]]  # target -> text
    date_format: str | None
    #: texts read as "no country" on purpose (the mapping's unknown_countries), casefolded
    unknown_countries: frozenset[str] = frozenset()
    #: target -> {row number: why a mapping's filter could not read the cell}
    unreadable: dict[str, dict[int, str]] = field(default_factory=dict)

    def without(self, indices: set[int]) -> TextColumns:
        keep = [i for i in range(len(self.numbers)) if i not in indices]
        return TextColumns(
            [self.numbers[i] for i in keep],
            {name: [values[i] for i in keep] for name, values in self.columns.items()},
            self.date_format,
            self.unknown_countries,
            self.unreadable,  # by row number: still right without the rows left out
        )


def read_text(
    table: Table,
    mapping: Mapping | None,
    report: ImportReport,
    cancelled: Callable[[], bool] = lambda: False,
    submitted_on: date | None = None,
) -> TextColumns:
    """The rows as the form's columns of text. `submitted_on` is the application date of
    every row that has none (the file has no such column, or the cell is blank)."""
    return next(read_text_chunks(table, mapping, report, cancelled, submitted_on, None))


def read_text_chunks(
    table: Table,
    mapping: Mapping | None,
    report: ImportReport,
    cancelled: Callable[[], bool] = lambda: False,
    submitted_on: date | None = None,
    sizes: Iterator[int] | None = None,
) -> Iterator[TextColumns]:
    """read_text() a chunk at a time, as many rows in each as `sizes` says (None: one chunk of
    every row), so that a file of any size is held a chunk at a time."""
    readers = resolve(mapping, table.header, TARGETS, ALIASES)
    if submitted_on is not None:
        readers["submitted_on"] = _with_default(readers.get("submitted_on"), submitted_on.isoformat())
    missing = [column for column in REQUIRED if column not in readers]
    if missing:
        raise FileRefused(
            f"required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} not found "
            f"(the file has: {', '.join(table.header)}); map them in a column mapping"
            + (" or give --submitted-on DATE" if "submitted_on" in missing else "")
        )
    rows_of = iter(table.rows)
    while True:
        size = next(sizes) if sizes is not None else None
        numbers: list[int] = []
        rows: list[list[str]] = []
        for number, cells in rows_of:
            numbers.append(number)
            rows.append(cells)
            if len(numbers) % CHUNK == 0 and cancelled():
                raise Cancelled("import cancelled: nothing was imported")
            if len(numbers) == size:
                break
        if not numbers and sizes is not None:
            return
        report.rows += len(numbers)
        yield _text_of(readers, len(table.header), numbers, rows, mapping)
        if size is None or len(numbers) < size:
            return


def _text_of(
    readers: dict, width: int, numbers: list[int], rows: list[list[str]], mapping: Mapping | None
) -> TextColumns:
    if min(map(len, rows), default=width) < width:  # short rows read as blank to the header's width
        for cells in rows:
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
    unreadable: dict[str, dict[int, str]] = {}
    columns = {target: _text_column(readers.get(target), rows, numbers, unreadable, target) for target in TARGETS}
    return TextColumns(
        numbers,
        columns,
        mapping.date_format if mapping else None,
        frozenset(text.strip().casefold() for text in mapping.unknown_countries) if mapping else frozenset(),
        unreadable,
    )


def _with_default(reader: Callable[[list[str]], str] | None, default: str) -> Callable[[list[str]], str]:
    if reader is None:
        return lambda cells: default
    return lambda cells: reader(cells).strip() or default


def check_rows(text: TextColumns, start: int, stop: int) -> tuple[Parsed, list[RowError]]:
    """Rows start..stop checked: the valid ones typed, and every problem in row order."""
    numbers = text.numbers[start:stop]
    failures: list[tuple[int, RowError]] = []  # (row index, error), sorted by row at the end

    def fail(index: int, column: str, message: str) -> None:
        failures.append((index, RowError(numbers[index], column, message)))

    columns = {name: values[start:stop] for name, values in text.columns.items()}
    for target, reasons in text.unreadable.items():  # what a filter of the mapping could not read
        for index, number in enumerate(numbers):
            if number in reasons:
                fail(index, target, reasons[number])
    for target, values in columns.items():  # '\0' is no text a person typed: a binary or UTF-16 file
        if "\x00" in "".join(values):
            for index, value in enumerate(values):
                if "\x00" in value:
                    fail(index, target, "holds a NUL byte (is the file binary, or UTF-16 read as something else?)")
    unread = {(index, error.field) for index, error in failures}
    typed = _typed_columns(columns, text.date_format, fail, text.unknown_countries)
    if unread:  # a cell a filter could not read is reported as that, not also as blank
        failures = [
            (index, error)
            for index, error in failures
            if not ((index, error.field) in unread and error.message == "required, but blank")
        ]
    failures.sort(key=lambda failure: failure[0])  # stable: a row's errors keep the order of the checks
    parsed = Parsed(numbers, source_keys(typed), typed)
    if failures:
        bad = {index for index, _ in failures}
        parsed = parsed.take([i for i in range(len(numbers)) if i not in bad])
    return parsed, [error for _, error in failures]


def _text_column(
    reader: Callable[[list[str]], str] | None,
    rows: list[list[str]],
    numbers: list[int],
    unreadable: dict[str, dict[int, str]],
    target: str,
) -> list[str]:
    """One target's stripped text in every row; what a filter cannot read is noted by row."""
    if reader is None:
        return [""] * len(rows)
    index = getattr(reader, "column_index", None)
    if index is None:  # a template of the column mapping
        values = []
        for number, cells in zip(numbers, rows):
            try:
                values.append(reader(cells).strip())
            except Unreadable as exc:
                unreadable.setdefault(target, {})[number] = str(exc)
                values.append("")
        return values
    return list(map(str.strip, map(itemgetter(index), rows)))  # every row is as wide as the header


def _typed_columns(
    text: dict[str, list[str]], date_format: str | None, fail, unknown_countries: frozenset[str] = frozenset()
) -> dict[str, list]:
    """Every check of a row, a column at a time; what repeats (dates, countries, yes/no) is
    parsed once per distinct value."""
    for column in REQUIRED:
        if not all(text[column]):
            for index, value in enumerate(text[column]):
                if not value:
                    fail(index, column, "required, but blank")
    for column, limit in LIMITS.items():
        if max(map(len, text[column]), default=0) > limit:
            for index, value in enumerate(text[column]):
                if len(value) > limit:
                    fail(index, column, f"longer than {limit} characters")

    def each(column: str, parse: Callable[[str], object], memo: dict | None = None) -> list:
        return _parse_each(text[column], parse, lambda index, reason: fail(index, column, reason), memo)

    dates: dict = {}  # the two date columns share what they parsed
    submitted = each("submitted_on", lambda value: parse_date(value, date_format), dates)
    match = EMAIL.match
    for index, value in enumerate(text["contact_email"]):
        if value and not match(value):
            fail(index, "contact_email", f"{value!r} is not an e-mail address")
    countries = [code or "" for code in each("country", lambda value: _country(value, unknown_countries))]
    incorporated = each("incorporated_on", lambda value: parse_date(value, date_format), dates)
    for index, (founded, applied) in enumerate(zip(incorporated, submitted)):
        if founded and applied and founded > applied:
            fail(index, "incorporated_on", f"{founded} is after the application date {applied}")
    amounts = each("total_funding_usd", parse_funding)
    funding = [amount[0] if amount else None for amount in amounts]
    currencies = [amount[1] if amount else None for amount in amounts]
    previous = each("previous_discount", parse_yes_no)
    return {
        "application_id": [value or None for value in text["application_id"]],
        "submitted_on": submitted,
        "company": text["company"],
        "contact_email": text["contact_email"],
        "country": countries,
        "incorporated_on": incorporated,
        "total_funding": funding,
        "funding_currency": currencies,
        "previous_discount": previous,
        "contact_name": text["contact_name"],
        "website": text["website"],
        "workspace": [value.lower() for value in text["workspace"]],
        "partner_code": text["partner_code"],
        "notes": text["notes"],
    }


class _Refused(str):
    """Why a text is not a value (kept in a memo like a value)."""


def _parse_each(values: list[str], parse: Callable[[str], object], fail, memo: dict | None = None) -> list:
    """parse() of every value that is not blank (blank is None), once per distinct text;
    a value it refuses (InvalidInput) is None, and fail(index, reason) is told."""
    memo = {} if memo is None else memo
    parsed = []
    for index, value in enumerate(values):
        if not value:
            parsed.append(None)
            continue
        result = memo.get(value, memo)  # the memo itself stands for "not seen yet"
        if result is memo:
            try:
                result = parse(value)
            except InvalidInput as exc:
                result = _Refused(exc)
            memo[value] = result
        if isinstance(result, _Refused):
            fail(index, result)
            result = None
        parsed.append(result)
    return parsed


#: Texts that name no country, which a mapping may choose to read as unknown.
_NOWHERE = frozenset("remote unspecified worldwide global anywhere international online various n/a none".split())


def _country(text: str, unknown: frozenset[str] = frozenset()) -> str:
    """Alpha-2; '' (rule 3 unknown) for a text the mapping reads as no country ('Remote')."""
    code = to_alpha2(text)
    if code:
        return code
    if text.strip().casefold() in unknown:
        return ""
    nowhere = text.strip().casefold() in _NOWHERE
    hint = " (a column mapping can read it as unknown: unknown_countries)" if nowhere else ""
    raise InvalidInput(f"{text!r} is not a country code or English country name{hint}")


def id_key(application_id: str) -> str:
    """The stored key of a form's id: 'id:' and the id, or its digest when too long for the
    key column (a long id stays whole in application_id)."""
    key = "id:" + application_id
    if len(key) <= 80:
        return key
    return "id#" + hashlib.sha256(application_id.encode("utf-8")).hexdigest()


def source_keys(columns: dict[str, list]) -> list[str]:
    """'id:' and the form's application id; without one, a digest of what identifies the row."""
    keys = []
    c = columns
    for index, application_id in enumerate(c["application_id"]):
        if application_id:
            keys.append(id_key(application_id))
            continue
        digest = "|".join(
            (
                str(c["submitted_on"][index]),
                c["company"][index].casefold(),
                c["contact_email"][index].casefold(),
                c["country"][index],
            )
        )
        keys.append("row:" + hashlib.sha1(digest.encode("utf-8")).hexdigest())
    return keys
