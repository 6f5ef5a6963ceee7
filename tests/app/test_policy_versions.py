"""Making a what-if the policy from a date (SPEC 1, 10): a new version, never a rewritten past; both engines."""

import re
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import schema
from app.errors import AppError
from app.services.applications import Decide, decide
from app.services.policy_versions import (
    NewPolicyVersion,
    WithdrawPolicyVersion,
    new_policy_version,
    withdraw_policy_version,
)
from models.whatif import PolicyChange
from tests.importing import import_file

LATER = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace,partner_code\n"
    "L1,2027-07-02,Later Raised,l@later.io,GB,2026-06-01,4000000,no,later,\n"
    "L2,2027-07-02,Later German,l@german.io,DE,2026-06-01,100000,no,german,\n"
)


def in_force(database, on: date):
    return database.query(lambda uow: uow.policies.in_force(on))


def grants(database):
    with database.read() as conn:
        return conn.execute(
            select(schema.program_years.c.credit_cents, schema.program_years.c.policy_version).order_by(
                schema.program_years.c.enrollment
            )
        ).all()


def test_a_new_version_takes_effect_on_its_date_and_the_days_before_keep_the_old_one(members, clock):
    before = grants(members)
    change = PolicyChange(funding_cap=300_000_000, annual_credit=3_000_000)
    result = members.run(new_policy_version, NewPolicyVersion(change, date(2027, 7, 1)))
    assert result["version"] == 2 and result["was_version"] == 1
    assert in_force(members, date(2027, 6, 30)).max_funding == 500_000_000
    policy = in_force(members, date(2027, 7, 1))
    assert (policy.version, policy.max_funding, policy.annual_credit) == (2, 300_000_000, 3_000_000)
    assert policy.eligible_territories == in_force(members, date(2027, 6, 30)).eligible_territories
    with members.read() as conn:
        row = conn.execute(select(schema.policies).where(schema.policies.c.version == 2)).one()
    assert (row.created_by, row.created_at) == ("tester", datetime(2027, 6, 15, 12))
    # the members' grants keep their amount and the version they were made under
    assert grants(members) == before == [(2_500_000, 1), (2_500_000, 1), (5_000_000, 1)]


def test_applications_and_grants_from_the_date_follow_the_new_version(members, clock, write_csv):
    change = PolicyChange(funding_cap=300_000_000, annual_credit=3_000_000, territories=frozenset({"GB"}))
    members.run(new_policy_version, NewPolicyVersion(change, date(2027, 7, 1)))
    clock.advance(days=20)  # 2027-07-05
    import_file(members, write_csv(LATER, "later.csv"))
    with members.read() as conn:
        rows = dict(
            conn.execute(
                select(schema.applications.c.application_id, schema.applications.c.eligibility).where(
                    schema.applications.c.application_id.in_(["L1", "L2"])
                )
            ).all()
        )
    assert rows == {"L1": "ineligible", "L2": "ineligible"}  # 4,000,000 over the cap; DE off the list
    members.run(decide, Decide("L1", "accept", reason="board exception", on=date(2027, 7, 5)))
    assert grants(members)[-1] == (3_000_000, 2)
    assert grants(members)[:3] == [(2_500_000, 1), (2_500_000, 1), (5_000_000, 1)]


def test_a_changed_territory_list_is_a_new_list_version_and_the_old_list_stays(members):
    result = members.run(
        new_policy_version, NewPolicyVersion(PolicyChange(territories=frozenset({"GB", "CU"})), date(2027, 7, 1))
    )
    assert result["territory_list_version"] == 2
    assert in_force(members, date(2027, 7, 1)).eligible_territories == {"GB", "CU"}
    old = in_force(members, date(2027, 6, 30)).eligible_territories
    assert "DE" in old and "CU" not in old


@pytest.mark.parametrize(
    "change, start, message",
    [
        (PolicyChange(funding_cap=1), date(2027, 6, 15), "after today (2027-06-15)"),
        (PolicyChange(funding_cap=1), date(2026, 1, 1), "decisions already made keep"),
        (PolicyChange(partner_credit=(("yc", 1),)), date(2027, 7, 1), "partner credit is each partner's own"),
        (PolicyChange(funding_cap=500_000_000), date(2027, 7, 1), "leaves the policy as it is"),
        (PolicyChange(territories=frozenset({"GB", "XX"})), date(2027, 7, 1), "not on the territory list: XX"),
    ],
)
def test_a_version_that_would_touch_the_past_or_say_nothing_is_refused(members, change, start, message):
    with pytest.raises(AppError, match=re.escape(message)):
        members.run(new_policy_version, NewPolicyVersion(change, start))
    assert in_force(members, date(2030, 1, 1)).version == 1


def test_a_version_must_start_after_the_last_one(members):
    members.run(new_policy_version, NewPolicyVersion(PolicyChange(max_age_years=3), date(2027, 9, 1)))
    with pytest.raises(AppError, match="version 2 takes effect on 2027-09-01"):
        members.run(new_policy_version, NewPolicyVersion(PolicyChange(max_age_years=4), date(2027, 8, 1)))
    third = members.run(new_policy_version, NewPolicyVersion(PolicyChange(max_age_years=4), date(2027, 10, 1)))
    assert third["version"] == 3 and in_force(members, date(2027, 10, 1)).max_age_years == 4


def test_a_version_to_come_can_be_withdrawn_but_not_once_in_force(members, clock):
    made = members.run(
        new_policy_version, NewPolicyVersion(PolicyChange(territories=frozenset({"GB"})), date(2027, 7, 1))
    )
    members.run(withdraw_policy_version, WithdrawPolicyVersion(made["version"]))
    assert in_force(members, date(2030, 1, 1)).version == 1
    with members.read() as conn:
        lists = set(conn.execute(select(schema.territories.c.list_version)).scalars())
    assert lists == {1}
    again = members.run(new_policy_version, NewPolicyVersion(PolicyChange(max_age_years=3), date(2027, 7, 1)))
    clock.advance(days=16)  # 2027-07-01: in force
    with pytest.raises(AppError, match="in force since 2027-07-01"):
        members.run(withdraw_policy_version, WithdrawPolicyVersion(again["version"]))
