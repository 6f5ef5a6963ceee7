"""Commands of the queue: list, show, decide, history."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, day, emit, open_database
from models.applications import Status

DECISIONS = ("accept", "reject", "needs-info", "withdraw", "review")


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("applications", parents=[json_parent], help="list applications")
    listing.add_argument("--status", choices=[s.value for s in Status], help="only applications in this state")
    listing.add_argument("--limit", type=int, help="at most this many")
    listing.set_defaults(handler=cmd_applications)

    decide = commands.add_parser(
        "decide", parents=[json_parent], help="accept, reject, ask for information or withdraw"
    )
    decide.add_argument("id", help="the application_id, or Startup Desk's number")
    decide.add_argument("action", choices=DECISIONS)
    decide.add_argument("--reason", default="", help="why (needed to reject, and to accept what is not eligible)")
    decide.add_argument("--on", type=day, help="acceptance date YYYY-MM-DD (default today)")
    decide.add_argument("--workspace", help="workspace slug of the new member (default: the application's)")
    decide.set_defaults(handler=cmd_decide)

    history = commands.add_parser(
        "history", parents=[json_parent], help="who decided what, when and why, for one application"
    )
    history.add_argument("id", help="the application_id, or Startup Desk's number")
    history.set_defaults(handler=cmd_history)


def cmd_applications(args) -> int:
    from app.queries import application_summaries

    database = open_database(args)
    with database.read() as conn:
        rows = application_summaries(conn, args.status, args.limit)
    text = "\n".join(f"{r['id']:>10}  {r['status']:<10} {r['eligibility']:<10} {r['company']}" for r in rows)
    emit(args, rows, text or "no applications")
    return EXIT_OK


def cmd_decide(args) -> int:
    from app.services.applications import decide

    database = open_database(args)
    result = decide(database, args.id, args.action, args.reason, args.on, args.workspace)
    document = {
        "id": args.id,
        "status": result.status.value,
        "workspace": result.workspace,
        "override": result.override,
    }
    text = f"{args.id}: {result.status.value}" + (
        f", workspace {result.workspace} enrolled" if result.workspace else ""
    )
    emit(args, document, text)
    return EXIT_OK


def cmd_history(args) -> int:
    from app.services.applications import history

    rows = history(open_database(args), args.id)
    text = "\n".join(
        f"{r['at']:%Y-%m-%d %H:%M} UTC  {r['actor']:<12} {r['from_status']} → {r['to_status']}"
        + (f"  ({r['reason']})" if r["reason"] else "")
        for r in rows
    )
    emit(args, rows, text or "no transitions yet")
    return EXIT_OK
