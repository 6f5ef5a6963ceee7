"""Messages for every outcome (SPEC 9): templates, placeholders, rendering.

A template is a subject line and a body of plain text with `$placeholders`
(Python's string.Template, as in the letter template). Values are put in once and
never read again as placeholders, markup or headers: a company called "$founder"
is printed as "$founder". The default wording ships in English and German as files
in resources/templates/messages/<language>/<kind>.txt; the founder's-words sentence
of each eligibility rule is in reasons.txt beside them.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from importlib import resources

from models.errors import InvalidInput
from models.money import Cents, plain

LANGUAGES = ("en", "de")
DEFAULT_LANGUAGE = "en"


class Kind(str, Enum):
    """What a message is about: one per outcome."""

    ACCEPTANCE = "acceptance"
    REJECTION = "rejection"
    NEEDS_INFO = "needs_info"
    WITHDRAWAL = "withdrawal"
    REMINDER = "reminder"
    DEAL_APPROVED = "deal_approved"
    DEAL_DECLINED = "deal_declined"
    YEAR2_GRANTED = "year2_granted"
    YEAR2_REFUSED = "year2_refused"
    RENEWAL_OFFER = "renewal_offer"
    CREDIT_NOTICE = "credit_notice"


#: the message a decision (the status it leads to) puts in the outbox
FOR_STATUS = {
    "accepted": Kind.ACCEPTANCE,
    "rejected": Kind.REJECTION,
    "needs_info": Kind.NEEDS_INFO,
    "withdrawn": Kind.WITHDRAWAL,
}

COMMON = {
    "founder": "the founder's name (the application's contact name, else the company)",
    "company": "the company name as the applicant typed it",
    "program": "the program's name",
    "contact": "the program's contact address",
    "signature": "the sign-off: who writes",
    "date": "the message's date",
    "application_id": "the application's id",
    "workspace": "the workspace named in the application",
}
_SPECIFIC: dict[Kind, dict[str, str]] = {
    Kind.ACCEPTANCE: {
        "amount": "the year-1 credit, e.g. USD 25,000.00",
        "valid_from": "the first day the credit is valid",
        "valid_until": "the last day the credit is valid",
    },
    Kind.REJECTION: {
        "reasons": "one sentence per failed rule, in a founder's words (one line each)",
        "decision_reason": "the reason the reviewer recorded",
    },
    Kind.NEEDS_INFO: {
        "missing": "what is unknown, one line each",
        "answer_by": "the date by which to answer",
    },
    Kind.WITHDRAWAL: {"decision_reason": "the reason the reviewer recorded"},
    Kind.REMINDER: {"missing": "what is unknown, one line each", "answer_by": "the date by which to answer"},
    Kind.DEAL_APPROVED: {"deal": "the deal's title", "partner": "the partner company", "redeem": "the code or link"},
    Kind.DEAL_DECLINED: {"deal": "the deal's title", "partner": "the partner company"},
    Kind.YEAR2_GRANTED: {
        "amount": "the year-2 credit",
        "valid_from": "the first day of year 2",
        "valid_until": "the last day of year 2",
    },
    Kind.YEAR2_REFUSED: {"decision_reason": "the reason the reviewer recorded"},
    Kind.RENEWAL_OFFER: {"discount": "the renewal discount, e.g. 50 %", "valid_until": "the offer's last day"},
    Kind.CREDIT_NOTICE: {"notice": "what happened to the credit, one sentence", "balance": "the credit left"},
}
PLACEHOLDERS: dict[Kind, dict[str, str]] = {kind: COMMON | _SPECIFIC[kind] for kind in Kind}


@dataclass(frozen=True)
class Template:
    kind: Kind
    language: str
    subject: str
    body: str

    def check(self) -> None:
        """Refuse an unknown or malformed placeholder, naming it (SPEC 9: refused when saved)."""
        if "\n" in self.subject or "\r" in self.subject:
            raise InvalidInput(f"{self.kind.value} template: the subject is one line")
        known = PLACEHOLDERS[self.kind]
        for part, text in (("subject", self.subject), ("body", self.body)):
            template = string.Template(text)
            if not template.is_valid():
                raise InvalidInput(
                    f"{self.kind.value} template ({part}): a '$' that is not a placeholder must be written '$$'"
                )
            unknown = [name for name in template.get_identifiers() if name not in known]
            if unknown:
                raise InvalidInput(
                    f"{self.kind.value} template ({part}): unknown placeholder ${unknown[0]} (known: "
                    + ", ".join("$" + name for name in known)
                    + ")"
                )

    def to_text(self) -> str:
        """The file form: 'Subject: …', a blank line, the body."""
        return f"Subject: {self.subject}\n\n{self.body}\n"

    @classmethod
    def from_text(cls, kind: Kind, language: str, text: str) -> Template:
        head, _, body = text.replace("\r\n", "\n").partition("\n\n")
        if not head.startswith("Subject:"):
            raise InvalidInput(f"{kind.value} template ({language}): the first line must be 'Subject: …'")
        return cls(kind, language, head.removeprefix("Subject:").strip(), body.strip("\n"))


@functools.lru_cache(maxsize=64)
def _shipped(language: str, name: str) -> str:
    if language not in LANGUAGES:
        raise InvalidInput(f"no wording in language {language!r} (one of {', '.join(LANGUAGES)})")
    folder = resources.files("resources").joinpath("templates", "messages", language)
    return folder.joinpath(name).read_text(encoding="utf-8")


def default_template(kind: Kind, language: str = DEFAULT_LANGUAGE) -> Template:
    """The wording Startup Desk ships for `kind` in `language`."""
    return Template.from_text(kind, language, _shipped(language, f"{kind.value}.txt"))


def founder_sentences(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """reasons.txt: `key: sentence` per line; a key is a rule's `why` (models.eligibility)."""
    return dict(_sentences(language))


@functools.lru_cache(maxsize=8)
def _sentences(language: str) -> tuple[tuple[str, str], ...]:
    sentences = {}
    for line in _shipped(language, "reasons.txt").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, sentence = line.partition(":")
            sentences[key.strip()] = sentence.strip()
    return tuple(sentences.items())


# ---- words for values -----------------------------------------------------------------

_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
}


def long_date(day: date, language: str = DEFAULT_LANGUAGE) -> str:
    month = _MONTHS[language][day.month - 1]
    return f"{day.day}. {month} {day.year}" if language == "de" else f"{day.day} {month} {day.year}"


def usd(cents: Cents, language: str = DEFAULT_LANGUAGE) -> str:
    """USD 25,000.00 in English, 25.000,00 USD in German."""
    whole, _, fraction = plain(abs(cents)).partition(".")
    groups = f"{int(whole):,}"
    sign = "-" if cents < 0 else ""
    if language == "de":
        return f"{sign}{groups.replace(',', '.')},{fraction} USD"
    return f"{sign}USD {groups}.{fraction}"


def _fact_values(why: str, facts: tuple, language: str) -> dict[str, str]:
    """The named values a founder's sentence may use, from a rule's facts."""
    if why == "age":
        incorporated, applied, limit_years, _passed = facts
        return {
            "incorporated": long_date(incorporated, language),
            "applied": long_date(applied, language),
            "limit_years": str(limit_years),
        }
    if why.startswith("funding-") and len(facts) == 2:
        return {"raised": usd(facts[0], language), "limit": usd(facts[1], language)}
    if why == "funding-currency":
        return {"currency": str(facts[0])}
    if why.startswith("territory-"):
        return {"country": str(facts[0])}
    return {}


@dataclass(frozen=True, slots=True)
class RuleFact:
    """What a message needs of an eligibility rule's result (models.eligibility.RuleResult fits)."""

    rule: str
    outcome: str
    why: str
    facts: tuple = ()


def _sentence(result, language: str, sentences: Mapping[str, str]) -> str:
    key = result.why if result.why != "age" else "age-fail"
    template = sentences.get(key) or sentences[f"{result.rule}-{_value(result.outcome)}"]
    return string.Template(template).safe_substitute(_fact_values(result.why, tuple(result.facts), language))


def _value(outcome) -> str:
    return getattr(outcome, "value", outcome)


def explain_failures(results: Iterable, language: str = DEFAULT_LANGUAGE, decision_reason: str = "") -> list[str]:
    """One sentence per failed rule, in a founder's words; without a failed rule, a duplicate
    or a reviewer's decision gets the sentence for it (the reviewer's own text is not sent)."""
    sentences = founder_sentences(language)
    failed = [_sentence(r, language, sentences) for r in results if _value(r.outcome) == "fail"]
    if failed:
        return failed
    if decision_reason.strip().lower().startswith("duplicate"):
        return [sentences["duplicate"]]
    return [sentences["other"]]


def list_unknowns(results: Iterable, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """What is missing, from the rules that are `unknown`: one line each."""
    sentences = founder_sentences(language)
    return [_sentence(r, language, sentences) for r in results if _value(r.outcome) == "unknown"]


def bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


# ---- rendering ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


#: every control character (C0, DEL, C1) and the Unicode line and paragraph separators
_CONTROLS = {code: " " for code in (*range(32), *range(0x7F, 0xA0), 0x2028, 0x2029)}


def one_line(text: str) -> str:
    """Text for a header: every control character (CR, LF, tab, NUL …) a space, runs of space one."""
    return " ".join(text.translate(_CONTROLS).split())


class _OneLineValues(dict):
    """Values cleaned for a header only when the subject asks for them."""

    def __getitem__(self, name: str) -> str:
        return one_line(str(super().__getitem__(name)))


def render(template: Template, values: Mapping[str, str]) -> Rendered:
    """The message: every placeholder filled once, as text. The subject is one line whatever
    the values hold; a placeholder without a value stays as typed (check() refused unknown ones)."""
    subject = string.Template(template.subject).safe_substitute(_OneLineValues(values))
    body = string.Template(template.body).safe_substitute(values)
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    return Rendered(one_line(subject), body.strip("\n") + "\n")


# ---- the e-mail: headers are data-safe ---------------------------------------------------

#: "=?" opens an RFC 2047 encoded word, which mail readers (and Python's own parser) decode,
#: CR/LF included: typed text could forge a header. A word joiner after '=' keeps it text.
_ENCODED_WORD_OPENER = "=?"
_WORD_JOINER = "\u2060"


def header_text(text: str) -> str:
    """Applicant text made safe for a header: one line, and no encoded word of its own."""
    return one_line(text).replace(_ENCODED_WORD_OPENER, "=" + _WORD_JOINER + "?")


def check_address(text: str) -> str:
    """One plain e-mail address (local@domain), else InvalidInput naming it."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    address = text.strip()
    if not address or one_line(address) != address or " " in address or address.count("@") != 1:
        raise InvalidInput(f"not one e-mail address: {text!r}")
    local, _, domain = address.rpartition("@")
    ascii_local = "".join(ch if ch.isascii() else "x" for ch in local)  # SMTPUTF8: josé@… is a mailbox too
    try:
        parsed = Address(addr_spec=f"{ascii_local}@{domain}")
    except (ValueError, IndexError, TypeError, HeaderParseError) as exc:
        raise InvalidInput(f"not one e-mail address: {text!r} ({exc})") from None
    if not parsed.username or "." not in parsed.domain:
        raise InvalidInput(f"not one e-mail address: {text!r}")
    return address


def needs_smtputf8(address: str) -> bool:
    """A mailbox with non-ASCII before the @ (josé@…): only a server that offers SMTPUTF8 takes it
    (a non-ASCII domain has its ASCII form, IDNA, and needs nothing)."""
    return not address.rpartition("@")[0].isascii()


def ascii_domain(domain: str) -> str:
    """An internationalised domain (bücher.de) in the form mail servers take (xn--bcher-kva.de)."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise InvalidInput(f"not a mail domain: {domain!r} ({exc})") from None


def message_id(key: str, domain: str) -> str:
    """A stable Message-ID: the same draft always has the same one (a resent copy is recognised)."""
    import hashlib

    safe_domain = "".join(ch for ch in domain.lower() if ch.isascii() and (ch.isalnum() or ch in ".-")) or "localhost"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    return f"<startup-desk.{digest}@{safe_domain}>"


@functools.lru_cache(maxsize=1)
def _smtp_policy():
    """policy.SMTP with a header registry that makes each header class once (the standard one
    makes a new class on every header read: a third of the time of writing 1,000 messages)."""
    from email import policy
    from email.headerregistry import HeaderRegistry

    class Registry(HeaderRegistry):
        @functools.lru_cache(maxsize=128)  # noqa: B019  (one registry, kept for the process)
        def __getitem__(self, name):
            return super().__getitem__(name)

    return policy.SMTP.clone(header_factory=Registry())


@dataclass(frozen=True)
class Attachment:
    file_name: str
    content: bytes
    maintype: str = "application"
    subtype: str = "pdf"


def build_email(
    *,
    sender: tuple[str, str],
    to: tuple[str, str],
    subject: str,
    body: str,
    message_id: str,
    on,
    attachments: Iterable[Attachment] = (),
):
    """An EmailMessage (policy SMTP: CRLF, folded lines): names and subject go in as text only.
    `sender` and `to` are (display name, address); `on` is the naive UTC datetime of the Date header."""
    from datetime import UTC
    from email import utils
    from email.headerregistry import Address
    from email.message import EmailMessage

    message = EmailMessage(policy=_smtp_policy())
    for header, (name, address) in (("From", sender), ("To", to)):
        username, _, domain = check_address(address).rpartition("@")
        domain = ascii_domain(domain)
        message[header] = Address(display_name=header_text(name), username=username, domain=domain)
    message["Subject"] = header_text(subject)
    message["Date"] = utils.format_datetime(on.replace(tzinfo=UTC))
    message["Message-ID"] = message_id
    message.set_content(body)
    for attachment in attachments:
        message.add_attachment(
            attachment.content,
            maintype=attachment.maintype,
            subtype=attachment.subtype,
            filename=header_text(attachment.file_name),
        )
    return message
