"""`verify`: recompute every balance from the entries and check the ledger's rules (SPEC 4).

Each check is one SQL pass (window functions, joins), the same on SQLite and
PostgreSQL, that returns only the offending rows; a breach is named precisely enough
to find it. One grouped pass over the entries (`grants.grant_pass`) finds the members
with anything out of the ordinary, and the checks of single entries read theirs alone.
One module per kind of check:

- `grants`: per grant, its balance never below zero, signs, validity, expiry;
- `entries`: reversals, what an entry counts as, extensions;
- `bills`: credit within each bill, closed months settled;
- `numbering`: grant numbers and priorities;
- `months`: each closed month's billing adjustments against its close;
- `kept_sums`: the sums kept per member-year against the entries;
- `common`: the tables and the naming of offending rows.
"""

from __future__ import annotations

from app.database import UnitOfWork
from app.services.verify.bills import applied_within_bills, bills_settled
from app.services.verify.entries import counted_as, extensions, reversals
from app.services.verify.grants import applied_while_valid, grant_pass, never_negative, signs
from app.services.verify.kept_sums import kept_sums
from app.services.verify.months import close_totals, export_totals, exports_agree_with_closes, month_totals
from app.services.verify.numbering import bonus_grants

__all__ = ["close_totals", "export_totals", "exports_agree_with_closes", "month_totals", "verify"]

_exports_agree_with_closes = exports_agree_with_closes  # the name the benchmarks know


def verify(uow: UnitOfWork) -> list[str]:
    """A read: every breach of the ledger's rules, named; an empty list when it is consistent."""
    conn = uow.conn
    grants = grant_pass(conn)
    return [
        *signs(conn, grants),
        *reversals(conn, grants),
        *counted_as(conn, grants),
        *never_negative(conn, grants),
        *applied_within_bills(conn),
        *applied_while_valid(conn, grants),
        *extensions(conn, grants),
        *bonus_grants(conn),
        *grants.expired_not_empty,
        *bills_settled(conn),
        *exports_agree_with_closes(uow),
        *kept_sums(conn, grants),
    ]
