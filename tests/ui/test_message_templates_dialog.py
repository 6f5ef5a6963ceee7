"""Templates edited in the window: a rendered preview, placeholder checking, save and regenerate."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.services import outbox
from app.services.applications import Decide, decide
from models.messages import Kind
from tests.importing import import_file
from ui.message_templates_dialog import MessageTemplatesDialog
from ui.tasks import TaskRunner

APPS = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
    "R1,2026-01-10,Old Co,o@old.io,GB,2020-01-01,100000,no\n"
)


@pytest.fixture
def dialog(qtbot, sqlite_database, tmp_path):
    path = tmp_path / "apps.csv"
    path.write_text(APPS)
    import_file(sqlite_database, path)
    sqlite_database.run(decide, Decide("R1", "reject", reason="failed rule: age"))
    runner = TaskRunner()
    dialog = MessageTemplatesDialog(sqlite_database, runner)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(list(Kind).index(Kind.REJECTION))
    qtbot.waitUntil(lambda: dialog.loaded and dialog.subject.text() == "Your application to the $program")
    yield dialog
    runner.wait()


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_the_preview_renders_the_founders_sentences_with_example_values(dialog):
    preview = dialog.preview.toPlainText()
    assert preview.startswith("Subject: Your application to the Startup Program")
    assert "Dear Ada Founder," in preview and "incorporated on 1 January 2020" in preview
    assert "$reasons" in dialog.placeholders.text() and "$answer_by" not in dialog.placeholders.text()


def test_an_unknown_placeholder_is_named_and_cannot_be_saved(dialog):
    dialog.body.setPlainText("Dear $founder, by $answer_by")
    assert "unknown placeholder $answer_by" in dialog.problem.text()
    assert not save_button(dialog).isEnabled()
    dialog.body.setPlainText("Dear $founder,\n\n$reasons")
    assert dialog.problem.text() == "" and save_button(dialog).isEnabled()


def test_saving_regenerates_the_drafts_of_that_kind(qtbot, dialog, sqlite_database):
    dialog.subject.setText("About $company")
    dialog.body.setPlainText("Hello $founder,\n\n$reasons\n\n$signature")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        save_button(dialog).click()
    assert dialog.problem.text() == "Saved; 1 draft regenerated"
    (draft,) = sqlite_database.query(outbox.messages)
    assert draft["subject"] == "About Old Co"
    assert sqlite_database.query(outbox.template, Kind.REJECTION, "en").subject == "About $company"


def test_german_wording_is_one_choice_away(qtbot, dialog):
    dialog.language.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.loaded and dialog.subject.text() == "Ihre Bewerbung für das $program")
    assert "am 1. Januar 2020 gegründet" in dialog.preview.toPlainText()
