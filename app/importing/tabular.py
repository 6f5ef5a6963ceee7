"""Reading CSV and XLSX files into a header and rows of text.

CSV: UTF-8 (with or without BOM) or cp1252 unless an encoding is chosen; `,` or
`;`; any line ending (CR, LF, CRLF). XLSX: the first sheet; dates become ISO
text and whole numbers lose their '.0', so every cell reaches the validators as
text, just as a CSV's would.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.errors import AppError


class FileRefused(AppError):
    """The file as a whole cannot be read (encoding, format, header)."""


@dataclass
class Table:
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)
    encoding: str = ""
    delimiter: str = ""


def read_table(path: Path | str, encoding: str | None = None, delimiter: str | None = None) -> Table:
    path = Path(path)
    if not path.exists():
        raise FileRefused(f"{path}: no such file")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return read_csv_bytes(path.read_bytes(), encoding, delimiter, name=path.name)


def read_csv_bytes(data: bytes, encoding: str | None = None, delimiter: str | None = None, name: str = "file") -> Table:
    text, used = _decode(data, encoding, name)
    if not text.strip():
        raise FileRefused(f"{name}: the file is empty")
    delimiter = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:  # the whole file at once: a generator costs more than the parsing
            rows.append(row)
    except csv.Error as exc:
        raise FileRefused(f"{name}: row {len(rows) + 1}: {exc}") from exc
    if not rows:
        raise FileRefused(f"{name}: the file is empty")
    header = rows[0]
    # numbered as a spreadsheet shows them; a row of blank cells is skipped
    numbered = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(row) and not _blank(row)]
    return Table([h.strip() for h in header], iter(numbered), used, delimiter)


def _blank(row: list[str]) -> bool:
    return "".join(row).isspace()


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise FileRefused(f"{name}: cannot be read as {encoding}: {exc}") from exc
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            before = data[: utf8_error.start]
            line = max(before.count(b"\n"), before.count(b"\r")) + 1
            raise FileRefused(
                f"{name}: line {line}: byte {utf8_error.start} is neither UTF-8 nor cp1252; "
                "choose the file's encoding in the column mapping"
            ) from utf8_error


def _sniff_delimiter(text: str) -> str:
    """`,` or `;`: whichever splits the header line (outside quotes) more often."""
    first = text.lstrip("\ufeff").splitlines()[0] if text else ""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise FileRefused(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(v).strip() for v in next(rows)]
    except StopIteration as exc:
        raise FileRefused(f"{path.name}: the first sheet is empty") from exc

    def numbered() -> Iterator[tuple[int, list[str]]]:
        for number, row in enumerate(rows, start=2):
            cells = [_cell_text(v) for v in row]
            if any(cell.strip() for cell in cells):
                yield number, cells
        workbook.close()

    return Table(header, numbered(), "xlsx", "")
