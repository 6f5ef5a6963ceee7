"""The queue's decisions: A, R, I and W, what they offer, the reason they ask for, and deciding
on the worker with an undo that runs there too."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton

from app.services.applications import ACTIONS, DecideMany, ReverseTransitions, decide_many, reverse_transitions
from models.applications import Status, can_decide
from ui.dialogs import ReasonDialog, show_error
from ui.queue_model import ELIGIBILITY, ID, STATUS, VERSION, application_label, status_label
from ui.undo import TaskCommand

RULE_REASONS = {
    "age": "failed rule: incorporated two years or more before applying",
    "funding": "failed rule: raised more than USD 5,000,000",
    "territory": "failed rule: not in an eligible territory",
    "previous_discount": "failed rule: already received a Segment discount",
}


def tr(text: str) -> str:
    return QApplication.translate("QueuePane", text)  # the pane's strings, translated as before the split


def decision_undo(database, ids: list[int], action: str, reason: str, transitions: tuple[int, ...], text: str):
    """The undo of a decision as data (for ui.undo.TaskCommand): undoing records reversals and
    returns the redo; redoing decides again and returns the undo of that new decision. Both
    run on the worker."""

    def undo():
        database.run(reverse_transitions, ReverseTransitions(transitions, f"undo: {text}"))
        return redo

    def redo():
        results = database.run(decide_many, DecideMany(ids, action, reason))
        again = tuple(t for r in results for t in r.transitions)
        return decision_undo(database, ids, action, reason, again, text)

    return undo


class Decisions(QObject):
    """The four decisions of a queue pane: actions (for the Decide menu), buttons and keys.

    They are enabled only when every selected application can take them (the workflow's
    rules live in models.applications); a key pressed while its decision is not offered
    says why in the status bar.
    """

    def __init__(self, pane):
        super().__init__(pane)
        self.pane = pane
        self.actions: dict[str, QAction] = {}
        self.keys: dict[int, str] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.row = QHBoxLayout()
        for key, label, letter in (
            ("accept", tr("&Accept"), Qt.Key.Key_A),
            ("reject", tr("&Reject"), Qt.Key.Key_R),
            ("needs-info", tr("Needs &info"), Qt.Key.Key_I),
            ("withdraw", tr("&Withdraw"), Qt.Key.Key_W),
        ):
            hint = QKeySequence(letter).toString()
            # "\t" shows the key in menus; the key itself is handled by the queue's
            # event filter, so it acts only there and never while typing in a field.
            action = QAction(f"{label}\t{hint}", pane)
            action.setToolTip(f"{label.replace('&', '')} ({hint})")
            action.triggered.connect(lambda _=False, k=key: self.decide(k))
            self.actions[key] = action
            self.keys[int(letter.value)] = key
            button = QPushButton(f"{label.replace('&', '')}  [{hint}]")
            button.setAccessibleName(label.replace("&", ""))
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.buttons[key] = button
            self.row.addWidget(button)

    def key_pressed(self, key: int) -> bool:
        """A decision's key in the queue: decide, or say why not. False for other keys."""
        decision = self.keys.get(key)
        if decision is None:
            return False
        if self.actions[decision].isEnabled():
            self.actions[decision].trigger()
        else:
            self.pane.status_message.emit(self.why_not(decision))
        return True

    def update(self, tuples: list[tuple] | None) -> None:
        """Offer what every selected application (`tuples`; None while one is being read) can take."""
        for key, action in self.actions.items():
            target = ACTIONS[key]
            action.setEnabled(bool(tuples) and all(can_decide(Status(t[STATUS]), target) for t in tuples))

    def why_not(self, key: str) -> str:
        tuples = self.pane.selected_tuples()
        if not tuples:
            return tr("Select an application first.")
        target = ACTIONS[key]
        stuck = [t for t in tuples if not can_decide(Status(t[STATUS]), target)]
        return tr("%s is %s: it cannot be decided that way.") % (
            application_label(stuck[0]),
            status_label(stuck[0][STATUS]).lower(),
        )

    def decide(self, action: str) -> None:
        pane = self.pane
        rows = pane.selected_rows()
        tuples = pane.selected_tuples()
        if not tuples or not self.actions[action].isEnabled():
            return
        reason = self._ask_reason(action, tuples)
        if reason is None:
            return
        ids = [t[ID] for t in tuples]
        versions = {t[ID]: t[VERSION] for t in tuples}
        first_row = rows[0]
        label = {
            "accept": tr("Accept"),
            "reject": tr("Reject"),
            "needs-info": tr("Needs info"),
            "withdraw": tr("Withdraw"),
        }[action]
        text = (
            tr("%s %d applications") % (label, len(ids)) if len(ids) > 1 else f"{label} {application_label(tuples[0])}"
        )
        database = pane.database

        def work(progress, cancelled):
            return database.run(decide_many, DecideMany(ids, action, reason, versions=versions))

        def done(results) -> None:
            transitions = tuple(t for r in results for t in r.transitions)
            undo = decision_undo(database, ids, action, reason, transitions, text)
            pane.undo_stack.push(TaskCommand(pane.runner, pane, text, undo, None, lambda _: pane.after_write(ids[0])))
            pane.after_write(None, first_row)
            pane.status_message.emit(tr("%s: done") % text)

        def refused(error: Exception) -> None:
            show_error(pane, tr("Not decided"), error)
            pane.after_write(None, first_row)

        pane.runner.run(work, done, refused, owner=pane)

    def _ask_reason(self, action: str, tuples: list[tuple]) -> str | None:
        pane = self.pane
        if action == "reject":
            suggestions = self._failed_rule_reasons(tuples) + ["duplicate"]
            return ReasonDialog.ask(pane, tr("Reject"), tr("Why is this application rejected?"), suggestions)
        if action == "accept":
            doubtful = [t for t in tuples if t[ELIGIBILITY] != "eligible"]
            if not doubtful:
                return ""
            return ReasonDialog.ask(
                pane,
                tr("Accept with an override"),
                tr(
                    "%d of the selected applications are not eligible (ineligible or incomplete). Why accept them anyway?"
                )
                % len(doubtful),
                [],
            )
        if action == "needs-info":
            return ReasonDialog.ask(
                pane,
                tr("Ask for information"),
                tr("What is missing?"),
                [
                    "incorporation date",
                    "total funding in USD",
                    "whether a Segment discount was received before",
                    "proof of incorporation",
                ],
                required=False,
            )
        return ReasonDialog.ask(
            pane, tr("Withdraw"), tr("Why is it withdrawn? (optional)"), ["withdrawn by the applicant"], required=False
        )

    def _failed_rule_reasons(self, tuples: list[tuple]) -> list[str]:
        """The failed rules of the one selected application, from the detail already read (never a read here)."""
        detail = self.pane.shown_detail
        if len(tuples) != 1 or detail is None or detail["row"]["id"] != tuples[0][ID]:
            return []
        return [f"{RULE_REASONS[rule]} ({reason})" for rule, outcome, reason in detail["rules"] if outcome == "fail"]
