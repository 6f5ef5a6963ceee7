"""Credit notices (SPEC 10), made at month close or by `notices` on a date, and listed.

The rules are models.notices'; this module reads each grant's use and writes the notices
not made before (once per grant and threshold: a unique constraint keeps it so on both
engines). They are listed on their own until the outbox (SPEC 9) takes them as drafts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from app import schema
from app.bulk import bulk_insert
from app.database import UnitOfWork
from app.grant_validity import last_valid_day
from app.services.ledger.common import e, le, py
from app.services.ledger.lifecycle import grant_name
from models.ledger import CREDIT_KINDS
from models.membership import MemberStatus
from models.notices import GrantUse, due_notices

cn = schema.credit_notices


@dataclass(frozen=True)
class MakeNotices:
    on: date | None = None  # default today


def _sum(condition):
    return func.coalesce(func.sum(case((condition, le.c.amount_cents), else_=0)), 0)


def grant_uses(uow: UnitOfWork, on: date) -> list[tuple[int, str, GrantUse]]:
    """(enrollment, workspace, use) of every credit grant valid on `on`, of members not cancelled.

    Each grant's figures are summed through the (enrollment, program_year) index: a close runs
    this, and only the grants valid that day are read, not the whole ledger."""
    until = last_valid_day()

    def total(condition):
        return (
            select(_sum(condition))
            .where(le.c.enrollment == py.c.enrollment, le.c.program_year == py.c.number)
            .scalar_subquery()
        )

    rows = uow.conn.execute(
        select(
            e.c.id,
            e.c.workspace,
            py.c.number,
            py.c.credit_cents,
            py.c.valid_from,
            until,
            total(le.c.kind.in_(CREDIT_KINDS) & (le.c.entry_date <= on)),
            -total(le.c.counts_as == "apply"),
            total(le.c.counts_as == "adjust"),
        )
        .join(e, e.c.id == py.c.enrollment)
        .where(
            py.c.renewal.is_(False),
            py.c.valid_from <= on,
            (py.c.valid_until >= on) | (until >= on),
            e.c.status != MemberStatus.CANCELLED.value,
        )
        .order_by(e.c.workspace, py.c.number)
    )
    return [
        (
            enrollment,
            workspace,
            GrantUse(
                number,
                grant_name(number),
                int(credit) + int(adjusted),
                int(used),
                int(remaining),
                valid_from,
                last_day,
            ),
        )
        for enrollment, workspace, number, credit, valid_from, last_day, remaining, used, adjusted in rows
    ]


def notices_on(uow: UnitOfWork, on: date) -> list[dict]:
    """Make the notices due on `on` that were not made before; returns them. The caller holds the members."""
    conn = uow.conn
    made: dict[tuple[int, int], set[tuple[str, int]]] = {}
    for enrollment, year, kind, threshold in conn.execute(
        select(cn.c.enrollment, cn.c.program_year, cn.c.kind, cn.c.threshold)
    ):
        made.setdefault((enrollment, year), set()).add((kind, threshold))
    now, rows, result = uow.now(), [], []
    for enrollment, workspace, use in grant_uses(uow, on):
        for notice in due_notices(workspace, use, on, made.get((enrollment, use.program_year), set())):
            rows.append(
                {
                    "enrollment": enrollment,
                    "program_year": notice.program_year,
                    "kind": notice.kind.value,
                    "threshold": notice.threshold,
                    "made_on": on,
                    "balance_cents": notice.remaining,
                    "expires_on": notice.expires_on,
                    "text": notice.text,
                    "created_at": now,
                    "actor": uow.actor,
                }
            )
            result.append(_shown(workspace, rows[-1]))
    bulk_insert(conn, cn, rows)
    from app.services.member_messages import draft_credit_notices  # the outbox (SPEC 9) sends them

    draft_credit_notices(uow, rows)
    return result


def make_notices(command: MakeNotices, uow: UnitOfWork) -> list[dict]:
    """The `notices` use case: the notices due on a date (default today), each made once."""
    uow.hold(e)  # a close or another `notices` at the same moment waits, then finds these made
    return notices_on(uow, command.on or uow.today)


def _shown(workspace: str, row) -> dict:
    get = row.get if isinstance(row, dict) else row._mapping.get
    return {
        "workspace": workspace,
        "program_year": get("program_year"),
        "kind": get("kind"),
        "threshold": get("threshold"),
        "made_on": get("made_on"),
        "balance": get("balance_cents"),
        "expires_on": get("expires_on"),
        "text": get("text"),
    }


def credit_notices(uow: UnitOfWork, workspace: str | None = None) -> list[dict]:
    """A read: the notices made, newest first (the list they stay in until the outbox exists)."""
    query = select(e.c.workspace, cn).join(e, e.c.id == cn.c.enrollment).order_by(cn.c.made_on.desc(), cn.c.id.desc())
    if workspace is not None:
        query = query.where(e.c.workspace == workspace)
    return [_shown(row.workspace, row) | {"id": row.id} for row in uow.conn.execute(query)]
