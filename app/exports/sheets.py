"""Spreadsheet cells that keep applicant text as text and money exact."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.errors import Cancelled
from app.files import temporary_beside
from models.money import dollars

USD_FORMAT = "#,##0.00;[Red]-#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
TOTAL_FONT = Font(bold=True)

# A spreadsheet application runs a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class Money(int):
    """Cents that go into a cell as dollars with the currency format."""


def text_cell(sheet: WriteOnlyWorksheet, value: str, font: Font | None = None) -> WriteOnlyCell:
    """A string cell, whatever it starts with: openpyxl would store '=…' as a formula."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # after the value: openpyxl guesses 'f' for text that starts with '='
    if font is not None:
        cell.font = font
    return cell


def cell_for(sheet: WriteOnlyWorksheet, value: object, font: Font | None = None) -> WriteOnlyCell | None:
    if value is None:
        return None
    if isinstance(value, str):
        return text_cell(sheet, value, font)
    if isinstance(value, Money):
        cell = WriteOnlyCell(sheet, value=dollars(int(value)))
        cell.number_format = USD_FORMAT
    elif isinstance(value, date | datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
    else:
        cell = WriteOnlyCell(sheet, value=value)
    if font is not None:
        cell.font = font
    return cell


def start_sheet(workbook: Workbook, title: str, header: Sequence[str], widths: Sequence[int]) -> WriteOnlyWorksheet:
    """A write-only sheet with a frozen, styled header row and column widths."""
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    cells = []
    for name in header:
        cell = text_cell(sheet, name, HEADER_FONT)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        cells.append(cell)
    sheet.append(cells)
    return sheet


def append_row(sheet: WriteOnlyWorksheet, values: Iterable[object], font: Font | None = None) -> None:
    sheet.append([cell_for(sheet, value, font) for value in values])


def set_filter(sheet: WriteOnlyWorksheet, columns: int, rows: int) -> None:
    """An autofilter over the header and `rows` data rows (not the totals row)."""
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"


def save_workbook(workbook: Workbook, target: Path, cancelled: Callable[[], bool]) -> None:
    """Save beside the target and rename; a last cancel check first, as saving is most of the work."""
    if cancelled():
        discard(workbook)
        raise Cancelled("export cancelled: no file was written")
    try:
        with temporary_beside(target) as partial:
            workbook.save(partial)
    except BaseException:
        discard(workbook)
        raise


def discard(workbook: Workbook) -> None:
    """Close a write-only workbook's open sheets (their temporary files) without saving."""
    for sheet in workbook.worksheets:
        sheet.close()


def csv_text(value: object) -> str:
    """A CSV field: money as plain dollars; applicant text that a spreadsheet would run gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return str(dollars(int(value)))
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def write_csv(target: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with temporary_beside(target) as partial:
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([csv_text(value) for value in row])
