"""The what-if dialog's two list inputs: each partner's credit, and the eligible territories picked
from the policy's territory list (a checkable list, never free text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.money import display, parse_usd
from ui.ledger_models import RIGHT

CODE = Qt.ItemDataRole.UserRole


class PartnerCreditTable(QTableWidget):
    """Partner, a year's credit now (the program's when the partner sets none), and the credit under
    the change (editable). `changed()` names only the partners whose credit differs."""

    def __init__(self, parent=None):
        super().__init__(0, 3, parent)
        self.setAccessibleName(self.tr("Partner credit"))
        self.setHorizontalHeaderLabels([self.tr("Partner"), self.tr("Now"), self.tr("Changed")])
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._now: dict[str, int | None] = {}

    def fill(self, partners: list[tuple[str, str, int | None, bool]], annual: int) -> None:
        """(code, name, credit or None for the program's, active); inactive partners' members get the program's."""
        shown = [(code, name, amount) for code, name, amount, active in partners if active]
        self._now = {code: amount for code, _, amount in shown}
        self.setRowCount(len(shown))
        for row, (code, name, amount) in enumerate(shown):
            partner = QTableWidgetItem(f"{name} ({code})")
            partner.setData(CODE, code)
            partner.setFlags(partner.flags() & ~Qt.ItemFlag.ItemIsEditable)
            now = QTableWidgetItem(display(amount) if amount is not None else self.tr("program's"))
            now.setToolTip(self.tr("program's: the annual credit, as changed above"))
            now.setFlags(now.flags() & ~Qt.ItemFlag.ItemIsEditable)
            now.setTextAlignment(RIGHT)
            new = QTableWidgetItem(display(amount) if amount is not None else "")
            new.setTextAlignment(RIGHT)
            new.setToolTip(self.tr("blank: the program's annual credit"))
            for column, item in enumerate((partner, now, new)):
                self.setItem(row, column, item)
        self.resizeColumnToContents(1)
        self.setColumnWidth(2, max(self.columnWidth(1), self.fontMetrics().horizontalAdvance("000,000.00") + 16))

    def set_credit(self, code: str, text: str) -> None:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(CODE) == code:
                self.item(row, 2).setText(text)
                return
        raise KeyError(code)

    def changed(self) -> tuple[tuple[str, int], ...]:
        """(code, cents) of each partner whose credit the person changed (a bad amount raises)."""
        out = []
        for row in range(self.rowCount()):
            code, text = self.item(row, 0).data(CODE), self.item(row, 2).text().strip()
            if not text:
                continue  # the program's: follows the annual credit
            cents = parse_usd(text)
            if cents != self._now.get(code):
                out.append((code, cents))
        return tuple(out)


class TerritoryPicker(QWidget):
    """The territory list in force, each territory checked when eligible; a filter narrows what is shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.label = QLabel(self.tr("Eligible territories:"))
        top.addWidget(self.label, 1)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a territory"))
        self.filter.setAccessibleName(self.tr("Find a territory"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._narrow)
        top.addWidget(self.filter, 1)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Eligible territories"))
        self.list.itemChanged.connect(self._count)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.check_shown = QPushButton(self.tr("Check shown"))
        self.check_shown.clicked.connect(lambda: self._set_shown(Qt.CheckState.Checked))
        self.uncheck_shown = QPushButton(self.tr("Uncheck shown"))
        self.uncheck_shown.clicked.connect(lambda: self._set_shown(Qt.CheckState.Unchecked))
        row.addWidget(self.check_shown)
        row.addWidget(self.uncheck_shown)
        row.addStretch(1)
        layout.addLayout(row)

    def fill(self, territories: list[tuple[str, str, bool]]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for code, name, eligible in territories:
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(CODE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if eligible else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._narrow(self.filter.text())
        self._count()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def set_checked(self, code: str, checked: bool) -> None:
        for item in self.items():
            if item.data(CODE) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(code)

    def checked(self) -> frozenset[str]:
        return frozenset(item.data(CODE) for item in self.items() if item.checkState() == Qt.CheckState.Checked)

    def _narrow(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self.items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _set_shown(self, state: Qt.CheckState) -> None:
        for item in self.items():
            if not item.isHidden():
                item.setCheckState(state)

    def _count(self, *_args) -> None:
        self.label.setText(self.tr("Eligible territories: %d of %d") % (len(self.checked()), self.list.count()))
