"""Names in every script come out of the letters and statements as written (issue 13): a font
per run, right-to-left and complex scripts shaped, and the text read back from the PDF."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from app.exports import fonts
from app.services import exports
from app.services.applications import Decide, decide
from tests.app.ledger_helpers import bills, close
from tests.importing import import_file

NAMES = {
    "AR": "شركة النور للتقنية",
    "HE": "חברת אור בע״מ",
    "HI": "हिन्दी स्टार्टअप कंपनी",
    "EM": "Rocket 🚀 Labs 👩‍💻",
    "MK": "Jose\u0301 Zoe\u0308 Nguye\u0302\u0303n",  # combining marks, as a keyboard may type them
    "RU": "Ромашка и Ко",
    "JA": "東京スタートアップ株式会社",
}


def squeezed(text: str) -> str:
    """Text as a reader compares it: composed (NFC), without the spaces that extraction guesses
    from glyph positions (pypdf puts one inside some Devanagari words and after stacked marks)."""
    return "".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture
def scripts(database, write_csv):
    header = "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"
    rows = "".join(
        f"{ref},2026-01-10,{name},f@{ref.lower()}.io,GB,2025-06-01,1000,no,ws-{ref.lower()}\n"
        for ref, name in NAMES.items()
    )
    import_file(database, write_csv(header + rows, "scripts.csv"))
    for ref in NAMES:
        database.run(decide, Decide(ref, "accept", on=date(2026, 1, 15)))
    bills(database, write_csv, [(f"ws-{ref.lower()}", "2026-01", "100") for ref in NAMES])
    close(database, "2026-01")
    return database


def test_letters_and_statements_read_back_every_script_as_written(scripts, tmp_path):
    target = tmp_path / "letters.pdf"
    scripts.run(exports.export_letters, exports.ExportLetters(tuple(NAMES), target))
    pages = PdfReader(target).pages
    assert len(pages) == len(NAMES)
    for page, (ref, name) in zip(pages, NAMES.items()):
        text = page.extract_text()
        assert squeezed(name) in squeezed(text), ref
        assert "USD 25,000.00" in text
        if ref in ("AR", "HE"):  # right to left: the words in reading order, each word whole
            assert name in text, ref
    for ref, name in NAMES.items():
        statement = tmp_path / f"{ref}.pdf"
        scripts.run(exports.export_statements, exports.ExportStatements("2026-01", statement, f"ws-{ref.lower()}"))
        text = PdfReader(statement).pages[0].extract_text()
        assert squeezed(name) in squeezed(text), ref


def test_every_character_of_every_name_has_a_glyph_in_an_embedded_font(scripts, tmp_path):
    target = tmp_path / "letters.pdf"
    scripts.run(exports.export_letters, exports.ExportLetters(tuple(NAMES), target))
    for name in NAMES.values():
        for ch in name:
            if ch.isspace() or ord(ch) == 0x200D:
                continue
            index = fonts._font_of(ch)
            assert ord(ch) in fonts.font(index).face.charToGlyph, (name, ch)
    embedded = set()
    for page in PdfReader(target).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"]  # the outlines travel with the file
            embedded.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert {"NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansHebrew-Regular", "NotoSansDevanagari-Regular"} <= {
        name.split("-0")[0] for name in embedded
    }
    assert any(name.startswith("NotoEmoji") for name in embedded)


def test_a_letter_in_latin_script_needs_only_the_base_font(members, tmp_path):
    target = tmp_path / "latin.pdf"
    members.run(exports.export_letters, exports.ExportLetters(None, target))
    names = {
        str(f.get_object()["/BaseFont"]) for p in PdfReader(target).pages for f in p["/Resources"]["/Font"].values()
    }
    assert names and all("NotoSans-Regular" in name for name in names)


def test_right_to_left_words_are_laid_out_in_display_order():
    order = [piece for _font, piece in fonts._display_order("Dear שלום עולם, welcome")]
    shown = "".join(order)
    assert shown.index("עולם") < shown.index("שלום")  # the first word read is the rightmost
    assert shown.startswith("Dear ") and shown.endswith(" welcome")
    assert "שלום" in order or any("שלום" in piece for piece in order)  # each word whole, for the shaper
    assert fonts.markup("(אור)")[1]  # a right-to-left paragraph is shaped
    assert fonts.markup("Plain & simple <b>")[0] == "Plain &amp; simple &lt;b&gt;"


def test_marks_and_joiners_stay_in_the_run_of_their_base_character():
    runs = fonts._runs("Zoe\u0308 👩\u200d💻\ufe0f")
    assert [piece for _i, piece in runs][0].startswith("Zoe\u0308")
    emoji = next(piece for index, piece in runs if fonts.CHAIN[index].name == fonts.EMOJI)
    assert emoji == "👩\u200d💻\ufe0f"
