"""Sending the outbox (SPEC 9): through an SMTP server with TLS, or as .eml files.

A batch is a person's act. Each message is claimed in a transaction of its own before it
goes to the server (`attempted_at`), and marked sent with its log entry in another after
the server took it: a message is never sent twice. A batch interrupted (a crash, a cancel,
a lost connection) is started again and sends what is left; a message found claimed but
not marked was cut off mid-send, may have arrived, and becomes failed for a person to look
at. A message the server refuses stays in the outbox, failed, with the server's answer.
Offline the batch refuses at once and nothing changes: the outbox waits.

The password is in the system keyring (the `keyring` library), never in the database or
a settings file.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select, update

from app import schema
from app.database import Database, UnitOfWork
from app.errors import AppError
from app.files import cannot_write, safe_file_name, temporary_beside
from app.services.outbox import outbox_settings
from models.errors import InvalidInput
from models.messages import Attachment, build_email

KEYRING_SERVICE = "startup-desk-smtp"
m, log_t = schema.outbox_messages, schema.send_log
Progress = Callable[[int, int], None]


class Offline(AppError):
    """The mail server cannot be reached: nothing was sent, the outbox waits."""


class MessageRefused(Exception):
    """The server refused this one message (its answer is the text)."""


class ConnectionLost(Exception):
    """The connection broke while a message was on its way."""


# ---- the password, in the keyring -------------------------------------------------------------


def keyring_user(host: str, port: int, user: str) -> str:
    return f"{user}@{host}:{port}"


def store_password(host: str, port: int, user: str, password: str) -> None:
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(host, port, user), password)
    except keyring.errors.KeyringError as exc:
        raise AppError(f"the system keyring refused the password ({exc}); nothing was stored") from exc


def stored_password(host: str, port: int, user: str) -> str | None:
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_user(host, port, user))
    except keyring.errors.KeyringError as exc:
        raise AppError(f"the system keyring cannot be read ({exc})") from exc


# ---- transports -------------------------------------------------------------------------------


@dataclass
class SmtpTransport:
    host: str
    port: int
    tls: str = "starttls"  # starttls, ssl, none
    user: str = ""
    password: str | None = None
    context: ssl.SSLContext | None = None  # default: the system's trusted certificates
    timeout: float = 30.0
    channel: str = "smtp"
    _smtp: smtplib.SMTP | None = field(default=None, repr=False)

    def describe(self) -> str:
        return f"{self.host}:{self.port}"

    def open(self) -> None:
        context = self.context or ssl.create_default_context()
        try:
            if self.tls == "ssl":
                smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.tls == "starttls":
                    smtp.starttls(context=context)
            if self.user:
                smtp.login(self.user, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise Offline(
                f"the mail server {self.describe()} refused the login of {self.user}: {_answer(exc)}"
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise Offline(f"cannot reach the mail server {self.describe()} ({exc}): nothing was sent") from exc
        self._smtp = smtp

    def send(self, message) -> str:
        """The server's answer to the message; MessageRefused or ConnectionLost otherwise."""
        smtp = self._smtp
        sender, recipient = message["From"].addresses[0].addr_spec, message["To"].addresses[0].addr_spec
        try:
            smtp.ehlo_or_helo_if_needed()
            for step, (code, answer) in (("sender", smtp.mail(sender)), ("recipient", smtp.rcpt(recipient))):
                if code not in (250, 251):
                    smtp.rset()
                    raise MessageRefused(f"{code} {_text(answer)} (the {step})")
            code, answer = smtp.data(message.as_bytes())
            if code != 250:
                smtp.rset()
                raise MessageRefused(f"{code} {_text(answer)}")
        except smtplib.SMTPDataError as exc:  # refused after DATA
            smtp.rset()
            raise MessageRefused(_answer(exc)) from exc
        except UnicodeError as exc:  # an address beyond ASCII, and a server or library without SMTPUTF8
            smtp.rset()
            raise MessageRefused(f"the address cannot be sent as it is written ({exc})") from exc
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            raise ConnectionLost(str(exc) or type(exc).__name__) from exc
        return f"{code} {_text(answer)}"

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


def _text(answer: bytes | str) -> str:
    return answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)


def _answer(exc: smtplib.SMTPException) -> str:
    code, text = getattr(exc, "smtp_code", ""), getattr(exc, "smtp_error", exc)
    return f"{code} {_text(text)}".strip()


@dataclass
class EmlFolder:
    """Each message a .eml file in `folder`, for the person's own mail client."""

    folder: Path
    channel: str = "eml"

    def describe(self) -> str:
        return str(self.folder)

    def open(self) -> None:
        if not self.folder.is_dir():
            raise AppError(f"{self.folder} is not a folder: nothing was written")

    def send(self, message, number: int = 0) -> str:
        name = safe_file_name(f"{number:06d} {message['Subject']}", fallback=f"message-{number}")[:120]
        target = self.folder / f"{name}.eml"
        try:
            with temporary_beside(target) as partial:
                partial.write_bytes(message.as_bytes())
        except OSError as exc:
            raise cannot_write(target, exc) from exc
        return f"written to {target}"

    def close(self) -> None:
        pass


def transport_from_settings(uow_settings, context: ssl.SSLContext | None = None) -> SmtpTransport:
    s = uow_settings
    if not s.smtp_host:
        raise AppError("no mail server is set: `settings smtp --host …`, or send with --eml FOLDER")
    password = stored_password(s.smtp_host, s.smtp_port, s.smtp_user) if s.smtp_user else None
    if s.smtp_user and password is None:
        raise AppError(f"no password for {s.smtp_user} on {s.smtp_host} in the keyring: `settings smtp` again")
    return SmtpTransport(s.smtp_host, s.smtp_port, s.smtp_tls, s.smtp_user, password, context)


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
    for message, status, channel, answer in outcomes:
        row = uow.conn.execute(select(m).where(m.c.id == message).with_for_update()).one()
        if row.status == "draft" and row.attempted_at is None:  # not held or discarded meanwhile
            _finish(uow, row, status, channel, answer)


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
