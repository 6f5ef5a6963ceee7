from datetime import date

import pytest
from sqlalchemy import select

from app import schema
from app.database import Database
from app.errors import AppError
from app.services.applications import Decide, DecideMany, ReverseTransitions, decide, history
from models.errors import ConcurrentChange, TransitionRefused
from tests.importing import import_file

CSV = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace,partner_code\n"
    "E1,2026-01-10,Eligible Co,e@eligible.io,GB,2025-06-01,100000,no,eligible-co,\n"
    "I1,2026-01-10,Old Co,o@old.io,GB,2020-01-01,100000,no,old-co,\n"
    "P1,2026-01-10,Partner Co,p@partner.io,US,2025-06-01,100000,no,partner-co,yc\n"
    "S1,2026-02-10,Eligible Again,x@eligible.io,GB,2025-06-01,100000,no,,\n"
)


@pytest.fixture
def loaded(database, write_csv):
    import_file(database, write_csv(CSV))
    return database


def ledger(database, workspace):
    with database.read() as conn:
        e = schema.enrollments
        enrollment = conn.execute(select(e).where(e.c.workspace == workspace)).one()
        entries = conn.execute(
            select(schema.ledger_entries).where(schema.ledger_entries.c.enrollment == enrollment.id)
        ).all()
        years = conn.execute(
            select(schema.program_years).where(schema.program_years.c.enrollment == enrollment.id)
        ).all()
    return enrollment, entries, years


def test_accepting_creates_the_enrollment_and_the_year_one_grant(loaded):
    result = loaded.run(decide, Decide("E1", "accept", on=date(2026, 1, 15)))
    assert result.workspace == "eligible-co"
    enrollment, entries, years = ledger(loaded, "eligible-co")
    assert [(e.kind, e.amount_cents, e.entry_date) for e in entries] == [("grant", 2_500_000, date(2026, 1, 15))]
    assert (years[0].valid_from, years[0].valid_until) == (date(2026, 1, 15), date(2027, 1, 14))


def test_a_partner_sets_the_annual_credit_of_its_members(loaded, write_csv):
    from tests.importing import import_partner_file

    import_partner_file(
        loaded,
        write_csv('code,name,kind,status,annual_credit_usd\nyc,Y Combinator,accelerator,active,"50,000"\n', "p.csv"),
    )
    loaded.run(decide, Decide("P1", "accept", on=date(2026, 1, 20)))
    _, entries, _ = ledger(loaded, "partner-co")
    assert entries[0].amount_cents == 5_000_000


def test_accepting_an_ineligible_application_needs_an_override_reason_and_changes_nothing_without_one(loaded):
    with pytest.raises(TransitionRefused, match="override reason"):
        loaded.run(decide, Decide("I1", "accept", on=date(2026, 1, 15)))
    with loaded.read() as conn:
        assert conn.execute(select(schema.enrollments)).first() is None
        assert conn.execute(select(schema.transitions)).first() is None
    result = loaded.run(
        decide, Decide("I1", "accept", reason="board exception: relaunched company", on=date(2026, 1, 15))
    )
    assert result.override is True


def test_rejecting_needs_a_reason(loaded):
    with pytest.raises(TransitionRefused, match="needs a reason"):
        loaded.run(decide, Decide("I1", "reject"))
    loaded.run(decide, Decide("I1", "reject", reason="failed rule: age"))
    assert loaded.query(history, "I1")[-1]["reason"] == "failed rule: age"


def test_asking_for_information_on_a_new_application_records_the_review_first(loaded):
    loaded.run(decide, Decide("E1", "needs-info", reason="send the incorporation certificate"))
    steps = [(h["from_status"], h["to_status"], h["actor"]) for h in loaded.query(history, "E1")]
    assert steps == [("new", "in_review", "tester"), ("in_review", "needs_info", "tester")]


def test_a_decided_application_cannot_be_decided_again(loaded):
    loaded.run(decide, Decide("E1", "reject", reason="duplicate"))
    with pytest.raises(TransitionRefused, match="already rejected by tester"):
        loaded.run(decide, Decide("E1", "accept"))


def test_a_second_company_with_the_same_domain_fails_rule_four_after_the_first_is_accepted(loaded):
    loaded.run(decide, Decide("E1", "accept", on=date(2026, 1, 15)))
    with pytest.raises(TransitionRefused, match="eligible.io already holds or held a program enrollment"):
        loaded.run(decide, Decide("S1", "accept", on=date(2026, 2, 15)))


def test_an_unknown_application_is_refused(loaded):
    with pytest.raises(AppError, match="no application NOPE"):
        loaded.run(decide, Decide("NOPE", "accept"))


def test_two_reviewers_deciding_the_same_application_the_second_is_told_who_was_first(loaded, database_url, tmp_path):
    other = Database(database_url, "second.reviewer", backup_dir=tmp_path)
    with loaded.read() as conn:
        version = conn.execute(
            select(schema.applications.c.version).where(schema.applications.c.application_id == "E1")
        ).scalar()
    loaded.run(decide, Decide("E1", "accept", on=date(2026, 1, 15), expected_version=version))
    with pytest.raises(ConcurrentChange, match="already decided by tester"):
        other.run(decide, Decide("E1", "reject", reason="duplicate", expected_version=version))
    assert [h["to_status"] for h in loaded.query(history, "E1")] == ["accepted"]
    other.close()


def test_undoing_an_acceptance_records_a_reversal_and_reverses_the_grant(loaded):
    from app.services.applications import reverse_transitions

    result = loaded.run(decide, Decide("E1", "accept", on=date(2026, 1, 15)))
    loaded.run(reverse_transitions, ReverseTransitions(list(result.transitions), "undo"))
    steps = [(h["from_status"], h["to_status"], h["reverses"] is not None) for h in loaded.query(history, "E1")]
    assert steps == [("new", "accepted", False), ("accepted", "new", True)]
    enrollment, entries, _ = ledger(loaded, "eligible-co")
    assert enrollment.status == "cancelled"
    assert sum(e.amount_cents for e in entries) == 0 and len(entries) == 2
    # redo: accepting again reinstates the same workspace with a fresh grant
    again = loaded.run(decide, Decide("E1", "accept", on=date(2026, 1, 15)))
    enrollment, entries, _ = ledger(loaded, "eligible-co")
    assert (again.workspace, enrollment.status, sum(e.amount_cents for e in entries)) == (
        "eligible-co",
        "active",
        2_500_000,
    )


def test_only_the_latest_decision_can_be_undone(loaded):
    from app.services.applications import reverse_transitions

    first = loaded.run(decide, Decide("E1", "review"))
    loaded.run(decide, Decide("E1", "needs-info", reason="deck please"))
    with pytest.raises(TransitionRefused, match="only the latest decision"):
        loaded.run(reverse_transitions, ReverseTransitions(list(first.transitions), "undo"))


def test_a_bulk_decision_is_all_or_nothing(loaded):
    from app.services.applications import decide_many

    with pytest.raises(TransitionRefused, match=r"nothing was decided: I1 \(Old Co\)"):
        loaded.run(decide_many, DecideMany(["E1", "I1"], "accept", on=date(2026, 1, 15)))
    with loaded.read() as conn:
        assert conn.execute(select(schema.transitions)).first() is None
    results = loaded.run(decide_many, DecideMany(["E1", "I1"], "reject", reason="duplicate"))
    assert [r.status.value for r in results] == ["rejected", "rejected"]


def test_a_refusal_names_the_application_by_its_form_id_and_company_never_by_the_internal_number(loaded, write_csv):
    from app.services.applications import decide_many

    import_file(loaded, write_csv(CSV.split("\n")[0] + "\n,2026-01-11,Nameless Co,n@nameless.io,GB,,,,,\n", "n.csv"))
    with loaded.read() as conn:
        number = conn.execute(
            select(schema.applications.c.id).where(schema.applications.c.company == "Nameless Co")
        ).scalar()
    loaded.run(decide, Decide("E1", "reject", reason="duplicate"))
    loaded.run(decide, Decide(number, "reject", reason="duplicate"))
    with pytest.raises(TransitionRefused) as refused:
        loaded.run(decide_many, DecideMany(["E1"], "accept"))
    assert str(refused.value).startswith("nothing was decided: application E1 (Eligible Co) was already rejected")
    with pytest.raises(TransitionRefused) as refused:
        loaded.run(decide_many, DecideMany([number], "withdraw"))
    message = str(refused.value)
    assert message.startswith("nothing was decided: application Nameless Co (no form id) was already rejected")
    assert str(number) not in message.split(" by ")[0]
