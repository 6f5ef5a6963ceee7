"""Many letters in one file (issue 17): the template's fixed paragraphs and the letterhead are
laid out and drawn once per file (`app.exports.pdf.Reused`), and every page still looks and
reads back exactly like the same letter written on its own."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from xml.sax.saxutils import escape

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from app.exports import pdf
from app.exports.letters import Letter, LetterSettings, write_combined, write_each

COMPANIES = ["Acme Labs", "<b>Acme & Co</b>", "Zeta  Pay", '=HYPERLINK("x")', "Café Ünal", "Müller GmbH"]


def some_letters(count: int) -> list[Letter]:
    return [
        Letter(
            number,
            f"A-{number}",
            COMPANIES[number % len(COMPANIES)] + ("" if number < len(COMPANIES) else f" {number}"),
            "" if number % 4 == 0 else f"Founder {number % 3}",  # no founder: the company's name twice
            f"f{number}@example.com",
            f"ws-{number}",
            2_500_000,
            date(2026, 1, 15),
            date(2027, 1, 14),
        )
        for number in range(1, count + 1)
    ]


def pages_as_png(path, folder, stem) -> list[bytes]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(folder / stem)], check=True)
    return [png.read_bytes() for png in sorted(folder.glob(f"{stem}-*.png"))]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
def test_every_page_of_a_combined_file_looks_exactly_like_its_letter_written_alone(tmp_path):
    letters, settings, on = some_letters(pdf.FORM_FROM + 4), LetterSettings(), date(2026, 1, 16)
    combined = write_combined(letters, tmp_path / "all.pdf", settings, on)
    alone = write_each(letters, tmp_path / "each", settings, on, None)
    pages = pages_as_png(combined, tmp_path, "all")
    assert len(pages) == len(letters)
    for number, (page, single) in enumerate(zip(pages, alone)):
        assert page == pages_as_png(single, tmp_path, f"one{number}")[0], letters[number].company


def test_every_page_of_a_combined_file_reads_back_its_whole_letter(tmp_path):
    letters, settings = some_letters(pdf.FORM_FROM * 2), LetterSettings()
    reader = PdfReader(write_combined(letters, tmp_path / "all.pdf", settings, date(2026, 1, 16)))
    for letter, page in zip(letters, reader.pages, strict=True):
        text = " ".join(page.extract_text().split())
        for part in (
            settings.program,  # the letterhead
            "16 January 2026",
            f"Dear {letter.founder or letter.company},",
            letter.company,
            "Next steps:",
            "Congratulations, and welcome aboard.",
            settings.sign_off,
            settings.signatory,
        ):
            assert " ".join(part.split()) in text, (letter.application, part)


@pytest.mark.parametrize("value", ["Acme Labs", "Café Ünal", "Dear Founder 1,", "Zeta  Pay", " lead", "A & B", "x<y"])
@pytest.mark.parametrize("kind", ["body", "bullet", "title", "right"])
def test_a_paragraph_is_the_one_reportlabs_parser_makes_of_its_text(value, kind):
    style = pdf.styles()[kind]
    ours = pdf.reused({}, value, style)
    theirs = Paragraph(escape(value), style)
    assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
@pytest.mark.parametrize("paragraphs", [1, 12])  # a letter on one page; one of six pages
def test_a_letter_laid_out_as_one_flowable_looks_exactly_as_the_frame_lays_out_its_paragraphs(tmp_path, paragraphs):
    from app.exports.letters import _document, letter_story

    letter, on = some_letters(2)[1], date(2026, 1, 16)
    settings = LetterSettings(template="\n\n".join([LetterSettings().template] * paragraphs), signatory_title="Lead")
    by_frame, together = tmp_path / "frame.pdf", tmp_path / "together.pdf"
    _document(by_frame, settings, "t").build(letter_story(letter, settings, on))
    _document(together, settings, "t").build([pdf.Together(letter_story(letter, settings, on))])
    expected = pages_as_png(by_frame, tmp_path, "frame")
    # six pages: the same bullet reaches a page's end twice and moves to the next page each time
    # (platypus refused the second move as "too large on page 4" before pdf.Reused forgot the first)
    assert len(expected) == (1 if paragraphs == 1 else 6)
    assert pages_as_png(together, tmp_path, "together") == expected


def test_a_template_longer_than_a_page_prints_for_every_letter_of_a_combined_file(tmp_path):
    # the paragraph moved to each letter's second page is the same one for every letter (pdf.Reused)
    settings = LetterSettings(template="\n\n".join([LetterSettings().template] * 2))
    letters = some_letters(pdf.FORM_FROM + 2)
    reader = PdfReader(write_combined(letters, tmp_path / "all.pdf", settings, date(2026, 1, 16)))
    assert len(reader.pages) == 2 * len(letters)
    assert all(settings.signatory in reader.pages[2 * n + 1].extract_text() for n in range(len(letters)))


def plain_texts() -> list[str]:
    import random

    from app.exports.letters import letter_text

    rng = random.Random(5)
    letters = some_letters(12)
    texts = [
        block for letter in letters for block in letter_text(letter, LetterSettings(), date(2026, 1, 16)).split("\n")
    ]
    words = [w for text in texts for w in text.split()] + ["Supercalifragilisticexpialidocious" * 3, "a", "WWWWWWWW"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 60))) for _ in range(300)]
    return [text for text in texts if text and " ".join(text.split()) == text]


@pytest.mark.parametrize("kind", ["body", "title", "right", "small"])
@pytest.mark.parametrize("width", [458.55, 150.0, 40.0])  # a letter's width, a narrow one, less than a long word
def test_a_plain_paragraph_breaks_its_lines_exactly_where_reportlab_breaks_them(kind, width):
    style = pdf.styles()[kind]
    texts = plain_texts()
    same: dict = {}
    for value in texts:
        ours, theirs = pdf.reused(same, value, style), Paragraph(escape(value), style)
        assert ours.wrap(width, 1e6) == theirs.wrap(width, 1e6), value
        mine, reportlabs = ours.blPara, theirs.blPara
        assert mine.kind == reportlabs.kind and len(mine.lines) == len(reportlabs.lines), value
        if mine.kind == 0:  # a word split across lines is reportlab's own work (kind 1), and its lines its objects
            assert mine.__dict__ == reportlabs.__dict__, value
        assert ours._width_max == theirs._width_max
    assert sum(len(pdf.reused(same, v, style).blPara.lines) > 1 for v in texts) > 100  # lines did break
