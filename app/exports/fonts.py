"""Text of any script in the PDFs: which font draws each run, in which order, with which glyphs.

Names arrive in every script (SPEC 6: "names in any script appear as written"). One font
cannot draw them all, so every piece of text goes through `markup()`:

- **A font per run.** Noto Sans draws Latin, Greek, Cyrillic and combining marks; a run it
  does not cover falls back along `CHAIN` (Arabic, Hebrew, Devanagari, CJK, emoji). A mark,
  a joiner, a variation selector or an emoji modifier stays in its base character's run.
  Fallback fonts are loaded on first use only: a letter in Latin script never loads them.
- **Right to left.** The Unicode bidirectional algorithm (python-bidi) gives each character
  its level; runs are put in display order, each right-to-left word kept in reading order
  for the shaper, which lays its glyphs out right to left.
- **Shaping.** A paragraph that needs it (joining Arabic, Devanagari conjuncts, marks, emoji
  sequences) is shaped by HarfBuzz (uharfbuzz, through reportlab's `shaping`), one run of one
  font at a time.
- **Text that can be read back.** A shaped glyph that stands for several characters, or that
  the shaper moved, is given a private code whose ToUnicode entry is the characters it stands
  for, so copying from the PDF (and pypdf) gives the text as typed; characters beyond the
  Basic Multilingual Plane are written as UTF-16 pairs, which reportlab does not do itself.

Plain text stays on the fast path: no per-character work beyond one set comparison.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont
from reportlab.platypus import paragraph


@dataclass(frozen=True)
class FontFile:
    name: str
    file: str
    subfont: int = 0


CHAIN = (
    FontFile("StartupDeskSans", "NotoSans-Regular.ttf"),  # Latin, Greek, Cyrillic, combining marks
    FontFile("StartupDeskArabic", "NotoSansArabic-Regular.ttf"),
    FontFile("StartupDeskHebrew", "NotoSansHebrew-Regular.ttf"),
    FontFile("StartupDeskDevanagari", "NotoSansDevanagari-Regular.ttf"),
    FontFile("StartupDeskCJK", "wqy-microhei.ttc"),  # Chinese, Japanese kana, Korean Hangul
    FontFile("StartupDeskEmoji", "NotoEmoji-Regular.ttf"),
)
BASE = CHAIN[0].name
EMOJI = CHAIN[-1].name
#: OpenType features of the shaper: kerning and standard ligatures (required forms, such as Arabic
#: joining and lam-alef, are always on); discretionary ligatures, which reportlab turns on, are not
FEATURES = {"kern": True, "liga": True}

#: characters that belong to the character before them (they never start a run of their own)
_JOINING = {0x200C, 0x200D, 0x20E3} | set(range(0xFE00, 0xFE10)) | set(range(0x1F3FB, 0x1F400))
_JOINING |= set(range(0xE0020, 0xE0080)) | set(range(0xE0100, 0xE01F0))
#: scripts that need a shaper even when every character is in one font
_COMPLEX = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x1F1E6, 0x1F1FF))
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_PRIVATE = 0xF0000  # Supplementary Private Use Area-A: our codes for shaped glyphs


@functools.cache
def font(index: int) -> TTFont:
    """The chain's font `index`, registered with reportlab on first use."""
    entry = CHAIN[index]
    with resources.as_file(resources.files("resources").joinpath("fonts", entry.file)) as path:
        loaded = TTFont(entry.name, str(path), subfontIndex=entry.subfont)
    pdfmetrics.registerFont(loaded)
    _install()
    return loaded


def register_base() -> str:
    return font(0).fontName


@functools.cache
def _plain() -> frozenset[str]:
    """What the base font draws without a shaper: every character it covers, less marks and joiners."""
    covered = font(0).face.charToGlyph
    return frozenset(chr(c) for c in covered if c < 0x10000 and not _needs_shaping(chr(c)))


@functools.lru_cache(maxsize=4096)
def _font_of(ch: str) -> int:
    code = ord(ch)
    for index in range(len(CHAIN)):
        if code in font(index).face.charToGlyph:
            return index
    return 0  # nothing draws it: the base font's empty box, at least where it was


@functools.lru_cache(maxsize=4096)
def _needs_shaping(ch: str) -> bool:
    code = ord(ch)
    return code in _JOINING or unicodedata.category(ch)[0] == "M" or any(low <= code <= high for low, high in _COMPLEX)


def is_plain(text: str) -> bool:
    """Text the base font draws as it is: no fallback, no shaping, left to right."""
    return text.isascii() or set(text) <= _plain()


def _runs(text: str) -> list[tuple[int, str]]:
    """(font index, text) runs in reading order."""
    runs: list[list] = []
    for ch in text:
        index = _font_of(ch)
        if runs and (ord(ch) in _JOINING or unicodedata.category(ch)[0] == "M"):
            index = runs[-1][0]  # a mark or joiner stays with its base character's font
        elif (
            runs
            and index != runs[-1][0]
            and CHAIN[runs[-1][0]].name != EMOJI  # its spaces and stops are wide, emoji-style
            and _neutral(ch)
            and ord(ch) in font(runs[-1][0]).face.charToGlyph
        ):
            index = runs[-1][0]  # punctuation the current font has does not break its run
        if runs and runs[-1][0] == index:
            runs[-1][1] += ch
        else:
            runs.append([index, ch])
    return [(index, run) for index, run in runs]


def _neutral(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("WS", "ON", "CS", "ES", "ET", "S", "B")


def _levels(text: str) -> list[int]:
    """Each character's embedding level by the Unicode bidirectional algorithm."""
    from bidi import algorithm

    # formatting characters (joiners, embeddings) are set aside by the algorithm; a neutral
    # stand-in keeps every index in place
    placeholder = "".join("\u00b7" if unicodedata.bidirectional(ch) in _FORMATTING else ch for ch in text)
    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.get_base_level(placeholder)
    storage["base_dir"] = ("L", "R")[storage["base_level"]]
    algorithm.get_embedding_levels(placeholder, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels = [ch["level"] for ch in storage["chars"]]
    return levels if len(levels) == len(text) else [storage["base_level"]] * len(text)


_FORMATTING = {"BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_RTL = {"R", "AL"}


def _display_order(text: str) -> list[tuple[int, str]]:
    """(font index, text) atoms in display order; a right-to-left word stays in reading order
    (the shaper lays it out), a right-to-left run of neutrals is turned and mirrored here."""
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return _runs(text)
    levels = _levels(text)
    atoms: list[tuple[int, int, str]] = []  # (level, font, text)
    position = 0
    for index, run in _runs(text):
        start = position
        for offset in range(1, len(run) + 1):
            here = position + offset
            if (
                offset == len(run)
                or levels[here] != levels[here - 1]
                or run[offset].isspace() != run[offset - 1].isspace()
            ):
                atoms.append((levels[start], index, text[start:here]))
                start = here
        position += len(run)
    highest = max(level for level, _, _ in atoms)
    lowest_odd = min((level for level, _, _ in atoms if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):  # UAX 9, rule L2, over whole atoms
        ordered, index = [], 0
        while index < len(atoms):
            if atoms[index][0] >= level:
                end = index
                while end < len(atoms) and atoms[end][0] >= level:
                    end += 1
                ordered.extend(reversed(atoms[index:end]))
                index = end
            else:
                ordered.append(atoms[index])
                index += 1
        atoms = ordered
    shown = []
    for level, index, piece in atoms:
        if level % 2 and not any(unicodedata.bidirectional(ch) in _RTL for ch in piece):
            piece = piece[::-1].translate(_MIRROR)  # no right-to-left script for the shaper to turn
        shown.append((index, piece))
    return shown


def markup(text: str) -> tuple[str, bool]:
    """Paragraph markup that draws `text` exactly (escaped, a font per run, in display order),
    and whether the paragraph needs the shaper."""
    if is_plain(text):
        return escape(text).replace("\n", "<br/>"), False
    parts = []
    for line in text.split("\n"):
        pieces = []
        for index, piece in _display_order(line):
            body = escape(piece)
            pieces.append(body if index == 0 else f'<font face="{CHAIN[index].name}">{body}</font>')
        parts.append("".join(pieces))
    return "<br/>".join(parts), any(_needs_shaping(ch) for ch in text) or any(
        unicodedata.bidirectional(ch) in _RTL for ch in text
    )


# ---- reportlab: shaping one font at a time, and glyphs that read back as the text ------------------

#: per font face: our private code -> the characters its glyph stands for
_ACTUAL: dict[bytes, dict[int, str]] = {}
_CODES: dict[tuple[bytes, int, str], int] = {}


def _private(face, gid: int, text: str) -> int:
    """A code of our own for glyph `gid` standing for `text` (the same pair, the same code)."""
    key = (face.name, gid, text)
    code = _CODES.get(key)
    if code is None:
        code = _PRIVATE + len(_CODES)
        while code in face.charToGlyph:
            code += 1
        _CODES[key] = code
        face.charToGlyph[code] = gid
        face.glyphToChar.setdefault(gid, []).append(code)
        face.charWidths[code] = face.charWidths.get(face.glyphToChar[gid][0], 0)
        _ACTUAL.setdefault(face.name, {})[code] = text
    return code


def _shaped(part, *args, **kwargs):
    """One font's part of a word, shaped, with glyphs recoded where they would read back wrong:
    a glyph that stands for several characters (a ligature, a conjunct, a composed mark), or for
    none of its own (a vowel sign moved before its consonant) is given a code of our own whose
    ToUnicode entry is the characters of its cluster (the cluster's first glyph takes them all)."""
    text = "".join(str(s) for f, s in part[1:] if not hasattr(f, "cbDefn"))
    kwargs.setdefault("features", FEATURES)
    shaped = _shape_frag_word(part, *args, **kwargs)
    if not isinstance(shaped, ttfonts.ShapedFragWord):
        return shaped
    data = [d for f, s in shaped[1:] if isinstance(s, ShapedStr) for d in s.__shapeData__]
    clusters = sorted({d.cluster for d in data if d.cluster < len(text)})
    ends = dict(zip(clusters, [*clusters[1:], len(text)]))
    seen: set[int] = set()
    pieces = [shaped[0]]
    for f, s in shaped[1:]:
        if not isinstance(s, ShapedStr) or not hasattr(f, "fontName"):
            pieces.append((f, s))
            continue
        face = pdfmetrics.getFont(f.fontName).face
        chars = []
        for ch, d in zip(s, s.__shapeData__):
            wanted = "" if d.cluster in seen or d.cluster not in ends else text[d.cluster : ends[d.cluster]]
            seen.add(d.cluster)
            gid = face.charToGlyph.get(ord(ch))
            chars.append(ch if ch == wanted or gid is None else chr(_private(face, gid, wanted)))
        pieces.append((f, ShapedStr("".join(chars), shapeData=s.__shapeData__)))
    return shaped.__class__(pieces)


_shape_frag_word = paragraph.shapeFragWord


def _shape_one_font_at_a_time(word, *args, **kwargs):
    """reportlab shapes a word with the font of its first part: shape each font's part on its
    own (a word may be Latin and emoji, or a name and its bracket)."""
    groups: list[list] = []
    for frag in word[1:]:
        name = getattr(frag[0], "fontName", None)
        if groups and groups[-1][0] == name and not hasattr(frag[0], "cbDefn"):
            groups[-1][1].append(frag)
        else:
            groups.append([name, [frag]])
    if len(groups) <= 1:
        return _shaped(word, *args, **kwargs)
    total, pieces, shaped_any = 0.0, [], False
    for _name, group in groups:
        width = sum(pdfmetrics.stringWidth(s, f.fontName, f.fontSize) for f, s in group if hasattr(f, "fontName"))
        shaped = _shaped(word.__class__([width, *group]), *args, **kwargs)
        shaped_any = shaped_any or isinstance(shaped, ttfonts.ShapedFragWord)
        total += shaped[0]
        pieces.extend(shaped[1:])
    return (ttfonts.makeShapedFragWord(word) if shaped_any else word.__class__)([total, *pieces])


_make_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode(font_name: str, subset) -> str:
    """reportlab's ToUnicode CMap, with our codes' characters and UTF-16 pairs beyond the BMP."""
    face = font_name.split("+", 1)[-1].encode("latin-1", "replace")
    actual = next((codes for name, codes in _ACTUAL.items() if face.startswith(name)), {})
    cmap = _make_to_unicode(font_name, subset).split("\n")
    start = next(i for i, line in enumerate(cmap) if line.endswith("beginbfchar")) + 1
    cmap[start : start + len(subset)] = [
        f"<{i:02X}> <{actual.get(v, chr(v)).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)
    ]
    return "\n".join(cmap)


@functools.cache
def _install() -> None:
    paragraph.shapeFragWord = _shape_one_font_at_a_time
    ttfonts.makeToUnicodeCMap = _to_unicode
