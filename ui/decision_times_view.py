"""Time to decision (SPEC 9): days from application to decision by month and partner, as a
table and a bar chart of each month's average. Read on the task runner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from app.services.followups import time_to_decision
from ui.dialogs import show_error
from ui.row_models import Column, RowTableModel
from ui.tasks import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionTimesTableModel", text)


class DecisionTimesTableModel(RowTableModel):
    """Days to decision by month and partner (app.services.followups.time_to_decision)."""

    MONTH, PARTNER, DECIDED, AVERAGE, LONGEST = range(5)

    def __init__(self, parent=None):
        super().__init__(
            [
                Column(_tr("Month"), lambda row: row["month"]),
                Column(_tr("Partner"), lambda row: row["partner"] or _tr("(none)")),
                Column(_tr("Decided"), lambda row: str(row["decided"]), sort=lambda row: row["decided"], right=True),
                Column(
                    _tr("Average days"),
                    lambda row: f"{row['average_days']:.1f}",
                    sort=lambda row: row["average_days"],
                    right=True,
                ),
                Column(
                    _tr("Longest"),
                    lambda row: str(row["longest_days"]),
                    sort=lambda row: row["longest_days"],
                    right=True,
                ),
            ],
            parent,
        )


def monthly_average(rows: list[dict]) -> list[tuple[str, float]]:
    """Each month's average over its partners, weighted by how many were decided."""
    months: dict[str, tuple[int, float]] = {}
    for row in rows:
        count, total = months.get(row["month"], (0, 0.0))
        months[row["month"]] = (count + row["decided"], total + row["average_days"] * row["decided"])
    return [(month, total / count) for month, (count, total) in sorted(months.items()) if count]


class DecisionTimesChart(QWidget):
    """One bar per month: the average days to decision."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[tuple[str, float]] = []
        self.setMinimumHeight(160)
        self.setAccessibleName(self.tr("Average days to decision by month"))

    def set_bars(self, bars: list[tuple[str, float]]) -> None:
        self.bars = bars
        self.update()

    def paintEvent(self, _event) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        palette = self.palette()
        height, width = self.height() - 36, self.width()
        highest = max(days for _m, days in self.bars) or 1.0
        slot = width / len(self.bars)
        for number, (month, days) in enumerate(self.bars):
            bar = max(1.0, height * days / highest)
            left = number * slot + slot * 0.15
            painter.fillRect(
                QRectF(left, 18 + height - bar, slot * 0.7, bar), palette.color(QPalette.ColorRole.Highlight)
            )
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(number * slot, 18 + height, slot, 18), Qt.AlignmentFlag.AlignCenter, month)
            painter.drawText(
                QRectF(number * slot, 16 + height - bar - 18, slot, 18), Qt.AlignmentFlag.AlignCenter, f"{days:.0f}"
            )
        painter.end()


class DecisionTimesView(QWidget):
    loaded_changed = Signal()

    def __init__(self, database, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.database, self.runner, self.loaded = database, runner, False
        self.model = DecisionTimesTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.chart = DecisionTimesChart()
        self.summary = QLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        database = self.database
        self.runner.run(
            lambda progress, cancelled: database.query(time_to_decision),
            self._loaded,
            lambda error: show_error(self, self.tr("Cannot read the decision times"), error),
            owner=self,
        )

    def _loaded(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        self.chart.set_bars(monthly_average(rows))
        decided = sum(row["decided"] for row in rows)
        self.summary.setText(self.tr("%n decision(s)", "", decided) if rows else self.tr("No decisions yet"))
        self.loaded = True
        self.loaded_changed.emit()
