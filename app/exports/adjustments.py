"""Billing adjustments for one month (SPEC 6): one row per workspace, a summary by partner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import Cancelled
from app.exports.month_data import MemberMonth
from app.exports.sheets import CHUNK, Book, Money, Year, counted, workbook, write_csv

Progress = Callable[[int, int], None]

HEADER = (
    "Workspace",
    "Company",
    "Partner",
    "Program year",
    "Bill (USD)",
    "Credit applied (USD)",
    "Renewal discount (USD)",
    "Amount due (USD)",
    "Credit left (USD)",
    "Grant expiry",
)
CSV_HEADER = (
    "workspace",
    "company",
    "partner",
    "program_year",
    "bill_usd",
    "credit_applied_usd",
    "renewal_discount_usd",
    "amount_due_usd",
    "credit_left_usd",
    "grant_expiry",
)
WIDTHS = (24, 34, 16, 13, 14, 19, 21, 17, 16, 13)
SUMMARY_HEADER = (
    "Partner",
    "Partner name",
    "Workspaces",
    "Bills (USD)",
    "Credit applied (USD)",
    "Renewal discount (USD)",
    "Amount due (USD)",
    "Credit left (USD)",
)
SUMMARY_WIDTHS = (18, 34, 12, 16, 19, 21, 17, 16)


@dataclass(frozen=True)
class Totals:
    workspaces: int
    bills: int
    credit_applied: int
    discount: int
    due: int
    credit_left: int

    @classmethod
    def of(cls, members: list[MemberMonth]) -> Totals:
        return cls.of_rows([row_of(m) for m in members])

    @classmethod
    def of_rows(cls, rows: list[list[object]]) -> Totals:
        """The sums of the rows' money columns (one pass per column, at C speed)."""
        if not rows:
            return cls(0, 0, 0, 0, 0, 0)
        columns = list(zip(*rows))
        return cls(len(rows), *(int(sum(columns[index])) for index in range(4, 9)))

    def cells(self) -> list[object]:
        return [
            Money(self.bills),
            Money(self.credit_applied),
            Money(self.discount),
            Money(self.due),
            Money(self.credit_left),
        ]


def row_of(member: MemberMonth) -> list[object]:
    return [
        member.workspace,
        member.company,
        member.partner_code,
        Year.of(member.program_year, member.renewal),
        Money(member.bill),
        Money(member.bill_credit),
        Money(member.bill_discount),
        Money(member.due),
        Money(member.closing),
        member.grant_expiry,
    ]


def properties(title: str, subject: str, month: str, program: str, generated_at: datetime) -> dict[str, object]:
    """The document properties every workbook carries: what, for which month and program, and when."""
    return {
        "title": title,
        "subject": subject,
        "author": program,
        "company": program,
        "keywords": f"month={month}; program={program}",
        "comments": f"Generated {generated_at:%Y-%m-%d %H:%M} UTC by Startup Desk from the program's credit ledger.",
        "created": generated_at,
    }


def write_adjustments_xlsx(
    members: list[MemberMonth],
    target: Path,
    month: str,
    program: str,
    generated_at: datetime,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Totals:
    about = properties(
        f"Billing adjustments {month}",
        f"{program}: credit applied to the Team plan bills of {month}",
        month,
        program,
        generated_at,
    )
    with workbook(target, about, cancelled) as book:
        sheet = book.sheet("Adjustments", HEADER, WIDTHS)
        rows = [row_of(m) for m in members]
        sheet.append_all(rows, progress, cancelled)
        totals = Totals.of_rows(rows)
        sheet.append(["Total", counted(totals.workspaces, "workspace"), None, None, *totals.cells(), None], total=True)
        sheet.finish()
        _summary(book, members, rows, totals)
    if progress:
        progress(len(members), len(members))
    return totals


def _summary(book: Book, members: list[MemberMonth], rows: list[list[object]], totals: Totals) -> None:
    sheet = book.sheet("By partner", SUMMARY_HEADER, SUMMARY_WIDTHS)
    groups: dict[str, list[list[object]]] = {}
    names: dict[str, str] = {}
    for member, row in zip(members, rows):
        groups.setdefault(member.partner_code, []).append(row)
        names.setdefault(member.partner_code, member.partner_name)
    for code in sorted(groups, key=lambda c: (c == "", c.lower())):
        part = Totals.of_rows(groups[code])
        name = (names[code] or "(not a registered partner)") if code else "(no partner)"
        sheet.append([code, name, part.workspaces, *part.cells()])
    sheet.append(["Total", None, totals.workspaces, *totals.cells()], total=True)
    sheet.finish()


def write_adjustments_csv(
    members: list[MemberMonth],
    target: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Totals:
    """The same rows for billing systems that take CSV: UTF-8, dollars with two decimals, no totals row."""

    def rows():
        for done, member in enumerate(members, start=1):
            if done % CHUNK == 0 and cancelled():
                raise Cancelled("export cancelled: no file was written")
            yield row_of(member)

    write_csv(target, CSV_HEADER, rows())
    if progress:
        progress(len(members), len(members))
    return Totals.of(members)
