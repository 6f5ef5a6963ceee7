"""Export use cases: read the ledger in one transaction, then write the file off to the side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, func, insert, select

from app import schema
from app.database import Database, utcnow
from app.errors import AppError, UsageError
from app.exports.letters import Letter, LetterSettings
from app.exports.month_data import month_entries, month_members, require_closed
from app.services.applications import find_application_row
from models.money import plain

Progress = Callable[[int, int], None]
NEVER: Callable[[], bool] = lambda: False  # noqa: E731

SETTINGS_KEY = "letter_settings"


@dataclass
class ExportResult:
    """What an export wrote, and the figures a person checks it by."""

    files: list[Path]
    rows: int
    totals: dict[str, str] = field(default_factory=dict)  # money as SPEC 8 strings

    def as_json(self) -> dict:
        return {"files": [str(f) for f in self.files], "rows": self.rows, "totals": self.totals}


# ---- settings --------------------------------------------------------------------------------


def letter_settings(database: Database) -> LetterSettings:
    with database.read() as conn:
        return _settings(conn)


def _settings(conn: Connection) -> LetterSettings:
    text = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == SETTINGS_KEY)).scalar()
    return LetterSettings.from_json(text)


def save_letter_settings(database: Database, settings: LetterSettings) -> None:
    """Checked first: a template with an unknown placeholder is refused and nothing is saved."""
    settings.check()
    with database.unit_of_work() as uow:
        meta = schema.meta
        if uow.conn.execute(select(meta.c.key).where(meta.c.key == SETTINGS_KEY)).first():
            uow.conn.execute(meta.update().where(meta.c.key == SETTINGS_KEY).values(value=settings.to_json()))
        else:
            uow.conn.execute(insert(meta).values(key=SETTINGS_KEY, value=settings.to_json()))
        uow.commit()


# ---- billing adjustments and statements -------------------------------------------------------


def _suffix(target: Path, allowed: tuple[str, ...]) -> str:
    suffix = target.suffix.lower()
    if suffix not in allowed:
        raise UsageError(f"{target.name}: the file must end in {' or '.join(allowed)}")
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent} is not a folder")
    return suffix


def export_adjustments(
    database: Database, month: str, target: Path | str, progress: Progress | None = None, cancelled=NEVER
) -> ExportResult:
    """SPEC 6 billing adjustments for a closed month, as .xlsx or .csv."""
    from app.exports.adjustments import write_adjustments_csv, write_adjustments_xlsx

    target = Path(target)
    suffix = _suffix(target, (".xlsx", ".csv"))
    with database.read() as conn:
        require_closed(conn, month)
        members = month_members(conn, month)
        program = _settings(conn).program
    if suffix == ".csv":
        totals = write_adjustments_csv(members, target, progress, cancelled)
    else:
        totals = write_adjustments_xlsx(members, target, month, program, utcnow(), progress, cancelled)
    return ExportResult(
        [target],
        totals.workspaces,
        {
            "bills": plain(totals.bills),
            "credit_applied": plain(totals.credit_applied),
            "renewal_discount": plain(totals.discount),
            "due": plain(totals.due),
            "credit_left": plain(totals.credit_left),
        },
    )


def export_statements(
    database: Database, month: str, target: Path | str, progress: Progress | None = None, cancelled=NEVER
) -> ExportResult:
    """Every member's statement for a closed month in one workbook."""
    from app.exports.statements import write_statements_xlsx

    target = Path(target)
    _suffix(target, (".xlsx",))
    with database.read() as conn:
        require_closed(conn, month)
        members = month_members(conn, month, statement=True)
        program = _settings(conn).program
    liability = write_statements_xlsx(members, target, month, program, utcnow(), progress, cancelled)
    return ExportResult([target], len(members), {"closing_balance": plain(liability)})


def export_statement_pdf(database: Database, month: str, workspace: str, target: Path | str) -> ExportResult:
    """One member's one-page statement."""
    from app.exports.statements import write_statement_pdf

    target = Path(target)
    _suffix(target, (".pdf",))
    with database.read() as conn:
        require_closed(conn, month)
        member = next((m for m in month_members(conn, month, statement=True) if m.workspace == workspace), None)
        if member is None:
            raise AppError(f"{workspace} is not a member in {month}")
        entries = month_entries(conn, member.enrollment, month)
        settings = _settings(conn)
    write_statement_pdf(member, entries, target, month, settings.program, settings.contact, date.today())
    return ExportResult([target], 1, {"closing_balance": plain(member.closing)})


# ---- acceptance letters ----------------------------------------------------------------------------

a, e, py = schema.applications, schema.enrollments, schema.program_years


def letters_for(conn: Connection, refs: list[str | int] | None) -> list[Letter]:
    """The letters of these applications (an int is Startup Desk's own id; text the
    application_id or number, as typed), or of every accepted one that has no letter yet."""
    query = (
        select(
            a.c.id,
            a.c.application_id,
            a.c.company,
            a.c.contact_name,
            a.c.contact_email,
            e.c.workspace,
            py.c.credit_cents,
            py.c.valid_from,
            py.c.valid_until,
        )
        .join(e, e.c.application == a.c.id)
        .join(py, (py.c.enrollment == e.c.id) & (py.c.number == 1))
        .where(a.c.status == "accepted")
    )
    if refs:
        ids = [ref if isinstance(ref, int) else find_application_row(conn, ref).id for ref in refs]
        found = {row.id: row for row in conn.execute(query.where(a.c.id.in_(ids)))}
        missing = [ref for ref, number in zip(refs, ids) if number not in found]
        if missing:
            raise AppError(f"application {missing[0]} is not accepted: it has no letter")
        rows = [found[number] for number in dict.fromkeys(ids)]
    else:
        has_letter = select(schema.letters.c.application)
        rows = conn.execute(query.where(a.c.id.not_in(has_letter)).order_by(e.c.accepted_on, a.c.id)).all()
    return [
        Letter(
            row.id,
            row.application_id or str(row.id),
            row.company,
            row.contact_name,
            row.contact_email,
            row.workspace,
            int(row.credit_cents),
            row.valid_from,
            row.valid_until,
        )
        for row in rows
    ]


def letters_pending(database: Database) -> int:
    """How many accepted applications have no letter yet."""
    with database.read() as conn:
        has_letter = select(schema.letters.c.application)
        return conn.execute(
            select(func.count()).select_from(a).where(a.c.status == "accepted", a.c.id.not_in(has_letter))
        ).scalar()


def export_letters(
    database: Database,
    refs: list[str | int] | None,
    target: Path | str,
    drafts: bool = False,
    on: date | None = None,
    settings: LetterSettings | None = None,
    progress: Progress | None = None,
    cancelled=NEVER,
) -> ExportResult:
    """`target.pdf`: one combined file; a folder: one PDF per letter (and .eml drafts).

    The letters are recorded once the files are in place, so "letters not yet
    printed" stays right after a failed or cancelled export.
    """
    from app.exports.letters import write_combined, write_each

    target = Path(target)
    on = on or date.today()
    combined = target.suffix.lower() == ".pdf"
    if combined and drafts:
        raise UsageError("e-mail drafts need one PDF per letter: give a folder, not a .pdf file")
    if combined and not target.parent.is_dir():
        raise UsageError(f"{target.parent} is not a folder")
    with database.read() as conn:
        letters = letters_for(conn, refs)
        settings = settings or _settings(conn)
    settings.check()
    if not letters:
        raise AppError("no letters to write: every accepted application has its letter")
    if combined:
        files = [write_combined(letters, target, settings, on, progress, cancelled)]
        names = {letter.application: target.name for letter in letters}
    else:
        files = write_each(letters, target, settings, on, drafts, progress, cancelled)
        pdfs = [f for f in files if f.suffix == ".pdf"]
        names = {letter.application: path.name for letter, path in zip(letters, pdfs)}
    with database.unit_of_work() as uow:
        now = utcnow()
        uow.conn.execute(
            insert(schema.letters),
            [
                {"application": number, "generated_at": now, "actor": uow.actor, "file_name": name}
                for number, name in names.items()
            ],
        )
        uow.commit()
    return ExportResult(files, len(letters))


def closed_months(database: Database) -> list[str]:
    """Months that can be exported, newest first."""
    with database.read() as conn:
        closes = schema.month_closes
        return list(conn.execute(select(closes.c.month).order_by(closes.c.month.desc())).scalars())


SAMPLE = Letter(
    0,
    "SAMPLE-1",
    "Ёлка & Co <Labs> 東京",
    "Ada Lovelace",
    "ada@example.com",
    "sample",
    2_500_000,
    date(2026, 1, 15),
    date(2027, 1, 14),
)


def preview_letter(
    database: Database, settings: LetterSettings, target: Path | str, refs: list[str | int] | None = None
) -> Path:
    """One letter with these (unsaved) settings, for a look before saving or printing; nothing is recorded."""
    from app.exports.letters import write_combined

    settings.check()
    with database.read() as conn:
        letters = letters_for(conn, refs) if refs else []
    return write_combined(letters[:1] or [SAMPLE], Path(target), settings, date.today())
