"""`applications --json` (SPEC §8) is written in blocks straight from the database: its bytes are
exactly what encoding each application's dict with the json module gave, on both engines."""

import json

import pytest
from sqlalchemy import update

from app import queries, schema
from app.cli import main
from app.queries import iter_application_summaries

CSV = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
    + "".join(f"A{n},2026-01-{10 + n % 9},Co {n},c{n}@x{n}.io,GB,2025-06-01,100000,no\n" for n in range(11))
)
#: what a hand-typed name can hold: quotes, backslashes, control characters, emoji, U+2028
HOSTILE = ['He said "hi" \\ bye', "tab\there\nnew\rline\b\f\x01\x1f\x7f", "Zoë 😀 \u2028 \u00a0 ü", "</script>"]


def reference(database, status=None, limit=None) -> str:
    """The document as `json.JSONEncoder(ensure_ascii=False)` wrote it, one application a line."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    rows = database.query(lambda uow: list(iter_application_summaries(uow.conn, status, limit)))
    return "[" + ",".join("\n  " + encode(row) for row in rows) + ("\n]\n" if rows else "]\n")


@pytest.fixture
def listing(database, database_url, write_csv, capsys, monkeypatch):
    monkeypatch.setattr(queries, "_BLOCK", 3)  # eleven rows cross several blocks
    main(["--db", database_url, "import", "applications", str(write_csv(CSV))])
    a = schema.applications.c
    with database.unit_of_work() as uow:
        for n, name in enumerate(HOSTILE):
            uow.conn.execute(update(schema.applications).where(a.application_id == f"A{n + 1}").values(company=name))
        uow.conn.execute(update(schema.applications).where(a.application_id == "A5").values(application_id=None))
        uow.conn.execute(update(schema.applications).where(a.application_id == "A7").values(status="accepted"))
        uow.commit()
    capsys.readouterr()

    def run(*args: str) -> str:
        assert main(["--db", database_url, "applications", "--json", *args]) == 0
        return capsys.readouterr().out

    return run


def test_the_document_is_byte_identical_to_the_json_modules(listing, database):
    out = listing()
    assert out == reference(database)
    listed = json.loads(out)
    assert [row["company"] for row in listed[1:5]] == HOSTILE
    assert listed[5]["id"].isdigit() and len(listed) == 11


@pytest.mark.parametrize(
    ("args", "status", "limit"),
    [(("--status", "new"), "new", None), (("--status", "accepted"), "accepted", None), (("--limit", "7"), None, 7)]
    + [(("--status", "new", "--limit", "4"), "new", 4), (("--status", "rejected"), "rejected", None)],
)
def test_a_status_and_a_limit_give_the_same_bytes(listing, database, args, status, limit):
    out = listing(*args)
    assert out == reference(database, status, limit)
    assert len(json.loads(out)) == {"accepted": 1, "rejected": 0}.get(status, limit or 10)
