"""PDF building blocks: the embedded font, escaped paragraphs, the letterhead.

Applicant text goes through `escaped()` before it reaches a Paragraph: reportlab
reads `<b>`, `&amp;` and friends as markup, and a name must print exactly as typed.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "StartupDeskSans"  # WenQuanYi Micro Hei: Latin, Greek, Cyrillic and CJK in one TrueType file
PAGE = A4
MARGIN = 22 * mm
ACCENT = colors.HexColor("#305496")


@functools.cache
def register_font() -> str:
    """Load the shipped font once per process (about 0.2 s); reportlab embeds the glyphs it uses."""
    with resources.as_file(resources.files("resources").joinpath("fonts", "wqy-microhei.ttc")) as path:
        pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


def escaped(text: str) -> str:
    """Applicant or template text as Paragraph markup that shows exactly these characters."""
    return escape(text).replace("\n", "<br/>")


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, spaceAfter=7)
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=3),
        "title": ParagraphStyle("title", parent=body, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=10),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#555555")),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0),
    }


def draw_letterhead(canvas: Canvas, program: str, subtitle: str, logo: Path | None) -> None:
    """Program name (and logo) across the top, and a rule under it."""
    width, height = PAGE
    canvas.saveState()
    top = height - 18 * mm
    left = MARGIN
    if logo is not None and logo.is_file():
        try:
            canvas.drawImage(
                str(logo), left, top - 11.5 * mm, width=12 * mm, height=12 * mm, preserveAspectRatio=True, mask="auto"
            )
            left += 16 * mm
        except OSError:  # an unreadable logo is left out rather than failing the whole export
            pass
    canvas.setFillColor(ACCENT)
    canvas.setFont(FONT, 15)
    canvas.drawString(left, top - 5 * mm, program)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.setFont(FONT, 8.5)
    canvas.drawString(left, top - 10 * mm, subtitle)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, top - 14 * mm, width - MARGIN, top - 14 * mm)
    canvas.restoreState()


HEADER_SPACE = 40 * mm  # the top margin that leaves room for the letterhead
