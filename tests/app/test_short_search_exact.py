"""A one- or two-character search answered from indexes finds exactly what the plain LIKE
finds (issue 17), over random values: short ones, any case, line breaks, separators, other
punctuation and other scripts, on both databases."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select, text

from app import schema, search, search_backlog
from app.queries import QueueFilter, count_queue, queue_page, quick_count
from tests.importing import import_file

PIECES = ["a", "b", "c", "q", "x", "z", "Q", "Z", "A", "0", "7", " ", "@", ".", "-", "\n", "&", "_", "'", "%"]
PIECES += ["é", "É", "ß", "ё", "Ё", "中", "\t", "co", "qz", "Zq", "@c"]
#: what the search is asked: each character alone and beside each other, absent ones too
NEEDLES = sorted({*PIECES, "qq", "zé", "#", "É@", "7q", "é", " a", "a ", "c@", ".-", "QZ", "x7"} - {"\n"})
SEARCHED = ("company", "contact_name", "contact_email", "web_domain", "application_id")
COPIED = [c.name for c in schema.applications.columns if c.name not in ("id", "source_key", *SEARCHED)]


def random_value(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.choice([1, 1, 2, 2, 3, 5, 8])))


@pytest.fixture
def random_queue(database, write_csv):
    import_file(
        database,
        write_csv("application_id,submitted_on,company,contact_email,country\nX-0,2026-01-02,Seed,s@seed.io,GB\n"),
    )
    rng = random.Random(17)
    columns = ", ".join(COPIED)
    copy = text(
        f"INSERT INTO applications (source_key, {', '.join(SEARCHED)}, {columns}) "
        f"SELECT :key, :company, :contact_name, :contact_email, :web_domain, :application_id, {columns} "
        "FROM applications WHERE application_id = 'X-0'"
    )
    with database.engine.begin() as conn:
        for n in range(300):
            values = {column: random_value(rng) for column in SEARCHED}
            values["application_id"] = None if n % 7 == 0 else values["application_id"]
            conn.execute(copy, {"key": f"R-{n}", **values})
        search_backlog.index_waiting(conn, None)  # SQLite's trigram table, as after an import
        # an edit: what the indexes hold follows the row (triggers on SQLite, PostgreSQL itself)
        conn.execute(text("UPDATE applications SET company = 'plain zq' WHERE source_key = 'R-1'"))
        conn.execute(text("UPDATE applications SET contact_name = 'Zé' WHERE source_key = 'R-2'"))
        assert conn.execute(text("SELECT count(*) FROM applications")).scalar() == 301
    return database


def scanned(conn, needle: str) -> list[int]:
    a = schema.applications.c
    return sorted(conn.execute(select(a.id).where(search.text_condition(conn, needle))).scalars())


def test_short_needles_from_indexes_find_what_a_row_by_row_look_finds(random_queue, monkeypatch):
    monkeypatch.setattr(search, "_looks_broad", lambda *args: False)  # every needle from the indexes
    with random_queue.read() as conn:
        postgres = conn.dialect.name == "postgresql"
        assert not postgres or search.has_postgres_short_search(conn)
        for needle in NEEDLES:
            expected = scanned(conn, needle)
            hits = search.text_hits(conn, needle, cap=10_000)
            if postgres and search._neighbour_patterns(needle.lower()) is not None:
                assert hits is not None, f"{needle!r} is answered from the indexes"
            if hits is not None:
                assert sorted(hits) == expected, f"{needle!r}"
        assert scanned(conn, "zq") and scanned(conn, "zé")


def test_a_short_needle_past_the_cap_is_left_to_the_scan(random_queue, monkeypatch):
    monkeypatch.setattr(search, "_looks_broad", lambda *args: False)
    with random_queue.read() as conn:
        common = len(scanned(conn, "a"))
        assert search.text_hits(conn, "a", cap=common) is not None
        assert search.text_hits(conn, "a", cap=common - 1) is None


@pytest.mark.parametrize("needle", ["zq", "7", "é", "Q", "@c", "&"])
def test_the_queue_reads_the_same_count_and_pages_either_way(random_queue, needle):
    plain = QueueFilter(text=needle)
    with random_queue.read() as conn:
        count, exact, reading = quick_count(conn, plain)
        assert exact and count == len(scanned(conn, needle)) == count_queue(conn, plain)
        for sort in ("company", "submitted_on"):
            assert queue_page(conn, reading, sort, limit=25) == queue_page(conn, plain, sort, limit=25)


@pytest.mark.postgres
@pytest.mark.parametrize("needle", ["zq", "q", "é", "@c"])
def test_a_postgresql_short_search_reads_indexes_only(random_queue, database_url, needle):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's plan")
    with random_queue.read() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # 301 rows: the planner would read them all
        query = search.postgres_short_query(needle, *search._neighbour_patterns(needle), cap=100)
        plan = "\n".join(row[0] for row in conn.execute(text(f"EXPLAIN {query.text}"), query.compile().params))
    assert "Seq Scan" not in plan
    assert "ix_applications_trgm_rare" in plan
    assert ("ix_applications_trgm_text" in plan) == (needle != "é")


def test_migration_0022_takes_its_index_away_and_builds_it_again_for_the_rows_there(
    random_queue, database_url, tmp_path, clock, monkeypatch
):
    from app import db
    from app.database import Database
    from tests.app.test_import_duplicates import _downgrade

    def has_index() -> bool:
        engine = db.create(database_url)
        try:
            with engine.connect() as conn:
                return conn.dialect.name == "postgresql" and bool(
                    conn.exec_driver_sql("SELECT to_regclass('ix_applications_trgm_rare')").scalar()
                )
        finally:
            engine.dispose()

    monkeypatch.setattr(search, "_looks_broad", lambda *args: False)
    random_queue.close()
    assert has_index() == database_url.startswith("postgresql")
    _downgrade(database_url, "0021")
    assert not has_index()
    reopened = Database(database_url, "tester", backup_dir=tmp_path / "again", clock=clock)  # upgrades again
    try:
        assert has_index() == database_url.startswith("postgresql")
        with reopened.read() as conn:
            for needle in ("é", "zé", "q", "zq"):
                assert sorted(search.text_hits(conn, needle, cap=10_000)) == scanned(conn, needle)
    finally:
        reopened.close()


def test_the_searched_text_and_the_partial_index_condition_are_the_migrations_word_for_word():
    import importlib

    migration = importlib.import_module("app.migrations.versions.0022_pgshort")
    assert (search.SEARCHED_TEXT, search.RARE_TEXT, search.RARE_INDEX) == (
        migration.SEARCHED_TEXT,
        migration.RARE_TEXT,
        migration.INDEX,
    )
    assert set(search.PLAIN) == set(migration.RARE_TEXT.split("[^")[1].split("]")[0].replace("\\n", "\n"))
