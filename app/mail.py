"""Sending the outbox (SPEC 9): through an SMTP server with TLS, or as .eml files.

A batch is a person's act. Each message is claimed in a transaction of its own before it
goes to the server (`attempted_at`), and marked sent with its log entry in another after
the server took it: a message is never sent twice. A batch interrupted (a crash, a cancel,
a lost connection) is started again and sends what is left; a message found claimed but
not marked was cut off mid-send, may have arrived, and becomes failed for a person to look
at. A message the server refuses stays in the outbox, failed, with the server's answer.
Offline the batch refuses at once and nothing changes: the outbox waits.

The transports (SMTP, .eml) are in app.mail_transports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select, update

from app import schema
from app.database import Database, UnitOfWork
from app.errors import AppError
from app.mail_transports import (  # noqa: F401  (re-exported: what sending needs, from one module)
    KEYRING_SERVICE,
    ConnectionLost,
    EmlFolder,
    MessageRefused,
    Offline,
    SmtpSetup,
    SmtpTransport,
    prepare_test_message,
    save_smtp,
    send_prepared_test,
    send_test_message,
    smtp_setup,
    store_password,
    stored_password,
    transport_from_settings,
)
from app.services.outbox import outbox_settings
from models.errors import InvalidInput
from models.messages import Attachment, build_email

m, log_t = schema.outbox_messages, schema.send_log
Progress = Callable[[int, int], None]


# ---- one message's steps, each its own transaction ----------------------------------------------


#: a claim older than this and still not marked was cut off; a younger one is another batch's, on its way
CLAIM_TIMEOUT = timedelta(minutes=10)


def _interrupted(_command, uow: UnitOfWork) -> int:
    """Claimed, never marked: cut off mid-send. Failed, never sent again on its own."""
    stale = uow.now() - CLAIM_TIMEOUT
    rows = uow.conn.execute(
        select(m).where(m.c.status == "draft", m.c.attempted_at.is_not(None), m.c.attempted_at < stale)
    ).all()
    for row in rows:
        error = "interrupted while being sent: it may have arrived; check, then retry or discard it"
        _finish(uow, row, "failed", "unknown", error)  # which channel it was on is not known
    return len(rows)


def _claim(message: int, uow: UnitOfWork):
    row = uow.conn.execute(select(m).where(m.c.id == message).with_for_update()).first()
    if row is None or row.status != "draft" or row.attempted_at is not None:
        return None  # sent, held or discarded meanwhile, or another batch has it
    uow.conn.execute(update(m).where(m.c.id == message).values(attempted_at=uow.now()))
    return row


def _finish(uow: UnitOfWork, row, status: str, channel: str, answer: str) -> None:
    now = uow.now()
    values = dict(status=status, updated_at=now, version=row.version + 1)
    values |= dict(sent_at=now, error=None) if status == "sent" else dict(error=answer)
    uow.conn.execute(update(m).where(m.c.id == row.id).values(**values))
    uow.conn.execute(
        insert(log_t).values(
            message=row.id,
            at=now,
            actor=uow.actor,
            to_address=row.to_address,
            message_id=row.message_id,
            channel=channel,
            outcome="sent" if status == "sent" else "failed",
            answer=answer,
        )
    )


def _record(command, uow: UnitOfWork) -> None:
    message, status, channel, answer = command
    row = uow.conn.execute(select(m).where(m.c.id == message).with_for_update()).one()
    _finish(uow, row, status, channel, answer)
    if status == "sent":
        _letters_delivered(uow, [message])


def _letters_delivered(uow: UnitOfWork, messages: list[int]) -> None:
    """An acceptance sent (or written as .eml) carried the member's letter: the letter counts as
    written, so `export letters` and Print do not offer it again."""
    from app.services.exports import _record as record_letters

    sent = uow.conn.execute(
        select(m.c.application, m.c.message_id).where(
            m.c.id.in_(messages), m.c.kind == "acceptance", m.c.application.is_not(None)
        )
    ).all()
    record_letters(uow, {application: f"e-mail {message_id}"[:255] for application, message_id in sent})


# ---- the batch ------------------------------------------------------------------------------------


@dataclass
class SendReport:
    sent: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    interrupted: int = 0  # earlier messages found cut off mid-send
    stopped: str = ""  # why the batch stopped before the end (cancelled, connection lost)
    dry_run: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "sent": len(self.sent),
            "failed": [{"id": i, "error": e} for i, e in self.failed],
            "interrupted": self.interrupted,
            "stopped": self.stopped,
        }


def pending(uow: UnitOfWork, ids: tuple[int, ...] | None = None) -> list[int]:
    query = select(m.c.id).where(m.c.status == "draft", m.c.attempted_at.is_(None)).order_by(m.c.id)
    if ids is not None:
        query = query.where(m.c.id.in_(ids))
    return list(uow.conn.execute(query).scalars())


def send_outbox(
    database: Database,
    transport,
    *,
    ids: tuple[int, ...] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    dry_run: bool = False,
) -> SendReport:
    """Send every draft (of `ids`, when given) in id order; held, sent and discarded are left alone."""
    report = SendReport()
    if dry_run:
        rows = database.query(
            lambda uow: [dict(r._mapping) for r in uow.conn.execute(select(m).where(m.c.id.in_(pending(uow, ids))))]
        )
        report.dry_run = [{"id": r["id"], "to": r["to_address"], "subject": r["subject"]} for r in rows]
        return report
    report.interrupted = database.run(_interrupted, None)
    todo = database.query(pending, ids)
    settings = database.query(outbox_settings)
    if not todo:
        return report
    transport.open()
    if transport.channel == "eml":
        _write_files(database, transport, todo, settings, report, progress, cancelled)
        return report
    try:
        for done, message in enumerate(todo):
            if cancelled is not None and cancelled():
                report.stopped = "cancelled"
                break
            row = database.run(_claim, message)
            if row is not None:
                if not _send_one(database, transport, row, settings, report):
                    break
            if progress is not None:
                progress(done + 1, len(todo))
    finally:
        transport.close()
    return report


def _email(database: Database, row, settings):
    return build_email(
        sender=(settings.from_name, settings.from_address),
        to=(row.to_name, row.to_address),
        subject=row.subject,
        body=row.body,
        message_id=row.message_id,
        on=database.clock.now(),
        attachments=_attachments(database, row),
    )


#: .eml files are marked written this many at a time, in one transaction each
EML_CHUNK = 200


def _record_many(outcomes, uow: UnitOfWork) -> None:
    """A chunk of .eml outcomes in three statements: rows held, marked, logged."""
    from sqlalchemy import bindparam

    if not outcomes:
        return
    now = uow.now()
    rows = {
        row.id: row
        for row in uow.conn.execute(
            select(m.c.id, m.c.to_address, m.c.message_id)
            .where(m.c.id.in_([o[0] for o in outcomes]), m.c.status == "draft", m.c.attempted_at.is_(None))
            .with_for_update()
        )
    }  # not held or discarded meanwhile
    kept = [o for o in outcomes if o[0] in rows]
    if not kept:
        return
    uow.conn.execute(
        update(m)
        .where(m.c.id == bindparam("i"))
        .values(
            status=bindparam("s"), sent_at=bindparam("t"), error=bindparam("e"), updated_at=now, version=m.c.version + 1
        ),
        [
            {"i": i, "s": status, "t": now if status == "sent" else None, "e": None if status == "sent" else answer}
            for i, status, _channel, answer in kept
        ],
    )
    uow.conn.execute(
        insert(log_t),
        [
            dict(
                message=i,
                at=now,
                actor=uow.actor,
                to_address=rows[i].to_address,
                message_id=rows[i].message_id,
                channel=channel,
                outcome=status,
                answer=answer,
            )
            for i, status, channel, answer in kept
        ],
    )
    _letters_delivered(uow, [i for i, status, _channel, _answer in kept if status == "sent"])


def _write_files(database: Database, transport, todo, settings, report: SendReport, progress, cancelled) -> None:
    """The .eml batch: files written, then marked in one transaction per chunk. A batch cut off
    before its mark writes the same files again under the same names (replaced, not doubled)."""
    done = 0
    for start in range(0, len(todo), EML_CHUNK):
        chunk = todo[start : start + EML_CHUNK]
        rows = database.query(
            lambda uow, chunk=chunk: uow.conn.execute(
                select(m).where(m.c.id.in_(chunk), m.c.status == "draft", m.c.attempted_at.is_(None)).order_by(m.c.id)
            ).all()
        )
        outcomes = []
        for row in rows:
            if cancelled is not None and cancelled():
                report.stopped = "cancelled"
                break
            try:
                outcomes.append((row.id, "sent", "eml", transport.send(_email(database, row, settings), row.id)))
            except InvalidInput as exc:
                outcomes.append((row.id, "failed", "eml", str(exc)))
            except AppError as exc:  # the folder cannot be written (a full disk): the rest waits
                outcomes.append((row.id, "failed", "eml", str(exc)))
                report.stopped = str(exc)
                break
            done += 1
            if progress is not None:
                progress(done, len(todo))
        database.run(_record_many, outcomes)
        report.sent += [i for i, status, _c, _a in outcomes if status == "sent"]
        report.failed += [(i, answer) for i, status, _c, answer in outcomes if status == "failed"]
        if report.stopped:
            return


def _send_one(database: Database, transport, row, settings, report: SendReport) -> bool:
    """False when the batch must stop (the connection is gone)."""
    channel = transport.channel
    try:
        email = _email(database, row, settings)
        answer = transport.send(email)
    except (InvalidInput, MessageRefused) as exc:
        database.run(_record, (row.id, "failed", channel, str(exc)))
        report.failed.append((row.id, str(exc)))
        return True
    except ConnectionLost as exc:
        error = f"the connection to {transport.describe()} was lost while sending ({exc}): it may not have arrived; check, then retry"
        database.run(_record, (row.id, "failed", channel, error))
        report.failed.append((row.id, error))
        report.stopped = "connection lost"
        return False
    database.run(_record, (row.id, "sent", channel, answer))
    report.sent.append(row.id)
    return True


def _attachments(database: Database, row) -> list[Attachment]:
    """The acceptance carries the member's letter (a PDF made as it is sent, from the letter settings)."""
    if row.kind != "acceptance" or row.application is None:
        return []
    import tempfile

    from app.exports.letters import write_combined
    from app.services.exports import letter_settings, letters_for

    letters = database.query(letters_for, [row.application])
    settings = database.query(letter_settings)
    with tempfile.TemporaryDirectory(prefix="startup-desk-letter-") as folder:
        target = Path(folder) / "letter.pdf"
        write_combined(letters, target, settings, database.clock.today())
        content = target.read_bytes()
    return [Attachment(f"{letters[0].file_stem()}.pdf", content)]
