"""Policy what-if against the stored queue, writing nothing (SPEC 10), on SQLite and PostgreSQL."""

from pathlib import Path

from sqlalchemy import select

from app import schema
from app.services.whatif import WhatIf, what_if
from models.whatif import PolicyChange
from tests.app.test_lifecycle import read
from tests.importing import import_file

QUEUE = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace,partner_code\n"
    "Q1,2026-05-10,Raised Four,a@four.io,GB,2025-06-01,4000000,no,four,\n"
    "Q2,2026-05-10,Raised Two,a@two.io,GB,2025-06-01,2000000,no,two,\n"
    "Q3,2026-05-10,Older Co,a@older.io,DE,2023-11-10,100000,no,older,\n"
    "Q4,2026-05-10,Cuban Co,a@cuba.io,CU,2025-06-01,100000,no,cuban,\n"
    "Q5,2026-05-10,Partner Co,a@partner.io,GB,2025-06-01,100000,no,partner,yc\n"
    "Q6,2026-05-10,Declared Co,a@declared.io,CU,2025-06-01,100000,yes,declared,\n"
)


def queue(members, write_csv):
    import_file(members, write_csv(QUEUE, "queue.csv"))
    return members


def outcome(result):
    return sorted((c["id"], c["before"], c["after"]) for c in result["changed"])


def test_a_lower_funding_cap_names_the_application_that_changes_and_what_it_does_to_committed_credit(
    members, write_csv
):
    db = queue(members, write_csv)
    result = read(db, what_if, WhatIf(PolicyChange(funding_cap=300_000_000)))
    assert outcome(result) == [("Q1", "eligible", "ineligible")]
    assert result["changed"][0]["rules"] == {"funding": ["pass", "fail"]}
    assert result["applications"] == 6 and result["eligible"] == {"before": 3, "after": 2}
    committed = result["committed"]
    # year 1 of the three eligible applications (Q5 through yc at 50,000), then Q1 drops out;
    # year 2 of the three members in year 1 (worked, half at 25,000, partnered at 50,000) is unchanged
    assert (committed["year_one_before"], committed["year_one_after"]) == (10_000_000, 7_500_000)
    assert committed["year_two_before"] == committed["year_two_after"] == 10_000_000
    assert committed["before"] - committed["after"] == 2_500_000


def test_a_longer_age_limit_a_territory_list_and_credit_changes_together(members, write_csv):
    db = queue(members, write_csv)
    change = PolicyChange(
        max_age_years=3,
        territories=frozenset({"GB", "DE", "CU"}),
        annual_credit=3_000_000,
        partner_credit=(("yc", 6_000_000),),
    )
    result = read(db, what_if, WhatIf(change))
    # Q3 (2 years 6 months old) passes at 3 years, Q4 in a listed CU passes; Q6 still declared a discount
    assert outcome(result) == [("Q3", "ineligible", "eligible"), ("Q4", "ineligible", "eligible")]
    assert result["moves"] == {"ineligible → eligible": 2}
    committed = result["committed"]
    assert committed["year_one_after"] == 4 * 3_000_000 + 6_000_000  # Q1-Q4 at 30,000, Q5 at 60,000
    assert committed["year_two_after"] == 2 * 3_000_000 + 6_000_000


def test_a_shorter_age_limit_fails_a_company_incorporated_a_day_too_early(members, write_csv):
    db = queue(members, write_csv)
    result = read(db, what_if, WhatIf(PolicyChange(max_age_years=1)))
    # incorporated 2025-06-01, applied 2026-05-10: 11 months, still less than a year
    assert outcome(result) == []
    edge = QUEUE.splitlines()[0] + "\nQ7,2026-05-10,Edge Co,a@edge.io,GB,2025-05-10,100000,no,edge,\n"
    import_file(db, write_csv(edge, "edge.csv"))
    assert outcome(read(db, what_if, WhatIf(PolicyChange(max_age_years=1)))) == [("Q7", "eligible", "ineligible")]


def dump(database) -> dict:
    with database.read() as conn:
        return {
            name: sorted(tuple(map(repr, row)) for row in conn.execute(select(table)))
            for name, table in schema.metadata.tables.items()
        }


def test_the_what_if_leaves_every_table_and_the_file_as_they_were(members, write_csv, database_url):
    db = queue(members, write_csv)
    before = dump(db)
    path = Path(database_url.removeprefix("sqlite:///")) if database_url.startswith("sqlite") else None
    file_before = path.read_bytes() if path else None
    assert sum(len(rows) for rows in before.values()) > 20
    change = PolicyChange(funding_cap=100_000, max_age_years=5, annual_credit=1, territories=frozenset({"DE"}))
    result = read(db, what_if, WhatIf(change))
    assert result["changed_count"] == 3  # every eligible application raised more than 1,000.00
    assert dump(db) == before
    if path:
        assert path.read_bytes() == file_before


def test_the_sql_what_if_agrees_with_the_rule_in_python_on_every_application(database, write_csv):
    from models.whatif import reevaluated
    from tests.benchmarks.bench_lifecycle import build_queue

    build_queue(database, 3_000)
    edges = (
        "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
        "E1,2028-02-29,Leap A,a@leap-a.io,GB,2027-02-28,1,no\n"
        "E2,2028-02-29,Leap B,a@leap-b.io,GB,2027-03-01,1,no\n"
        "E3,2028-02-29,Leap C,a@leap-c.io,GB,2026-02-28,1,no\n"
        "E4,2027-03-01,Leap D,a@leap-d.io,GB,2024-02-29,1,no\n"
        "E5,2027-02-28,Leap E,a@leap-e.io,GB,2024-02-29,1,no\n"
    )
    import_file(database, write_csv(edges, "edges.csv"))
    a = schema.applications
    with database.read() as conn:
        rows = conn.execute(
            select(
                a.c.application_id, a.c.eligibility, a.c.rule_age, a.c.rule_funding, a.c.rule_territory,
                a.c.rule_previous_discount, a.c.submitted_on, a.c.incorporated_on, a.c.total_funding_cents, a.c.country,
            ).where(a.c.status.in_(("new", "in_review", "needs_info")))
        ).all()  # fmt: skip
    for change in (
        PolicyChange(max_age_years=1),
        PolicyChange(max_age_years=3),
        PolicyChange(funding_cap=250_000_000, territories=frozenset({"GB", "DE", "CU"})),
        PolicyChange(max_age_years=4, funding_cap=0, territories=frozenset()),
    ):
        expected = sorted(
            (row[0], row[1], after)
            for row in rows
            if (after := reevaluated(change, tuple(row[2:6]), row[6], row[7], row[8], row[9])[0]) != row[1]
        )
        found = outcome(read(database, what_if, WhatIf(change)))
        assert found == expected
        assert len(found) > 50


def test_a_higher_annual_credit_shows_year_two_applied_and_expiring_month_by_month(members, write_csv):
    from tests.app.ledger_helpers import bills

    bills(members, write_csv, [("worked", m, "4000") for m in ("2027-03", "2027-04", "2027-05")])
    result = read(members, what_if, WhatIf(PolicyChange(annual_credit=3_000_000)))
    rows = {row["month"]: row for row in result["forecast"]}
    assert list(rows)[0] == "2027-06" and len(rows) == 12
    # worked draws 4,000 a month from its year 2 (2027-01-15 … 2028-01-14): 25,000 lasts to December's
    # 1,000; 30,000 pays through December and leaves 2,000 to expire in January
    assert [rows[m]["applied_before"] for m in ("2027-06", "2027-11", "2027-12", "2028-01")] == [
        400_000,
        400_000,
        100_000,
        0,
    ]
    assert [rows[m]["applied_after"] for m in ("2027-06", "2027-12", "2028-01")] == [400_000, 400_000, 0]
    # half (no bills) expires whole, partnered keeps yc's 50,000 either way
    assert rows["2028-01"]["expiring_before"] == 2_500_000 + 5_000_000
    assert rows["2028-01"]["expiring_after"] == 200_000 + 3_000_000 + 5_000_000
    assert sum(r["applied_after"] + r["expiring_after"] for r in rows.values()) == result["committed"]["year_two_after"]


def test_a_rule_change_leaves_the_forecast_as_it_is(members):
    assert read(members, what_if, WhatIf(PolicyChange(max_age_years=5)))["forecast"] == []
