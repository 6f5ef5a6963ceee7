"""Commands about the database itself: the window, the demo data, backups."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, emit, open_database


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.add_argument(
        "--demo", action="store_true", help="open the demo's own database (not yours) with the demo data set"
    )

    commands.add_parser(
        "demo", parents=[json_parent], help="load the demo data set into the demo's own database, or --db (idempotent)"
    ).set_defaults(handler=cmd_demo)

    backup = commands.add_parser(
        "backup", parents=[json_parent], help="a consistent copy of the database (a SQLite file)"
    )
    backup.add_argument("file", help="where to write the copy")
    backup.set_defaults(handler=cmd_backup)


def cmd_demo(args) -> int:
    from app.db import demo_url
    from app.demo import LoadDemo, load_demo

    if not args.db:  # never into the person's own database unless they name it
        args.db = demo_url()
    summary = open_database(args).run(load_demo, LoadDemo())
    emit(args, {"summary": summary}, summary)
    return EXIT_OK


def cmd_backup(args) -> int:
    from app.backup import backup

    database = open_database(args)
    path = backup(database.url, args.file)
    emit(args, {"file": str(path)}, f"backup written to {path}")
    return EXIT_OK
