"""`startup-desk --self-test`: does this installation work, and if not, what is missing?

The failures people report of frozen Qt programs are a missing platform plugin, fonts,
SQL drivers and data files. Each step here exercises one of them the way a program
manager would use it — a fresh database in a temporary folder, its migrations, an
import, a month close, one workbook and one letter — and says in one line what is
missing when it fails. The window part (ui/self_test.py) adds a window rendered
offscreen.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

APPLICATIONS = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,"
    "previous_discount,workspace\n"
    "ST1,2026-01-05,Self Test Labs,founder@selftest.example,DE,2025-06-01,250000,no,self-test-labs\n"
)
USAGE = "workspace,month,amount_usd\nself-test-labs,2026-01,1234.56\n"


@dataclass
class Step:
    name: str
    ok: bool
    detail: str


def _data_files(folder: Path) -> str:
    from importlib import resources

    needed = [
        "data/eligible_territories.csv",
        "data/country_aliases.csv",
        "demo/applications.csv",
        "fonts/NotoSans-Regular.ttf",
        "mappings/yc-directory-2024.json",
    ]
    root = resources.files("resources")
    missing = [name for name in needed if not root.joinpath(name).is_file()]
    if missing:
        raise RuntimeError("data files missing from the installation: " + ", ".join(missing))
    return f"{len(needed)} data files present"


def _sql_drivers(folder: Path) -> str:
    import sqlite3

    import psycopg  # noqa: F401  (the PostgreSQL driver of a team's database)

    return f"SQLite {sqlite3.sqlite_version}, psycopg present"


def run_checks(report: Callable[[Step], None] = lambda step: None) -> list[Step]:
    """Every step, in order; a failed step does not stop the later ones that do not need it."""
    from datetime import date

    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="startup-desk-self-test-") as name:
        folder = Path(name)
        state: dict = {}

        def step(title: str, work: Callable[[Path], str], needs: str | None = None) -> None:
            if needs is not None and needs not in state:
                result = Step(title, False, f"skipped: needs {needs}")
            else:
                try:
                    result = Step(title, True, work(folder))
                    state[title] = True
                except ImportError as exc:  # a bundle that left a module out
                    result = Step(title, False, f"the module {exc.name} is missing from this installation")
                except Exception as exc:  # the point of a self-test: say what broke, go on
                    result = Step(title, False, f"{type(exc).__name__}: {exc}")
            steps.append(result)
            report(result)

        def database(folder: Path) -> str:
            from app.clock import FixedClock
            from app.database import Database
            from app.migrate import HEAD

            state["db"] = Database(
                f"sqlite:///{folder / 'self-test.sqlite3'}", "self-test", clock=FixedClock("2026-02-10")
            )
            return f"fresh database migrated to {HEAD}"

        def imports(folder: Path) -> str:
            from app.services.applications import Decide, decide
            from app.services.imports import ImportApplications, ImportFile, import_applications, import_usage

            (folder / "applications.csv").write_text(APPLICATIONS, encoding="utf-8")
            (folder / "usage.csv").write_text(USAGE, encoding="utf-8")
            report = state["db"].run(import_applications, ImportApplications(folder / "applications.csv"))
            if report.imported != 1:
                raise RuntimeError(f"imported {report.imported} of 1 application")
            state["db"].run(decide, Decide("ST1", "accept", on=date(2026, 1, 15)))
            state["db"].run(import_usage, ImportFile(folder / "usage.csv"))
            return "1 application imported and accepted, 1 bill imported"

        def close(folder: Path) -> str:
            from app.services.ledger import CloseMonth, close_month

            summary = state["db"].run(close_month, CloseMonth("2026-01"))
            return f"2026-01 closed: {summary.bills} bill, {summary.credit_applied / 100:,.2f} of credit applied"

        def workbook(folder: Path) -> str:
            from openpyxl import load_workbook

            from app.services.exports import ExportAdjustments, export_adjustments

            target = folder / "adjustments-2026-01.xlsx"
            state["db"].run(export_adjustments, ExportAdjustments("2026-01", target))
            rows = load_workbook(target, read_only=True).active.max_row
            return f"adjustments workbook written and read back ({rows} rows)"

        def letter(folder: Path) -> str:
            from reportlab.lib import rl_accel

            from app.services.exports import ExportLetters, export_letters

            if type(rl_accel.fp_str).__name__ != "builtin_function_or_method":
                raise RuntimeError("reportlab's C accelerator (the rl_accel package) is missing: letters run slow")
            target = folder / "letter.pdf"
            state["db"].run(export_letters, ExportLetters(("ST1",), target))
            if not target.read_bytes().startswith(b"%PDF"):
                raise RuntimeError("the letter is not a PDF")
            return f"acceptance letter written ({target.stat().st_size:,} bytes, fonts embedded)"

        step("data files", _data_files)
        step("SQL drivers", _sql_drivers)
        step("database and migrations", database)
        step("import", imports, needs="database and migrations")
        step("month close", close, needs="import")
        step("xlsx export", workbook, needs="month close")
        step("letter PDF", letter, needs="import")
        if "db" in state:
            state["db"].close()
    return steps
