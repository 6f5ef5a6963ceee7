"""E-mail drafts (.eml) of the acceptance letters, for the person's own mail client.

Applicant text goes into the Subject, and a header is where text can turn into
something else: a line break would start a header of its own, and text that looks
like an RFC 2047 encoded word (`=?UTF-8?B?…?=`) is decoded by mail readers — and by
Python's own parser when the header is set, so a company named so could smuggle a
`Bcc:` line into the file. The Subject here is therefore a header of literal text:
never read as encoded words, line breaks flattened to spaces, and written encoded
whenever it holds anything but plain ASCII words, so that a reader decodes it back
to exactly what was typed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email import policy
from email.header import Header
from email.headerregistry import Address, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from app.errors import AppError

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def one_line(text: str) -> str:
    """Header text on one line: line breaks and other control characters become one space."""
    return _CONTROL.sub(" ", text).strip()


class LiteralText(UnstructuredHeader):
    """An unstructured header whose value is taken as typed and written so it reads back so."""

    @classmethod
    def parse(cls, value, kwds):
        super().parse(value, kwds)
        kwds["decoded"] = one_line(str(value))  # not the encoded words the parser read into it

    def fold(self, *, policy):
        value = str(self)
        if value.isascii() and "=?" not in value:
            return super().fold(policy=policy)
        encoded = Header(value, "utf-8", header_name=self.name).encode(linesep=policy.linesep)
        return f"{self.name}: {encoded}{policy.linesep}"


_REGISTRY = HeaderRegistry()
_REGISTRY.map_to_type("subject", LiteralText)
POLICY = policy.SMTP.clone(header_factory=_REGISTRY)  # CRLF line ends, as RFC 5322 files have


def address(text: str, what: str) -> Address:
    """One bare address (no display name, so nothing typed can add a second one)."""
    try:
        parsed = Address(addr_spec=one_line(text))
    except (ValueError, IndexError) as error:
        raise AppError(f"{what} {text!r} is not an e-mail address: {error}") from error
    if not parsed.username or not parsed.domain:
        raise AppError(f"{what} {text!r} is not an e-mail address")
    return parsed


def draft(
    to: str, sender: str, subject: str, body: str, now: datetime, attachment: bytes, attachment_name: str
) -> bytes:
    """An unsent message with a PDF attached, as the bytes of an .eml file."""
    message = EmailMessage(policy=POLICY)
    message["To"] = address(to, "the applicant's address")
    message["From"] = address(sender, "the program's contact address")
    message["Subject"] = one_line(subject)
    message["Date"] = format_datetime(now.replace(tzinfo=UTC))  # the unit of work's clock, naive UTC
    message["Message-ID"] = make_msgid(domain=address(sender, "the program's contact address").domain)
    message["X-Unsent"] = "1"  # Outlook and others open it as a draft to send
    message.set_content(body)
    message.add_attachment(attachment, maintype="application", subtype="pdf", filename=attachment_name)
    return bytes(message)
