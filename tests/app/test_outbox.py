"""The outbox: decisions make drafts; a person reads, edits, holds, discards and regenerates them."""

from datetime import date

import pytest
from sqlalchemy import select

from app import schema
from app.errors import AppError
from app.services import outbox
from app.services.applications import Decide, DecideMany, ReverseTransitions, decide, decide_many, reverse_transitions
from models.errors import InvalidInput, TransitionRefused
from models.messages import Kind, Template
from tests.importing import import_file

HEADER = "application_id,submitted_on,company,contact_email,contact_name,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"
CSV = HEADER + (
    "E1,2026-01-10,Eligible Co,e@eligible.io,Eva Early,GB,2025-06-01,100000,no,eligible-co\n"
    "I1,2026-01-10,Old Co,o@old.io,Otto Old,GB,2020-01-01,9000000,no,old-co\n"
    "U1,2026-01-10,Unknown Co,u@unknown.io,,GB,,,,unknown-co\n"
)


@pytest.fixture
def loaded(database, write_csv):
    import_file(database, write_csv(CSV))
    return database


def drafts(database, status=None):
    return database.query(outbox.messages, status)


def test_a_rejection_draft_explains_each_failed_rule_and_goes_to_the_founder(loaded):
    loaded.run(decide, Decide("I1", "reject", reason="failed rules"))
    (draft,) = drafts(loaded)
    full = loaded.query(outbox.message, draft["id"])
    assert (full["kind"], full["status"], full["to_address"], full["to_name"]) == (
        "rejection",
        "draft",
        "o@old.io",
        "Otto Old",
    )
    assert "Dear Otto Old," in full["body"]
    assert "incorporated on 1 January 2020" in full["body"]
    assert "at most USD 5,000,000.00 in total; your application states USD 9,000,000.00" in full["body"]
    assert full["message_id"].startswith("<startup-desk.") and full["message_id"].endswith("@example.com>")


def test_needs_info_lists_the_unknowns_and_the_answer_by_date_and_starts_the_clock(loaded, clock):
    loaded.run(decide, Decide("U1", "needs-info"))
    (draft,) = drafts(loaded)
    full = loaded.query(outbox.message, draft["id"])
    assert "Dear Unknown Co," in full["body"]  # no contact name: the company
    assert "- The date on which your company was incorporated." in full["body"]
    assert "- How much funding your company has raised in total" in full["body"]
    assert "by 29 June 2027" in full["body"] and full["answer_by"] == date(2027, 6, 29)
    with loaded.read() as conn:
        (followup,) = conn.execute(select(schema.followups)).all()
    assert (followup.answer_by, followup.remind_on) == (date(2027, 6, 29), date(2027, 6, 26))


def test_an_acceptance_draft_names_the_credit_and_the_workspace(loaded):
    loaded.run(decide, Decide("E1", "accept", on=date(2027, 6, 15)))
    full = loaded.query(outbox.message, drafts(loaded)[0]["id"])
    assert full["kind"] == "acceptance"
    assert 'workspace "eligible-co" has been granted USD 25,000.00' in full["body"]
    assert "from 15 June 2027 until 14 June 2028" in full["body"]


def test_opening_a_review_writes_no_message(loaded):
    loaded.run(decide, Decide("E1", "review"))
    assert drafts(loaded) == []


def test_a_bulk_rejection_makes_one_draft_each_and_a_refused_bulk_makes_none(loaded):
    with pytest.raises(TransitionRefused):
        loaded.run(decide_many, DecideMany(("I1", "U1", "E1"), "accept"))
    assert drafts(loaded) == []
    loaded.run(decide_many, DecideMany(("I1", "U1", "E1"), "reject", reason="duplicate of an earlier application"))
    assert [d["kind"] for d in drafts(loaded)] == ["rejection"] * 3
    assert loaded.query(outbox.counts)["draft"] == 3


def test_undoing_a_decision_takes_back_its_unsent_draft(loaded):
    result = loaded.run(decide, Decide("I1", "reject", reason="failed rule: age"))
    loaded.run(outbox.change_status, outbox.ChangeStatus((drafts(loaded)[0]["id"],), "hold"))
    loaded.run(reverse_transitions, ReverseTransitions(result.transitions, "undo"))
    assert [d["status"] for d in drafts(loaded)] == ["discarded"]


def test_hold_release_and_discard_and_a_refused_move_changes_nothing(loaded):
    loaded.run(decide_many, DecideMany(("I1", "U1"), "reject", reason="duplicate"))
    first, second = (d["id"] for d in drafts(loaded))
    loaded.run(outbox.change_status, outbox.ChangeStatus((first,), "hold"))
    loaded.run(outbox.change_status, outbox.ChangeStatus((second,), "discard"))
    assert loaded.query(outbox.counts) == {"draft": 0, "held": 1, "sent": 0, "failed": 0, "discarded": 1}
    with pytest.raises(AppError, match="nothing was changed"):
        loaded.run(outbox.change_status, outbox.ChangeStatus((first, second), "release"))
    assert [d["status"] for d in drafts(loaded)] == ["held", "discarded"]
    loaded.run(outbox.change_status, outbox.ChangeStatus((first,), "release"))
    assert [d["status"] for d in drafts(loaded)] == ["draft", "discarded"]


def test_a_template_change_regenerates_drafts_but_keeps_edited_ones_unless_asked(loaded):
    loaded.run(decide_many, DecideMany(("I1", "U1"), "reject", reason="duplicate"))
    edited, plain = (d["id"] for d in drafts(loaded))
    loaded.run(outbox.edit_message, outbox.EditMessage(edited, "About Old Co", "Dear Otto, my own words.\n"))
    new = Template(Kind.REJECTION, "en", "Decision for $company", "Hello $founder,\n\n$reasons\n\n$signature")
    loaded.run(outbox.save_template, outbox.SaveTemplate(new))
    report = loaded.run(outbox.regenerate, outbox.Regenerate(Kind.REJECTION))
    assert report == {"regenerated": 1, "kept_edited": 1}
    kept, redone = (loaded.query(outbox.message, i) for i in (edited, plain))
    assert (kept["subject"], kept["body"], kept["edited"]) == ("About Old Co", "Dear Otto, my own words.\n", True)
    assert redone["subject"] == "Decision for Unknown Co" and redone["body"].startswith("Hello Unknown Co,")
    assert "already have an application" in redone["body"]
    loaded.run(outbox.regenerate, outbox.Regenerate(include_edited=True))
    again = loaded.query(outbox.message, edited)
    assert again["subject"] == "Decision for Old Co" and not again["edited"]
    assert again["message_id"] == kept["message_id"]  # the same message, rewritten


def test_a_template_with_an_unknown_placeholder_is_refused_and_nothing_saved(loaded):
    bad = Template(Kind.REJECTION, "en", "About $company", "Dear $founder, $missing")
    with pytest.raises(InvalidInput, match=r"\$missing"):
        loaded.run(outbox.save_template, outbox.SaveTemplate(bad))
    assert loaded.query(outbox.template, Kind.REJECTION, "en").subject == "Your application to the $program"


def test_german_wording_when_the_team_writes_in_german(loaded):
    loaded.run(outbox.save_outbox_settings, outbox.SaveOutboxSettings(outbox.OutboxSettings(language="de")))
    loaded.run(decide, Decide("I1", "reject", reason="failed rules"))
    full = loaded.query(outbox.message, drafts(loaded)[0]["id"])
    assert full["language"] == "de" and full["subject"] == "Ihre Bewerbung für das Startup Program"
    assert "am 1. Januar 2020 gegründet" in full["body"]
    # closes in German, not with the letters' English default under German text
    assert full["body"].rstrip().endswith("Mit freundlichen Grüßen\nThe Startup Program team")
    assert "With best wishes" not in full["body"]


def test_a_closing_the_program_wrote_itself_is_kept_in_every_language(loaded):
    from app.services import exports

    settings = exports.LetterSettings(sign_off="Herzlich,", signatory="Ada Lovelace")
    loaded.run(exports.save_letter_settings, exports.SaveLetterSettings(settings))
    loaded.run(outbox.save_outbox_settings, outbox.SaveOutboxSettings(outbox.OutboxSettings(language="de")))
    loaded.run(decide, Decide("I1", "reject", reason="failed rules"))
    full = loaded.query(outbox.message, drafts(loaded)[0]["id"])
    assert full["body"].rstrip().endswith("Herzlich,\nAda Lovelace")


def test_an_edit_of_a_sent_or_discarded_message_is_refused(loaded):
    loaded.run(decide, Decide("I1", "reject", reason="failed rules"))
    (draft,) = drafts(loaded)
    loaded.run(outbox.change_status, outbox.ChangeStatus((draft["id"],), "discard"))
    with pytest.raises(AppError, match="can no longer be edited"):
        loaded.run(outbox.edit_message, outbox.EditMessage(draft["id"], "x", "y"))


def test_an_edited_subject_is_one_line(loaded):
    loaded.run(decide, Decide("I1", "reject", reason="failed rules"))
    (draft,) = drafts(loaded)
    with pytest.raises(InvalidInput, match="one line"):
        loaded.run(outbox.edit_message, outbox.EditMessage(draft["id"], "About\r\nBcc: x@evil.com", "y"))
    assert loaded.query(outbox.message, draft["id"])["edited"] is False
