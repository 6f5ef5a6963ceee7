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

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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
    #: (bytes of the file read so far, its size): how far `rows` has got
    position: Callable[[], tuple[int, int]] = field(default=lambda: (0, 0), repr=False)


JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
#: The encoding and the delimiter are chosen on the file's first bytes; the rest is read as it
#: is used, a block at a time (issue 17: a million rows held whole took 2.4 GB).
PREFIX = 1 << 16


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
        with path.open("rb") as handle:
            prefix = handle.read(PREFIX)
    except OSError as exc:
        raise FileRefused(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    text = TextFile(path, *choose_encoding(prefix, encoding, path.name, whole=size <= PREFIX))
    if path.suffix.lower() in JSON_SUFFIXES:
        from app.importing.json_rows import read_json

        return read_json(text)
    return read_csv(text, delimiter)


@dataclass
class TextFile:
    """A file's text, opened afresh each time it is read (a refusal may read it twice)."""

    path: Path
    codec: str
    skip: int  # the byte-order mark's length
    errors: str
    used: str  # the encoding as the preview names it
    refusal: str  # what a byte the codec cannot read is called, before ': ...'

    @property
    def name(self) -> str:
        return self.path.name

    def open(self) -> io.TextIOWrapper:
        raw = self.path.open("rb")
        raw.seek(self.skip)
        stream = io.TextIOWrapper(raw, encoding=self.codec, errors=self.errors, newline="")
        stream._CHUNK_SIZE = 1 << 16  # fewer, larger reads  # noqa: SLF001
        self.latest = raw
        return stream

    def position(self) -> tuple[int, int]:
        """(bytes read, the file's size) of the stream opened last."""
        size = self.path.stat().st_size
        latest = getattr(self, "latest", None)
        return (_told(latest, size) if latest is not None else 0), size

    def undecodable(self, exc: UnicodeDecodeError) -> FileRefused:
        """The refusal of a byte the encoding cannot read, naming its line."""
        offset, line = _first_undecodable(self)
        if self.refusal:
            return FileRefused(f"{self.name}: {self.refusal}: {exc}")
        return FileRefused(
            f"{self.name}: line {line}: byte {offset} is neither UTF-8 nor cp1252; "
            "choose the file's encoding in the column mapping"
        )


def _first_undecodable(text: TextFile) -> tuple[int, int]:
    """(byte offset, line) of the first byte `text`'s codec refuses."""
    decoder = codecs.getincrementaldecoder(text.codec)(text.errors)
    offset, newlines, returns = text.skip, 0, 0
    with text.path.open("rb") as raw:
        raw.seek(text.skip)
        while True:
            block = raw.read(1 << 20)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                bad = max(0, exc.start - pending)
                before = block[:bad]
                return offset + bad, max(newlines + before.count(b"\n"), returns + before.count(b"\r")) + 1
            if not block:
                return offset, max(newlines, returns) + 1
            offset += len(block)
            newlines += block.count(b"\n")
            returns += block.count(b"\r")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """A byte that is no UTF-8 read as cp1252 (a cp1252 file whose first lines are ASCII)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    try:
        return exc.object[exc.start : exc.end].decode("cp1252"), exc.end
    except UnicodeDecodeError:
        raise exc from None


codecs.register_error("startup-desk-cp1252", _cp1252_fallback)


def read_csv(text: TextFile, delimiter: str | None = None) -> Table:
    with text.open() as stream:
        try:
            head = stream.read(PREFIX)
            blank = not head.strip() and not stream.read().strip()
        except UnicodeDecodeError as exc:
            raise text.undecodable(exc) from exc
    if blank:
        raise FileRefused(f"{text.name}: the file is empty")
    stream = text.open()
    delimiter = delimiter or _sniff_delimiter(head)
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as exc:
        stream.close()
        raise _problem(text, delimiter, reader, exc) from exc
    if header is None:
        stream.close()
        raise FileRefused(f"{text.name}: the file is empty")
    raw = stream.buffer
    size = text.path.stat().st_size

    def numbered() -> Iterator[tuple[int, list[str]]]:
        # numbered as a spreadsheet shows them; a row of blank cells is skipped
        last = header
        number = 1
        try:
            for number, row in enumerate(reader, start=2):
                last = row
                if any(row) and not _blank(row):
                    yield number, row
        except (csv.Error, UnicodeDecodeError) as exc:
            raise _problem(text, delimiter, reader, exc) from exc
        finally:
            stream.close()
        if any("\n" in cell or "\r" in cell for cell in last):
            _refuse_an_open_quote(text, delimiter)

    return Table([h.strip() for h in header], numbered(), text.used, delimiter, lambda: (_told(raw, size), size))


def _told(raw, size: int) -> int:
    try:
        return raw.tell()
    except (OSError, ValueError):  # closed: read to the end
        return size


def _problem(text: TextFile, delimiter: str, reader, exc: Exception) -> FileRefused:
    if isinstance(exc, UnicodeDecodeError):
        return text.undecodable(exc)
    return FileRefused(_csv_problem(text, delimiter, reader.line_num, exc))


def _refuse_an_open_quote(text: TextFile, delimiter: str) -> None:
    """The last record spans lines: a quote never closed swallows everything after it, which
    a strict reader tells by meeting the end of the data inside a quoted field."""
    with text.open() as stream:
        strict = csv.reader(stream, delimiter=delimiter, strict=True)
        try:
            for _ in strict:
                pass
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise FileRefused(_csv_problem(text, delimiter, strict.line_num, exc)) from exc


def _csv_problem(text: TextFile, delimiter: str, line: int, exc: csv.Error) -> str:
    """What went wrong, in words: above all the quote that is never closed and swallows the
    rest of the file (the reader meets the end of the data inside it)."""
    if "unexpected end of data" in str(exc):
        # where the open quote starts: the last record a lenient reader ends with
        with text.open() as stream:
            lenient = csv.reader(stream, delimiter=delimiter)
            start = ended = 0
            for _ in lenient:
                start, ended = ended + 1, lenient.line_num
        start = max(1, start)
        return (
            f'{text.name}: line {start}: a quote (") opened there is never closed, so it would swallow '
            f"the rest of the file (lines {start}–{line}); nothing was imported"
        )
    return f"{text.name}: line {line}: {exc}"


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


def _decodes(data: bytes, codec: str, whole: bool) -> bool:
    try:
        codecs.getincrementaldecoder(codec)().decode(data, final=whole)
    except UnicodeDecodeError:
        return False
    return True


def choose_encoding(prefix: bytes, encoding: str | None, name: str, whole: bool) -> tuple[str, int, str, str, str]:
    """(codec, bytes to skip, its error handler, the encoding's name, how a failure is named),
    chosen on the file's first bytes."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise FileRefused(f"{name}: cannot be read as {encoding}: {exc}") from exc
        return encoding, 0, "strict", encoding, f"cannot be read as {encoding}"
    guessed = next(((bom, enc) for bom, enc in _BOMS if prefix.startswith(bom)), None)
    if guessed:
        bom, codec = guessed
        return codec, len(bom), "strict", codec[:6], f"starts like {codec.upper()} but is not"
    guessed = _utf16_without_bom(prefix)
    if guessed and _decodes(prefix[: len(prefix) // 2 * 2], guessed, whole):
        return guessed, 0, "strict", "utf-16", f"cannot be read as {guessed.upper()}"
    # not UTF-16 after all: read on, and NUL bytes are reported by row
    skip = 3 if prefix.startswith(b"\xef\xbb\xbf") else 0
    if _decodes(prefix[skip:], "utf-8", whole):
        return "utf-8", skip, "startup-desk-cp1252", "utf-8", ""
    return "cp1252", 0, "strict", "cp1252", ""


def _sniff_delimiter(text: str) -> str:
    """`,` or `;`: whichever splits the header line (outside quotes) more often."""
    lines = text.lstrip("\ufeff").splitlines()
    first = lines[0] if lines else ""
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

    reached = [1]
    try:
        rows_in_sheet = int(sheet.max_row or 0)  # from the sheet's dimension, when it has one
    except Exception:  # noqa: BLE001 - a size is only for the progress bar
        rows_in_sheet = 0

    def numbered() -> Iterator[tuple[int, list[str]]]:
        number = 1
        try:
            for number, row in enumerate(rows, start=2):
                reached[0] = number
                cells = [_cell_text(v) for v in row]
                if any(cell.strip() for cell in cells):
                    yield number, cells
        except Exception as exc:  # the sheet's XML breaks off or is not XML
            raise _xlsx_problem(path.name, exc, f"after row {number}") from exc
        finally:
            workbook.close()

    return Table(header, numbered(), "xlsx", "", lambda: (min(reached[0], rows_in_sheet), rows_in_sheet))
