"""PDF building blocks: the embedded fonts, paragraphs of any script, the letterhead.

Every piece of text reaches reportlab through `text()` (or `draw_text()` on a canvas):
it is escaped (reportlab reads `<b>`, `&amp;` and friends as markup, and a name must
print exactly as typed), and a run the base font does not cover gets its font and,
where it needs one, the shaper (`app.exports.fonts`).
"""

from __future__ import annotations

import functools
import itertools
import weakref
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.exports import fonts

FONT = fonts.BASE  # Noto Sans: Latin, Greek, Cyrillic and combining marks; other scripts fall back per run
PAGE = A4
MARGIN = 22 * mm
ACCENT = colors.HexColor("#305496")


def register_font() -> str:
    """Load the base font once per process; reportlab embeds the glyphs it uses."""
    return fonts.register_base()


def escaped(text: str) -> str:
    """Text as Paragraph markup in the base font alone (for text known to be plain)."""
    return escape(text).replace("\n", "<br/>")


def text(value: str, style: ParagraphStyle, **options) -> Paragraph:
    """A paragraph that shows exactly `value`, in any script."""
    markup, shaping = fonts.markup(value)
    return Paragraph(markup, _shaping(style) if shaping else style, **options)


class Reused(Paragraph):
    """A paragraph that many pages of one document print alike (a letter template's fixed text).

    It is laid out once per width and, once it is printed `FORM_FROM` times or more, drawn
    once per document as a form (a PDF XObject) that every page places where the paragraph
    goes: the page looks the same and its text reads back the same, and a thousand letters
    do not lay out and draw the same lines a thousand times.
    """

    _names = itertools.count(1)

    def __init__(self, *args, plain: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.uses = 0  # how many times the document prints it (`reused` counts them)
        self._plain = plain  # one fragment of plain text, words one space apart (`reused` knows)
        self._laid_out: tuple[float, tuple[float, float]] | None = None
        self._forms: weakref.WeakKeyDictionary[Canvas, str] = weakref.WeakKeyDictionary()

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        if self._laid_out is not None and self._laid_out[0] == availWidth:
            return self._laid_out[1]
        size = super().wrap(availWidth, availHeight)
        self._laid_out = (availWidth, size)
        return size

    def split(self, availWidth, availHeight):  # noqa: N803
        self._laid_out = None  # splitting lays it out again
        return super().split(availWidth, availHeight)

    def breakLines(self, width):  # noqa: N802 (reportlab's name)
        """reportlab's line breaking of one plain fragment, without what cannot apply to it: a fifth of a
        thousand letters' time was spent in the general one (tests/app/test_letters_at_scale.py holds the
        lines alike). Anything else (a bullet, a word longer than a line, a soft hyphen, a style that
        hyphenates or orders text) takes reportlab's own."""
        style, frags = self.style, self.frags
        if not self._plain or self.bulletText or _breaks_specially(style) or len(frags) != 1:
            return super().breakLines(width)
        fragment = frags[0]
        words = fragment.text.split(" ")
        if "\xad" in fragment.text or not fragment.text:
            return super().breakLines(width)
        font, size = fragment.fontName, fragment.fontSize
        widths = list(width) if isinstance(width, (tuple, list)) else [width]
        last = len(widths) - 1
        measured = _word_widths(font, size)
        space = stringWidth(" ", font, size)
        shrink = style.spaceShrinkage * space
        lines, line, current, number, widest = [], [], -space, 0, 0
        most = widths[0]
        for word in words:
            word_width = measured.get(word)
            if word_width is None:
                word_width = measured[word] = stringWidth(word, font, size)
            new = current + space + word_width
            if new > most + shrink * len(line):
                if word_width > widths[min(number, last)]:
                    return super().breakLines(width)  # a word longer than a line: reportlab splits it
                if line:
                    widest = max(widest, current)
                    lines.append((most - current, line))
                    line, current = [word], word_width
                    number += 1
                    most = widths[min(last, number)]
                    continue
            line.append(word)
            current = new
        widest = max(widest, current)
        lines.append((most - current, line))
        self.height, self._width_max = 0, widest
        self._splitLongWordCount = self._hyphenations = 0
        ascent, descent = getAscentDescent(font, size)
        return fragment.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)

    def draw(self):
        # platypus marks a paragraph it moved to the next page, and refuses one marked twice as too large
        # for any page: drawn, it is no longer the one that was moved (a long template's page ends meet it again)
        self.__dict__.pop("_postponed", None)
        if self.uses < FORM_FROM:  # a form costs a little space: not for a name printed twice
            super().draw()
            return
        canvas = self.canv
        name = self._forms.get(canvas)
        if name is None:
            name = self._forms[canvas] = f"P{next(self._names)}"
            pad = 4 * MARGIN  # the form's box: room for a bullet, descenders, and more
            canvas.beginForm(name, -pad, -pad, self.width + pad, self.height + pad)
            super().draw()
            canvas.endForm()
        canvas.doForm(name)

    def place(self, canvas, x: float, y: float) -> bool:
        """Place the form this paragraph was drawn into on `canvas`, its origin at (x, y), and say so;
        False where it has none there yet. The same operators `drawOn` writes around the form (save,
        move, restore), without its copy of the canvas's state, which a form placed changes nothing of:
        nine of a letter's paragraphs are placed forms, a thousand letters a tenth of their time."""
        name = self._forms.get(canvas) if self.uses >= FORM_FROM else None
        if name is None:
            return False
        self.__dict__.pop("_postponed", None)
        canvas.addLiteral(f"q 1 0 0 1 {fp_str(x, y)} cm")
        canvas.doForm(name)
        canvas.addLiteral("Q")
        return True


FORM_FROM = 8  # a paragraph printed this many times in a document is drawn once, as a form


def reused(cache: dict, value: str, style: ParagraphStyle, **options) -> Paragraph:
    """`text(value, style)`, the same paragraph each time for the same text in one `cache`
    (one document's): see `Reused`."""
    key = (value, style.name, tuple(sorted(options.items())) if options else ())
    found = cache.get(key)
    if found is None:
        markup, shaping = fonts.markup(value)
        if markup == value and " ".join(value.split()) == value:  # no markup, nothing for the parser to do
            found = Reused(markup, style, frags=[_parsed(style).clone(text=value)], plain=True, **options)
        else:
            found = Reused(markup, _shaping(style) if shaping else style, **options)
        cache[key] = found
    found.uses += 1
    return found


@functools.lru_cache(maxsize=64)
def _parsed(style: ParagraphStyle):
    """What reportlab's parser makes of one plain word in `style`: a plain text's one fragment
    differs from it only in its text (tests/app/test_letters_at_scale.py holds them alike)."""
    return Paragraph("x", style).frags[0]


@functools.lru_cache(maxsize=16)
def _word_widths(font: str, size: float) -> dict[str, float]:
    """Words measured in one font and size: a thousand letters repeat the template's words (the same
    floats as measuring each anew, so the lines break alike). Emptied when it grows large."""
    return _BoundedWidths()


class _BoundedWidths(dict):
    def __setitem__(self, word, width):
        if len(self) >= 200_000:
            self.clear()
        super().__setitem__(word, width)


def _breaks_specially(style: ParagraphStyle) -> bool:
    """A style whose line breaking reportlab does more for than break at spaces."""
    return bool(
        style.hyphenationLang
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or style.wordWrap
        or style.endDots
        or getattr(style, "shaping", 0)
    )


class Gap(Spacer):
    """A spacer that writes nothing on the page (reportlab's writes an empty save-move-restore)."""

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        pass


class Together(Flowable):
    """Flowables laid out exactly as platypus's frame lays them out, one after the other, but as one
    flowable: a letter's dozen paragraphs make one trip through the frame and the document instead of a
    dozen (their bookkeeping was a third of a thousand letters' time). Where they do not fit, it splits
    into them and the frame lays them out one by one, across pages."""

    def __init__(self, content: list):
        super().__init__()
        self._content = content
        self._placed: list[tuple[Flowable, float, float]] = []

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        # frames.Frame._add's arithmetic (overlapping attached space, as rl_config has it), from the top
        placed, y, before, after, at_top = [], 0.0, 0.0, 0.0, True
        for flowable in self._content:
            flowable.canv = self.canv
            transfer = getattr(flowable, "_SPACETRANSFER", False)
            space = 0.0
            if not at_top:
                space = before if transfer or getattr(flowable, "_ZEROSIZE", False) else flowable.getSpaceBefore()
                space = max(space - before, 0)
            w, h = flowable.wrap(availWidth, availHeight + y - space)
            top = y
            y -= h + space
            placed.append((flowable, y, availWidth - w))
            after = flowable.getSpaceAfter()
            y -= after
            before = before if transfer else after
            if y != top:
                at_top = False
        self._placed = placed
        self.width, self.height = availWidth, -(y + after)  # the last one's space after is the frame's to add
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        return list(self._content)

    def getSpaceBefore(self):  # noqa: N802
        return self._content[0].getSpaceBefore() if self._content else 0

    def getSpaceAfter(self):  # noqa: N802
        return self._content[-1].getSpaceAfter() if self._content else 0

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803
        top = y + self.height
        for flowable, offset, free in self._placed:
            if free or not isinstance(flowable, Reused) or not flowable.place(canvas, x, top + offset):
                flowable.drawOn(canvas, x, top + offset, _sW=free)


@functools.lru_cache(maxsize=64)
def _shaping(style: ParagraphStyle) -> ParagraphStyle:
    return style.clone(f"{style.name}-shaped", shaping=1)


def draw_text(canvas: Canvas, x: float, y: float, value: str, size: float, color) -> None:
    """One line of any script on a canvas, its baseline at y (the letterhead)."""
    canvas.setFillColor(color)
    if fonts.is_plain(value):
        canvas.setFont(FONT, size)
        canvas.drawString(x, y, value)
        return
    line = text(value, ParagraphStyle("line", fontName=FONT, fontSize=size, leading=size * 1.2, textColor=color))
    _, height = line.wrapOn(canvas, PAGE[0] - x - MARGIN, size * 3)
    line.drawOn(canvas, x, y - height + size)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    body = ParagraphStyle("body", fontName=font, bulletFontName=font, fontSize=10.5, leading=15, spaceAfter=7)
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
    draw_text(canvas, left, top - 5 * mm, program, 15, ACCENT)
    draw_text(canvas, left, top - 10 * mm, subtitle, 8.5, colors.HexColor("#555555"))
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, top - 14 * mm, width - MARGIN, top - 14 * mm)
    canvas.restoreState()


HEADER_SPACE = 40 * mm  # the top margin that leaves room for the letterhead
