"""Commands of the queue: list, show, decide, history."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, count, day, emit, open_database
from models.applications import Status

DECISIONS = ("accept", "reject", "needs-info", "withdraw", "review")


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("applications", parents=[json_parent], help="list applications")
    listing.add_argument("--status", choices=[s.value for s in Status], help="only applications in this state")
    listing.add_argument("--limit", type=count, help="at most this many")
    listing.set_defaults(handler=cmd_applications)

    show = commands.add_parser(
        "show", parents=[json_parent], help="one application whole: fields, rules, duplicates, history"
    )
    show.add_argument("id", help="the application_id, or Startup Desk's number")
    show.set_defaults(handler=cmd_show)

    decide = commands.add_parser(
        "decide", parents=[json_parent], help="accept, reject, ask for information or withdraw"
    )
    decide.add_argument("ids", nargs="*", metavar="ID", help="application_ids, or Startup Desk's numbers")
    decide.add_argument("action", choices=DECISIONS, help="the decision")
    decide.add_argument(
        "--all-eligible",
        action="store_true",
        help="every open, eligible application (of the IDs, when given): all or nothing",
    )
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
    """Streamed: rows are written as they are read, in blocks, whatever the size of the queue."""
    import sys

    from app.queries import iter_application_json, iter_application_summaries

    def write(uow) -> int:
        out, count = sys.stdout, 0
        if args.json:
            out.write("[")
            for block in iter_application_json(uow.conn, args.status, args.limit):
                out.write(("\n  " if count == 0 else ",\n  ") + block)
                count += 1
            out.write("\n]\n" if count else "]\n")
            return count
        block = []
        for row in iter_application_summaries(uow.conn, args.status, args.limit):
            block.append(f"{row['id']:>10}  {row['status']:<10} {row['eligibility']:<10} {row['company']}\n")
            count += 1
            if len(block) == 2_000:
                out.write("".join(block))
                block.clear()
        out.write("".join(block))
        if not count:
            out.write("no applications\n")
        return count

    open_database(args).query(write)
    return EXIT_OK


def cmd_show(args) -> int:
    from app.queries import application_document

    document = open_database(args).query(application_document, args.id)
    row = document["fields"]
    lines = [f"{row['application_id'] or row['id']}  {row['company']}  ({row['status']}, {row['eligibility']})"]
    lines += [f"  {rule:<18} {outcome:<8} {reason}" for rule, outcome, reason in document["rules"]]
    lines += [
        f"  possible duplicate of {d['application_id'] or d['id']} ({d['company']}): {d['kind']}"
        for d in document["duplicates"]
    ]
    lines += [
        f"  {h['at']:%Y-%m-%d %H:%M} UTC {h['actor']}: {h['from_status']} → {h['to_status']}"
        + (f" ({h['reason']})" if h["reason"] else "")
        for h in document["history"]
    ]
    emit(args, document, "\n".join(lines))
    return EXIT_OK


def cmd_decide(args) -> int:
    from app.errors import UsageError
    from app.services.applications import Decide, DecideMany, decide, decide_many, eligible_open

    database = open_database(args)
    if args.all_eligible:
        refs = database.query(eligible_open, tuple(args.ids))
        if not refs:
            emit(args, [], "no open, eligible application to decide")
            return EXIT_OK
    elif not args.ids:
        raise UsageError("decide needs an ID (or --all-eligible)")
    else:
        refs = tuple(args.ids)
    if len(refs) == 1 and not args.all_eligible:
        results = [database.run(decide, Decide(refs[0], args.action, args.reason, args.on, args.workspace))]
    else:
        if args.workspace:
            raise UsageError("--workspace names one member: decide one application with it")
        results = database.run(decide_many, DecideMany(refs, args.action, args.reason, args.on))
    document = [
        {"id": ref, "status": r.status.value, "workspace": r.workspace, "override": r.override}
        for ref, r in zip(args.ids if not args.all_eligible else refs, results)
    ]
    text = "\n".join(
        f"{d['id']}: {d['status']}" + (f", workspace {d['workspace']} enrolled" if d["workspace"] else "")
        for d in document
    )
    emit(args, document[0] if len(document) == 1 and not args.all_eligible else document, text)
    return EXIT_OK


def cmd_history(args) -> int:
    from app.services.applications import history

    rows = open_database(args).query(history, args.id)
    text = "\n".join(
        f"{r['at']:%Y-%m-%d %H:%M} UTC  {r['actor']:<12} {r['from_status']} → {r['to_status']}"
        + (f"  ({r['reason']})" if r["reason"] else "")
        for r in rows
    )
    emit(args, rows, text or "no transitions yet")
    return EXIT_OK
