"""The real exports under ../shared/data import through the shipped mappings, files untouched."""

import pytest
from sqlalchemy import func, select

from app import schema
from app.importing.mapping import builtin_mapping
from tests.importing import import_file, import_partner_file

pytestmark = pytest.mark.filterwarnings("ignore")


def test_crunchbase_mac_roman_cr_only_export_imports_through_its_mapping(database, shared_data):
    if not database.is_sqlite:
        pytest.skip("one engine is enough for 17,727 rows; the import path is shared")
    path = shared_data / "crunchbase-2013-10" / "crunchbase-companies.csv"
    report = import_file(database, path, builtin_mapping("crunchbase-2013"))
    assert report.imported > 17_000
    assert report.invalid_rows < 30  # funding cells like '10/23/75' and '#####' are reported, not guessed
    assert {e.field for e in report.invalid} <= {"total_funding_usd", "incorporated_on", "application_id", "company"}
    with database.read() as conn:
        a = schema.applications.c
        row = conn.execute(
            select(a.company, a.country, a.total_funding_cents).where(a.application_id == "cb:waywire")
        ).one()
    assert row == ("#waywire", "US", 175_000_000)


def test_yc_2005_2014_free_text_amounts_sum_or_stay_unknown(database, shared_data):
    path = shared_data / "yc-startups-2005-2014" / "Startups.csv"
    report = import_file(database, path, builtin_mapping("yc-startups-2005-2014"))
    assert report.imported > 400
    assert all(e.field in {"country", "contact_email"} for e in report.invalid)
    with database.read() as conn:
        a = schema.applications.c
        curebit = conn.execute(select(a.total_funding_cents, a.rule_funding).where(a.company == "Curebit")).one()
        goldbely = conn.execute(select(a.total_funding_cents).where(a.company == "Goldbely")).scalar()
    assert curebit == (None, "unknown")  # '$1200000, undisclosed amount'
    assert goldbely == 300_000_000


def test_yc_directory_2024_reports_blank_countries_by_row(database, shared_data):
    path = shared_data / "yc-directory-2024" / "2024-05-11-yc-companies.csv"
    report = import_file(database, path, builtin_mapping("yc-directory-2024"))
    blank_countries = [e for e in report.invalid if e.field == "country"]
    assert len(blank_countries) == 262
    assert report.imported + report.invalid_rows == 4_663
    with database.read() as conn:
        count = conn.execute(select(func.count()).select_from(schema.applications)).scalar()
    assert count == report.imported
    again = import_file(database, path, builtin_mapping("yc-directory-2024"))
    assert again.imported == 0 and again.duplicates == report.imported


def test_partners_import_once_and_refuse_bad_kinds(database, write_csv):
    content = "code,name,kind,status,annual_credit_usd\nyc,Y Combinator,accelerator,active,50000\nx,X,bank,active,\n"
    report = import_partner_file(database, write_csv(content, "partners.csv"))
    assert report.imported == 1
    assert report.invalid[0].row == 3 and report.invalid[0].field == "kind"
    assert import_partner_file(database, write_csv(content, "partners.csv")).duplicates == 1
    with database.read() as conn:
        assert conn.execute(select(schema.partners.c.annual_credit_cents)).scalar() == 5_000_000
