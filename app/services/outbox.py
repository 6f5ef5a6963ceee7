"""The outbox (SPEC 9): a decision puts its message in as a draft; nothing is sent on its own.

Use cases (`use_case(command, uow) -> result`, each one transaction): the drafts a decision
makes, and a person's edit, hold, release, discard, retry and regenerate; saving a template.
Reads: counts, a page of messages, one message with its send log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, func, insert, select, update

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.outbox_schema import STATUSES
from app.services.outbox_settings import (  # noqa: F401  (re-exported: the outbox's one import)
    OutboxSettings,
    ResetTemplate,
    SaveOutboxSettings,
    SaveTemplate,
    _meta,
    customised,
    outbox_settings,
    reset_template,
    save_outbox_settings,
    save_template,
    template,
)
from models.applications import Application, Status
from models.eligibility import evaluate
from models.errors import ConcurrentChange, InvalidInput
from models.messages import (
    FOR_STATUS,
    Kind,
    Template,
    bullets,
    explain_failures,
    list_unknowns,
    long_date,
    message_id,
    render,
    usd,
)
from models.wording import sign_off

m, log_t, templates_t, followups_t = schema.outbox_messages, schema.send_log, schema.message_templates, schema.followups
LETTER_SETTINGS_KEY = "letter_settings"  # app.services.exports: the program's name, contact and signatory
OPEN = ("draft", "held", "failed")  # what a person may still change


# ---- composing a message -------------------------------------------------------------------


class Composer:
    """What every message of one transaction shares: settings, templates, the letterhead."""

    def __init__(self, uow: UnitOfWork):
        self.uow = uow
        self.settings = outbox_settings(uow)
        letter = json.loads(_meta(uow.conn, LETTER_SETTINGS_KEY) or "{}")
        self.program = letter.get("program", "Startup Program")
        self.contact = letter.get("contact", self.settings.from_address)
        # the letter settings' own defaults (app.exports.letters.LetterSettings): the name too, not a bare sign-off
        self.written_sign_off = letter.get("sign_off")
        self.signatory = letter.get("signatory", "The Startup Program team")
        self._templates: dict[tuple[Kind, str], Template] = {}
        self.domain = self.settings.from_address.rpartition("@")[2]

    def signature(self, language: str) -> str:
        closing = sign_off(self.written_sign_off, language)  # "" when the program wants none
        return "\n".join(part for part in (closing, self.signatory) if part) or "The Startup Program team"

    def template(self, kind: Kind, language: str) -> Template:
        key = (kind, language)
        if key not in self._templates:
            self._templates[key] = template(self.uow, kind, language)
        return self._templates[key]

    def values(self, app: Application, language: str, today: date) -> dict[str, str]:
        return {
            "founder": app.contact_name or app.company,
            "company": app.company,
            "program": self.program,
            "contact": self.contact,
            "signature": self.signature(language),
            "date": long_date(today, language),
            "application_id": app.application_id or str(app.id),
            "workspace": app.workspace,
        }

    def compose(self, kind: Kind, app: Application, results, reason: str, answer_by: date | None, extra=None):
        language = self.settings.language
        values = self.values(app, language, self.uow.today) | (extra or {})
        if kind == Kind.REJECTION:
            values["reasons"] = bullets(explain_failures(results, language, reason))
            values["decision_reason"] = reason
        elif kind in (Kind.NEEDS_INFO, Kind.REMINDER):
            values["missing"] = bullets(list_unknowns(results, language))
            values["answer_by"] = long_date(answer_by, language) if answer_by else ""
        elif kind == Kind.WITHDRAWAL:
            values["decision_reason"] = reason
        elif kind == Kind.ACCEPTANCE:
            values |= self.acceptance_values(app.id, language)
        return language, render(self.template(kind, language), values)

    def acceptance_values(self, application: int, language: str) -> dict[str, str]:
        e, y = schema.enrollments, schema.program_years
        row = self.uow.conn.execute(
            select(y.c.credit_cents, y.c.valid_from, y.c.valid_until, e.c.workspace)
            .join(e, e.c.id == y.c.enrollment)
            .where(e.c.application == application, y.c.number == 1)
        ).first()
        if row is None:
            return {}
        return {
            "amount": usd(row.credit_cents, language),
            "valid_from": long_date(row.valid_from, language),
            "valid_until": long_date(row.valid_until, language),
            "workspace": row.workspace,
        }


def draft_decision(uow: UnitOfWork, app: Application, status: Status, transition: int, verdict, reason: str):
    """The draft a decision puts in the outbox (none for opening a review); needs-info also
    starts its follow-up clock. Called by app.services.applications.decide."""
    kind = FOR_STATUS.get(status.value)
    if kind is None:
        return None
    composer = Composer(uow)
    answer_by = None
    if kind == Kind.NEEDS_INFO:
        settings = composer.settings
        answer_by = uow.today + timedelta(days=settings.needs_info_days)
        uow.conn.execute(
            insert(followups_t).values(
                application=app.id,
                transition=transition,
                answer_by=answer_by,
                remind_on=answer_by - timedelta(days=settings.reminder_days_before),
            )
        )
    if kind == Kind.ACCEPTANCE:
        app = _reread(uow.conn, app.id)  # the workspace the acceptance gave it
    return add_draft(uow, composer, kind, app, verdict.results, reason, transition, answer_by)


def draft_row(
    uow, composer: Composer, kind: Kind, app: Application, results, reason, transition, answer_by, extra=None, key=None
) -> dict:
    """The outbox row of one new draft; `key` makes its Message-ID (default: kind, application, transition)."""
    language, rendered = composer.compose(kind, app, results, reason, answer_by, extra)
    now = uow.now()
    return dict(
        application=app.id,
        transition=transition,
        kind=kind.value,
        language=language,
        status="draft",
        edited=False,
        to_name=app.contact_name or app.company,
        to_address=app.contact_email,
        subject=rendered.subject,
        body=rendered.body,
        message_id=message_id(key or f"{kind.value}:{app.id}:{transition}", composer.domain),
        answer_by=answer_by,
        extra=json.dumps(extra, ensure_ascii=False) if extra else None,
        error=None,
        attempted_at=None,
        sent_at=None,
        created_at=now,
        created_by=uow.actor,
        updated_at=now,
        version=1,
    )


def add_draft(
    uow, composer: Composer, kind: Kind, app: Application, results, reason, transition, answer_by, extra=None, key=None
) -> int:
    row = draft_row(uow, composer, kind, app, results, reason, transition, answer_by, extra, key)
    return add_rows(uow, [row])[0]


def add_rows(uow, rows: list[dict]) -> list[int]:
    """Drafts in one statement (many rows at once), their ids in order."""
    if not rows:
        return []
    if len(rows) == 1:
        return [uow.conn.execute(insert(m).values(**rows[0])).inserted_primary_key[0]]
    result = uow.conn.execute(insert(m).returning(m.c.id, sort_by_parameter_order=True), rows)
    return list(result.scalars())


def _reread(conn: Connection, application: int) -> Application:
    from app.services.applications import application_from_row

    return application_from_row(
        conn.execute(select(schema.applications).where(schema.applications.c.id == application)).one()
    )


def discard_drafts_of(uow: UnitOfWork, transition: int) -> int:
    """A decision undone takes back its unsent message (a sent one stays sent)."""
    return uow.conn.execute(
        update(m)
        .where(m.c.transition == transition, m.c.status.in_(OPEN))
        .values(status="discarded", updated_at=uow.now(), version=m.c.version + 1)
    ).rowcount


# ---- a person's changes ----------------------------------------------------------------------


@dataclass(frozen=True)
class EditMessage:
    id: int
    subject: str
    body: str
    expected_version: int | None = None


@dataclass(frozen=True)
class ChangeStatus:
    """hold, release (back to draft), discard, retry (a failed one back to draft)."""

    ids: tuple[int, ...]
    action: str


_MOVES = {
    "hold": (("draft",), "held"),
    "release": (("held",), "draft"),
    "discard": (OPEN, "discarded"),
    "retry": (("failed",), "draft"),
}

_DONE = {"hold": "held", "release": "released", "discard": "discarded", "retry": "retried"}


def _one(conn: Connection, message: int, lock: bool = True):
    query = select(m).where(m.c.id == message)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise AppError(f"no message {message} in the outbox")
    return row


def edit_message(command: EditMessage, uow: UnitOfWork) -> int:
    row = _one(uow.conn, command.id)
    if row.status not in OPEN:
        raise AppError(f"message {row.id} is {row.status}: it can no longer be edited")
    if command.expected_version is not None and command.expected_version != row.version:
        raise ConcurrentChange(f"message {row.id} was changed by someone else meanwhile; their change stands")
    subject = command.subject.strip()
    if not subject or "\n" in subject or "\r" in subject:
        raise InvalidInput("a message's subject is one line, and not empty")
    uow.conn.execute(
        update(m)
        .where(m.c.id == row.id)
        .values(subject=subject, body=command.body, edited=True, updated_at=uow.now(), version=row.version + 1)
    )
    return row.version + 1


def change_status(command: ChangeStatus, uow: UnitOfWork) -> int:
    """All or nothing: a message that cannot make the move refuses the whole command."""
    if command.action not in _MOVES:
        raise AppError(f"unknown action {command.action!r} (one of {', '.join(_MOVES)})")
    sources, target = _MOVES[command.action]
    for message in sorted(set(command.ids)):
        row = _one(uow.conn, message)
        if row.status not in sources:
            raise AppError(
                f"message {row.id} is {row.status}: it cannot be {_DONE[command.action]}; nothing was changed"
            )
        values = dict(status=target, updated_at=uow.now(), version=row.version + 1)
        if command.action == "retry":
            values |= dict(error=None, attempted_at=None)
        uow.conn.execute(update(m).where(m.c.id == row.id).values(**values))
    return len(set(command.ids))


@dataclass(frozen=True)
class Regenerate:
    """Drafts written again from the current templates; edited ones kept unless `include_edited`."""

    kind: Kind | None = None
    include_edited: bool = False
    ids: tuple[int, ...] | None = None


def regenerate(command: Regenerate, uow: UnitOfWork) -> dict:
    composer = Composer(uow)
    a, t = schema.applications, schema.transitions
    query = (
        select(m.c.id.label("outbox_id"), m.c.kind, m.c.answer_by, m.c.edited, m.c.extra, t.c.reason, a)
        .join(a, a.c.id == m.c.application)
        .outerjoin(t, t.c.id == m.c.transition)
        .where(m.c.status.in_(("draft", "held")))
        .order_by(m.c.id)
    )
    if command.kind is not None:
        query = query.where(m.c.kind == command.kind.value)
    if command.ids is not None:
        query = query.where(m.c.id.in_(command.ids))
    from app.services.applications import application_from_row

    regenerated = kept = 0
    policies, now, updates = uow.policies, uow.now(), []
    for row in uow.conn.execute(query).all():
        if row.edited and not command.include_edited:
            kept += 1
            continue
        app = application_from_row(row)
        kind = Kind(row.kind)
        results = ()
        if kind in (Kind.REJECTION, Kind.NEEDS_INFO, Kind.REMINDER):
            results = evaluate(app, policies.in_force(app.submitted_on), row.prior_note).results
        extra = json.loads(row.extra) if row.extra else None
        language, rendered = composer.compose(kind, app, results, row.reason or "", row.answer_by, extra)
        updates.append(dict(i=row.outbox_id, language=language, subject=rendered.subject, body=rendered.body))
        regenerated += 1
    if updates:
        from sqlalchemy import bindparam

        uow.conn.execute(
            update(m)
            .where(m.c.id == bindparam("i"))
            .values(
                language=bindparam("language"),
                subject=bindparam("subject"),
                body=bindparam("body"),
                edited=False,
                updated_at=now,
                version=m.c.version + 1,
            ),
            updates,
        )
    return {"regenerated": regenerated, "kept_edited": kept}


# ---- reads -----------------------------------------------------------------------------------

LIST_COLUMNS = (
    m.c.id,
    m.c.kind,
    m.c.status,
    m.c.edited,
    m.c.to_name,
    m.c.to_address,
    m.c.subject,
    m.c.error,
    m.c.version,
)


def counts(uow: UnitOfWork) -> dict[str, int]:
    rows = uow.conn.execute(select(m.c.status, func.count()).group_by(m.c.status))
    found = dict(rows.all())
    return {status: found.get(status, 0) for status in STATUSES}


def messages(uow: UnitOfWork, status: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    query = select(*LIST_COLUMNS, m.c.application, m.c.sent_at).order_by(m.c.id).offset(offset)
    if status:
        query = query.where(m.c.status == status)
    if limit is not None:
        query = query.limit(limit)
    return [dict(r._mapping) for r in uow.conn.execute(query)]


def message(uow: UnitOfWork, message: int) -> dict:
    row = _one(uow.conn, message, lock=False)
    log = uow.conn.execute(select(log_t).where(log_t.c.message == row.id).order_by(log_t.c.id))
    return dict(row._mapping) | {"log": [dict(r._mapping) for r in log]}
