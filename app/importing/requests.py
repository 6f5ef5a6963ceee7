"""Importing redemption requests from the request form's export: workspace, and the deal by
number or by partner and title, with an optional note. A request that is already open is a
duplicate (skipped and counted), so importing the same export again adds nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, insert, select

from app import schema
from app.importing.applications import ImportReport, RowError
from app.importing.mapping import Mapping, resolve
from app.importing.tabular import FileRefused, read_table

TARGETS = ("workspace", "deal", "partner", "title", "note")
ALIASES = {"deal_id": "deal", "company": "partner", "deal_title": "title", "message": "note", "comment": "note"}


def import_requests(
    conn: Connection, path: Path | str, mapping: Mapping | None, now: datetime, actor: str, strict: bool = False
) -> ImportReport:
    report = ImportReport()
    table = read_table(path, mapping.encoding if mapping else None, mapping.delimiter if mapping else None)
    readers = resolve(mapping, table.header, TARGETS, ALIASES)
    if "workspace" not in readers or not ("deal" in readers or {"partner", "title"} <= set(readers)):
        raise FileRefused(
            f"the file needs workspace, and deal or partner and title (it has: {', '.join(table.header)})"
        )
    d, r, e, a = schema.deals, schema.deal_requests, schema.enrollments, schema.applications
    members = {
        workspace: (enrollment, status == "accepted" and enrolled != "cancelled")
        for workspace, enrollment, status, enrolled in conn.execute(
            select(e.c.workspace, e.c.id, a.c.status, e.c.status).join(a, a.c.id == e.c.application)
        )
    }
    deals_by_id = {row.id: row for row in conn.execute(select(d.c.id, d.c.title, d.c.active, d.c.partner, d.c.title))}
    deals_by_name = {(row.partner.casefold(), row.title.casefold()): row for row in deals_by_id.values()}
    open_now = {(deal, member) for deal, member in conn.execute(select(r.c.deal, r.c.enrollment).where(r.c.is_open))}
    records = []
    for number, cells in table.rows:
        report.rows += 1
        text = {target: readers[target](cells).strip() if target in readers else "" for target in TARGETS}
        errors = []
        member = members.get(text["workspace"])
        if not text["workspace"]:
            errors.append(RowError(number, "workspace", "required, but blank"))
        elif member is None:
            errors.append(RowError(number, "workspace", f"{text['workspace']!r} is not a member"))
        elif not member[1]:
            errors.append(RowError(number, "workspace", f"{text['workspace']!r}: the application is not accepted"))
        if text["deal"]:
            deal = deals_by_id.get(int(text["deal"])) if text["deal"].isdecimal() else None
            if deal is None:
                errors.append(RowError(number, "deal", f"no deal number {text['deal']!r}"))
        else:
            deal = deals_by_name.get((text["partner"].casefold(), text["title"].casefold()))
            if deal is None:
                errors.append(RowError(number, "title", f"no deal {text['title']!r} from {text['partner']!r}"))
        if deal is not None and not deal.active:
            errors.append(RowError(number, "deal", f"the deal {deal.title!r} is retired"))
        if errors:
            report.invalid.extend(errors)
            continue
        key = (deal.id, member[0])
        if key in open_now:
            report.duplicates += 1
            continue
        open_now.add(key)
        records.append({"deal": deal.id, "enrollment": member[0], "note": text["note"]})
    if strict and report.invalid:
        return report
    if records:
        conn.execute(
            insert(r),
            [{**rec, "status": "requested", "is_open": True, "requested_at": now, "version": 1} for rec in records],
        )
        # their ids, through the open (deal, member) pairs that are unique: no id is assumed
        wanted = {(rec["deal"], rec["enrollment"]): rec for rec in records}
        ids = {
            (deal, enrollment): request
            for request, deal, enrollment in conn.execute(
                select(r.c.id, r.c.deal, r.c.enrollment).where(
                    r.c.is_open, r.c.enrollment.in_({rec["enrollment"] for rec in records})
                )
            )
            if (deal, enrollment) in wanted
        }
        conn.execute(
            insert(schema.deal_request_events),
            [
                {
                    "request": ids[key],
                    "at": now,
                    "actor": actor,
                    "from_status": "",
                    "to_status": "requested",
                    "reason": rec["note"] or f"imported from {Path(path).name}",
                }
                for key, rec in wanted.items()
            ],
        )
    report.imported = len(records)
    return report
