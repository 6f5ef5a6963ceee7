"""What the exports write (issue 13): no letter overwritten, targets checked before anything is
recorded, e-mail drafts whose headers say only what was typed, money exact at every size, and a
file system that refuses answered by one clear message with the target left as it was."""

from __future__ import annotations

import base64
import email
import errno
from datetime import date, datetime
from decimal import Decimal
from email import policy
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.errors import AppError
from app.exports.adjustments import write_adjustments_xlsx
from app.exports.drafts import draft
from app.exports.month_data import MemberMonth
from app.services import exports
from app.services.applications import Decide, decide
from tests.app.ledger_helpers import bills, close
from tests.importing import import_file

HEADER = "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"
FORGED = "=?UTF-8?B?" + base64.b64encode(b"Evil\r\nBcc: boss@evil.example").decode() + "?="


def accept(database, write_csv, rows: dict[str, str], name: str = "apps.csv") -> None:
    """Import and accept applications {id: company}, each with its own workspace."""
    lines = "".join(
        f'{ref},2026-01-10,"{company.replace(chr(34), chr(34) * 2)}",f@{ref.lower()}.io,GB,2025-06-01,1000,no,ws-{ref.lower()}\n'
        for ref, company in rows.items()
    )
    import_file(database, write_csv(HEADER + lines, name))
    for ref in rows:
        database.run(decide, Decide(ref, "accept", on=date(2026, 1, 15)))


def letters(database, refs, target, **options):
    return database.run(exports.export_letters, exports.ExportLetters(refs and tuple(refs), target, **options))


def pending(database) -> int:
    return database.query(exports.letters_pending)


# ---- letters never overwrite each other -------------------------------------------------------


def test_a_letter_written_later_keeps_another_members_letter_of_the_same_name(database, write_csv, tmp_path):
    folder = tmp_path / "letters"
    accept(database, write_csv, {"A1": "Acme"})
    first = letters(database, None, folder).files[0]
    assert first.name == "Acme - acceptance letter.pdf"
    before = first.read_bytes()
    accept(database, write_csv, {"A2": "Acme"}, "second.csv")  # another company of the same name
    second = letters(database, None, folder).files[0]
    assert second.name == "Acme - acceptance letter (A2).pdf"
    assert first.read_bytes() == before
    assert "Acme" in PdfReader(second).pages[0].extract_text()
    third = letters(database, ["A2"], folder).files[0]  # the same letter again: a new file, none replaced
    assert third.name == "Acme - acceptance letter (A2) 2.pdf" and first.read_bytes() == before


def test_a_file_of_someone_else_under_a_letters_name_is_kept(database, write_csv, tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "Acme - acceptance letter.pdf").write_bytes(b"a letter written by hand")
    accept(database, write_csv, {"A1": "Acme"})
    written = letters(database, None, folder, drafts=True).files
    assert [p.name for p in written] == ["Acme - acceptance letter (A1).pdf", "Acme - acceptance letter (A1).eml"]
    assert (folder / "Acme - acceptance letter.pdf").read_bytes() == b"a letter written by hand"


@pytest.mark.parametrize("folder_was_there", [False, True])
def test_letters_that_fail_half_way_leave_no_file_and_are_not_recorded(
    database, write_csv, tmp_path, monkeypatch, folder_was_there
):
    from app.exports import letters as module

    accept(database, write_csv, {"A1": "Alpha", "A2": "Beta", "A3": "Gamma"})
    real = module._document
    calls = []

    def full_disk_on_the_third(*args):
        document = real(*args)
        calls.append(document)
        if len(calls) == 3:

            def build(story):
                raise OSError(errno.ENOSPC, "No space left on device")

            document.build = build
        return document

    monkeypatch.setattr(module, "_document", full_disk_on_the_third)
    folder = tmp_path / "letters"
    if folder_was_there:
        folder.mkdir()
    with pytest.raises(AppError, match="No space left on device"):
        letters(database, None, folder)
    # the folder the export made goes with its letters; a folder that was there stays
    assert (list(folder.iterdir()) == []) if folder_was_there else not folder.exists()
    assert pending(database) == 3


# ---- the target is checked before anything is written or recorded ----------------------------


@pytest.mark.parametrize("name", ["x.docx", "letters.txt", "out.xlsx"])
def test_letters_to_a_file_that_is_not_a_pdf_are_refused_and_nothing_recorded(
    members, database_url, tmp_path, capsys, name
):
    target = tmp_path / name
    assert main(["--db", database_url, "export", "letters", "-o", str(target)]) == 2
    assert "PATH.pdf" in capsys.readouterr().err
    assert not target.exists() and pending(members) == 3


def test_a_folder_name_with_a_dot_in_it_is_still_a_folder(members, tmp_path):
    result = letters(members, None, tmp_path / "letters.2026-01")
    assert len(result.files) == 3 and all(p.parent.name == "letters.2026-01" for p in result.files)


def test_letters_to_an_existing_file_or_into_a_missing_folder_are_refused(members, tmp_path):
    existing = tmp_path / "notes"
    existing.write_text("mine")
    with pytest.raises(AppError, match="is a file"):
        letters(members, None, existing)
    assert existing.read_text() == "mine"
    with pytest.raises(AppError, match="is not a folder"):
        letters(members, None, tmp_path / "missing" / "letters")
    with pytest.raises(AppError, match="drafts need one PDF per letter"):
        letters(members, None, tmp_path / "all.pdf", drafts=True)
    assert pending(members) == 3 and not (tmp_path / "missing").exists()


def test_a_folder_given_where_a_file_is_meant_is_refused(members, write_csv, database_url, tmp_path, capsys):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    for kind, name in (("adjustments", "adj.xlsx"), ("adjustments", "adj.csv"), ("statements", "st.xlsx")):
        (tmp_path / name).mkdir()
        args = ["--db", database_url, "export", kind, "--month", "2026-01", "-o", str(tmp_path / name)]
        assert main(args) == 2
        assert f"{tmp_path / name} is a folder" in capsys.readouterr().err
        assert list((tmp_path / name).iterdir()) == []
    combined = tmp_path / "folder.pdf"
    combined.mkdir()  # a folder named like a file is a folder: one PDF per letter inside it
    assert len(letters(members, None, combined).files) == 3


# ---- e-mail drafts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "company",
    [FORGED, "Acme\r\nBcc: boss@evil.example", "Acme\nX-Priority: 1", "שלום & Co =?x?q?y?= 🚀", "Plain Ltd"],
)
def test_a_drafts_headers_hold_only_what_was_typed(company):
    content = draft(
        "founder@acme.io",
        "startups@example.com",
        f"Welcome: {company}",
        "Dear founder",
        datetime(2026, 1, 16, 9),
        b"%PDF-1.4",
        "a.pdf",
    )
    header_lines = content.split(b"\r\n\r\n")[0].split(b"\r\n")
    assert not [line for line in header_lines if line.startswith((b"Bcc", b"X-Priority"))]
    message = email.message_from_bytes(content, policy=policy.default)
    assert sorted(message.keys()) == sorted(
        ["To", "From", "Subject", "Date", "Message-ID", "X-Unsent", "MIME-Version", "Content-Type"]
    )
    expected = "Welcome: " + " ".join(company.replace("\r\n", "\n").split("\n"))
    assert message["Subject"] == expected  # a reader decodes it back to exactly the text typed
    assert message["To"] == "founder@acme.io" and message["Date"] == "Fri, 16 Jan 2026 09:00:00 +0000"


def test_an_address_that_is_not_one_is_refused_by_name():
    with pytest.raises(AppError, match="not an e-mail address"):
        draft("a@b.io, boss@evil.example", "s@example.com", "x", "y", datetime(2026, 1, 1), b"", "a.pdf")


def test_drafts_of_hostile_companies_read_back_exactly(database, write_csv, tmp_path):
    accept(database, write_csv, {"F1": FORGED, "F2": "Line\nBreak Ltd"})
    written = letters(database, None, tmp_path / "out", drafts=True).files
    drafts = [p for p in written if p.suffix == ".eml"]
    subjects = {email.message_from_bytes(p.read_bytes(), policy=policy.default)["Subject"] for p in drafts}
    assert subjects == {f"Welcome to the Startup Program: {FORGED}", "Welcome to the Startup Program: Line Break Ltd"}
    for path in drafts:
        assert "Bcc" not in email.message_from_bytes(path.read_bytes(), policy=policy.default)


# ---- money exact at every size ------------------------------------------------------------------


def cents_of(cell) -> int:
    if isinstance(cell.value, str):  # a text cell: exact digits with separators
        return int(Decimal(cell.value.replace(",", "")) * 100)
    return int((Decimal(str(cell.value)) * 100).to_integral_value())


def test_money_in_the_workbook_is_exact_to_the_cent_at_every_size_the_database_holds(tmp_path):
    sizes = [1, 7, 99_999_999_999_999, 10**15 - 1, 10**15, 2**53 - 1, 2**53 + 1, 2**63 - 1]
    members = [
        MemberMonth(i, f"ws-{i}", f"C{i}", "", "", "1", date(2027, 1, 14), bill=cents, closing=-cents)
        for i, cents in enumerate(sizes)
    ]
    target = tmp_path / "big.xlsx"
    write_adjustments_xlsx(members, target, "2026-01", "Program", datetime(2026, 2, 1))
    sheet = load_workbook(target)["Adjustments"]
    for row, cents in enumerate(sizes, start=2):
        bill, left = sheet.cell(row, 5), sheet.cell(row, 9)
        assert (cents_of(bill), cents_of(left)) == (cents, -cents)
        assert (bill.data_type == "n") == (cents < 10**15)  # a number while 15 digits hold it
    total = sheet.cell(len(sizes) + 2, 5)
    assert cents_of(total) == sum(sizes) and total.data_type == "s"
    text_cells = sum(1 for row in sheet.iter_rows(min_row=2, min_col=5, max_col=9) for c in row if c.data_type == "s")
    note = sheet.cell(len(sizes) + 3, 1).value
    assert note.startswith(f"Note: {text_cells} amount(s) of USD 10,000,000,000,000.00 or more are text cells")
    assert sheet.auto_filter.ref == f"A1:J{len(sizes) + 1}"


# ---- a file system that refuses ------------------------------------------------------------------


@pytest.fixture
def closed(members, write_csv):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    return members


def run_export(database_url, kind, target: Path) -> list[str]:
    args = ["--db", database_url, "export", kind, "-o", str(target)]
    return args if kind == "letters" else args[:4] + ["--month", "2026-01"] + args[4:]


@pytest.mark.parametrize(
    "kind,name", [("adjustments", "a.xlsx"), ("adjustments", "a.csv"), ("statements", "s.xlsx"), ("letters", "l.pdf")]
)
def test_a_full_disk_is_one_message_naming_the_file_and_the_target_is_kept(
    closed, database_url, tmp_path, capsys, monkeypatch, kind, name
):
    import os

    target = tmp_path / name
    target.write_bytes(b"last month's file")
    real_replace = os.replace

    def full(source, destination):
        if str(destination) == str(target):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", full)
    assert main(run_export(database_url, kind, target)) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"startup-desk: cannot write {target}: No space left on device"
    assert target.read_bytes() == b"last month's file"
    assert list(tmp_path.glob("*.partial")) == [] and list(tmp_path.glob(".*")) == []
    assert pending(closed) == 3


@pytest.mark.parametrize("kind,name", [("adjustments", "a.xlsx"), ("statements", "s.xlsx"), ("letters", "l.pdf")])
def test_a_folder_that_cannot_be_written_is_one_message(
    closed, database_url, tmp_path, capsys, monkeypatch, kind, name
):
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    assert main(run_export(database_url, kind, tmp_path / name)) == 1
    assert capsys.readouterr().err.strip() == f"startup-desk: cannot write {tmp_path / name}: Permission denied"
    assert not (tmp_path / name).exists() and pending(closed) == 3


def test_a_write_that_fails_inside_the_workbook_library_is_one_message(closed, tmp_path, monkeypatch):
    from xlsxwriter import Workbook
    from xlsxwriter.exceptions import FileCreateError

    def broken(self):
        raise FileCreateError(OSError(errno.EROFS, "Read-only file system"))

    monkeypatch.setattr(Workbook, "close", broken)
    target = tmp_path / "a.xlsx"
    with pytest.raises(AppError, match=f"cannot write {target}: Read-only file system"):
        closed.run(exports.export_adjustments, exports.ExportAdjustments("2026-01", target))
    assert list(tmp_path.glob("*.partial")) == [] and not target.exists()
