"""Commands of the credit lifecycle (SPEC 10): extend, bonus, notices, forecast, whatif."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, day, emit, identifier, money, open_database


def _bounded(low: int, high: int, what: str):
    def parse(text: str) -> int:
        if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what} ({low} … {high})")
        return int(text)

    return parse


def _partner_credit(text: str) -> tuple[str, int]:
    code, sep, amount = text.partition("=")
    if not sep or not code.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not CODE=USD (e.g. yc=50000)")
    return code.strip(), money(amount)


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    extend = commands.add_parser(
        "extend", parents=[json_parent], help="extend what is left of a grant to a later last valid day"
    )
    extend.add_argument("grant_entry_id", type=identifier, help="the grant's entry number (see: ledger)")
    extend.add_argument("--until", type=day, required=True, help="the new last valid day YYYY-MM-DD")
    extend.add_argument("--reason", required=True, help="why (kept in the ledger)")
    extend.set_defaults(handler=cmd_extend)

    bonus = commands.add_parser("bonus", parents=[json_parent], help="a bonus grant outside the program years")
    bonus.add_argument("workspace", help="the member's workspace slug")
    bonus.add_argument("amount", type=money, help="USD, e.g. 5000.00")
    bonus.add_argument("--valid-from", type=day, required=True, help="first valid day YYYY-MM-DD")
    bonus.add_argument("--valid-until", type=day, required=True, help="last valid day YYYY-MM-DD")
    bonus.add_argument("--reason", required=True, help="why (kept in the ledger)")
    bonus.add_argument(
        "--priority", type=_bounded(0, 100, "a priority"), default=50, help="0 drawn first … 100 drawn last (50)"
    )
    bonus.set_defaults(handler=cmd_bonus)

    notices = commands.add_parser("notices", parents=[json_parent], help="make the credit notices due on a date")
    notices.add_argument("--on", type=day, help="date YYYY-MM-DD (default today)")
    notices.add_argument("--list", action="store_true", help="list the notices made so far; make none")
    notices.set_defaults(handler=cmd_notices)

    forecast = commands.add_parser(
        "forecast", parents=[json_parent], help="run-out forecasts and the program's credit month by month"
    )
    forecast.add_argument("--workspace", help="one member's forecast")
    forecast.add_argument("--months", type=_bounded(1, 120, "a number of months"), default=12, help="(default 12)")
    forecast.set_defaults(handler=cmd_forecast)

    whatif = commands.add_parser(
        "whatif", parents=[json_parent], help="a changed policy against the queue and members; nothing is saved"
    )
    whatif.add_argument("--funding-cap", type=money, help="USD")
    whatif.add_argument(
        "--max-age-years",
        type=_bounded(1, 100, "a number of years"),
        help="the age limit, in years since incorporation",
    )
    whatif.add_argument("--annual-credit", type=money, help="USD")
    whatif.add_argument(
        "--partner-credit", type=_partner_credit, action="append", default=[], help="CODE=USD (repeatable)"
    )
    whatif.add_argument("--territories", help="file of eligible alpha-2 codes (one a line, or the territory CSV)")
    whatif.add_argument(
        "--apply-from",
        type=day,
        metavar="DATE",
        help="make the change the policy from DATE (a new policy version, after today; past decisions keep theirs)",
    )
    whatif.set_defaults(handler=cmd_whatif)


def cmd_extend(args) -> int:
    from app.services.ledger.lifecycle import Extend, extend

    result = open_database(args).run(extend, Extend(args.grant_entry_id, args.until, args.reason))
    emit(
        args,
        {**result, "credit": _plain(result["credit"])},
        f"entry {result['entry']}: {result['workspace']} grant {result['program_year']} valid until "
        f"{result['valid_until']} (was {result['was_valid_until']})",
    )
    return EXIT_OK


def cmd_bonus(args) -> int:
    from app.services.ledger.lifecycle import Bonus, bonus

    command = Bonus(args.workspace, args.amount, args.valid_from, args.valid_until, args.reason, args.priority)
    result = open_database(args).run(bonus, command)
    emit(
        args,
        {**result, "amount": _plain(result["amount"])},
        f"entry {result['grant_entry']}: bonus of {_display(result['amount'])} for {args.workspace}, valid "
        f"{result['valid_from']} to {result['valid_until']}, priority {result['priority']}",
    )
    return EXIT_OK


def cmd_notices(args) -> int:
    from app.services.ledger.notices import MakeNotices, credit_notices, make_notices

    database = open_database(args)
    if args.list:
        made = database.query(credit_notices)
    else:
        made = database.run(make_notices, MakeNotices(args.on))
    document = [{**n, "balance": _plain(n["balance"])} for n in made]
    text = "\n".join(f"{n['made_on']}  {n['kind']} {n['threshold']:>3}  {n['text']}" for n in made)
    emit(args, document, text or ("no notices made yet" if args.list else "no notice is due"))
    return EXIT_OK


def cmd_forecast(args) -> int:
    from app.services.ledger.forecasts import Forecast, forecast, forecast_json

    command = Forecast(args.workspace, args.months)
    result = open_database(args).query(lambda uow: forecast(command, uow))
    lines = [
        f"{m['workspace']:<24} pace {_display(m['pace']):>12}  left {_display(m['balance']):>12}  "
        f"runs out {m['run_out'] or '—'}  first full bill {m['first_full_bill'] or '—'}"
        for m in result["members"]
    ]
    lines.append(f"program, {result['months'][0]} … {result['months'][-1]}: applied / expiring by partner")
    lines += [
        f"  {r['month']}  {r['partner'] or '(no partner)':<16} {_display(r['applied']):>14} {_display(r['expiring']):>14}"
        for r in result["program"]
    ]
    emit(args, forecast_json(result), "\n".join(lines))
    return EXIT_OK


def _territories(path: str) -> frozenset[str]:
    """Eligible alpha-2 codes from a file: one code a line, or a CSV with alpha2 (and eligible) columns."""
    import csv
    from pathlib import Path

    from app.countries import to_alpha2
    from app.errors import AppError

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as exc:
        raise AppError(f"{path}: cannot read the territory list ({exc})") from exc
    rows = [row for row in csv.reader(text.splitlines()) if row and row[0].strip()]
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    codes = set()
    if "alpha2" in header:
        code_at, eligible_at = header.index("alpha2"), header.index("eligible") if "eligible" in header else None
        for number, row in enumerate(rows[1:], start=2):
            if eligible_at is not None and row[eligible_at].strip().lower() not in ("yes", "true", "1"):
                continue
            codes.add(_code(path, number, row[code_at], to_alpha2))
    else:
        codes = {_code(path, number, row[0], to_alpha2) for number, row in enumerate(rows, start=1)}
    if not codes:
        raise AppError(f"{path}: the territory list names no territory")
    return frozenset(codes)


def _code(path: str, number: int, text: str, to_alpha2) -> str:
    from app.errors import AppError

    code = to_alpha2(text.strip())
    if code is None:
        raise AppError(f"{path}, line {number}: {text.strip()!r} is not a country")
    return code


def cmd_whatif(args) -> int:
    from app.services.whatif import WhatIf, what_if
    from models.whatif import PolicyChange

    change = PolicyChange(
        funding_cap=args.funding_cap,
        max_age_years=args.max_age_years,
        annual_credit=args.annual_credit,
        partner_credit=tuple(args.partner_credit),
        territories=_territories(args.territories) if args.territories else None,
    )
    database = open_database(args)
    result = database.query(lambda uow: what_if(WhatIf(change), uow))
    made = None
    if args.apply_from is not None:
        from app.services.policy_versions import NewPolicyVersion, new_policy_version

        made = database.run(new_policy_version, NewPolicyVersion(change, args.apply_from))
    committed = result["committed"]
    document = {
        **result,
        "change": {
            **result["change"],
            "funding_cap": _plain(change.funding_cap),
            "annual_credit": _plain(change.annual_credit),
            "partner_credit": {code: _plain(cents) for code, cents in change.partner_credit},
        },
        "committed": {key: _plain(value) for key, value in committed.items()},
        "forecast": [
            {**row, **{key: _plain(row[key]) for key in row if key != "month"}} for row in result.get("forecast", [])
        ],
        "policy_version_made": made,
    }
    lines = [f"{result['changed_count']} of {result['applications']} open applications change outcome"]
    lines += [f"  {c['id']:<12} {c['company']:<40} {c['before']} → {c['after']}" for c in result["changed"][:50]]
    if result["changed_count"] > 50:
        lines.append(f"  … and {result['changed_count'] - 50} more (--json lists them all)")
    lines.append(
        f"committed credit {_display(committed['before'])} → {_display(committed['after'])} "
        f"({_display(committed['after'] - committed['before'])})" + ("; nothing was saved" if made is None else "")
    )
    if made is not None:
        lines.append(
            f"policy version {made['version']} takes effect on {made['effective_from']} "
            f"(version {made['was_version']} until then); past decisions keep the version they were made under"
        )
    emit(args, document, "\n".join(lines))
    return EXIT_OK


def _plain(cents):
    from models.money import plain

    return None if cents is None else plain(cents)


def _display(cents) -> str:
    from models.money import display

    return display(cents)
