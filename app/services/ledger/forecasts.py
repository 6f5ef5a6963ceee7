"""Forecasts (SPEC 10): each member's run-out month and first bill charged in full at the pace of
its recent bills, and the program's credit forecast to be applied and to expire (breakage), month
by month and by partner. Reads only; the arithmetic is models.forecast's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.ledger_queries import PACE_MONTHS, last_closed_month
from app.services.ledger.common import b, e, grant_balances
from models.dates import parse_month
from models.forecast import RUN_OUT_HORIZON, add_months, average_bill, forecast_member, month_days, month_label
from models.membership import MemberStatus
from models.money import plain

NO_PARTNER = ""


@dataclass(frozen=True)
class Forecast:
    workspace: str | None = None  # one member; None: every member and the program
    months: int = 12


def _start(uow: UnitOfWork) -> tuple[int, int]:
    """The forecast starts after the last closed month (or, before any close, the month before today's)."""
    last = last_closed_month(uow.conn)
    if last is not None:
        return parse_month(last)
    return add_months((uow.today.year, uow.today.month), -1)


def paces(uow: UnitOfWork, after: tuple[int, int], workspaces: list[str] | None = None) -> dict[str, int]:
    """Each member's pace: the mean of its bills in the PACE_MONTHS months up to `after`."""
    months = [month_label(add_months(after, -n)) for n in range(PACE_MONTHS)]
    query = select(b.c.workspace, b.c.amount_cents).where(b.c.month.in_(months))
    if workspaces is not None:
        query = query.where(b.c.workspace.in_(workspaces))
    bills: dict[str, list[int]] = defaultdict(list)
    for workspace, amount in uow.conn.execute(query):
        bills[workspace].append(int(amount))
    return {workspace: average_bill(amounts) for workspace, amounts in bills.items()}


def forecast(command: Forecast, uow: UnitOfWork) -> dict:
    """A read: per member the pace, balance, run-out month and first full bill; for the program (or the
    one member) the credit forecast to be applied and to expire each month, by partner."""
    if not 1 <= command.months <= 120:
        raise AppError(f"a forecast covers 1 to 120 months, not {command.months}")
    conn = uow.conn
    after = _start(uow)
    p = schema.partners
    members = (
        select(e.c.id, e.c.workspace, p.c.code)
        .outerjoin(p, p.c.id == e.c.partner)
        .where(e.c.status != MemberStatus.CANCELLED.value)
    )
    if command.workspace is not None:
        members = members.where(e.c.workspace == command.workspace)
    rows = conn.execute(members.order_by(e.c.workspace)).all()
    if command.workspace is not None and not rows:
        raise AppError(f"no member workspace {command.workspace!r}")
    only = [row.id for row in rows] if command.workspace is not None else None
    balances = grant_balances(conn, only, None)
    pace_of = paces(uow, after, [command.workspace] if command.workspace is not None else None)
    calendar = month_days(after, command.months + RUN_OUT_HORIZON)
    program: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    forecasts = []
    for enrollment, workspace, partner in rows:
        grants = balances.get(enrollment, [])
        pace = pace_of.get(workspace, 0)
        outcome = forecast_member(grants, pace, after, command.months, calendar)
        for month, applied, expired in outcome.months:
            if applied or expired:
                cell = program[(month_label(month), partner or NO_PARTNER)]
                cell[0] += applied
                cell[1] += expired
        forecasts.append(
            {
                "workspace": workspace,
                "partner": partner or NO_PARTNER,
                "pace": pace,
                "balance": sum(g.remaining for g in grants),
                "run_out": month_label(outcome.run_out) if outcome.run_out else None,
                "first_full_bill": month_label(outcome.first_full_bill) if outcome.first_full_bill else None,
            }
        )
    months = [month_label(add_months(after, n)) for n in range(1, command.months + 1)]
    partners = sorted({partner for _, partner in program})
    return {
        "from": months[0],
        "months": months,
        "members": forecasts,
        "program": [
            {
                "month": month,
                "partner": partner,
                "applied": program[(month, partner)][0],
                "expiring": program[(month, partner)][1],
            }
            for month in months
            for partner in partners
            if (month, partner) in program
        ],
    }


def forecast_json(result: dict) -> dict:
    """Money as two-decimal strings (SPEC 8)."""
    return {
        **result,
        "members": [{**m, "pace": plain(m["pace"]), "balance": plain(m["balance"])} for m in result["members"]],
        "program": [
            {**row, "applied": plain(row["applied"]), "expiring": plain(row["expiring"])} for row in result["program"]
        ],
    }
