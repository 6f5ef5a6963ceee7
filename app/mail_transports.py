"""How messages leave (SPEC 9): an SMTP server with TLS, the password in the system keyring
(the `keyring` library, never in the database or a settings file), or .eml files in a folder.
A transport opens, sends one message at a time (returning the server's answer, or raising
MessageRefused for that message and ConnectionLost when the connection broke), and closes."""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import AppError
from app.files import cannot_write, safe_file_name
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
