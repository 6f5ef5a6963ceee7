"""Importing the application form's export (SPEC 7).

Rows are validated one by one (every problem named by row, column and reason);
the valid ones are evaluated for eligibility, checked for duplicates and
inserted in bulk in the caller's transaction. With `strict`, one invalid row
refuses the whole file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, func, insert, select

from app import schema
from app.bulk import bulk_insert
from app.countries import to_alpha2
from app.errors import Cancelled
from app.importing.mapping import Mapping, resolve
from app.importing.tabular import FileRefused, Table, read_table
from app.importing.values import parse_date, parse_email, parse_funding, parse_yes_no
from app.search import index_new_applications
from models.applications import Application
from models.eligibility import evaluate
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
class ParsedRow:
    row: int
    app: Application
    source_key: str


Progress = Callable[[int, int], None]


def parse_rows(
    table: Table,
    mapping: Mapping | None,
    policies: PolicyBook,
    report: ImportReport,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[ParsedRow]:
    readers = resolve(mapping, table.header, TARGETS, ALIASES)
    missing = [column for column in REQUIRED if column not in readers]
    if missing:
        raise FileRefused(
            f"required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} not found "
            f"(the file has: {', '.join(table.header)}); map them in a column mapping"
        )
    date_format = mapping.date_format if mapping else None
    get = {target: readers.get(target) for target in TARGETS}
    empty = lambda cells: ""  # noqa: E731
    get = {target: reader or empty for target, reader in get.items()}
    parsed: list[ParsedRow] = []
    errors = report.invalid
    for number, cells in table.rows:
        report.rows += 1
        if report.rows % CHUNK == 0 and cancelled():
            raise Cancelled("import cancelled: nothing was imported")
        row = _parse_row(number, cells, get, date_format, policies, errors)
        if row is not None:
            parsed.append(row)
    return parsed


def _parse_row(number, cells, get, date_format, policies: PolicyBook, errors: list[RowError]) -> ParsedRow | None:
    failed = len(errors)

    def fail(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    text = {target: reader(cells).strip() for target, reader in get.items()}
    for column in REQUIRED:
        if not text[column]:
            fail(column, "required, but blank")
    for column, limit in LIMITS.items():
        if len(text[column]) > limit:
            fail(column, f"longer than {limit} characters")
    submitted = incorporated = funding = currency = previous = None
    country = ""
    if text["submitted_on"]:
        try:
            submitted = parse_date(text["submitted_on"], date_format)
        except InvalidInput as exc:
            fail("submitted_on", str(exc))
    if text["contact_email"]:
        try:
            parse_email(text["contact_email"])
        except InvalidInput as exc:
            fail("contact_email", str(exc))
    if text["country"]:
        country = to_alpha2(text["country"]) or ""
        if not country:
            fail("country", f"{text['country']!r} is not a country code or English country name")
    if text["incorporated_on"]:
        try:
            incorporated = parse_date(text["incorporated_on"], date_format)
        except InvalidInput as exc:
            fail("incorporated_on", str(exc))
        if incorporated and submitted and incorporated > submitted:
            fail("incorporated_on", f"{incorporated} is after the application date {submitted}")
    if text["total_funding_usd"]:
        try:
            funding, currency = parse_funding(text["total_funding_usd"])
        except InvalidInput as exc:
            fail("total_funding_usd", str(exc))
    if text["previous_discount"]:
        try:
            previous = parse_yes_no(text["previous_discount"])
        except InvalidInput as exc:
            fail("previous_discount", str(exc))
    if len(errors) > failed:
        return None
    app = Application(
        submitted_on=submitted,
        company=text["company"],
        contact_email=text["contact_email"],
        country=country,
        incorporated_on=incorporated,
        total_funding=funding,
        funding_currency=currency,
        previous_discount=previous,
        contact_name=text["contact_name"],
        website=text["website"],
        workspace=text["workspace"].lower(),
        partner_code=text["partner_code"],
        notes=text["notes"],
        application_id=text["application_id"] or None,
    )
    if app.application_id:
        key = "id:" + app.application_id
    else:
        digest = "|".join((str(submitted), app.company.casefold(), app.contact_email.casefold(), country))
        key = "row:" + hashlib.sha1(digest.encode("utf-8")).hexdigest()
    return ParsedRow(number, app, key)


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
    """Validate and insert; the caller commits. Nothing is written when `strict` and any row is invalid."""
    report = ImportReport()
    table = read_table(path, mapping.encoding if mapping else None, mapping.delimiter if mapping else None)
    parsed = parse_rows(table, mapping, policies, report, cancelled)
    if strict and report.invalid:
        return report
    fresh = _drop_already_imported(conn, parsed, report)
    if progress:
        progress(0, len(fresh))
    batch = conn.execute(
        insert(schema.import_batches).values(
            kind="applications", file_name=Path(path).name, at=now, actor=actor, imported=0, duplicates=0, invalid=0
        )
    ).inserted_primary_key[0]
    report.batch = batch
    prior = _prior_enrollments(conn)
    first_id = (conn.execute(select(func.max(schema.applications.c.id))).scalar() or 0) + 1
    known_partners = set(conn.execute(select(schema.partners.c.code)).scalars())
    unknown_partners: set[str] = set()
    for start in range(0, len(fresh), CHUNK):
        if cancelled():
            raise Cancelled("import cancelled: nothing was imported")
        records = [_record(item, policies, prior, batch, now) for item in fresh[start : start + CHUNK]]
        for record in records:
            code = record["partner_code"]
            if code and code not in known_partners:
                unknown_partners.add(code)
        bulk_insert(conn, schema.applications, records)
        report.imported += len(records)
        if progress:
            progress(report.imported, len(fresh))
    index_new_applications(conn, first_id)
    report.flagged = flag_duplicates(conn, batch, first_id)
    report.unknown_partners = sorted(unknown_partners)
    conn.execute(
        schema.import_batches.update()
        .where(schema.import_batches.c.id == batch)
        .values(imported=report.imported, duplicates=report.duplicates, invalid=report.invalid_rows)
    )
    return report


def _record(item: ParsedRow, policies: PolicyBook, prior: dict[str, str], batch: int, now: datetime) -> dict:
    app = item.app
    web, mail = domain_of_url(app.website), domain_of_email(app.contact_email)
    verdict = evaluate(app, policies.in_force(app.submitted_on), _prior_note(prior, app.workspace, web, mail))
    age, funding, territory, previous = verdict.results
    return {
        "source_key": item.source_key,
        "application_id": app.application_id,
        "submitted_on": app.submitted_on,
        "company": app.company,
        "contact_email": app.contact_email,
        "contact_name": app.contact_name,
        "country": app.country,
        "incorporated_on": app.incorporated_on,
        "total_funding_cents": app.total_funding,
        "funding_currency": app.funding_currency,
        "previous_discount": app.previous_discount,
        "website": app.website,
        "workspace": app.workspace,
        "partner_code": app.partner_code,
        "notes": app.notes,
        "web_domain": web,
        "mail_domain": mail,
        "name_key": name_key(app.company),
        "status": "new",
        "eligibility": verdict.eligibility.value,
        "rule_age": age.outcome.value,
        "rule_funding": funding.outcome.value,
        "rule_territory": territory.outcome.value,
        "rule_previous_discount": previous.outcome.value,
        "prior_note": previous.reason if previous.outcome.value == "fail" and not app.previous_discount else None,
        "policy_version": verdict.policy_version,
        "import_batch": batch,
        "imported_at": now,
        "version": 1,
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
        conn.execute(
            insert(schema.duplicate_flags),
            [
                {"application": application, "other": other, "kind": kind}
                for (application, kind), other in earliest.items()
            ],
        )
    return len({application for application, _ in earliest})


def _drop_already_imported(conn: Connection, parsed: list[ParsedRow], report: ImportReport) -> list[ParsedRow]:
    """Rows imported before (same application_id, or the same row) are skipped and counted."""
    seen: set[str] = set()
    keys = [item.source_key for item in parsed]
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        seen.update(
            conn.execute(
                select(schema.applications.c.source_key).where(schema.applications.c.source_key.in_(chunk))
            ).scalars()
        )
    fresh = []
    for item in parsed:
        if item.source_key in seen:
            report.duplicates += 1
        else:
            seen.add(item.source_key)
            fresh.append(item)
    return fresh


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
