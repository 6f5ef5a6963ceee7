"""What an import did: counts, and every invalid row named with all its problems."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.field}: {self.message}"


@dataclass(frozen=True)
class InvalidRow:
    """One refused row, once, with every problem it has (in the order of its columns' checks)."""

    row: int
    problems: tuple[RowError, ...]

    @property
    def field(self) -> str:
        return ", ".join(dict.fromkeys(problem.field for problem in self.problems))

    @property
    def message(self) -> str:
        if len(self.problems) == 1:
            return self.problems[0].message
        return "; ".join(f"{problem.field}: {problem.message}" for problem in self.problems)

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        return f"row {self.row}: {self.message}"


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    invalid: list[RowError] = field(default_factory=list)
    rows: int = 0
    unknown_partners: list[str] = field(default_factory=list)
    flagged: int = 0
    batch: int | None = None
    restatements: list[str] = field(default_factory=list)  # bills of closed months that changed
    # what a usage import did, so that it can be undone: (workspace, month, amount) and
    # (workspace, month, amount before, amount after)
    bills_added: list[tuple[str, str, int]] = field(default_factory=list)
    bills_changed: list[tuple[str, str, int, int]] = field(default_factory=list)

    @property
    def invalid_rows(self) -> int:
        return len({e.row for e in self.invalid})

    def by_row(self) -> list[InvalidRow]:
        """Each invalid row once, in row order, with all its problems."""
        grouped: dict[int, list[RowError]] = {}
        for error in self.invalid:
            grouped.setdefault(error.row, []).append(error)
        return [InvalidRow(row, tuple(problems)) for row, problems in sorted(grouped.items())]

    def as_json(self) -> dict:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "invalid": [{"row": r.row, "field": r.field, "message": r.message} for r in self.by_row()],
            "flagged_duplicates": self.flagged,
            "unknown_partners": self.unknown_partners,
            **({"needs_restatement": self.restatements} if self.restatements else {}),
        }
