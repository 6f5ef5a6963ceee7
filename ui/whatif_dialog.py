"""Policy what-if (SPEC 10): change the funding cap, age limit, annual credit or territory list and see,
writing nothing, which open applications change outcome and what it does to committed credit.

Both the policy in force and the evaluation are read on the task runner (`Database.query`: the
transaction is rolled back). Double-clicking an application emits `open_application(id)`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.services.whatif import WhatIf, what_if
from models.money import display, parse_usd
from models.whatif import PolicyChange
from ui.dialogs import show_error
from ui.tasks import TaskRunner


def _policy_in_force(uow):
    return uow.policies.in_force(uow.today)


class WhatIfDialog(QDialog):
    open_application = Signal(int)  # the application's row id

    def __init__(self, database, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.policy = None
        self.result: dict | None = None
        self.setWindowTitle(self.tr("Policy what-if"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Change the policy and evaluate it against the open applications and the members. Nothing is saved."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.funding_cap = QLineEdit()
        self.funding_cap.setAccessibleName(self.tr("Funding cap (USD)"))
        self.age = QSpinBox()
        self.age.setRange(1, 100)
        self.age.setSuffix(self.tr(" years"))
        self.age.setAccessibleName(self.tr("Age limit"))
        self.annual_credit = QLineEdit()
        self.annual_credit.setAccessibleName(self.tr("Annual credit (USD)"))
        self.territories = QLineEdit()
        self.territories.setAccessibleName(self.tr("Territories"))
        self.territories.setPlaceholderText(self.tr("country codes, e.g. GB, DE, FR"))
        form.addRow(self.tr("Funding cap (USD):"), self.funding_cap)
        form.addRow(self.tr("Age limit:"), self.age)
        form.addRow(self.tr("Annual credit (USD):"), self.annual_credit)
        form.addRow(self.tr("Territories:"), self.territories)
        layout.addLayout(form)
        self.evaluate_button = QPushButton(self.tr("Evaluate"))
        self.evaluate_button.setEnabled(False)
        self.evaluate_button.clicked.connect(self.evaluate)
        layout.addWidget(self.evaluate_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary = QLabel(self.tr("Reading the policy in force…"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.changed = QTableWidget(0, 4)
        self.changed.setAccessibleName(self.tr("Applications that change outcome"))
        self.changed.setHorizontalHeaderLabels(
            [self.tr("Application"), self.tr("Company"), self.tr("Outcome"), self.tr("Rules that change")]
        )
        self.changed.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changed.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changed.verticalHeader().setVisible(False)
        self.changed.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.changed.cellDoubleClicked.connect(self._open)
        layout.addWidget(self.changed, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 600)

    def load(self) -> None:
        """Read the policy in force (on the runner) and fill the form with it."""
        database = self.database
        self.runner.run(
            lambda progress, cancelled: database.query(_policy_in_force),
            self._policy_read,
            lambda error: show_error(self, self.tr("Cannot read the policy"), error),
        )

    def _policy_read(self, policy) -> None:
        self.policy = policy
        self.funding_cap.setText(display(policy.max_funding))
        self.age.setValue(policy.max_age_years)
        self.annual_credit.setText(display(policy.annual_credit))
        self.territories.setText(", ".join(sorted(policy.eligible_territories)))
        self.evaluate_button.setEnabled(True)
        self.summary.setText(self.tr("Policy version %d in force. Change a value and press Evaluate.") % policy.version)

    def change(self) -> PolicyChange:
        """The form as a change: only what differs from the policy in force."""
        policy = self.policy
        cap = parse_usd(self.funding_cap.text())
        credit = parse_usd(self.annual_credit.text())
        codes = frozenset(c.strip().upper() for c in self.territories.text().replace(";", ",").split(",") if c.strip())
        return PolicyChange(
            funding_cap=None if cap == policy.max_funding else cap,
            max_age_years=None if self.age.value() == policy.max_age_years else self.age.value(),
            annual_credit=None if credit == policy.annual_credit else credit,
            territories=None if codes == policy.eligible_territories else codes,
        )

    def evaluate(self) -> None:
        try:
            change = self.change()
        except Exception as exc:
            show_error(self, self.tr("Policy what-if"), exc)
            return
        database = self.database
        self.evaluate_button.setEnabled(False)

        def failed(error) -> None:
            self.evaluate_button.setEnabled(True)
            show_error(self, self.tr("Policy what-if"), error)

        self.runner.run(
            lambda progress, cancelled: database.query(lambda uow: what_if(WhatIf(change), uow)),
            self._evaluated,
            failed,
        )

    def _evaluated(self, result: dict) -> None:
        self.result = result
        self.evaluate_button.setEnabled(True)
        committed = result["committed"]
        delta = committed["after"] - committed["before"]
        moves = ", ".join(f"{move}: {count}" for move, count in result["moves"].items()) or self.tr("none")
        self.summary.setText(
            self.tr(
                "<b>%(changed)d of %(total)d open applications change outcome</b> (%(moves)s).<br>"
                "Eligible: %(eb)d → %(ea)d.<br>"
                "<b>Committed credit: USD %(cb)s → USD %(ca)s</b> (%(delta)s; year 1 of eligible applications "
                "%(y1b)s → %(y1a)s, year 2 of %(members)d members in year 1 %(y2b)s → %(y2a)s)."
            )
            % {
                "changed": result["changed_count"],
                "total": result["applications"],
                "moves": moves,
                "eb": result["eligible"]["before"],
                "ea": result["eligible"]["after"],
                "cb": display(committed["before"]),
                "ca": display(committed["after"]),
                "delta": ("+" if delta > 0 else "") + display(delta),
                "y1b": display(committed["year_one_before"]),
                "y1a": display(committed["year_one_after"]),
                "members": result["members_in_year_one"],
                "y2b": display(committed["year_two_before"]),
                "y2a": display(committed["year_two_after"]),
            }
        )
        rows = result["changed"][:5000]  # the count above is exact; a list this long is for export
        self.changed.setRowCount(len(rows))
        for row, item in enumerate(rows):
            rules = "; ".join(f"{name}: {was} → {now}" for name, (was, now) in item["rules"].items())
            cells = (item["id"], item["company"], f"{item['before']} → {item['after']}", rules)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item["application"])
                self.changed.setItem(row, column, cell)
        self.changed.resizeColumnsToContents()

    def _open(self, row: int, _column: int) -> None:
        item = self.changed.item(row, 0)
        if item is not None:
            self.open_application.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def open_whatif_dialog(parent, database, runner: TaskRunner) -> WhatIfDialog:
    """Shown, not modal; its `open_application(id)` is the lead's to connect to the window."""
    dialog = WhatIfDialog(database, runner, parent)
    dialog.show()
    dialog.load()
    return dialog
