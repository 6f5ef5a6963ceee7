"""Duplicate flags on import (issue 13): registrable domains by the Public Suffix List, never a
shared host, names without their legal form, and every earlier match listed."""

from sqlalchemy import select

from app import schema
from app.domains import mail_domain, web_domain
from app.importing.duplicates import flag_pairs
from tests.importing import import_file

HEADER = "application_id,submitted_on,company,contact_email,country,website\n"


def flags(database) -> set[tuple[str, str, str]]:
    """Every flag as (application, earlier application, kind), by the form's ids."""
    with database.read() as conn:
        a = schema.applications.c
        refs = dict(conn.execute(select(a.id, a.application_id)).all())
        return {(refs[application], refs[other], kind) for application, other, kind in flag_pairs(conn)}


def test_the_public_suffix_list_gives_registrable_domains():
    assert web_domain("https://secret.corgi.insure/login") == "corgi.insure"
    assert web_domain("https://www.shop.acme.co.uk") == "acme.co.uk"
    assert web_domain("https://acme.github.io") == "acme.github.io"
    assert web_domain("https://acme.notion.site/About-1234") == "acme.notion.site"
    assert web_domain("https://www.producthunt.com/posts/acme") == ""
    assert mail_domain("ada@eu.mail.acme.com.au") == "acme.com.au"


def test_a_subdomain_is_the_same_company(database, write_csv):
    rows = "C1,2026-03-01,Corgi,a@gmail.com,US,https://corgi.insure\n"
    rows += "C2,2026-03-02,Secret Project,b@secret.corgi.insure,US,https://secret.corgi.insure\n"
    import_file(database, write_csv(HEADER + rows))
    assert flags(database) == {("C2", "C1", "domain")}


def test_a_shared_host_flags_nobody(database, write_csv):
    rows = "P1,2026-03-01,Alpha,a@gmail.com,US,https://www.producthunt.com/posts/alpha\n"
    rows += "P2,2026-03-02,Beta,b@gmail.com,US,https://www.producthunt.com/posts/beta\n"
    rows += "P3,2026-03-03,Gamma,g@gmail.com,US,https://gamma.github.io\n"
    rows += "P4,2026-03-04,Delta,d@gmail.com,US,https://delta.github.io\n"
    rows += "P5,2026-03-05,Eps,e@gmail.com,US,https://eps.notion.site\n"
    rows += "P6,2026-03-06,Zeta,z@gmail.com,US,https://zeta.notion.site/page\n"
    rows += "P7,2026-03-07,Eta,eta@gmail.com,US,https://medium.com/@eta\n"
    rows += "P8,2026-03-08,Theta,t@gmail.com,US,https://medium.com/@theta\n"
    report = import_file(database, write_csv(HEADER + rows))
    assert report.imported == 8
    assert flags(database) == set()


def test_a_name_flags_only_without_its_legal_form(database, write_csv):
    rows = "N1,2026-03-01,Acme Inc,a@one.io,US,\n"
    rows += "N2,2026-03-02,ACME Ltd.,b@two.io,GB,\n"
    rows += "N3,2026-03-03,Acme Labs,c@three.io,US,\n"
    rows += "N4,2026-03-04,Acme Tech,d@four.io,US,\n"
    rows += "N5,2026-03-05,Acme OÜ,e@five.ee,EE,\n"
    import_file(database, write_csv(HEADER + rows))
    assert flags(database) == {("N2", "N1", "name"), ("N5", "N1", "name"), ("N5", "N2", "name")}


def test_every_earlier_match_is_listed(database, write_csv):
    import_file(database, write_csv(HEADER + "E1,2026-03-01,One,a@acme.io,US,\n", "first.csv"))
    rows = "E2,2026-03-02,Two,b@acme.io,US,\nE3,2026-03-03,Three,c@acme.io,US,https://acme.io\n"
    report = import_file(database, write_csv(HEADER + rows, "second.csv"))
    assert report.flagged == 2
    assert flags(database) == {("E2", "E1", "domain"), ("E3", "E1", "domain"), ("E3", "E2", "domain")}


def test_a_crowd_sharing_a_key_lists_its_earliest_members_only(database, write_csv, monkeypatch):
    import app.importing.duplicates as duplicates

    monkeypatch.setattr(duplicates, "MATCHES_LISTED", 3)
    rows = "".join(f"U{i},2026-03-01,Firm {i},p{i}@uni.edu,US,\n" for i in range(1, 7))
    report = import_file(database, write_csv(HEADER + rows))
    assert report.flagged == 5
    found = flags(database)
    assert {other for application, other, _ in found if application == "U6"} == {"U1", "U2", "U3"}
    assert {other for application, other, _ in found if application == "U3"} == {"U1", "U2"}


def test_the_detail_lists_each_flag_both_ways_as_the_pairs_say(database, write_csv, monkeypatch):
    """A later application that lists this one among the earliest it resembles is listed
    under "flagged by"; one whose other key had enough holders before it is not."""
    import app.importing.duplicates as duplicates
    from app.queries import application_detail

    monkeypatch.setattr(duplicates, "MATCHES_LISTED", 3)
    rows = "".join(f"L{i},2026-03-0{i},Firm L{i},p{i}@l.io,US,\n" for i in range(1, 4))
    rows += "K1,2026-03-04,Kay,k1@k.io,US,\nX1,2026-03-05,Ex,x1@k.io,US,\n"
    rows += "Y1,2026-03-06,Why,y1@k.io,US,https://l.io\nZ1,2026-03-07,Zed,z1@l.io,US,\n"
    import_file(database, write_csv(HEADER + rows))
    found = flags(database)
    assert {other for application, other, _ in found if application == "Y1"} == {"L1", "L2", "L3"}
    with database.read() as conn:
        refs = dict(conn.execute(select(schema.applications.c.id, schema.applications.c.application_id)).all())
        pairs = flag_pairs(conn)
        for application, ref in refs.items():
            detail = application_detail(conn, application)
            earlier = sorted((other, kind) for mine, other, kind in pairs if mine == application)
            later = sorted((mine, kind) for mine, other, kind in pairs if other == application)
            assert [(d["id"], d["kind"]) for d in detail["duplicates"]] == earlier, ref
            assert [(d["id"], d["kind"]) for d in detail["flagged_by"]] == later, ref
    assert sorted(mine for mine, other, _ in found if other == "K1") == ["X1"]  # not Y1: L1-L3 came first


def test_the_queue_marks_and_filters_the_applications_that_resemble_an_earlier_one(database, write_csv):
    from app.queries import QueueFilter, count_queue, queue_page

    rows = "Q1,2026-03-01,One,a@acme.io,US,\nQ2,2026-03-02,Two,b@acme.io,US,\n"
    rows += "Q3,2026-03-03,Three,c@three.io,US,\nQ4,2026-03-04,Three Inc,d@four.io,US,\n"
    import_file(database, write_csv(HEADER + rows))
    with database.read() as conn:
        refs = dict(conn.execute(select(schema.applications.c.id, schema.applications.c.application_id)).all())
        every = queue_page(conn, QueueFilter(), "submitted_on", False, 0, 10)
        assert {refs[row[0]]: bool(row[9]) for row in every} == {"Q1": False, "Q2": True, "Q3": False, "Q4": True}
        only = QueueFilter(flagged_only=True)
        assert count_queue(conn, only) == 2
        assert [refs[row[0]] for row in queue_page(conn, only, "submitted_on", False, 0, 10)] == ["Q2", "Q4"]


def test_placeholder_domains_of_examples_never_merge_companies(database, write_csv):
    rows = "X1,2026-03-01,One,founder@c1.example.com,US,https://c1.example.com\n"
    rows += "X2,2026-03-02,Two,founder@c2.example.com,US,https://c2.example.com\n"
    import_file(database, write_csv(HEADER + rows))
    assert flags(database) == set()


def _downgrade(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from app import db
    from app.migrate import SCRIPTS

    engine = db.create(url, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(SCRIPTS))
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_upgrading_a_database_recomputes_its_stored_keys(database_url, write_csv, tmp_path, clock):
    from sqlalchemy import text, update

    from app.database import Database
    from app.search import text_condition

    row = "K1,2026-03-01,Acme Labs,a@mail.acme.io,US,https://secret.acme.io\n"
    database = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)
    import_file(database, write_csv(HEADER + row))
    database.close()
    _downgrade(database_url, "0005")  # the later schemas taken away by their own downgrades
    from app import db

    engine = db.create(database_url)
    with engine.begin() as conn:  # the keys as the rules before schema 0005 made them
        conn.execute(
            update(schema.applications).values(web_domain="secret.acme.io", mail_domain="mail.acme.io", name_key="acme")
        )
        conn.execute(text("UPDATE alembic_version SET version_num = '0004'"))
    engine.dispose()
    database = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)
    try:
        with database.read() as conn:
            a = schema.applications.c
            assert conn.execute(select(a.web_domain, a.mail_domain, a.name_key)).one() == (
                "acme.io",
                "acme.io",
                "acmelabs",
            )
            assert len(list(conn.execute(select(a.id).where(text_condition(conn, "acme labs"))))) == 1
            long_id = "x" * 200
            conn.execute(update(schema.applications).values(application_id=long_id))  # the column holds it now
    finally:
        database.close()


def test_the_yc_directory_flags_its_real_repeats_and_no_shared_host(database, shared_data):
    """The May 2024 directory lists a few companies twice under two ids (the same website);
    the rules before issue 13 also flagged companies with pages on github.com or producthunt.com."""
    import pytest

    from app.importing.mapping import builtin_mapping

    if not database.is_sqlite:
        pytest.skip("one engine is enough for 4,663 rows; the flagging is shared")
    path = shared_data / "yc-directory-2024" / "2024-05-11-yc-companies.csv"
    import_file(database, path, builtin_mapping("yc-directory-2024"))
    with database.read() as conn:
        a = schema.applications.c
        shown = {row.id: row for row in conn.execute(select(a.id, a.company, a.web_domain))}
        domain_flags = [
            (shown[application].company, shown[other].company, shown[application].web_domain)
            for application, other, kind in flag_pairs(conn)
            if kind == "domain"
        ]
    assert sorted(domain_flags) == [
        ("Lokal", "Lokal", "getlokalapp.com"),
        ("Tap to Learn", "TapToLearn", "taptolearn.com"),
    ]


def test_upgrading_carries_the_stored_flags_over_to_match_keys_and_back(database_url, write_csv, tmp_path, clock):
    """Schema 0018 held the flags as pairs, 0019 as the keys they were found by: every pair
    reads as before, also one flagged under earlier rules (its applications share no key
    now) and a set of pairs that their keys alone would not give; the downgrade writes the
    pairs back."""
    from sqlalchemy import text

    from app import db
    from app.database import Database
    from app.queries import application_detail

    rows = "M1,2026-03-01,Acme Inc,a@acme.io,US,\nM2,2026-03-02,Acme Ltd,b@acme.io,US,https://acme.io\n"
    rows += "M3,2026-03-03,Three,c@acme.io,US,\nM4,2026-03-04,Four,d@four.io,US,\n"
    rows += "M5,2026-03-05,Five,e@five.io,US,\nM6,2026-03-06,Six,f@six.io,US,https://www.six.io\n"
    database = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)
    import_file(database, write_csv(HEADER + rows))
    with database.read() as conn:
        ids = dict(conn.execute(select(schema.applications.c.application_id, schema.applications.c.id)).all())
        before = flag_pairs(conn)
    database.close()
    assert before == {
        (ids["M2"], ids["M1"], "domain"),
        (ids["M2"], ids["M1"], "name"),
        (ids["M3"], ids["M1"], "domain"),
        (ids["M3"], ids["M2"], "domain"),
    }
    _downgrade(database_url, "0018")
    engine = db.create(database_url)
    with engine.begin() as conn:
        assert set(conn.execute(text("SELECT application, other, kind FROM duplicate_flags")).all()) == before
        # a pair of earlier rules (M5 and M4 share nothing now), and M3 no longer flagged against M2
        conn.execute(
            text("INSERT INTO duplicate_flags (application, other, kind) VALUES (:a, :o, 'domain')"),
            {"a": ids["M5"], "o": ids["M4"]},
        )
        conn.execute(
            text("DELETE FROM duplicate_flags WHERE application = :a AND other = :o"), {"a": ids["M3"], "o": ids["M2"]}
        )
        stored = set(conn.execute(text("SELECT application, other, kind FROM duplicate_flags")).all())
    engine.dispose()
    database = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)  # upgrades
    try:
        with database.read() as conn:
            assert flag_pairs(conn) == stored
            detail = application_detail(conn, ids["M5"])
            assert [(d["application_id"], d["kind"]) for d in detail["duplicates"]] == [("M4", "domain")]
            detail = application_detail(conn, ids["M1"])
            assert [(d["application_id"], d["kind"]) for d in detail["flagged_by"]] == [
                ("M2", "domain"),
                ("M2", "name"),
                ("M3", "domain"),
            ]
            assert application_detail(conn, ids["M2"])["flagged_by"] == []
            assert application_detail(conn, ids["M6"])["duplicates"] == []
    finally:
        database.close()
    _downgrade(database_url, "0018")
    engine = db.create(database_url)
    with engine.begin() as conn:
        assert set(conn.execute(text("SELECT application, other, kind FROM duplicate_flags")).all()) == stored
    engine.dispose()
