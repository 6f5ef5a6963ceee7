from datetime import date

import pytest
from sqlalchemy import func, select, text

from app import schema
from app.importing.duplicates import flag_pairs
from app.importing.mapping import Mapping
from app.importing.tabular import FileRefused
from tests.importing import import_file

HEADER = "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,website,workspace,partner_code\n"
GOOD = [
    'A1,2026-03-01,Acme Inc,ada@acme.io,United Kingdom,2025-01-01,"$1,200,000.50",no,https://acme.io,acme,yc\n',
    "A2,2026-03-02,Beta GmbH,bo@beta.de,DEU,2024-03-02,5000000,no,,beta,\n",
    "A3,2026-03-03,Gamma,gi@gamma.fr,FR,,,,,gamma,\n",
]


def count(database, table=schema.applications) -> int:
    with database.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def rows(database):
    with database.read() as conn:
        return {r.application_id: r for r in conn.execute(select(schema.applications))}


def test_valid_rows_are_imported_with_their_eligibility(database, write_csv):
    report = import_file(database, write_csv(HEADER + "".join(GOOD)))
    assert (report.imported, report.duplicates, report.invalid) == (3, 0, [])
    stored = rows(database)
    assert stored["A1"].eligibility == "eligible"
    assert stored["A1"].total_funding_cents == 120_000_050
    assert stored["A1"].country == "GB"
    assert stored["A2"].rule_age == "fail"  # exactly two years
    assert stored["A2"].rule_funding == "pass"  # exactly 5,000,000.00
    assert stored["A3"].eligibility == "incomplete"


def test_reimporting_the_same_file_adds_nothing_and_counts_the_skips(database, write_csv):
    path = write_csv(HEADER + "".join(GOOD))
    import_file(database, path)
    again = import_file(database, path)
    assert (again.imported, again.duplicates) == (0, 3)
    assert count(database) == 3


def test_a_cumulative_export_adds_only_todays_rows_and_skips_yesterdays_unchecked(database, write_csv):
    import_file(database, write_csv(HEADER + "".join(GOOD[:2]), "monday.csv"))
    # Tuesday's export holds Monday's rows again (one since edited into something invalid)
    edited = GOOD[1].replace("5000000", "lots")
    report = import_file(database, write_csv(HEADER + GOOD[0] + edited + GOOD[2], "tuesday.csv"))
    assert (report.imported, report.duplicates, report.invalid) == (1, 2, [])
    assert sorted(rows(database)) == ["A1", "A2", "A3"]


def test_rows_without_an_application_id_are_still_imported_once(database, write_csv):
    path = write_csv("submitted_on,company,contact_email,country\n2026-01-02,Solo,s@solo.io,US\n")
    import_file(database, path)
    assert import_file(database, path).duplicates == 1
    assert count(database) == 1


def test_invalid_rows_are_named_by_row_field_and_reason_and_the_valid_rows_still_land(database, write_csv):
    bad = "B1,03/04/2025,Bad Co,nope,Narnia,2027-01-01,abc,maybe,,,\n"
    report = import_file(database, write_csv(HEADER + GOOD[0] + bad))
    assert report.imported == 1
    problems = {(e.row, e.field) for e in report.invalid}
    assert problems == {
        (3, "submitted_on"),
        (3, "contact_email"),
        (3, "country"),
        (3, "total_funding_usd"),
        (3, "previous_discount"),
    }
    message = next(e.message for e in report.invalid if e.field == "submitted_on")
    assert "ambiguous" in message


def test_a_funding_of_superscript_digits_is_a_row_error_not_a_crash(database, write_csv):
    report = import_file(database, write_csv(HEADER + "S1,2026-03-01,Sup,s@sup.io,GB,,²,no,,,\n"))
    assert [(e.row, e.field) for e in report.invalid] == [(2, "total_funding_usd")]
    assert report.imported == 0


def test_strict_mode_imports_nothing_when_any_row_is_invalid(database, write_csv):
    report = import_file(database, write_csv(HEADER + GOOD[0] + "B1,2026-01-01,,x@y.io,US,,,,,,\n"), strict=True)
    assert report.imported == 0
    assert report.invalid[0].field == "company"
    assert count(database) == 0
    assert count(database, schema.import_batches) == 0


def test_incorporation_after_application_is_invalid(database, write_csv):
    report = import_file(database, write_csv(HEADER + "C1,2026-01-01,Late,l@late.io,US,2026-02-01,,,,,\n"))
    assert report.invalid[0].field == "incorporated_on"
    assert "after the application date" in report.invalid[0].message


@pytest.mark.parametrize(
    "encoding,delimiter,newline", [("utf-8-sig", ";", "\r\n"), ("cp1252", ",", "\r"), ("utf-8", ";", "\n")]
)
def test_encodings_delimiters_and_line_endings_are_read(database, write_csv, encoding, delimiter, newline):
    lines = ["Submitted On;Company;E-Mail;Country", "2026-01-05;Café Zoë;z@cafe.fr;France"]
    content = newline.join(line.replace(";", delimiter) for line in lines) + newline
    report = import_file(database, write_csv(content, encoding=encoding))
    assert report.imported == 1, report.as_json()
    with database.read() as conn:
        assert conn.execute(select(schema.applications.c.company)).scalar() == "Café Zoë"


def test_a_file_in_an_unknown_encoding_is_refused_with_a_hint(database, write_csv):
    with pytest.raises(FileRefused, match="encoding"):
        import_file(database, write_csv(b"company\n\x81\x8d\x8f\x90\x9d\n"))


def test_missing_required_columns_refuse_the_file(database, write_csv):
    with pytest.raises(FileRefused, match="contact_email, country"):
        import_file(database, write_csv("submitted_on,company\n2026-01-01,X\n"))


def test_a_chosen_date_format_reads_day_first_dates(database, write_csv):
    mapping = Mapping(date_format="%d/%m/%Y")
    path = write_csv("submitted_on,company,contact_email,country\n03/04/2025,Dmy,d@dmy.io,GB\n")
    assert import_file(database, path, mapping).imported == 1
    with database.read() as conn:
        assert conn.execute(select(schema.applications.c.submitted_on)).scalar() == date(2025, 4, 3)


def test_possible_duplicates_are_flagged_against_the_earlier_application(database, write_csv):
    import_file(database, write_csv(HEADER + GOOD[0], "first.csv"))
    second = "A9,2026-04-01,ACME Ltd,x@acme.io,GB,,,,,other,\n"
    report = import_file(database, write_csv(HEADER + second, "second.csv"))
    assert report.flagged == 1
    with database.read() as conn:
        flags = {kind for _, _, kind in flag_pairs(conn)}
    assert flags == {"domain", "name"}


def test_flags_list_every_earlier_match_whether_stored_before_or_in_the_same_file(database, write_csv):
    import_file(database, write_csv(HEADER + GOOD[0], "first.csv"))
    second = (
        "B1,2026-04-01,Beta Rockets,x@acme.io,GB,,,,,b1,\n"  # A1's domain
        "B2,2026-04-02,Beta Rockets Ltd,y@acme.io,GB,,,,,b2,\n"  # A1's domain and B1's name
    )
    report = import_file(database, write_csv(HEADER + second, "second.csv"))
    assert report.flagged == 2
    ids = {ref: row.id for ref, row in rows(database).items()}
    with database.read() as conn:
        flags = flag_pairs(conn)
    assert flags == {
        (ids["B1"], ids["A1"], "domain"),
        (ids["B2"], ids["A1"], "domain"),  # the stored one
        (ids["B2"], ids["B1"], "domain"),  # and the earlier row of the same file: every match, not one
        (ids["B2"], ids["B1"], "name"),
    }


def test_unknown_partner_codes_are_reported_not_dropped(database, write_csv):
    report = import_file(database, write_csv(HEADER + GOOD[0]))
    assert report.unknown_partners == ["yc"]
    assert rows(database)["A1"].partner_code == "yc"


def test_xlsx_files_import_like_csv(database, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Application ID", "Submitted", "Company Name", "Email", "Country", "Total Funding"])
    sheet.append(["X1", date(2026, 2, 1), "Sheet & Co", "f@sheet.io", "GBR", 250000])
    path = tmp_path / "apps.xlsx"
    book.save(path)
    report = import_file(database, path)
    assert report.imported == 1, report.as_json()
    assert rows(database)["X1"].total_funding_cents == 25_000_000


def test_a_failed_import_leaves_the_database_as_it_was(database, write_csv, monkeypatch):
    import app.importing.applications as module

    import_file(database, write_csv(HEADER + GOOD[0], "first.csv"))

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "flag_duplicates", explode)
    with pytest.raises(RuntimeError):
        import_file(database, write_csv(HEADER + "".join(GOOD[1:]), "second.csv"))
    assert count(database) == 1
    with database.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM import_batches")).scalar() == 1


def _indexes(database) -> list[tuple[str, tuple[str, ...], bool]]:
    from sqlalchemy import inspect

    with database.read() as conn:
        found = inspect(conn).get_indexes("applications")
    return sorted((i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in found)


def _statements(database) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda conn, cursor, sql, *rest: seen.append(sql))
    return seen


@pytest.mark.parametrize("fails", [False, True], ids=["lands", "fails"])
def test_a_big_import_into_a_small_table_keeps_every_index_whether_it_lands_or_fails(
    database, write_csv, monkeypatch, fails
):
    # On SQLite a big import drops the table's indexes and builds them again after
    # the insert; the queue's indexes and the duplicate flags must come out the same.
    import app.bulk
    import app.importing.applications as module

    monkeypatch.setattr(app.bulk, "REBUILD_AT", 2)
    import_file(database, write_csv(HEADER + GOOD[0], "first.csv"))
    indexes = _indexes(database)
    assert len(indexes) >= 10
    statements = _statements(database)
    if fails:
        monkeypatch.setattr(module, "flag_duplicates", lambda *args: (_ for _ in ()).throw(RuntimeError("disk full")))
    second = "A9,2026-04-01,ACME Ltd,x@acme.io,GB,,,,,other,\n"
    big = write_csv(HEADER + "".join(GOOD[1:]) + second, "second.csv")
    if fails:
        with pytest.raises(RuntimeError):
            import_file(database, big)
        assert count(database) == 1
    else:
        report = import_file(database, big)
        assert (report.imported, report.flagged) == (3, 1)
    assert _indexes(database) == indexes
    if database.engine.dialect.name == "sqlite":
        assert any(sql.startswith("DROP INDEX") for sql in statements)  # the rebuild did happen


def _import_in_chunks_of_two(monkeypatch):
    import app.importing.applications as module

    monkeypatch.setattr(module, "FIRST_CHUNK", 2)  # a big file's chunked path, with a small file
    monkeypatch.setattr(module, "INSERT_CHUNK", 2)


def test_a_file_imported_in_chunks_lands_as_it_would_in_one(database, write_csv, monkeypatch):
    from app.search import text_condition

    whole = HEADER + "".join(GOOD) + "A1,2026-03-01,Acme Inc,ada@acme.io,GB,,,,,acme,\n"
    whole += "A4,2026-03-05,ACME Ltd,z@acme.io,US,,,,,zz,\n"
    _import_in_chunks_of_two(monkeypatch)
    report = import_file(database, write_csv(whole))
    # A1 again in the third chunk is the same row; A4 (fifth row) shares A1's domain and name
    assert (report.imported, report.duplicates, report.flagged) == (4, 1, 1)
    stored = rows(database)
    assert sorted(stored) == ["A1", "A2", "A3", "A4"]
    assert stored["A2"].rule_age == "fail" and stored["A3"].eligibility == "incomplete"
    with database.read() as conn:
        flags = flag_pairs(conn)
        assert flags == {(stored["A4"].id, stored["A1"].id, "domain"), (stored["A4"].id, stored["A1"].id, "name")}
        found = conn.execute(select(schema.applications.c.id).where(text_condition(conn, "gamma"))).scalars()
        assert list(found) == [stored["A3"].id]  # every chunk reached the search index


def test_strict_refuses_a_file_whose_invalid_row_comes_after_chunks_were_written(database, write_csv, monkeypatch):
    _import_in_chunks_of_two(monkeypatch)
    late_error = (
        HEADER + "".join(GOOD) + "B1,2026-01-01,,x@y.io,US,,,,,,\n" + "B2,2026-01-02,Late,l@late.io,Narnia,,,,,,\n"
    )
    report = import_file(database, write_csv(late_error), strict=True)
    assert report.imported == 0
    assert [(e.row, e.field) for e in report.invalid] == [(5, "company"), (6, "country")]
    assert count(database) == 0
    assert count(database, schema.import_batches) == 0


def test_reimporting_a_big_file_touches_no_index(database, write_csv, monkeypatch):
    import app.bulk

    monkeypatch.setattr(app.bulk, "REBUILD_AT", 2)
    path = write_csv(HEADER + "".join(GOOD))
    import_file(database, path)
    statements = _statements(database)
    again = import_file(database, path)
    assert (again.imported, again.duplicates) == (0, 3)
    assert not [sql for sql in statements if sql.startswith(("DROP INDEX", "CREATE INDEX"))]


def test_an_import_takes_a_large_page_cache_and_gives_it_back(database):
    from app.bulk import large_page_cache

    if not database.is_sqlite:
        pytest.skip("SQLite's page cache")
    with database.engine.connect() as conn:
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        with large_page_cache(conn):
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -64 * 1024
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before
