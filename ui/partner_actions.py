"""The Deals pane's partner actions: each runs on the task runner and is undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from app.deal_queries import PartnerRow
from app.services import partners
from ui.deals_models import selected
from ui.dialogs import ReasonDialog, ask_text


class PartnerActions:
    """Mixed into DealsPane: the partner buttons (`_run` is DealActions')."""

    def add_partner(self) -> None:
        code = ask_text(self, self.tr("Partner application"), self.tr("Partner code (as applications will name it)"))
        if not code:
            return
        name = ask_text(self, self.tr("Partner application"), self.tr("Name of the accelerator, incubator or VC firm"))
        if not name:
            return
        kind, ok = QInputDialog.getItem(
            self, self.tr("Partner application"), self.tr("Kind"), ["accelerator", "incubator", "vc"], 0, False
        )
        if not ok:
            return
        database, command = self.database, partners.AddPartnerApplication(code, name, kind)

        def undo():
            database.run(partners.withdraw_partner_application, partners.WithdrawPartnerApplication(command.code))
            return redo

        def redo():
            database.run(partners.add_partner_application, command)
            return undo

        self._run(
            self.tr("Partner application refused"),
            lambda: database.run(partners.add_partner_application, command),
            self.tr("Partner application recorded"),
            lambda _: (self.tr("Partner application %s (%s)") % (code.strip(), name.strip()), undo, redo),
        )

    def decide_partner(self, action: str) -> None:
        partner: PartnerRow | None = selected(self.partner_table)
        if partner is None:
            return
        reason = ""
        if action == "deactivate":
            action = "reject" if partner.status == "applied" else "deactivate"
            reason = ReasonDialog.ask(self, self.tr("Partner"), self.tr("Why?"), [self.tr("Program ended")])
            if reason is None:
                return
        database = self.database

        def undo_of(status: str):
            def undo():
                database.run(partners.undo_partner_decision, partners.UndoPartnerDecision(partner.code, status))
                return redo

            return undo

        def redo():
            return undo_of(database.run(partners.decide_partner, partners.DecidePartner(partner.code, action, reason)))

        verb = {"activate": self.tr("Activate"), "deactivate": self.tr("Deactivate"), "reject": self.tr("Reject")}
        self._run(
            self.tr("Partner unchanged"),
            lambda: database.run(partners.decide_partner, partners.DecidePartner(partner.code, action, reason)),
            lambda status: self.tr("%s is now %s") % (partner.code, status),
            lambda status: (self.tr("%s partner %s") % (verb[action], partner.code), undo_of(status), redo),
        )

    def link_code(self) -> None:
        if not self.unknown_codes:
            self.status_message.emit(self.tr("No unknown partner codes"))
            return
        code, ok = QInputDialog.getItem(
            self, self.tr("Link a partner code"), self.tr("Unknown code"), self.unknown_codes, 0, False
        )
        if not ok:
            return
        registered = [p.code for p in self.partners.rows]
        target, ok = QInputDialog.getItem(
            self, self.tr("Link a partner code"), self.tr("Registered partner"), registered, 0, False
        )
        if not ok:
            return
        database = self.database

        def undo_of(linked):
            def undo():
                database.run(partners.unlink_code, partners.UnlinkCode(code, target, linked))
                return redo

            return undo

        def redo():
            return undo_of(database.run(partners.link_code_undoably, partners.LinkCode(code, target)))

        self._run(
            self.tr("Not linked"),
            lambda: database.run(partners.link_code_undoably, partners.LinkCode(code, target)),
            lambda linked: self.tr("%d applications linked to %s") % (linked.count, target),
            lambda linked: (self.tr("Link code %s to %s") % (code, target), undo_of(linked), redo),
        )
