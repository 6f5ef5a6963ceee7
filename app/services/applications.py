"""Application use cases: list, look up, decide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, insert, select, update

from app import schema
from app.database import UnitOfWork
from app.domains import mail_domain, web_domain
from app.errors import AppError
from app.services.enrollment import cancel_enrollment, enroll
from models.applications import Application, Status, check_transition, decision_steps
from models.eligibility import evaluate
from models.errors import ConcurrentChange, DomainError, TransitionRefused
from models.membership import prior_enrollment_note

ACTIONS = {
    "accept": Status.ACCEPTED,
    "reject": Status.REJECTED,
    "needs-info": Status.NEEDS_INFO,
    "withdraw": Status.WITHDRAWN,
    "review": Status.IN_REVIEW,
}
RULE_COLUMNS = ("rule_age", "rule_funding", "rule_territory", "rule_previous_discount")


@dataclass(frozen=True)
class DecisionResult:
    application: int
    status: Status
    transitions: tuple[int, ...]
    workspace: str | None = None
    override: bool = False


@dataclass(frozen=True)
class Decide:
    """One decision on one application (`ref`: its form id, or Startup Desk's number)."""

    ref: str | int
    action: str
    reason: str = ""
    on: date | None = None  # the acceptance date (default: today)
    workspace: str | None = None
    expected_version: int | None = None  # the version the person saw


@dataclass(frozen=True)
class DecideMany:
    """A bulk decision: one transaction, all or nothing (SPEC 3).

    `versions` (Startup Desk number -> version) are those the person saw: a row changed
    since by someone else refuses the whole decision.
    """

    refs: tuple[str | int, ...]
    action: str
    reason: str = ""
    on: date | None = None
    versions: dict | None = None


@dataclass(frozen=True)
class ReverseTransitions:
    """Undo: each transition (newest first) reversed by a new one pointing at it."""

    transition_ids: tuple[int, ...]
    reason: str


MAX_ID = 2**63 - 1


def find_application_row(conn: Connection, ref: str | int, *, lock: bool = False):
    """By the form's application_id, else by Startup Desk's own number; `lock` holds the row (FOR UPDATE)."""
    a = schema.applications
    query = select(a).where(a.c.source_key == f"id:{ref}")
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None and str(ref).isascii() and str(ref).isdecimal() and 0 < int(ref) <= MAX_ID:
        query = select(a).where(a.c.id == int(ref))
        row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise AppError(f"no application {ref}")
    return row


def label(app) -> str:
    """How a person knows an application: its form id and company (never Startup Desk's internal number)."""
    return f"{app.application_id} ({app.company})" if app.application_id else f"{app.company} (no form id)"


def application_from_row(row) -> Application:
    return Application(
        id=row.id,
        application_id=row.application_id,
        submitted_on=row.submitted_on,
        company=row.company,
        contact_email=row.contact_email,
        country=row.country,
        incorporated_on=row.incorporated_on,
        total_funding=row.total_funding_cents,
        funding_currency=row.funding_currency,
        previous_discount=row.previous_discount,
        contact_name=row.contact_name,
        website=row.website,
        workspace=row.workspace,
        partner_code=row.partner_code,
        notes=row.notes,
        status=Status(row.status),
        version=row.version,
    )


def last_transition(conn: Connection, application: int, decisions_only: bool = True):
    """The latest step of the history; notes (a partner linked, a graduation) are not decisions."""
    t = schema.transitions
    query = select(t).where(t.c.application == application)
    if decisions_only:
        query = query.where(t.c.from_status != t.c.to_status)
    return conn.execute(query.order_by(t.c.id.desc()).limit(1)).first()


def prior_enrollment(conn: Connection, app: Application, exclude_application: int | None = None) -> str | None:
    """An enrollment of the same workspace or company (rule 4), described for a person."""
    e = schema.enrollments

    def workspace_enrolled(workspace: str) -> bool:
        query = select(e.c.id).where(e.c.workspace == workspace, e.c.application != exclude_application)
        return conn.execute(query).first() is not None

    def workspace_of_domain(domain: str) -> str | None:
        return conn.execute(
            select(e.c.workspace).where(
                (e.c.web_domain == domain) | (e.c.mail_domain == domain), e.c.application != exclude_application
            )
        ).scalar()

    domains = (web_domain(app.website), mail_domain(app.contact_email))
    return prior_enrollment_note(app.workspace, domains, workspace_enrolled, workspace_of_domain)


def decide(command: Decide, uow: UnitOfWork) -> DecisionResult:
    """One decision; accepting enrolls the member and grants year 1."""
    if command.action not in ACTIONS:
        raise AppError(f"unknown decision {command.action!r} (one of {', '.join(ACTIONS)})")
    conn = uow.conn
    # held until commit: a second person deciding the same application waits, then sees this decision
    row = find_application_row(conn, command.ref, lock=True)
    app = application_from_row(row)
    if command.expected_version is not None and command.expected_version != app.version:
        _refuse_concurrent(conn, app)
    target = ACTIONS[command.action]
    if app.status.is_final:
        last = last_transition(conn, app.id)
        raise TransitionRefused(
            f"application {label(app)} was already {app.status.value} by {last.actor} on {last.at:%Y-%m-%d %H:%M} UTC"
        )
    reason, on, workspace = command.reason, command.on, command.workspace
    policies = uow.policies
    verdict = evaluate(app, policies.in_force(app.submitted_on), prior_enrollment(conn, app, app.id))
    path = decision_steps(app.status, target) or (target,)  # what does not exist is refused below, saying why
    steps = [(step, "opened for review") for step in path[:-1]] + [(target, reason.strip())]
    current = app.status
    transition_ids = []
    override = False
    now = uow.now()
    problems = "; ".join(f"{r.rule}: {r.reason}" for r in verdict.results if r.outcome.value != "pass")
    for to_status, why in steps:
        try:
            override = check_transition(current, to_status, verdict.eligibility, why, problems)
        except TransitionRefused as exc:
            raise TransitionRefused(f"{label(app)}: {exc}") from None
        transition_ids.append(
            conn.execute(
                insert(schema.transitions).values(
                    application=app.id,
                    at=now,
                    actor=uow.actor,
                    from_status=current.value,
                    to_status=to_status.value,
                    reason=why,
                    override=override,
                    policy_version=verdict.policy_version,
                )
            ).inserted_primary_key[0]
        )
        current = to_status
    _save_status(conn, app, current, verdict)
    enrolled = None
    if current == Status.ACCEPTED:
        enrolled = enroll(uow, app, on or uow.today, workspace, verdict.policy_version)
    from app.services.outbox import draft_decision  # here: the outbox imports this module

    draft_decision(uow, app, current, transition_ids[-1], verdict, reason)
    return DecisionResult(app.id, current, tuple(transition_ids), enrolled, override)


def _save_status(conn: Connection, app: Application, status: Status, verdict) -> None:
    a = schema.applications
    outcomes = {column: result.outcome.value for column, result in zip(RULE_COLUMNS, verdict.results)}
    previous = verdict.results[3]
    outcomes["prior_note"] = previous.facts[0] if previous.why == "prior" else None
    changed = conn.execute(
        update(a)
        .where(a.c.id == app.id, a.c.version == app.version)
        .values(status=status.value, version=app.version + 1, eligibility=verdict.eligibility.value, **outcomes)
    ).rowcount
    if changed != 1:
        _refuse_concurrent(conn, app)


def _refuse_concurrent(conn: Connection, app: Application):
    last = last_transition(conn, app.id)
    who = f" by {last.actor} on {last.at:%Y-%m-%d %H:%M} UTC" if last is not None else ""
    raise ConcurrentChange(f"application {label(app)} was already decided{who}; that decision stands")


def history(uow: UnitOfWork, ref: str | int) -> list[dict]:
    """Who decided what, when (UTC) and why: a read."""
    conn = uow.conn
    app = find_application_row(conn, ref)
    t = schema.transitions
    rows = conn.execute(select(t).where(t.c.application == app.id).order_by(t.c.id))
    return [dict(r._mapping) for r in rows]


def decide_many(command: DecideMany, uow: UnitOfWork) -> list[DecisionResult]:
    """A bulk decision: one transaction, all or nothing (SPEC 3)."""
    versions = command.versions or {}
    results = []
    for ref in command.refs:
        one = Decide(ref, command.action, command.reason, command.on, expected_version=versions.get(ref))
        try:
            results.append(decide(one, uow))
        except (AppError, DomainError) as exc:
            raise type(exc)(f"nothing was decided: {exc}") from exc
    return results


def eligible_open(uow: UnitOfWork, refs: tuple[str | int, ...] = ()) -> tuple[str, ...]:
    """The open, eligible applications (of `refs`, when given), as a person names them: a read."""
    a = schema.applications
    query = select(a.c.id, a.c.application_id).where(
        a.c.eligibility == "eligible", a.c.status.in_((Status.NEW.value, Status.IN_REVIEW.value))
    )
    if refs:
        query = query.where(a.c.id.in_([find_application_row(uow.conn, ref).id for ref in refs]))
    return tuple(form_id or str(number) for number, form_id in uow.conn.execute(query.order_by(a.c.id)))


def reverse_transitions(command: ReverseTransitions, uow: UnitOfWork) -> list[int]:
    """Undo: each transition (newest first) is reversed by a new one pointing at it.

    History is never rewritten. Undoing an acceptance cancels the enrollment and
    reverses its grant, as long as no credit has been used.
    """
    conn, t, a = uow.conn, schema.transitions, schema.applications
    created = []
    for transition_id in sorted(command.transition_ids, reverse=True):
        original = conn.execute(select(t).where(t.c.id == transition_id)).one()
        app = application_from_row(find_application_row(conn, original.application, lock=True))
        latest = last_transition(conn, app.id, decisions_only=False)  # a later note blocks undo too
        if latest.id != original.id or app.status.value != original.to_status:
            raise TransitionRefused(
                f"application {label(app)} changed since ({latest.actor}: {latest.to_status}); "
                "only the latest decision can be undone"
            )
        if original.to_status == Status.ACCEPTED.value:
            cancel_enrollment(uow, app.id, command.reason)
        from app.services.outbox import discard_drafts_of  # an undone decision takes back its unsent message

        discard_drafts_of(uow, original.id)
        created.append(
            conn.execute(
                insert(t).values(
                    application=app.id,
                    at=uow.now(),
                    actor=uow.actor,
                    from_status=original.to_status,
                    to_status=original.from_status,
                    reason=command.reason,
                    override=False,
                    policy_version=original.policy_version,
                    reverses=original.id,
                )
            ).inserted_primary_key[0]
        )
        changed = conn.execute(
            update(a)
            .where(a.c.id == app.id, a.c.version == app.version)
            .values(status=original.from_status, version=app.version + 1)
        ).rowcount
        if changed != 1:
            _refuse_concurrent(conn, app)
    return created
