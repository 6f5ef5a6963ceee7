"""SPEC 6 exports read back: billing adjustments, statements and letters agree with the ledger."""

from __future__ import annotations

import csv
import email
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.errors import AppError, Cancelled
from app.exports.letters import LetterSettings
from app.services import exports, ledger
from app.services.applications import Decide, decide
from models.money import plain
from tests.app.ledger_helpers import bills, close
from tests.importing import import_file

HOSTILE = {
    "X1": '=HYPERLINK("http://evil.example","click")',
    "X2": "<b>Acme & Co</b>",
    "X3": "+Plus -Minus",
    "X4": "@SUM(A1:A2)",
    "X5": "Ромашка и Ко",
    "X6": "Ελληνική Εταιρεία",
    "X7": "東京スタートアップ株式会社",
    "X8": "../../etc/passwd",
}


@pytest.fixture
def hostile(database, write_csv):
    rows = "".join(
        f'{ref},2026-01-10,"{name.replace(chr(34), chr(34) * 2)}",f{ref}@x{ref}.io,GB,2025-06-01,100000,no,ws-{ref.lower()},\n'
        for ref, name in HOSTILE.items()
    )
    header = "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace,partner_code\n"
    import_file(database, write_csv(header + rows, "hostile.csv"))
    for ref in HOSTILE:
        database.run(decide, Decide(ref, "accept", on=date(2026, 1, 15)))
    bills(database, write_csv, [(f"ws-{ref.lower()}", "2026-01", "100") for ref in HOSTILE], "hostile-usage.csv")
    close(database, "2026-01")
    return database


def adjustments(database, month, target, **options):
    return database.run(exports.export_adjustments, exports.ExportAdjustments(month, target, **options))


def statements(database, month, target, workspace=None):
    return database.run(exports.export_statements, exports.ExportStatements(month, target, workspace))


def letters(database, refs, target, **options):
    return database.run(exports.export_letters, exports.ExportLetters(refs and tuple(refs), target, **options))


def save_settings(database, settings):
    database.run(exports.save_letter_settings, exports.SaveLetterSettings(settings))


def money(value) -> int:
    """A numeric cell back to cents, exactly."""
    assert isinstance(value, int | float | Decimal), value
    return int((Decimal(str(value)) * 100).to_integral_value())


def test_adjustments_workbook_has_numeric_money_a_totals_row_and_agrees_with_the_ledger(members, write_csv, tmp_path):
    bills(
        members,
        write_csv,
        [("worked", "2026-01", "1000")]
        + [("worked", "2026-02", "4000"), ("half", "2026-02", "500"), ("partnered", "2026-02", "1234.56")],
    )
    close(members, "2026-01", "2026-02")
    target = tmp_path / "adjustments-2026-02.xlsx"
    result = adjustments(members, "2026-02", target)

    book = load_workbook(target)
    assert book.sheetnames == ["Adjustments", "By partner"]
    sheet = book["Adjustments"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J4"
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Workspace", "Company", "Partner", "Program year", "Bill (USD)"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, max_row=4, values_only=True)}
    assert set(rows) == {"worked", "half", "partnered"}
    worked = rows["worked"]
    assert (money(worked[4]), money(worked[5]), money(worked[6]), money(worked[7]), money(worked[8])) == (
        400_000,
        -400_000,
        0,
        0,
        2_000_000,
    )
    assert worked[9].date() == date(2027, 1, 14) and worked[3] == 1  # a number cell
    assert money(rows["partnered"][8]) == 5_000_000 - 123_456  # the partner's 50,000 grant
    assert sheet.cell(2, 5).number_format.startswith("#,##0.00")
    totals = [c.value for c in sheet[5]]
    assert totals[0] == "Total"
    february = members.run(ledger.close_month, ledger.CloseMonth("2026-02"))  # closed already: a summary, nothing added
    assert money(totals[4]) == february.billed == 400_000 + 50_000 + 123_456
    assert money(totals[5]) == -february.credit_applied
    assert sum(money(r[5]) for r in rows.values()) == money(totals[5])
    for workspace, row in rows.items():
        assert money(row[8]) == members.query(ledger.ledger_of, workspace)["balance"]
    assert result.totals["credit_applied"] == plain(-february.credit_applied)

    summary = book["By partner"]
    by_code = {r[0]: r for r in summary.iter_rows(min_row=2, values_only=True)}
    assert by_code["yc"][1] == "Y Combinator" and by_code["yc"][2] == 1
    assert money(by_code["Total"][4]) == money(totals[5])
    assert book.properties.keywords == "month=2026-02; program=Startup Program"
    assert "2026-02" in book.properties.title


def test_an_open_month_or_a_bill_changed_after_the_close_is_refused_and_no_file_appears(members, write_csv, tmp_path):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    target = tmp_path / "open.xlsx"
    with pytest.raises(AppError, match="not closed"):
        adjustments(members, "2026-01", target)
    close(members, "2026-01")
    bills(members, write_csv, [("worked", "2026-01", "1500")], "changed.csv")
    with pytest.raises(AppError, match="restate first"):
        adjustments(members, "2026-01", target)
    assert list(tmp_path.glob("*.xlsx")) == []
    close(members, "2026-01", restate=True)
    adjustments(members, "2026-01", target)
    rows = {r[0]: r for r in load_workbook(target)["Adjustments"].iter_rows(min_row=2, max_row=4, values_only=True)}
    assert (money(rows["worked"][4]), money(rows["worked"][5])) == (150_000, -150_000)
    assert (money(rows["half"][4]), money(rows["half"][7])) == (0, 0)  # granted in January, no bill


def test_applicant_text_stays_text_in_excel_and_csv(hostile, tmp_path):
    target = tmp_path / "adjustments.xlsx"
    adjustments(hostile, "2026-01", target)
    sheet = load_workbook(target)["Adjustments"]
    companies = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2, max_row=len(HOSTILE) + 1)}
    for ref, name in HOSTILE.items():
        cell = companies[f"ws-{ref.lower()}"]
        assert cell.value == name and cell.data_type == "s"  # never 'f', a formula
    csv_target = tmp_path / "adjustments.csv"
    adjustments(hostile, "2026-01", csv_target)
    with open(csv_target, encoding="utf-8-sig", newline="") as handle:
        rows = {row["workspace"]: row for row in csv.DictReader(handle)}
    assert rows["ws-x1"]["company"] == "'" + HOSTILE["X1"]  # a spreadsheet opening it shows text
    assert rows["ws-x2"]["company"] == HOSTILE["X2"] and rows["ws-x7"]["company"] == HOSTILE["X7"]
    assert rows["ws-x1"]["credit_applied_usd"] == "-100.00"


def test_letters_print_names_exactly_as_typed_in_every_script(hostile, tmp_path):
    target = tmp_path / "letters.pdf"
    result = letters(hostile, None, target, on=date(2026, 1, 16))
    reader = PdfReader(target)
    assert result.rows == len(HOSTILE) == len(reader.pages)  # one page per letter
    pages = [page.extract_text() for page in reader.pages]
    for page, name in zip(pages, HOSTILE.values()):
        assert name in page
        assert "USD 25,000.00" in page and "15 January 2026" in page and "14 January 2027" in page
    from app.exports import fonts

    drawn = {ch for name in HOSTILE.values() for ch in name if not ch.isspace()}
    assert all(ord(ch) in fonts.font(fonts._font_of(ch)).face.charToGlyph for ch in drawn)  # no empty box


def test_letters_are_recorded_so_the_default_is_only_those_not_yet_written(hostile, tmp_path):
    assert hostile.query(exports.letters_pending) == len(HOSTILE)
    letters(hostile, ["X2", "X7"], tmp_path / "two.pdf")
    assert hostile.query(exports.letters_pending) == len(HOSTILE) - 2
    rest = letters(hostile, None, tmp_path / "rest.pdf")
    assert rest.rows == len(HOSTILE) - 2
    with pytest.raises(AppError, match="no letters to write"):
        letters(hostile, None, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
    with pytest.raises(AppError, match="no application nope-1"):
        letters(hostile, ["nope-1"], tmp_path / "x.pdf")


def test_one_letter_per_member_stays_inside_the_folder_with_an_email_draft(hostile, tmp_path):
    folder = tmp_path / "letters"
    result = letters(hostile, ["X8", "X2"], folder, drafts=True)
    names = sorted(p.name for p in folder.iterdir())
    assert len(result.files) == 4 and all(p.parent == folder for p in result.files)
    assert names == sorted(
        [
            "b_Acme _ Co_b_ - acceptance letter.pdf",
            "b_Acme _ Co_b_ - acceptance letter.eml",
            "etc_passwd - acceptance letter.pdf",
            "etc_passwd - acceptance letter.eml",
        ]
    )
    draft = email.message_from_bytes((folder / "etc_passwd - acceptance letter.eml").read_bytes())
    assert draft["To"] == "fX8@xX8.io" and draft["X-Unsent"] == "1"
    attachment = next(part for part in draft.walk() if part.get_content_type() == "application/pdf")
    assert attachment.get_payload(decode=True).startswith(b"%PDF")
    assert list(tmp_path.rglob("*.partial")) == []


def test_the_letter_template_is_edited_with_placeholders_and_a_bad_one_is_refused(hostile, tmp_path):
    settings = LetterSettings(
        program="Segment Startup Program",
        signatory="Ada Lovelace",
        template="Hello $founder of $company: $amount until $valid_until.",
    )
    save_settings(hostile, settings)
    result = letters(hostile, ["X5"], tmp_path / "one.pdf")
    text = PdfReader(result.files[0]).pages[0].extract_text()
    assert "Hello Ромашка и Ко of Ромашка и Ко: USD 25,000.00 until 14 January 2027." in text
    assert "Segment Startup Program" in text and "Ada Lovelace" in text
    with pytest.raises(AppError, match=r"unknown placeholder \$budget"):
        save_settings(hostile, LetterSettings(template="You get $budget"))
    assert hostile.query(exports.letter_settings).signatory == "Ada Lovelace"  # the bad one was not saved


def test_a_failed_or_cancelled_export_leaves_the_previous_file_whole(members, write_csv, tmp_path, monkeypatch):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    target = tmp_path / "adjustments.xlsx"
    target.write_bytes(b"the previous export")
    with pytest.raises(Cancelled):
        adjustments(members, "2026-01", target, cancelled=lambda: True)
    assert target.read_bytes() == b"the previous export"
    from xlsxwriter import Workbook

    def broken_save(self):
        self.filename.write(b"half a workbook")  # the workbook is put together in memory, then saved
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "close", broken_save)
    with pytest.raises(AppError, match=f"cannot write {target}: disk full"):
        adjustments(members, "2026-01", target)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.glob("*adjustments*")] == ["adjustments.xlsx"]  # no partial file left


def test_statements_balance_for_every_member_and_total_the_liability(members, write_csv, tmp_path):
    bills(members, write_csv, [("half", m, "500") for m in ("2026-01", "2026-02")] + [("worked", "2026-02", "3000")])
    close(members, "2026-01", "2026-02")
    members.run(ledger.adjust, ledger.Adjust("worked", 25_00, "goodwill", on=date(2026, 2, 10)))
    target = tmp_path / "statements.xlsx"
    result = statements(members, "2026-02", target)
    sheet = load_workbook(target)["Statements"]
    rows = {
        r[0]: [money(v) if isinstance(v, float | int) else v for v in r]
        for r in sheet.iter_rows(min_row=2, max_row=4, values_only=True)
    }
    assert set(rows) == {"worked", "half", "partnered"}  # every member, with or without a bill
    for row in rows.values():
        assert row[4] + row[5] + row[6] + row[7] + row[8] == row[9]
    assert rows["half"][4:10] == [2_450_000, 0, -50_000, 0, 0, 2_400_000]
    assert rows["worked"][8] == 2_500 and rows["worked"][9] == members.query(ledger.ledger_of, "worked")["balance"]
    total = [c.value for c in sheet[5]]
    assert total[0] == "Total" and money(total[9]) == sum(r[9] for r in rows.values())
    assert result.totals["closing_balance"] == plain(sum(r[9] for r in rows.values()))

    pdf = tmp_path / "half.pdf"
    statements(members, "2026-02", pdf, "half")
    reader = PdfReader(pdf)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert "Credit statement, February 2026" in text and "24,500.00" in text and "24,000.00" in text
    assert "credit applied to the 2026-02 bill of 500.00" in text


def test_command_line_exports_with_json_and_refusals(members, write_csv, tmp_path, capsys, database_url):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    target = tmp_path / "adj.xlsx"
    assert main(["--db", database_url, "export", "adjustments", "--month", "2026-01", "-o", str(target), "--json"]) == 0
    document = capsys.readouterr().out
    assert '"credit_applied": "-1000.00"' in document and target.exists()
    assert main(["--db", database_url, "export", "adjustments", "--month", "2026-02", "-o", str(target)]) == 1
    assert "not closed" in capsys.readouterr().err
    assert (
        main(["--db", database_url, "export", "adjustments", "--month", "2026-01", "-o", str(tmp_path / "a.txt")]) == 2
    )
    assert (
        main(["--db", database_url, "export", "statements", "--month", "2026-01", "-o", str(tmp_path / "s.xlsx")]) == 0
    )
    assert main(["--db", database_url, "export", "letters", "-o", str(tmp_path / "letters.pdf")]) == 0
    assert len(PdfReader(tmp_path / "letters.pdf").pages) == 3


def images(resources) -> int:
    """The pictures a page shows, also inside its forms (the letterhead is one)."""
    found = 0
    for thing in (resources.get("/XObject") or {}).values():
        thing = thing.get_object()
        found += 1 if thing["/Subtype"] == "/Image" else images(thing.get("/Resources") or {})
    return found


def test_a_letterhead_logo_is_drawn_and_an_unreadable_one_is_left_out(hostile, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (64, 64), (48, 84, 150)).save(logo)
    save_settings(hostile, LetterSettings(logo=str(logo)))
    with_logo = letters(hostile, ["X2"], tmp_path / "logo.pdf").files[0]
    assert images(PdfReader(with_logo).pages[0]["/Resources"]) == 1
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    save_settings(hostile, LetterSettings(logo=str(broken)))
    plain_letter = letters(hostile, ["X3"], tmp_path / "plain.pdf").files[0]
    assert images(PdfReader(plain_letter).pages[0]["/Resources"]) == 0
    assert HOSTILE["X3"] in PdfReader(plain_letter).pages[0].extract_text()
