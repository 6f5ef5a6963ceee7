"""Exports show the credit lifecycle (SPEC 4, 6): a bonus grant and an extension on the statement
(workbook and PDF), in the billing adjustments and in `ledger --json`, on SQLite and PostgreSQL."""

import json
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.services import exports, ledger
from app.services.ledger.lifecycle import Bonus, Extend, bonus, extend
from app.services.verify import verify
from tests.app.ledger_helpers import bills, close

MONTHS_2026 = [f"2026-{m:02d}" for m in range(1, 13)]


def on(clock, day: date) -> None:
    clock.at = clock.at.replace(year=day.year, month=day.month, day=day.day)


def money(value) -> int:
    return int((Decimal(str(value)) * 100).to_integral_value())


def extended_and_bonused(members, write_csv, clock) -> int:
    """half: 500 a month through 2026; on 2027-01-10 its year 1 is extended to 2027-06-30 and it gets
    a 1,000.00 bonus valid 2027-01-01 ... 2027-03-31 drawn first; January 2027 is closed."""
    bills(members, write_csv, [("half", m, "500") for m in [*MONTHS_2026, "2027-01"]])
    close(members, *MONTHS_2026)
    on(clock, date(2027, 1, 10))
    grant = next(
        x["id"]
        for x in members.query(ledger.ledger_of, "half")["entries"]
        if x["kind"] == "grant" and x["program_year"] == 1
    )
    made = members.run(extend, Extend(grant, date(2027, 6, 30), "bridge while year 2 is decided"))
    members.run(
        bonus, Bonus("half", 100_000, date(2027, 1, 1), date(2027, 3, 31), "goodwill after an outage", priority=10)
    )
    on(clock, date(2027, 2, 1))
    close(members, "2027-01")
    assert members.query(verify) == []
    return made["entry"]


def test_a_statement_lists_the_bonus_credit_and_the_extension(members, write_csv, clock, tmp_path):
    extended_and_bonused(members, write_csv, clock)
    target = tmp_path / "statements.xlsx"
    members.run(exports.export_statements, exports.ExportStatements("2027-01", target))
    rows = {r[0]: r for r in load_workbook(target)["Statements"].iter_rows(min_row=2, values_only=True)}
    half = rows["half"]
    # program year 1 still in force (not the bonus, 1001), valid to its extended last day
    assert half[3] == 1
    assert half[12].date() == date(2027, 6, 30)
    assert half[13].date() == date(2027, 3, 31)  # the bonus credit in force, until its own last day
    assert [money(v) for v in half[4:10]] == [1_900_000, 100_000, -50_000, 0, 0, 1_950_000]

    pdf = tmp_path / "half.pdf"
    members.run(exports.export_statements, exports.ExportStatements("2027-01", pdf, "half"))
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Bonus credit" in text and "1,000.00" in text
    assert "Extended valid until 30 June 2027: bridge while year 2 is decided" in text
    assert "Your credit is valid until 30 June 2027, your bonus credit until 31 March 2027" in text


def test_the_adjustments_name_the_program_year_and_its_extended_expiry(members, write_csv, clock, tmp_path):
    extended_and_bonused(members, write_csv, clock)
    target = tmp_path / "adjustments.xlsx"
    members.run(exports.export_adjustments, exports.ExportAdjustments("2027-01", target))
    rows = {r[0]: r for r in load_workbook(target)["Adjustments"].iter_rows(min_row=2, values_only=True)}
    half = rows["half"]
    assert half[3] == 1 and half[9].date() == date(2027, 6, 30)
    # the bonus is drawn first; the bill is paid in full
    assert [money(v) for v in half[4:9]] == [50_000, -50_000, 0, 0, 1_950_000]


def test_a_reversed_extension_is_no_line_of_the_statement(members, write_csv, clock, tmp_path):
    bills(members, write_csv, [("half", "2026-01", "500")])
    close(members, "2026-01")
    on(clock, date(2026, 2, 10))
    grant = next(x["id"] for x in members.query(ledger.ledger_of, "half")["entries"] if x["kind"] == "grant")
    made = members.run(extend, Extend(grant, date(2027, 6, 30), "typo"))
    members.run(ledger.reverse, ledger.Reverse(made["entry"], "not meant"))
    members.run(extend, Extend(grant, date(2027, 3, 31), "bridge"))
    on(clock, date(2026, 3, 1))
    close(members, "2026-02")
    pdf = tmp_path / "half.pdf"
    members.run(exports.export_statements, exports.ExportStatements("2026-02", pdf, "half"))
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert text.count("Extended") == 1 and "valid until 31 March 2027: bridge" in text
    assert "30 June 2027" not in text


def test_ledger_json_gives_an_extensions_new_last_day(members, write_csv, clock, capsys, database_url):
    entry = extended_and_bonused(members, write_csv, clock)
    capsys.readouterr()
    assert main(["--db", database_url, "ledger", "half", "--json"]) == 0
    entries = {x["id"]: x for x in json.loads(capsys.readouterr().out)["entries"]}
    assert entries[entry]["kind"] == "extend" and entries[entry]["valid_until"] == "2027-06-30"
    assert all(x["valid_until"] is None for x in entries.values() if x["kind"] != "extend")


def test_a_past_month_exported_again_after_an_extension_reads_as_it_did_then(members, write_csv, clock, tmp_path):
    """December 2026's adjustments and statements, exported in December and again after year 1
    was extended in January 2027: the same rows (the re-export showed the later extension)."""
    bills(members, write_csv, [("half", m, "500") for m in MONTHS_2026])
    close(members, *MONTHS_2026)

    def december() -> list:
        rows = []
        for kind, command, sheet in (
            ("adjustments", exports.ExportAdjustments, "Adjustments"),
            ("statements", exports.ExportStatements, "Statements"),
        ):
            target = tmp_path / f"{kind}-{len(list(tmp_path.iterdir()))}.xlsx"
            members.run(getattr(exports, f"export_{kind}"), command("2026-12", target))
            rows.append([r for r in load_workbook(target)[sheet].iter_rows(min_row=2, values_only=True)])
        return rows

    then = december()
    assert then[0][-1][:2] == ("Total", "1 workspace") and then[1][-1][:2] == ("Total", "3 members")
    on(clock, date(2027, 1, 10))
    grant = next(
        x["id"]
        for x in members.query(ledger.ledger_of, "half")["entries"]
        if x["kind"] == "grant" and x["program_year"] == 1
    )
    members.run(extend, Extend(grant, date(2027, 6, 30), "bridge while year 2 is decided"))
    assert december() == then


def test_a_statement_names_the_forecast_run_out_month_and_first_bill_charged_in_full(members, write_csv, tmp_path):
    # worked: 1,000 then 4,000 a month; after March 16,000 left at a pace of 3,000 (the three months' mean):
    # April to August take 15,000, September's bill the last 1,000, October's is charged in full
    bills(
        members,
        write_csv,
        [("worked", "2026-01", "1000"), ("worked", "2026-02", "4000"), ("worked", "2026-03", "4000")],
    )
    close(members, "2026-01", "2026-02", "2026-03")
    target = tmp_path / "statements.xlsx"
    members.run(exports.export_statements, exports.ExportStatements("2026-03", target))
    sheet = load_workbook(target)["Statements"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    at = header.index("Credit runs out (forecast)")
    assert header[at + 1] == "First bill charged in full (forecast)"
    assert rows["worked"][at : at + 2] == ("2026-09", "2026-10")
    assert rows["half"][at : at + 2] == (None, None)  # no bills: no pace to forecast from
    pdf = tmp_path / "worked.pdf"
    members.run(exports.export_statements, exports.ExportStatements("2026-03", pdf, "worked"))
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert (
        "forecast to run out with the September 2026 bill; the October 2026 bill would be the first charged in full"
        in text
    )
