"""Words as a person writes them: counts ("1 application", "2 applications") and a closing line."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`noun` for exactly one, else `plural` (the noun with an "s" unless said otherwise)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


#: a message's closing line when the program has not written its own (the letters' default is English)
SIGN_OFFS = {"en": "With best wishes,", "de": "Mit freundlichen Grüßen"}


def sign_off(written: str | None, language: str) -> str:
    """The program's own closing, unless it is the English default: a German message then closes
    in German instead of with an English line under German text."""
    if written is None or written == SIGN_OFFS["en"]:
        return SIGN_OFFS.get(language, SIGN_OFFS["en"])
    return written
