"""Files that are not what they claim: each gets one clear refusal (the file, or the row and
column, and the reason), and what is stored stays as it was (issue 13, SPEC 7 and 8)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import schema
from app.cli import main
from app.importing.tabular import FileRefused
from app.services.imports import preview_applications
from tests.importing import import_file

HEADER = "application_id,submitted_on,company,contact_email,country\n"
GOOD = "G1,2026-03-01,Good Co,g@good.io,GB\n"


def stored(database) -> tuple[int, int, int]:
    """(applications, import batches, match keys): what a refused file must not change."""
    with database.read() as conn:
        return tuple(
            conn.execute(select(func.count()).select_from(table)).scalar()
            for table in (schema.applications, schema.import_batches, schema.match_keys)
        )


@pytest.fixture
def before(database, write_csv):
    """A database holding one import already."""
    import_file(database, write_csv(HEADER + GOOD, "earlier.csv"))
    return stored(database)


def refused(database, path: Path, before, match: str) -> str:
    with pytest.raises(FileRefused, match=match) as caught:
        import_file(database, path)
    assert stored(database) == before
    return str(caught.value)


# ---- XLSX ------------------------------------------------------------------------------


def _xlsx(tmp_path: Path, replace: dict[str, bytes], name: str = "apps.xlsx") -> Path:
    """A real workbook with some of its parts replaced."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["application_id", "submitted_on", "company", "contact_email", "country"])
    sheet.append(["X1", date(2026, 2, 1), "Sheet Co", "s@sheet.io", "GB"])
    source = tmp_path / "source.xlsx"
    book.save(source)
    path = tmp_path / name
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            new.writestr(item, replace.get(item.filename, old.read(item.filename)))
    return path


SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)


def _row(number: int, cells: list[str]) -> bytes:
    inline = "".join(f'<c t="inlineStr"><is><t>{cell}</t></is></c>' for cell in cells)
    return f'<row r="{number}">{inline}</row>'.encode()


HEADER_ROW = _row(1, ["application_id", "submitted_on", "company", "contact_email", "country"])


def test_openpyxl_parses_through_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True  # defusedxml is installed, and openpyxl took it


def test_a_sheet_whose_xml_breaks_off_is_refused_and_nothing_is_stored(database, tmp_path, before):
    broken = SHEET_START + HEADER_ROW + _row(2, ["X1", "2026-02-01", "Cut Co", "c@cut.io", "GB"]) + b"<row r="
    message = refused(database, _xlsx(tmp_path, {SHEET: broken}), before, "damaged")
    assert message.startswith("apps.xlsx: not a readable XLSX workbook") and "\n" not in message


def test_a_sheet_that_is_not_xml_at_all_is_refused(database, tmp_path, before):
    refused(database, _xlsx(tmp_path, {SHEET: b"\x00\x01PK garbage"}), before, "apps.xlsx: not a readable XLSX")


def test_an_xml_bomb_in_the_sheet_is_refused_unexpanded(database, tmp_path, before):
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e0 "boom">'
        + entities.encode()
        + b"]>"
        + SHEET_START.split(b"?>", 1)[1]
        + HEADER_ROW
        + _row(2, ["X1", "2026-02-01", "&e9;", "b@bomb.io", "GB"])
        + b"</sheetData></worksheet>"
    )
    refused(database, _xlsx(tmp_path, {SHEET: bomb}), before, "XML entities")


def test_an_external_entity_is_never_fetched(database, tmp_path, before):
    secret = tmp_path / "secret.txt"
    secret.write_text("the-secret-text")
    external = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file://{secret}">]>'.encode()
        + SHEET_START.split(b"?>", 1)[1]
        + HEADER_ROW
        + _row(2, ["X1", "2026-02-01", "&x;", "e@ext.io", "GB"])
        + b"</sheetData></worksheet>"
    )
    message = refused(database, _xlsx(tmp_path, {SHEET: external}), before, "XML entities")
    assert "the-secret-text" not in message


def test_a_bomb_in_the_workbook_part_is_refused_on_opening(database, tmp_path, before):
    with zipfile.ZipFile(_xlsx(tmp_path, {}, "plain.xlsx")) as plain:
        workbook = plain.read("xl/workbook.xml")
    body = workbook.split(b"?>", 1)[1] if workbook.startswith(b"<?xml") else workbook
    bomb = b'<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + body
    refused(database, _xlsx(tmp_path, {"xl/workbook.xml": bomb}), before, "XML entities")


def test_a_truncated_workbook_is_refused(database, tmp_path, before):
    whole = _xlsx(tmp_path, {}).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    refused(database, cut, before, "cut.xlsx: not a readable XLSX")


def test_the_preview_refuses_a_damaged_sheet_too(database, tmp_path):
    broken = SHEET_START + HEADER_ROW + b"<row r="
    with pytest.raises(FileRefused, match="damaged"):
        database.query(preview_applications, _xlsx(tmp_path, {SHEET: broken}))


# ---- text files ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_are_read(database, write_csv, encoding):
    # 'utf-16' and 'utf-32' write a BOM; '-le' and '-be' do not (found by their NUL bytes)
    path = write_csv(HEADER + "U1,2026-03-01,Zoë Ünal Ltd,z@zoe.io,Côte d'Ivoire\n", encoding=encoding)
    report = import_file(database, path)
    assert (report.imported, report.invalid) == (1, []), report.as_json()
    with database.read() as conn:
        assert conn.execute(select(schema.applications.c.company, schema.applications.c.country)).one() == (
            "Zoë Ünal Ltd",
            "CI",
        )


def test_a_nul_byte_refuses_its_row_naming_the_column(database, write_csv):
    path = write_csv((HEADER + GOOD + "N1,2026-03-02,Nul\x00Co,n@nul.io,GB\n").encode())
    report = import_file(database, path)
    assert report.imported == 1
    assert [(e.row, e.field) for e in report.invalid] == [(3, "company")]
    assert "NUL" in report.invalid[0].message


def test_an_unterminated_quote_refuses_the_file_instead_of_swallowing_it(database, write_csv, before):
    rows = [f"Q{i},2026-03-0{i},Q{i} Co,q{i}@q.io,GB\n" for i in range(1, 6)]
    rows[1] = 'Q2,2026-03-02,"Open quote Co,q2@q.io,GB\n'
    message = refused(database, write_csv(HEADER + "".join(rows)), before, "never closed")
    assert "line 3" in message  # the header is line 1, Q1 line 2


def test_a_quoted_line_break_that_is_closed_is_still_a_cell(database, write_csv):
    report = import_file(database, write_csv(HEADER + 'M1,2026-03-01,"Two\nLines",m@m.io,GB\n'))
    assert report.imported == 1


def test_duplicated_header_names_are_refused_naming_both_columns(database, write_csv, before):
    path = write_csv("application_id,submitted_on,company,Email,country,EMAIL\nD1,2026-03-01,D,d@d.io,GB,x@x.io\n")
    message = refused(database, path, before, "same name")
    assert "columns 4 ('Email') and 6 ('EMAIL')" in message


def test_two_columns_that_both_read_as_one_field_are_refused(database, write_csv, before):
    path = write_csv("application_id,submitted_on,company,Email,country,E-Mail\nD1,2026-03-01,D,d@d.io,GB,x@x.io\n")
    message = refused(database, path, before, "both read as contact_email")
    assert "columns 4 ('Email') and 6 ('E-Mail')" in message


def test_a_mapping_names_the_column_it_means_when_two_have_the_same_name(database, write_csv, before):
    from app.importing.mapping import Mapping

    path = write_csv("application_id,submitted_on,company,Email,country,email\nD1,2026-03-01,D,d@d.io,GB,x@x.io\n")
    with pytest.raises(FileRefused, match="same name"):
        import_file(database, path, Mapping(fields={"contact_email": "{Email}"}))
    assert stored(database) == before


def test_a_folder_is_refused(database, tmp_path, before):
    folder = tmp_path / "exports.csv"
    folder.mkdir()
    refused(database, folder, before, "is a folder")


@pytest.mark.parametrize("name", ["empty.csv", "empty.xlsx", "empty.json"])
def test_an_empty_file_is_refused(database, tmp_path, before, name):
    path = tmp_path / name
    path.write_bytes(b"")
    refused(database, path, before, r"empty \(0 bytes\)")


@pytest.mark.parametrize(
    "content,match",
    [
        ('[{"company": "A"}, ', "not valid JSON"),
        ('{"company": "A"}\n{"company": \n', "line 2: not valid JSON"),
        ('[{"total_funding_usd": NaN}]', "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON|nested"),
        ("[1, 2]", "row 1: expected an object"),
        ('"just text"', "expected an object"),
    ],
    ids=["cut", "bad-line", "nan", "deep", "numbers", "scalar"],
)
def test_json_that_is_not_an_export_is_refused(database, write_csv, before, content, match):
    refused(database, write_csv(content, "apps.json"), before, match)


def test_json_nested_past_the_limit_is_refused(database, write_csv, before):
    deep = '[{"a": ' + '{"b": ' * 40 + "1" + "}" * 40 + "}]"
    refused(database, write_csv(deep, "apps.json"), before, "nested more than")


# ---- the command line: one line, exit 1, nothing changed ------------------------------


def test_the_command_line_says_one_line_for_each_hostile_file(database_url, tmp_path, capsys):
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    broken = _xlsx(tmp_path, {SHEET: SHEET_START + HEADER_ROW + b"<row r="}, "broken.xlsx")
    for path in (folder, empty, broken):
        code = main(["--db", database_url, "import", "applications", str(path)])
        _, err = capsys.readouterr()
        assert code == 1
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert path.name in err


def test_excels_unicode_text_export_is_read(database, write_csv):
    """Excel's 'Unicode Text': UTF-16 with a byte-order mark, tab-delimited, CRLF."""
    lines = [
        "application_id\tsubmitted_on\tcompany\tcontact_email\tcountry",
        "T1\t2026-03-01\tŁódź Labs\tl@lodz.pl\tPoland",
    ]
    report = import_file(database, write_csv("\r\n".join(lines) + "\r\n", "export.txt", encoding="utf-16"))
    assert (report.imported, report.invalid) == (1, [])


def test_values_beyond_what_the_program_holds_refuse_their_row_only(database, write_csv):
    csv = (
        "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd\n"
        "OK1,2026-03-01,Fine,f@fine.io,GB,2025-06-01,100000\n"
        "BIG,2026-03-01,Huge,h@huge.io,GB,2025-06-01,12345678901234567890\n"
        "OLD,2026-03-01,Ancient,a@old.io,GB,0001-01-01,100000\n"
        "FAR,9999-12-31,Future,x@far.io,GB,2025-06-01,100000\n"
    )
    report = import_file(database, write_csv(csv))
    assert report.imported == 1
    problems = {(e.row, e.field) for e in report.invalid}
    assert problems == {(3, "total_funding_usd"), (4, "incorporated_on"), (5, "submitted_on")}
    assert all("holds" in e.message for e in report.invalid)


@pytest.mark.parametrize("key", ["encoding", "delimiter", "date_format", "kind"])
def test_a_mapping_with_a_number_where_a_text_belongs_is_refused_when_saved(key, tmp_path, capsys):
    import json

    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"fields": {"company": "{Name}"}, key: 5}))
    assert main(["--db", str(tmp_path / "d.sqlite3"), "mappings", "save", "m", str(mapping)]) == 1
    assert f"{key} must be a text" in capsys.readouterr().err
