"""Exports at size beside their yardsticks, measured in the same run (issue 17).

- Billing adjustments (xlsx) of 10,000 and 100,000 workspaces against XlsxWriter in
  `constant_memory` mode writing the same cells (both sheets, totals, formats) from rows
  already in memory: budget 1.3x. The export's time includes reading the month from the
  database; the yardstick's does not.
- 1,000 acceptance letters in one PDF against a bare reportlab canvas drawing the same text
  in the same font, one page each: budget 1.5x.

Each figure is the median of three runs, export and yardstick taking turns; the process's CPU
time is shown beside the wall clock (on a shared machine the CPU ratio wanders less). A growth
table shows each export's time per row (or letter) from the smallest size to the largest: flat
means linear.

    python -m tests.benchmarks.bench_exports [--data FOLDER] [SIZES...]   # default 1000 10000 100000

`--data` keeps the built databases (exports-SIZE.sqlite3) in FOLDER for the next run: building
100,000 members with three closed months takes some ten minutes here.
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


def timed(work) -> tuple[float, float]:
    """(wall clock s, this process's CPU s) of one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def turns(*works) -> list[tuple[float, float]]:
    """Each work's median (wall, CPU) over RUNS, the works taking turns (a shared machine drifts)."""
    times: list[list[tuple[float, float]]] = [[] for _ in works]
    for _ in range(RUNS):
        for index, work in enumerate(works):
            times[index].append(timed(work))
    return [(statistics.median(t[0] for t in each), statistics.median(t[1] for t in each)) for each in times]


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


def database_of(size: int, folder: Path) -> Database:
    """`size` members with three closed months, built once per data folder."""
    path = folder / f"exports-{size}.sqlite3"
    built = path.exists()
    database = Database(f"sqlite:///{path}", "bench")
    if not built:
        build(database, size, 3, folder)
        for index in range(3):
            database.run(close_month, CloseMonth(month_of(index)))
    return database


def adjustments(size: int, folder: Path):
    """(rows, (export wall, CPU), (yardstick wall, CPU), csv wall)."""
    database = database_of(size, folder)
    month = month_of(2)
    rows, summary = month_rows(database, month)
    export, yardstick = turns(
        lambda: database.run(exports.export_adjustments, exports.ExportAdjustments(month, folder / "adjustments.xlsx")),
        lambda: xlsxwriter_yardstick(folder / "yardstick.xlsx", rows, summary),
    )
    ((csv_time, _),) = turns(
        lambda: database.run(exports.export_adjustments, exports.ExportAdjustments(month, folder / "adjustments.csv"))
    )
    database.close()
    return len(rows), export, yardstick, csv_time


def letters(count: int, folder: Path, size: int):
    """((export wall, CPU), (canvas wall, CPU), MB) for `count` letters in one PDF."""
    from app.exports.letters import LetterSettings

    database = database_of(size, folder)
    with database.unit_of_work() as uow:  # letters are for accepted applications
        a = schema.applications
        uow.conn.execute(update(a).where(a.c.id <= count).values(status="accepted"))
        uow.commit()
    on, settings = date(2026, 1, 16), LetterSettings()
    found = database.query(exports.letters_for, None)[:count]
    refs = tuple(letter.application for letter in found)
    texts = [letter_lines(letter, settings, on) for letter in found]

    def export():
        target = folder / "letters.pdf"
        target.unlink(missing_ok=True)
        database.run(exports.export_letters, exports.ExportLetters(refs, target, on=on, record=False))

    export_time, yardstick = turns(export, lambda: canvas_yardstick(folder / "canvas.pdf", texts))
    megabytes = (folder / "letters.pdf").stat().st_size / 1e6
    database.close()
    return export_time, yardstick, megabytes


def main(sizes: list[int], folder: Path) -> None:
    lines = [
        f"medians of {RUNS} runs, export and yardstick taking turns; ratio = export / yardstick "
        "(wall clock; the CPU-time ratio beside it)"
    ]
    lines.append(
        "billing adjustments (xlsx): workspaces | export s | XlsxWriter constant_memory s | ratio (budget 1.3) | "
        "CPU ratio | csv s"
    )
    growth = []
    for size in sizes:
        rows, export, yardstick, csv_time = adjustments(size, folder)
        growth.append((rows, export[0], yardstick[0]))
        lines.append(
            f"  {rows:>9,} | {export[0]:6.2f} | {yardstick[0]:6.2f} | {export[0] / yardstick[0]:4.2f} | "
            f"{export[1] / yardstick[1]:4.2f} | {csv_time:5.2f}"
        )
    lines.append(
        "letters in one PDF: letters | export s | bare reportlab canvas, same text and font s | "
        "ratio (budget 1.5) | CPU ratio | MB"
    )
    letter_growth = []
    for count in (100, 1_000):
        export, yardstick, megabytes = letters(count, folder, min(s for s in sizes if s >= 1_000))
        letter_growth.append((count, export[0], yardstick[0]))
        lines.append(
            f"  {count:>9,} | {export[0]:6.2f} | {yardstick[0]:6.2f} | {export[0] / yardstick[0]:4.2f} | "
            f"{export[1] / yardstick[1]:4.2f} | {megabytes:.1f}"
        )
    lines.append("growth (linear when the time per row stays flat): rows | export µs/row | yardstick µs/row")
    lines.extend(f"  {n:>9,} | {e / n * 1e6:6.1f} | {y / n * 1e6:6.1f}" for n, e, y in growth)
    lines.append("growth: letters | export ms/letter | canvas ms/letter")
    lines.extend(f"  {n:>9,} | {e / n * 1e3:6.2f} | {y / n * 1e3:6.2f}" for n, e, y in letter_growth)
    record("exports", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    data = Path(tempfile.mkdtemp())
    if arguments[:1] == ["--data"]:
        data = Path(arguments[1])
        data.mkdir(parents=True, exist_ok=True)
        arguments = arguments[2:]
    main([int(a) for a in arguments] or [1_000, 10_000, 100_000], data)
