"""The Deals pane's catalogue and request actions: each runs on the task runner and is undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog

from app.deal_queries import RequestRow
from app.services import deal_files, deals
from ui import file_dialogs
from ui.deals_dialogs import DealDialog
from ui.deals_models import selected
from ui.dialogs import ReasonDialog, ask_text, show_error
from ui.undo import TaskCommand


class DealActions:
    """Mixed into DealsPane: the catalogue and request buttons."""

    # ---- writing (on the task runner; the pane refreshes when done) ----------------------------

    def _run(self, title: str, work, done_text, command=None, refused=None) -> None:
        """Run a use case on the worker; `command(result)` gives (text, undo_work, redo_work) for Edit → Undo.
        A refusal is shown in a message box, or handed to `refused(error)`."""

        def done(result) -> None:
            self.status_message.emit(done_text(result) if callable(done_text) else done_text)
            if command is not None:
                text, undo_work, redo_work = command(result)
                self.undo_stack.push(
                    TaskCommand(self.runner, self, text, undo_work, redo_work, lambda _result: self.refresh())
                )
            self.refresh()

        failed = refused or (lambda error: show_error(self, title, error))
        self.runner.run(lambda progress, cancelled: work(), done, failed, owner=self)

    def _deal_dialog(self, deal, save) -> DealDialog:
        """The dialog stays open until the deal is saved: `save(values, dialog)` runs the use case."""
        previous = getattr(self, "deal_dialog", None)
        if previous is not None:
            previous.deleteLater()  # done with (one deal dialog at a time)
        dialog = DealDialog(self, deal, self.category_names, self.database.clock.today())
        dialog.submitted.connect(lambda values: save(values, dialog))
        self.deal_dialog = dialog
        dialog.open()
        return dialog

    def add_deal(self) -> None:
        self._deal_dialog(None, self._add_deal)

    def _add_deal(self, values: dict, dialog: DealDialog) -> None:
        database = self.database

        def undo_of(deal_id: int):
            def undo():
                database.run(deals.delete_deal, deals.DeleteDeal(deal_id))
                return redo

            return undo

        def redo():
            return undo_of(database.run(deals.save_deal, deals.SaveDeal(values)))

        def command(deal_id: int):
            dialog.saved()
            return self.tr("Add deal %s: %s") % (values["partner"], values["title"]), undo_of(deal_id), redo

        self._run(
            self.tr("Deal not added"),
            lambda: database.run(deals.save_deal, deals.SaveDeal(values)),
            self.tr("Deal added"),
            command,
            dialog.refused,
        )

    def edit_deal(self) -> None:
        deal = selected(self.deal_table)
        if deal is not None:
            self._deal_dialog(deal, lambda values, dialog: self._edit_deal(deal, values, dialog))

    def _edit_deal(self, deal, values: dict, dialog: DealDialog) -> None:
        database = self.database

        def put(text: dict):
            """Work that puts `text` in the deal and returns the work that puts back what was there."""

            def work():
                return put(database.run(deals.edit_deal, deals.EditDeal(deal.id, text)))

            return work

        def command(before: dict):
            dialog.saved()
            return self.tr("Edit deal %s: %s") % (deal.partner, deal.title), put(before), put(values)

        self._run(
            self.tr("Deal not saved"),
            lambda: database.run(deals.edit_deal, deals.EditDeal(deal.id, values)),
            self.tr("Deal saved"),
            command,
            dialog.refused,
        )

    def toggle_deal(self) -> None:
        deal = selected(self.deal_table)
        if deal is None:
            return
        database = self.database

        def set_active(active: bool):
            return lambda: database.run(deals.set_deal_active, deals.SetDealActive(deal.id, active))

        retire = deal.active
        text = (self.tr("Retire deal %s: %s") if retire else self.tr("Reactivate deal %s: %s")) % (
            deal.partner,
            deal.title,
        )
        self._run(
            self.tr("Deal unchanged"),
            set_active(not deal.active),
            self.tr("Deal retired") if retire else self.tr("Deal reactivated"),
            lambda _: (text, set_active(deal.active), set_active(not deal.active)),
        )

    def request_for_member(self) -> None:
        deal = selected(self.deal_table)
        if deal is None:
            return
        workspace = ask_text(
            self, self.tr("Request a deal"), self.tr("Workspace of the member asking for “%s”") % deal.title
        )
        if not workspace:
            return
        database = self.database

        def undo_of(request_id: int):
            def undo():
                database.run(deals.withdraw_request, deals.WithdrawRequest(request_id))
                return redo

            return undo

        def redo():
            return undo_of(database.run(deals.request_deal, deals.RequestDeal(workspace, deal.id)).id)

        self._run(
            self.tr("Request refused"),
            lambda: database.run(deals.request_deal, deals.RequestDeal(workspace, deal.id)),
            lambda outcome: self.tr("Request %d recorded") % outcome.id,
            lambda outcome: (self.tr("Request %s for %s") % (deal.title, workspace), undo_of(outcome.id), redo),
        )

    def decide(self, action: str) -> None:
        request: RequestRow | None = selected(self.request_table)
        if request is None:
            return
        reason = ""
        if action == "decline":
            reason = ReasonDialog.ask(
                self,
                self.tr("Decline request"),
                self.tr("Why is this request declined?"),
                [self.tr("Not eligible for this deal"), self.tr("The partner withdrew the offer")],
            )
            if reason is None:
                return
        database = self.database

        def done_text(outcome) -> str:
            text = self.tr("Request %d: %s") % (outcome.id, outcome.status)
            return text + (self.tr(" — code or link: %s") % outcome.redeem if outcome.redeem else "")

        def undo_of(status: str):
            def undo():
                database.run(deals.undo_decision, deals.UndoDecision(request.id, status))
                return redo

            return undo

        def redo():
            outcome = database.run(deals.decide_request, deals.DecideRequest(request.id, action, reason))
            return undo_of(outcome.status)

        verb = {"approve": self.tr("Approve"), "decline": self.tr("Decline"), "fulfil": self.tr("Fulfil")}[action]
        self._run(
            self.tr("Request not changed"),
            lambda: database.run(
                deals.decide_request, deals.DecideRequest(request.id, action, reason, expected_version=request.version)
            ),
            done_text,
            lambda outcome: (
                self.tr("%s request %d (%s: %s)") % (verb, request.id, request.workspace, request.title),
                undo_of(outcome.status),
                redo,
            ),
        )

    def import_deals(self) -> None:
        name = file_dialogs.open_file(
            self, self.tr("Import deals"), str(Path.home()), self.tr("Deal files (*.csv *.xlsx)")
        )
        if not name:
            return
        from app.services.mappings import find_mapping, mapping_names

        database = self.database

        def chosen(names: list[str]) -> None:
            choices = [self.tr("(the deal file's own columns)")] + names
            guess = 1 + names.index("startup-perks") if "perks" in Path(name).name and "startup-perks" in names else 0
            choice, ok = QInputDialog.getItem(
                self, self.tr("Import deals"), self.tr("Column mapping"), choices, guess, False
            )
            if not ok:
                return

            def work():
                mapping = None if choice == choices[0] else database.query(find_mapping, choice)
                return database.run(deal_files.import_deals, deal_files.ImportDealFile(name, mapping))

            self._run(
                self.tr("Deals not imported"),
                work,
                lambda report: self._report(report, self.tr("Imported %d deals; %d already there; %d invalid rows")),
            )

        self.runner.run(
            lambda progress, cancelled: database.query(mapping_names),
            chosen,
            lambda error: show_error(self, self.tr("Deals not imported"), error),
            owner=self,
        )

    def import_requests(self) -> None:
        name = file_dialogs.open_file(
            self, self.tr("Import requests"), str(Path.home()), self.tr("Request form export (*.csv *.xlsx)")
        )
        if name:
            self._run(
                self.tr("Requests not imported"),
                lambda: self.database.run(deal_files.import_requests, deal_files.ImportDealFile(name)),
                lambda report: self._report(report, self.tr("Imported %d requests; %d already open; %d invalid rows")),
            )

    def _report(self, report, template: str) -> str:
        """The import's summary; the rows left out are listed (row, column, reason) so they can be fixed."""
        text = template % (report.imported, report.duplicates, report.invalid_rows)
        if report.invalid:
            lines = [str(error) for error in report.invalid[:30]]
            if len(report.invalid) > 30:
                lines.append(self.tr("… and %d more") % (len(report.invalid) - 30))
            show_error(self, self.tr("Rows left out"), text + "\n\n" + "\n".join(lines))
        return text

    def _save_csv(self, title: str, suggested: str, work, done) -> None:
        name = file_dialogs.save_file(self, title, str(Path.home() / suggested), "CSV (*.csv)")
        if name:
            self._run(title, lambda: self.database.query(work, name), done)

    def export_catalogue(self) -> None:
        self._save_csv(
            self.tr("Export catalogue"),
            "deals.csv",
            deal_files.export_catalogue,
            lambda n: self.tr("%d deals exported") % n,
        )

    def export_approved(self) -> None:
        self._save_csv(
            self.tr("Export approved requests"),
            "approved-requests.csv",
            deal_files.export_approved,
            lambda n: self.tr("%d approved requests exported") % n,
        )
