"""Billing adjustments for one month (SPEC 6): one row per workspace, a summary by partner."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import Cancelled
from app.exports.adjustment_data import AdjustmentRow
from app.exports.month_data import MemberMonth
from app.exports.sheets import (
    CHUNK,
    EXACT_CENTS,
    Book,
    Money,
    Sheet,
    Year,
    counted,
    usd_text,
    workbook,
    write_csv,
)

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
    def of(cls, members: Iterable[MemberMonth | AdjustmentRow]) -> Totals:
        return cls.of_adjustments([adjustment_of(m) for m in members])

    @classmethod
    def of_adjustments(cls, rows: Sequence[AdjustmentRow]) -> Totals:
        """The sums of the rows' money columns (one pass per column, at C speed)."""
        if not rows:
            return cls(0, 0, 0, 0, 0, 0)
        columns = list(zip(*rows))
        bills, applied, discount = sum(columns[BILL]), sum(columns[BILL + 1]), sum(columns[BILL + 2])
        return cls(len(rows), bills, applied, discount, bills + applied + discount, sum(columns[CLOSING]))

    @classmethod
    def of_rows(cls, rows: list[list[object]]) -> Totals:
        """The sums of `row_of` rows' money columns."""
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


BILL, CLOSING = AdjustmentRow._fields.index("bill"), AdjustmentRow._fields.index("closing")


def adjustment_of(member: MemberMonth | AdjustmentRow) -> AdjustmentRow:
    """A member's month as its adjustments row."""
    if isinstance(member, AdjustmentRow):
        return member
    return AdjustmentRow(
        member.workspace,
        member.company,
        member.partner_code,
        member.partner_name,
        member.program_year,
        member.renewal,
        member.bill,
        member.bill_credit,
        member.bill_discount,
        member.closing,
        member.grant_expiry,
    )


def row_of(member: MemberMonth | AdjustmentRow) -> list[object]:
    """The row's cells as the CSV writes them (and as `Sheet.append` would)."""
    row = adjustment_of(member)
    return [
        row.workspace,
        row.company,
        row.partner_code,
        Year.of(row.program_year, row.renewal),
        Money(row.bill),
        Money(row.credit_applied),
        Money(row.discount),
        Money(row.due),
        Money(row.closing),
        row.grant_expiry,
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
    members: Iterable[MemberMonth | AdjustmentRow],
    target: Path,
    month: str,
    program: str,
    generated_at: datetime,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Totals:
    """The month's rows (as `adjustment_data.adjustment_rows` reads them, or members' months)
    in workspace order, and a summary by partner."""
    rows = [adjustment_of(m) for m in members]
    about = properties(
        f"Billing adjustments {month}",
        f"{program}: credit applied to the Team plan bills of {month}",
        month,
        program,
        generated_at,
    )
    with workbook(target, about, cancelled) as book:
        sheet = book.sheet("Adjustments", HEADER, WIDTHS)
        _write_rows(sheet, rows, progress, cancelled)
        totals = Totals.of_adjustments(rows)
        sheet.append(["Total", counted(totals.workspaces, "workspace"), None, None, *totals.cells(), None], total=True)
        sheet.finish()
        _summary(book, rows, totals)
    if progress:
        progress(len(rows), len(rows))
    return totals


def _write_rows(sheet: Sheet, rows: Sequence[AdjustmentRow], progress, cancelled) -> None:
    """The data rows, each cell written with its type and format known beforehand (what
    `Sheet.append` finds out cell by cell), and a cancel check and progress every CHUNK rows."""
    formats = sheet.book.formats
    money, day, year_format, renewal_format = formats["money"], formats["date"], formats["year"], formats["renewal"]
    write_string, write_number, write_datetime = (
        sheet.sheet.write_string,
        sheet.sheet.write_number,
        sheet.sheet.write_datetime,
    )
    low, high = -EXACT_CENTS, EXACT_CENTS
    number = sheet.rows
    for row in rows:
        number += 1
        workspace, company, code, _name, year, renewal, bill, applied, discount, closing, expiry = row
        write_string(number, 0, workspace)
        write_string(number, 1, company)
        write_string(number, 2, code)
        if year is not None:
            write_number(number, 3, int(year), renewal_format if renewal else year_format)
        for column, cents in enumerate((bill, applied, discount, bill + applied + discount, closing), start=4):
            if low < cents < high:  # see Sheet.append: the double nearest the amount, read back exactly
                write_number(number, column, cents / 100, money)
            else:
                write_string(number, column, usd_text(cents), formats["text"])
                sheet.text_amounts += 1
        if expiry is not None:
            write_datetime(number, 9, expiry, day)
        if number % CHUNK == 0:
            sheet.rows = number
            if cancelled():
                raise Cancelled("export cancelled: no file was written")
            if progress:
                progress(number, len(rows))
    sheet.rows = number


def _summary(book: Book, rows: Sequence[AdjustmentRow], totals: Totals) -> None:
    sheet = book.sheet("By partner", SUMMARY_HEADER, SUMMARY_WIDTHS)
    groups: dict[str, list[AdjustmentRow]] = {}
    for row in rows:
        groups.setdefault(row.partner_code, []).append(row)
    for code in sorted(groups, key=lambda c: (c == "", c.lower())):
        part = Totals.of_adjustments(groups[code])
        name = (groups[code][0].partner_name or "(not a registered partner)") if code else "(no partner)"
        sheet.append([code, name, part.workspaces, *part.cells()])
    sheet.append(["Total", None, totals.workspaces, *totals.cells()], total=True)
    sheet.finish()


def write_adjustments_csv(
    members: Sequence[MemberMonth | AdjustmentRow],
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
