"""The command line (SPEC 8): `startup-desk [--db URL] [--user NAME] COMMAND`.

Exit 0 on success, 1 when data or a rule refuses (message on stderr, nothing
changed), 2 on a usage error. `--json` prints one JSON document on stdout.
Only argparse is imported up front: each command imports what it needs, so
`--help` and the quick commands start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

GuiRunner = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="startup-desk",
        description="Startup Desk: triage startup program applications, keep the credit ledger, export billing.",
    )
    parser.add_argument(
        "--db", help="database URL or SQLite file (default: STARTUP_DESK_DB, else the per-user database)"
    )
    parser.add_argument("--user", help="who the audit trail records (default: the OS user)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--demo", action="store_true", help="load the demo data set first")

    commands.add_parser("demo", help="load the demo data set (idempotent)")

    imports = commands.add_parser("import", help="import a file").add_subparsers(
        dest="what", metavar="WHAT", required=True
    )
    for what, help_text in (
        ("applications", "the application form's export (CSV or XLSX)"),
        ("partners", "the partner registry"),
        ("usage", "the billing system's monthly bills (workspace, month, amount_usd)"),
        ("deals", "the partner-deal catalogue (partner, title, category, … ; --mapping startup-perks)"),
        ("requests", "deal requests from the request form's export (workspace, deal or partner and title, note)"),
    ):
        sub = imports.add_parser(what, help=help_text)
        sub.add_argument("file")
        sub.add_argument("--strict", action="store_true", help="import nothing when any row is invalid")
        sub.add_argument("--mapping", help="a saved or shipped column mapping, by name")
        sub.add_argument("--json", action="store_true")

    listing = commands.add_parser("applications", help="list applications")
    listing.add_argument("--status", choices=["new", "in_review", "needs_info", "accepted", "rejected", "withdrawn"])
    listing.add_argument("--limit", type=int)
    listing.add_argument("--json", action="store_true")

    decide = commands.add_parser("decide", help="accept, reject, ask for information or withdraw")
    decide.add_argument("id", help="the application_id, or Startup Desk's number")
    decide.add_argument("action", choices=["accept", "reject", "needs-info", "withdraw", "review"])
    decide.add_argument("--reason", default="")
    decide.add_argument("--on", help="acceptance date YYYY-MM-DD (default today)")
    decide.add_argument("--workspace", help="workspace slug of the new member (default: the application's)")
    decide.add_argument("--json", action="store_true")

    history = commands.add_parser("history", help="who decided what, when and why, for one application")
    history.add_argument("id")
    history.add_argument("--json", action="store_true")

    close = commands.add_parser("close-month", help="apply credit to a month's bills and expire what ended")
    close.add_argument("month", help="YYYY-MM")
    close.add_argument("--restate", action="store_true", help="reverse and re-apply a closed month whose bills changed")
    close.add_argument("--preview", action="store_true", help="show what closing would do; change nothing")
    close.add_argument("--json", action="store_true")

    reopen = commands.add_parser("reopen-month", help="undo the latest close: reverse its entries, open it again")
    reopen.add_argument("month", help="YYYY-MM")
    reopen.add_argument("--reason", required=True)

    for name, help_text in (
        ("year2", "grant year 2: the member still meets the requirements"),
        ("renew", "a renewal year at the renewal discount"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("workspace")
        sub.add_argument("--on", help="decision date YYYY-MM-DD (default today)")
        sub.add_argument("--json", action="store_true")
    graduate = commands.add_parser("graduate", help="the member no longer qualifies: no further grant")
    graduate.add_argument("workspace")
    graduate.add_argument("--json", action="store_true")

    adjust = commands.add_parser("adjust", help="a manual, signed credit correction")
    adjust.add_argument("workspace")
    adjust.add_argument("amount", help="e.g. 500.00 or -125.50")
    adjust.add_argument("--reason", required=True)
    adjust.add_argument("--on", help="date YYYY-MM-DD (default today)")
    adjust.add_argument("--json", action="store_true")
    reverse = commands.add_parser("reverse", help="cancel one ledger entry")
    reverse.add_argument("entry_id", type=int)
    reverse.add_argument("--reason", required=True)
    reverse.add_argument("--json", action="store_true")

    reinstate = commands.add_parser("reinstate", help="undo a reversal: a new entry like the one it cancelled")
    reinstate.add_argument("reversal_id", type=int)
    reinstate.add_argument("--reason", required=True)

    ledger = commands.add_parser("ledger", help="a member's entries and balance")
    ledger.add_argument("workspace")
    ledger.add_argument("--json", action="store_true")
    commands.add_parser("verify", help="recompute every balance and check the ledger's rules")

    backup = commands.add_parser("backup", help="a consistent copy of the database (a SQLite file)")
    backup.add_argument("file")

    deals = commands.add_parser("deals", help="the partner-deal catalogue")
    deals.add_argument("--category", default="")
    deals.add_argument("--search", default="", help="text in the partner, title or description")
    deals.add_argument("--active", action="store_true", help="only deals not retired")
    deals.add_argument("--json", action="store_true")
    requests = commands.add_parser("requests", help="redemption requests for partner deals")
    requests.add_argument("--status", choices=["requested", "approved", "fulfilled", "declined"])
    requests.add_argument("--workspace", default="")
    requests.add_argument("--deal", type=int)
    requests.add_argument("--json", action="store_true")
    request = commands.add_parser("request", help="a member asks for a deal")
    request.add_argument("workspace")
    request.add_argument("deal", type=int, help="the deal's number (see: deals)")
    request.add_argument("--note", default="")
    request.add_argument("--json", action="store_true")
    decide_request = commands.add_parser("decide-request", help="approve, decline or fulfil a request")
    decide_request.add_argument("request", type=int)
    decide_request.add_argument("action", choices=["approve", "decline", "fulfil"])
    decide_request.add_argument("--reason", default="")
    decide_request.add_argument("--on", help="decision date YYYY-MM-DD (default today): validity is checked on it")
    decide_request.add_argument("--json", action="store_true")
    partners = commands.add_parser("partners", help="program partners, their members and credit granted")
    partners.add_argument("--unknown", action="store_true", help="partner codes applications name that nobody has")
    partners.add_argument("--json", action="store_true")
    apply_partner = commands.add_parser("apply-partner", help="record an application to become a program partner")
    apply_partner.add_argument("code")
    apply_partner.add_argument("name")
    apply_partner.add_argument("kind", choices=["accelerator", "incubator", "vc"])
    apply_partner.add_argument("--contact", default="")
    apply_partner.add_argument("--annual-credit", help="USD for its members (blank: the program default)")
    decide_partner = commands.add_parser("decide-partner", help="activate, deactivate or reject a partner")
    decide_partner.add_argument("code")
    decide_partner.add_argument("action", choices=["activate", "deactivate", "reject"])
    decide_partner.add_argument("--reason", default="")
    link = commands.add_parser("link-partner", help="link an application's unknown partner code to a partner")
    link.add_argument("id", help="the application")
    link.add_argument("code", help="a registered partner's code")

    exports = commands.add_parser("export", help="write billing adjustments, statements or letters").add_subparsers(
        dest="what", metavar="WHAT", required=True
    )
    adjustments = exports.add_parser("adjustments", help="a closed month's billing adjustments (.xlsx or .csv)")
    adjustments.add_argument("--month", required=True, help="YYYY-MM")
    adjustments.add_argument("-o", "--output", required=True, help="FILE.xlsx or FILE.csv")
    adjustments.add_argument("--json", action="store_true")
    statements = exports.add_parser(
        "statements", help="a closed month's credit statements: every member (.xlsx) or one (--workspace, .pdf)"
    )
    statements.add_argument("--month", required=True, help="YYYY-MM")
    statements.add_argument("-o", "--output", required=True, help="FILE.xlsx, or FILE.pdf with --workspace")
    statements.add_argument("--workspace", help="one member's one-page PDF statement")
    statements.add_argument("--json", action="store_true")
    letters = exports.add_parser("letters", help="acceptance letters (PDF)")
    letters.add_argument("ids", nargs="*", metavar="ID", help="applications (default: accepted, no letter yet)")
    letters.add_argument("-o", "--output", required=True, help="PATH.pdf: one combined file; a folder: one per letter")
    letters.add_argument("--drafts", action="store_true", help="an .eml draft beside each letter (folder only)")
    letters.add_argument("--on", help="the letters' date YYYY-MM-DD (default today)")
    letters.add_argument("--json", action="store_true")
    catalogue = exports.add_parser("deals", help="the deal catalogue as a deal file (CSV)")
    catalogue.add_argument("-o", "--output", required=True)
    approved = exports.add_parser("approved-requests", help="approved requests with their codes, for mailing (CSV)")
    approved.add_argument("-o", "--output", required=True)

    mappings = commands.add_parser("mappings", help="saved column mappings").add_subparsers(
        dest="what", metavar="WHAT", required=True
    )
    mappings.add_parser("list", help="names of saved and shipped mappings")
    show = mappings.add_parser("show", help="print a mapping as JSON")
    show.add_argument("name")
    save = mappings.add_parser("save", help="save a mapping (JSON file) under a name")
    save.add_argument("name")
    save.add_argument("file")
    return parser


def main(argv: Sequence[str] | None = None, gui: GuiRunner | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        if gui is None:
            parser.error("the window is started by the startup-desk program (ui.launcher)")
        args.demo = getattr(args, "demo", False)
        return gui(args)
    from app.errors import AppError, UsageError
    from models.errors import DomainError

    try:
        return HANDLERS[args.command](args)
    except UsageError as exc:
        print(f"startup-desk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (AppError, DomainError) as exc:
        print(f"startup-desk: {exc}", file=sys.stderr)
        return EXIT_REFUSED


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


def cmd_demo(args) -> int:
    from app.demo import load_demo

    database = open_database(args)
    summary = load_demo(database)
    print(summary)
    return EXIT_OK


def cmd_import(args) -> int:
    from app.services import imports
    from app.services.deals import import_deals, import_requests
    from app.services.mappings import find_mapping

    database = open_database(args)
    mapping = find_mapping(database, args.mapping) if args.mapping else None
    run = {
        "applications": imports.import_applications,
        "partners": imports.import_partners,
        "usage": imports.import_usage,
        "deals": import_deals,
        "requests": import_requests,
    }[args.what]
    report = run(database, args.file, mapping, strict=args.strict)
    lines = [
        f"imported {report.imported}, skipped {report.duplicates} already imported, {report.invalid_rows} invalid rows"
    ]
    if args.strict and report.invalid:
        lines[0] = f"nothing imported (--strict): {report.invalid_rows} invalid rows"
    lines += [f"  {error}" for error in report.invalid[:50]]
    if len(report.invalid) > 50:
        lines.append(f"  … and {len(report.invalid) - 50} more problems (use --json for all)")
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

    on = _date(args.on, "--on") if args.on else None
    database = open_database(args)
    result = decide(database, args.id, args.action, args.reason, on, args.workspace)
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


def cmd_close_month(args) -> int:
    from app.services.ledger import close_month
    from models.money import display

    summary = close_month(open_database(args), args.month, args.restate, args.preview)
    verb = "would close" if args.preview else ("was already closed" if summary.already_closed else "closed")
    text = (
        f"{args.month} {verb}: {summary.bills} bills of {display(summary.billed)}, credit applied {display(summary.credit_applied)}, "
        f"renewal discounts {display(summary.discounts)}, due {display(summary.due)}, expired {display(summary.expired)}"
    )
    for change in summary.restated:
        text += f"\n  restated {change['workspace']}: credit applied {change['credit_applied_before']} → {change['credit_applied_after']}"
    emit(args, summary.as_json(), text)
    return EXIT_OK


def cmd_reinstate(args) -> int:
    from app.services.ledger import reinstate_entry

    entry = reinstate_entry(open_database(args), args.reversal_id, args.reason)
    print(f"entry {entry} reinstates what reversal {args.reversal_id} cancelled")
    return EXIT_OK


def cmd_reopen_month(args) -> int:
    from app.services.ledger import reopen_month

    count = reopen_month(open_database(args), args.month, args.reason)
    print(f"{args.month} reopened: {count} entries reversed; import corrected bills and close it again")
    return EXIT_OK


def cmd_program_year(args) -> int:
    from app.services import ledger

    on = _date(args.on, "--on") if getattr(args, "on", None) else None
    database = open_database(args)
    if args.command == "year2":
        result = ledger.grant_year_two(database, args.workspace, on)
    elif args.command == "renew":
        result = ledger.renew(database, args.workspace, on)
    else:
        result = ledger.graduate(database, args.workspace)
    emit(args, result, ", ".join(f"{k}: {v}" for k, v in result.items()))
    return EXIT_OK


def cmd_adjust(args) -> int:
    from app.services.ledger import adjust
    from models.money import parse_usd

    try:
        amount = parse_usd(args.amount)
    except Exception as exc:
        from app.errors import UsageError

        raise UsageError(f"AMOUNT: {exc}") from None
    on = _date(args.on, "--on") if args.on else None
    entry = adjust(open_database(args), args.workspace, amount, args.reason, on)
    emit(args, {"id": entry}, f"entry {entry} recorded")
    return EXIT_OK


def cmd_reverse(args) -> int:
    from app.services.ledger import reverse

    entry = reverse(open_database(args), args.entry_id, args.reason)
    emit(args, {"id": entry, "reverses": args.entry_id}, f"entry {entry} reverses entry {args.entry_id}")
    return EXIT_OK


def cmd_ledger(args) -> int:
    from app.services.ledger import ledger_of
    from models.money import display, plain

    data = ledger_of(open_database(args), args.workspace)
    document = {
        "workspace": data["workspace"],
        "balance": plain(data["balance"]),
        "entries": [
            {
                "id": x["id"],
                "date": x["date"].isoformat(),
                "kind": x["kind"],
                "amount": plain(x["amount"]),
                "reason": x["reason"],
            }
            for x in data["entries"]
        ],
    }
    lines = [
        f"{x['id']:>6}  {x['date']}  {x['kind']:<8} {display(x['amount']):>14} {display(x['balance']):>14}  {x['reason']}"
        for x in data["entries"]
    ]
    lines.append(f"balance: {display(data['balance'])}")
    emit(args, document, "\n".join(lines))
    return EXIT_OK


def cmd_verify(args) -> int:
    from app.services.verify import verify

    breaches = verify(open_database(args))
    if breaches:
        print(f"{len(breaches)} breaches of the ledger's rules:", file=sys.stderr)
        for breach in breaches:
            print(f"  {breach}", file=sys.stderr)
        return EXIT_REFUSED
    print("the ledger is consistent: every balance recomputed, every rule holds")
    return EXIT_OK


def cmd_backup(args) -> int:
    from app.backup import backup

    database = open_database(args)
    path = backup(database.url, args.file)
    print(f"backup written to {path}")
    return EXIT_OK


def cmd_mappings(args) -> int:
    from pathlib import Path

    from app.importing.mapping import Mapping
    from app.services.mappings import find_mapping, mapping_names, save_mapping

    database = open_database(args)
    if args.what == "list":
        print("\n".join(mapping_names(database)))
    elif args.what == "show":
        print(find_mapping(database, args.name).to_json())
    else:
        save_mapping(database, args.name, Mapping.from_json(Path(args.file).read_text(encoding="utf-8"), args.name))
        print(f"mapping {args.name} saved")
    return EXIT_OK


def cmd_export(args) -> int:
    from app.services import exports

    database = open_database(args)
    if args.what == "adjustments":
        result = exports.export_adjustments(database, args.month, args.output)
        totals = result.totals
        text = (
            f"{args.output}: {result.rows} workspaces, bills {totals['bills']}, "
            f"credit applied {totals['credit_applied']}, due {totals['due']}"
        )
    elif args.what in ("deals", "approved-requests"):
        from app.services.deals import export_approved, export_catalogue

        count = (export_catalogue if args.what == "deals" else export_approved)(database, args.output)
        print(f"{count} rows written to {args.output}")
        return EXIT_OK
    elif args.what == "statements":
        if args.workspace:
            result = exports.export_statement_pdf(database, args.month, args.workspace, args.output)
        else:
            result = exports.export_statements(database, args.month, args.output)
        text = f"{args.output}: {result.rows} statement(s), closing balance {result.totals['closing_balance']}"
    else:
        on = _date(args.on, "--on") if args.on else None
        result = exports.export_letters(database, args.ids or None, args.output, args.drafts, on)
        text = f"{result.rows} letter(s) written to {args.output}"
    emit(args, result.as_json(), text)
    return EXIT_OK


def cmd_deals(args) -> int:
    from app.deal_queries import deal_rows
    from models.money import display

    with open_database(args).read() as conn:
        rows = deal_rows(conn, args.category, args.search, args.active)
    text = "\n".join(
        f"{row.id:>5}  {row.partner[:24]:<24} {row.title[:40]:<40} {row.category[:18]:<18} "
        f"{(display(row.value_cents) if row.value_cents is not None else row.value_text)[:12]:>12}  "
        f"{'unlimited' if row.remaining is None else f'{row.remaining} left'}{'' if row.active else '  (retired)'}"
        for row in rows
    )
    emit(args, [row.as_json() for row in rows], text or "no deals")
    return EXIT_OK


def cmd_requests(args) -> int:
    from app.deal_queries import request_rows

    with open_database(args).read() as conn:
        rows = request_rows(conn, args.deal, args.workspace, args.status or "")
    text = "\n".join(
        f"{row.id:>5}  {row.workspace:<20} {row.title[:36]:<36} {row.status:<10} "
        + (f"{row.decided_by} {row.decided_at:%Y-%m-%d}" if row.decided_at else f"{row.requested_at:%Y-%m-%d}")
        + (f"  code: {row.redeem}" if row.redeem else "")
        for row in rows
    )
    emit(args, [row.as_json() for row in rows], text or "no requests")
    return EXIT_OK


def cmd_request(args) -> int:
    from app.services.deals import request_deal

    outcome = request_deal(open_database(args), args.workspace, args.deal, args.note)
    emit(args, outcome.as_json(), f"request {outcome.id}: {args.workspace} asked for deal {args.deal}")
    return EXIT_OK


def cmd_decide_request(args) -> int:
    from app.services.deals import decide_request

    on = _date(args.on, "--on") if args.on else None
    outcome = decide_request(open_database(args), args.request, args.action, args.reason, on)
    text = f"request {outcome.id}: {outcome.status}" + (f"; code or link: {outcome.redeem}" if outcome.redeem else "")
    emit(args, outcome.as_json(), text)
    return EXIT_OK


def cmd_partners(args) -> int:
    from app.deal_queries import partner_rows, unknown_partner_codes
    from models.money import display

    with open_database(args).read() as conn:
        if args.unknown:
            codes = unknown_partner_codes(conn)
            emit(
                args,
                [{"code": c, "applications": n} for c, n in codes],
                "\n".join(f"{c:<24} {n} application(s)" for c, n in codes) or "every partner code is known",
            )
            return EXIT_OK
        rows = partner_rows(conn)
    text = "\n".join(
        f"{row.code:<16} {row.name[:30]:<30} {row.kind:<12} {row.status:<9} {row.members:>5} members  "
        f"{display(row.granted_cents):>14} granted"
        for row in rows
    )
    emit(args, [row.as_json() for row in rows], text or "no partners")
    return EXIT_OK


def cmd_apply_partner(args) -> int:
    from app.services.deals import add_partner_application
    from models.money import parse_usd

    credit = parse_usd(args.annual_credit) if args.annual_credit else None
    add_partner_application(open_database(args), args.code, args.name, args.kind, args.contact, credit)
    print(f"partner application {args.code} recorded (applied)")
    return EXIT_OK


def cmd_decide_partner(args) -> int:
    from app.services.deals import decide_partner

    status = decide_partner(open_database(args), args.code, args.action, args.reason)
    print(f"partner {args.code}: {status}")
    return EXIT_OK


def cmd_link_partner(args) -> int:
    from app.services.deals import link_partner

    link_partner(open_database(args), args.id, args.code)
    print(f"application {args.id} linked to partner {args.code}")
    return EXIT_OK


def _date(text: str, option: str):
    from datetime import date

    from app.errors import UsageError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: {text!r} is not a date (YYYY-MM-DD)") from None


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "import": cmd_import,
    "applications": cmd_applications,
    "decide": cmd_decide,
    "history": cmd_history,
    "backup": cmd_backup,
    "close-month": cmd_close_month,
    "reopen-month": cmd_reopen_month,
    "reinstate": cmd_reinstate,
    "year2": cmd_program_year,
    "renew": cmd_program_year,
    "graduate": cmd_program_year,
    "adjust": cmd_adjust,
    "reverse": cmd_reverse,
    "ledger": cmd_ledger,
    "verify": cmd_verify,
    "mappings": cmd_mappings,
    "export": cmd_export,
    "deals": cmd_deals,
    "requests": cmd_requests,
    "request": cmd_request,
    "decide-request": cmd_decide_request,
    "partners": cmd_partners,
    "apply-partner": cmd_apply_partner,
    "decide-partner": cmd_decide_partner,
    "link-partner": cmd_link_partner,
}
