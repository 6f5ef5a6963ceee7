"""Exports at size beside their yardsticks, measured in the same run (issue 17).

- Billing adjustments (xlsx) of 10,000 and 100,000 workspaces against XlsxWriter in
  `constant_memory` mode writing the same cells (both sheets, totals, formats) from rows
  already in memory: budget 1.3x. The export's time includes reading the month from the
  database; the yardstick's does not.
- 1,000 acceptance letters in one PDF against a bare reportlab canvas drawing the same text
  in the same font, one page each: budget 1.5x.

Each figure is the median of three runs, export and yardstick taking turns.

    python -m tests.benchmarks.bench_exports [SIZES...]      # default 10000 100000
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import update

from app import schema
from app.database import Database
from app.services import exports
from app.services.ledger import CloseMonth, close_month
from tests.benchmarks.bench_ledger import build, month_of
from tests.benchmarks.common import record

RUNS = 3


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def turns(*works) -> list[float]:
    """Each work's median over RUNS, the works taking turns (a shared machine drifts)."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(RUNS):
        for index, work in enumerate(works):
            times[index].append(timed(work))
    return [statistics.median(each) for each in times]


def month_rows(database: Database, month: str):
    from app.exports.adjustments import Totals, row_of
    from app.exports.month_data import month_members

    with database.unit_of_work(write=False) as uow:
        members = month_members(uow.conn, month)
    rows = [row_of(m) for m in members]
    groups: dict[str, list] = {}
    for member, row in zip(members, rows):
        groups.setdefault(member.partner_code, []).append(row)
    summary = [
        [code, code or "(no partner)", len(part), *Totals.of_rows(part).cells()] for code, part in groups.items()
    ]
    return rows, summary


def xlsxwriter_yardstick(path: Path, rows, summary) -> None:
    """The same cells with XlsxWriter alone, constant_memory, one call per cell."""
    import xlsxwriter

    from app.exports.adjustments import HEADER, SUMMARY_HEADER

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    money = book.add_format({"num_format": "#,##0.00;[Red]-#,##0.00"})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    year = book.add_format({"num_format": "0"})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("Adjustments")
    sheet.freeze_panes(1, 0)
    for column, name in enumerate(HEADER):
        sheet.write_string(0, column, name, bold)
    for number, row in enumerate(rows, start=1):
        sheet.write_string(number, 0, row[0])
        sheet.write_string(number, 1, row[1])
        sheet.write_string(number, 2, row[2])
        if row[3] is not None:
            sheet.write_number(number, 3, int(row[3]), year)
        for column in range(4, 9):
            sheet.write_number(number, column, int(row[column]) / 100, money)
        if row[9] is not None:
            sheet.write_datetime(number, 9, row[9], day)
    totals = [sum(int(row[c]) for row in rows) for c in range(4, 9)]
    sheet.write_string(len(rows) + 1, 0, "Total", bold)
    for column, value in enumerate(totals, start=4):
        sheet.write_number(len(rows) + 1, column, value / 100, money)
    sheet.autofilter(0, 0, len(rows), 9)
    other = book.add_worksheet("By partner")
    for column, name in enumerate(SUMMARY_HEADER):
        other.write_string(0, column, name, bold)
    for number, row in enumerate(summary, start=1):
        other.write_string(number, 0, row[0])
        other.write_string(number, 1, row[1])
        other.write_number(number, 2, row[2])
        for column in range(3, 8):
            other.write_number(number, column, int(row[column]) / 100, money)
    book.close()


def canvas_yardstick(path: Path, texts: list[list[str]]) -> None:
    """A bare canvas: each letter's lines drawn in the base font, one page per letter."""
    from reportlab.pdfgen.canvas import Canvas

    from app.exports import pdf

    font = pdf.register_font()
    canvas = Canvas(str(path), pagesize=pdf.PAGE, initialFontName=font)
    for lines in texts:
        canvas.setFont(font, 10.5)
        y = 760.0
        for line in lines:
            canvas.drawString(62, y, line)
            y -= 15
        canvas.showPage()
    canvas.save()


def letter_lines(letter, settings, on) -> list[str]:
    """The letter's text in lines of about the letter's width (what the canvas draws)."""
    import textwrap

    from app.exports.letters import letter_text, long_date

    head = [long_date(on), letter.founder or letter.company, letter.company, f"Welcome to the {settings.program}"]
    body = [
        line for block in letter_text(letter, settings, on).split("\n") for line in textwrap.wrap(block, 95) or [""]
    ]
    return head + body + [settings.sign_off, "", settings.signatory]


def adjustments(size: int, folder: Path) -> tuple[int, float, float, float]:
    database = Database(f"sqlite:///{folder / f'exports-{size}.sqlite3'}", "bench")
    build(database, size, 3, folder)
    for index in range(3):
        database.run(close_month, CloseMonth(month_of(index)))
    month = month_of(2)
    rows, summary = month_rows(database, month)
    export, yardstick = turns(
        lambda: database.run(exports.export_adjustments, exports.ExportAdjustments(month, folder / "adjustments.xlsx")),
        lambda: xlsxwriter_yardstick(folder / "yardstick.xlsx", rows, summary),
    )
    (csv_time,) = turns(
        lambda: database.run(exports.export_adjustments, exports.ExportAdjustments(month, folder / "adjustments.csv"))
    )
    database.close()
    return len(rows), export, yardstick, csv_time


def letters(count: int, folder: Path, size: int) -> tuple[float, float, float]:
    from app.exports.letters import LetterSettings

    database = Database(f"sqlite:///{folder / f'exports-{size}.sqlite3'}", "bench")
    with database.unit_of_work() as uow:  # letters are for accepted applications
        a = schema.applications
        uow.conn.execute(update(a).where(a.c.id <= count).values(status="accepted"))
        uow.commit()
    on, settings = date(2026, 1, 16), LetterSettings()
    found = database.query(exports.letters_for, None)[:count]
    texts = [letter_lines(letter, settings, on) for letter in found]

    def export():
        target = folder / "letters.pdf"
        database.run(exports.export_letters, exports.ExportLetters(None, target, on=on))
        with database.unit_of_work() as uow:  # not written after all: the next run writes them again
            uow.conn.execute(schema.letters.delete())
            uow.commit()

    export_time, yardstick = turns(export, lambda: canvas_yardstick(folder / "canvas.pdf", texts))
    size = (folder / "letters.pdf").stat().st_size / 1e6
    database.close()
    return export_time, yardstick, size


def main(sizes: list[int]) -> None:
    folder = Path(tempfile.mkdtemp())
    lines = [f"medians of {RUNS} runs, export and yardstick taking turns; ratio = export / yardstick"]
    lines.append(
        "billing adjustments (xlsx): workspaces | export s | XlsxWriter constant_memory s | ratio (budget 1.3) | csv s"
    )
    for size in sizes:
        rows, export, yardstick, csv_time = adjustments(size, folder)
        lines.append(f"  {rows:>9,} | {export:6.2f} | {yardstick:6.2f} | {export / yardstick:4.2f} | {csv_time:5.2f}")
    export, yardstick, size = letters(1_000, folder, sizes[0])
    lines.append(
        f"letters: 1,000 in one PDF {export:.2f} s, bare reportlab canvas with the same text and font "
        f"{yardstick:.2f} s: ratio {export / yardstick:.2f} (budget 1.5); {size:.1f} MB"
    )
    record("exports", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
