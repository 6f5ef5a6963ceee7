"""The queue's text search and filters in SQL, on both databases (FTS5 trigram / pg_trgm)."""

from __future__ import annotations

import pytest

from app.queries import QueueFilter, count_queue, queue_page
from app.search import has_trigram_index
from tests.importing import import_file

ROWS = (
    "application_id,submitted_on,company,contact_email,contact_name,country,website\n"
    "S-001,2026-01-02,Quantum Leap Labs,ada@quantumleap.io,Ada Byron,GB,https://quantumleap.io\n"
    "S-002,2026-01-03,O'Brien & Sons_Co,ob@obrien.ie,Seán O'Brien,IE,https://obrien.ie\n"
    "S-003,2026-01-04,100% Organic,grow@organic.example,Grace,US,https://organic.example\n"
    "S-004,2026-01-05,Ёлка Софт,info@yolka.ru,Иван,DE,https://yolka.ru\n"
    "ZX-9,2026-01-06,Leap Frog,frog@leapfrog.dev,Kermit,FR,\n"
)


@pytest.fixture
def queue(database, write_csv):
    assert import_file(database, write_csv(ROWS)).imported == 5
    return database


def found(database, text: str, **more) -> list[str]:
    with database.read() as conn:
        queue = QueueFilter(text=text, **more)
        rows = queue_page(conn, queue, "company")
        assert count_queue(conn, queue) == len(rows)
        return [row[2] for row in rows]


@pytest.mark.parametrize(
    "text,companies",
    [
        ("leap", ["Leap Frog", "Quantum Leap Labs"]),  # company, any case
        ("LEAPFROG.DEV", ["Leap Frog"]),  # e-mail and domain
        ("byron", ["Quantum Leap Labs"]),  # contact name
        ("s-00", ["100% Organic", "O'Brien & Sons_Co", "Quantum Leap Labs", "Ёлка Софт"]),  # application id
        ("o'brien", ["O'Brien & Sons_Co"]),
        ("100%", ["100% Organic"]),  # % is a character, not a wildcard
        ("s_co", ["O'Brien & Sons_Co"]),  # and so is _
        ("софт", ["Ёлка Софт"]),  # Cyrillic, any case
        ("zx", ["Leap Frog"]),  # two characters: read row by row, same answer
        ('"quoted"', []),
    ],
)
def test_search_finds_text_inside_company_contact_email_domain_and_id(queue, text, companies):
    assert found(queue, text) == companies


def test_search_combines_with_filters_and_sqlite_uses_its_trigram_index(queue, database_url):
    assert found(queue, "leap", country="FR") == ["Leap Frog"]
    with queue.read() as conn:
        assert has_trigram_index(conn) == database_url.startswith("sqlite")


@pytest.mark.parametrize("text", ["labs\nada", "labsada", "byron\nada@"])
def test_a_match_never_runs_from_one_value_into_the_next(queue, text):
    # "Quantum Leap Labs" is followed by "Ada Byron": PostgreSQL searches the five values joined
    assert found(queue, text) == []


@pytest.mark.postgres
def test_a_postgresql_search_reads_its_one_trigram_index(queue, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's plan")
    from sqlalchemy import select

    from app import schema
    from app.search import text_condition

    with queue.read() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # five rows: the planner would read them all
        query = select(schema.applications.c.id).where(text_condition(conn, "leap"))
        plan = "\n".join(
            row[0]
            for row in conn.exec_driver_sql(f"EXPLAIN {query.compile(conn, compile_kwargs={'literal_binds': True})}")
        )
        indexes = [
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s ORDER BY 1", ("%trgm%",)
            )
        ]
    assert "ix_applications_trgm_text" in plan
    # one trigram index fed by each import, not five; beside it migration 0022's partial index
    # (the applications with characters besides letters, digits and common separators)
    assert indexes == ["ix_applications_trgm_rare", "ix_applications_trgm_text"]


def test_a_later_import_is_searchable_and_a_re_import_adds_nothing_twice(queue, write_csv):
    later = (
        "application_id,submitted_on,company,contact_email,country\nL-1,2026-02-01,Leap Year Ltd,ly@leapyear.io,GB\n"
    )
    import_file(queue, write_csv(later, "later.csv"))
    import_file(queue, write_csv(later, "later.csv"))
    import_file(queue, write_csv(ROWS))
    assert found(queue, "leap") == ["Leap Frog", "Leap Year Ltd", "Quantum Leap Labs"]


def test_walking_the_sort_index_gives_the_same_pages_as_sorting_every_match(queue, write_csv, monkeypatch):
    """Above BROAD matches SQLite walks the sort's index (tested here with a small BROAD)."""
    from app import queries

    more = "".join(
        f"W-{n},2026-03-{n % 28 + 1:02d},Walker {n:03d},w{n}@walk{n}.io,{'GB' if n % 3 else 'FR'}\n" for n in range(90)
    )
    import_file(queue, write_csv("application_id,submitted_on,company,contact_email,country\n" + more, "w.csv"))
    cases = [
        (QueueFilter(country="GB"), "submitted_on", False),
        (QueueFilter(country="GB", text="walk"), "company", True),
        (QueueFilter(statuses=("new",)), "total_funding_cents", False),
    ]

    def pages(queue_filter, sort, descending):
        with queue.read() as conn:
            total = count_queue(conn, queue_filter)
            return [queue_page(conn, queue_filter, sort, descending, offset, 7, total) for offset in range(0, total, 7)]

    sorted_pages = [pages(*case) for case in cases]
    monkeypatch.setattr(queries, "BROAD", 5)
    assert [pages(*case) for case in cases] == sorted_pages


def test_a_search_resolved_to_its_hits_reads_the_same_pages(queue):
    from app.queries import quick_count

    for text, more in (("leap", {}), ("s-00", {"country": "GB"}), ("zz-none", {}), ("zx", {})):
        plain = QueueFilter(text=text, **more)
        with queue.read() as conn:
            count, exact, reading = quick_count(conn, plain)
            assert exact and count == count_queue(conn, plain)
            assert queue_page(conn, reading, "company") == queue_page(conn, plain, "company")


def test_a_queue_row_carries_the_form_id_a_person_knows_it_by(queue):
    with queue.read() as conn:
        rows = queue_page(conn, QueueFilter(text="leap"), "company")
    assert [(row[2], row[10]) for row in rows] == [("Leap Frog", "ZX-9"), ("Quantum Leap Labs", "S-001")]


def test_a_queue_row_says_since_when_it_is_in_its_status(queue, clock):
    from datetime import datetime

    from app.services.applications import Decide, decide

    with queue.read() as conn:
        imported = {row[10]: row[11] for row in queue_page(conn, QueueFilter(text="leap"), "company")}
    clock.at = datetime(2027, 6, 20, 9)
    queue.run(decide, Decide("ZX-9", "needs-info", reason="which country?"))
    with queue.read() as conn:
        since = {row[10]: row[11] for row in queue_page(conn, QueueFilter(text="leap"), "company")}
    assert since["S-001"] == imported["S-001"]  # untouched: since its import
    assert since["ZX-9"].date().isoformat() == "2027-06-20"  # since the decision


def test_the_overdue_filter_lists_needs_info_past_its_answer_by_date(queue, clock):
    from datetime import date, timedelta

    from app.queries import count_queue
    from app.services.applications import Decide, decide

    queue.run(decide, Decide("ZX-9", "needs-info", reason="which country?"))
    today = clock.today()
    with queue.read() as conn:
        assert count_queue(conn, QueueFilter(overdue_on=today)) == 0
        assert count_queue(conn, QueueFilter(overdue_on=today + timedelta(days=15))) == 1
        assert count_queue(conn, QueueFilter(overdue_on=date(2999, 1, 1), statuses=("new",))) == 0


def test_a_common_two_character_search_shows_its_first_page_before_every_match_is_counted(
    queue, write_csv, monkeypatch
):
    """Issue 17: a one- or two-character needle has no trigram; counting all its matches row by
    row took seconds at three million rows. On SQLite the look stops once more than BROAD
    rows match, and the first page walks the sort's index; the exact count follows. PostgreSQL
    (pg_trgm indexes no term under three characters) stops counting the same way."""
    from app import queries
    from app.queries import quick_count

    more = "".join(f"W-{n},2026-03-{n % 28 + 1:02d},Walker {n:03d},w{n}@walk{n}.io,GB\n" for n in range(40))
    import_file(queue, write_csv("application_id,submitted_on,company,contact_email,country\n" + more, "w.csv"))
    monkeypatch.setattr(queries, "BROAD", 5)
    plain = QueueFilter(text="wa")
    with queue.read() as conn:
        count, exact, reading = quick_count(conn, plain)
        first = queue_page(conn, reading, "company", False, 0, 10, count, exact)
        assert count_queue(conn, plain) == 40
        monkeypatch.setattr(queries, "BROAD", 20_000)
        assert first == queue_page(conn, plain, "company", False, 0, 10, 40)
    assert (count, exact) == (6, False), "on both engines the count stops past BROAD; the exact one follows"


RARE = (
    "application_id,submitted_on,company,contact_email,contact_name,country\n"
    "Q7,2026-04-01,Qz,qz@qz.io,Al,GB\n"
    "R-1,2026-04-02,Frozq,f@frozen.io,Bo,GB\n"
    "R-2,2026-04-03,Kwj,k@kw.io,,GB\n"
    "R-3,2026-04-04,Ovjo,o@ov.io,,GB\n"
    "R-4,2026-04-05,Zed Corp,ab@zed.q7,,GB\n"
)


@pytest.mark.parametrize(
    "text,companies",
    [
        ("q7", ["Qz", "Zed Corp"]),  # a two-character id (no trigram at all), and the end of an e-mail
        ("zq", ["Frozq"]),  # the end of a company's name: in its last trigram only
        ("j", ["Kwj", "Ovjo"]),  # one character: last, and second to last, of a value
        ("AL", ["Qz"]),  # a two-character contact name, any case
        ("qq", []),
    ],
)
def test_a_rare_one_or_two_character_search_finds_what_a_row_by_row_look_finds(queue, write_csv, text, companies):
    """Issue 17: on SQLite a short needle is answered from the trigram table's vocabulary and a
    partial index of short values (milliseconds instead of seconds at a million rows), with the
    rows a look at every row finds, on both databases."""
    from sqlalchemy import select

    from app import schema
    from app.queries import quick_count
    from app.search import text_condition

    import_file(queue, write_csv(RARE, "rare.csv"))
    a = schema.applications.c
    with queue.read() as conn:
        count, exact, reading = quick_count(conn, QueueFilter(text=text))
        page = [row[2] for row in queue_page(conn, reading, "company")]
        scanned = list(conn.execute(select(a.company).where(text_condition(conn, text)).order_by(a.company)).scalars())
    assert page == scanned == companies
    assert (count, exact) == (len(companies), True)


def test_a_broad_date_range_shows_its_first_page_before_every_match_is_counted(queue, write_csv, monkeypatch):
    """Issue 17: counting a quarter of open applications at three million rows took half a second;
    above BROAD the count starts as an upper bound (the exact one follows), the page is the same."""
    from datetime import date

    from app import queries
    from app.queries import quick_count

    more = "".join(f"W-{n},2026-03-{n % 28 + 1:02d},Walker {n:03d},w{n}@walk{n}.io,GB\n" for n in range(40))
    import_file(queue, write_csv("application_id,submitted_on,company,contact_email,country\n" + more, "w.csv"))
    monkeypatch.setattr(queries, "BROAD", 5)
    dated = QueueFilter(statuses=("new",), submitted_from=date(2026, 3, 1), submitted_to=date(2026, 3, 31))
    with queue.read() as conn:
        count, exact, reading = quick_count(conn, dated)
        first = queue_page(conn, reading, "company", False, 0, 10, count, exact)
        assert (count, exact, count_queue(conn, dated)) == (6, False, 40)
        assert first == queue_page(conn, dated, "company", False, 0, 10)
        narrow = replace_range(dated, date(2026, 3, 1))
        assert quick_count(conn, narrow)[:2] == (count_queue(conn, narrow), True)


def replace_range(queue_filter, day):
    from dataclasses import replace

    return replace(queue_filter, submitted_from=day, submitted_to=day)


def test_a_search_counted_at_no_match_reads_no_page(queue):
    """The count already looked at every row (a 1-2 character needle on PostgreSQL has no index):
    its first page is not looked for again."""
    from sqlalchemy import event

    from app.queries import quick_count

    with queue.read() as conn:
        count, exact, reading = quick_count(conn, QueueFilter(text="zq"))
        statements = []
        event.listen(conn, "before_cursor_execute", lambda *args: statements.append(args[2]))
        assert (count, exact) == (0, True)
        assert queue_page(conn, reading, "company", total=count, exact=exact) == []
        assert statements == []
        assert queue_page(conn, reading, "company") == [], "without a count it looks, and finds nothing"
        assert statements
