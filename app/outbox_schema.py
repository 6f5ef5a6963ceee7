"""The outbox's tables (migration 0005): drafts and messages, their send log, the team's
templates, and the needs-info deadlines. Part of app.schema's metadata (re-exported there)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text

from app.schema import metadata

#: a message's states: a draft waits for a person; held is kept back from sending; sent and
#: discarded are final; failed keeps the server's error until a person retries or discards it
STATUSES = ("draft", "held", "sent", "failed", "discarded")

outbox_messages = Table(
    "outbox_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("application", Integer, ForeignKey("applications.id"), nullable=True, index=True),
    Column("transition", Integer, ForeignKey("transitions.id"), nullable=True, index=True),
    Column("kind", String(24), nullable=False),
    Column("language", String(8), nullable=False),
    Column("status", String(12), nullable=False),
    Column("edited", Boolean, nullable=False, default=False),
    Column("to_name", String(300), nullable=False, default=""),
    Column("to_address", String(320), nullable=False),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("message_id", String(200), nullable=False, unique=True),
    Column("answer_by", Date, nullable=True),  # needs-info and reminders: the date to answer by
    # values that are not the application's (a deal's title and code, a year's credit), as JSON:
    # what regenerating puts in again
    Column("extra", Text, nullable=True),
    Column("error", Text, nullable=True),
    # set before a message goes to the server: one found set and not sent was interrupted
    # mid-send, and is never sent again on its own (it may have arrived)
    Column("attempted_at", DateTime, nullable=True),
    Column("sent_at", DateTime, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(120), nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Index("ix_outbox_messages_status_kind", "status", "kind"),
)

send_log = Table(
    "send_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("message", Integer, ForeignKey("outbox_messages.id"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("to_address", String(320), nullable=False),
    Column("message_id", String(200), nullable=False),
    Column("channel", String(8), nullable=False),  # smtp, eml; unknown for one cut off mid-send
    Column("outcome", String(8), nullable=False),  # sent, failed
    Column("answer", Text, nullable=False, default=""),  # the server's answer, or where the file went
)

message_templates = Table(
    "message_templates",
    metadata,
    Column("kind", String(24), primary_key=True),
    Column("language", String(8), primary_key=True),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", String(120), nullable=False),
)

followups = Table(
    "followups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("application", Integer, ForeignKey("applications.id"), nullable=False, index=True),
    Column("transition", Integer, ForeignKey("transitions.id"), nullable=False, unique=True),
    Column("answer_by", Date, nullable=False, index=True),
    Column("remind_on", Date, nullable=False),
    Column("reminder", Integer, ForeignKey("outbox_messages.id"), nullable=True),
)
