"""Policy what-if (SPEC 10): a changed policy against the stored queue and members, writing nothing.

The queue is every open application (new, in review, needs info). SQL picks the few whose
changed rules could flip (a funding cap between what they raised and the old answer, a
territory in or out of the list, an incorporation date across the new age limit), and
models.whatif evaluates those exactly. Committed credit is what the program stands to
grant: year 1 of every eligible open application, and year 2 of every active member still
in year 1. Read-only: run it through `Database.query`; the transaction is rolled back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, extract, false, func, or_, select

from app import schema
from app.database import UnitOfWork
from models.applications import Status
from models.ledger import BONUS_BASE
from models.membership import MemberStatus
from models.partners import PartnerStatus
from models.whatif import PolicyChange, credit_of, reevaluated

a, e, py, p = schema.applications, schema.enrollments, schema.program_years, schema.partners
OPEN = (Status.NEW.value, Status.IN_REVIEW.value, Status.NEEDS_INFO.value)


@dataclass(frozen=True)
class WhatIf:
    change: PolicyChange


def _may_flip(change: PolicyChange):
    """The open applications whose outcome of a changed rule could differ (a superset, in SQL)."""
    conditions = []
    if change.funding_cap is not None:
        raised = a.c.total_funding_cents
        conditions.append(
            or_(
                and_(a.c.rule_funding == "pass", raised > change.funding_cap),
                and_(a.c.rule_funding == "fail", raised <= change.funding_cap),
            )
        )
    if change.territories is not None:
        listed = sorted(change.territories)
        conditions.append(
            or_(
                and_(a.c.rule_territory == "pass", a.c.country.not_in(listed)),
                and_(a.c.rule_territory == "fail", a.c.country.in_(listed)),
            )
        )
    if change.max_age_years is not None:
        # incorporated > applied - N years  <=>  (year + N, month-day) after the application's:
        # 29 February's limit (28 February) changes nothing, as the limit's year has no 29th
        inc, sub, years = a.c.incorporated_on, a.c.submitted_on, change.max_age_years
        inc_year, sub_year = extract("year", inc), extract("year", sub)
        inc_day = extract("month", inc) * 100 + extract("day", inc)
        sub_day = extract("month", sub) * 100 + extract("day", sub)
        young = or_(inc_year + years > sub_year, and_(inc_year + years == sub_year, inc_day > sub_day))
        conditions.append(
            and_(inc.is_not(None), or_(and_(a.c.rule_age == "pass", ~young), and_(a.c.rule_age == "fail", young)))
        )
    return or_(*conditions) if conditions else false()


def what_if(command: WhatIf, uow: UnitOfWork) -> dict:
    """A read: which open applications change outcome, and the effect on committed credit."""
    change, conn = command.change, uow.conn
    policy = uow.policies.in_force(uow.today)
    changed_policy = change.applied_to(policy)
    partners = {
        code: (amount if status == PartnerStatus.ACTIVE.value else None)
        for code, status, amount in conn.execute(select(p.c.code, p.c.status, p.c.annual_credit_cents))
    }
    overrides = dict(change.partner_credit)
    queue = Counter(
        {
            (eligibility, partner): count
            for eligibility, partner, count in conn.execute(
                select(a.c.eligibility, a.c.partner_code, func.count())
                .where(a.c.status.in_(OPEN))
                .group_by(a.c.eligibility, a.c.partner_code)
            )
        }
    )
    after_queue = Counter(queue)
    changed = []
    if change.touches_rules:
        rows = conn.execute(
            select(
                a.c.id,
                a.c.application_id,
                a.c.company,
                a.c.eligibility,
                a.c.partner_code,
                a.c.submitted_on,
                a.c.incorporated_on,
                a.c.total_funding_cents,
                a.c.country,
                a.c.rule_age,
                a.c.rule_funding,
                a.c.rule_territory,
                a.c.rule_previous_discount,
            )
            .where(a.c.status.in_(OPEN), _may_flip(change))
            .order_by(a.c.id)
        )
        for row in rows:
            stored = (row.rule_age, row.rule_funding, row.rule_territory, row.rule_previous_discount)
            eligibility, rules = reevaluated(
                change, stored, row.submitted_on, row.incorporated_on, row.total_funding_cents, row.country
            )
            if eligibility == row.eligibility:
                continue
            after_queue[(row.eligibility, row.partner_code)] -= 1
            after_queue[(eligibility, row.partner_code)] += 1
            changed.append(
                {
                    "id": row.application_id or str(row.id),
                    "application": row.id,
                    "company": row.company,
                    "before": row.eligibility,
                    "after": eligibility,
                    "rules": {
                        name: [old, new]
                        for name, old, new in zip(("age", "funding", "territory", "previous_discount"), stored, rules)
                        if old != new
                    },
                }
            )

    def year_one(counts: Counter, annual: int, extra: dict) -> int:
        return sum(
            count * credit_of(partner, partners, annual, extra)
            for (eligibility, partner), count in counts.items()
            if eligibility == "eligible"
        )

    in_year_one = (
        select(py.c.enrollment)
        .where(py.c.bonus.is_(False), py.c.renewal.is_(False), py.c.number <= BONUS_BASE)
        .group_by(py.c.enrollment)
        .having(func.count() == 1)
        .subquery()
    )
    members = conn.execute(
        select(p.c.code, func.count())
        .select_from(e)
        .join(in_year_one, in_year_one.c.enrollment == e.c.id)
        .outerjoin(p, p.c.id == e.c.partner)
        .where(e.c.status == MemberStatus.ACTIVE.value)
        .group_by(p.c.code)
    ).all()

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
        "applications": sum(queue.values()),
        "changed": changed,
        "changed_count": len(changed),
        "moves": dict(sorted(moves.items())),
        "eligible": {
            "before": sum(n for (el, _), n in queue.items() if el == "eligible"),
            "after": sum(n for (el, _), n in after_queue.items() if el == "eligible"),
        },
        "members_in_year_one": sum(count for _, count in members),
        "committed": {
            "before": before["year_one"] + before["year_two"],
            "after": after["year_one"] + after["year_two"],
            "year_one_before": before["year_one"],
            "year_one_after": after["year_one"],
            "year_two_before": before["year_two"],
            "year_two_after": after["year_two"],
        },
    }
