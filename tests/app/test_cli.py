import json
import subprocess
import sys

import pytest

from app.cli import main

CSV = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
    "C1,2026-01-10,Clean Co,c@clean.io,GB,2025-06-01,100000,no\n"
    "C2,2026-01-11,Old Co,o@old.io,GB,2019-06-01,100000,no\n"
)


@pytest.fixture
def cli(database_url, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", database_url, "--user", "cli.tester", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_import_reports_json_and_exits_one_when_a_row_is_invalid(cli, write_csv):
    code, out, _ = cli("import", "applications", str(write_csv(CSV + "C3,2026-01-12,,x@y.io,GB,,,\n")), "--json")
    assert code == 1
    assert json.loads(out) == {
        "imported": 2,
        "duplicates": 0,
        "invalid": [{"row": 4, "field": "company", "message": "required, but blank"}],
        "flagged_duplicates": 0,
        "unknown_partners": [],
    }


def test_applications_lists_rules_by_application_id(cli, write_csv):
    cli("import", "applications", str(write_csv(CSV)))
    code, out, _ = cli("applications", "--json")
    assert code == 0
    listed = json.loads(out)
    assert listed[1] == {
        "id": "C2",
        "company": "Old Co",
        "status": "new",
        "eligibility": "ineligible",
        "rules": {"age": "fail", "funding": "pass", "territory": "pass", "previous_discount": "pass"},
    }


def test_decide_accepts_and_the_audit_trail_records_the_user(cli, write_csv):
    cli("import", "applications", str(write_csv(CSV)))
    code, out, _ = cli("decide", "C1", "accept", "--on", "2026-01-15", "--workspace", "clean", "--json")
    assert code == 0 and json.loads(out)["workspace"] == "clean"
    _, out, _ = cli("history", "C1", "--json")
    assert [(h["actor"], h["to_status"]) for h in json.loads(out)] == [("cli.tester", "accepted")]
    _, out, _ = cli("applications", "--status", "accepted", "--json")
    assert [a["id"] for a in json.loads(out)] == ["C1"]


def test_a_refused_decision_exits_one_with_the_reason_on_stderr(cli, write_csv):
    cli("import", "applications", str(write_csv(CSV)))
    code, out, err = cli("decide", "C2", "accept")
    assert code == 1 and out == ""
    assert "override reason" in err and "age:" in err


def test_a_bad_date_option_is_a_usage_error(cli):
    assert cli("decide", "C1", "accept", "--on", "15/01/2026")[0] == 2


def test_an_unknown_command_is_a_usage_error(cli):
    assert cli("frobnicate")[0] == 2


def test_demo_is_idempotent(cli):
    code, out, _ = cli("demo")
    assert code == 0 and "420 applications" in out
    _, listed, _ = cli("applications", "--json")
    assert cli("demo")[1].strip() == "the demo data is already loaded"
    _, again, _ = cli("applications", "--json")
    assert listed == again
    statuses = {a["status"] for a in json.loads(listed)}
    assert statuses == {"new", "in_review", "needs_info", "accepted", "rejected", "withdrawn"}
    assert "105 partner deals" in out
    _, requests, _ = cli("requests", "--json")
    assert {r["status"] for r in json.loads(requests)} == {"requested", "approved", "fulfilled", "declined"}
    assert cli("verify")[0] == 0


def test_backup_writes_an_openable_copy(cli, write_csv, tmp_path, capsys):
    cli("import", "applications", str(write_csv(CSV)))
    target = tmp_path / "backup.sqlite3"
    assert cli("backup", str(target))[0] == 0
    assert main(["--db", str(target), "applications"]) == 0
    assert "Clean Co" in capsys.readouterr().out


def test_mappings_can_be_saved_listed_and_used(cli, write_csv, tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text(
        json.dumps(
            {
                "fields": {
                    "submitted_on": "2026-02-01",
                    "company": "{Firm}",
                    "contact_email": "{Mail}",
                    "country": "{Land}",
                }
            }
        )
    )
    assert cli("mappings", "save", "firms", str(mapping))[0] == 0
    assert "firms" in cli("mappings", "list")[1].split()
    code, out, _ = cli(
        "import",
        "applications",
        str(write_csv("Firm;Mail;Land\nFirma;a@firma.de;Deutschland\n")),
        "--mapping",
        "firms",
        "--json",
    )
    assert code == 0 and json.loads(out)["imported"] == 1


def test_help_loads_neither_qt_nor_the_database_layer():
    probe = (
        "import sys, ui.launcher as launcher\n"
        "try:\n    launcher.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('PySide6' in sys.modules, 'sqlalchemy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "usage: startup-desk" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "False False"


def test_a_database_command_loads_neither_qt_nor_the_export_libraries(tmp_path):
    # what keeps `startup-desk applications` quick to start: only the database layer
    db = tmp_path / "probe.sqlite3"
    subprocess.run([sys.executable, "-m", "ui.launcher", "--db", str(db), "partners"], check=True, capture_output=True)
    probe = (
        "import sys, ui.launcher as launcher\n"
        f"launcher.main(['--db', {str(db)!r}, 'applications', '--status', 'new'])\n"
        "heavy = ('PySide6', 'openpyxl', 'reportlab', 'xlsxwriter')\n"
        "print([name for name in heavy if name in sys.modules], 'sqlalchemy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[] True"


def test_show_gives_one_application_whole(cli, write_csv):
    cli("import", "applications", str(write_csv(CSV)))
    cli("decide", "C2", "reject", "--reason", "failed rule: age")
    code, out, _ = cli("show", "C2", "--json")
    document = json.loads(out)
    assert code == 0
    assert (document["fields"]["company"], document["fields"]["total_funding_usd"]) == ("Old Co", "100000.00")
    assert [rule for rule, outcome, _ in document["rules"] if outcome == "fail"] == ["age"]
    assert [(h["to_status"], h["reason"]) for h in document["history"]] == [("rejected", "failed rule: age")]
    assert cli("show", "nope")[0] == 1


def test_several_ids_are_decided_all_or_nothing(cli, write_csv):
    cli("import", "applications", str(write_csv(CSV)))
    code, _, err = cli("decide", "C1", "C2", "accept", "--on", "2026-01-15")
    assert code == 1 and "nothing was decided: C2 (Old Co)" in err
    _, out, _ = cli("applications", "--status", "new", "--json")
    assert [a["id"] for a in json.loads(out)] == ["C1", "C2"]
    code, out, _ = cli("decide", "C1", "C2", "needs-info", "--reason", "send the certificate", "--json")
    assert code == 0 and [d["status"] for d in json.loads(out)] == ["needs_info", "needs_info"]


def test_all_eligible_accepts_only_the_open_eligible_ones(cli, write_csv):
    cli("import", "applications", str(write_csv(CSV)))
    code, out, _ = cli("decide", "accept", "--all-eligible", "--on", "2026-01-15", "--json")
    assert code == 0 and [(d["id"], d["status"]) for d in json.loads(out)] == [("C1", "accepted")]
    _, out, _ = cli("applications", "--status", "accepted", "--json")
    assert [a["id"] for a in json.loads(out)] == ["C1"]
    code, out, _ = cli("decide", "accept", "--all-eligible")
    assert code == 0 and "no open, eligible application" in out
    assert cli("decide", "accept")[0] == 2


def test_every_argument_of_every_command_has_help_text():
    import argparse

    from app.cli import build_parser

    missing = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])
            elif action.help is None and not isinstance(action, argparse._HelpAction):
                missing.append(f"{' '.join(path)} {action.dest}")

    walk(build_parser(), [])
    assert missing == []
