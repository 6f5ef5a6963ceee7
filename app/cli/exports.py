"""Commands that write documents: billing adjustments, statements, letters, deal lists."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, day, emit, month, open_database
from models.wording import counted


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    exports = commands.add_parser("export", help="write billing adjustments, statements or letters").add_subparsers(
        dest="what", metavar="WHAT", required=True
    )
    adjustments = exports.add_parser(
        "adjustments", parents=[json_parent], help="a closed month's billing adjustments (.xlsx or .csv)"
    )
    adjustments.add_argument("--month", type=month, required=True, help="YYYY-MM")
    adjustments.add_argument("-o", "--output", required=True, help="FILE.xlsx or FILE.csv")
    statements = exports.add_parser(
        "statements",
        parents=[json_parent],
        help="a closed month's credit statements: every member (.xlsx) or one (--workspace, .pdf)",
    )
    statements.add_argument("--month", type=month, required=True, help="YYYY-MM")
    statements.add_argument("-o", "--output", required=True, help="FILE.xlsx, or FILE.pdf with --workspace")
    statements.add_argument("--workspace", help="one member's one-page PDF statement")
    letters = exports.add_parser("letters", parents=[json_parent], help="acceptance letters (PDF)")
    letters.add_argument("ids", nargs="*", metavar="ID", help="applications (default: accepted, no letter yet)")
    letters.add_argument("-o", "--output", required=True, help="PATH.pdf: one combined file; a folder: one per letter")
    letters.add_argument("--drafts", action="store_true", help="an .eml draft beside each letter (folder only)")
    letters.add_argument("--on", type=day, help="the letters' date YYYY-MM-DD (default today)")
    catalogue = exports.add_parser("deals", parents=[json_parent], help="the deal catalogue as a deal file (CSV)")
    catalogue.add_argument("-o", "--output", required=True, help="FILE.csv")
    approved = exports.add_parser(
        "approved-requests", parents=[json_parent], help="approved requests with their codes, for mailing (CSV)"
    )
    approved.add_argument("-o", "--output", required=True, help="FILE.csv")
    for sub in (adjustments, statements, letters, catalogue, approved):
        sub.set_defaults(handler=cmd_export)


def cmd_export(args) -> int:
    from pathlib import Path

    from app.services import exports

    database = open_database(args)
    target = Path(args.output)
    _not_the_database(database, target)
    if args.what == "adjustments":
        result = database.run(exports.export_adjustments, exports.ExportAdjustments(args.month, target))
        totals = result.totals
        text = (
            f"{args.output}: {result.rows} workspaces, bills {_shown(totals['bills'])}, "
            f"credit applied {_shown(totals['credit_applied'])}, due {_shown(totals['due'])}"
        )
    elif args.what in ("deals", "approved-requests"):
        from app.services.deal_files import export_approved, export_catalogue

        count = database.query(export_catalogue if args.what == "deals" else export_approved, args.output)
        emit(args, {"rows": count, "file": args.output}, f"{count} rows written to {args.output}")
        return EXIT_OK
    elif args.what == "statements":
        command = exports.ExportStatements(args.month, target, args.workspace)
        result = database.run(exports.export_statements, command)
        closing = _shown(result.totals["closing_balance"])
        text = f"{args.output}: {counted(result.rows, 'statement')}, closing balance {closing}"
    else:
        command = exports.ExportLetters(tuple(args.ids) or None, target, args.drafts, args.on)
        result = database.run(exports.export_letters, command)
        text = f"{counted(result.rows, 'letter')} written to {args.output}"
    emit(args, result.as_json(), text)
    return EXIT_OK


def _not_the_database(database, target) -> None:
    """An export never takes the name of the database it reads, nor of SQLite's files beside it."""
    from app import db
    from app.errors import UsageError

    source = db.sqlite_path(database.url)
    if source is None:
        return
    source = source.resolve()
    own = {source, *(source.with_name(source.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    if target.expanduser().resolve() in own:
        raise UsageError(f"{target} is the database itself (or one of its files): give the export another name")


def _shown(plain_amount: str) -> str:
    """A JSON money string ("1398643.06") as the other messages show money ("1,398,643.06")."""
    from models.money import display, parse_usd

    return display(parse_usd(plain_amount))
