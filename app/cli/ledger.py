"""Commands of the credit ledger: the month close, program years, corrections, verify."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import EXIT_OK, EXIT_REFUSED, day, emit, identifier, money, month, open_database


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    close = commands.add_parser(
        "close-month", parents=[json_parent], help="apply credit to a month's bills and expire what ended"
    )
    close.add_argument("month", type=month, help="YYYY-MM")
    close.add_argument("--restate", action="store_true", help="reverse and re-apply a closed month whose bills changed")
    close.add_argument("--preview", action="store_true", help="show what closing would do; change nothing")
    close.set_defaults(handler=cmd_close_month)

    reopen = commands.add_parser(
        "reopen-month", parents=[json_parent], help="undo the latest close: reverse its entries, open it again"
    )
    reopen.add_argument("month", type=month, help="YYYY-MM")
    reopen.add_argument("--reason", required=True, help="why the close is undone (kept in the ledger)")
    reopen.set_defaults(handler=cmd_reopen_month)

    for name, help_text in (
        ("year2", "grant year 2: the member still meets the requirements"),
        ("renew", "a renewal year at the renewal discount"),
    ):
        sub = commands.add_parser(name, parents=[json_parent], help=help_text)
        sub.add_argument("workspace", help="the member's workspace slug")
        sub.add_argument("--on", type=day, help="decision date YYYY-MM-DD (default today)")
        sub.set_defaults(handler=cmd_program_year)
    graduate = commands.add_parser(
        "graduate", parents=[json_parent], help="the member no longer qualifies: no further grant"
    )
    graduate.add_argument("workspace", help="the member's workspace slug")
    graduate.set_defaults(handler=cmd_program_year)

    adjust = commands.add_parser("adjust", parents=[json_parent], help="a manual, signed credit correction")
    adjust.add_argument("workspace", help="the member's workspace slug")
    adjust.add_argument("amount", type=money, help="USD, e.g. 500.00 or -125.50")
    adjust.add_argument("--reason", required=True, help="why (kept in the ledger)")
    adjust.add_argument("--on", type=day, help="date YYYY-MM-DD (default today)")
    adjust.set_defaults(handler=cmd_adjust)

    reverse = commands.add_parser("reverse", parents=[json_parent], help="cancel one ledger entry")
    reverse.add_argument("entry_id", type=identifier, help="the entry's number (see: ledger)")
    reverse.add_argument("--reason", required=True, help="why (kept in the ledger)")
    reverse.set_defaults(handler=cmd_reverse)

    reinstate = commands.add_parser(
        "reinstate", parents=[json_parent], help="undo a reversal: a new entry like the one it cancelled"
    )
    reinstate.add_argument("reversal_id", type=identifier, help="the reversal's entry number")
    reinstate.add_argument("--reason", required=True, help="why (kept in the ledger)")
    reinstate.set_defaults(handler=cmd_reinstate)

    ledger = commands.add_parser("ledger", parents=[json_parent], help="a member's entries and balance")
    ledger.add_argument("workspace", help="the member's workspace slug")
    ledger.set_defaults(handler=cmd_ledger)

    verify = commands.add_parser(
        "verify", parents=[json_parent], help="recompute every balance and check the ledger's rules"
    )
    verify.set_defaults(handler=cmd_verify)


def cmd_close_month(args) -> int:
    from app.services import ledger
    from models.money import display

    database = open_database(args)
    if args.preview:
        summary = database.query(ledger.preview_close, args.month, args.restate)
    else:
        summary = database.run(ledger.close_month, ledger.CloseMonth(args.month, args.restate))
    verb = "would close" if args.preview else ("was already closed" if summary.already_closed else "closed")
    text = (
        f"{args.month} {verb}: {summary.bills} bills of {display(summary.billed)}, "
        f"credit applied {display(summary.credit_applied)}, renewal discounts {display(summary.discounts)}, "
        f"due {display(summary.due)}, expired {display(summary.expired)}"
    )
    for change in summary.restated:
        text += (
            f"\n  restated {change['workspace']}: credit applied "
            f"{change['credit_applied_before']} → {change['credit_applied_after']}"
        )
    emit(args, summary.as_json(), text)
    return EXIT_OK


def cmd_reopen_month(args) -> int:
    from app.services import ledger

    count = open_database(args).run(ledger.reopen_month, ledger.ReopenMonth(args.month, args.reason))
    emit(
        args,
        {"month": args.month, "reversed": count},
        f"{args.month} reopened: {count} entries reversed; import corrected bills and close it again",
    )
    return EXIT_OK


def cmd_program_year(args) -> int:
    from app.services import ledger

    database = open_database(args)
    if args.command == "year2":
        result = database.run(ledger.grant_year_two, ledger.GrantYearTwo(args.workspace, args.on))
    elif args.command == "renew":
        result = database.run(ledger.renew, ledger.Renew(args.workspace, args.on))
    else:
        result = database.run(ledger.graduate, ledger.Graduate(args.workspace))
    emit(args, result, ", ".join(f"{k}: {v}" for k, v in result.items()))
    return EXIT_OK


def cmd_adjust(args) -> int:
    from app.services import ledger

    entry = open_database(args).run(ledger.adjust, ledger.Adjust(args.workspace, args.amount, args.reason, args.on))
    emit(args, {"id": entry}, f"entry {entry} recorded")
    return EXIT_OK


def cmd_reverse(args) -> int:
    from app.services import ledger

    entry = open_database(args).run(ledger.reverse, ledger.Reverse(args.entry_id, args.reason))
    emit(args, {"id": entry, "reverses": args.entry_id}, f"entry {entry} reverses entry {args.entry_id}")
    return EXIT_OK


def cmd_reinstate(args) -> int:
    from app.services import ledger

    entry = open_database(args).run(ledger.reinstate_entry, ledger.ReinstateEntry(args.reversal_id, args.reason))
    emit(
        args,
        {"id": entry, "reinstates": args.reversal_id},
        f"entry {entry} reinstates what reversal {args.reversal_id} cancelled",
    )
    return EXIT_OK


def cmd_ledger(args) -> int:
    from app.services.ledger import ledger_of
    from models.money import display, plain

    data = open_database(args).query(ledger_of, args.workspace)
    document = {
        "workspace": data["workspace"],
        "balance": plain(data["balance"]),
        "committed": plain(data["committed"]),
        "entries": [
            {
                "id": x["id"],
                "date": x["date"].isoformat(),
                "kind": x["kind"],
                "amount": plain(x["amount"]),
                "reason": x["reason"],
                # an extension's new last valid day (None for every other entry)
                "valid_until": x["valid_until"] and x["valid_until"].isoformat(),
            }
            for x in data["entries"]
        ],
    }
    lines = [
        f"{x['id']:>6}  {x['date']}  {x['kind']:<8} {display(x['amount']):>14} {display(x['balance']):>14}  "
        f"{x['reason']}"
        for x in data["entries"]
    ]
    lines.append(f"balance: {display(data['balance'])} available today")
    if data["committed"]:
        lines.append(f"committed: {display(data['committed'])} granted for later")
    emit(args, document, "\n".join(lines))
    return EXIT_OK


def cmd_verify(args) -> int:
    from app.services.verify import verify

    breaches = open_database(args).query(verify)
    emit(args, {"consistent": not breaches, "breaches": breaches}, "")
    if breaches:
        if not args.json:
            print(f"{len(breaches)} breaches of the ledger's rules:", file=sys.stderr)
            for breach in breaches:
                print(f"  {breach}", file=sys.stderr)
        return EXIT_REFUSED
    if not args.json:
        print("the ledger is consistent: every balance recomputed, every rule holds")
    return EXIT_OK
