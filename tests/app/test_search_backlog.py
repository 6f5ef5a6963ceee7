"""A big import's rows go into SQLite's search index after its commit (app.search_backlog,
migration 0020): meanwhile every search finds them all the same, read row by row."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app import search_backlog
from app.queries import QueueFilter, count_queue, queue_page, quick_count
from app.services.search_index import IndexForSearch, index_for_search, waiting_for_search
from tests.app.test_queue_search import ROWS
from tests.importing import import_file

SEARCHES = {
    "leap": ["Leap Frog", "Quantum Leap Labs"],
    "LEAPFROG.DEV": ["Leap Frog"],
    "byron": ["Quantum Leap Labs"],
    "s-00": ["100% Organic", "O'Brien & Sons_Co", "Quantum Leap Labs", "Ёлка Софт"],
    "100%": ["100% Organic"],
    "s_co": ["O'Brien & Sons_Co"],
    "софт": ["Ёлка Софт"],  # the index folds Cyrillic case: so must the row-by-row look
    "zx": ["Leap Frog"],
    "q": ["Quantum Leap Labs"],
    "labs\nada": [],  # values are searched one by one, never across two
}


def found(database, needle: str) -> list[str]:
    with database.read() as conn:
        queue = QueueFilter(text=needle)
        rows = queue_page(conn, queue, "company")
        assert count_queue(conn, queue) == len(rows)
        count, exact, narrowed = quick_count(conn, queue)
        assert exact and count == len(rows) == len(queue_page(conn, narrowed, "company"))
        return [row[2] for row in rows]


@pytest.fixture
def big_import(monkeypatch):
    """Every import here counts as big: it leaves its rows out of the index."""
    monkeypatch.setattr(search_backlog, "WITHIN_IMPORT", 0)


def test_a_small_import_fills_the_search_index_itself(database, write_csv):
    import_file(database, write_csv(ROWS))
    assert database.query(waiting_for_search) == 0
    assert {needle: found(database, needle) for needle in SEARCHES} == SEARCHES


def test_rows_waiting_for_the_index_are_found_and_then_indexed(database, database_url, write_csv, big_import):
    assert import_file(database, write_csv(ROWS)).imported == 5
    sqlite = database_url.startswith("sqlite")
    assert database.query(waiting_for_search) == (5 if sqlite else 0)  # PostgreSQL keeps its index itself
    assert {needle: found(database, needle) for needle in SEARCHES} == SEARCHES
    assert database.run(index_for_search, IndexForSearch(rows=2)) == (3 if sqlite else 0)
    assert {needle: found(database, needle) for needle in SEARCHES} == SEARCHES  # part in, part waiting
    while database.run(index_for_search, IndexForSearch(rows=2)):
        pass
    assert database.query(waiting_for_search) == 0
    assert {needle: found(database, needle) for needle in SEARCHES} == SEARCHES
    if sqlite:
        with database.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM applications_fts").scalar() == 5


def test_a_value_changed_while_waiting_is_indexed_as_changed(database, database_url, write_csv, big_import):
    import_file(database, write_csv(ROWS))
    with database.read() as conn, conn.begin():
        conn.execute(text("UPDATE applications SET company = 'Gravity Works' WHERE application_id = 'S-001'"))
    while database.run(index_for_search, IndexForSearch()):
        pass
    assert found(database, "gravity") == ["Gravity Works"]
    assert found(database, "labs") == []
    with database.read() as conn, conn.begin():  # an indexed one: the trigger keeps the index right
        conn.execute(text("UPDATE applications SET company = 'Orbit Ltd' WHERE application_id = 'S-001'"))
    assert found(database, "orbit") == ["Orbit Ltd"]
    assert found(database, "gravity") == []
    if database_url.startswith("sqlite"):
        with database.read() as conn:  # the trigram table agrees with the rows it holds
            conn.exec_driver_sql("INSERT INTO applications_fts(applications_fts) VALUES ('integrity-check')")


def test_a_second_import_while_the_first_waits_waits_behind_it(database, write_csv, big_import, database_url):
    import_file(database, write_csv(ROWS))
    more = ROWS.splitlines()[0] + "\nT-1,2026-02-01,Leap Year Co,y@leapyear.io,Yuri,GB,https://leapyear.io\n"
    import_file(database, write_csv(more, "more.csv"))
    assert found(database, "leap") == ["Leap Frog", "Leap Year Co", "Quantum Leap Labs"]
    while database.run(index_for_search, IndexForSearch(rows=4)):
        pass
    assert found(database, "leap") == ["Leap Frog", "Leap Year Co", "Quantum Leap Labs"]


def test_going_back_to_schema_0019_puts_the_waiting_rows_into_the_index(database_url, write_csv, tmp_path, clock):
    from app.database import Database
    from tests.app.test_import_duplicates import _downgrade

    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's trigram table only")
    database = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)
    search_backlog.WITHIN_IMPORT, kept = 0, search_backlog.WITHIN_IMPORT
    try:
        import_file(database, write_csv(ROWS))
    finally:
        search_backlog.WITHIN_IMPORT = kept
    database.close()
    _downgrade(database_url, "0019")
    from app import db

    engine = db.create(database_url)
    with engine.connect() as conn:
        held = conn.exec_driver_sql("SELECT rowid FROM applications_fts WHERE applications_fts MATCH '\"leap\"'")
        assert sorted(row for (row,) in held) == [1, 5]
        conn.exec_driver_sql("INSERT INTO applications_fts(applications_fts) VALUES ('integrity-check')")
    engine.dispose()
    database = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)  # and up again
    assert database.query(waiting_for_search) == 0
    assert found(database, "leap") == ["Leap Frog", "Quantum Leap Labs"]
    database.close()


def test_the_command_line_indexes_what_its_import_left_before_it_exits(database_url, write_csv, big_import, capsys):
    from app.cli import main
    from app.database import Database

    assert main(["--db", database_url, "--user", "cli.tester", "import", "applications", str(write_csv(ROWS))]) == 0
    database = Database(database_url, "tester")
    try:
        assert database.query(waiting_for_search) == 0
        assert found(database, "софт") == ["Ёлка Софт"]
    finally:
        database.close()
