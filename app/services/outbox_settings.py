"""The outbox's settings (set once, shared by the team) and the team's message templates."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from sqlalchemy import Connection, insert, select, update

from app import schema
from app.database import UnitOfWork
from models.errors import InvalidInput
from models.messages import LANGUAGES, Kind, Template, check_address, default_template

templates_t = schema.message_templates
SETTINGS_KEY = "outbox_settings"


@dataclass
class OutboxSettings:
    """Set once, shared by the team (stored in the database; the SMTP password never is)."""

    language: str = "en"
    from_name: str = "Startup Program"
    from_address: str = "startups@example.com"
    needs_info_days: int = 14
    reminder_days_before: int = 3
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_tls: str = "starttls"  # starttls, ssl, none
    smtp_user: str = ""

    @classmethod
    def from_json(cls, text: str | None) -> OutboxSettings:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in json.loads(text or "{}").items() if k in known})


def outbox_settings(uow: UnitOfWork) -> OutboxSettings:
    """A read."""
    return OutboxSettings.from_json(_meta(uow.conn, SETTINGS_KEY))


@dataclass(frozen=True)
class SaveOutboxSettings:
    settings: OutboxSettings


def check_outbox_settings(s: OutboxSettings) -> None:
    """InvalidInput naming what is wrong, else nothing."""
    if s.language not in LANGUAGES:
        raise InvalidInput(f"no wording in language {s.language!r} (one of {', '.join(LANGUAGES)})")
    if s.smtp_tls not in ("starttls", "ssl", "none"):
        raise InvalidInput(f"TLS must be starttls, ssl or none, not {s.smtp_tls!r}")
    if not 0 < s.smtp_port < 65536:
        raise InvalidInput(
            f"the mail server's port is a number from 1 to 65535 (587 for STARTTLS, 465 for SSL), not {s.smtp_port}"
        )
    if s.needs_info_days < 1 or not 0 <= s.reminder_days_before < s.needs_info_days:
        raise InvalidInput("the reminder comes before the deadline, which is at least a day away")
    check_address(s.from_address)


def save_outbox_settings(command: SaveOutboxSettings, uow: UnitOfWork) -> None:
    check_outbox_settings(command.settings)
    _set_meta(uow.conn, SETTINGS_KEY, json.dumps(asdict(command.settings), ensure_ascii=False))


def _meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()


def _set_meta(conn: Connection, key: str, value: str) -> None:
    meta = schema.meta
    if conn.execute(select(meta.c.key).where(meta.c.key == key)).first():
        conn.execute(meta.update().where(meta.c.key == key).values(value=value))
    else:
        conn.execute(insert(meta).values(key=key, value=value))


# ---- templates -----------------------------------------------------------------------------


def template(uow: UnitOfWork, kind: Kind, language: str) -> Template:
    """The team's template for `kind`, else the shipped wording (a read)."""
    row = uow.conn.execute(
        select(templates_t).where(templates_t.c.kind == kind.value, templates_t.c.language == language)
    ).first()
    return Template(kind, language, row.subject, row.body) if row else default_template(kind, language)


@dataclass(frozen=True)
class SaveTemplate:
    template: Template


def save_template(command: SaveTemplate, uow: UnitOfWork) -> None:
    """Checked first: an unknown placeholder is refused and nothing is saved. Drafts keep their
    wording until regenerated."""
    t = command.template
    t.check()
    key = (templates_t.c.kind == t.kind.value) & (templates_t.c.language == t.language)
    values = dict(subject=t.subject, body=t.body, updated_at=uow.now(), updated_by=uow.actor)
    if uow.conn.execute(select(templates_t.c.kind).where(key)).first():
        uow.conn.execute(update(templates_t).where(key).values(**values))
    else:
        uow.conn.execute(insert(templates_t).values(kind=t.kind.value, language=t.language, **values))


@dataclass(frozen=True)
class ResetTemplate:
    kind: Kind
    language: str


def reset_template(command: ResetTemplate, uow: UnitOfWork) -> bool:
    """Back to the shipped wording; whether the team had its own."""
    key = (templates_t.c.kind == command.kind.value) & (templates_t.c.language == command.language)
    return uow.conn.execute(templates_t.delete().where(key)).rowcount > 0


def customised(uow: UnitOfWork) -> set[tuple[str, str]]:
    """(kind, language) of the templates the team rewrote (a read)."""
    return {tuple(row) for row in uow.conn.execute(select(templates_t.c.kind, templates_t.c.language))}
