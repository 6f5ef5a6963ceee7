"""Files of any size are read a block and a chunk at a time (issue 17), with every answer a
whole-file read gave: the encoding chosen on the first bytes still reads an accent far
below them, a bad byte is named by its line, a row repeated chunks apart is imported once."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app import schema
from app.importing import applications as pipeline
from app.importing import json_rows, tabular
from app.importing.tabular import FileRefused, read_table
from tests.importing import import_file

HEADER = "application_id,submitted_on,company,contact_email,country\n"


def ascii_rows(count: int, start: int = 0) -> str:
    return "".join(f"A{n},2026-03-01,Plain {n},p{n}@plain{n}.io,GB\n" for n in range(start, start + count))


def companies(database, *ids: str) -> list[str]:
    with database.read() as conn:
        a = schema.applications.c
        return list(conn.execute(select(a.company).where(a.application_id.in_(ids)).order_by(a.id)).scalars())


def test_a_cp1252_accent_far_below_the_first_bytes_is_read_as_written(database, write_csv):
    text = HEADER + ascii_rows(3000) + "C1,2026-03-01,Café Crème SARL,c@creme.fr,FR\n"
    assert len(text) > tabular.PREFIX  # the accent lies beyond what the encoding was chosen on
    report = import_file(database, write_csv(text.encode("cp1252")))
    assert (report.imported, report.invalid) == (3001, [])
    assert companies(database, "C1") == ["Café Crème SARL"]


def test_utf8_far_below_the_first_bytes_stays_utf8(database, write_csv):
    text = HEADER + ascii_rows(3000) + "C2,2026-03-01,Zoë Ünal Łódź,z@zoe.pl,PL\n"
    report = import_file(database, write_csv(text.encode("utf-8")))
    assert report.imported == 3001
    assert companies(database, "C2") == ["Zoë Ünal Łódź"]


def test_a_byte_neither_utf8_nor_cp1252_far_down_is_refused_by_its_line(database, write_csv):
    data = (HEADER + ascii_rows(3000)).encode() + b"X1,2026-03-01,Bad \x81 Co,b@bad.io,GB\n"
    with pytest.raises(FileRefused, match="line 3002: byte .* neither UTF-8 nor cp1252"):
        import_file(database, write_csv(data))
    with database.read() as conn:
        assert conn.execute(select(func.count()).select_from(schema.applications)).scalar() == 0


def test_a_big_file_is_read_as_its_rows_are_used(write_csv):
    path = write_csv(HEADER + ascii_rows(20_000))
    table = read_table(path)
    next(table.rows)
    done, size = table.position()
    assert size == path.stat().st_size and done < size / 4  # not the whole file
    assert sum(1 for _ in table.rows) == 19_999
    assert table.position() == (size, size)


def test_rows_repeated_chunks_apart_are_imported_once_and_errors_keep_their_rows(database, write_csv, monkeypatch):
    monkeypatch.setattr(pipeline, "FIRST_CHUNK", 7)
    monkeypatch.setattr(pipeline, "INSERT_CHUNK", 10)
    rows = ascii_rows(30)
    rows += "A3,2026-03-01,Plain 3,p3@plain3.io,GB\n"  # an id of the first chunk, again
    rows += "NOID-ROW,not a date,Late Co,l@late.io,GB\n"  # invalid, row 33
    rows += ",2026-03-01,No Id,n@noid.io,GB\n,2026-03-01,No Id,n@noid.io,GB\n"  # the same row twice, no id
    report = import_file(database, write_csv(HEADER + rows))
    assert (report.imported, report.duplicates) == (31, 2)
    assert [(error.row, error.field) for error in report.invalid] == [(33, "submitted_on")]
    assert companies(database, "A0", "A29") == ["Plain 0", "Plain 29"]


def test_a_json_array_is_read_across_its_blocks(database, write_csv, monkeypatch):
    monkeypatch.setattr(json_rows, "BLOCK", 64)  # every object straddles a block boundary
    records = [
        {"application_id": f"J{n}", "submitted_on": "2026-03-01", "company": f"Jay {n}",
         "contact": {"email": f"j{n}@jay{n}.io"}, "country": "GB"}
        for n in range(40)
    ]  # fmt: skip
    path = write_csv(json.dumps(records, indent=1), "apps.json")
    table = read_table(path)
    assert "contact.email" in table.header
    assert [number for number, _ in table.rows] == list(range(1, 41))
    with pytest.raises(FileRefused, match="not valid JSON"):
        read_table(write_csv(json.dumps(records)[:-1], "cut.json"))
