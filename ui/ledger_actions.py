"""The Ledger pane's actions: each runs on the task runner, and most are undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog

from app.services import ledger
from app.services.imports import ImportFile, import_usage
from models.money import display, parse_usd
from ui import dialogs, file_dialogs
from ui.dialogs import ReasonDialog, show_error
from ui.undo import TaskCommand


class LedgerActions:
    """Mixed into LedgerPane: the month's work and the corrections."""

    # ---- actions -----------------------------------------------------------------

    def _run(self, title: str, work, done_text, undoable=None) -> None:
        """Run a use case on the worker; `undoable(result)` gives (text, undo_work, redo_work) for Edit → Undo."""

        def done(result) -> None:
            text = done_text(result) if callable(done_text) else done_text
            self.status_message.emit(text)
            if undoable is not None:
                self.undo_stack.push(self._command(*undoable(result)))
            self.refresh()

        self.runner.run(
            lambda progress, cancelled: work(), done, lambda error: show_error(self, title, error), owner=self
        )

    def _command(self, text: str, undo_work, redo_work) -> TaskCommand:
        """Edit → Undo for an action done: its work runs on the runner; the pane reads again after."""
        return TaskCommand(self.runner, self, text, undo_work, redo_work, lambda _result: self.refresh())

    def member_deals(self) -> None:
        workspace = self._workspace_or_warn()
        if workspace:
            self.member_deals_requested.emit(workspace)

    def import_bills(self) -> None:
        name = file_dialogs.open_file(self, self.tr("Import bills"), str(Path.home()), self.tr("Usage (*.csv *.xlsx)"))
        if not name:
            return

        def done(report) -> None:
            text = self.tr("Bills: %d imported, %d already there, %d invalid rows") % (
                report.imported,
                report.duplicates,
                report.invalid_rows,
            )
            if report.invalid or report.restatements:
                details = [str(e) for e in report.invalid[:30]] + [
                    self.tr("needs restatement: %s") % r for r in report.restatements
                ]
                dialogs.inform(self, self.tr("Bills imported"), text + "\n\n" + "\n".join(details))
            self.status_message.emit(text)
            if report.bills_added or report.bills_changed:
                added, changed, database = report.bills_added, report.bills_changed, self.database

                def undo():
                    database.run(ledger.undo_bills, ledger.UndoBills(added, changed))

                def redo():
                    database.run(ledger.redo_bills, ledger.RedoBills(added, changed))
                    return undo

                self.undo_stack.push(self._command(self.tr("Import bills from %s") % Path(name).name, undo, redo))
            self.refresh()

        self.runner.run(
            lambda p, c: self.database.run(import_usage, ImportFile(name)),
            done,
            lambda e: show_error(self, self.tr("Import failed"), e),
            owner=self,
        )

    def close_month(self) -> None:
        from app.ledger_queries import last_closed_month

        database = self.database
        self.runner.run(
            lambda p, c: database.query(lambda uow: last_closed_month(uow.conn)),
            self._ask_close,
            lambda e: show_error(self, self.tr("Close month"), e),
            owner=self,
        )

    def _ask_close(self, last: str | None) -> None:
        month, ok = QInputDialog.getText(
            self, self.tr("Close month"), self.tr("Month to close (YYYY-MM):"), text=self._next_month(last)
        )
        if not ok or not month.strip():
            return
        month = month.strip()

        def preview() -> ledger.CloseSummary:
            return self.database.query(ledger.preview_close, month)

        def confirm(summary: ledger.CloseSummary) -> None:
            if summary.already_closed:
                dialogs.inform(self, self.tr("Close month"), self.tr("%s is already closed; nothing changes.") % month)
                return
            text = self.tr(
                "Closing %s will settle %d bills of %s:\n\ncredit applied: %s\nrenewal discounts: %s\ndue (overage): %s\ncredit expired: %s\n\nClose it?"
            ) % (
                month,
                summary.bills,
                display(summary.billed),
                display(summary.credit_applied),
                display(summary.discounts),
                display(summary.due),
                display(summary.expired),
            )
            if dialogs.confirm(self, self.tr("Close month"), text):
                database = self.database

                def reopen():
                    return database.run(ledger.reopen_month, ledger.ReopenMonth(month, "undo of the close"))

                def close_again():
                    database.run(ledger.close_month, ledger.CloseMonth(month))
                    return reopen

                self._run(
                    self.tr("Close month"),
                    lambda: database.run(ledger.close_month, ledger.CloseMonth(month)),
                    lambda s: self.tr("%s closed") % s.month,
                    lambda _summary: (self.tr("Close %s") % month, reopen, close_again),
                )

        self.runner.run(
            lambda p, c: preview(),
            confirm,
            lambda e: show_error(self, self.tr("Cannot close %s") % month, e),
            owner=self,
        )

    def _next_month(self, last: str | None) -> str:
        if not last:
            return self.database.clock.today().strftime("%Y-%m")
        year, number = int(last[:4]), int(last[5:])
        return f"{year + number // 12}-{number % 12 + 1:02d}"

    def _workspace_or_warn(self) -> str | None:
        workspace = self.selected_workspace()
        if workspace is None:
            dialogs.inform(self, self.tr("Ledger"), self.tr("Select a member first."))
        return workspace

    def adjust(self) -> None:
        workspace = self._workspace_or_warn()
        if not workspace:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Adjust credit"), self.tr("Amount for %s (negative to take credit away):") % workspace
        )
        if not ok or not text.strip():
            return
        try:
            amount = parse_usd(text)
        except Exception as exc:
            show_error(self, self.tr("Adjust credit"), exc)
            return
        reason = ReasonDialog.ask(self, self.tr("Adjust credit"), self.tr("Why?"), [])
        if reason:
            database = self.database

            def adjust_again():
                entry = database.run(ledger.adjust, ledger.Adjust(workspace, amount, reason))
                return lambda: database.run(ledger.reverse, ledger.Reverse(entry, f"undo: {reason}"))

            self._run(
                self.tr("Adjust credit"),
                lambda: database.run(ledger.adjust, ledger.Adjust(workspace, amount, reason)),
                self.tr("Adjustment of %s to %s") % (display(amount), workspace),
                lambda entry: (
                    self.tr("Adjust %s %s") % (workspace, display(amount).replace("-", "−")),
                    lambda: database.run(ledger.reverse, ledger.Reverse(entry, f"undo: {reason}")),
                    adjust_again,
                ),
            )

    def reverse(self) -> None:
        row = self.entries.currentRow()
        if row < 0:
            dialogs.inform(self, self.tr("Reverse entry"), self.tr("Select an entry of the member first."))
            return
        entry_id, workspace = int(self.entries.item(row, 0).text()), self.selected_workspace()
        reason = ReasonDialog.ask(
            self, self.tr("Reverse entry %d") % entry_id, self.tr("Why is this entry reversed?"), []
        )
        if reason:
            database = self.database

            def undo_of(reversal: int):
                def undo():
                    copy = database.run(ledger.reinstate_entry, ledger.ReinstateEntry(reversal, "undo"))

                    def redo():
                        return undo_of(database.run(ledger.reverse, ledger.Reverse(copy, reason)))

                    return redo

                return undo

            self._run(
                self.tr("Reverse entry"),
                lambda: database.run(ledger.reverse, ledger.Reverse(entry_id, reason)),
                self.tr("Entry %d reversed") % entry_id,
                lambda reversal: (self.tr("Reverse entry %d of %s") % (entry_id, workspace), undo_of(reversal), None),
            )

    def _confirm_program_year(self, title: str, question: str, work, done: str, undo=None, undo_text="") -> None:
        """Year two, graduate, renew: ask about the selected member, then run the use case.

        `undo(database, workspace, result)` takes the decision back (for Edit → Undo)."""
        workspace = self._workspace_or_warn()
        if not workspace or not dialogs.confirm(self, title, question % workspace):
            return
        database = self.database

        def again():
            result = work(database, workspace)
            return lambda: undo(database, workspace, result)

        undoable = (
            None
            if undo is None
            else (lambda result: (undo_text % workspace, lambda: undo(database, workspace, result), again))
        )
        self._run(title, lambda: work(database, workspace), done % workspace, undoable)

    def year_two(self) -> None:
        self._confirm_program_year(
            self.tr("Year two"),
            self.tr(
                "Confirm that %s still meets the requirements (funding, territory, no other discount) on its anniversary?"
            ),
            lambda database, workspace: database.run(ledger.grant_year_two, ledger.GrantYearTwo(workspace)),
            self.tr("Year two granted to %s"),
            lambda database, workspace, result: database.run(
                ledger.reverse, ledger.Reverse(result["grant_entry"], "undo: year two")
            ),
            self.tr("Year two for %s"),
        )

    def graduate(self) -> None:
        self._confirm_program_year(
            self.tr("Graduate"),
            self.tr("%s no longer qualifies: graduate it?"),
            lambda database, workspace: database.run(ledger.graduate, ledger.Graduate(workspace)),
            self.tr("%s graduated"),
            lambda database, workspace, result: database.run(
                ledger.reinstate_member, ledger.ReinstateMember(workspace)
            ),
            self.tr("Graduate %s"),
        )

    def renew(self) -> None:
        member = self.selected_member()
        before = member.status if member is not None and member.status in ("active", "graduated") else "active"
        self._confirm_program_year(
            self.tr("Renew"),
            self.tr("Offer %s a renewal year at the renewal discount?"),
            lambda database, workspace: database.run(ledger.renew, ledger.Renew(workspace)),
            self.tr("%s renewed"),
            lambda database, workspace, result: database.run(
                ledger.cancel_renewal, ledger.CancelRenewal(workspace, before)
            ),
            self.tr("Renew %s"),
        )
