"""The program forecast (SPEC 10): credit forecast to be applied, by partner, and to expire, month by
month for the next 12 months — a chart finance can show in a meeting, the figures beside it, and
the same figures as a workbook. Read and written on the task runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.exports.forecast import ExportForecast, ProgramForecast, export_forecast, partner_label, read_program_forecast
from models.money import display
from ui import file_dialogs
from ui.dialogs import show_error
from ui.ledger_models import RIGHT
from ui.pane_reads import LatestReads
from ui.tasks import TaskRunner

EXPIRING_COLOR = QColor("#C0392B")
#: the partners' colours: blues, greens and violets, never a red that could read as "expiring"
PARTNER_COLORS = ("#2E86C1", "#28B463", "#7D3C98", "#17A589", "#5DADE2", "#A9CCE3", "#1D8348", "#BB8FCE")
ALL = None  # the partner choice "All partners"


class ForecastView(QWidget):
    """The chart (stacked bars above the axis: credit to be applied by partner; red bars below it:
    credit to expire unused) and
    a table of the same figures. `figures` is what was read last."""

    status_message = Signal(str)

    def __init__(self, database, runner: TaskRunner, parent=None, months: int = 12):
        super().__init__(parent)
        self.database, self.runner, self.months = database, runner, months
        self.reads = LatestReads(runner, self)
        self.figures: ProgramForecast | None = None
        self.loaded = False
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel(self.tr("Reading the forecast…"))
        self.summary.setWordWrap(True)
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("Partner"))
        self.partner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.partner.currentIndexChanged.connect(self._draw)
        self.export_button = QPushButton(self.tr("Export xlsx…"))
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.partner)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        from PySide6.QtCharts import QChart, QChartView

        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart = QChartView(chart)
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumHeight(320)
        self.chart.setAccessibleName(self.tr("Credit forecast chart"))
        layout.addWidget(self.chart, 2)
        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(self.tr("Credit forecast figures"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    # ---- reading -----------------------------------------------------------------

    def refresh(self) -> None:
        database, months = self.database, self.months
        self.reads.read(
            "forecast",
            lambda: database.query(lambda uow: read_program_forecast(uow, months)),
            self._loaded,
            lambda error: show_error(self, self.tr("Cannot read the forecast"), error),
        )

    def _loaded(self, figures: ProgramForecast) -> None:
        self.figures = figures
        chosen = self.partner.currentData()
        self.partner.blockSignals(True)
        self.partner.clear()
        self.partner.addItem(self.tr("All partners"), ALL)
        for code in figures.partners:
            self.partner.addItem(partner_label(code), code)
        index = self.partner.findData(chosen)
        self.partner.setCurrentIndex(max(index, 0))
        self.partner.blockSignals(False)
        self.loaded = True
        self._draw()

    def shown(self) -> tuple[list[str], dict[str, list[int]], list[int]]:
        """The partners drawn, their credit to be applied per month, and the credit to expire per month."""
        figures = self.figures
        assert figures is not None
        code = self.partner.currentData()
        partners = figures.partners if code is ALL else [code]
        expiring = [sum(figures.expiring[p][i] for p in partners) for i in range(len(figures.months))]
        return partners, {p: figures.applied[p] for p in partners}, expiring

    def _draw(self, *_args) -> None:
        if self.figures is None:
            return
        from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QStackedBarSeries, QValueAxis

        figures = self.figures
        partners, applied, expiring = self.shown()
        months = figures.months
        chart = self.chart.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("Credit forecast, %s to %s (USD)") % (months[0], months[-1]) if months else "")
        bars = QStackedBarSeries()
        for number, code in enumerate(partners):
            bar_set = QBarSet(self.tr("%s: to be applied") % partner_label(code))
            bar_set.setColor(QColor(PARTNER_COLORS[number % len(PARTNER_COLORS)]))
            for cents in applied[code]:
                bar_set.append(cents / 100)
            bars.append(bar_set)
        lost = QBarSet(self.tr("to expire unused (below the axis)"))
        lost.setColor(EXPIRING_COLOR)
        for cents in expiring:
            lost.append(-cents / 100)  # drawn below zero: credit the program loses (breakage)
        bars.append(lost)
        chart.addSeries(bars)
        x_axis = QBarCategoryAxis()
        x_axis.append(months)
        totals = [sum(applied[p][i] for p in partners) for i in range(len(months))]
        top, bottom = max([*totals, 0]) / 100, max([*expiring, 0]) / 100
        y_axis = QValueAxis()
        y_axis.setRange(-bottom * 1.1, top * 1.1 or 1)
        y_axis.setLabelFormat("%'.0f")
        y_axis.setTitleText(self.tr("USD: to be applied ↑, to expire ↓"))
        y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        self._fill_table(partners, applied, expiring, totals)
        self.summary.setText(
            self.tr("Next %d months: USD %s forecast to be applied, USD %s to expire unused.")
            % (len(months), display(sum(totals)), display(sum(expiring)))
        )

    def _fill_table(self, partners, applied, expiring, totals) -> None:
        months = self.figures.months
        headers = [
            self.tr("Month"),
            *(self.tr("%s applied") % partner_label(p) for p in partners),
            self.tr("Applied"),
            self.tr("To expire"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(months) + 1)
        rows = [
            [month, *(applied[p][row] for p in partners), totals[row], expiring[row]]
            for row, month in enumerate(months)
        ]
        rows.append([self.tr("Total"), *(sum(row[n] for row in rows) for n in range(1, len(headers)))])
        bold = self.table.font()
        bold.setBold(True)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(display(value) if column else value)
                if column:
                    item.setTextAlignment(RIGHT)
                if row == len(months):
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    # ---- export ------------------------------------------------------------------

    def export(self) -> None:
        suggested = Path.home() / f"credit-forecast-{self.figures.months[0] if self.figures else 'next'}.xlsx"
        name = file_dialogs.save_file(self, self.tr("Export the forecast"), str(suggested), self.tr("Excel (*.xlsx)"))
        if not name:
            return
        database, command = self.database, ExportForecast(Path(name), self.months)

        def done(figures: ProgramForecast) -> None:
            self.status_message.emit(self.tr("Forecast written to %s") % name)

        self.runner.run(
            lambda progress, cancelled: database.query(lambda uow: export_forecast(command, uow)),
            done,
            lambda error: show_error(self, self.tr("Export failed"), error),
            owner=self,
        )


def open_forecast_dialog(parent, database, runner: TaskRunner) -> QDialog:
    """The forecast in its own window (the Ledger pane's "Forecast…" opens it); shown, not modal."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("Program credit forecast"))
    layout = QVBoxLayout(dialog)
    view = ForecastView(database, runner, dialog)
    layout.addWidget(view)
    dialog.view = view
    dialog.resize(980, 680)
    dialog.show()
    view.refresh()
    return dialog
