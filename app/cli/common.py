"""What every command shares: exit codes, the database, `--json`, typed arguments."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
#: the largest id a database column holds (BIGINT); a bigger one names nothing
MAX_ID = 2**63 - 1


def json_parent() -> argparse.ArgumentParser:
    """The one `--json` option, shared by every command that reports."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    return parent


def open_database(args: argparse.Namespace):
    from app.database import Database
    from app.db import default_url

    return Database(args.db or default_url(), args.user)


def emit(args: argparse.Namespace, document, text: str) -> None:
    if getattr(args, "json", False):
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif text:
        print(text)


# ---- argument types: a malformed argument is a usage error (exit 2) ------------------------


def day(text: str) -> date:
    """YYYY-MM-DD, a day the program holds (1900-01-01 … 2999-12-31)."""
    from models.dates import holds

    try:
        value = date.fromisoformat(text) if len(text) == 10 else _not_a_date(text)
    except ValueError:
        _not_a_date(text)
    if not holds(value):
        _outside(text)
    return value


def _outside(text: str):
    from models.dates import FIRST_DAY, LAST_DAY

    raise argparse.ArgumentTypeError(f"{text!r} is outside the dates the program holds ({FIRST_DAY} … {LAST_DAY})")


def _not_a_date(text: str):
    raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")


def month(text: str) -> str:
    """YYYY-MM, a month the program holds (1900-01 … 2999-12)."""
    from models.dates import FIRST_DAY, LAST_DAY, parse_month
    from models.errors import InvalidInput

    try:
        year, number = parse_month(text)
    except InvalidInput:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month (YYYY-MM)") from None
    if year < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month (YYYY-MM)")
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        _outside(text)
    return f"{year:04d}-{number:02d}"


def money(text: str) -> int:
    """An amount of USD, as cents."""
    from models.errors import InvalidInput
    from models.money import parse_usd

    try:
        return parse_usd(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def identifier(text: str) -> int:
    """A positive whole number a database id can be."""
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of a record (1 … {MAX_ID})")
    return int(text)
