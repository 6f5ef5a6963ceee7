"""Names in every script read back from the letters and statements by a second, independent
extractor (poppler's pdftotext), not only by the pypdf the other tests use."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.services import exports
from tests.app.test_letter_scripts import NAMES, scripts, squeezed  # noqa: F401 - scripts is a fixture

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")

#: what pdftotext wraps right-to-left runs in (embedding marks), which a reader does not see
BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def pdftotext(path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return out.decode("utf-8").translate(BIDI_MARKS)


def test_every_script_reads_back_from_a_letter_and_a_statement_through_pdftotext(scripts, tmp_path):  # noqa: F811
    letters = tmp_path / "letters.pdf"
    scripts.run(exports.export_letters, exports.ExportLetters(tuple(NAMES), letters))
    text = squeezed(pdftotext(letters))
    for ref, name in NAMES.items():
        assert squeezed(name) in text, ref
        statement = tmp_path / f"{ref}.pdf"
        scripts.run(exports.export_statements, exports.ExportStatements("2026-01", statement, f"ws-{ref.lower()}"))
        assert squeezed(name) in squeezed(pdftotext(statement)), ref
