"""What every command shares: exit codes, the database, `--json`, typed arguments."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from app.errors import UsageError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
#: the largest id a database column holds (BIGINT); a bigger one names nothing
MAX_ID = 2**63 - 1


def json_parent() -> argparse.ArgumentParser:
    """The one `--json` option, shared by every command that reports."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    return parent


def open_database(args: argparse.Namespace):
    """The database `--db` names (else the default one), its address and the clock checked
    first: a malformed one is a usage error, before anything is opened."""
    from app.database import Database
    from app.db import default_url

    _check_clock()
    if args.db is not None and not args.db.strip():
        raise UsageError("--db is empty: give a SQLite file or a database URL")
    url = args.db or default_url()
    _check_address(url)
    return Database(url, args.user)


def _check_address(url: str) -> None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from app.db import normalise_url

    try:
        parsed = make_url(normalise_url(url))
        parsed.port  # noqa: B018 - a port that is no number is found only when it is read
    except (ArgumentError, ValueError) as exc:
        raise UsageError(f"{url!r} is not a database address ({exc}): give a SQLite file or postgresql://…") from None


def _check_clock() -> None:
    """`STARTUP_DESK_TODAY`, when set, must be a day the program holds."""
    import os

    from app.clock import ENV_TODAY

    fixed = os.environ.get(ENV_TODAY)
    if fixed:
        try:
            day(fixed)
        except argparse.ArgumentTypeError as exc:
            raise UsageError(f"{ENV_TODAY}: {exc}") from None


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
        return parse_usd(text)  # at most models.money.MAX_CENTS either way
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def count(text: str) -> int:
    """A positive whole number of things (at most what a database can count)."""
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not a count (1 … {MAX_ID})")
    return int(text)


def identifier(text: str) -> int:
    """A positive whole number a database id can be."""
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of a record (1 … {MAX_ID})")
    return int(text)


#: the longest name the audit trail keeps (its columns are 120 characters on every engine)
LONGEST_USER = 120


def user_name(text: str) -> str:
    """Who the audit trail records: a name on one line, at most 120 characters."""
    name = text.strip()
    if not name or len(name) > LONGEST_USER or not name.isprintable():
        raise argparse.ArgumentTypeError(
            f"{text[:60]!r}{'…' if len(text) > 60 else ''} is not a user name "
            f"(1 … {LONGEST_USER} printable characters on one line)"
        )
    return name
