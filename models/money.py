"""Money as integer cents of USD. Never float.

Rounding to the cent is half-up (SPEC 4).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from models.errors import InvalidInput

Cents = int

_AMOUNT = re.compile(r"^\s*(-)?\s*(?:US)?\$?\s*(-)?\s*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?:USD)?\s*$", re.I)
_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
_PLAIN = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{1,2}))?\Z")


#: the largest amount the program takes in, in cents (USD 9,999,999,999,999.99 either way): an
#: exact number cell in a workbook, and so far below a BIGINT of cents that no ledger's sum overflows
MAX_CENTS = 10**15 - 1


def parse_usd(text: str) -> Cents:
    """'1200000', '1,200,000', '$1,200,000.50', '-12.5' -> cents.

    Thousands separators must be well placed ('1,20,0' is refused); more than two
    decimals are rounded half-up to the cent; an amount beyond MAX_CENTS is refused.
    """
    cents = _parse_usd(text)
    if not -MAX_CENTS <= cents <= MAX_CENTS:
        raise InvalidInput(f"{text!r} is more than the program holds (at most {display(MAX_CENTS)} either way)")
    return cents


def _parse_usd(text: str) -> Cents:
    if text.isascii() and text.isdigit():  # the common case ('²' is a digit too, but no number)
        return int(text) * 100
    plain = _PLAIN.match(text)  # the next most common: '1,200,000' or '1200000.5'
    if plain:
        whole, part = plain.groups()
        return int(whole.replace(",", "")) * 100 + int((part or "").ljust(2, "0"))
    match = _AMOUNT.match(text)
    if not match:
        raise InvalidInput(f"not an amount: {text!r}")
    sign = -1 if (match.group(1) or match.group(2)) else 1
    digits = match.group(3)
    if "," in digits:
        if not _GROUPED.match(digits):
            raise InvalidInput(f"misplaced thousands separator in {text!r}")
        digits = digits.replace(",", "")
    whole, _, part = digits.partition(".")
    if len(part) <= 2:
        return sign * (int(whole or "0") * 100 + int(part.ljust(2, "0")))
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise InvalidInput(f"not an amount: {text!r}") from exc
    return sign * to_cents(value)


def to_cents(value: Decimal | int) -> Cents:
    """A Decimal amount of dollars to whole cents, half-up."""
    return int((Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def dollars(cents: Cents) -> Decimal:
    """Cents as an exact Decimal of dollars with two places."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def plain(cents: Cents) -> str:
    """The JSON form of SPEC 8: '-1000.00'."""
    cents = int(cents)  # a SUM on PostgreSQL comes back as a whole Decimal
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


def display(cents: Cents) -> str:
    """A person's form: '-1,000.00'."""
    cents = int(cents)  # a SUM on PostgreSQL comes back as a whole Decimal
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d}"


def percent_of(cents: Cents, rate: Decimal) -> Cents:
    """`rate` (0.5 for 50 %) of an amount, rounded half-up to the cent."""
    return int((Decimal(cents) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))
