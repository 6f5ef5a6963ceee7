"""The outbox on the command line: list, show, edit, hold, discard, regenerate, send, settings smtp, overdue."""

import json

import pytest

from app.cli import main
from tests.app import test_mail
from tests.app.test_mail import free_port

smtp_server, memory_keyring = test_mail.smtp_server, test_mail.memory_keyring  # the fixtures, shared

CSV = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
    "C1,2027-06-01,Clean Co,c@clean.io,GB,,100000,no\n"
    "C2,2027-06-01,Old Co,o@old.io,GB,2019-06-01,100000,no\n"
    "C3,2027-06-01,Older Co,p@older.io,GB,2018-06-01,100000,no\n"
)


@pytest.fixture
def cli(database_url, capsys, write_csv):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", database_url, "--user", "cli.tester", *args])
        out, err = capsys.readouterr()
        return code, out, err

    run("import", "applications", str(write_csv(CSV)))
    return run


def listing(cli, *args):
    code, out, _ = cli("outbox", "--json", *args)
    assert code == 0
    return json.loads(out)


def test_decisions_fill_the_outbox_and_a_person_works_through_it(cli, tmp_path):
    assert cli("decide", "C2", "C3", "reject", "--reason", "failed rule: age")[0] == 0
    cli("decide", "C1", "needs-info")
    document = listing(cli)
    assert document["counts"] == {"draft": 3, "held": 0, "sent": 0, "failed": 0, "discarded": 0}
    first, second, third = (m["id"] for m in document["messages"])
    code, out, _ = cli("outbox", "show", str(first))
    assert code == 0 and "To: Old Co <o@old.io>" in out and "incorporated on 1 June 2019" in out
    body = tmp_path / "body.txt"
    body.write_text("Dear Old Co, my own words.\n", encoding="utf-8")
    assert cli("outbox", "edit", str(first), "--subject", "About Old Co", "--body-file", str(body))[0] == 0
    assert cli("outbox", "hold", str(second))[0] == 0
    code, out, _ = cli("outbox", "regenerate", "--template", "rejection")
    assert (code, out.strip()) == (0, "1 draft regenerated, 1 edited draft kept")
    assert cli("outbox", "regenerate", "--template", "nonsense")[0] == 2
    code, _, err = cli("outbox", "release", str(first))
    assert code == 1 and "cannot be released" in err and "nothing was changed" in err
    folder = tmp_path / "eml"
    folder.mkdir()
    code, out, _ = cli("send", "--dry-run")
    assert code == 0 and "2 messages would be sent" in out
    code, out, _ = cli("send", "--eml", str(folder), "--json")
    assert code == 0 and json.loads(out)["sent"] == 2
    assert len(list(folder.glob("*.eml"))) == 2
    assert [m["status"] for m in listing(cli)["messages"]] == ["sent", "held", "sent"]
    assert cli("outbox", "discard", str(second))[0] == 0
    code, out, _ = cli("outbox", "show", str(first))
    assert "Send log:" in out and "cli.tester sent o@old.io: written to" in out
    assert listing(cli, "--status", "discarded")["messages"][0]["id"] == second


def test_settings_smtp_keeps_the_password_in_the_keyring_and_send_uses_it(
    cli, smtp_server, memory_keyring, monkeypatch
):
    recorder, port = smtp_server
    monkeypatch.setenv("STARTUP_DESK_SMTP_PASSWORD", "pw-123")
    code, out, _ = cli(
        "settings", "smtp", "--host", "127.0.0.1", "--port", str(port), "--tls", "none", "--from", "team@program.org"
    )
    assert code == 0 and "127.0.0.1" in out
    assert memory_keyring.store == {}  # no user: no login, no password
    cli("decide", "C2", "reject", "--reason", "failed rule: age")
    code, out, _ = cli("send", "--json")
    assert code == 0 and json.loads(out)["sent"] == 1
    assert recorder.messages()[0]["From"].addresses[0].addr_spec == "team@program.org"
    cli("settings", "smtp", "--host", "127.0.0.1", "--port", str(port), "--tls", "none", "--user", "desk")
    assert list(memory_keyring.store.values()) == ["pw-123"]


def test_sending_offline_says_so_and_the_outbox_waits(cli):
    cli("settings", "smtp", "--host", "127.0.0.1", "--port", str(free_port()), "--tls", "none")
    cli("decide", "C2", "reject", "--reason", "failed rule: age")
    code, _, err = cli("send")
    assert code == 1 and "cannot reach the mail server" in err and "nothing was sent" in err
    assert listing(cli)["counts"]["draft"] == 1


def test_overdue_and_withdraw_for_no_answer(cli, monkeypatch):
    cli("decide", "C1", "needs-info")
    code, out, _ = cli("overdue")
    assert (code, out.strip()) == (0, "nothing is overdue")
    monkeypatch.setenv("STARTUP_DESK_TODAY", "2027-07-01")
    code, out, _ = cli("reminders", "--on", "2027-06-27", "--json")
    assert json.loads(out) == {"reminders": [2]}
    code, out, _ = cli("overdue", "--json")
    assert [(r["application_id"], r["days_overdue"]) for r in json.loads(out)] == [("C1", 2)]
    code, out, _ = cli("overdue", "--withdraw")
    assert (code, out.strip()) == (0, '1 application withdrawn ("no answer")')
    assert [m["kind"] for m in listing(cli)["messages"]] == ["needs_info", "reminder", "withdrawal"]


def test_a_template_is_printed_replaced_from_a_file_refused_when_wrong_and_reset(cli, tmp_path):
    code, out, _ = cli("outbox", "template", "rejection")
    assert code == 0 and out.startswith("Subject: Your application to the $program") and "$reasons:" in out
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Subject: About $company\n\nDear $founder, $missing\n", encoding="utf-8")
    code, _, err = cli("outbox", "template", "rejection", "--set", str(wrong))
    assert code == 1 and "unknown placeholder $missing" in err
    right = tmp_path / "right.txt"
    right.write_text("Subject: About $company\n\nDear $founder,\n\n$reasons\n", encoding="utf-8")
    assert cli("outbox", "template", "rejection", "--set", str(right))[0] == 0
    code, out, _ = cli("outbox", "template", "--json")
    assert {"kind": "rejection", "language": "en", "customised": True} in json.loads(out)
    cli("decide", "C2", "reject", "--reason", "failed rule: age")
    assert listing(cli)["messages"][0]["subject"] == "About Old Co"
    assert cli("outbox", "template", "rejection", "--reset")[0] == 0
    cli("outbox", "regenerate")
    assert listing(cli)["messages"][0]["subject"] == "Your application to the Startup Program"


def test_decision_times_by_month_and_partner(cli):
    assert cli("decision-times")[1].strip() == "no decisions yet"
    cli("decide", "C2", "C3", "reject", "--reason", "failed rule: age")
    code, out, _ = cli("decision-times", "--json")
    assert json.loads(out) == [
        {"month": "2027-06", "partner": "", "decided": 2, "average_days": 14.0, "longest_days": 14}
    ]


def test_message_settings_change_the_language_and_the_deadline(cli):
    code, out, _ = cli("settings", "messages", "--language", "de", "--needs-info-days", "21", "--json")
    assert code == 0 and json.loads(out)["needs_info_days"] == 21
    code, _, err = cli("settings", "messages", "--reminder-days", "30")
    assert code == 1 and "reminder comes before the deadline" in err
    cli("decide", "C1", "needs-info")
    code, out, _ = cli("outbox", "show", "1")
    assert "Bitte antworten Sie bis zum 6. Juli 2027" in out
