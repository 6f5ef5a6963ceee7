"""SPEC 4 "two people at once": no interleaving takes credit below zero or closes a month twice,
and the one who comes second is told so as clearly as if they had come later."""

from datetime import date

import pytest

from app.services import ledger
from app.services.verify import verify
from tests.app.ledger_helpers import bills, close
from tests.app.race import released_together

pytestmark = pytest.mark.postgres


def test_eight_simultaneous_adjustments_never_take_credit_below_zero(members, database_url):
    outcomes = released_together(
        database_url, [["adjust", "worked", "-4000.00", "--reason", "race", "--on", "2026-06-01"]] * 8
    )
    codes = sorted(code for code, _, _ in outcomes)
    assert codes == [0] * 6 + [1] * 2  # 25,000.00 holds six adjustments of 4,000.00
    refusals = [err for code, _, err in outcomes if code == 1]
    assert all("credit cannot go below zero" in err and "Traceback" not in err for err in refusals)
    assert members.query(ledger.ledger_of, "worked")["balance"] == 100_000
    assert members.query(verify) == []


def test_two_reversals_of_one_entry_reverse_it_once(members, database_url):
    entry = members.run(ledger.adjust, ledger.Adjust("worked", 100_000, "goodwill", on=date(2026, 2, 1)))
    outcomes = released_together(database_url, [["reverse", str(entry), "--reason", "twice"]] * 2)
    assert sorted(code for code, _, _ in outcomes) == [0, 1]
    assert any(f"entry {entry} was already reversed" in err for _, _, err in outcomes)
    assert members.query(ledger.ledger_of, "worked")["balance"] == 2_500_000
    assert members.query(verify) == []


def test_a_close_beside_adjustments_leaves_no_member_below_zero(members, database_url, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "24000"), ("half", "2026-01", "24000")])
    outcomes = released_together(
        database_url,
        [
            ["close-month", "2026-01"],
            ["adjust", "worked", "-4000.00", "--reason", "race", "--on", "2026-01-20"],
            ["adjust", "half", "-4000.00", "--reason", "race", "--on", "2026-01-20"],
        ],
    )
    assert outcomes[0][0] == 0, outcomes[0][2]
    assert all("Traceback" not in err for _, _, err in outcomes)
    for workspace in ("worked", "half"):
        assert members.query(ledger.ledger_of, workspace)["balance"] >= 0
    assert members.query(verify) == []


def test_two_acceptances_into_one_workspace_enroll_one(members, database_url, write_csv):
    from tests.importing import import_file

    import_file(
        members,
        write_csv(
            "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
            "R1,2026-02-01,Racer One,a@one.io,GB,2025-06-01,1000,no\n"
            "R2,2026-02-01,Racer Two,b@two.io,GB,2025-06-01,1000,no\n",
            "racers.csv",
        ),
    )
    outcomes = released_together(
        database_url,
        [["decide", ref, "accept", "--on", "2026-02-10", "--workspace", "racer"] for ref in ("R1", "R2")],
    )
    assert sorted(code for code, _, _ in outcomes) == [0, 1]
    loser = next(err for code, _, err in outcomes if code == 1)
    assert "workspace racer is already enrolled" in loser and "Traceback" not in loser
    assert members.query(verify) == []


def test_two_closes_of_one_month_close_it_once(members, database_url, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    outcomes = released_together(database_url, [["close-month", "2026-01", "--json"]] * 2)
    assert [code for code, _, _ in outcomes] == [0, 0], [err for _, _, err in outcomes]
    assert sorted('"already_closed": true' in out for _, out, _ in outcomes) == [False, True]
    assert close(members, "2026-01")[0].already_closed
    assert members.query(ledger.ledger_of, "worked")["balance"] == 2_400_000
    assert members.query(verify) == []
