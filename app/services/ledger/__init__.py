"""Ledger use cases (SPEC 4), one module per concern:

- `close`: the month close, its preview, restatement and reopening;
- `years`: year 2, graduation, renewal, and undoing them;
- `corrections`: adjustments, reversals, reinstatements;
- `bills`: taking a usage import back while its months are open;
- `statement`: a member's entries with the running balance;
- `lifecycle`: extensions and bonus grants; `notices`: credit notices; `forecasts`: run-out and
  the program's forecast (SPEC 10);
- `common`: what they share (a member's rows, grant balances, the below-zero check).

Each use case is `use_case(command, uow)`; run it with `database.run(use_case, command)`.
"""

from app.services.ledger.bills import RedoBills, UndoBills, redo_bills, undo_bills
from app.services.ledger.close import (
    CloseMonth,
    CloseSummary,
    ReopenMonth,
    close_month,
    preview_close,
    reopen_month,
)
from app.services.ledger.common import RuleRefused, enrollment_row, grant_balances
from app.services.ledger.corrections import Adjust, ReinstateEntry, Reverse, adjust, reinstate_entry, reverse
from app.services.ledger.forecasts import Forecast, forecast
from app.services.ledger.lifecycle import Bonus, Extend, bonus, extend
from app.services.ledger.notices import MakeNotices, credit_notices, make_notices
from app.services.ledger.statement import ledger_of
from app.services.ledger.years import (
    CancelRenewal,
    Graduate,
    GrantYearTwo,
    ReinstateMember,
    Renew,
    cancel_renewal,
    graduate,
    grant_year_two,
    reinstate_member,
    renew,
)

__all__ = [
    "Adjust",
    "Bonus",
    "Extend",
    "Forecast",
    "MakeNotices",
    "bonus",
    "credit_notices",
    "extend",
    "forecast",
    "make_notices",
    "CancelRenewal",
    "CloseMonth",
    "CloseSummary",
    "Graduate",
    "GrantYearTwo",
    "RedoBills",
    "ReinstateEntry",
    "ReinstateMember",
    "Renew",
    "ReopenMonth",
    "Reverse",
    "RuleRefused",
    "UndoBills",
    "adjust",
    "cancel_renewal",
    "close_month",
    "enrollment_row",
    "grant_balances",
    "graduate",
    "grant_year_two",
    "ledger_of",
    "preview_close",
    "redo_bills",
    "reinstate_entry",
    "reinstate_member",
    "renew",
    "reopen_month",
    "reverse",
    "undo_bills",
]
