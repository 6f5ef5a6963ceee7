"""Importing the application form's export (SPEC 7): the pipeline.

Rows are validated one by one (every problem named by row, column and reason:
app/importing/columns.py); the valid ones are evaluated for eligibility, checked
for duplicates (duplicates.py) and inserted in bulk in the caller's transaction;
rows imported before are skipped by their keys (keys.py). With `strict`, one invalid
row refuses the whole file.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from itertools import chain, repeat
from pathlib import Path

from sqlalchemy import Connection, func, insert, select

from app import domains, schema
from app.bulk import IndexesAside, insert_columns, large_page_cache, paused_gc
from app.errors import Cancelled
from app.importing.columns import (  # noqa: F401  (the import's names, in one place for its callers)
    ALIASES,
    REQUIRED,
    TARGETS,
    Parsed,
    Progress,
    TextColumns,
    check_rows,
    parse_rows,
    read_text,
    read_text_chunks,
    suggest_mapping,
)
from app.importing.duplicates import flag_duplicates
from app.importing.keys import fresh_rows, stored_id_rows, without_stored_ids
from app.importing.mapping import Mapping
from app.importing.report import ImportReport, InvalidRow, RowError  # noqa: F401
from app.importing.tabular import FileRefused, Table, read_table  # noqa: F401
from app.search_backlog import index_small_import
from models.eligibility import Screen
from models.matching import name_key
from models.policy import PolicyBook

INSERT_CHUNK = 20_000  # rows between two looks at progress and cancel
FIRST_CHUNK = 4_000


def check_without_writing(
    conn: Connection,
    table: Table,
    mapping: Mapping | None,
    report: ImportReport,
    cancelled: Callable[[], bool] = lambda: False,
    submitted_on: date | None = None,
) -> None:
    """What an import of `table` would report, without importing: rows already imported
    (stored, or earlier in the file) in `report.duplicates`, invalid rows named."""
    text = without_stored_ids(conn, read_text(table, mapping, report, cancelled, submitted_on), report)
    parsed, errors = check_rows(text, 0, len(text.numbers))
    report.invalid.extend(errors)
    fresh_rows(conn, parsed.keys, set(), report)


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
    submitted_on: date | None = None,
) -> ImportReport:
    """Validate and insert; the caller commits. When `strict` and any row is invalid, the
    report names every invalid row and the caller must roll back (rows before the first
    invalid one are already inserted in its transaction). `submitted_on` is the application
    date of the rows that have none."""
    with paused_gc(), large_page_cache(conn):
        return _import(conn, path, mapping, policies, actor, now, strict, progress, cancelled, submitted_on)


def _import(conn, path, mapping, policies, actor, now, strict, progress, cancelled, submitted_on) -> ImportReport:
    report = ImportReport()
    table = read_table(path, mapping.encoding if mapping else None, mapping.delimiter if mapping else None)
    sizes = chain([FIRST_CHUNK], repeat(INSERT_CHUNK))
    chunks = read_text_chunks(table, mapping, report, cancelled, submitted_on, sizes)
    if progress:
        progress(0, table.position()[1])
    batch = conn.execute(
        insert(schema.import_batches).values(
            kind="applications", file_name=Path(path).name, at=now, actor=actor, imported=0, duplicates=0, invalid=0
        )
    ).inserted_primary_key[0]
    report.batch = batch
    first_id = _next_id(conn)
    prior = _prior_enrollments(conn)
    partner_codes: set[str] = set()

    # The file is read a chunk at a time (issue 17: held whole, a million rows took 2.4 GB).
    # The next chunk is read and checked on a helper thread while SQLite inserts this one
    # (SQLite lets go of Python's lock while it works): the Python and the SQLite halves of
    # an import overlap instead of taking turns. The first chunk, which nothing overlaps, is
    # a small one.
    def prepare() -> tuple[TextColumns, Parsed, list[RowError], dict] | None:
        text = next(chunks, None)
        if text is None:
            return None
        parsed, errors = check_rows(text, 0, len(text.numbers))
        return text, parsed, errors, _stored_columns(parsed, policies, prior, batch, now)

    with ThreadPoolExecutor(1, thread_name_prefix="import") as helper:
        with IndexesAside(conn, schema.applications, first_id - 1) as aside:
            pending = helper.submit(prepare)
            while (ready := pending.result()) is not None:
                if cancelled():
                    raise Cancelled("import cancelled: nothing was imported")
                pending = helper.submit(prepare)
                text, parsed, errors, columns = ready
                # rows whose application id is stored (earlier chunks included) are skipped and
                # counted, whatever their check said
                known = stored_id_rows(conn, text)
                if known:
                    report.duplicates += len(known)
                    errors = [error for error in errors if error.row not in known]
                    keep = [i for i, number in enumerate(parsed.numbers) if number not in known]
                    parsed, columns = parsed.take(keep), _taken(columns, keep)
                report.invalid.extend(errors)
                fresh = fresh_rows(conn, parsed.keys, set(), report)
                # strict: once a row is invalid nothing more is written (the caller rolls back),
                # but every row is still checked, so that the report names them all
                if fresh and not (strict and report.invalid):
                    if len(fresh) < len(parsed):
                        columns = _taken(columns, fresh)
                    aside.before_insert(_still_to_come(table, report.rows, len(fresh)))
                    insert_columns(conn, schema.applications, columns)
                    report.imported += len(fresh)
                    partner_codes.update(columns["partner_code"])
                if progress:
                    progress(*table.position())
    if strict and report.invalid:
        return report
    report.flagged = flag_duplicates(conn, batch, first_id)
    index_small_import(conn)  # a big import's rows go into the search index after its commit
    known_partners = set(conn.execute(select(schema.partners.c.code)).scalars())
    report.unknown_partners = sorted(partner_codes - known_partners - {""})
    conn.execute(
        schema.import_batches.update()
        .where(schema.import_batches.c.id == batch)
        .values(imported=report.imported, duplicates=report.duplicates, invalid=report.invalid_rows)
    )
    return report


def _taken(columns: dict[str, list], indices: list[int]) -> dict[str, list]:
    return {name: [values[i] for i in indices] for name, values in columns.items()}


def _still_to_come(table: Table, read: int, inserting: int) -> int:
    """About how many rows this insert and the rest of the file hold (from how far into the
    file the rows read so far reach)."""
    done, size = table.position()
    if not done or done >= size:
        return inserting
    return inserting + int(read * (size - done) / done)


def _next_id(conn: Connection) -> int:
    return (conn.execute(select(func.max(schema.applications.c.id))).scalar() or 0) + 1


def _stored_columns(parsed: Parsed, policies: PolicyBook, prior: dict[str, str], batch: int, now: datetime) -> dict:
    """The applications table's columns for the parsed rows: matching keys and eligibility added."""
    c = parsed.columns
    count = len(parsed)
    web = list(map(domains.web_domain, c["website"]))
    mail = list(map(domains.mail_domain, c["contact_email"]))
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
