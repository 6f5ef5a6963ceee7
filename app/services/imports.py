"""Import use cases: each file is one transaction."""

from __future__ import annotations

from collections.abc import Callable
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
) -> application_import.ImportReport:
    """Valid rows in one transaction; with `strict`, nothing unless every row is valid."""
    with database.unit_of_work() as uow:
        report = application_import.import_applications(
            uow.conn, path, mapping, uow.policies(), uow.actor, utcnow(), strict, progress, cancelled
        )
        if not (strict and report.invalid):
            uow.commit()
    if strict and report.invalid:
        report.imported = 0
    return report


def import_partners(database: Database, path: Path | str, mapping: Mapping | None = None, strict: bool = False):
    from app.importing.partners import import_partners as run

    with database.unit_of_work() as uow:
        report = run(uow.conn, path, mapping, utcnow(), strict)
        if not (strict and report.invalid):
            uow.commit()
        else:
            report.imported = 0
    return report
