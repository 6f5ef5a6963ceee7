"""Reading CSV, XLSX and JSON files into a header and rows of text.

CSV: UTF-8 (with or without BOM), UTF-16 or UTF-32 (by their BOM, or UTF-16 by its
NUL bytes), or cp1252 unless an encoding is chosen; `,` or `;`; any line ending (CR,
LF, CRLF). XLSX: the first sheet, parsed by openpyxl through defusedxml (no entity
is expanded, none fetched); dates become ISO text and whole numbers lose their
'.0', so every cell reaches the validators as text, just as a CSV's would. JSON
(app/importing/json_rows.py): an array of objects or JSON Lines.

A file that is not what it claims (a folder, 0 bytes, damaged sheet XML, a quote
never closed) is refused whole, by FileRefused, before anything is written.
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


JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


def read_table(path: Path | str, encoding: str | None = None, delimiter: str | None = None) -> Table:
    path = Path(path)
    if not path.exists():
        raise FileRefused(f"{path}: no such file")
    if path.is_dir():
        raise FileRefused(f"{path}: is a folder, not a file")
    try:
        size = path.stat().st_size
        if size == 0:
            raise FileRefused(f"{path.name}: the file is empty (0 bytes)")
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        data = path.read_bytes()
    except OSError as exc:
        raise FileRefused(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if path.suffix.lower() in JSON_SUFFIXES:
        from app.importing.json_rows import read_json_bytes

        text, used = decode(data, encoding, path.name)
        return read_json_bytes(text, used, path.name)
    return read_csv_bytes(data, encoding, delimiter, name=path.name)


def read_csv_bytes(data: bytes, encoding: str | None = None, delimiter: str | None = None, name: str = "file") -> Table:
    text, used = decode(data, encoding, name)
    if not text.strip():
        raise FileRefused(f"{name}: the file is empty")
    delimiter = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:  # the whole file at once: a generator costs more than the parsing
            rows.append(row)
    except csv.Error as exc:
        raise FileRefused(_csv_problem(name, text, delimiter, reader.line_num, exc)) from exc
    if rows and any("\n" in cell or "\r" in cell for cell in rows[-1]):
        _refuse_an_open_quote(text, delimiter, name)
    if not rows:
        raise FileRefused(f"{name}: the file is empty")
    header = rows[0]
    # numbered as a spreadsheet shows them; a row of blank cells is skipped
    numbered = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(row) and not _blank(row)]
    return Table([h.strip() for h in header], iter(numbered), used, delimiter)


def _refuse_an_open_quote(text: str, delimiter: str, name: str) -> None:
    """The last record spans lines: a quote never closed swallows everything after it, which
    a strict reader tells by meeting the end of the data inside a quoted field."""
    strict = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise FileRefused(_csv_problem(name, text, delimiter, strict.line_num, exc)) from exc


def _csv_problem(name: str, text: str, delimiter: str, line: int, exc: csv.Error) -> str:
    """What went wrong, in words: above all the quote that is never closed and swallows the
    rest of the file (the reader meets the end of the data inside it)."""
    if "unexpected end of data" in str(exc):
        # where the open quote starts: the last record a lenient reader ends with
        lenient = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        start = ended = 0
        for _ in lenient:
            start, ended = ended + 1, lenient.line_num
        start = max(1, start)
        return (
            f'{name}: line {start}: a quote (") opened there is never closed, so it would swallow '
            f"the rest of the file (lines {start}–{line}); nothing was imported"
        )
    return f"{name}: line {line}: {exc}"


def _blank(row: list[str]) -> bool:
    return "".join(row).isspace()


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte of the start is NUL (ASCII text in UTF-16)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise FileRefused(f"{name}: cannot be read as {encoding}: {exc}") from exc
    guessed = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if guessed:
        try:
            return data[len(next(b for b, e in _BOMS if e == guessed)) :].decode(guessed), guessed[:6]
        except UnicodeDecodeError as exc:
            raise FileRefused(f"{name}: starts like {guessed.upper()} but is not: {exc}") from exc
    guessed = _utf16_without_bom(data)
    if guessed:
        try:
            return data.decode(guessed), "utf-16"
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: read on, and NUL bytes are reported by row
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


_HOSTILE_XML = ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden", "NotSupportedError")


def _xlsx_problem(name: str, exc: BaseException, where: str) -> FileRefused:
    """openpyxl wraps what went wrong (a ValueError around defusedxml's refusal): the innermost
    cause names it."""
    chain = [exc]
    while chain[-1].__cause__ or chain[-1].__context__:
        chain.append(chain[-1].__cause__ or chain[-1].__context__)
        if len(chain) > 10:
            break
    if any(type(link).__name__ in _HOSTILE_XML for link in chain):
        reason = "it declares XML entities or a DTD (an XML bomb or an external entity), refused unread"
    else:
        inner = chain[-1]
        text = str(inner).splitlines()[0] if str(inner) else ""
        reason = f"its XML is damaged ({type(inner).__name__}{': ' + text if text else ''})"
    return FileRefused(f"{name}: not a readable XLSX workbook ({where}): {reason}")


def _read_xlsx(path: Path) -> Table:
    import openpyxl
    from openpyxl import load_workbook

    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise FileRefused(f"{path.name}: XLSX files are read only through defusedxml, which is not installed")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise _xlsx_problem(path.name, exc, "opening it") from exc
    if not workbook.worksheets:
        raise FileRefused(f"{path.name}: the workbook has no sheet")
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(v).strip() for v in next(rows)]
    except StopIteration as exc:
        raise FileRefused(f"{path.name}: the first sheet is empty") from exc
    except Exception as exc:
        raise _xlsx_problem(path.name, exc, "in its first row") from exc

    def numbered() -> Iterator[tuple[int, list[str]]]:
        number = 1
        try:
            for number, row in enumerate(rows, start=2):
                cells = [_cell_text(v) for v in row]
                if any(cell.strip() for cell in cells):
                    yield number, cells
        except Exception as exc:  # the sheet's XML breaks off or is not XML
            raise _xlsx_problem(path.name, exc, f"after row {number}") from exc
        finally:
            workbook.close()

    return Table(header, numbered(), "xlsx", "")
