"""Issue 13, what the program writes: a file it exported comes back in as exactly what was
written, and a search means the characters typed; on both databases."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from app.cli import main
from app.exports.cells import guard, unguard

HEADER = "partner,title,category,description,value_text,value_usd,redeem,valid_from,valid_until,capacity,active\n"
#: every way a field can start that a spreadsheet would run, or that the guard itself uses
HOSTILE = [
    ('=HYPERLINK("http://evil.example")', "=1+1"),
    ("+Plus Partner", "+30 days free"),
    ("-Minus Partner", "-10% off for a year"),
    ("@Mention", "@home credits"),
    ("'Quoted Partner", "'already quoted'"),
    ("Plain Partner", "100% off_the_first month"),
]


def deal_file(write_csv):
    rows = "".join(
        ",".join(
            f'"{cell.replace(chr(34), chr(34) * 2)}"'
            for cell in (partner, title, "Cat", "", "", "", "", "", "", "", "yes")
        )
        + "\n"
        for partner, title in HOSTILE
    )
    return write_csv(HEADER + rows, "deals.csv")


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def catalogue(capsys, url) -> list[tuple[str, str]]:
    code, out, _ = cli(capsys, "--db", url, "deals", "--json")
    assert code == 0
    return sorted((deal["partner"], deal["title"]) for deal in json.loads(out))


def test_deals_exported_then_imported_add_nothing_and_read_back_as_typed(
    database, database_url, write_csv, tmp_path, capsys
):
    code, _, err = cli(capsys, "--db", database_url, "import", "deals", str(deal_file(write_csv)))
    assert code == 0, err
    assert catalogue(capsys, database_url) == sorted(HOSTILE)
    exported = tmp_path / "catalogue.csv"
    assert cli(capsys, "--db", database_url, "export", "deals", "-o", str(exported))[0] == 0

    with exported.open(encoding="utf-8-sig", newline="") as handle:
        cells = [row[:2] for row in csv.reader(handle)][1:]
    # in the file, nothing a spreadsheet runs: every trigger (and a leading ') is behind a '
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in cells for cell in row)
    assert ['\'=HYPERLINK("http://evil.example")', "'=1+1"] in cells and [
        "''Quoted Partner",
        "''already quoted'",
    ] in cells

    code, out, err = cli(capsys, "--db", database_url, "import", "deals", str(exported), "--json")
    report = json.loads(out)
    assert code == 0 and (report["imported"], report["duplicates"]) == (0, len(HOSTILE)), err
    assert catalogue(capsys, database_url) == sorted(HOSTILE)


@pytest.mark.parametrize(
    "text", [text for deal in HOSTILE for text in deal] + ["", "'", "''", "''Twice", "'=quoted formula", "\t=tab"]
)
def test_the_guard_is_undone_exactly(text):
    assert unguard(guard(text)) == text


def test_a_search_for_a_wildcard_finds_only_what_holds_it(database, database_url, write_csv, capsys):
    assert cli(capsys, "--db", database_url, "import", "deals", str(deal_file(write_csv)))[0] == 0
    for needle, titles in (
        ("%", {"-10% off for a year", "100% off_the_first month"}),
        ("_", {"100% off_the_first month"}),
    ):
        code, out, _ = cli(capsys, "--db", database_url, "deals", "--search", needle, "--json")
        assert code == 0 and {deal["title"] for deal in json.loads(out)} == titles


@pytest.mark.parametrize("what", ["deals", "approved-requests"])
@pytest.mark.parametrize("name", ["deals.xlsx", "deals.pdf", "deals", "missing/deals.csv"])
def test_a_deal_file_is_written_only_to_a_csv_file_in_a_folder_that_exists(
    what, name, database, database_url, tmp_path, capsys
):
    code, _, err = cli(capsys, "--db", database_url, "export", what, "-o", str(tmp_path / name))
    assert code == 2 and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("desk", "backups"))) == []


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize(
    "command", [["backup", "{target}"], ["export", "deals", "-o", "{target}"]], ids=["backup", "export"]
)
def test_nothing_is_written_under_the_name_of_the_database_or_of_its_own_files(suffix, command, tmp_path, capsys):
    import hashlib

    # SQLite deletes a -wal it cannot read: a backup written there was gone at the next opening
    import subprocess
    import sys

    database = tmp_path / "desk.csv"  # made and closed by a program of its own: no write of it is pending
    subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", str(database), "demo"], check=True, capture_output=True
    )
    target = Path(str(database) + suffix)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (database, target) if p.exists()}
    code, _, err = cli(capsys, "--db", str(database), *(part.replace("{target}", str(target)) for part in command))
    assert code in (1, 2) and err.count("\n") == 1 and "database itself" in err
    if suffix != "-shm":  # (SQLite's shared memory changes with every reader)
        assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (database, target) if p.exists()} == before


def test_letters_of_very_long_names_in_any_script_are_written_each_under_a_name_of_its_own(
    database, write_csv, tmp_path
):
    from app.services import exports
    from tests.app.test_export_files import accept

    long_names = {"C1": "東" * 200, "C2": "東" * 200, "E1": "🚀" * 90, "D1": "ह" * 150, "P1": "."}
    accept(database, write_csv, long_names)
    folder = tmp_path / "letters"
    database.run(exports.export_letters, exports.ExportLetters(None, folder, drafts=True))
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 * len(long_names)  # a PDF and a draft each: the two 東… companies apart
    assert all(len(name.encode()) <= 255 and not name.startswith(("-", ".", " ")) for name in names)
