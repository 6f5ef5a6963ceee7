"""Import use cases: each file is one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.database import Database, utcnow
from app.importing import applications as application_import
from app.importing.mapping import Mapping


def import_applications(
    database: Database,
    path: Path | str,
    mapping: Mapping | None = None,
    strict: bool = False,
    progress: application_import.Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    submitted_on: date | None = None,
) -> application_import.ImportReport:
    """Valid rows in one transaction; with `strict`, nothing unless every row is valid.
    `submitted_on` is the application date of rows that have none."""
    with database.unit_of_work() as uow:
        report = application_import.import_applications(
            uow.conn, path, mapping, uow.policies, uow.actor, utcnow(), strict, progress, cancelled, submitted_on
        )
        if not (strict and report.invalid):
            uow.commit()
    if strict and report.invalid:
        report.imported = 0
    return report


def import_partners(database: Database, path: Path | str, mapping: Mapping | None = None, strict: bool = False):
    from app.importing.partners import import_partners as run

    with database.unit_of_work() as uow:
        report = run(uow.conn, path, mapping, utcnow(), strict, uow.actor)
        if not (strict and report.invalid):
            uow.commit()
        else:
            report.imported = 0
    return report


@dataclass
class Preview:
    """What an import would do, before anything is written."""

    header: list[str]
    sample: list[tuple[int, dict[str, str]]]  # (row number, target column -> text) of the first rows
    report: application_import.ImportReport
    encoding: str


def preview_applications(
    database: Database,
    path: Path | str,
    mapping: Mapping | None = None,
    limit: int = 20,
    cancelled: Callable[[], bool] = lambda: False,
    submitted_on: date | None = None,
) -> Preview:
    """Map the first rows for a look, and check every row as the import would, writing
    nothing: the report counts the rows already imported and names the invalid ones."""
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
    report = application_import.ImportReport()
    try:
        with database.read() as conn:
            application_import.check_without_writing(conn, replay, mapping, report, cancelled, submitted_on)
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


def import_usage(database: Database, path: Path | str, mapping: Mapping | None = None, strict: bool = False):
    """Bills. A changed bill of a closed month is stored and waits for a restatement."""
    from app.importing.usage import import_usage as run

    with database.unit_of_work() as uow:
        report = run(uow.conn, path, mapping, uow.actor, utcnow(), strict)
        if not (strict and report.invalid):
            uow.commit()
        else:
            report.imported = 0
    return report
