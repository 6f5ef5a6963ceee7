"""Policy what-if (SPEC 10): a changed policy against the stored queue and members, writing nothing.

The queue is every open application (new, in review, needs info). The changed rules are
evaluated in SQL (models.whatif.reevaluated is the same rule in Python, and a test keeps
them equal); the rules a change does not touch keep the outcome stored with the application. Committed credit is what the program stands to
grant: year 1 of every eligible open application, and year 2 of every active member still
in year 1. Read-only: run it through `Database.query`; the transaction is rolled back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Integer, String, and_, case, false, func, literal, literal_column, or_, select

from app import schema
from app.bulk import paused_gc
from app.database import UnitOfWork
from app.services.whatif_forecast import forecast_effect, members_in_year_one
from models.applications import Status
from models.ledger import BONUS_BASE
from models.membership import MemberStatus
from models.partners import PartnerStatus
from models.whatif import PolicyChange, credit_of

a, e, py, p = schema.applications, schema.enrollments, schema.program_years, schema.partners
OPEN = (Status.NEW.value, Status.IN_REVIEW.value, Status.NEEDS_INFO.value)


@dataclass(frozen=True)
class WhatIf:
    change: PolicyChange


def whatif_setting(uow: UnitOfWork) -> dict:
    """What the what-if dialog starts from: the policy in force, its territory list (every territory
    of the list, eligible or not: alpha-2, name, eligible), the partners (code, name, a year's credit or None
    for their members, active) and today (a new version starts after it)."""
    policy = uow.policies.in_force(uow.today)
    t = schema.territories
    territories = [
        (code, name, bool(eligible))
        for code, name, eligible in uow.conn.execute(
            select(t.c.alpha2, t.c.name, t.c.eligible)
            .where(t.c.list_version == policy.territory_list_version)
            .order_by(t.c.name)
        )
    ]
    partners = [
        (code, name, amount, status == PartnerStatus.ACTIVE.value)
        for code, name, status, amount in uow.conn.execute(
            select(p.c.code, p.c.name, p.c.status, p.c.annual_credit_cents).order_by(p.c.code)
        )
    ]
    return {"policy": policy, "territories": territories, "partners": partners, "today": uow.today}


def _young(conn, years: int):
    """incorporated_on > submitted_on − `years` years, as SPEC 2's calendar arithmetic has it (29 February
    minus a year is 28 February), in each engine's own date arithmetic."""
    inc, sub = a.c.incorporated_on, a.c.submitted_on
    if conn.dialect.name == "sqlite":
        # ISO dates as text: (year + N, month-day) after the application date. The limit of 29 February
        # (28 February) changes nothing: the limit's year has no 29th to fall between them
        # (years 1900-2999 plus at most 100 keep four digits: no padding needed)
        year = (func.cast(func.substr(inc, 1, 4), Integer) + years).self_group()
        return year.op("||", precedence=100)(func.substr(inc, 5)) > func.cast(sub, String)
    return inc > sub - func.make_interval(years)


@dataclass(frozen=True)
class _Changed:
    """A rule the change touches, in SQL: when an application's data lets it be evaluated (None: always),
    and when it then passes. Otherwise the rule keeps the outcome stored with the application."""

    index: int  # in RULES
    known: object
    passes: object

    def outcome(self):
        unknown = () if self.known is None else ((~self.known, STORED[self.index]),)
        return case(*unknown, (self.passes, "pass"), else_="fail")

    def moves(self, one_way: str | None) -> tuple:
        """(which applications it moves, its new outcome for them, alone). A rule that can only turn `one_way`
        ("pass" or "fail") needs no CASE: only a stored outcome the other way is evaluated, and the
        new one is that way (an age limit shorter than every version's can only fail a passed rule)."""
        stored, known = STORED[self.index], () if self.known is None else (self.known,)
        if one_way == "pass":
            return and_(stored == "fail", *known, self.passes), literal("pass")
        if one_way == "fail":
            return and_(stored == "pass", *known, ~self.passes), literal("fail")
        outcome = self.outcome()
        return stored != outcome, outcome


RULES = ("age", "funding", "territory", "previous_discount")
STORED = (a.c.rule_age, a.c.rule_funding, a.c.rule_territory, a.c.rule_previous_discount)


def _changed_rules(conn, change: PolicyChange) -> list[_Changed]:
    rules = []
    if change.max_age_years is not None:
        rules.append(_Changed(0, a.c.incorporated_on.is_not(None), _young(conn, change.max_age_years)))
    if change.funding_cap is not None:
        raised = a.c.total_funding_cents
        rules.append(_Changed(1, raised.is_not(None), raised <= change.funding_cap))
    if change.territories is not None:
        listed = a.c.country.in_(sorted(change.territories)) if change.territories else false()
        rules.append(_Changed(2, None, listed))
    return rules


def _one_way(conn, change: PolicyChange) -> dict[int, str]:
    """Rules that can move one way only: a limit at or beyond every version's lets no passed rule fail
    (only a stored fail is worth evaluating again); at or within every version's, no failed rule pass."""
    out: dict[int, str] = {}
    for index, new, column in (
        (0, change.max_age_years, schema.policies.c.max_age_years),
        (1, change.funding_cap, schema.policies.c.max_funding_cents),
    ):
        if new is None:
            continue
        low, high = conn.execute(select(func.min(column), func.max(column))).one()
        if new >= high:
            out[index] = "pass"
        elif new <= low:
            out[index] = "fail"
    return out


@paused_gc()  # a hundred thousand small dicts: the cycle collector would rescan them all, again and again
def what_if(command: WhatIf, uow: UnitOfWork) -> dict:
    """A read: which open applications change outcome, and the effect on committed credit.

    In SQL, whatever the queue's size: the open applications counted (and the eligible ones by
    partner, through the status index), then one pass that returns only the applications whose
    outcome changes. That pass tests cheap stored columns first: an application another rule fails
    cannot change outcome, and a limit beyond every version's (a longer age limit, a higher cap) can
    only turn a failed rule into a pass, so only those are evaluated again. The counts after the
    change are the counts before and the moves. models.whatif.reevaluated is the same rule in Python
    (a test holds them equal)."""
    change, conn = command.change, uow.conn
    policy = uow.policies.in_force(uow.today)
    changed_policy = change.applied_to(policy)
    partners = {
        code: (amount if status == PartnerStatus.ACTIVE.value else None)
        for code, status, amount in conn.execute(select(p.c.code, p.c.status, p.c.annual_credit_cents))
    }
    overrides = dict(change.partner_credit)
    sqlite = conn.dialect.name == "sqlite"
    # the pass below scans the table: through the status index SQLite would look up nearly every row
    # one by one; the count alone is the status index's (it holds what it needs: 0.08 s at a million)
    open_scan = literal_column("+applications.status").in_(OPEN) if sqlite else a.c.status.in_(OPEN)
    total = conn.execute(select(func.count()).select_from(a).where(a.c.status.in_(OPEN))).scalar()
    queue: Counter = Counter(
        {
            ("eligible", partner): count
            for partner, count in conn.execute(
                select(a.c.partner_code, func.count())
                .where(a.c.status.in_(OPEN), a.c.eligibility == "eligible")
                .group_by(a.c.partner_code)
            )
        }
    )
    after_queue = Counter(queue)
    changed: list[dict] = []
    if change.touches_rules:
        rules = _changed_rules(conn, change)
        one_way = _one_way(conn, change)
        touched = [rule.index for rule in rules]
        moves = [rule.moves(one_way.get(rule.index)) for rule in rules]
        # a row one rule moves may keep another rule's outcome: with more than one, each is evaluated
        news = [new for _, new in moves] if len(rules) == 1 else [rule.outcome() for rule in rules]
        # an application another rule fails cannot change outcome
        candidates = [STORED[n] != "fail" for n in range(4) if n not in touched]
        # only the touched rules' new outcomes are read: the others are the stored ones
        query = (
            select(
                a.c.id,
                a.c.application_id,
                a.c.company,
                a.c.eligibility,
                a.c.partner_code,
                *STORED,
                *news,
            )
            .where(open_scan, *candidates, or_(*(moving for moving, _ in moves)))
            .order_by(a.c.id)
        )
        changed, moved = _outcome_changes(conn.execute(query).all(), touched)  # fetchall: SQLite steps in C
        for partner, step in moved.items():
            after_queue[("eligible", partner)] += step

    def year_one(counts: Counter, annual: int, extra: dict) -> int:
        return sum(
            count * credit_of(partner, partners, annual, extra)
            for (eligibility, partner), count in counts.items()
            if eligibility == "eligible"
        )

    credit_changes = change.annual_credit is not None or bool(change.partner_credit)
    if credit_changes:
        listed = members_in_year_one(conn)
        members = list(Counter(code for _, code, _ in listed).items())
        forecast = forecast_effect(
            uow,
            listed,
            lambda code: credit_of(code, partners, policy.annual_credit, {}),
            lambda code: credit_of(code, partners, changed_policy.annual_credit, overrides),
        )
    else:  # no grant of a member changes: counted in SQL, the forecast as it is
        members = _members_in_year_one_by_partner(conn)
        forecast = []

    def year_two(annual: int, extra: dict) -> int:
        return sum(count * credit_of(code or "", partners, annual, extra) for code, count in members)

    before = {"year_one": year_one(queue, policy.annual_credit, {}), "year_two": year_two(policy.annual_credit, {})}
    after = {
        "year_one": year_one(after_queue, changed_policy.annual_credit, overrides),
        "year_two": year_two(changed_policy.annual_credit, overrides),
    }
    moves = Counter(f"{c['before']} → {c['after']}" for c in changed)
    return {
        "policy_version": policy.version,
        "change": change.describe(),
        "applications": total,
        "changed": changed,
        "changed_count": len(changed),
        "moves": dict(sorted(moves.items())),
        "eligible": {
            "before": sum(n for (el, _), n in queue.items() if el == "eligible"),
            "after": sum(n for (el, _), n in after_queue.items() if el == "eligible"),
        },
        "members_in_year_one": sum(count for _, count in members),
        # year 2 of those members, month by month, under the policy in force and under the change
        # (empty: the change grants a member nothing different; the forecast stays as it is)
        "forecast": forecast,
        "committed": {
            "before": before["year_one"] + before["year_two"],
            "after": after["year_one"] + after["year_two"],
            "year_one_before": before["year_one"],
            "year_one_after": after["year_one"],
            "year_two_before": before["year_two"],
            "year_two_after": after["year_two"],
        },
    }


def _outcome_changes(rows, touched: list[int]) -> tuple[list[dict], Counter]:
    """The applications whose outcome changes, from rows of (id, application id, company, outcome, partner,
    the four stored rules, the touched rules' new outcomes), and the change in eligible ones by partner.

    A hundred thousand rows may change at a million: plain tuple work per row, no comprehension in the
    loop; only the touched rules can differ between a row's stored and new outcomes."""
    columns = [(RULES[n], 5 + n, 9 + k) for k, n in enumerate(touched)]
    changed: list[dict] = []
    moved: Counter = Counter()
    append = changed.append
    for row in rows:
        now_rules = list(row[5:9])
        for k, n in enumerate(touched):
            now_rules[n] = row[9 + k]
        now = "ineligible" if "fail" in now_rules else "incomplete" if "unknown" in now_rules else "eligible"
        before_outcome = row[3]
        if now == before_outcome:
            continue
        if before_outcome == "eligible":
            moved[row[4]] -= 1
        elif now == "eligible":
            moved[row[4]] += 1
        detail = {}
        for name, was, is_now in columns:
            if row[was] != row[is_now]:
                detail[name] = [row[was], row[is_now]]
        append(
            {
                "id": row[1] or str(row[0]),
                "application": row[0],
                "company": row[2],
                "before": before_outcome,
                "after": now,
                "rules": detail,
            }
        )
    return changed, moved


def _members_in_year_one_by_partner(conn) -> list[tuple[str | None, int]]:
    in_year_one = (
        select(py.c.enrollment)
        .where(py.c.bonus.is_(False), py.c.renewal.is_(False), py.c.number <= BONUS_BASE)
        .group_by(py.c.enrollment)
        .having(func.count() == 1)
        .subquery()
    )
    return conn.execute(
        select(p.c.code, func.count())
        .select_from(e)
        .join(in_year_one, in_year_one.c.enrollment == e.c.id)
        .outerjoin(p, p.c.id == e.c.partner)
        .where(e.c.status == MemberStatus.ACTIVE.value)
        .group_by(p.c.code)
    ).all()
