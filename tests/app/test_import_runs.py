"""An import is one use case in one transaction: it reports its progress, and a cancelled
import or a strict one that finds an invalid row leaves nothing behind, on both engines."""

import pytest
from sqlalchemy import func, select

from app import schema
from app.errors import Cancelled
from tests.app.ledger_helpers import members  # noqa: F401 - a fixture
from tests.importing import import_bill_file, import_file, import_partner_file

FORM = (
    "application_id,submitted_on,company,contact_email,country\n"
    "R1,2026-03-01,One Co,a@one.io,GB\n"
    "R2,2026-03-02,Two Co,b@two.io,FR\n"
    "R3,2026-03-03,Three Co,c@three.io,DE\n"
)


def count(database, table) -> int:
    with database.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def test_an_import_reports_its_progress_and_a_cancelled_one_leaves_nothing(database, write_csv):
    path = write_csv(FORM)
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled, match="nothing was imported"):
        import_file(
            database, path, progress=lambda done, total: seen.append((done, total)), cancelled=lambda: bool(seen)
        )
    size = path.stat().st_size  # progress follows the bytes read (a streamed file has no row count up front)
    assert seen == [(0, size)]
    assert (count(database, schema.applications), count(database, schema.import_batches)) == (0, 0)

    seen.clear()
    report = import_file(database, path, progress=lambda done, total: seen.append((done, total)))
    assert report.imported == 3 and seen[0] == (0, size) and seen[-1] == (size, size)
    assert count(database, schema.applications) == 3


def test_a_strict_partner_import_with_an_invalid_row_imports_none_of_it(database, write_csv):
    path = write_csv("code,name,kind,status\nsf,Station F,incubator,active\nxx,,nonsense,active\n", "partners.csv")
    report = import_partner_file(database, path, strict=True)
    assert report.imported == 0 and report.invalid
    assert count(database, schema.partners) == 0
    assert import_partner_file(database, path).imported == 1  # without strict the valid row goes in


def test_a_strict_bill_import_with_an_invalid_row_imports_none_of_it(members, write_csv):  # noqa: F811
    path = write_csv("workspace,month,amount_usd\nworked,2026-01,100\nnobody,2026-01,50\n", "usage.csv")
    report = import_bill_file(members, path, strict=True)
    assert report.imported == 0 and [e.field for e in report.invalid] == ["workspace"]
    assert count(members, schema.bills) == 0
    assert import_bill_file(members, path).imported == 1
