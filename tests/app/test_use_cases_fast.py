"""The rules a use case checks before it reads a row, run against a unit of work with no database:
milliseconds, and a proof that the check comes before any SQL (the fake's connection refuses to be used)."""

from datetime import date

import pytest

from app.clock import FixedClock
from app.errors import AppError
from app.services import ledger
from app.services.applications import Decide, decide
from app.services.deals import DecideRequest, decide_request
from app.services.partners import AddPartnerApplication, DecidePartner, add_partner_application, decide_partner
from models.errors import InvalidInput, RuleRefused


class NoDatabase:
    """A unit of work without a database: the clock and the actor, and a connection that fails the test."""

    actor = "fast.tester"
    clock = FixedClock(date(2026, 5, 1))
    today = clock.today()

    def now(self):
        return self.clock.now()

    @property
    def conn(self):
        raise AssertionError("this check should have refused before reading the database")


@pytest.mark.parametrize(
    ("use_case", "command", "refusal"),
    [
        (ledger.adjust, ledger.Adjust("acme", 100, "   "), "needs a reason"),
        (ledger.adjust, ledger.Adjust("acme", 0, "typo"), "changes nothing"),
        (ledger.reverse, ledger.Reverse(7, ""), "needs a reason"),
        (ledger.reinstate_entry, ledger.ReinstateEntry(7, ""), "needs a reason"),
        (ledger.reopen_month, ledger.ReopenMonth("2026-04", " "), "needs a reason"),
        (ledger.close_month, ledger.CloseMonth("2026-05"), "2026-05 has not ended yet"),
        (ledger.cancel_renewal, ledger.CancelRenewal("acme", "renewal"), "active or graduated"),
        (decide, Decide("A1", "approve"), "unknown decision 'approve'"),
        (decide_request, DecideRequest(3, "accept"), "unknown action 'accept'"),
        (decide_partner, DecidePartner("yc", "promote"), "unknown action 'promote'"),
        (add_partner_application, AddPartnerApplication("", "Y Combinator", "accelerator"), "code and a name"),
        (add_partner_application, AddPartnerApplication("yc", "YC", "bank"), "not accelerator, incubator or vc"),
    ],
)
def test_a_request_the_rules_refuse_is_refused_before_any_sql(use_case, command, refusal):
    with pytest.raises((RuleRefused, AppError, InvalidInput), match=refusal):
        use_case(command, NoDatabase())
