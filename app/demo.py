"""The demo data set: partners, 420 applications in every state, and decisions.

Idempotent: a database that has the demo already is left as it is.
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update

from app import schema
from app.clock import FixedClock
from app.database import UnitOfWork
from app.importing.applications import import_applications
from app.importing.deals import import_deals
from app.importing.mapping import builtin_mapping
from app.importing.partners import import_partners
from app.services.applications import RULE_COLUMNS, Decide, decide
from app.services.ledger import CloseMonth, close_month

MARKER = "demo_loaded"
REVIEWERS = ("maria.lopez", "sam.okafor", "jun.tanaka")
#: the day the demo's applications were written for; loaded later, every date moves on by whole weeks
WRITTEN_FOR = date(2026, 12, 2)


@dataclass(frozen=True)
class LoadDemo:
    """The demo data set: partners, applications in every state, decisions, closed months, deals."""


def load_demo(command: LoadDemo, uow: UnitOfWork) -> str:
    conn = uow.conn
    if conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == MARKER)).first():
        return "the demo data is already loaded"
    folder = resources.files("resources").joinpath("demo")
    shift = timedelta(weeks=(uow.today - WRITTEN_FOR).days // 7)
    with resources.as_file(folder.joinpath("partners.csv")) as path:
        import_partners(conn, path, None, uow.now())
    with tempfile.TemporaryDirectory(prefix="startup-desk-demo-") as scratch:
        path = Path(scratch) / "applications.csv"
        path.write_text(_shifted(folder.joinpath("applications.csv").read_text(encoding="utf-8"), shift), "utf-8")
        report = import_applications(conn, path, None, uow.policies, "demo", uow.now())
    _imported_the_day_after_submission(uow)
    decided = _decide_some(uow)
    months = _bill_and_close(uow, _add_months(uow.today.replace(day=1), -2))
    with resources.as_file(folder.joinpath("startup-perks.csv")) as path:
        offers = import_deals(conn, path, builtin_mapping("startup-perks"), uow.now()).imported
    requests = _request_some(uow)
    conn.execute(insert(schema.meta).values(key=MARKER, value=uow.now().isoformat()))
    return (
        f"demo data loaded: {report.imported} applications, {decided} decisions, {months} months of bills closed, "
        f"{offers} partner deals, {requests} deal requests"
    )


def _shifted(text: str, shift: timedelta) -> str:
    """The demo's applications with every date moved on by `shift` (ages and orders stay as they were)."""
    if not shift:
        return text
    rows = list(csv.DictReader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        for column in ("submitted_on", "incorporated_on"):
            if row[column]:
                row[column] = (date.fromisoformat(row[column]) + shift).isoformat()
        writer.writerow(row)
    return out.getvalue()


def _add_months(day: date, count: int) -> date:
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def _request_some(uow) -> int:
    """Deal requests of a dozen members in every state, so the Requests tab shows its work."""
    conn, now = uow.conn, uow.now()
    members = list(
        conn.execute(
            select(schema.enrollments.c.id)
            .where(schema.enrollments.c.status == "active")
            .order_by(schema.enrollments.c.workspace)
            .limit(12)
        ).scalars()
    )
    deals = list(conn.execute(select(schema.deals.c.id).order_by(schema.deals.c.id).limit(6)).scalars())
    plan = ["requested"] * 5 + ["approved"] * 4 + ["fulfilled"] * 2 + ["declined"]
    for number, (member, status) in enumerate(zip(members, plan)):
        request = conn.execute(
            insert(schema.deal_requests).values(
                deal=deals[number % len(deals)],
                enrollment=member,
                status=status,
                is_open=status in ("requested", "approved"),
                requested_at=now,
                note="",
                version=1,
            )
        ).inserted_primary_key[0]
        steps = [("", "requested", "")]
        if status in ("approved", "fulfilled"):
            steps.append(("requested", "approved", ""))
        if status == "fulfilled":
            steps.append(("approved", "fulfilled", "code sent by e-mail"))
        if status == "declined":
            steps.append(("requested", "declined", "the offer is for seed-stage companies only"))
        for before, after, reason in steps:
            conn.execute(
                insert(schema.deal_request_events).values(
                    request=request,
                    at=now,
                    actor=REVIEWERS[number % len(REVIEWERS)],
                    from_status=before,
                    to_status=after,
                    reason=reason,
                )
            )
    return min(len(members), len(plan))


def _decide_some(uow) -> int:
    """A deterministic spread of states, decided by a few named reviewers."""
    rng = random.Random(7)
    a = schema.applications.c
    rows = uow.conn.execute(
        select(a.id, a.submitted_on, a.eligibility, *[a[c] for c in RULE_COLUMNS]).order_by(a.submitted_on, a.id)
    ).all()
    decided = 0
    today, clock = uow.today, uow.clock
    # The newest applications stay new: that is this morning's queue.
    for row in rows[: int(len(rows) * 0.7)]:
        uow.actor = rng.choice(REVIEWERS)
        roll = rng.random()
        failed = [
            rule
            for rule, column in zip(("age", "funding", "territory", "previous_discount"), RULE_COLUMNS)
            if row._mapping[column] == "fail"
        ]
        on = row.submitted_on + timedelta(days=rng.randrange(2, 12))
        if row.eligibility == "eligible" and roll < 0.75:
            decision = Decide(row.id, "accept", on=on)
        elif failed and roll < 0.8:
            decision = Decide(row.id, "reject", reason=f"failed rule: {failed[0]}")
        elif row.eligibility == "incomplete" and roll < 0.5:
            decision = Decide(
                row.id, "needs-info", reason="please send the incorporation certificate and funding history"
            )
        elif roll < 0.85:
            decision = Decide(row.id, "review")
        elif roll < 0.92:
            decision = Decide(row.id, "withdraw", reason="founder withdrew: company pivoted")
        else:
            continue
        # each decision on its own day, as a person made it (the history, "in state" and the
        # time-to-decision report read true); a question for missing information is a recent one,
        # a few of them past their answer-by day
        day = today - timedelta(days=rng.randrange(3, 21)) if decision.action == "needs-info" else min(on, today)
        uow.clock = FixedClock(datetime.combine(day, time(9)) + timedelta(minutes=rng.randrange(8 * 60)))
        decide(decision, uow)
        decided += 1
    uow.actor, uow.clock = uow.database.actor, clock
    return decided


def _imported_the_day_after_submission(uow) -> None:
    """The demo's applications came in with the form's daily exports, not all today."""
    a = schema.applications.c
    stamps = [
        {"key": id_, "at": datetime.combine(submitted + timedelta(days=1), time(8))}
        for id_, submitted in uow.conn.execute(select(a.id, a.submitted_on))
        if submitted + timedelta(days=1) <= uow.today
    ]
    if stamps:
        uow.conn.execute(
            update(schema.applications).where(a.id == bindparam("key")).values(imported_at=bindparam("at")), stamps
        )


def _bill_and_close(uow, last_month: date) -> int:
    """Monthly Team plan bills for every member since acceptance through `last_month`, and the months closed."""
    from app.bulk import bulk_insert

    rng = random.Random(11)
    last = (last_month.year, last_month.month)
    e = schema.enrollments.c
    bills = []
    months: set[str] = set()
    for workspace, accepted_on in uow.conn.execute(select(e.workspace, e.accepted_on).order_by(e.id)):
        # most members use a little; some burn through their credit and pay overage
        level = rng.choice([300, 800, 1500, 2500, 4500])
        year, month = accepted_on.year, accepted_on.month
        while (year, month) <= last:
            label = f"{year:04d}-{month:02d}"
            months.add(label)
            amount = int(level * rng.uniform(0.6, 1.4)) * 100 + rng.randrange(100)
            bills.append(
                {
                    "workspace": workspace,
                    "month": label,
                    "amount_cents": amount,
                    "settled_cents": None,
                    "import_batch": None,
                    "imported_at": uow.now(),
                }
            )
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    bulk_insert(uow.conn, schema.bills, bills)
    uow.actor = "finance.demo"
    for label in sorted(months):
        close_month(CloseMonth(label), uow)
    uow.actor = uow.database.actor
    return len(months)
