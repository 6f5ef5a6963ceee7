"""Commands of the outbox (SPEC 9): drafts, sending, the mail server, follow-up clocks."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, EXIT_REFUSED, day, emit, identifier, open_database
from models.wording import counted

STATUSES = ("draft", "held", "sent", "failed", "discarded")
PASSWORD_VARIABLE = "STARTUP_DESK_SMTP_PASSWORD"


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    box = commands.add_parser("outbox", parents=[json_parent], help="the messages waiting to be sent, and their drafts")
    box.add_argument("--status", choices=STATUSES, help="only messages in this state")
    box.set_defaults(handler=cmd_list)
    actions = box.add_subparsers(dest="outbox_action", metavar="ACTION")
    show = actions.add_parser("show", parents=[json_parent], help="one message whole, with its send log")
    show.add_argument("id", type=identifier, help="the message number (outbox lists them)")
    show.set_defaults(handler=cmd_show)
    edit = actions.add_parser("edit", parents=[json_parent], help="rewrite one message (kept when regenerating)")
    edit.add_argument("id", type=identifier, help="the message number (outbox lists them)")
    edit.add_argument("--subject", help="the new subject (default: unchanged)")
    edit.add_argument(
        "--body-file", type=argparse.FileType("r", encoding="utf-8"), help="the new body, from a file ('-': stdin)"
    )
    edit.set_defaults(handler=cmd_edit)
    for action, text in (
        ("hold", "keep drafts back from sending"),
        ("release", "let held drafts be sent again"),
        ("discard", "drop messages that will not be sent"),
        ("retry", "put failed messages back as drafts, to be sent with the next batch"),
    ):
        sub = actions.add_parser(action, parents=[json_parent], help=text)
        sub.add_argument("ids", nargs="+", type=identifier, metavar="ID", help="message numbers")
        sub.set_defaults(handler=cmd_move, action=action)
    regenerate = actions.add_parser("regenerate", parents=[json_parent], help="write drafts again from the templates")
    regenerate.add_argument("--template", help="only drafts of this kind (rejection, needs_info, …)")
    regenerate.add_argument("--include-edited", action="store_true", help="rewrite edited drafts too")
    regenerate.set_defaults(handler=cmd_regenerate)

    templates = actions.add_parser(
        "template", parents=[json_parent], help="a message template: print it, replace it from a file, or reset it"
    )
    templates.add_argument("kind", nargs="?", help="acceptance, rejection, needs_info, … (none: list them)")
    templates.add_argument("--language", default=None, help="en or de (default: the outbox's language)")
    change = templates.add_mutually_exclusive_group()
    change.add_argument(
        "--set",
        metavar="FILE",
        type=argparse.FileType("r", encoding="utf-8"),
        help="'Subject: …', a blank line, the body",
    )
    change.add_argument("--reset", action="store_true", help="back to the shipped wording")
    templates.set_defaults(handler=cmd_template)

    send = commands.add_parser("send", parents=[json_parent], help="send the drafts (a batch; never a message twice)")
    send.add_argument("--dry-run", action="store_true", help="list what would be sent; send nothing")
    send.add_argument("--eml", metavar="FOLDER", help="write .eml files into FOLDER instead of using the mail server")
    send.set_defaults(handler=cmd_send)

    settings = commands.add_parser("settings", help="settings the team shares").add_subparsers(
        dest="settings", metavar="WHAT", required=True
    )
    smtp = settings.add_parser(
        "smtp", help=f"the mail server (the password is asked for, or read from {PASSWORD_VARIABLE})"
    )
    smtp.add_argument("--host", required=True, help="the SMTP server, e.g. smtp.example.com")
    smtp.add_argument("--port", type=int, required=True, help="the server's port (587 for STARTTLS, 465 for SSL)")
    smtp.add_argument(
        "--tls", choices=("starttls", "ssl", "none"), default="starttls", help="how the connection is encrypted"
    )
    smtp.add_argument("--user", dest="smtp_user", default="", help="the login (none: no login)")
    smtp.add_argument("--from", dest="from_address", metavar="ADDRESS", help="the sender's address")
    smtp.set_defaults(handler=cmd_smtp)
    messages = settings.add_parser(
        "messages", parents=[json_parent], help="the outbox: language, sender, follow-up days"
    )
    messages.add_argument("--language", choices=("en", "de"), help="the language of new drafts")
    messages.add_argument("--from-name", help="the sender's name")
    messages.add_argument("--from", dest="from_address", metavar="ADDRESS", help="the sender's address")
    messages.add_argument("--needs-info-days", type=int, help="days to answer a request for information (default 14)")
    messages.add_argument(
        "--reminder-days", type=int, help="days before that deadline the reminder is drafted (default 3)"
    )
    messages.set_defaults(handler=cmd_message_settings)

    reminders = commands.add_parser("reminders", parents=[json_parent], help="make the reminder drafts that are due")
    reminders.add_argument("--on", type=day, help="as of this day (default today)")
    reminders.set_defaults(handler=cmd_reminders)
    overdue = commands.add_parser("overdue", parents=[json_parent], help="applications past their answer-by date")
    overdue.add_argument("--withdraw", nargs="*", metavar="ID", help='withdraw them ("no answer"): these, or all')
    overdue.set_defaults(handler=cmd_overdue)
    times = commands.add_parser(
        "decision-times", parents=[json_parent], help="days from application to decision, by month and partner"
    )
    times.set_defaults(handler=cmd_decision_times)


def _line(row: dict) -> str:
    flags = " (edited)" if row["edited"] else ""
    error = f"  ! {row['error']}" if row.get("error") else ""
    return (
        f"{row['id']:>6}  {row['status']:<9} {row['kind']:<13} {row['to_address']:<32} {row['subject']}{flags}{error}"
    )


def cmd_list(args) -> int:
    from app.services import outbox

    database = open_database(args)
    rows = database.query(outbox.messages, args.status)
    counts = database.query(outbox.counts)
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    emit(args, {"counts": counts, "messages": rows}, "\n".join([*map(_line, rows), summary]))
    return EXIT_OK


def cmd_show(args) -> int:
    from app.services import outbox

    row = open_database(args).query(outbox.message, args.id)
    log = "".join(
        f"\n  {e['at']:%Y-%m-%d %H:%M} UTC {e['actor']} {e['outcome']} {e['to_address']}: {e['answer']}"
        for e in row["log"]
    )
    text = (
        f"#{row['id']} {row['kind']} · {row['status']}{' · edited' if row['edited'] else ''}\n"
        f"To: {row['to_name']} <{row['to_address']}>\nSubject: {row['subject']}\nMessage-ID: {row['message_id']}\n"
        + (f"Error: {row['error']}\n" if row["error"] else "")
        + f"\n{row['body']}"
        + (f"\nSend log:{log}" if log else "")
    )
    emit(args, row, text)
    return EXIT_OK


def cmd_edit(args) -> int:
    from app.services import outbox

    database = open_database(args)
    current = database.query(outbox.message, args.id)
    body = args.body_file.read() if args.body_file else current["body"]
    subject = args.subject if args.subject is not None else current["subject"]
    version = database.run(outbox.edit_message, outbox.EditMessage(args.id, subject, body, current["version"]))
    emit(args, {"id": args.id, "version": version}, f"message {args.id} edited")
    return EXIT_OK


def cmd_move(args) -> int:
    from app.services import outbox

    count = open_database(args).run(outbox.change_status, outbox.ChangeStatus(tuple(args.ids), args.action))
    emit(args, {args.action: count}, f"{args.action}: {counted(count, 'message')}")
    return EXIT_OK


def cmd_regenerate(args) -> int:
    from app.services import outbox
    from models.messages import Kind

    kinds = [k.value for k in Kind]
    if args.template is not None and args.template not in kinds:
        from app.errors import UsageError

        raise UsageError(f"no template {args.template!r} (one of {', '.join(kinds)})")
    kind = Kind(args.template) if args.template else None
    report = open_database(args).run(outbox.regenerate, outbox.Regenerate(kind, args.include_edited))
    emit(
        args,
        report,
        f"{counted(report['regenerated'], 'draft')} regenerated, {counted(report['kept_edited'], 'edited draft')} kept",
    )
    return EXIT_OK


def cmd_send(args) -> int:
    from pathlib import Path

    from app import mail
    from app.services import outbox

    database = open_database(args)
    if args.eml:
        transport = mail.EmlFolder(Path(args.eml))
    elif args.dry_run:
        transport = None
    else:
        transport = mail.transport_from_settings(database.query(outbox.outbox_settings))
    report = mail.send_outbox(database, transport, dry_run=args.dry_run)
    if args.dry_run:
        lines = [f"{r['id']:>6}  {r['to']:<32} {r['subject']}" for r in report.dry_run]
        emit(args, report.dry_run, "\n".join([*lines, f"{counted(len(lines), 'message')} would be sent"]))
        return EXIT_OK
    document = report.as_dict()
    text = [f"sent {len(report.sent)}, failed {len(report.failed)}"]
    text += [f"  message {i}: {error}" for i, error in report.failed]
    if report.interrupted:
        text.append(
            f"  {counted(report.interrupted, 'message')} cut off by an earlier batch failed: check them, then retry"
        )
    if report.stopped:
        text.append(f"  stopped: {report.stopped}; send again to go on")
    emit(args, document, "\n".join(text))
    return EXIT_REFUSED if report.failed else EXIT_OK


def cmd_smtp(args) -> int:
    import os
    from dataclasses import replace

    from app import mail
    from app.services import outbox

    database = open_database(args)
    current = database.query(outbox.outbox_settings)
    changed = replace(
        current,
        smtp_host=args.host,
        smtp_port=args.port,
        smtp_tls=args.tls,
        smtp_user=args.smtp_user,
        from_address=args.from_address or current.from_address,
    )
    password = None
    if args.smtp_user:
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            import getpass

            password = getpass.getpass(f"password of {args.smtp_user} on {args.host}: ")
    database.run(outbox.save_outbox_settings, outbox.SaveOutboxSettings(changed))
    if password is not None:
        mail.store_password(args.host, args.port, args.smtp_user, password)
    where = f"{args.smtp_user}@" if args.smtp_user else ""
    print(
        f"mail server set: {where}{args.host}:{args.port} ({args.tls}); the password is in the system keyring"
        if password
        else f"mail server set: {args.host}:{args.port} ({args.tls})"
    )
    return EXIT_OK


def cmd_reminders(args) -> int:
    from app.services.followups import MakeReminders, make_reminders

    made = open_database(args).run(make_reminders, MakeReminders(args.on))
    emit(args, {"reminders": made}, f"{counted(len(made), 'reminder draft')} made")
    return EXIT_OK


def cmd_overdue(args) -> int:
    from app.services.followups import WithdrawOverdue, overdue, withdraw_overdue

    database = open_database(args)
    if args.withdraw is not None:
        withdrawn = database.run(withdraw_overdue, WithdrawOverdue(tuple(args.withdraw)))
        emit(args, {"withdrawn": withdrawn}, f'{counted(len(withdrawn), "application")} withdrawn ("no answer")')
        return EXIT_OK
    rows = database.query(overdue)
    lines = [
        f"{r['application_id'] or r['id']:<12} {r['company']:<40} answer by {r['answer_by']} ({r['days_overdue']} days ago)"
        for r in rows
    ]
    emit(args, rows, "\n".join(lines) or "nothing is overdue")
    return EXIT_OK


def cmd_template(args) -> int:
    from app.errors import UsageError
    from app.services import outbox
    from models.messages import PLACEHOLDERS, Kind, Template

    database = open_database(args)
    language = args.language or database.query(outbox.outbox_settings).language
    if args.kind is None:
        own = database.query(outbox.customised)
        rows = [{"kind": k.value, "language": language, "customised": (k.value, language) in own} for k in Kind]
        emit(args, rows, "\n".join(f"{r['kind']:<14} {'(your wording)' if r['customised'] else ''}" for r in rows))
        return EXIT_OK
    if args.kind not in {k.value for k in Kind}:
        raise UsageError(f"no template {args.kind!r} (one of {', '.join(k.value for k in Kind)})")
    kind = Kind(args.kind)
    if args.set is not None:
        database.run(outbox.save_template, outbox.SaveTemplate(Template.from_text(kind, language, args.set.read())))
        print(f"{kind.value} ({language}) saved; `outbox regenerate --template {kind.value}` rewrites its drafts")
        return EXIT_OK
    if args.reset:
        database.run(outbox.reset_template, outbox.ResetTemplate(kind, language))
        print(f"{kind.value} ({language}) is back to the shipped wording")
        return EXIT_OK
    template = database.query(outbox.template, kind, language)
    known = "\n".join(f"  ${name}: {text}" for name, text in PLACEHOLDERS[kind].items())
    emit(
        args,
        {"kind": kind.value, "language": language, "subject": template.subject, "body": template.body},
        template.to_text() + f"\nPlaceholders:\n{known}",
    )
    return EXIT_OK


def cmd_decision_times(args) -> int:
    from app.services.followups import time_to_decision

    rows = open_database(args).query(time_to_decision)
    lines = [f"{'month':<8} {'partner':<16} {'decided':>7} {'average':>8} {'longest':>8}"] + [
        f"{r['month']:<8} {r['partner'] or '-':<16} {r['decided']:>7} {r['average_days']:>8} {r['longest_days']:>8}"
        for r in rows
    ]
    emit(args, rows, "\n".join(lines) if rows else "no decisions yet")
    return EXIT_OK


def cmd_message_settings(args) -> int:
    from dataclasses import asdict, replace

    from app.services import outbox

    database = open_database(args)
    current = database.query(outbox.outbox_settings)
    given = {
        "language": args.language,
        "from_name": args.from_name,
        "from_address": args.from_address,
        "needs_info_days": args.needs_info_days,
        "reminder_days_before": args.reminder_days,
    }
    changed = replace(current, **{k: v for k, v in given.items() if v is not None})
    if changed != current:
        database.run(outbox.save_outbox_settings, outbox.SaveOutboxSettings(changed))
    shown = {k: v for k, v in asdict(changed).items() if not k.startswith("smtp_")}
    emit(args, shown, "\n".join(f"{k}: {v}" for k, v in shown.items()))
    return EXIT_OK
