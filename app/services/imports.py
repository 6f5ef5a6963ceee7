"""Import use cases: each file is one transaction.

    database.run(import_applications, ImportApplications(Path("form.csv")))
    database.query(preview_applications, Path("form.csv"), mapping)

Progress and cancel are fields of the command, as for the exports: a task hands them
to the use case without `database.run` learning about progress, and they are left out
of the command's equality (they say how a run is watched, not what is imported).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.database import UnitOfWork
from app.importing import applications as application_import
from app.importing.mapping import Mapping
from app.importing.report import ImportReport


def never() -> bool:
    return False


@dataclass(frozen=True)
class ImportApplications:
    """The application form's export. With `strict`, nothing unless every row is valid;
    `submitted_on` is the application date of rows that have none."""

    path: Path | str
    mapping: Mapping | None = None
    strict: bool = False
    submitted_on: date | None = None
    progress: application_import.Progress | None = field(default=None, compare=False)
    cancelled: Callable[[], bool] = field(default=never, compare=False)


@dataclass(frozen=True)
class ImportFile:
    """A partner registry (`import_partners`) or a bill file (`import_usage`)."""

    path: Path | str
    mapping: Mapping | None = None
    strict: bool = False


def import_applications(command: ImportApplications, uow: UnitOfWork) -> ImportReport:
    """Valid rows in one transaction; with `strict`, nothing unless every row is valid."""
    report = application_import.import_applications(
        uow.conn,
        command.path,
        command.mapping,
        uow.policies,
        uow.actor,
        uow.now(),
        command.strict,
        command.progress,
        command.cancelled,
        command.submitted_on,
    )
    return refused_if_invalid(uow, command.strict, report)


def import_partners(command: ImportFile, uow: UnitOfWork) -> ImportReport:
    from app.importing.partners import import_partners as run

    report = run(uow.conn, command.path, command.mapping, uow.now(), command.strict, uow.actor)
    return refused_if_invalid(uow, command.strict, report)


def import_usage(command: ImportFile, uow: UnitOfWork) -> ImportReport:
    """Bills. A changed bill of a closed month is stored and waits for a restatement."""
    from app.importing.usage import import_usage as run

    report = run(uow.conn, command.path, command.mapping, uow.actor, uow.now(), command.strict)
    return refused_if_invalid(uow, command.strict, report)


def refused_if_invalid(uow: UnitOfWork, strict: bool, report: ImportReport) -> ImportReport:
    """With `strict`, one invalid row keeps the whole file out: the transaction is rolled back
    (the rows before it were already inserted in it) and the report says nothing was imported."""
    if strict and report.invalid:
        report.imported = 0
        uow.discard()
    return report


@dataclass
class Preview:
    """What an import would do, before anything is written."""

    header: list[str]
    sample: list[tuple[int, dict[str, str]]]  # (row number, target column -> text) of the first rows
    report: ImportReport
    encoding: str


def preview_applications(
    uow: UnitOfWork,
    path: Path | str,
    mapping: Mapping | None = None,
    limit: int = 20,
    cancelled: Callable[[], bool] = never,
    submitted_on: date | None = None,
) -> Preview:
    """Map the first rows for a look, and check every row as the import would, writing
    nothing (a read: `database.query`): the report counts the rows already imported and
    names the invalid ones."""
    from app.importing.mapping import resolve
    from app.importing.tabular import read_table

    encoding = mapping.encoding if mapping else None
    delimiter = mapping.delimiter if mapping else None
    table = read_table(path, encoding, delimiter)
    readers = resolve(mapping, table.header, application_import.TARGETS, application_import.ALIASES)
    sample = []
    rows = []
    for number, cells in table.rows:
        rows.append((number, cells))
        if len(sample) < limit:
            sample.append((number, {target: _shown(readers[target], cells) for target in readers}))
    replay = application_import.Table(table.header, iter(rows), table.encoding, table.delimiter)
    report = ImportReport()
    try:
        application_import.check_without_writing(uow.conn, replay, mapping, report, cancelled, submitted_on)
    except application_import.FileRefused as exc:
        report.invalid.append(application_import.RowError(1, "file", str(exc)))
    return Preview(table.header, sample, report, table.encoding)


def _shown(reader, cells: list[str]) -> str:
    """A cell as the preview shows it; what a filter cannot read shows as blank (the report names it)."""
    from app.importing.mapping import Unreadable

    try:
        return reader(cells)
    except Unreadable:
        return ""
