"""Read-side queries that page, sort and filter in SQL. They return plain rows."""

from __future__ import annotations

from sqlalchemy import Connection, select

from app import schema

RULES = {
    "age": "rule_age",
    "funding": "rule_funding",
    "territory": "rule_territory",
    "previous_discount": "rule_previous_discount",
}


def application_summaries(conn: Connection, status: str | None = None, limit: int | None = None) -> list[dict]:
    a = schema.applications.c
    query = select(
        a.id,
        a.application_id,
        a.company,
        a.status,
        a.eligibility,
        a.rule_age,
        a.rule_funding,
        a.rule_territory,
        a.rule_previous_discount,
    ).order_by(a.id)
    if status:
        query = query.where(a.status == status)
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": row.application_id or str(row.id),
            "company": row.company,
            "status": row.status,
            "eligibility": row.eligibility,
            "rules": {rule: getattr(row, column) for rule, column in RULES.items()},
        }
        for row in conn.execute(query)
    ]
