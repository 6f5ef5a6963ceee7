"""Commands of the partner registry and the deal catalogue."""

from __future__ import annotations

import argparse

from app.cli.common import EXIT_OK, day, emit, identifier, money, open_database
from models.deals import REQUEST_ACTIONS, RequestStatus
from models.partners import PartnerKind
from models.wording import counted

PARTNER_ACTIONS = ("activate", "deactivate", "reject")


def register(commands, json_parent: argparse.ArgumentParser) -> None:
    deals = commands.add_parser("deals", parents=[json_parent], help="the partner-deal catalogue")
    deals.add_argument("--category", default="", help="only deals of this category")
    deals.add_argument("--search", default="", help="text in the partner, title or description")
    deals.add_argument("--active", action="store_true", help="only deals not retired")
    deals.set_defaults(handler=cmd_deals)

    requests = commands.add_parser("requests", parents=[json_parent], help="redemption requests for partner deals")
    requests.add_argument("--status", choices=[s.value for s in RequestStatus], help="only requests in this state")
    requests.add_argument("--workspace", default="", help="only this member's requests")
    requests.add_argument("--deal", type=identifier, help="only requests for this deal number")
    requests.set_defaults(handler=cmd_requests)

    request = commands.add_parser("request", parents=[json_parent], help="a member asks for a deal")
    request.add_argument("workspace", help="the member's workspace slug")
    request.add_argument("deal", type=identifier, help="the deal's number (see: deals)")
    request.add_argument("--note", default="", help="what the member wrote")
    request.set_defaults(handler=cmd_request)

    decide_request = commands.add_parser(
        "decide-request", parents=[json_parent], help="approve, decline or fulfil a request"
    )
    decide_request.add_argument("request", type=identifier, help="the request's number (see: requests)")
    decide_request.add_argument("action", choices=list(REQUEST_ACTIONS), help="the decision on the request")
    decide_request.add_argument("--reason", default="", help="why (needed to decline)")
    decide_request.add_argument(
        "--on", type=day, help="decision date YYYY-MM-DD (default today): validity is checked on it"
    )
    decide_request.set_defaults(handler=cmd_decide_request)

    partners = commands.add_parser(
        "partners", parents=[json_parent], help="program partners, their members and credit granted"
    )
    partners.add_argument("--unknown", action="store_true", help="partner codes applications name that nobody has")
    partners.set_defaults(handler=cmd_partners)

    apply_partner = commands.add_parser(
        "apply-partner", parents=[json_parent], help="record an application to become a program partner"
    )
    apply_partner.add_argument("code", help="the partner's code, as applications name it")
    apply_partner.add_argument("name", help="the partner's name")
    apply_partner.add_argument("kind", choices=[k.value for k in PartnerKind], help="what kind of partner")
    apply_partner.add_argument("--contact", default="", help="a person or address")
    apply_partner.add_argument("--annual-credit", type=money, help="USD for its members (default: the program's)")
    apply_partner.set_defaults(handler=cmd_apply_partner)

    decide_partner = commands.add_parser(
        "decide-partner", parents=[json_parent], help="activate, deactivate or reject a partner"
    )
    decide_partner.add_argument("code", help="the partner's code")
    decide_partner.add_argument("action", choices=PARTNER_ACTIONS, help="the decision on the partner")
    decide_partner.add_argument("--reason", default="", help="why (needed to reject or deactivate)")
    decide_partner.set_defaults(handler=cmd_decide_partner)

    link = commands.add_parser(
        "link-partner", parents=[json_parent], help="link an application's unknown partner code to a partner"
    )
    link.add_argument("id", help="the application")
    link.add_argument("code", help="a registered partner's code")
    link.set_defaults(handler=cmd_link_partner)


def cmd_deals(args) -> int:
    from app.deal_queries import deal_rows
    from models.money import display

    rows = open_database(args).query(lambda uow: deal_rows(uow.conn, args.category, args.search, args.active))
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

    rows = open_database(args).query(lambda uow: request_rows(uow.conn, args.deal, args.workspace, args.status or ""))
    text = "\n".join(
        f"{row.id:>5}  {row.workspace:<20} {row.title[:36]:<36} {row.status:<10} "
        + (f"{row.decided_by} {row.decided_at:%Y-%m-%d}" if row.decided_at else f"{row.requested_at:%Y-%m-%d}")
        + (f"  code: {row.redeem}" if row.redeem else "")
        for row in rows
    )
    emit(args, [row.as_json() for row in rows], text or "no requests")
    return EXIT_OK


def cmd_request(args) -> int:
    from app.services.deals import RequestDeal, request_deal

    outcome = open_database(args).run(request_deal, RequestDeal(args.workspace, args.deal, args.note))
    emit(args, outcome.as_json(), f"request {outcome.id}: {args.workspace} asked for deal {args.deal}")
    return EXIT_OK


def cmd_decide_request(args) -> int:
    from app.services.deals import DecideRequest, decide_request

    outcome = open_database(args).run(decide_request, DecideRequest(args.request, args.action, args.reason, args.on))
    text = f"request {outcome.id}: {outcome.status}" + (f"; code or link: {outcome.redeem}" if outcome.redeem else "")
    emit(args, outcome.as_json(), text)
    return EXIT_OK


def cmd_partners(args) -> int:
    from app.deal_queries import partner_rows, unknown_partner_codes
    from models.money import display

    database = open_database(args)
    if args.unknown:
        codes = database.query(lambda uow: unknown_partner_codes(uow.conn))
        emit(
            args,
            [{"code": c, "applications": n} for c, n in codes],
            "\n".join(f"{c:<24} {counted(n, 'application')}" for c, n in codes) or "every partner code is known",
        )
        return EXIT_OK
    rows = database.query(lambda uow: partner_rows(uow.conn))
    text = "\n".join(
        f"{row.code:<16} {row.name[:30]:<30} {row.kind:<12} {row.status:<9} {row.members:>5} members  "
        f"{display(row.granted_cents):>14} granted"
        for row in rows
    )
    emit(args, [row.as_json() for row in rows], text or "no partners")
    return EXIT_OK


def cmd_apply_partner(args) -> int:
    from app.services.partners import AddPartnerApplication, add_partner_application

    command = AddPartnerApplication(args.code, args.name, args.kind, args.contact, args.annual_credit)
    open_database(args).run(add_partner_application, command)
    emit(args, {"code": args.code, "status": "applied"}, f"partner application {args.code} recorded (applied)")
    return EXIT_OK


def cmd_decide_partner(args) -> int:
    from app.services.partners import DecidePartner, decide_partner

    status = open_database(args).run(decide_partner, DecidePartner(args.code, args.action, args.reason))
    emit(args, {"code": args.code, "status": status}, f"partner {args.code}: {status}")
    return EXIT_OK


def cmd_link_partner(args) -> int:
    from app.services.partners import LinkPartner, link_partner

    open_database(args).run(link_partner, LinkPartner(args.id, args.code))
    emit(args, {"id": args.id, "partner": args.code}, f"application {args.id} linked to partner {args.code}")
    return EXIT_OK
