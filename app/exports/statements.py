"""Monthly credit statements (SPEC 6): opening, granted, applied, expired, adjustments, closing.

All members in one workbook (one row each, with a totals row), and for one member a
one-page PDF with the month's entries. Closing = opening + the month's moves, always.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from app.exports import pdf
from app.exports.adjustments import properties
from app.exports.month_data import MemberMonth, StatementLine
from app.exports.sheets import Money, Year, counted, workbook
from app.files import temporary_beside
from models.ledger import is_bonus
from models.money import display

Progress = Callable[[int, int], None]

HEADER = (
    "Workspace",
    "Company",
    "Partner",
    "Program year",
    "Opening balance (USD)",
    "Granted (USD)",
    "Applied (USD)",
    "Expired (USD)",
    "Adjustments (USD)",
    "Closing balance (USD)",
    "Bill (USD)",
    "Amount due (USD)",
    "Credit valid until",
    "Bonus credit valid until",
    "Credit runs out (forecast)",
    "First bill charged in full (forecast)",
)
WIDTHS = (24, 34, 16, 13, 20, 15, 15, 15, 18, 20, 14, 17, 16, 22, 24, 32)
#: a member's run-out forecast (SPEC 10, app.services.ledger.forecasts): (run-out month, first full bill), 'YYYY-MM'
RunOut = tuple[str | None, str | None]
NO_FORECAST: RunOut = (None, None)
KIND_LABELS = {
    "grant": "Granted",
    "apply": "Credit applied",
    "expire": "Expired",
    "adjust": "Adjustment",
    "extend": "Extended",
}


def label_of(line: StatementLine) -> str:
    """What a member reads in the Entry column: a bonus grant is "Bonus credit" (SPEC 4)."""
    if line.kind == "grant" and is_bonus(line.program_year):
        return "Bonus credit"
    return KIND_LABELS.get(line.kind, line.kind)


def details_of(line: StatementLine) -> str:
    """The Details column: an extension names the grant's new last day."""
    if line.kind == "extend" and line.valid_until is not None:
        return f"valid until {line.valid_until:%d %B %Y}: {line.reason}"
    return line.reason


def row_of(member: MemberMonth, run_out: RunOut = NO_FORECAST) -> list[object]:
    return [
        member.workspace,
        member.company,
        member.partner_code,
        Year.of(member.program_year, member.renewal),
        Money(member.opening),
        Money(member.granted),
        Money(member.credit_applied),
        Money(member.expired),
        Money(member.adjustments),
        Money(member.closing),
        Money(member.bill),
        Money(member.due),
        member.grant_expiry,
        member.bonus_expiry,
        *run_out,
    ]


def write_statements_xlsx(
    members: list[MemberMonth],
    target: Path,
    month: str,
    program: str,
    generated_at: datetime,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    forecasts: dict[str, RunOut] | None = None,
) -> int:
    """Returns the sum of closing balances: the program's credit liability at the month's end.
    `forecasts`: each workspace's run-out month and first bill charged in full."""
    forecasts = forecasts or {}
    about = properties(
        f"Credit statements {month}", f"{program}: members' credit in {month}", month, program, generated_at
    )
    sums = [sum(getattr(m, name) for m in members) for name in _MONEY]
    with workbook(target, about, cancelled) as book:
        sheet = book.sheet("Statements", HEADER, WIDTHS)
        sheet.append_all([row_of(m, forecasts.get(m.workspace, NO_FORECAST)) for m in members], progress, cancelled)
        sheet.append(["Total", counted(len(members), "member"), None, None, *map(Money, sums), None], total=True)
        sheet.finish()
    if progress:
        progress(len(members), len(members))
    return sums[5]


def validity_sentence(member) -> str:
    """Until when the member's credit may be drawn: the program year's, and a bonus grant's
    when one is in force (it may outlast the year, or end before it)."""
    parts = []
    if member.grant_expiry:
        parts.append(f"Your credit is valid until {member.grant_expiry:%d %B %Y}")
    if member.bonus_expiry:
        parts.append(f"{'your' if parts else 'Your'} bonus credit until {member.bonus_expiry:%d %B %Y}")
    return ", ".join(parts) + "; what is unused then expires." if parts else ""


def forecast_sentence(run_out: RunOut) -> str:
    """The run-out forecast in a member's words: when the credit runs out, and the first bill charged in full."""
    out, full = (date.fromisoformat(f"{m}-01") if m else None for m in run_out)
    if out and full:
        return (
            f"At the pace of your recent bills, your credit is forecast to run out with the {out:%B %Y} bill; "
            f"the {full:%B %Y} bill would be the first charged in full."
        )
    if full:
        return (
            f"At the pace of your recent bills, your credit is forecast to expire before it is used up; "
            f"the {full:%B %Y} bill would be the first charged in full."
        )
    return ""


def _totalled(rows: list[list]) -> Table:
    """Label and amount rows, the last one (the result) ruled and shaded."""
    table = Table(rows, colWidths=[110 * mm, 40 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, pdf.ACCENT),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#EEF2FA")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


_MONEY = ("opening", "granted", "credit_applied", "expired", "adjustments", "closing", "bill", "due")


def write_statement_pdf(
    member: MemberMonth,
    entries: list[StatementLine],
    target: Path,
    month: str,
    program: str,
    contact: str,
    on: date,
    run_out: RunOut = NO_FORECAST,
) -> Path:
    """One member's statement on one page: the summary, then the month's entries."""
    style = pdf.styles()
    cell = style["cell"]

    def text(value: str) -> Paragraph:
        return pdf.text(value, cell)

    def amount(cents: int) -> Paragraph:
        return pdf.text(display(cents), style["cell"].clone("amount", alignment=2))

    first = date.fromisoformat(f"{month}-01")
    story: list = [
        pdf.text(f"Credit statement, {first:%B %Y}", style["title"]),
        pdf.text(f"{member.company}\nWorkspace {member.workspace}", style["body"]),
        Spacer(1, 6),
    ]
    summary = [
        [text("Opening balance"), amount(member.opening)],
        [text("Granted"), amount(member.granted)],
        [text("Credit applied to bills"), amount(member.credit_applied)],
        [text("Expired"), amount(member.expired)],
        [text("Adjustments"), amount(member.adjustments)],
        [text("Closing balance (USD)"), amount(member.closing)],
    ]
    bill = [
        [text(f"Team plan bill for {first:%B %Y}"), amount(member.bill)],
        [text("Credit applied to the bill"), amount(member.bill_credit)],
    ]
    if member.bill_discount:
        bill.append([text("Renewal discount"), amount(member.bill_discount)])
    bill.append([text("Amount due (USD)"), amount(member.due)])
    story += [_totalled(summary), Spacer(1, 8), _totalled(bill)]
    for sentence in (validity_sentence(member), forecast_sentence(run_out)):
        if sentence:
            story.append(Spacer(1, 6))
            story.append(pdf.text(sentence, style["small"]))
    story.append(Spacer(1, 12))
    if entries:
        story.append(pdf.text("Entries this month", style["body"]))
        rows = [[text("Date"), text("Entry"), text("Details"), text("Amount (USD)")]]
        for line in entries[:30]:  # a month has a handful; a page holds about 30
            rows.append(
                [
                    text(line.day.isoformat()),
                    text(label_of(line)),
                    text(details_of(line)),
                    amount(line.amount),
                ]
            )
        if len(entries) > 30:
            rows.append([text(""), text(f"… and {len(entries) - 30} more"), text(""), text("")])
        listing = Table(rows, colWidths=[24 * mm, 30 * mm, 76 * mm, 30 * mm], repeatRows=1, hAlign="LEFT")
        listing.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, pdf.ACCENT),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F5F7FB")]),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(listing)
    else:
        story.append(pdf.text("No credit entries this month.", style["small"]))
    story.append(Spacer(1, 12))
    story.append(pdf.text(f"Issued {on:%d %B %Y}. Questions: {contact}", style["small"]))

    width, height = pdf.PAGE
    frame = Frame(pdf.MARGIN, pdf.MARGIN, width - 2 * pdf.MARGIN, height - pdf.MARGIN - pdf.HEADER_SPACE)

    def letterhead(canvas, _doc):
        pdf.draw_letterhead(canvas, program, f"Credit statement {month}", None)

    with temporary_beside(target) as partial:
        document = BaseDocTemplate(
            str(partial),
            pagesize=pdf.PAGE,
            title=f"Credit statement {month}: {member.workspace}",
            author=program,
            creator="Startup Desk",
            initialFontName=pdf.FONT,
        )
        document.addPageTemplates([PageTemplate(id="statement", frames=[frame], onPage=letterhead)])
        document.build(story)
    return target
