"""How messages leave (SPEC 9): an SMTP server with TLS, the password in the system keyring
(the `keyring` library, never in the database or a settings file), or .eml files in a folder.
A transport opens, sends one message at a time (returning the server's answer, or raising
MessageRefused for that message and ConnectionLost when the connection broke), and closes.
The mail server as the window sets it (`SmtpSetup`: read, saved, tested) is here too."""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import AppError
from app.files import cannot_write, safe_file_name
from models.errors import InvalidInput
from models.messages import needs_smtputf8

KEYRING_SERVICE = "startup-desk-smtp"


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
            options, content = [], None
            if needs_smtputf8(sender) or needs_smtputf8(recipient):
                if not smtp.has_extn("smtputf8"):
                    raise MessageRefused(
                        f"the server {self.describe()} does not accept non-ASCII addresses (no SMTPUTF8): "
                        f"{recipient if needs_smtputf8(recipient) else sender} cannot be sent to; "
                        "write it as .eml for your own mail client, or correct the address"
                    )
                options = ["SMTPUTF8"] + (["BODY=8BITMIME"] if smtp.has_extn("8bitmime") else [])
                content = message.as_bytes(policy=message.policy.clone(utf8=True))
            for step, (code, answer) in (
                ("sender", smtp.mail(sender, options)),
                ("recipient", smtp.rcpt(recipient)),
            ):
                if code not in (250, 251):
                    smtp.rset()
                    raise MessageRefused(f"{code} {_text(answer)} (the {step})")
            code, answer = smtp.data(content or message.as_bytes())
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
        partial = self.folder / f".{name}.eml.partial"  # renamed into place whole: a reader never sees half
        try:
            utf8 = any(needs_smtputf8(message[h].addresses[0].addr_spec) for h in ("From", "To"))
            partial.write_bytes(
                message.as_bytes(policy=message.policy.clone(utf8=True)) if utf8 else message.as_bytes()
            )
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise cannot_write(target, exc) from exc
        return f"written to {target}"

    def close(self) -> None:
        pass


def transport_from_settings(uow_settings, context: ssl.SSLContext | None = None) -> SmtpTransport:
    s = uow_settings
    if not s.smtp_host:
        raise AppError(
            "no mail server is set: set one (Mail server… in the window, `settings smtp --host …` on the command line),"
            " or write the drafts as .eml files"
        )
    password = stored_password(s.smtp_host, s.smtp_port, s.smtp_user) if s.smtp_user else None
    if s.smtp_user and password is None:
        raise AppError(
            f"no password for {s.smtp_user} on {s.smtp_host} in the keyring: set the mail server again"
            " (Mail server… in the window, `settings smtp` on the command line)"
        )
    return SmtpTransport(s.smtp_host, s.smtp_port, s.smtp_tls, s.smtp_user, password, context)


# ---- the mail server, set in the window: a read and a use case over the unit of work; the test
# message reads the settings in a transaction of its own and talks to the server after it ---------


@dataclass(frozen=True)
class SmtpSetup:
    """The server as typed; `password` None or empty keeps the one in the keyring."""

    host: str
    port: int
    tls: str = "starttls"
    user: str = ""
    from_address: str = ""
    password: str | None = None


def smtp_setup(uow) -> tuple:
    """A read (`database.query(smtp_setup)`): the settings, and whether the keyring holds a
    password for their login."""
    from app.services.outbox_settings import outbox_settings

    settings = outbox_settings(uow)
    stored = bool(settings.smtp_host and settings.smtp_user) and (
        stored_password(settings.smtp_host, settings.smtp_port, settings.smtp_user) is not None
    )
    return settings, stored


def _merged(uow, setup: SmtpSetup):
    """The saved settings with the server as typed (a read)."""
    from dataclasses import replace

    from app.services.outbox_settings import outbox_settings

    if not setup.host.strip() or any(ch.isspace() for ch in setup.host.strip()):
        raise InvalidInput(f"the mail server's name is one word, e.g. smtp.example.com, not {setup.host!r}")
    return replace(
        outbox_settings(uow),
        smtp_host=setup.host.strip(),
        smtp_port=setup.port,
        smtp_tls=setup.tls,
        smtp_user=setup.user.strip(),
        from_address=setup.from_address.strip(),
    )


def _password(setup: SmtpSetup, settings) -> str | None:
    if not settings.smtp_user:
        return None
    password = setup.password or stored_password(settings.smtp_host, settings.smtp_port, settings.smtp_user)
    if password is None:
        raise InvalidInput(f"type the password of {settings.smtp_user}: it is kept in the system keyring")
    return password


def save_smtp(setup: SmtpSetup, uow):
    """A use case (`database.run(save_smtp, setup)`): the settings in the database, the password in
    the keyring (after every check, so a refused setup stores nothing); the saved settings."""
    from app.services.outbox_settings import SaveOutboxSettings, save_outbox_settings

    settings = _merged(uow, setup)
    _password(setup, settings)  # a login without a password anywhere is refused before anything is saved
    save_outbox_settings(SaveOutboxSettings(settings), uow)
    if settings.smtp_user and setup.password:
        store_password(settings.smtp_host, settings.smtp_port, settings.smtp_user, setup.password)
    return settings


def send_test_message(database, setup: SmtpSetup, context=None, timeout: float = 15.0) -> str:
    """One message from the sender to the sender with the server as typed (saved or not): the server's
    answer, or an error saying what went wrong (cannot reach it, login refused, message refused)."""
    return send_prepared_test(prepare_test_message(database, setup, context, timeout))


def prepare_test_message(database, setup: SmtpSetup, context=None, timeout: float = 15.0):
    """The database's part of a test message: the settings merged with what was typed, checked, and
    the message built. The transaction ends before the server is asked; the window runs the sending
    apart from the database's worker, so a server that never answers holds up no read."""
    from app.services.outbox_settings import check_outbox_settings
    from models.messages import build_email, message_id

    settings = database.query(_merged, setup)
    check_outbox_settings(settings)
    now = database.clock.now()
    transport = SmtpTransport(
        settings.smtp_host,
        settings.smtp_port,
        settings.smtp_tls,
        settings.smtp_user,
        _password(setup, settings),
        context,
        timeout=timeout,
    )
    email = build_email(
        sender=(settings.from_name, settings.from_address),
        to=(settings.from_name, settings.from_address),
        subject="Startup Desk: test message",
        body="This message tests the mail server settings of Startup Desk. Nothing else was sent.\n",
        message_id=message_id(f"smtp-test {now.isoformat()}", settings.from_address.rpartition("@")[2]),
        on=now,
    )
    return transport, email


def send_prepared_test(prepared) -> str:
    """Talk to the server: no database here."""
    transport, email = prepared
    transport.open()
    try:
        return transport.send(email)
    except MessageRefused as exc:
        raise AppError(f"the server took the connection but refused the test message: {exc}") from exc
    except ConnectionLost as exc:
        raise AppError(f"the connection to {transport.describe()} was lost during the test ({exc})") from exc
    finally:
        transport.close()
