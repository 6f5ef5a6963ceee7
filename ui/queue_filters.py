"""The queue's filter bar: saved filters, search, status, eligibility, country, partner, dates."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QDate, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.queries import QueueFilter
from ui.dialogs import ask_text
from ui.queue_model import status_label

OPEN = ("new", "in_review", "needs_info")
STATUSES = ("new", "in_review", "needs_info", "accepted", "rejected", "withdrawn")


def tr(text: str) -> str:
    return QApplication.translate("QueuePane", text)  # the pane's strings, translated as before the split


def presets() -> dict[str, QueueFilter]:
    return {
        tr("Open queue"): QueueFilter(statuses=OPEN),
        tr("Eligible, not yet reviewed"): QueueFilter(statuses=("new",), eligibility=("eligible",)),
        tr("Needs info"): QueueFilter(statuses=("needs_info",)),
        tr("Possible duplicates"): QueueFilter(statuses=OPEN, flagged_only=True),
        # the day is the filter bar's today when it is applied (see QueueFilterBar.current)
        tr("Overdue answers"): QueueFilter(statuses=("needs_info",), overdue_on=date.max),
        tr("All applications"): QueueFilter(),
    }


class QueueFilterBar(QWidget):
    """Two rows of filters (so that the pane fits a 1024-pixel-wide screen). `edited` says the
    person changed one; `put()` sets them all without it."""

    edited = Signal()

    def __init__(self, parent=None, today=None):
        super().__init__(parent)
        self.today = today  # the database's clock: what "overdue" is measured against
        self._quiet = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.saved = QComboBox()
        self.saved.setAccessibleName(tr("Saved filters"))
        self._load_saved_filters()
        self.saved.activated.connect(lambda _: self.use_saved(self.saved.currentText()))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search company, contact, e-mail, domain (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search"))
        self.search_timer = QTimer(self, singleShot=True, interval=250)
        self.search_timer.timeout.connect(self._edited)
        self.search.textChanged.connect(lambda _: self._quiet or self.search_timer.start())
        self.status = self._combo(
            tr("Status"),
            [(tr("Open"), OPEN), (tr("Any status"), ())] + [(status_label(s), (s,)) for s in STATUSES],
        )
        self.eligibility = self._combo(
            tr("Eligibility"),
            [
                (tr("Any eligibility"), ()),
                (tr("Eligible"), ("eligible",)),
                (tr("Ineligible"), ("ineligible",)),
                (tr("Incomplete"), ("incomplete",)),
            ],
        )
        self.country = self._combo(tr("Country"), [(tr("Any country"), "")])
        self.partner = self._combo(tr("Partner"), [(tr("Any partner"), "")])
        self.date_from = self._date(tr("Submitted from"))
        self.date_to = self._date(tr("Submitted until"))
        self.flagged = QCheckBox(tr("Duplicates only"))
        self.flagged.toggled.connect(self._edited)
        self.overdue = QCheckBox(tr("Overdue answers"))
        self.overdue.setToolTip(tr("Needs info, and the answer-by date has passed"))
        self.overdue.toggled.connect(self._edited)
        save = QPushButton(tr("Save filter…"))
        save.clicked.connect(self.save_filter)
        bar.addWidget(self.saved)
        bar.addWidget(self.search, 1)
        bar.addWidget(save)
        filters = QHBoxLayout()
        for widget in (self.status, self.eligibility, self.country, self.partner):
            filters.addWidget(widget)
        filters.addWidget(QLabel(tr("Submitted from")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.flagged)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        layout.addLayout(bar)
        layout.addLayout(filters)
        self._quiet = False

    def _edited(self, *_args) -> None:
        if not self._quiet:
            self.edited.emit()

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        for label, data in items:
            box.addItem(label, data)
        box.currentIndexChanged.connect(self._edited)
        return box

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1999, 12, 31))
        edit.setSpecialValueText(tr("any"))
        edit.setDate(edit.minimumDate())
        edit.dateChanged.connect(self._edited)
        return edit

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """The countries and partners to filter by (read on the worker); what is chosen stays."""
        self._quiet = True
        for box, values in ((self.country, choices["countries"]), (self.partner, choices["partners"])):
            chosen = box.currentData()
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(value, value)
            _select_data(box, chosen)
        self._quiet = False

    def current(self) -> QueueFilter:
        def day(edit: QDateEdit):
            return None if edit.date() == edit.minimumDate() else edit.date().toPython()

        return QueueFilter(
            statuses=tuple(self.status.currentData() or ()),
            eligibility=tuple(self.eligibility.currentData() or ()),
            country=self.country.currentData() or "",
            partner=self.partner.currentData() or "",
            submitted_from=day(self.date_from),
            submitted_to=day(self.date_to),
            text=self.search.text(),
            flagged_only=self.flagged.isChecked(),
            overdue_on=self.today() if self.overdue.isChecked() and self.today else None,
        )

    def put(self, queue: QueueFilter) -> None:
        """Show a filter in the widgets without announcing an edit."""
        self._quiet = True
        _select_data(self.status, queue.statuses)
        _select_data(self.eligibility, queue.eligibility)
        _select_data(self.country, queue.country)
        _select_data(self.partner, queue.partner)
        self.search.setText(queue.text)
        self.flagged.setChecked(queue.flagged_only)
        self.overdue.setChecked(queue.overdue_on is not None)
        for edit, value in ((self.date_from, queue.submitted_from), (self.date_to, queue.submitted_to)):
            edit.setDate(QDate(value) if value else edit.minimumDate())
        self.search_timer.stop()
        self._quiet = False

    # ---- saved filters -----------------------------------------------------------

    def _load_saved_filters(self) -> None:
        self.saved.clear()
        self.saved.addItem(tr("Saved filters…"))
        self._saved = dict(presets())
        stored = QSettings().value("queue/saved_filters", "{}")
        try:
            for name, fields in json.loads(stored).items():
                self._saved[name] = _filter_from_json(fields)
        except (ValueError, TypeError):
            pass
        for name in self._saved:
            self.saved.addItem(name)

    def use_saved(self, name: str) -> None:
        if name in self._saved:
            self.put(self._saved[name])
            self.edited.emit()

    def save_filter(self) -> None:
        name = ask_text(self, tr("Save filter"), tr("Name of this filter:"))
        if not name:
            return
        stored = json.loads(QSettings().value("queue/saved_filters", "{}") or "{}")
        stored[name] = _filter_to_json(self.current())
        QSettings().setValue("queue/saved_filters", json.dumps(stored))
        self._load_saved_filters()


def _select_data(box: QComboBox, value) -> None:
    """Select the item whose data is `value` (Qt hands tuples back as lists)."""

    def plain(data):
        return tuple(data) if isinstance(data, (tuple, list)) else data

    for index in range(box.count()):
        if plain(box.itemData(index)) == plain(value):
            box.setCurrentIndex(index)
            return
    box.setCurrentIndex(0)


def _filter_to_json(queue: QueueFilter) -> dict:
    return {
        "statuses": list(queue.statuses),
        "eligibility": list(queue.eligibility),
        "country": queue.country,
        "partner": queue.partner,
        "submitted_from": queue.submitted_from.isoformat() if queue.submitted_from else None,
        "submitted_to": queue.submitted_to.isoformat() if queue.submitted_to else None,
        "text": queue.text,
        "flagged_only": queue.flagged_only,
        "overdue": queue.overdue_on is not None,
    }


def _filter_from_json(fields: dict) -> QueueFilter:
    return QueueFilter(
        statuses=tuple(fields.get("statuses", ())),
        eligibility=tuple(fields.get("eligibility", ())),
        country=fields.get("country", ""),
        partner=fields.get("partner", ""),
        submitted_from=date.fromisoformat(fields["submitted_from"]) if fields.get("submitted_from") else None,
        submitted_to=date.fromisoformat(fields["submitted_to"]) if fields.get("submitted_to") else None,
        text=fields.get("text", ""),
        flagged_only=bool(fields.get("flagged_only")),
        overdue_on=date.max if fields.get("overdue") else None,  # today, once applied
    )
