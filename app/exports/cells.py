"""A CSV field a spreadsheet will not run as a formula, and the same field read back.

A field that starts with a formula trigger gets a leading `'`, which a spreadsheet
shows as text; a field that starts with `'` gets one too, so the guard can always be
undone: importing a file this program exported (`export deals`, then `import deals`)
reads back exactly what was written. No third-party import here: the importers use it.
"""

from __future__ import annotations

# A spreadsheet application runs a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: what gets the leading ': the triggers, and a leading ' itself
GUARDED = (*FORMULA_TRIGGERS, "'")


def guard(text: str) -> str:
    return "'" + text if text.startswith(GUARDED) else text


def unguard(text: str) -> str:
    """The field as it was before `guard`: one leading ' goes, when what follows needed it."""
    return text[1:] if text.startswith("'") and text[1:].startswith(GUARDED) else text
