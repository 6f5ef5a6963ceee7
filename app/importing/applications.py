"""Importing the application form's export (SPEC 7).

Rows are validated one by one (every problem named by row, column and reason);
the valid ones are evaluated for eligibility, checked for duplicates and
inserted in bulk in the caller's transaction. With `strict`, one invalid row
refuses the whole file.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Connection, func, insert, select

from app import schema
from app.bulk import IndexesAside, insert_columns, large_page_cache
from app.countries import to_alpha2
from app.errors import Cancelled
from app.importing.mapping import Mapping, resolve
from app.importing.tabular import FileRefused, Table, read_table
from app.importing.values import EMAIL, parse_date, parse_funding, parse_yes_no
from app.search import index_new_applications
from models.applications import Application
from models.eligibility import Screen
from models.errors import InvalidInput
from models.matching import domain_of_email, domain_of_url, name_key
from models.policy import PolicyBook

TARGETS = (
    "application_id",
    "submitted_on",
    "company",
    "contact_email",
    "country",
    "incorporated_on",
    "total_funding_usd",
    "previous_discount",
    "contact_name",
    "website",
    "workspace",
    "partner_code",
    "notes",
)
REQUIRED = ("submitted_on", "company", "contact_email", "country")

#: Header variants seen in form exports, already normalised (lower case, '_').
ALIASES = {
    "id": "application_id",
    "application": "application_id",
    "app_id": "application_id",
    "form_id": "application_id",
    "submitted": "submitted_on",
    "submitted_at": "submitted_on",
    "submission_date": "submitted_on",
    "date_submitted": "submitted_on",
    "applied_on": "submitted_on",
    "application_date": "submitted_on",
    "timestamp": "submitted_on",
    "company_name": "company",
    "startup": "company",
    "startup_name": "company",
    "organization": "company",
    "organisation": "company",
    "email": "contact_email",
    "e_mail": "contact_email",
    "email_address": "contact_email",
    "contact_e_mail": "contact_email",
    "country_code": "country",
    "hq_country": "country",
    "incorporated": "incorporated_on",
    "incorporation_date": "incorporated_on",
    "date_of_incorporation": "incorporated_on",
    "total_funding": "total_funding_usd",
    "funding_usd": "total_funding_usd",
    "total_funding_(usd)": "total_funding_usd",
    "funding": "total_funding_usd",
    "previous_segment_discount": "previous_discount",
    "prior_discount": "previous_discount",
    "contact": "contact_name",
    "founder": "contact_name",
    "founder_name": "contact_name",
    "url": "website",
    "website_url": "website",
    "homepage": "website",
    "workspace_slug": "workspace",
    "segment_workspace": "workspace",
    "partner": "partner_code",
    "accelerator": "partner_code",
    "note": "notes",
    "comments": "notes",
}

CHUNK = 5_000
INSERT_CHUNK = 20_000  # rows between two looks at progress and cancel
FIRST_CHUNK = 4_000
LIMITS = {
    "company": 300,
    "contact_email": 320,
    "contact_name": 200,
    "website": 300,
    "workspace": 120,
    "partner_code": 64,
    "application_id": 80,
}


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.field}: {self.message}"


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    invalid: list[RowError] = field(default_factory=list)
    rows: int = 0
    unknown_partners: list[str] = field(default_factory=list)
    flagged: int = 0
    batch: int | None = None
    restatements: list[str] = field(default_factory=list)  # bills of closed months that changed
    # what a usage import did, so that it can be undone: (workspace, month, amount) and
    # (workspace, month, amount before, amount after)
    bills_added: list[tuple[str, str, int]] = field(default_factory=list)
    bills_changed: list[tuple[str, str, int, int]] = field(default_factory=list)

    @property
    def invalid_rows(self) -> int:
        return len({e.row for e in self.invalid})

    def as_json(self) -> dict:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "invalid": [{"row": e.row, "field": e.field, "message": e.message} for e in self.invalid],
            "flagged_duplicates": self.flagged,
            "unknown_partners": self.unknown_partners,
            **({"needs_restatement": self.restatements} if self.restatements else {}),
        }


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
) -> Parsed:
    """Validate every row; the problems go to `report.invalid` (row, column, reason), in
    row order, and the valid rows come back typed."""
    text = read_text(table, mapping, report, cancelled)
    parsed, errors = check_rows(text, 0, len(text.numbers))
    report.invalid.extend(errors)
    return parsed


def check_without_writing(
    conn: Connection,
    table: Table,
    mapping: Mapping | None,
    report: ImportReport,
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """What an import of `table` would report, without importing: rows already imported
    (stored, or earlier in the file) in `report.duplicates`, invalid rows named."""
    text = _without_stored_ids(conn, read_text(table, mapping, report, cancelled), report)
    parsed, errors = check_rows(text, 0, len(text.numbers))
    report.invalid.extend(errors)
    _fresh(conn, parsed.keys, set(), report)


@dataclass
class TextColumns:
    """A file's rows as the form's columns of stripped text, before any check."""

    numbers: list[int]  # the row numbers a spreadsheet shows
    columns: dict[str, list[str]]  # target -> text
    date_format: str | None

    def without(self, indices: set[int]) -> TextColumns:
        keep = [i for i in range(len(self.numbers)) if i not in indices]
        return TextColumns(
            [self.numbers[i] for i in keep],
            {name: [values[i] for i in keep] for name, values in self.columns.items()},
            self.date_format,
        )


def read_text(
    table: Table, mapping: Mapping | None, report: ImportReport, cancelled: Callable[[], bool] = lambda: False
) -> TextColumns:
    readers = resolve(mapping, table.header, TARGETS, ALIASES)
    missing = [column for column in REQUIRED if column not in readers]
    if missing:
        raise FileRefused(
            f"required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} not found "
            f"(the file has: {', '.join(table.header)}); map them in a column mapping"
        )
    numbers: list[int] = []
    rows: list[list[str]] = []
    for number, cells in table.rows:
        numbers.append(number)
        rows.append(cells)
        if len(numbers) % CHUNK == 0 and cancelled():
            raise Cancelled("import cancelled: nothing was imported")
    report.rows += len(numbers)
    width = len(table.header)
    if min(map(len, rows), default=width) < width:  # short rows read as blank to the header's width
        for cells in rows:
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
    columns = {target: _text_column(readers.get(target), rows) for target in TARGETS}
    return TextColumns(numbers, columns, mapping.date_format if mapping else None)


def check_rows(text: TextColumns, start: int, stop: int) -> tuple[Parsed, list[RowError]]:
    """Rows start..stop checked: the valid ones typed, and every problem in row order."""
    numbers = text.numbers[start:stop]
    failures: list[tuple[int, RowError]] = []  # (row index, error), sorted by row at the end

    def fail(index: int, column: str, message: str) -> None:
        failures.append((index, RowError(numbers[index], column, message)))

    typed = _typed_columns({name: values[start:stop] for name, values in text.columns.items()}, text.date_format, fail)
    failures.sort(key=lambda failure: failure[0])  # stable: a row's errors keep the order of the checks
    parsed = Parsed(numbers, _source_keys(typed), typed)
    if failures:
        bad = {index for index, _ in failures}
        parsed = parsed.take([i for i in range(len(numbers)) if i not in bad])
    return parsed, [error for _, error in failures]


def _text_column(reader: Callable[[list[str]], str] | None, rows: list[list[str]]) -> list[str]:
    """One target's stripped text in every row."""
    if reader is None:
        return [""] * len(rows)
    index = getattr(reader, "column_index", None)
    if index is None:  # a template of the column mapping
        return [reader(cells).strip() for cells in rows]
    return list(map(str.strip, map(itemgetter(index), rows)))  # every row is as wide as the header


def _typed_columns(text: dict[str, list[str]], date_format: str | None, fail) -> dict[str, list]:
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
    countries = [code or "" for code in each("country", _country)]
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


def _country(text: str) -> str:
    code = to_alpha2(text)
    if not code:
        raise InvalidInput(f"{text!r} is not a country code or English country name")
    return code


def _source_keys(columns: dict[str, list]) -> list[str]:
    """'id:' and the form's application id; without one, a digest of what identifies the row."""
    keys = []
    c = columns
    for index, application_id in enumerate(c["application_id"]):
        if application_id:
            keys.append("id:" + application_id)
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


# ---- writing ---------------------------------------------------------------------


def import_applications(
    conn: Connection,
    path: Path | str,
    mapping: Mapping | None,
    policies: PolicyBook,
    actor: str,
    now: datetime,
    strict: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Validate and insert; the caller commits. When `strict` and any row is invalid, the
    report names every invalid row and the caller must roll back (rows before the first
    invalid one are already inserted in its transaction)."""
    with paused_gc(), large_page_cache(conn):
        return _import(conn, path, mapping, policies, actor, now, strict, progress, cancelled)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector off while a file's rows are in memory.

    It runs every 700 new objects and rescans everything still alive, which is a
    hundred thousand rows of cells: a third of an import's time. The rows hold no
    reference cycles, so nothing waits for it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(conn, path, mapping, policies, actor, now, strict, progress, cancelled) -> ImportReport:
    report = ImportReport()
    table = read_table(path, mapping.encoding if mapping else None, mapping.delimiter if mapping else None)
    text = read_text(table, mapping, report, cancelled)
    text = _without_stored_ids(conn, text, report)
    total = len(text.numbers)
    if progress:
        progress(0, total)
    batch = conn.execute(
        insert(schema.import_batches).values(
            kind="applications", file_name=Path(path).name, at=now, actor=actor, imported=0, duplicates=0, invalid=0
        )
    ).inserted_primary_key[0]
    report.batch = batch
    first_id = _next_id(conn)
    prior = _prior_enrollments(conn)
    seen: set[str] = set()
    partner_codes: set[str] = set()

    # Chunk by chunk, the next chunk is checked on a helper thread while SQLite fills the
    # search index with this one (SQLite lets go of Python's lock while it works): the
    # Python and the SQLite halves of an import overlap instead of taking turns. The
    # first chunk, which nothing overlaps, is a small one.
    starts = [0, *range(FIRST_CHUNK, total, INSERT_CHUNK)] if total else []
    stops = [*starts[1:], total]

    def prepare(position: int) -> tuple[Parsed, list[RowError], dict]:
        parsed, errors = check_rows(text, starts[position], stops[position])
        return parsed, errors, _stored_columns(parsed, policies, prior, batch, now)

    with ThreadPoolExecutor(1, thread_name_prefix="import") as helper:
        with IndexesAside(conn, schema.applications, first_id - 1) as aside:
            pending = helper.submit(prepare, 0) if starts else None
            for position in range(len(starts)):
                if cancelled():
                    raise Cancelled("import cancelled: nothing was imported")
                parsed, errors, columns = pending.result()
                report.invalid.extend(errors)
                fresh = _fresh(conn, parsed.keys, seen, report)
                # strict: once a row is invalid nothing more is written (the caller rolls back),
                # but every row is still checked, so that the report names them all
                writing = not (strict and report.invalid)
                if writing:
                    if len(fresh) < len(parsed):
                        columns = {name: [values[i] for i in fresh] for name, values in columns.items()}
                    aside.before_insert(len(fresh) + total - stops[position])  # at most this many to come
                    chunk_first = _next_id(conn)
                    insert_columns(conn, schema.applications, columns)
                    report.imported += len(fresh)
                    partner_codes.update(columns["partner_code"])
                if position + 1 < len(starts):
                    pending = helper.submit(prepare, position + 1)
                if writing:
                    index_new_applications(conn, chunk_first)
                if progress:
                    progress(stops[position], total)
    if strict and report.invalid:
        return report
    report.flagged = flag_duplicates(conn, batch, first_id)
    known_partners = set(conn.execute(select(schema.partners.c.code)).scalars())
    report.unknown_partners = sorted(partner_codes - known_partners - {""})
    conn.execute(
        schema.import_batches.update()
        .where(schema.import_batches.c.id == batch)
        .values(imported=report.imported, duplicates=report.duplicates, invalid=report.invalid_rows)
    )
    return report


def _next_id(conn: Connection) -> int:
    return (conn.execute(select(func.max(schema.applications.c.id))).scalar() or 0) + 1


def _stored_columns(parsed: Parsed, policies: PolicyBook, prior: dict[str, str], batch: int, now: datetime) -> dict:
    """The applications table's columns for the parsed rows: matching keys and eligibility added."""
    c = parsed.columns
    count = len(parsed)
    web = list(map(domain_of_url, c["website"]))
    mail = list(map(domain_of_email, c["contact_email"]))
    screen = Screen(policies)
    outcomes = screen.outcomes
    eligibility, age, funding, territory, previous, notes, versions = ([] for _ in range(7))
    for applied, founded, raised, country, declared, workspace, web_domain, mail_domain in zip(
        c["submitted_on"], c["incorporated_on"], c["total_funding"], c["country"], c["previous_discount"],
        c["workspace"], web, mail,
    ):  # fmt: skip
        note = _prior_note(prior, workspace, web_domain, mail_domain) if prior else None
        stored, version = outcomes(applied, founded, raised, country, declared, note)
        eligibility.append(stored[0])
        age.append(stored[1])
        funding.append(stored[2])
        territory.append(stored[3])
        previous.append(stored[4])
        # why rule 4 failed, when the form did not say so: the enrollment found
        notes.append(note if note and not declared else None)
        versions.append(version)
    return {
        "source_key": parsed.keys,
        "application_id": c["application_id"],
        "submitted_on": c["submitted_on"],
        "company": c["company"],
        "contact_email": c["contact_email"],
        "contact_name": c["contact_name"],
        "country": c["country"],
        "incorporated_on": c["incorporated_on"],
        "total_funding_cents": c["total_funding"],
        "funding_currency": c["funding_currency"],
        "previous_discount": c["previous_discount"],
        "website": c["website"],
        "workspace": c["workspace"],
        "partner_code": c["partner_code"],
        "notes": c["notes"],
        "web_domain": web,
        "mail_domain": mail,
        "name_key": list(map(name_key, c["company"])),
        "status": ["new"] * count,
        "eligibility": eligibility,
        "rule_age": age,
        "rule_funding": funding,
        "rule_territory": territory,
        "rule_previous_discount": previous,
        "prior_note": notes,
        "policy_version": versions,
        "import_batch": [batch] * count,
        "imported_at": [now] * count,
        "version": [1] * count,
    }


#: Pairs of columns whose equal values make two applications possible duplicates.
_DUPLICATE_KEYS = (
    ("workspace", "workspace", "workspace"),
    ("domain", "web_domain", "web_domain"),
    ("domain", "web_domain", "mail_domain"),
    ("domain", "mail_domain", "web_domain"),
    ("domain", "mail_domain", "mail_domain"),
    ("name", "name_key", "name_key"),
)


def flag_duplicates(conn: Connection, batch: int, first_id: int) -> int:
    """Flag each application of the batch against the earliest other one sharing a key.

    Done in SQL over the indexed key columns, after the insert, so that rows of the
    same file find each other as well as those already stored.
    """
    new, old = schema.applications.alias("new"), schema.applications.alias("old")
    earliest: dict[tuple[int, str], int] = {}
    for kind, new_column, old_column in _DUPLICATE_KEYS:
        query = (
            select(new.c.id, func.min(old.c.id))
            .join(old, (old.c[old_column] == new.c[new_column]) & (old.c.id < new.c.id))
            # the id range finds the batch's rows by the primary key; the batch number keeps out a concurrent import's
            .where(new.c.id >= first_id, new.c.import_batch == batch, new.c[new_column] != "")
            .group_by(new.c.id)
        )
        for application, other in conn.execute(query):
            key = (application, kind)
            if key not in earliest or other < earliest[key]:
                earliest[key] = other
    if earliest:
        pairs = list(earliest.items())
        insert_columns(
            conn,
            schema.duplicate_flags,
            {
                "application": [application for (application, _), _ in pairs],
                "other": [other for _, other in pairs],
                "kind": [kind for (_, kind), _ in pairs],
            },
        )
    return len({application for application, _ in earliest})


def _without_stored_ids(conn: Connection, text: TextColumns, report: ImportReport) -> TextColumns:
    """The rows whose application id is already stored, left out before any check.

    The form's export is cumulative: each morning's file holds every application so
    far and a few new ones. Those already imported are skipped (and counted) without
    parsing them again; what is left is checked, and rows without an id are matched
    on their content later.
    """
    ids = text.columns["application_id"]
    stored = _stored_keys(conn, ["id:" + application_id for application_id in ids if application_id])
    if not stored:
        return text
    known = {index for index, application_id in enumerate(ids) if application_id and "id:" + application_id in stored}
    report.duplicates += len(known)
    return text.without(known)


def _fresh(conn: Connection, keys: list[str], seen: set[str], report: ImportReport) -> list[int]:
    """The positions of rows not imported before, in the database or earlier in the file;
    the others are counted as duplicates. (Stored application ids were left out already:
    only rows without one are looked up, by their content's digest.)"""
    stored = _stored_keys(conn, [key for key in keys if key.startswith("row:")])
    fresh = []
    for index, key in enumerate(keys):
        if key in stored or key in seen:
            report.duplicates += 1
        else:
            seen.add(key)
            fresh.append(index)
    return fresh


def _stored_keys(conn: Connection, keys: list[str]) -> set[str]:
    """Which of `keys` are already stored."""
    seen: set[str] = set()
    if not conn.execute(select(schema.applications.c.id).limit(1)).first():
        return seen
    sqlite = conn.dialect.name == "sqlite"
    step = 500 if sqlite else CHUNK
    for start in range(0, len(keys), step):
        chunk = keys[start : start + step]
        if sqlite:  # SQLAlchemy spends longer expanding the IN list than SQLite takes to answer it
            marks = ",".join("?" * len(chunk))
            found = conn.exec_driver_sql(
                f"SELECT source_key FROM applications WHERE source_key IN ({marks})", tuple(chunk)
            )
        else:
            found = conn.execute(
                select(schema.applications.c.source_key).where(schema.applications.c.source_key.in_(chunk))
            )
        seen.update(key for (key,) in found.fetchall())
    return seen


def _prior_enrollments(conn: Connection) -> dict[str, str]:
    """workspace or domain -> the enrollment it belongs to (rule 4)."""
    prior: dict[str, str] = {}
    rows = conn.execute(
        select(schema.enrollments.c.workspace, schema.enrollments.c.web_domain, schema.enrollments.c.mail_domain)
    )
    for workspace, web, mail in rows:
        prior["ws:" + workspace] = workspace
        for domain in (web, mail):
            if domain:
                prior["dom:" + domain] = workspace
    return prior


def _prior_note(prior: dict[str, str], workspace: str, web: str, mail: str) -> str | None:
    if not prior:
        return None
    if workspace and "ws:" + workspace in prior:
        return f"workspace {workspace} already holds or held a program enrollment"
    for domain in (web, mail):
        if domain and "dom:" + domain in prior:
            return f"{domain} already holds or held a program enrollment (workspace {prior['dom:' + domain]})"
    return None


def suggest_mapping(header: list[str]) -> dict[str, str]:
    """The form's columns found in a header (exact names or known variants), as templates."""
    from app.importing.mapping import normalise_header

    found: dict[str, str] = {}
    for name in header:
        column = normalise_header(name)
        target = column if column in TARGETS else ALIASES.get(column)
        if target and target not in found:
            found[target] = "{" + name + "}"
    return found
