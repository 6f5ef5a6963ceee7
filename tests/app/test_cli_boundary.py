"""SPEC 8: every refusal is one line and an exit code, never a traceback, and changes nothing."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_a_folder_given_as_the_database_is_named(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path), "applications")
    assert code == 1 and f"{tmp_path} is a folder" in err


def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_was(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Dear diary, " * 500)
    code, _, err = run(capsys, "--db", str(path), "applications")
    assert code == 1 and "is not a Startup Desk database" in err
    assert path.read_bytes() == b"Dear diary, " * 500 and sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.sqlite3"
    ]


def test_another_program_s_sqlite_file_is_left_byte_for_byte_untouched(tmp_path, capsys):
    path = tmp_path / "photos.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)")
    other.execute("INSERT INTO albums (title) VALUES ('holidays')")
    other.commit()
    other.close()
    before = path.read_bytes()
    code, _, err = run(capsys, "--db", str(path), "import", "partners", str(path))
    assert code == 1 and "another program's SQLite database (tables albums)" in err
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]


def test_an_in_memory_database_is_refused(capsys):
    code, _, err = run(capsys, "--db", "sqlite:///:memory:", "applications")
    assert code == 1 and "in-memory database keeps nothing" in err


def test_an_address_that_is_no_database_is_a_usage_error(capsys):
    code, _, err = run(capsys, "--db", "frobdb://somewhere/desk", "applications")
    assert code == 2 and "not a database address" in err


def test_an_unreachable_server_is_said_in_one_line(capsys):
    code, _, err = run(capsys, "--db", "postgresql://nobody@127.0.0.1:1/desk", "applications")
    assert code == 1 and "cannot be reached" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["close-month", "2026-13"],
        ["close-month", "0000-01"],
        ["close-month", "26-01"],
        ["reverse", "99999999999999999999", "--reason", "x"],
        ["reverse", "-3", "--reason", "x"],
        ["adjust", "acme", "12x", "--reason", "x"],
        ["apply-partner", "acme", "Acme", "vc", "--annual-credit", "12x"],
        ["decide", "A1", "accept", "--on", "2026-02-30"],
        ["export", "adjustments", "--month", "9999-99", "-o", "x.xlsx"],
        ["close-month", "9999-12"],
        ["close-month", "0001-01"],
        ["decide", "A1", "accept", "--on", "9999-12-31"],
        ["decide", "A1", "accept", "--on", "0001-01-01"],
    ],
)
def test_a_malformed_argument_exits_two_before_anything_opens(args, tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "desk.sqlite3"), *args)
    assert code == 2 and err.strip()
    assert not (tmp_path / "desk.sqlite3").exists()


def test_an_unforeseen_failure_says_where_its_details_were_logged(tmp_path, capsys, monkeypatch):
    import app.cli.applications as commands

    def bug(args):
        raise TypeError("unsupported operand type(s) for +: 'int' and 'NoneType'")

    monkeypatch.setattr(commands, "cmd_applications", bug)
    code, _, err = run(capsys, "--db", str(tmp_path / "desk.sqlite3"), "applications")
    assert code == 1 and "unexpected error (TypeError" in err and "details are in" in err
    assert len(err.strip().splitlines()) == 1
    log = Path(err.split("details are in ")[1].strip())
    assert "TypeError: unsupported operand" in log.read_text() and "Traceback" in log.read_text()


def test_a_reader_that_goes_away_is_no_traceback(tmp_path):
    database = tmp_path / "desk.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"
    subprocess.run([sys.executable, "-c", cli, "--db", str(database), "demo"], check=True, env=env, capture_output=True)
    listing = subprocess.Popen(
        [sys.executable, "-c", cli, "--db", str(database), "applications", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    listing.stdout.read(100)
    listing.stdout.close()  # like `| head -c 100`
    err = listing.stderr.read().decode()
    assert listing.wait(timeout=60) == 0 and "Traceback" not in err and "BrokenPipe" not in err
