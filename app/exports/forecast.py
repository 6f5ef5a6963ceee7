"""The program forecast as a workbook (SPEC 10): credit forecast to be applied and to expire,
month by month for the next months, by partner — the figures of the Ledger pane's forecast chart.

Sheet "Forecast": one row per month and partner (as `forecast --json` gives them); sheet
"By month": one row per month with every partner's applied credit side by side and the totals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.database import UnitOfWork
from app.exports.sheets import Money, workbook
from app.services.ledger.forecasts import NO_PARTNER, Forecast, forecast

DIRECT = "Direct"  # members without a partner


def partner_label(code: str) -> str:
    return code if code != NO_PARTNER else DIRECT


@dataclass(frozen=True)
class ProgramForecast:
    """What the chart and the workbook show: per month, per partner, (applied, expiring)."""

    months: list[str]
    partners: list[str]  # partner codes ("" for direct members), sorted, direct first
    applied: dict[str, list[int]]  # partner → cents per month
    expiring: dict[str, list[int]]

    def total(self, figures: dict[str, list[int]], index: int) -> int:
        return sum(values[index] for values in figures.values())


def program_forecast(result: dict) -> ProgramForecast:
    """`forecast()`'s program rows as month × partner arrays (months without a row are zero)."""
    months = list(result["months"])
    position = {month: index for index, month in enumerate(months)}
    applied: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    expiring: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for row in result["program"]:
        index = position.get(row["month"])
        if index is None:
            continue
        applied[row["partner"]][index] += row["applied"]
        expiring[row["partner"]][index] += row["expiring"]
    partners = sorted(set(applied) | set(expiring))
    return ProgramForecast(
        months,
        partners,
        {p: applied[p] for p in partners},
        {p: expiring[p] for p in partners},
    )


def write_forecast_xlsx(figures: ProgramForecast, target: Path, program: str, generated_at: datetime) -> None:
    about = {
        "title": f"Credit forecast from {figures.months[0] if figures.months else ''}",
        "subject": f"{program}: credit forecast to be applied and to expire, by partner",
        "author": program,
        "company": program,
        "comments": f"Generated {generated_at:%Y-%m-%d %H:%M} UTC by Startup Desk from the program's credit ledger "
        "at the pace of each member's recent bills.",
        "created": generated_at,
    }
    with workbook(target, about, lambda: False) as book:
        sheet = book.sheet(
            "Forecast",
            ("Month", "Partner", "Credit to be applied (USD)", "Credit to expire (USD)"),
            (10, 18, 26, 24),
        )
        for index, month in enumerate(figures.months):
            for partner in figures.partners:
                applied, expiring = figures.applied[partner][index], figures.expiring[partner][index]
                if applied or expiring:
                    sheet.append([month, partner_label(partner), Money(applied), Money(expiring)])
        applied_sum = sum(sum(v) for v in figures.applied.values())
        expiring_sum = sum(sum(v) for v in figures.expiring.values())
        sheet.append(["Total", None, Money(applied_sum), Money(expiring_sum)], total=True)
        sheet.finish()
        labels = [partner_label(p) for p in figures.partners]
        wide = book.sheet(
            "By month",
            ("Month", *(f"{label}: applied (USD)" for label in labels), "Applied (USD)", "To expire (USD)"),
            (10, *(18 for _ in labels), 16, 16),
        )
        for index, month in enumerate(figures.months):
            wide.append(
                [
                    month,
                    *(Money(figures.applied[p][index]) for p in figures.partners),
                    Money(figures.total(figures.applied, index)),
                    Money(figures.total(figures.expiring, index)),
                ]
            )
        wide.append(
            [
                "Total",
                *(Money(sum(figures.applied[p])) for p in figures.partners),
                Money(applied_sum),
                Money(expiring_sum),
            ],
            total=True,
        )
        wide.finish()


@dataclass(frozen=True)
class ExportForecast:
    target: Path
    months: int = 12


def read_program_forecast(uow: UnitOfWork, months: int = 12) -> ProgramForecast:
    """A read: the program forecast the chart draws."""
    return program_forecast(forecast(Forecast(None, months, members=False), uow))


def export_forecast(command: ExportForecast, uow: UnitOfWork) -> ProgramForecast:
    """A read that writes a file: the figures of the chart as a workbook."""
    from app.services.exports import letter_settings

    figures = read_program_forecast(uow, command.months)
    write_forecast_xlsx(figures, command.target, letter_settings(uow).program, uow.now())
    return figures
