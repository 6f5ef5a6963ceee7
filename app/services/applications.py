"""Application use cases: list, look up, decide."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, insert, select, update

from app import schema
from app.database import Database, UnitOfWork, utcnow
from app.errors import AppError
from models.applications import Application, Status, check_transition
from models.eligibility import evaluate
from models.errors import ConcurrentChange, DomainError, TransitionRefused
from models.ledger import EntryKind, program_year
from models.matching import domain_of_email, domain_of_url

ACTIONS = {
    "accept": Status.ACCEPTED,
    "reject": Status.REJECTED,
    "needs-info": Status.NEEDS_INFO,
    "withdraw": Status.WITHDRAWN,
    "review": Status.IN_REVIEW,
}
RULE_COLUMNS = ("rule_age", "rule_funding", "rule_territory", "rule_previous_discount")
_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$")


@dataclass(frozen=True)
class DecisionResult:
    application: int
    status: Status
    transitions: tuple[int, ...]
    workspace: str | None = None
    override: bool = False


def find_application_row(conn: Connection, ref: str | int):
    """By the form's application_id, else by Startup Desk's own number."""
    a = schema.applications
    row = conn.execute(select(a).where(a.c.source_key == f"id:{ref}")).first()
    if row is None and str(ref).isdecimal():
        row = conn.execute(select(a).where(a.c.id == int(ref))).first()
    if row is None:
        raise AppError(f"no application {ref}")
    return row


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
    web, mail = domain_of_url(app.website), domain_of_email(app.contact_email)
    if app.workspace:
        row = conn.execute(
            select(e.c.workspace).where(e.c.workspace == app.workspace, e.c.application != exclude_application)
        ).first()
        if row:
            return f"workspace {app.workspace} already holds or held a program enrollment"
    for domain in {web, mail} - {""}:
        row = conn.execute(
            select(e.c.workspace).where(
                (e.c.web_domain == domain) | (e.c.mail_domain == domain), e.c.application != exclude_application
            )
        ).first()
        if row:
            return f"{domain} already holds or held a program enrollment (workspace {row.workspace})"
    return None


def decide(
    database: Database,
    ref: str | int,
    action: str,
    reason: str = "",
    on: date | None = None,
    workspace: str | None = None,
    expected_version: int | None = None,
) -> DecisionResult:
    with database.unit_of_work() as uow:
        result = decide_in(uow, ref, action, reason, on, workspace, expected_version)
        uow.commit()
    return result


def decide_in(
    uow: UnitOfWork,
    ref: str | int,
    action: str,
    reason: str = "",
    on: date | None = None,
    workspace: str | None = None,
    expected_version: int | None = None,
) -> DecisionResult:
    """One decision inside the caller's unit of work (bulk decisions share one)."""
    if action not in ACTIONS:
        raise AppError(f"unknown decision {action!r} (one of {', '.join(ACTIONS)})")
    conn = uow.conn
    row = find_application_row(conn, ref)
    app = application_from_row(row)
    if expected_version is not None and expected_version != app.version:
        _refuse_concurrent(conn, app)
    target = ACTIONS[action]
    if app.status.is_final:
        last = last_transition(conn, app.id)
        raise TransitionRefused(
            f"application {ref} was already {app.status.value} by {last.actor} on {last.at:%Y-%m-%d %H:%M} UTC"
        )
    policies = uow.policies
    verdict = evaluate(app, policies.in_force(app.submitted_on), prior_enrollment(conn, app, app.id))
    steps = []
    if app.status == Status.NEW and target == Status.NEEDS_INFO:
        # SPEC 3 has no new -> needs_info: asking for information means it was reviewed first.
        steps.append((Status.IN_REVIEW, "opened for review"))
    steps.append((target, reason.strip()))
    current = app.status
    transition_ids = []
    override = False
    now = utcnow()
    problems = "; ".join(f"{r.rule}: {r.reason}" for r in verdict.results if r.outcome.value != "pass")
    for to_status, why in steps:
        override = check_transition(current, to_status, verdict.eligibility, why, problems)
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
        enrolled = _enroll(uow, app, on or date.today(), workspace, verdict.policy_version)
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
    raise ConcurrentChange(f"application {app.application_id or app.id} was already decided{who}; that decision stands")


def _enroll(uow: UnitOfWork, app: Application, on: date, workspace: str | None, policy_version: int) -> str:
    conn = uow.conn
    e = schema.enrollments
    cancelled = conn.execute(select(e).where(e.c.application == app.id, e.c.status == "cancelled")).first()
    if cancelled is not None:
        return _reinstate(uow, cancelled)
    slug = (workspace or app.workspace or _slugify(app.company)).lower()
    if not _SLUG.match(slug):
        raise AppError(f"{slug!r} is not a workspace slug (lower-case letters, digits and '-')")
    if conn.execute(select(e.c.id).where(e.c.workspace == slug)).first():
        raise TransitionRefused(f"workspace {slug} is already enrolled; give another with --workspace")
    if on < app.submitted_on:
        raise AppError(f"acceptance date {on} is before the application date {app.submitted_on}")
    policy = uow.policies.in_force(on)
    partner = None
    credit = policy.annual_credit
    if app.partner_code:
        p = schema.partners
        partner_row = conn.execute(select(p).where(p.c.code == app.partner_code)).first()
        if partner_row is not None:
            partner = partner_row.id
            if partner_row.status == "active" and partner_row.annual_credit_cents is not None:
                credit = partner_row.annual_credit_cents
    now = utcnow()
    enrollment = conn.execute(
        insert(e).values(
            workspace=slug,
            application=app.id,
            partner=partner,
            accepted_on=on,
            status="active",
            web_domain=domain_of_url(app.website),
            mail_domain=domain_of_email(app.contact_email),
            created_at=now,
        )
    ).inserted_primary_key[0]
    year = program_year(slug, 1, on, credit)
    conn.execute(
        insert(schema.program_years).values(
            enrollment=enrollment,
            number=1,
            valid_from=year.valid_from,
            valid_until=year.valid_until,
            credit_cents=credit,
            renewal=False,
            policy_version=policy.version,
            decided_by=uow.actor,
            decided_at=now,
        )
    )
    conn.execute(
        insert(schema.ledger_entries).values(
            enrollment=enrollment,
            kind=EntryKind.GRANT.value,
            entry_date=on,
            amount_cents=credit,
            program_year=1,
            reason=f"program year 1, valid {year.valid_from} to {year.valid_until}",
            actor=uow.actor,
            policy_version=policy.version,
            created_at=now,
        )
    )
    return slug


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:120].strip("-") or "workspace"


def history(database: Database, ref: str | int) -> list[dict]:
    with database.read() as conn:
        app = find_application_row(conn, ref)
        t = schema.transitions
        rows = conn.execute(select(t).where(t.c.application == app.id).order_by(t.c.id))
        return [dict(r._mapping) for r in rows]


def _reinstate(uow: UnitOfWork, enrollment) -> str:
    """Accepting again after an undone acceptance: the same enrollment and year, granted anew."""
    conn = uow.conn
    year = conn.execute(
        select(schema.program_years).where(
            schema.program_years.c.enrollment == enrollment.id, schema.program_years.c.number == 1
        )
    ).one()
    conn.execute(update(schema.enrollments).where(schema.enrollments.c.id == enrollment.id).values(status="active"))
    conn.execute(
        insert(schema.ledger_entries).values(
            enrollment=enrollment.id,
            kind=EntryKind.GRANT.value,
            entry_date=year.valid_from,
            amount_cents=year.credit_cents,
            program_year=1,
            reason=f"program year 1, valid {year.valid_from} to {year.valid_until} (accepted again)",
            actor=uow.actor,
            policy_version=year.policy_version,
            created_at=utcnow(),
        )
    )
    return enrollment.workspace


def decide_many(
    database: Database,
    refs: list[str | int],
    action: str,
    reason: str = "",
    on: date | None = None,
    versions: dict[int, int] | None = None,
) -> list[DecisionResult]:
    """A bulk decision: one transaction, all or nothing (SPEC 3).

    `versions` (Startup Desk number -> version) are those the person saw: a row
    changed since by someone else refuses the whole decision.
    """
    versions = versions or {}
    with database.unit_of_work() as uow:
        results = []
        for ref in refs:
            try:
                results.append(decide_in(uow, ref, action, reason, on, expected_version=versions.get(ref)))
            except (AppError, DomainError) as exc:
                raise type(exc)(f"nothing was decided: {ref}: {exc}") from exc
        uow.commit()
    return results


def reverse_transitions(database: Database, transition_ids: list[int], reason: str) -> list[int]:
    """Undo: each transition (newest first) is reversed by a new one pointing at it.

    History is never rewritten. Undoing an acceptance cancels the enrollment and
    reverses its grant, as long as no credit has been used.
    """
    with database.unit_of_work() as uow:
        conn = uow.conn
        created = []
        for transition_id in sorted(transition_ids, reverse=True):
            t = schema.transitions
            original = conn.execute(select(t).where(t.c.id == transition_id)).one()
            row = conn.execute(
                select(schema.applications).where(schema.applications.c.id == original.application)
            ).one()
            app = application_from_row(row)
            latest = last_transition(conn, app.id, decisions_only=False)  # a later note blocks undo too
            if latest.id != original.id or app.status.value != original.to_status:
                raise TransitionRefused(
                    f"application {app.application_id or app.id} changed since ({latest.actor}: {latest.to_status}); "
                    "only the latest decision can be undone"
                )
            if original.to_status == Status.ACCEPTED.value:
                _cancel_enrollment(uow, app.id, reason)
            created.append(
                conn.execute(
                    insert(t).values(
                        application=app.id,
                        at=utcnow(),
                        actor=uow.actor,
                        from_status=original.to_status,
                        to_status=original.from_status,
                        reason=reason,
                        override=False,
                        policy_version=original.policy_version,
                        reverses=original.id,
                    )
                ).inserted_primary_key[0]
            )
            a = schema.applications
            changed = conn.execute(
                update(a)
                .where(a.c.id == app.id, a.c.version == app.version)
                .values(status=original.from_status, version=app.version + 1)
            ).rowcount
            if changed != 1:
                _refuse_concurrent(conn, app)
        uow.commit()
    return created


def _cancel_enrollment(uow: UnitOfWork, application: int, reason: str) -> None:
    conn = uow.conn
    e, entries = schema.enrollments, schema.ledger_entries
    enrollment = conn.execute(select(e).where(e.c.application == application, e.c.status == "active")).one()
    rows = conn.execute(select(entries).where(entries.c.enrollment == enrollment.id).order_by(entries.c.id)).all()
    open_grants = [r for r in rows if r.kind == EntryKind.GRANT.value and not any(x.reverses == r.id for x in rows)]
    others = [r for r in rows if r.kind != EntryKind.GRANT.value and r.kind != EntryKind.REVERSE.value]
    if others:
        raise TransitionRefused(
            f"workspace {enrollment.workspace} has ledger entries beyond its grant; correct it in the ledger"
        )
    for grant in open_grants:
        conn.execute(
            insert(entries).values(
                enrollment=enrollment.id,
                kind=EntryKind.REVERSE.value,
                entry_date=grant.entry_date,
                amount_cents=-grant.amount_cents,
                program_year=grant.program_year,
                reason=f"acceptance undone: {reason}",
                actor=uow.actor,
                reverses=grant.id,
                policy_version=grant.policy_version,
                created_at=utcnow(),
            )
        )
    conn.execute(update(e).where(e.c.id == enrollment.id).values(status="cancelled"))
