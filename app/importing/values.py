"""Parsing cell text into typed values, with messages that say what was wrong."""

from __future__ import annotations

import re
from datetime import date, datetime

from models.dates import FIRST_DAY, LAST_DAY, holds
from models.errors import InvalidInput
from models.money import parse_usd

EMAIL = re.compile(
    # a domain label is letters and digits of any script (bücher.de goes out as IDNA), hyphens
    # inside, no underscore anywhere (the look-ahead: 1.4× the ASCII-only pattern, an alternation 3×)
    r"^[^@\s<>(),;:\"]+@(?![^@]*_)[^\W_](?:[\w\-]*[^\W_])?(?:\.[^\W_](?:[\w\-]*[^\W_])?)+$"
)
_SYMBOLS = {"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₪": "ILS", "₺": "TRY"}
_FOREIGN = re.compile(r"([€£¥₹₩₽₪₺])|\b([A-Z]{3})\b")
_LETTER_OR_SYMBOL = re.compile(r"[^\W\d_]|[€£¥₹₩₽₪₺]")
#: Indian digit grouping (lakh and crore): '20,00,00,000' is 200,000,000. Unambiguous: the
#: last group has three digits, every one before it two (the first one or two).
_INDIAN = re.compile(r"(?<![\d,.])(\d{1,2}(?:,\d{2})+,\d{3})(?![\d,])")


def parse_date(text: str, fmt: str | None = None) -> date:
    """A date the program can hold (1900 … 2999: the edges of its date arithmetic)."""
    day = _parse_date(text, fmt)
    if not holds(day):
        raise InvalidInput(f"{text.strip()!r} is outside the dates Startup Desk holds ({FIRST_DAY} … {LAST_DAY})")
    return day


def _parse_date(text: str, fmt: str | None = None) -> date:
    text = text.strip()
    if fmt:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError as exc:
            raise InvalidInput(f"{text!r} does not match the date format {fmt}") from exc
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text):
            raise InvalidInput(f"{text!r} is ambiguous: choose a date format in the column mapping") from None
        raise InvalidInput(f"{text!r} is not a date (YYYY-MM-DD)") from None


def parse_email(text: str) -> str:
    text = text.strip()
    if not EMAIL.match(text):
        raise InvalidInput(f"{text!r} is not an e-mail address")
    return text


def parse_funding(text: str) -> tuple[int | None, str | None]:
    """(cents, None) for a USD amount; (None, 'EUR') for an amount in another currency."""
    if text.isascii() and text.isdigit() and len(text) <= 13:  # most amounts, without a regular expression
        return int(text) * 100, None
    if "," in text and _INDIAN.search(text):
        text = _INDIAN.sub(lambda match: match.group(1).replace(",", ""), text)
    foreign = _FOREIGN.search(text) if _LETTER_OR_SYMBOL.search(text) else None
    if foreign:
        code = _SYMBOLS.get(foreign.group(1) or "", foreign.group(2))
        if code and code != "USD":
            return None, code
    cents = parse_usd(text)
    if cents < 0:
        raise InvalidInput(f"{text!r}: funding cannot be negative")
    return cents, None


_YES = {"yes", "y", "true", "1", "t"}
_NO = {"no", "n", "false", "0", "f"}


def parse_yes_no(text: str) -> bool | None:
    value = text.strip().casefold()
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise InvalidInput(f"{text!r} is not yes/no, true/false or 1/0")
