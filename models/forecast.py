"""Forecasts (SPEC 10): when a member's credit runs out at the pace of its recent bills.

Months are (year, month) pairs and money is integer cents: no floats, no 30.44-day
months. A bill is dated on its month's last day, so credit that expires before that
day does not pay it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from models.dates import month_end
from models.money import Cents

Month = tuple[int, int]


def add_months(month: Month, count: int) -> Month:
    year, number = month
    index = year * 12 + (number - 1) + count
    return index // 12, index % 12 + 1


def month_label(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def average_bill(bills: list[Cents]) -> Cents:
    """The pace: the mean of the recent months' bills, in whole cents (rounded down)."""
    return sum(bills) // len(bills) if bills else 0


@dataclass(frozen=True)
class RunOut:
    """The month whose bill uses the last of the credit, and the first bill charged in full."""

    run_out: Month | None  # None: the credit expires (or the member stops burning) first
    first_full_bill: Month | None


def run_out(balance: Cents, pace: Cents, after: Month, expires_on: date | None) -> RunOut:
    """Credit of `balance` drawn by a bill of `pace` each month from the month after `after`.

    The month it runs out is the one whose bill takes the last cent; the first bill
    charged in full is the one after. Credit that expires first runs out at expiry:
    then the first full bill is the first one dated on or after `expires_on`.
    """
    if balance <= 0:
        return RunOut(None, add_months(after, 1) if pace > 0 else None)
    if pace <= 0:
        return RunOut(None, None)
    months = -(-balance // pace)  # ceiling: the bill that takes the last cent
    last = add_months(after, months)
    if expires_on is not None and month_end(*last) >= expires_on:
        first = add_months(after, 1)
        while month_end(*first) < expires_on:
            first = add_months(first, 1)
        return RunOut(None, first)
    return RunOut(last, add_months(last, 1))


def projection(balance: Cents, pace: Cents, after: Month, expires_on: date | None) -> list[tuple[date, Cents]]:
    """The balance forecast after each coming bill (dated its month's last day), from the end of
    `after` until the credit runs out or expires; at expiry what is left goes to zero."""
    points = [(month_end(*after), balance)]
    if balance <= 0 or pace <= 0:
        return points
    month = after
    while balance > 0:
        month = add_months(month, 1)
        day = month_end(*month)
        if expires_on is not None and day >= expires_on:
            points += [(expires_on, balance), (expires_on, 0)]
            break
        balance = max(balance - pace, 0)
        points.append((day, balance))
    return points


# ---- forecasts over a member's grants (bonus, extended and later-year grants included) -------

#: how far past the forecast's own months the run-out and first full bill are looked for
RUN_OUT_HORIZON = 60


@dataclass(frozen=True)
class MemberForecast:
    """A member's coming months at the pace of its recent bills."""

    months: tuple[tuple[Month, Cents, Cents], ...]  # (month, credit applied, credit expiring), the forecast's months
    run_out: Month | None  # the month whose bill takes the last cent of the credit valid then
    first_full_bill: Month | None  # the first bill with no credit at all


def month_days(after: Month, count: int) -> list[tuple[Month, date, date]]:
    """The `count` months after `after`: (month, first day, last day)."""
    days = []
    for n in range(1, count + 1):
        month = add_months(after, n)
        days.append((month, date(month[0], month[1], 1), month_end(*month)))
    return days


def forecast_member(grants, pace: Cents, after: Month, months: int, calendar=None) -> MemberForecast:
    """Draw a bill of `pace` at each month's end from the month after `after`, as the close does:
    a grant that ended before the bill's date expires first (breakage), then the bill draws from
    the grants valid on its date by priority, then earliest expiry. `grants`: models.ledger.GrantBalance.

    The first full bill is the first that gets no credit; the run-out month is the one before it,
    whose bill took the last cent (None when what was left expired first, or there was no credit).
    `calendar` may pass month_days(after, months + RUN_OUT_HORIZON), shared between members.
    """
    from models.ledger import drawing_order

    calendar = calendar or month_days(after, months + RUN_OUT_HORIZON)
    # [valid_from, last valid day, remaining], in drawing order
    left = [[g.valid_from, g.valid_until, g.remaining] for g in sorted(grants, key=drawing_order) if g.remaining > 0]
    rows: list[tuple[Month, Cents, Cents]] = []
    run_out_month = first_full = previous = None
    previous_applied = 0
    for index, (month, _first, last) in enumerate(calendar):
        if index >= months and (pace <= 0 or first_full is not None):
            break
        expired = 0
        for grant in left:
            if grant[1] < last:
                expired += grant[2]
                grant[2] = 0
        applied, bill = 0, pace
        for grant in left:
            if bill == 0:
                break
            if grant[2] and grant[0] <= last <= grant[1]:
                take = min(bill, grant[2])
                grant[2] -= take
                bill -= take
                applied += take
        if index < months:
            rows.append((month, applied, expired))
        left = [g for g in left if g[2]]
        if pace > 0 and applied == 0 and first_full is None:
            first_full = month
            # the bill before took the last cent, unless the credit expired (or there was none) first
            run_out_month = previous if previous_applied and not expired else None
        previous, previous_applied = month, applied
    return MemberForecast(tuple(rows), run_out_month, first_full)


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)


# ---- the same forecast for many members: one grant in closed form, month ranges to add up ----------


@dataclass(frozen=True)
class Plan:
    """A member's forecast as month indices (0 = the first forecast month), cheap to add up for a program:
    `applied` is (start, stop, amount each month) ranges, `expired` (index, amount) points."""

    applied: tuple[tuple[int, int, Cents], ...]
    expired: tuple[tuple[int, Cents], ...]
    run_out: int | None
    first_full_bill: int | None


def _first_after(lasts: list[date], day: date) -> int:
    """The index of the first month whose last day is after `day` (len(lasts) if none)."""
    return bisect_right(lasts, day)


_INDEXES: dict[tuple[Month, int], dict[Month, int]] = {}


def _month_index(calendar: list[tuple[Month, date, date]]) -> dict[Month, int]:
    """Each calendar month's position, made once per calendar (a calendar is a run of whole months:
    its first month and length name it), not once per member."""
    key = (calendar[0][0], len(calendar))
    if key not in _INDEXES:
        _INDEXES.clear()  # one calendar at a time is all a forecast uses
        _INDEXES[key] = {month: n for n, (month, _, _) in enumerate(calendar)}
    return _INDEXES[key]


def plan(grants, pace: Cents, months: int, calendar: list[tuple[Month, date, date]], lasts: list[date]) -> Plan:
    """forecast_member's answer as a Plan; a member with one grant (most) in closed form, without
    walking the months. `lasts` are the calendar's last days (shared between members)."""
    live = [g for g in grants if g.remaining > 0]
    horizon = len(calendar)
    if len(live) > 1:
        simulated = forecast_member(live, pace, add_months(calendar[0][0], -1), months, calendar)
        index = _month_index(calendar)
        return Plan(
            tuple((n, n + 1, applied) for n, (_, applied, _) in enumerate(simulated.months) if applied),
            tuple((n, expired) for n, (_, _, expired) in enumerate(simulated.months) if expired),
            index.get(simulated.run_out) if simulated.run_out else None,
            index.get(simulated.first_full_bill) if simulated.first_full_bill else None,
        )
    if not live:
        return Plan((), (), None, 0 if pace > 0 and horizon else None)
    grant = live[0]
    start = _first_after(lasts, grant.valid_from - _ONE_DAY)  # the first bill dated on or after valid_from
    end = _first_after(lasts, grant.valid_until)  # the first bill after the last valid day: expiry
    valid = max(end - start, 0)
    remaining = grant.remaining
    applied: list[tuple[int, int, Cents]] = []
    expired: list[tuple[int, Cents]] = []
    run_out = first_full = None
    if pace <= 0:
        if end < months:
            expired.append((end, remaining))
        return Plan((), tuple(expired), None, None)
    full, part = divmod(remaining, pace)
    if full >= valid:  # the credit outlasts the grant's bills: what is left expires
        if valid:
            applied.append((start, min(end, months), pace))
        left = remaining - valid * pace
        if left and end < months:
            expired.append((end, left))
        zero = end
        if start > 0:
            first_full = 0
        elif zero < horizon:
            first_full = zero
            run_out = zero - 1 if not left and zero > 0 else None
    else:
        stop = start + full
        if full:
            applied.append((start, min(stop, months), pace))
        if part and stop < months:
            applied.append((stop, stop + 1, part))
        zero = stop + (1 if part else 0)
        if start > 0:
            first_full = 0
        elif zero < horizon:
            first_full, run_out = zero, zero - 1 if zero > 0 else None
    return Plan(tuple((a, b, c) for a, b, c in applied if a < b), tuple(expired), run_out, first_full)


def grant_indices(lasts: list[date], valid_from: date, valid_until: date) -> tuple[int, int]:
    """A grant's first bill (the first month ending on or after `valid_from`) and its expiry month (the
    first ending after `valid_until`), as indices of `lasts` (a calendar's last days): plan's own."""
    return _first_after(lasts, valid_from - _ONE_DAY), _first_after(lasts, valid_until)


def many_single_grants(grants, months: int) -> tuple[list[Cents], list[Cents]]:
    """Credit applied and expiring per month of many members each drawing one grant at its own pace:
    the sum of plan()'s single-grant answers, without building them. `grants`: (first bill index,
    expiry index, credit, pace) as grant_indices gives them."""
    steps, expiring = [0] * (months + 1), [0] * months
    for start, end, remaining, pace in grants:
        if remaining <= 0:
            continue
        if pace <= 0:
            if end < months:
                expiring[end] += remaining
            continue
        valid = max(end - start, 0)
        full, part = divmod(remaining, pace)
        if full >= valid:
            if valid and start < months:
                steps[start] += pace
                steps[min(end, months)] -= pace
            left = remaining - valid * pace
            if left and end < months:
                expiring[end] += left
        else:
            stop = start + full
            if full and start < months:
                steps[start] += pace
                steps[min(stop, months)] -= pace
            if part and stop < months:
                steps[stop] += part
                steps[stop + 1] -= part
    applied, running = [], 0
    for index in range(months):
        running += steps[index]
        applied.append(running)
    return applied, expiring
