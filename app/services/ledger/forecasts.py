"""Forecasts (SPEC 10): each member's run-out month and first bill charged in full at the pace of
its recent bills, and the program's credit forecast to be applied and to expire (breakage), month
by month and by partner. Reads only; the arithmetic is models.forecast's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app import schema
from app.bulk import paused_gc
from app.database import UnitOfWork
from app.errors import AppError
from app.ledger_queries import PACE_MONTHS, last_closed_month
from app.services.ledger.common import b, e, grant_balances
from models.dates import month_end, parse_month
from models.forecast import (
    RUN_OUT_HORIZON,
    add_months,
    grant_indices,
    many_single_grants,
    month_days,
    month_label,
    plan,
)
from models.membership import MemberStatus
from models.money import plain

NO_PARTNER = ""


@dataclass(frozen=True)
class Forecast:
    workspace: str | None = None  # one member; None: every member and the program
    months: int = 12
    #: forecast as the ledger stood at this month's end (a closed month's statement); None: after the last close
    after_month: str | None = None
    #: False: the program's months only (the chart, the workbook), no member's own row
    members: bool = True


def _start(uow: UnitOfWork, month: str | None = None) -> tuple[int, int]:
    """The forecast starts after `month`, else after the last closed month (or, before any close,
    the month before today's)."""
    last = month or last_closed_month(uow.conn)
    if last is not None:
        return parse_month(last)
    return add_months((uow.today.year, uow.today.month), -1)


def paces(uow: UnitOfWork, after: tuple[int, int], workspaces: list[str] | None = None) -> dict[str, int]:
    """Each member's pace: the mean of its bills in the PACE_MONTHS months up to `after`, in whole cents
    (models.forecast.average_bill's rounding), summed in SQL."""
    months = [month_label(add_months(after, -n)) for n in range(PACE_MONTHS)]
    query = select(b.c.workspace, func.sum(b.c.amount_cents), func.count()).where(b.c.month.in_(months))
    if workspaces is not None:
        query = query.where(b.c.workspace.in_(workspaces))
    return {
        workspace: int(total) // count
        for workspace, total, count in uow.conn.execute(query.group_by(b.c.workspace)).all()
    }


@paused_gc()  # a grant and a plan per member: the cycle collector would rescan them all, a third of the time
def forecast(command: Forecast, uow: UnitOfWork) -> dict:
    """A read: per member the pace, balance, run-out month and first full bill; for the program (or the
    one member) the credit forecast to be applied and to expire each month, by partner."""
    if not 1 <= command.months <= 120:
        raise AppError(f"a forecast covers 1 to 120 months, not {command.months}")
    conn, count = uow.conn, command.months
    after = _start(uow, command.after_month)
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
    # grants still valid when the forecast starts (what ended before was expired by the closes)
    start = date(after[0], after[1], 1)
    as_of = month_end(*after) if command.after_month else None
    balances = grant_balances(conn, only, start, as_of)
    pace_of = paces(uow, after, [command.workspace] if command.workspace is not None else None)
    calendar = month_days(after, count + RUN_OUT_HORIZON)
    lasts = [last for _, _, last in calendar]
    labels = [month_label(month) for month, _, _ in calendar]
    # by partner: credit applied as a difference array (a range of months adds in two steps), expiry as is
    ranges: dict[str, list[int]] = defaultdict(lambda: [0] * (count + 1))
    expiring: dict[str, list[int]] = defaultdict(lambda: [0] * count)
    forecasts = []
    # the program alone: a member with one grant left (most) is added up in closed form with the
    # others of its partner (models.forecast.many_single_grants, plan's own sum), without a row of its own
    single: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    for enrollment, workspace, partner in rows:
        grants = balances.get(enrollment, ())
        pace = pace_of.get(workspace, 0)
        key = partner or NO_PARTNER
        if not command.members:
            live = [g for g in grants if g.remaining > 0]
            if len(live) == 1:
                g = live[0]
                single[key].append((*grant_indices(lasts, g.valid_from, g.valid_until), g.remaining, pace))
                continue
            if not live:
                continue
        outcome = plan(grants, pace, count, calendar, lasts)
        if outcome.applied:
            steps = ranges[key]
            for start, stop, amount in outcome.applied:
                steps[start] += amount
                steps[stop] -= amount
        for index, amount in outcome.expired:
            expiring[key][index] += amount
        if not command.members:
            continue
        forecasts.append(
            {
                "workspace": workspace,
                "partner": key,
                "pace": pace,
                "balance": sum(g.remaining for g in grants),
                "run_out": labels[outcome.run_out] if outcome.run_out is not None else None,
                "first_full_bill": labels[outcome.first_full_bill] if outcome.first_full_bill is not None else None,
            }
        )
    for key, grants in single.items():
        applied_each, expired_each = many_single_grants(grants, count)
        steps, expired = ranges[key], expiring[key]
        previous = 0
        for index, applied in enumerate(applied_each):  # back into steps: a month's change
            steps[index] += applied - previous
            previous = applied
            expired[index] += expired_each[index]
    program = []
    for partner in sorted(set(ranges) | set(expiring)):
        steps, expired = ranges.get(partner, [0] * (count + 1)), expiring.get(partner, [0] * count)
        applied = 0
        for index in range(count):
            applied += steps[index]
            if applied or expired[index]:
                program.append(
                    {"month": labels[index], "partner": partner, "applied": applied, "expiring": expired[index]}
                )
    program.sort(key=lambda row: (row["month"], row["partner"]))
    return {"from": labels[0], "months": labels[:count], "members": forecasts, "program": program}


def forecast_json(result: dict) -> dict:
    """Money as two-decimal strings (SPEC 8)."""
    return {
        **result,
        "members": [{**m, "pace": plain(m["pace"]), "balance": plain(m["balance"])} for m in result["members"]],
        "program": [
            {**row, "applied": plain(row["applied"]), "expiring": plain(row["expiring"])} for row in result["program"]
        ],
    }
