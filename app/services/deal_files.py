"""Deal files (SPEC 7): the catalogue and requests imported, the catalogue and approved requests exported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.database import UnitOfWork
from app.importing.applications import ImportReport
from app.importing.deals import TARGETS
from app.importing.mapping import Mapping
from app.services.imports import refused_if_invalid


@dataclass(frozen=True)
class ImportDealFile:
    """A deal file (`import_deals`) or the request form's export (`import_requests`)."""

    path: Path | str
    mapping: Mapping | None = None
    strict: bool = False


def import_deals(command: ImportDealFile, uow: UnitOfWork) -> ImportReport:
    """The catalogue, checked row by row; re-importing it adds nothing."""
    from app.importing.deals import import_deals as run

    report: ImportReport = run(uow.conn, command.path, command.mapping, uow.now(), command.strict)
    return refused_if_invalid(uow, command.strict, report)


def import_requests(command: ImportDealFile, uow: UnitOfWork) -> ImportReport:
    """Requests from the request form's export, checked row by row like the catalogue."""
    from app.importing.requests import import_requests as run

    report: ImportReport = run(uow.conn, command.path, command.mapping, uow.now(), uow.actor, command.strict)
    return refused_if_invalid(uow, command.strict, report)


def export_catalogue(uow: UnitOfWork, target: Path | str) -> int:
    """The catalogue as a SPEC 7 deal file (re-importing it adds nothing)."""
    from app.deal_queries import deal_rows
    from app.exports.sheets import write_csv
    from app.services.exports import check_suffix
    from models.money import plain

    check_suffix(Path(target), (".csv",))  # a CSV file in a folder that exists, or refused before anything is read

    rows = deal_rows(uow.conn)
    write_csv(
        Path(target),
        TARGETS,
        (
            [
                row.partner,
                row.title,
                row.category,
                row.description,
                row.value_text,
                plain(row.value_cents) if row.value_cents is not None else "",
                row.redeem,
                row.valid_from.isoformat() if row.valid_from else "",
                row.valid_until.isoformat() if row.valid_until else "",
                row.capacity if row.capacity is not None else "",
                "yes" if row.active else "no",
            ]
            for row in rows
        ),
    )
    return len(rows)


def export_approved(uow: UnitOfWork, target: Path | str) -> int:
    """Approved requests, each with its code or link, for mailing the members."""
    from app.deal_queries import request_rows
    from app.exports.sheets import write_csv
    from app.services.exports import check_suffix

    check_suffix(Path(target), (".csv",))

    rows = request_rows(uow.conn, status="approved")
    write_csv(
        Path(target),
        ("workspace", "company", "contact_email", "partner", "deal", "redeem", "approved_by", "approved_at"),
        (
            [
                row.workspace,
                row.company,
                row.contact_email,
                row.partner,
                row.title,
                row.redeem,
                row.decided_by,
                row.decided_at.isoformat(timespec="seconds") if row.decided_at else "",
            ]
            for row in rows
        ),
    )
    return len(rows)
