"""Message templates (SPEC 9), edited in the window: a rendered preview with example values and
placeholder checking as one types, like the letter settings. Reads and writes run on the
task runner; the preview is the domain's pure rendering."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import outbox
from models.errors import InvalidInput
from models.messages import (
    LANGUAGES,
    PLACEHOLDERS,
    Kind,
    RuleFact,
    Template,
    bullets,
    default_template,
    explain_failures,
    list_unknowns,
    long_date,
    render,
    usd,
)
from models.wording import sign_off
from ui.dialogs import show_error
from ui.outbox_model import kind_label
from ui.tasks import TaskRunner

_EXAMPLE_DAY = date(2027, 3, 1)


def example_values(kind: Kind, language: str) -> dict[str, str]:
    """What the preview fills in: an example founder, company and outcome."""
    failed = [RuleFact("age", "fail", "age", (date(2020, 1, 1), date(2027, 2, 20), 2, False))]
    unknown = [RuleFact("age", "unknown", "age-unknown"), RuleFact("funding", "unknown", "funding-unknown")]
    values = {
        "founder": "Ada Founder",
        "company": "Example Labs",
        "program": "Startup Program",
        "contact": "startups@example.com",
        "signature": f"{sign_off(None, language)}\nThe Startup Program team",
        "date": long_date(_EXAMPLE_DAY, language),
        "application_id": "A-1001",
        "workspace": "example-labs",
        "amount": usd(2_500_000, language),
        "valid_from": long_date(_EXAMPLE_DAY, language),
        "valid_until": long_date(date(2028, 2, 29), language),
        "reasons": bullets(explain_failures(failed, language)),
        "decision_reason": "failed rule: age",
        "missing": bullets(list_unknowns(unknown, language)),
        "answer_by": long_date(date(2027, 3, 15), language),
        "deal": "Cloud credits",
        "partner": "Example Cloud",
        "redeem": "CODE-1234",
        "discount": "50 %",
        "notice": "Your workspace has used 75 % of this year's credit.",
        "balance": usd(625_000, language),
    }
    return {name: values[name] for name in PLACEHOLDERS[kind]}


class MessageTemplatesDialog(QDialog):
    """One template at a time: pick the outcome and language, edit, see it rendered, save."""

    saved = Signal(str, str)  # kind, language

    def __init__(self, database, runner: TaskRunner, parent: QWidget | None = None, language: str = "en"):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.setWindowTitle(self.tr("Message templates"))
        self.loaded = False
        self.kind = QComboBox()
        for kind in Kind:
            self.kind.addItem(kind_label(kind.value), kind.value)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(code, code)
        self.language.setCurrentIndex(max(0, LANGUAGES.index(language) if language in LANGUAGES else 0))
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(240)
        self.placeholders = QLabel()
        self.placeholders.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview with example values"))
        self.regenerate = QCheckBox(self.tr("Regenerate drafts of this kind after saving (edited drafts kept)"))
        self.regenerate.setChecked(True)

        form = QFormLayout()
        choose = QHBoxLayout()
        choose.addWidget(self.kind, 1)
        choose.addWidget(self.language)
        form.addRow(self.tr("&Message"), choose)
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("&Wording"), self.body)
        form.addRow(self.tr("Placeholders"), self.placeholders)
        editor = QWidget()
        editor.setLayout(form)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel(self.tr("Preview")))
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.problem)
        splitter = QSplitter()
        splitter.addWidget(editor)
        splitter.addWidget(right)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.reset_button = QPushButton(self.tr("&Reset to the shipped wording"))
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.regenerate)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(lambda _i: self.load())
        self.language.currentIndexChanged.connect(lambda _i: self.load())
        self.subject.textChanged.connect(self.update_preview)
        self.body.textChanged.connect(self.update_preview)
        self.load()

    def selected_kind(self) -> Kind:
        return Kind(self.kind.currentData())

    def current(self) -> Template:
        return Template(self.selected_kind(), self.language.currentData(), self.subject.text(), self.body.toPlainText())

    def load(self) -> None:
        kind, language, database = self.selected_kind(), self.language.currentData(), self.database
        self.loaded = False
        self.runner.run(
            lambda progress, cancelled: database.query(outbox.template, kind, language),
            self._show,
            lambda error: show_error(self, self.tr("Cannot read the template"), error),
            owner=self,
        )

    def _show(self, template: Template) -> None:
        if (template.kind, template.language) != (self.selected_kind(), self.language.currentData()):
            return  # the person chose another meanwhile; its own load follows
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self.placeholders.setText("  ".join(f"${name}" for name in PLACEHOLDERS[template.kind]))
        self.loaded = True
        self.update_preview()

    def update_preview(self) -> None:
        template = self.current()
        try:
            template.check()
        except InvalidInput as error:
            self.problem.setText(str(error))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        self.problem.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        rendered = render(template, example_values(template.kind, template.language))
        self.preview.setPlainText(self.tr("Subject: %1").replace("%1", rendered.subject) + "\n\n" + rendered.body)

    def save(self) -> None:
        template, database, regenerate = self.current(), self.database, self.regenerate.isChecked()

        def work(progress, cancelled):
            database.run(outbox.save_template, outbox.SaveTemplate(template))
            if regenerate:
                return database.run(outbox.regenerate, outbox.Regenerate(template.kind))
            return None

        def done(report):
            if report is not None:
                said = [self.tr("Saved; %n draft(s) regenerated", "", report["regenerated"])]
                if report["kept_edited"]:
                    said.append(self.tr("%n edited draft(s) kept", "", report["kept_edited"]))
                self.problem.setText(", ".join(said))
            else:
                self.problem.setText(self.tr("Saved"))
            self.saved.emit(template.kind.value, template.language)

        self.runner.run(
            work, done, lambda error: show_error(self, self.tr("Cannot save the template"), error), owner=self
        )

    def reset(self) -> None:
        shipped = default_template(self.selected_kind(), self.language.currentData())
        self.subject.setText(shipped.subject)
        self.body.setPlainText(shipped.body)
