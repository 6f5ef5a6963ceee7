"""Spreadsheet writing that keeps applicant text as text and money exact.

XlsxWriter writes (about three times faster than openpyxl's write-only mode here,
which matters for a 10,000-row workbook); openpyxl reads files back in the tests.
Every cell is written with an explicit type: a company named '=HYPERLINK(…)' is a
string cell, never a formula.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from app.errors import Cancelled
from app.exports.cells import guard
from app.files import cannot_write, temporary_beside
from models.money import dollars
from models.wording import counted  # noqa: F401  (re-exported: a total row's count)

USD_FORMAT = "#,##0.00;[Red]-#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"

CHUNK = 500  # rows between cancel checks and progress reports


#: Money is a number cell below this many cents (USD 10 trillion): 15 significant digits, which is
#: what a spreadsheet keeps of a number (and a double holds every cent of it exactly). The database
#: holds up to 2**63 - 1 cents; an amount at or beyond this is a text cell with its exact digits,
#: and the sheet says so under its totals.
EXACT_CENTS = 10**15


class Money(int):
    """Cents that go into a cell as dollars with the currency format."""


class Year(int):
    """A program year: a number cell (3, shown "3 (renewal)" for a renewal year)."""

    renewal: bool = False

    @classmethod
    def of(cls, number: int | None, renewal: bool = False) -> Year | None:
        if number is None:
            return None
        year = cls(number)
        year.renewal = renewal
        return year


class Sheet:
    """One worksheet written row by row: a styled, frozen header; rows; a bold totals row; a filter."""

    def __init__(self, book: Book, title: str, header: Sequence[str], widths: Sequence[int]):
        self.book = book
        self.sheet = book.workbook.add_worksheet(title)
        self.columns = len(header)
        self.rows = 0
        self.text_amounts = 0  # amounts too large for a number cell, written as text
        for index, width in enumerate(widths):
            self.sheet.set_column(index, index, width)
        self.sheet.freeze_panes(1, 0)
        for index, name in enumerate(header):
            self.sheet.write_string(0, index, name, book.formats["header"])

    def append(self, values: Iterable[object], total: bool = False) -> None:
        row = self.rows + 1
        formats = self.book.formats
        plain, money = (formats["total"], formats["total_money"]) if total else (None, formats["money"])
        sheet = self.sheet
        for column, value in enumerate(values):
            kind = type(value)  # exact types first: this loop runs 100,000 times for 10,000 members
            if kind is Money:
                if -EXACT_CENTS < value < EXACT_CENTS:
                    # cents / 100 is the double nearest the two-decimal amount, and with at most 15
                    # digits that double reads back (in a spreadsheet too) as the amount exactly
                    sheet.write_number(row, column, int(value) / 100, money)
                else:
                    sheet.write_string(row, column, usd_text(value), formats["total_text" if total else "text"])
                    self.text_amounts += 1
            elif kind is str:
                sheet.write_string(row, column, value, plain)
            elif kind is Year:
                sheet.write_number(row, column, int(value), formats["renewal" if value.renewal else "year"])
            elif value is None:
                if total:
                    sheet.write_blank(row, column, None, plain)
            elif isinstance(value, date | datetime):
                sheet.write_datetime(row, column, value, formats["date"])
            else:
                sheet.write_number(row, column, value, plain)
        if not total:
            self.rows += 1

    def append_all(self, rows: Sequence[Sequence[object]], progress=None, cancelled=lambda: False) -> None:
        """Data rows, with a cancel check and progress every CHUNK rows."""
        for done, values in enumerate(rows, start=1):
            self.append(values)
            if done % CHUNK == 0:
                if cancelled():
                    raise Cancelled("export cancelled: no file was written")
                if progress:
                    progress(done, len(rows))

    def finish(self) -> None:
        """An autofilter over the header and the data rows (not the totals row), and under the
        totals a note when some amounts had to be text cells."""
        self.sheet.autofilter(0, 0, max(self.rows, 1), self.columns - 1)
        if self.text_amounts:
            self.sheet.write_string(
                self.rows + 2,
                0,
                f"Note: {self.text_amounts} amount(s) of USD 10,000,000,000,000.00 or more are text cells with "
                "their exact digits: a spreadsheet keeps only 15 digits of a number.",
                self.book.formats["note"],
            )


class Book:
    """A workbook put together in memory (its sheets' rows in XlsxWriter's temporary files), so
    that only `save` writes the file: a full disk then fails one plain write, not XlsxWriter's
    zip archive half-way (which left the archive open, and a traceback when it was collected)."""

    def __init__(self, properties: dict[str, object]):
        self.output = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self.output,
            # rows go to the file as they come (constant memory: 100,000 rows do not sit in memory)
            {"strings_to_formulas": False, "strings_to_urls": False, "constant_memory": True},
        )
        self.workbook.set_properties(properties)
        add = self.workbook.add_format
        self.formats = {
            "header": add({"bold": True, "font_color": "#FFFFFF", "bg_color": "#305496", "valign": "vcenter"}),
            "money": add({"num_format": USD_FORMAT}),
            "date": add({"num_format": DATE_FORMAT}),
            "total": add({"bold": True, "top": 1}),
            "total_money": add({"bold": True, "top": 1, "num_format": USD_FORMAT}),
            "text": add({"align": "right"}),
            "year": add({"num_format": "0", "align": "center"}),
            "renewal": add({"num_format": '0" (renewal)"', "align": "center"}),
            "total_text": add({"bold": True, "top": 1, "align": "right"}),
            "note": add({"italic": True, "font_color": "#9C0006"}),
        }

    def sheet(self, title: str, header: Sequence[str], widths: Sequence[int]) -> Sheet:
        return Sheet(self, title, header, widths)


@contextlib.contextmanager
def workbook(target: Path, properties: dict[str, object], cancelled: Callable[[], bool]) -> Iterator[Book]:
    """A workbook written beside `target` and renamed into place only when complete.

    A last cancel check comes before the save, since saving is a good part of the work.
    """
    with temporary_beside(target) as partial:
        book = Book(properties)
        yield book
        if cancelled():
            raise Cancelled("export cancelled: no file was written")
        try:
            book.workbook.close()
            partial.write_bytes(book.output.getbuffer())
        except FileCreateError as error:  # XlsxWriter's wrapper of the OSError
            cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else OSError(str(error))
            raise cannot_write(target, cause) from error
        except OSError as error:  # the file, or XlsxWriter's temporary files (which are not beside it)
            raise cannot_write(target, error) from error


def usd_text(cents: int) -> str:
    """An amount as exact text with thousands separators, for a cell too large for a number."""
    return f"{'-' if cents < 0 else ''}{abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def csv_text(value: object) -> str:
    """A CSV field: money as plain dollars; applicant text that a spreadsheet would run gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return str(dollars(int(value)))
    if isinstance(value, str):
        return guard(value)
    return str(value)


def write_csv(target: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with temporary_beside(target) as partial:
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([csv_text(value) for value in row])
