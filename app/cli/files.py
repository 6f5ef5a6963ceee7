"""Commands that bring files in: imports, and the column mappings they read through."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import EXIT_OK, EXIT_REFUSED, emit, open_database

IMPORTS = (
    ("applications", "the application form's export (CSV, XLSX, JSON or JSON Lines)"),
    ("partners", "the partner registry"),
    ("usage", "the billing system's monthly bills (workspace, month, amount_usd)"),
    ("deals", "the partner-deal catalogue (partner, title, category, … ; --mapping startup-perks)"),
    ("requests", "deal requests from the request form's export (workspace, deal or partner and title, note)"),
)


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    imports = commands.add_parser("import", help="import a file").add_subparsers(
        dest="what", metavar="WHAT", required=True
    )
    for what, help_text in IMPORTS:
        sub = imports.add_parser(what, parents=[json_parent], help=help_text)
        sub.add_argument("file", help="the file to import")
        sub.add_argument("--strict", action="store_true", help="import nothing when any row is invalid")
        sub.add_argument(
            "--mapping", metavar="NAME|FILE.json", help="a saved or shipped column mapping by name, or a mapping file"
        )
        if what == "applications":
            sub.add_argument(
                "--submitted-on",
                metavar="YYYY-MM-DD",
                type=_iso_date,
                help="the application date of rows that have none (the file has no such column, or a cell is blank)",
            )
        sub.set_defaults(handler=cmd_import)

    mappings = commands.add_parser("mappings", help="saved column mappings").add_subparsers(
        dest="what", metavar="WHAT", required=True
    )
    mappings.add_parser("list", parents=[json_parent], help="names of saved and shipped mappings").set_defaults(
        handler=cmd_mappings
    )
    show = mappings.add_parser("show", help="print a mapping as JSON")
    show.add_argument("name", help="a saved or shipped mapping's name")
    show.set_defaults(handler=cmd_mappings)
    save = mappings.add_parser("save", help="save a mapping (JSON file) under a name")
    save.add_argument("name", help="the name to save it under")
    save.add_argument("file", help="the mapping, a JSON file")
    save.set_defaults(handler=cmd_mappings)
    remove = mappings.add_parser("delete", help="delete a saved mapping (or hide a shipped one)")
    remove.add_argument("name", help="the mapping's name")
    remove.set_defaults(handler=cmd_mappings)


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def cmd_import(args) -> int:
    from app.services import deal_files, imports
    from app.services.mappings import resolve_mapping
    from app.services.search_index import IndexForSearch, index_for_search

    database = open_database(args)
    mapping = database.query(resolve_mapping, args.mapping) if args.mapping else None
    if args.what in ("deals", "requests"):
        use_case = deal_files.import_deals if args.what == "deals" else deal_files.import_requests
        report = database.run(use_case, deal_files.ImportDealFile(args.file, mapping, args.strict))
    elif args.what == "applications":
        command = imports.ImportApplications(args.file, mapping, args.strict, args.submitted_on)
        report = database.run(imports.import_applications, command)
        database.run(index_for_search, IndexForSearch(rows=None))  # what a big import left out of the search index
    else:
        use_case = imports.import_partners if args.what == "partners" else imports.import_usage
        report = database.run(use_case, imports.ImportFile(args.file, mapping, args.strict))
    lines = [
        f"imported {report.imported}, skipped {report.duplicates} already imported, {report.invalid_rows} invalid rows"
    ]
    if args.strict and report.invalid:
        lines[0] = f"nothing imported (--strict): {report.invalid_rows} invalid rows"
    invalid = report.by_row()  # each invalid row once, with all its problems
    lines += [f"  {row}" for row in invalid[:50]]
    if len(invalid) > 50:
        lines.append(f"  … and {len(invalid) - 50} more invalid rows (use --json for all)")
    if report.flagged:
        lines.append(f"{report.flagged} applications flagged as possible duplicates")
    if report.restatements:
        lines.append("bills of closed months changed (close-month --restate applies them):")
        lines += [f"  {change}" for change in report.restatements]
    if report.unknown_partners:
        lines.append(f"unknown partner codes (flagged): {', '.join(report.unknown_partners)}")
    emit(args, report.as_json(), "")
    if not args.json:
        print("\n".join(lines), file=sys.stderr if report.invalid else sys.stdout)
    return EXIT_REFUSED if report.invalid else EXIT_OK


def cmd_mappings(args) -> int:
    from app.services.mappings import (
        DeleteMapping,
        SaveMapping,
        delete_mapping,
        find_mapping,
        mapping_from_file,
        mapping_names,
        save_mapping,
    )

    database = open_database(args)
    if args.what == "list":
        names = database.query(mapping_names)
        emit(args, names, "\n".join(names))
    elif args.what == "show":
        print(database.query(find_mapping, args.name).to_json())
    elif args.what == "delete":
        print(database.run(delete_mapping, DeleteMapping(args.name)))
    else:
        mapping = mapping_from_file(args.file)
        mapping.name = args.name
        database.run(save_mapping, SaveMapping(args.name, mapping))
        print(f"mapping {args.name} saved")
    return EXIT_OK
