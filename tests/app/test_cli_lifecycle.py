"""The command line of SPEC 10: extend, bonus, notices, forecast, whatif (with --json)."""

import json

import pytest

from tests.app.test_cli import CSV, cli  # noqa: F401 - the fixture


@pytest.fixture
def member(cli, write_csv):  # noqa: F811
    cli("import", "applications", str(write_csv(CSV)))
    assert cli("decide", "C1", "accept", "--on", "2027-06-01", "--workspace", "clean")[0] == 0
    code, out, _ = cli("ledger", "clean", "--json")
    return next(x["id"] for x in json.loads(out)["entries"] if x["kind"] == "grant")


def test_extend_and_bonus_write_entries_the_ledger_shows(cli, member):  # noqa: F811
    code, out, err = cli("extend", str(member), "--until", "2028-12-31", "--reason", "bridge", "--json")
    assert code == 0, err
    assert json.loads(out)["valid_until"] == "2028-12-31" and json.loads(out)["credit"] == "25000.00"
    code, out, err = cli(
        "bonus", "clean", "5000", "--valid-from", "2027-06-01", "--valid-until", "2027-12-31",
        "--reason", "partner top-up", "--priority", "0", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert (json.loads(out)["amount"], json.loads(out)["program_year"]) == ("5000.00", 1001)
    ledger = json.loads(cli("ledger", "clean", "--json")[1])
    assert [x["kind"] for x in ledger["entries"]] == ["grant", "grant", "extend"]
    assert ledger["balance"] == "30000.00"
    assert cli("verify")[0] == 0


def test_notices_forecast_and_whatif_print_json(cli, member):  # noqa: F811
    code, out, _ = cli("notices", "--on", "2027-12-15", "--json")
    assert code == 0 and [(n["kind"], n["threshold"]) for n in json.loads(out)] == []
    code, out, _ = cli("notices", "--on", "2028-04-01", "--json")  # 60 days before 2028-05-31
    assert [(n["workspace"], n["kind"], n["threshold"], n["balance"]) for n in json.loads(out)] == [
        ("clean", "expiry", 90, "25000.00")
    ]
    assert json.loads(cli("notices", "--list", "--json")[1])[0]["threshold"] == 90
    code, out, _ = cli("forecast", "--workspace", "clean", "--months", "3", "--json")
    document = json.loads(out)
    assert code == 0 and document["months"] == ["2027-06", "2027-07", "2027-08"]
    assert document["members"][0]["balance"] == "25000.00"
    code, out, _ = cli("whatif", "--max-age-years", "10", "--annual-credit", "30000", "--json")
    document = json.loads(out)
    assert code == 0 and [(c["id"], c["before"], c["after"]) for c in document["changed"]] == [
        ("C2", "ineligible", "eligible")
    ]
    assert document["committed"]["after"] == "60000.00"  # C2's year 1 and clean's year 2 at 30,000


def test_whatif_reads_a_territory_file_and_names_a_bad_one(cli, member, write_csv):  # noqa: F811
    code, out, _ = cli("whatif", "--territories", str(write_csv("DE\nFrance\n", "t.txt")), "--json")
    assert code == 0 and json.loads(out)["change"]["territories"] == ["DE", "FR"]
    code, _, err = cli("whatif", "--territories", str(write_csv("DE\nNarnia\n", "bad.txt")))
    assert code == 1 and "line 2: 'Narnia' is not a country" in err


@pytest.mark.parametrize(
    "args",
    [
        ("extend", "abc", "--until", "2028-01-01", "--reason", "x"),
        ("extend", "1", "--until", "2028-13-01", "--reason", "x"),
        ("extend", "1", "--reason", "x"),
        ("bonus", "clean", "lots", "--valid-from", "2027-06-01", "--valid-until", "2027-07-01", "--reason", "x"),
        (
            "bonus",
            "clean",
            "5",
            "--valid-from",
            "2027-06-01",
            "--valid-until",
            "2027-07-01",
            "--reason",
            "x",
            "--priority",
            "101",
        ),
        ("forecast", "--months", "0"),
        ("notices", "--on", "tomorrow"),
        ("whatif", "--max-age-years", "-1"),
        ("whatif", "--partner-credit", "yc"),
    ],
)
def test_malformed_arguments_exit_2(cli, args):  # noqa: F811
    assert cli(*args)[0] == 2


def test_a_refused_extension_exits_1_and_changes_nothing(cli, member):  # noqa: F811
    code, _, err = cli("extend", str(member), "--until", "2027-06-30", "--reason", "shorter")
    assert code == 1 and "must end later than that" in err
    assert [x["kind"] for x in json.loads(cli("ledger", "clean", "--json")[1])["entries"]] == ["grant"]


def test_whatif_apply_from_makes_the_change_the_policy_from_that_date(cli, member, write_csv):  # noqa: F811
    code, out, err = cli("whatif", "--funding-cap", "3000000", "--apply-from", "2027-07-01", "--json")
    assert code == 0, err
    assert json.loads(out)["policy_version_made"]["version"] == 2
    code, out, err = cli("whatif", "--funding-cap", "3000000", "--apply-from", "2027-06-15")
    assert code == 1 and "after today (2027-06-15)" in err and out == ""
    code, out, _ = cli("whatif", "--max-age-years", "3")
    assert code == 0 and "nothing was saved" in out
