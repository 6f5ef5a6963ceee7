"""Counts as a person writes them: "1 application", "2 applications", "1,250 bills"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`noun` for exactly one, else `plural` (the noun with an "s" unless said otherwise)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
