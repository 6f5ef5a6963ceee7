"""Policy what-if (SPEC 10): change the funding cap, age limit, annual credit, partner credit or the
territory list and see, writing nothing, which open applications change outcome, what it does to
committed credit and to the forecast; then, if wanted, make it the policy from a date (SPEC 1: a new
version, never a rewritten past decision; Edit → Undo takes a version still to come back).

Every read and write runs on the task runner. Double-clicking an application emits `open_application(id)`.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.policy_versions import (
    NewPolicyVersion,
    WithdrawPolicyVersion,
    new_policy_version,
    withdraw_policy_version,
)
from app.services.whatif import WhatIf, what_if, whatif_setting
from models.money import display, parse_usd
from models.whatif import PolicyChange
from ui.dialogs import show_error
from ui.ledger_models import RIGHT
from ui.tasks import TaskRunner
from ui.undo import TaskCommand
from ui.whatif_inputs import PartnerCreditTable, TerritoryPicker


def _read_only_table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class WhatIfDialog(QDialog):
    open_application = Signal(int)  # the application's row id
    policy_made = Signal(dict)  # a new policy version was made (or made again by Redo)

    def __init__(self, database, runner: TaskRunner, parent=None, undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.policy = None
        self.today = None
        self.result: dict | None = None
        self.made: dict | None = None
        self.setWindowTitle(self.tr("Policy what-if"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Change the policy and evaluate it against the open applications and the members. "
                "Nothing is saved unless you make it the policy from a date."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        inputs = QWidget()
        left = QVBoxLayout(inputs)
        left.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.funding_cap = QLineEdit()
        self.funding_cap.setAccessibleName(self.tr("Funding cap (USD)"))
        self.funding_cap.setAlignment(RIGHT)
        self.age = QSpinBox()
        self.age.setRange(1, 100)
        self.age.setSuffix(self.tr(" years"))
        self.age.setAccessibleName(self.tr("Age limit"))
        self.annual_credit = QLineEdit()
        self.annual_credit.setAccessibleName(self.tr("Annual credit (USD)"))
        self.annual_credit.setAlignment(RIGHT)
        form.addRow(self.tr("Funding cap (USD):"), self.funding_cap)
        form.addRow(self.tr("Age limit:"), self.age)
        form.addRow(self.tr("Annual credit (USD):"), self.annual_credit)
        left.addLayout(form)
        left.addWidget(QLabel(self.tr("Partner credit (USD a year):")))
        self.partners = PartnerCreditTable()
        left.addWidget(self.partners, 1)
        self.territories = TerritoryPicker()
        left.addWidget(self.territories, 2)
        self.evaluate_button = QPushButton(self.tr("Evaluate"))
        self.evaluate_button.setEnabled(False)
        self.evaluate_button.setDefault(True)
        self.evaluate_button.clicked.connect(self.evaluate)
        left.addWidget(self.evaluate_button)
        splitter.addWidget(inputs)

        results = QWidget()
        right = QVBoxLayout(results)
        right.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self.tr("Reading the policy in force…"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        right.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.changed = _read_only_table(
            [self.tr("Application"), self.tr("Company"), self.tr("Outcome"), self.tr("Rules that change")],
            self.tr("Applications that change outcome"),
        )
        self.changed.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.changed.cellDoubleClicked.connect(self._open)
        self.tabs.addTab(self.changed, self.tr("Applications that change outcome"))
        forecast_page = QWidget()
        page = QVBoxLayout(forecast_page)
        self.forecast_note = QLabel()
        self.forecast_note.setWordWrap(True)
        page.addWidget(self.forecast_note)
        self.forecast = _read_only_table(
            [
                self.tr("Month"),
                self.tr("Applied now"),
                self.tr("Applied changed"),
                self.tr("Difference"),
                self.tr("Expiring now"),
                self.tr("Expiring changed"),
            ],
            self.tr("Forecast of year 2 credit"),
        )
        self.forecast.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        page.addWidget(self.forecast, 1)
        self.tabs.addTab(forecast_page, self.tr("Effect on the forecast"))
        right.addWidget(self.tabs, 1)
        splitter.addWidget(results)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 720])

        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Make this the policy from:")))
        self.effective_from = QDateEdit()
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setDisplayFormat("yyyy-MM-dd")
        self.effective_from.setAccessibleName(self.tr("Effective from"))
        bottom.addWidget(self.effective_from)
        self.make_button = QPushButton(self.tr("Make it the policy"))
        self.make_button.setToolTip(
            self.tr(
                "A new policy version from this date: applications submitted and grants made from then on "
                "follow it; decisions already made keep the policy they were made under."
            )
        )
        self.make_button.setEnabled(False)
        self.make_button.clicked.connect(self.make_policy)
        bottom.addWidget(self.make_button)
        bottom.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(1120, 700)

    def load(self) -> None:
        """Read the policy in force, its territory list and the partners (on the runner), and fill the form."""
        database = self.database
        self.runner.run(
            lambda progress, cancelled: database.query(whatif_setting),
            self._setting_read,
            lambda error: show_error(self, self.tr("Cannot read the policy"), error),
            owner=self,
        )

    def _setting_read(self, setting: dict) -> None:
        policy = self.policy = setting["policy"]
        self.today = setting["today"]
        self.funding_cap.setText(display(policy.max_funding))
        self.age.setValue(policy.max_age_years)
        self.annual_credit.setText(display(policy.annual_credit))
        self.partners.fill(setting["partners"], policy.annual_credit)
        self.territories.fill(setting["territories"])
        tomorrow = QDate(self.today.year, self.today.month, self.today.day).addDays(1)
        self.effective_from.setMinimumDate(tomorrow)
        if self.effective_from.date() < tomorrow:
            self.effective_from.setDate(tomorrow)
        self.evaluate_button.setEnabled(True)
        self.make_button.setEnabled(True)
        if self.result is None:
            self.summary.setText(
                self.tr("Policy version %d in force. Change a value and press Evaluate.") % policy.version
            )

    def change(self) -> PolicyChange:
        """The form as a change: only what differs from the policy in force."""
        policy = self.policy
        cap = parse_usd(self.funding_cap.text())
        credit = parse_usd(self.annual_credit.text())
        codes = self.territories.checked()
        return PolicyChange(
            funding_cap=None if cap == policy.max_funding else cap,
            max_age_years=None if self.age.value() == policy.max_age_years else self.age.value(),
            annual_credit=None if credit == policy.annual_credit else credit,
            partner_credit=self.partners.changed(),
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
            owner=self,
        )

    def _evaluated(self, result: dict) -> None:
        self.result = result
        self.evaluate_button.setEnabled(True)
        committed = result["committed"]
        delta = committed["after"] - committed["before"]
        moves = ", ".join(f"{move}: {count}" for move, count in result["moves"].items()) or self.tr("none")
        rows = [
            (
                self.tr("Applications changing outcome"),
                f"{result['changed_count']:,} of {result['applications']:,}",
                moves,
            ),
            (
                self.tr("Eligible applications"),
                f"{result['eligible']['before']:,} → {result['eligible']['after']:,}",
                "",
            ),
            (
                self.tr("<b>Committed credit (USD)</b>"),
                f"<b>{display(committed['before'])} → {display(committed['after'])}</b>",
                f"<b>{('+' if delta > 0 else '') + display(delta)}</b>",
            ),
            (
                self.tr("&nbsp;&nbsp;year 1 of the eligible applications"),
                f"{display(committed['year_one_before'])} → {display(committed['year_one_after'])}",
                "",
            ),
            (
                self.tr("&nbsp;&nbsp;year 2 of the %d members in year 1") % result["members_in_year_one"],
                f"{display(committed['year_two_before'])} → {display(committed['year_two_after'])}",
                "",
            ),
        ]
        # our own labels and figures only (no applicant's text): rich text for the table
        self.summary.setText(
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(
                f"<tr><td>{label}</td><td align='right'>&nbsp;&nbsp;{value}</td><td>&nbsp;&nbsp;{note}</td></tr>"
                for label, value, note in rows
            )
            + "</table>"
        )
        self._fill_changed(result["changed"][:5000])  # the count above is exact; a list this long is for export
        self._fill_forecast(result["forecast"])

    def _fill_changed(self, rows: list[dict]) -> None:
        self.changed.setRowCount(len(rows))
        for row, item in enumerate(rows):
            rules = "; ".join(f"{name}: {was} → {now}" for name, (was, now) in item["rules"].items())
            cells = (item["id"], item["company"], f"{item['before']} → {item['after']}", rules)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item["application"])
                self.changed.setItem(row, column, cell)
        self.changed.resizeColumnsToContents()
        self.tabs.setTabText(0, self.tr("Applications that change outcome (%d)") % self.result["changed_count"])

    def _fill_forecast(self, rows: list[dict]) -> None:
        if not rows:
            self.forecast_note.setText(
                self.tr(
                    "The change grants no member a different amount: the program forecast stays as it is. "
                    "(Applications in the queue have no bills yet; their year 1 is in committed credit.)"
                )
            )
            self.forecast.setRowCount(0)
            return
        keys = ("applied_before", "applied_after", "difference", "expiring_before", "expiring_after")
        rows = [{**row, "difference": row["applied_after"] - row["applied_before"]} for row in rows]
        totals = {key: sum(row[key] for row in rows) for key in keys}
        self.forecast_note.setText(
            self.tr(
                "Year 2 of the members in year 1, granted at their anniversary and drawn at the pace of their "
                "recent bills. Over %(n)d months: applied USD %(ab)s → %(aa)s, expiring USD %(eb)s → %(ea)s."
            )
            % {
                "n": len(rows),
                "ab": display(totals["applied_before"]),
                "aa": display(totals["applied_after"]),
                "eb": display(totals["expiring_before"]),
                "ea": display(totals["expiring_after"]),
            }
        )
        self.forecast.setRowCount(len(rows) + 1)
        bold = self.forecast.font()
        bold.setBold(True)
        for number, row in enumerate([*rows, {"month": self.tr("Total"), **totals}]):
            cells = [QTableWidgetItem(row["month"])]
            for key in keys:
                amount = row[key]
                cell = QTableWidgetItem(("+" if key == "difference" and amount > 0 else "") + display(amount))
                cell.setTextAlignment(RIGHT)
                cells.append(cell)
            for column, cell in enumerate(cells):
                if number == len(rows):
                    cell.setFont(bold)
                self.forecast.setItem(number, column, cell)

    def make_policy(self) -> None:
        """The form as a new policy version from the chosen date, on the runner; undoable while to come."""
        try:
            change = self.change()
        except Exception as exc:
            show_error(self, self.tr("Make this the policy"), exc)
            return
        command = NewPolicyVersion(change, self.effective_from.date().toPython())
        database = self.database
        self.make_button.setEnabled(False)

        def withdraw(version: int):
            def undo():
                database.run(withdraw_policy_version, WithdrawPolicyVersion(version))
                return redo

            return undo

        def redo():
            made = database.run(new_policy_version, command)
            return withdraw(made["version"])

        def done(made: dict) -> None:
            self.made = made
            self.make_button.setEnabled(True)
            text = self.tr("Policy version %(v)d from %(d)s") % {"v": made["version"], "d": made["effective_from"]}
            self.undo_stack.push(
                TaskCommand(self.runner, self, text, withdraw(made["version"]), redo, self._after_undo)
            )
            self.summary.setText(
                self.tr(
                    "<b>Policy version %(v)d takes effect on %(d)s</b> (version %(was)d until then). Applications "
                    "submitted and grants made from that day follow it; decisions already made keep theirs. "
                    "Edit → Undo takes it back while it is still to come."
                )
                % {"v": made["version"], "d": made["effective_from"], "was": made["was_version"]}
            )
            self.policy_made.emit(made)

        def failed(error) -> None:
            self.make_button.setEnabled(True)
            show_error(self, self.tr("Make this the policy"), error)

        self.runner.run(lambda progress, cancelled: database.run(new_policy_version, command), done, failed, owner=self)

    def _after_undo(self, _result) -> None:
        self.load()

    def _open(self, row: int, _column: int) -> None:
        item = self.changed.item(row, 0)
        if item is not None:
            self.open_application.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def open_whatif_dialog(parent, database, runner: TaskRunner, undo_stack: QUndoStack | None = None) -> WhatIfDialog:
    """Shown, not modal; its `open_application(id)` is the lead's to connect to the window."""
    dialog = WhatIfDialog(database, runner, parent, undo_stack)
    dialog.show()
    dialog.load()
    return dialog
