"""The Ledger pane's credit-lifecycle actions (SPEC 4): extend a grant, give bonus credit.

Each asks in a dialog (date pickers, amount, reason, priority), writes on the task runner,
and is undone from Edit → Undo by reversing the entry it made.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.services import ledger
from app.services.ledger.lifecycle import Bonus, Extend, bonus, extend, grant_name
from models.ledger import PROGRAM_YEAR_PRIORITY
from models.money import display, parse_usd
from ui import dialogs


def _date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class _LifecycleDialog(QDialog):
    """A form with OK enabled only once what it needs is filled in."""

    def __init__(self, parent, title: str, intro: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why? (required, kept in the ledger)"))
        self.reason.textChanged.connect(self._update)

    def _update(self, *_args) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def problem_text(self) -> str:
        return "" if self.reason.text().strip() else self.tr("Give a reason.")


class ExtendDialog(_LifecycleDialog):
    """Extend what is left of one of the member's grants to a later last valid day."""

    def __init__(self, parent, workspace: str, grants: list[dict], today: date):
        super().__init__(
            parent,
            self.tr("Extend grant"),
            self.tr("Move the last valid day of a grant of %s later. Unused credit still expires then.") % workspace,
        )
        self.grant = QComboBox()
        self.grant.setAccessibleName(self.tr("Grant"))
        for entry in grants:
            self.grant.addItem(
                self.tr("%s (entry %d, %s)")
                % (grant_name(entry["program_year"]), entry["id"], display(entry["amount"])),
                entry["id"],
            )
        self.until = _date_edit(today + timedelta(days=90), self.tr("New last valid day"))
        self.form.addRow(self.tr("Grant:"), self.grant)
        self.form.addRow(self.tr("Valid until:"), self.until)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self._update()

    def problem_text(self) -> str:
        if self.grant.count() == 0:
            return self.tr("This member has no grant to extend.")
        return super().problem_text()

    def command(self) -> Extend:
        return Extend(int(self.grant.currentData()), _day(self.until), self.reason.text().strip())

    @classmethod
    def ask(cls, parent, workspace: str, grants: list[dict], today: date) -> Extend | None:
        dialog = cls(parent, workspace, grants, today)
        return dialog.command() if dialog.exec() == QDialog.DialogCode.Accepted else None


class BonusDialog(_LifecycleDialog):
    """A bonus grant outside the program years: amount, validity, reason, priority."""

    def __init__(self, parent, workspace: str, today: date):
        super().__init__(
            parent,
            self.tr("Bonus credit"),
            self.tr("Give %s credit outside the program years (goodwill, a partner top-up, a bridge).") % workspace,
        )
        self.workspace = workspace
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount (USD)"))
        self.amount.setPlaceholderText("1,000.00")
        self.amount.textChanged.connect(self._update)
        self.valid_from = _date_edit(today, self.tr("Valid from"))
        self.valid_until = _date_edit(today + timedelta(days=90), self.tr("Valid until"))
        self.valid_from.dateChanged.connect(self._update)
        self.valid_until.dateChanged.connect(self._update)
        self.priority = QSpinBox()
        self.priority.setRange(0, 100)
        self.priority.setValue(PROGRAM_YEAR_PRIORITY)
        self.priority.setAccessibleName(self.tr("Priority"))
        self.priority.setToolTip(self.tr("0 is drawn first, 100 last; program years have 50"))
        self.form.addRow(self.tr("Amount (USD):"), self.amount)
        self.form.addRow(self.tr("Valid from:"), self.valid_from)
        self.form.addRow(self.tr("Valid until:"), self.valid_until)
        self.form.addRow(self.tr("Priority (0 first … 100 last):"), self.priority)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self._update()

    def _cents(self) -> int | None:
        try:
            return parse_usd(self.amount.text())
        except Exception:
            return None

    def problem_text(self) -> str:
        cents = self._cents()
        if cents is None or cents <= 0:
            return self.tr("Give a positive amount in USD.")
        if _day(self.valid_until) < _day(self.valid_from):
            return self.tr("The last valid day is before the first.")
        return super().problem_text()

    def command(self) -> Bonus:
        return Bonus(
            self.workspace,
            self._cents() or 0,
            _day(self.valid_from),
            _day(self.valid_until),
            self.reason.text().strip(),
            self.priority.value(),
        )

    @classmethod
    def ask(cls, parent, workspace: str, today: date) -> Bonus | None:
        dialog = cls(parent, workspace, today)
        return dialog.command() if dialog.exec() == QDialog.DialogCode.Accepted else None


def standing_grants(entries: list[dict]) -> list[dict]:
    """The member's grant entries not reversed (what can be extended)."""
    reversed_ids = {x["reverses"] for x in entries if x["kind"] == "reverse"}
    return [x for x in entries if x["kind"] == "grant" and x["id"] not in reversed_ids]


class LifecycleActions:
    """Mixed into LedgerPane (with LedgerActions): Extend grant…, Bonus credit…"""

    def extend_grant(self) -> None:
        workspace = self._workspace_or_warn()
        if not workspace:
            return
        data = getattr(self, "member_data", None)
        if data is None or data["workspace"] != workspace:
            dialogs.inform(self, self.tr("Extend grant"), self.tr("The member's entries are still loading."))
            return
        command = ExtendDialog.ask(self, workspace, standing_grants(data["entries"]), self.database.clock.today())
        if command is None:
            return
        database = self.database

        def undo_of(made: dict):
            return lambda: database.run(ledger.reverse, ledger.Reverse(made["entry"], f"undo: {command.reason}"))

        def again():
            return undo_of(database.run(extend, command))

        self._run(
            self.tr("Extend grant"),
            lambda: database.run(extend, command),
            lambda made: self.tr("%s: credit valid until %s") % (workspace, made["valid_until"]),
            lambda made: (self.tr("Extend %s to %s") % (workspace, command.until), undo_of(made), again),
        )

    def bonus_credit(self) -> None:
        workspace = self._workspace_or_warn()
        if not workspace:
            return
        command = BonusDialog.ask(self, workspace, self.database.clock.today())
        if command is None:
            return
        database = self.database

        def undo_of(made: dict):
            return lambda: database.run(ledger.reverse, ledger.Reverse(made["grant_entry"], f"undo: {command.reason}"))

        def again():
            return undo_of(database.run(bonus, command))

        self._run(
            self.tr("Bonus credit"),
            lambda: database.run(bonus, command),
            lambda made: self.tr("Bonus credit of %s to %s") % (display(made["amount"]), workspace),
            lambda made: (self.tr("Bonus %s %s") % (workspace, display(command.amount)), undo_of(made), again),
        )
