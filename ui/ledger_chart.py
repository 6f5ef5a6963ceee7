"""The Ledger pane's program totals and a member's burn-down chart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen

from app.ledger_queries import MemberSummary
from models.forecast import projection as forecast_projection
from models.money import display

_GAP = "padding-left: 16px"  # between the month table's columns: the figures do not run together


def totals_html(totals, tr) -> str:
    members = " · ".join(f"{label}: {count}" for label, count in totals.members_by_year.items()) or "—"
    recent = "".join(
        f"<tr><td>{month}</td><td align='right' style='{_GAP}'>{display(applied)}</td>"
        f"<td align='right' style='{_GAP}'>{display(expired)}</td></tr>"
        for month, applied, expired in totals.by_month[-3:]
    )
    return (
        f"<b>{tr('Outstanding credit liability')}:</b> USD {display(totals.liability)} {tr('available now')}"
        + (f", USD {display(totals.committed)} {tr('committed for later')}" if totals.committed else "")
        + " &nbsp;&nbsp; "
        f"<b>{tr('Last closed month')}:</b> {totals.last_closed or '—'}"  # its figures: the table's last row
        + f" &nbsp;&nbsp; <b>{tr('Members')}:</b> {members}"
        + (
            f"<table cellspacing='0' cellpadding='1'><tr><th align='left'>{tr('Month')}</th><th style='{_GAP}'>{tr('Credit applied')}</th>"
            f"<th style='{_GAP}'>{tr('Credit expired')}</th></tr>{recent}</table>"
            if recent
            else ""
        )
    )


def make_chart_view():
    from PySide6.QtCharts import QChart, QChartView

    chart = QChart()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    view.setAccessibleName("Credit left over time")
    return view


def draw_burn_down(
    view, workspace: str, history: list[tuple[date, int]], member: MemberSummary, tr, today: date
) -> None:
    """Credit left over time (a step line) and where the recent burn rate leads."""
    from PySide6.QtCharts import QDateTimeAxis, QLineSeries, QValueAxis
    from PySide6.QtCore import QDate, QDateTime, QTime

    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.setTitle(tr("Credit left — %s") % workspace)
    if not history:
        return

    def moment(day: date) -> QDateTime:
        return QDateTime(QDate(day), QTime(0, 0))

    def stamp(day: date) -> float:
        return moment(day).toMSecsSinceEpoch()

    balance = QLineSeries()
    balance.setName(tr("balance (USD)"))
    previous = None
    for day, cents in history:
        if previous is not None:
            balance.append(stamp(day), previous / 100)
        balance.append(stamp(day), cents / 100)
        previous = cents
    last_day = max(history[-1][0], today)
    balance.append(stamp(last_day), history[-1][1] / 100)
    chart.addSeries(balance)
    end = last_day
    if member.burn_per_month > 0 and member.balance > 0:
        projection = QLineSeries()
        projection.setName(tr("projection at the recent bills' pace"))
        pen = QPen(projection.pen())
        pen.setStyle(Qt.PenStyle.DashLine)
        projection.setPen(pen)
        after = (last_day.year, last_day.month)
        for day, cents in forecast_projection(member.balance, member.burn_per_month, after, member.expires_on):
            projection.append(stamp(day), cents / 100)
            end = day
        chart.addSeries(projection)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("yyyy-MM")
    x_axis.setRange(moment(history[0][0]), moment(end))
    y_axis = QValueAxis()
    y_axis.setLabelFormat("%'.0f")
    y_axis.setRange(0, max(c for _, c in history) / 100 * 1.05 or 1)
    y_axis.applyNiceNumbers()  # ticks at 0, 5,000, 10,000 … rather than 6,563
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for series in chart.series():
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
