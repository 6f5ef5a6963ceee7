"""Export use cases (SPEC 6): each is `use_case(command, uow)` with a frozen command.

An export reads the ledger in its unit of work (one transaction, so every figure
of a file is of one moment), then writes its file beside the target and renames
it into place. Long work takes a progress callback and a cancel check as fields of
its command; the letters' date and a file's generation stamp come from the unit of
work's clock.

    database.run(export_adjustments, ExportAdjustments("2026-02", Path("adj.xlsx")))
    database.query(letters_pending)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, insert, select

from app import schema
from app.database import UnitOfWork
from app.errors import AppError, UsageError
from app.exports.adjustment_data import adjustment_rows
from app.exports.letters import Letter, LetterSettings
from app.exports.month_data import month_entries, month_members, require_closed
from app.services.applications import find_application_row
from models.money import plain

Progress = Callable[[int, int], None]


def never() -> bool:
    return False


SETTINGS_KEY = "letter_settings"


@dataclass
class ExportResult:
    """What an export wrote, and the figures a person checks it by."""

    files: list[Path]
    rows: int
    totals: dict[str, str] = field(default_factory=dict)  # money as SPEC 8 strings
    applications: tuple[int, ...] = ()  # letters: whose letters the files hold

    def as_json(self) -> dict:
        return {"files": [str(f) for f in self.files], "rows": self.rows, "totals": self.totals}


@dataclass(frozen=True)
class ExportAdjustments:
    """SPEC 6 billing adjustments of a closed month, to `target` (.xlsx or .csv)."""

    month: str
    target: Path
    progress: Progress | None = field(default=None, compare=False)
    cancelled: Callable[[], bool] = field(default=never, compare=False)


@dataclass(frozen=True)
class ExportStatements:
    """Every member's statement of a closed month in one workbook (.xlsx); with `workspace`,
    that member's one-page PDF."""

    month: str
    target: Path
    workspace: str | None = None
    progress: Progress | None = field(default=None, compare=False)
    cancelled: Callable[[], bool] = field(default=never, compare=False)


@dataclass(frozen=True)
class ExportLetters:
    """Acceptance letters: `target.pdf` one combined file; a folder one PDF per letter (and,
    with `drafts`, an .eml draft beside each). `refs` None: every accepted application
    without a letter yet. `on`: the letters' date (default: today on the unit of work's clock)."""

    refs: tuple[str | int, ...] | None
    target: Path
    drafts: bool = False
    on: date | None = None
    settings: LetterSettings | None = field(default=None, compare=False)
    progress: Progress | None = field(default=None, compare=False)
    cancelled: Callable[[], bool] = field(default=never, compare=False)
    record: bool = True  # False: a file to print; the letters count once `RecordLetters` says printed


@dataclass(frozen=True)
class RecordLetters:
    """These applications' letters were printed (or saved) from `file_name`."""

    applications: tuple[int, ...]
    file_name: str


@dataclass(frozen=True)
class SaveLetterSettings:
    settings: LetterSettings


@dataclass(frozen=True)
class PreviewLetter:
    """One letter with these (unsaved) settings, for a look before saving or printing."""

    settings: LetterSettings
    target: Path
    refs: tuple[str | int, ...] | None = None


# ---- settings --------------------------------------------------------------------------------


def letter_settings(uow: UnitOfWork) -> LetterSettings:
    """The letterhead, signatory and wording the team saved (a read: `database.query`)."""
    text = uow.conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == SETTINGS_KEY)).scalar()
    return LetterSettings.from_json(text)


def save_letter_settings(command: SaveLetterSettings, uow: UnitOfWork) -> None:
    """Checked first: a template with an unknown placeholder is refused and nothing is saved."""
    command.settings.check()
    meta, value = schema.meta, command.settings.to_json()
    if uow.conn.execute(select(meta.c.key).where(meta.c.key == SETTINGS_KEY)).first():
        uow.conn.execute(meta.update().where(meta.c.key == SETTINGS_KEY).values(value=value))
    else:
        uow.conn.execute(insert(meta).values(key=SETTINGS_KEY, value=value))


# ---- billing adjustments and statements -------------------------------------------------------


def check_suffix(target: Path, allowed: tuple[str, ...]) -> str:
    """The target's kind, refused before anything is read when it is not one of `allowed`,
    is a folder, or lies in no folder."""
    suffix = target.suffix.lower()
    if suffix not in allowed:
        raise UsageError(f"{target.name}: the file must end in {' or '.join(allowed)}")
    check_file_target(target)
    return suffix


def check_file_target(target: Path) -> None:
    """Refuse a target that cannot be a file: a folder, or a file in no folder."""
    if target.is_dir():
        raise UsageError(f"{target} is a folder: give the name of a file to write")
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent} is not a folder")


#: what a file name ends in, as opposed to a folder name with a dot in it ("letters.2026-01")
_FILE_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}")


def _letters_target(target: Path, drafts: bool) -> bool:
    """True for one combined PDF, False for a folder of letters; anything else is refused
    before a letter is written or recorded."""
    if target.suffix.lower() == ".pdf" and not target.is_dir():
        if drafts:
            raise UsageError("e-mail drafts need one PDF per letter: give a folder, not a .pdf file")
        check_file_target(target)
        return True
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file: give a folder for one PDF per letter, or PATH.pdf for one file")
    if not target.exists():
        if _FILE_SUFFIX.fullmatch(target.suffix):
            raise UsageError(
                f"{target.name}: letters are written to PATH.pdf (one combined file) or to a folder "
                f"(one PDF per letter), not to a {target.suffix} file"
            )
        if not target.parent.is_dir():
            raise UsageError(f"{target.parent} is not a folder: the letters' folder is made in an existing one")
    return False


def export_adjustments(command: ExportAdjustments, uow: UnitOfWork) -> ExportResult:
    """SPEC 6 billing adjustments for a closed month, as .xlsx or .csv."""
    from app.exports.adjustments import write_adjustments_csv, write_adjustments_xlsx

    target = Path(command.target)
    suffix = check_suffix(target, (".xlsx", ".csv"))
    require_closed(uow.conn, command.month)
    members = list(adjustment_rows(uow.conn, command.month))  # one streamed read of what the rows need
    program = letter_settings(uow).program
    if suffix == ".csv":
        totals = write_adjustments_csv(members, target, command.progress, command.cancelled)
    else:
        totals = write_adjustments_xlsx(
            members, target, command.month, program, uow.now(), command.progress, command.cancelled
        )
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


def export_statements(command: ExportStatements, uow: UnitOfWork) -> ExportResult:
    """Every member's statement for a closed month in one workbook, or one member's PDF."""
    if command.workspace:
        return _statement_pdf(command, uow)
    from app.exports.statements import write_statements_xlsx

    target = Path(command.target)
    check_suffix(target, (".xlsx",))
    require_closed(uow.conn, command.month)
    members = month_members(uow.conn, command.month, statement=True)
    program = letter_settings(uow).program
    liability = write_statements_xlsx(
        members,
        target,
        command.month,
        program,
        uow.now(),
        command.progress,
        command.cancelled,
        run_outs(uow, month=command.month),
    )
    return ExportResult([target], len(members), {"closing_balance": plain(liability)})


def _statement_pdf(command: ExportStatements, uow: UnitOfWork) -> ExportResult:
    from app.exports.statements import write_statement_pdf

    target, month, workspace = Path(command.target), command.month, command.workspace
    check_suffix(target, (".pdf",))
    require_closed(uow.conn, month)
    member = next((m for m in month_members(uow.conn, month, statement=True) if m.workspace == workspace), None)
    if member is None:
        raise AppError(f"{workspace} is not a member in {month}")
    entries = month_entries(uow.conn, member.enrollment, month)
    settings = letter_settings(uow)
    run_out = run_outs(uow, workspace, month).get(workspace, (None, None))
    write_statement_pdf(member, entries, target, month, settings.program, settings.contact, uow.today, run_out)
    return ExportResult([target], 1, {"closing_balance": plain(member.closing)})


def run_outs(
    uow: UnitOfWork, workspace: str | None = None, month: str | None = None
) -> dict[str, tuple[str | None, str | None]]:
    """Each member's run-out month and first bill charged in full (SPEC 10), as the forecast has them
    from `month`'s end: a month's statement exported again later says what it said then."""
    from app.services.ledger.forecasts import Forecast, forecast

    members = forecast(Forecast(workspace, after_month=month), uow)["members"]
    return {m["workspace"]: (m["run_out"], m["first_full_bill"]) for m in members}


def closed_months(uow: UnitOfWork) -> list[str]:
    """Months that can be exported, newest first (a read: `database.query`)."""
    closes = schema.month_closes
    return list(uow.conn.execute(select(closes.c.month).order_by(closes.c.month.desc())).scalars())


# ---- acceptance letters ----------------------------------------------------------------------------

a, e, py = schema.applications, schema.enrollments, schema.program_years


def letters_for(uow: UnitOfWork, refs: tuple[str | int, ...] | list[str | int] | None) -> list[Letter]:
    """The letters of these applications (an int is Startup Desk's own id; text the
    application_id or number, as typed), or of every accepted one that has no letter yet."""
    conn = uow.conn
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


def letters_pending(uow: UnitOfWork) -> int:
    """How many accepted applications have no letter yet (a read: `database.query`)."""
    has_letter = select(schema.letters.c.application)
    return uow.conn.execute(
        select(func.count()).select_from(a).where(a.c.status == "accepted", a.c.id.not_in(has_letter))
    ).scalar()


def export_letters(command: ExportLetters, uow: UnitOfWork) -> ExportResult:
    """`target.pdf`: one combined file; a folder: one PDF per letter (and .eml drafts).

    The letters are recorded in the same transaction once the files are in place, so
    "letters not yet written" stays right after a failed or cancelled export.
    """
    from app.exports.letters import write_combined, write_each

    target = Path(command.target)
    on = command.on or uow.today
    combined = _letters_target(target, command.drafts)
    letters = letters_for(uow, command.refs)
    settings = command.settings or letter_settings(uow)
    settings.check()
    if not letters:
        raise AppError("no letters to write: every accepted application has its letter")
    progress, cancelled = command.progress, command.cancelled
    if combined:
        files = [write_combined(letters, target, settings, on, progress, cancelled)]
        names = {letter.application: target.name for letter in letters}
    else:
        files = write_each(letters, target, settings, on, uow.now(), command.drafts, progress, cancelled)
        pdfs = [f for f in files if f.suffix == ".pdf"]
        names = {letter.application: path.name for letter, path in zip(letters, pdfs)}
    if command.record:
        _record(uow, names)
    return ExportResult(files, len(letters), applications=tuple(names))


def record_letters(command: RecordLetters, uow: UnitOfWork) -> int:
    """A printed file's letters count as written: one more line in each letter's history."""
    _record(uow, {number: command.file_name for number in command.applications})
    return len(command.applications)


def _record(uow: UnitOfWork, names: dict[int, str]) -> None:
    if not names:
        return
    now = uow.now()
    uow.conn.execute(
        insert(schema.letters),
        [
            {"application": number, "generated_at": now, "actor": uow.actor, "file_name": name}
            for number, name in names.items()
        ],
    )


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


def preview_letter(command: PreviewLetter, uow: UnitOfWork) -> Path:
    """One letter with these (unsaved) settings; nothing is recorded."""
    from app.exports.letters import write_combined

    command.settings.check()
    letters = letters_for(uow, command.refs) if command.refs else []
    return write_combined(letters[:1] or [SAMPLE], Path(command.target), command.settings, uow.today)
