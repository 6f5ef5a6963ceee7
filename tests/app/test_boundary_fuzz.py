"""Issue 13: every command, given the odd values people and scripts type, answers with one line
and an exit code of SPEC 8 (0, 1 or 2), never a traceback or an "unexpected error"."""

from __future__ import annotations

import contextlib
import io

import pytest

from app.cli import main

ODD = [
    "",
    "0",
    "-1",
    "99999999999999999999",
    "1e309",
    "nan",
    "a\nb",
    "x" * 5000,
    "%",
    "'",
    "\\",
    "../../etc/passwd",
    "=1+1",
    "🙂\u202e",
    "0000-01",
    "9999-12-31",
    "2026-02-29",
]
COMMANDS = [
    ["show", "{}"],
    ["history", "{}"],
    ["decide", "{}", "accept"],
    ["decide", "SSP-26081", "accept", "--reason", "r", "--workspace", "{}"],
    ["decide", "SSP-26081", "reject", "--reason", "{}"],
    ["close-month", "{}"],
    ["reopen-month", "{}"],
    ["year2", "{}"],
    ["renew", "{}"],
    ["graduate", "{}"],
    ["adjust", "{}", "5", "--reason", "x"],
    ["adjust", "adyn", "{}", "--reason", "x"],
    ["reverse", "{}", "--reason", "x"],
    ["reinstate", "{}", "--reason", "x"],
    ["ledger", "{}"],
    ["deals", "--search", "{}"],
    ["requests", "--workspace", "{}"],
    ["request", "adyn", "{}"],
    ["decide-request", "{}", "approve"],
    ["apply-partner", "p{}", "Acme", "vc"],
    ["decide-partner", "{}", "activate"],
    ["link-partner", "{}", "antler"],
    ["export", "adjustments", "--month", "{}", "-o", "a.xlsx"],
    ["export", "statements", "--month", "2026-09", "--workspace", "{}", "-o", "s.pdf"],
    ["export", "letters", "{}", "-o", "l.pdf"],
    ["export", "deals", "-o", "{}"],
    ["import", "applications", "{}"],
    ["applications", "--limit", "{}"],
]


@pytest.fixture
def demo(database_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # what a command writes by a relative name stays in the test's folder
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", database_url, "demo"]) == 0
    return database_url


def test_odd_values_in_every_command_are_answered_in_one_line(demo):
    wrong = []
    for command in COMMANDS:
        for value in ODD:
            args = ["--db", demo, *(part.replace("{}", value) for part in command)]
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(args)
            said = err.getvalue()
            refused_in_one_line = code == 0 or "usage:" in said or said.count("\n") == 1
            if code not in (0, 1, 2) or "Traceback" in said or "unexpected error" in said or not refused_in_one_line:
                wrong.append((command, value[:20], code, said[-300:]))
    assert wrong == []
