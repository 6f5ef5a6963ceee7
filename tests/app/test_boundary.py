"""Issue 13, the error boundary: every failure a command meets is one line on stderr and the
SPEC 8 exit code, never a traceback; values outside what the program holds are refused
per argument, before anything is opened or changed."""

from __future__ import annotations

import csv
import errno
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

import pytest

from app.cli import main
from app.errors import AppError

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("startup-desk: ")
    return lines[0]


# ---- every class of failure, raised where a command runs --------------------------------------


def _entities_forbidden():
    from defusedxml import EntitiesForbidden

    return EntitiesForbidden("bomb", None, None, None, None, None)


FAILURES = [
    (lambda: OSError(errno.ENOSPC, "No space left on device", "/data/a.xlsx"), 1, "/data/a.xlsx: the disk is full"),
    (lambda: PermissionError(errno.EACCES, "Permission denied", "/data/a.xlsx"), 1, "/data/a.xlsx: permission denied"),
    (lambda: OSError(errno.EROFS, "Read-only file system", "/mnt/ro/x"), 1, "/mnt/ro/x: the file system is read-only"),
    (lambda: IsADirectoryError(errno.EISDIR, "Is a directory", "/data"), 1, "/data: it is a folder, not a file"),
    (lambda: sqlite3.OperationalError("database or disk is full"), 1, "the disk is full: nothing was written"),
    (lambda: sqlite3.DatabaseError("file is not a database"), 1, "the file is not a readable database"),
    (lambda: ParseError("not well-formed (invalid token): line 1, column 5"), 1, "XML that is not well-formed"),
    (lambda: ExpatError("unclosed token: line 3, column 0"), 1, "XML that is not well-formed"),
    (_entities_forbidden, 1, "declares entities or a DTD, which are refused"),
    (lambda: zipfile.BadZipFile("File is not a zip file"), 1, "not a readable .xlsx workbook"),
    (lambda: csv.Error("field larger than field limit (131072)"), 1, "not readable CSV"),
    (lambda: OverflowError("Python int too large to convert to SQLite INTEGER"), 1, "a number too large"),
    (lambda: RecursionError("maximum recursion depth exceeded"), 1, "nested too deeply"),
    (lambda: AppError("first line\nBcc: second line"), 1, "first line Bcc: second line"),
]


NAMES = (
    "full permission read-only folder sqlite-full not-a-database xml expat entities zip csv overflow recursion lines"
)


@pytest.mark.parametrize("make,code,says", FAILURES, ids=NAMES.split())
def test_every_failure_a_command_meets_is_one_line_and_its_exit_code(make, code, says, tmp_path, capsys, monkeypatch):
    import app.cli.applications as commands

    def failing(args):
        raise make()

    monkeypatch.setattr(commands, "cmd_applications", failing)
    got, _, err = run(capsys, "--db", str(tmp_path / "desk.sqlite3"), "applications")
    assert got == code and says in one_line(err)


def test_an_unforeseen_failure_with_no_log_folder_is_still_one_line(tmp_path, capsys, monkeypatch):
    import app.cli.applications as commands
    import app.errors

    def bug(args):
        raise KeyError("status")

    def no_folder():
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(commands, "cmd_applications", bug)
    monkeypatch.setattr(app.errors, "log_folder", no_folder)
    code, _, err = run(capsys, "--db", str(tmp_path / "desk.sqlite3"), "applications")
    assert code == 1 and "unexpected error (KeyError" in one_line(err) and "details are in" not in err


def test_a_message_quoting_a_huge_argument_stays_one_readable_line(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "desk.sqlite3"), "ledger", "x" * 100_000)
    line = one_line(err)
    assert code == 1 and "no member workspace 'xxx" in line and len(line) <= 1100 and line.endswith("…")


# ---- the database address and the clock: malformed is a usage error, before anything opens ------


@pytest.mark.parametrize(
    "address", ["", "   ", "postgresql://desk:secret@[::1", "postgresql://desk@db.example:port/desk", "frobdb://x/y"]
)
def test_a_malformed_database_address_is_a_usage_error(address, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", address, "applications")
    line = one_line(err)
    assert code == 2 and ("not a database address" in line or "--db is empty" in line)
    assert list(tmp_path.iterdir()) == []


def test_a_server_that_is_not_there_is_said_so_whatever_the_driver_calls_it():
    from app.errors import _database_message

    for said in (
        "failed to resolve host 'db.invalid': [Errno -2] Name or service not known",
        'could not translate host name "db" to address',
        "connection timeout expired",
    ):
        assert _database_message(RuntimeError(said)).startswith("the database server cannot be reached")


@pytest.mark.parametrize("today", ["garbage", "9999-12-31", "0001-01-01", "10000-01-01", "2026-02-30"])
def test_a_clock_fixed_outside_the_days_the_program_holds_is_a_usage_error(today, tmp_path, capsys, monkeypatch):
    # 9999-12-31 was an unexpected error (year 10000 is out of range) once a year was added to it;
    # 'garbage' a traceback, raised again by the boundary's own log line
    monkeypatch.setenv("STARTUP_DESK_TODAY", today)
    code, _, err = run(capsys, "--db", str(tmp_path / "desk.sqlite3"), "demo")
    assert code == 2 and one_line(err).startswith("startup-desk: STARTUP_DESK_TODAY: ")
    assert not (tmp_path / "desk.sqlite3").exists()


# ---- values outside what the program holds: per-argument refusals -----------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["adjust", "worked", "99999999999999999999", "--reason", "x"],  # twenty digits
        ["adjust", "worked", "10000000000000", "--reason", "x"],  # USD 10 trillion
        ["adjust", "worked", "--reason", "x", "--", "-10000000000000.00"],
        ["adjust", "worked", "92233720368547758.07", "--reason", "x"],  # BIGINT's last cent: every sum overflowed
        ["apply-partner", "acme", "Acme", "vc", "--annual-credit", "99999999999999999999"],
        ["applications", "--limit", "99999999999999999999"],
        ["applications", "--limit", "0"],
        ["applications", "--limit", "-5"],
        ["reverse", "99999999999999999999", "--reason", "x"],
        ["reinstate", "0", "--reason", "x"],
        ["close-month", "0000-01"],
        ["close-month", "9999-12"],
        ["decide", "W1", "accept", "--on", "0001-01-01"],
        ["decide", "W1", "accept", "--on", "9999-12-31"],
        ["--user", "", "adjust", "worked", "5", "--reason", "x"],
        ["--user", "root\nBcc: boss@evil.example", "adjust", "worked", "5", "--reason", "x"],
        ["--user", "u" * 121, "adjust", "worked", "5", "--reason", "x"],
    ],
)
def test_a_value_outside_what_the_program_holds_is_refused_and_changes_nothing(args, members, database_url, capsys):
    before = ledger_of(members)
    code, _, err = run(capsys, "--db", database_url, *args)
    assert code == 2 and "error: argument" in err
    assert ledger_of(members) == before


def test_the_largest_amount_an_argument_holds_is_kept_to_the_cent_and_the_ledger_still_adds_up(
    members, database_url, capsys
):
    for amount in ("9999999999999.99", "9999999999999.99"):
        code, _, err = run(
            capsys, "--db", database_url, "adjust", "worked", amount, "--reason", "edge", "--on", "2026-12-01"
        )
        assert code == 0, err
    code, out, _ = run(capsys, "--db", database_url, "ledger", "worked", "--json")
    entries = json.loads(out)["entries"]
    assert [e["amount"] for e in entries if e["kind"] == "adjust"] == ["9999999999999.99"] * 2
    code, out, err = run(capsys, "--db", database_url, "verify")
    assert code == 0, err


def test_huge_ids_name_nothing(members, database_url, capsys):
    for command in (["show", "99999999999999999999"], ["history", "99999999999999999999"]):
        code, _, err = run(capsys, "--db", database_url, *command)
        assert code == 1 and one_line(err) == "startup-desk: no application 99999999999999999999"


def ledger_of(database) -> list:
    from sqlalchemy import select

    from app import schema

    with database.read() as conn:
        return [tuple(row) for row in conn.execute(select(schema.ledger_entries).order_by(schema.ledger_entries.c.id))]


# ---- a reader that goes away -----------------------------------------------------------------


@pytest.mark.parametrize("listing", [["applications", "--json"], ["applications"], ["ledger", "adyn", "--json"]])
def test_a_listing_piped_into_head_exits_quietly(listing, tmp_path):
    database = tmp_path / "desk.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli = [sys.executable, "-m", "ui.launcher", "--db", str(database)]
    subprocess.run([*cli, "demo"], check=True, env=env, capture_output=True)
    writer = subprocess.Popen([*cli, *listing], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    head = subprocess.run(["head", "-1"], stdin=writer.stdout, capture_output=True, timeout=60)
    writer.stdout.close()
    err = writer.stderr.read().decode()
    assert writer.wait(timeout=60) == 0 and err == ""
    assert head.stdout.strip()


LEAKY = """
import sys
import app.cli.applications as commands

class HalfClosed:  # like a zip archive a library left open when the disk filled
    def __del__(self):
        raise OSError(28, "No space left on device")

def failing(args):
    archive = HalfClosed()
    cycle = [archive]
    cycle.append(cycle)  # collected only by the garbage collector, after the failure
    raise OSError(28, "No space left on device", "/data/a.xlsx")

commands.cmd_applications = failing
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_what_a_failure_leaves_half_closed_is_logged_not_printed(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", LEAKY, "--db", str(tmp_path / "desk.sqlite3"), "applications"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr == "startup-desk: /data/a.xlsx: the disk is full\n"
    from app.errors import log_folder

    assert "in __del__" in (log_folder() / "startup-desk.log").read_text()


def test_an_amount_of_twenty_digits_in_a_file_is_a_refusal_of_its_row(members, database_url, write_csv, capsys):
    usage = write_csv("workspace,month,amount_usd\nworked,2026-03,99999999999999999999\nworked,2026-04,10\n", "u.csv")
    code, out, _ = run(capsys, "--db", database_url, "import", "usage", str(usage), "--json")
    report = json.loads(out)
    assert code == 1 and report["imported"] == 1
    assert [(e["row"], e["field"]) for e in report["invalid"]] == [(2, "amount_usd")]
    assert "more than the program holds" in report["invalid"][0]["message"]


@pytest.mark.postgres
def test_a_server_that_answers_no_says_why_in_one_line(pg_server, capsys):
    base = pg_server.split("://", 1)[1].split("@", 1)[-1]
    for url, says in (
        (f"{pg_server}/no_such_database", "the database server has no such database"),
        (f"postgresql://nobody_here@{base}/postgres", "the database server refused the login"),
    ):
        code, _, err = run(capsys, "--db", url, "applications")
        assert code == 1 and says in one_line(err)
