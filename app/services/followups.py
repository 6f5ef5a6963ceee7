"""Follow-up clocks (SPEC 9): the needs-info deadline, reminder drafts, overdue applications
withdrawn in bulk with the reason "no answer", and the time to decision.

Asking for information (app.services.outbox.draft_decision) sets the deadline, default 14
days on, and the reminder's day, a few days before it (both settings).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.services.applications import DecideMany, application_from_row, decide_many, find_application_row
from app.services.outbox import Composer, add_draft
from models.applications import Status
from models.eligibility import evaluate
from models.messages import Kind

f, a = schema.followups, schema.applications
NO_ANSWER = "no answer"


def _open_deadlines():
    """Each application waiting for an answer, with its latest deadline."""
    latest = select(f.c.application, func.max(f.c.id).label("followup")).group_by(f.c.application).subquery()
    return (
        select(f, a.c.application_id, a.c.company)
        .join(latest, latest.c.followup == f.c.id)
        .join(a, a.c.id == f.c.application)
        .where(a.c.status == Status.NEEDS_INFO.value)
    )


@dataclass(frozen=True)
class MakeReminders:
    on: date | None = None  # default today


def make_reminders(command: MakeReminders, uow: UnitOfWork) -> list[int]:
    """A reminder draft for every application whose reminder day has come and whose deadline
    has not passed; one per deadline (making them again makes none)."""
    on = command.on or uow.today
    due = uow.conn.execute(
        _open_deadlines()
        .where(f.c.remind_on <= on, f.c.answer_by >= on, f.c.reminder.is_(None))
        .order_by(f.c.application)
    ).all()
    composer, made = Composer(uow), []
    for followup in due:
        app = application_from_row(find_application_row(uow.conn, followup.application, lock=True))
        results = evaluate(app, uow.policies.in_force(app.submitted_on), _prior(uow, app.id)).results
        draft = add_draft(uow, composer, Kind.REMINDER, app, results, "", followup.transition, followup.answer_by)
        uow.conn.execute(update(f).where(f.c.id == followup.id).values(reminder=draft))
        made.append(draft)
    return made


def _prior(uow: UnitOfWork, application: int):
    return uow.conn.execute(select(a.c.prior_note).where(a.c.id == application)).scalar()


def overdue(uow: UnitOfWork, on: date | None = None) -> list[dict]:
    """Applications waiting for an answer past their deadline, longest overdue first (a read)."""
    on = on or uow.today
    rows = uow.conn.execute(_open_deadlines().where(f.c.answer_by < on).order_by(f.c.answer_by, f.c.application))
    return [
        {
            "id": row.application,
            "application_id": row.application_id,
            "company": row.company,
            "answer_by": row.answer_by,
            "days_overdue": (on - row.answer_by).days,
            "reminded": row.reminder is not None,
        }
        for row in rows
    ]


@dataclass(frozen=True)
class WithdrawOverdue:
    """Withdraw with the reason "no answer": these applications (each must be overdue), or all overdue."""

    refs: tuple[str | int, ...] = ()


def withdraw_overdue(command: WithdrawOverdue, uow: UnitOfWork) -> list[int]:
    """All or nothing, like every bulk decision; each withdrawal puts its message in the outbox."""
    late = {row["id"]: row for row in overdue(uow)}
    if command.refs:
        ids = [find_application_row(uow.conn, ref).id for ref in command.refs]
        waiting = [i for i in ids if i not in late]
        if waiting:
            raise AppError(f"application {waiting[0]} is not overdue: nothing was withdrawn")
    else:
        ids = list(late)
    if not ids:
        return []
    results = decide_many(DecideMany(tuple(ids), "withdraw", NO_ANSWER), uow)
    return [r.application for r in results]


def time_to_decision(uow: UnitOfWork) -> list[dict]:
    """Days from application to its final decision, by the decision's month and partner (a read):
    [{"month", "partner", "decided", "average_days", "longest_days"}]."""
    t = schema.transitions
    final = (Status.ACCEPTED.value, Status.REJECTED.value, Status.WITHDRAWN.value)
    rows = uow.conn.execute(
        select(a.c.submitted_on, a.c.partner_code, func.max(t.c.at).label("at"))
        .join(t, t.c.application == a.c.id)
        .where(a.c.status.in_(final), t.c.to_status == a.c.status, t.c.reverses.is_(None))
        .group_by(a.c.id, a.c.submitted_on, a.c.partner_code)
    )
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for submitted, partner, at in rows:
        groups[(f"{at:%Y-%m}", partner or "")].append(max(0, (at.date() - submitted).days))
    return [
        {
            "month": month,
            "partner": partner,
            "decided": len(days),
            "average_days": round(sum(days) / len(days), 1),
            "longest_days": max(days),
        }
        for (month, partner), days in sorted(groups.items())
    ]
