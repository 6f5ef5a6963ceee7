"""Acceptance letters (SPEC 6): a template the program manager edits, rendered with reportlab.

The template is plain text with `$placeholders` (Python's string.Template): blank
lines separate paragraphs, lines starting with '- ' are bullets. Both the template
and the values put into it are escaped, so nothing typed is ever read as markup.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import string
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

from app.errors import AppError, Cancelled
from app.exports import pdf
from app.files import cannot_write, safe_file_name, temporary_beside
from models.money import display

Progress = Callable[[int, int], None]

DEFAULT_TEMPLATE = """Dear $founder,

We are delighted to welcome $company to the $program.

$company has been granted $amount of credit for the Team plan of its workspace "$workspace", valid from $valid_from until $valid_until. The credit is applied to the workspace's monthly bill automatically; what is unused at the end of the program year expires and does not carry over.

Next steps:
- Your credit shows on the billing page of your workspace, and in the monthly credit statement we send you.
- Partner deals from our partner companies are open to you: ask for one by writing to $contact. Each deal's code or link is sent to you once your request is approved.
- For any question about the program, write to $contact.

Congratulations, and welcome aboard."""

PLACEHOLDERS = {
    "founder": "the founder's name (the application's contact name, else the company)",
    "company": "the company name as the applicant typed it",
    "program": "the program's name",
    "amount": "the year-1 credit, e.g. USD 25,000.00",
    "workspace": "the member's workspace",
    "valid_from": "the first day the credit is valid",
    "valid_until": "the last day the credit is valid",
    "contact": "the program's contact address",
    "date": "the letter's date",
    "application_id": "the application's id",
}


@dataclass
class LetterSettings:
    """What a program manager sets once: stored in the database, shared by the team."""

    program: str = "Startup Program"
    signatory: str = "The Startup Program team"
    signatory_title: str = ""
    contact: str = "startups@example.com"
    sign_off: str = "With best wishes,"
    logo: str = ""  # a PNG or JPEG on this computer; blank for none
    template: str = DEFAULT_TEMPLATE

    def check(self) -> None:
        """Refuse a template with an unknown or malformed placeholder, naming it."""
        try:
            names = string.Template(self.template).get_identifiers()
        except ValueError as exc:
            raise AppError(f"letter template: {exc}") from exc
        unknown = [name for name in names if name not in PLACEHOLDERS]
        if unknown:
            raise AppError(
                f"letter template: unknown placeholder ${unknown[0]} (known: "
                + ", ".join("$" + name for name in PLACEHOLDERS)
                + ")"
            )
        if not string.Template(self.template).is_valid():
            raise AppError("letter template: a '$' that is not a placeholder must be written '$$'")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> LetterSettings:
        if not text:
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in json.loads(text).items() if k in known})


@dataclass(frozen=True)
class Letter:
    """One accepted application's letter: everything printed on it."""

    application: int
    application_id: str
    company: str
    founder: str
    email: str
    workspace: str
    amount: int
    valid_from: date
    valid_until: date

    def values(self, settings: LetterSettings, on: date) -> dict[str, str]:
        return {
            "founder": self.founder or self.company,
            "company": self.company,
            "program": settings.program,
            "amount": f"USD {display(self.amount)}",
            "workspace": self.workspace,
            "valid_from": long_date(self.valid_from),
            "valid_until": long_date(self.valid_until),
            "contact": settings.contact,
            "date": long_date(on),
            "application_id": self.application_id,
        }

    def file_stem(self) -> str:
        return safe_file_name(f"{self.company} - acceptance letter", fallback=f"letter-{self.application}")


def long_date(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def letter_text(letter: Letter, settings: LetterSettings, on: date) -> str:
    """The letter's body as plain text (for the e-mail draft and for tests)."""
    return string.Template(settings.template).safe_substitute(letter.values(settings, on))


def letter_story(letter: Letter, settings: LetterSettings, on: date, same: dict | None = None) -> list:
    """The flowables of one letter, every piece of text escaped. Letters that share `same`
    (one document's) share the paragraphs they print alike: see `pdf.Reused`."""
    style = pdf.styles()
    same = {} if same is None else same

    def text(value: str, kind: str, **options):
        return pdf.reused(same, value, style[kind], **options)

    story: list = [text(long_date(on), "right"), pdf.Gap(1, 6)]
    story.append(text(letter.founder or letter.company, "body"))
    story.append(text(letter.company, "body"))
    story.append(pdf.Gap(1, 10))
    story.append(text(f"Welcome to the {settings.program}", "title"))
    after_bullets = False
    for block in letter_text(letter, settings, on).split("\n\n"):
        if after_bullets:
            story.append(pdf.Gap(1, 5))
        after_bullets = block.rstrip("\n").split("\n")[-1].startswith("- ")
        lines = block.strip("\n").split("\n")
        plain: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if plain:
                    story.append(text("\n".join(plain), "body"))
                    plain = []
                story.append(text(line[2:], "bullet", bulletText="•"))
            else:
                plain.append(line)
        if plain:
            story.append(text("\n".join(plain), "body"))
    story.append(pdf.Gap(1, 14))
    story.append(text(settings.sign_off, "body"))
    story.append(pdf.Gap(1, 26))  # room for the signature
    story.append(text(settings.signatory, "body"))
    if settings.signatory_title:
        story.append(text(settings.signatory_title, "small"))
    return story


LETTERHEAD = "Letterhead"


def _document(target: Path, settings: LetterSettings, title: str) -> BaseDocTemplate:
    width, height = pdf.PAGE
    frame = Frame(pdf.MARGIN, pdf.MARGIN, width - 2 * pdf.MARGIN, height - pdf.MARGIN - pdf.HEADER_SPACE, id="body")
    logo = Path(settings.logo) if settings.logo else None

    def letterhead(canvas, _doc):
        # the same on every page: drawn once per document as a form that every page places
        if not canvas.hasForm(LETTERHEAD):
            canvas.beginForm(LETTERHEAD)
            pdf.draw_letterhead(canvas, settings.program, settings.contact, logo)
            canvas.endForm()
        canvas.doForm(LETTERHEAD)

    document = BaseDocTemplate(
        str(target),
        pagesize=pdf.PAGE,
        title=title,
        author=settings.program,
        creator="Startup Desk",
        initialFontName=pdf.FONT,
        invariant=False,
    )
    document.addPageTemplates([PageTemplate(id="letter", frames=[frame], onPage=letterhead)])
    return document


def write_combined(
    letters: list[Letter],
    target: Path,
    settings: LetterSettings,
    on: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Path:
    """Every letter in one PDF, each starting on a new page (for printing)."""
    story: list = []
    same: dict = {}  # the paragraphs letters print alike, laid out and drawn once (see pdf.Reused)
    for done, letter in enumerate(letters, start=1):
        if story:
            story.append(PageBreak())
        story.append(pdf.Together(letter_story(letter, settings, on, same)))
        if done % 50 == 0:
            if cancelled():
                raise Cancelled("export cancelled: no file was written")
            if progress:
                progress(done // 2, len(letters))  # building is about half the work; writing the other
    with temporary_beside(target) as partial:
        _document(partial, settings, f"{settings.program}: acceptance letters").build(story)
    if progress:
        progress(len(letters), len(letters))
    return target


def write_each(
    letters: list[Letter],
    folder: Path,
    settings: LetterSettings,
    on: date,
    now: datetime,
    drafts: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Path]:
    """One PDF per letter in `folder` (and, with `drafts`, an .eml draft beside each).

    A file already in the folder is never overwritten: a letter whose name is taken
    (another member of the same name, now or in an earlier export) gets its
    application id, then a number, in its name.
    """
    made = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise cannot_write(folder, error) from error
    written: list[Path] = []
    try:
        for done, letter in enumerate(letters, start=1):
            if cancelled():
                raise Cancelled(f"export cancelled: none of the {len(letters)} letters was written")
            target = _write_one(letter, folder, settings, on, drafts)
            written.append(target)
            if drafts:
                written.append(write_draft(letter, target, settings, on, now))
            if progress:
                progress(done, len(letters))
    except BaseException:
        for path in written:  # not recorded, so not left behind either: the next export writes them
            path.unlink(missing_ok=True)
        if made:  # the folder this export made goes too, unless something else arrived in it
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return written


def _write_one(letter: Letter, folder: Path, settings: LetterSettings, on: date, drafts: bool) -> Path:
    """The letter's PDF under the first of its names that is free (and whose draft's name is too)."""
    for stem in _stems(letter):
        target = _inside(folder, f"{stem}.pdf")
        if target.exists() or (drafts and target.with_suffix(".eml").exists()):
            continue
        try:
            with temporary_beside(target, replace=False) as partial:
                _document(partial, settings, f"{settings.program}: {letter.company}").build(
                    [pdf.Together(letter_story(letter, settings, on))]
                )
        except FileExistsError:  # someone else's file arrived meanwhile: take the next name
            continue
        return target
    raise AssertionError("unreachable: the names go on")


def _stems(letter: Letter) -> Iterator[str]:
    """The names a letter's file may take, in order of preference."""
    stem = letter.file_stem()
    yield stem
    stem = f"{stem} ({safe_file_name(letter.application_id, str(letter.application))})"
    yield stem
    for number in itertools.count(2):
        yield f"{stem} {number}"


def _inside(folder: Path, name: str) -> Path:
    """A path in `folder`, refusing anything a crafted name could make escape it."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise AppError(f"refusing to write outside {folder}: {name!r}")
    return target


def write_draft(letter: Letter, attachment: Path, settings: LetterSettings, on: date, now: datetime) -> Path:
    """An unsent e-mail with the letter attached, for the person's own mail client."""
    from app.exports.drafts import draft

    content = draft(
        letter.email,
        settings.contact,
        f"Welcome to the {settings.program}: {letter.company}",
        letter_text(letter, settings, on) + f"\n\n{settings.sign_off}\n{settings.signatory}\n",
        now,
        attachment.read_bytes(),
        attachment.name,
    )
    target = attachment.with_suffix(".eml")
    with temporary_beside(target, replace=False) as partial:
        partial.write_bytes(content)
    return target
