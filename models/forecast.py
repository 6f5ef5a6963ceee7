"""Forecasts (SPEC 10): when a member's credit runs out at the pace of its recent bills.

Months are (year, month) pairs and money is integer cents: no floats, no 30.44-day
months. A bill is dated on its month's last day, so credit that expires before that
day does not pay it.
"""

from __future__ import annotations

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
