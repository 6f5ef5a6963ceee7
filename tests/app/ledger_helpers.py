"""Three members accepted on 2026-01-15 (one through a partner), and their bills: the ledger tests' setting."""

from datetime import date

import pytest

from app.services import ledger
from app.services.applications import Decide, decide
from tests.importing import import_bill_file, import_file, import_partner_file

APPS = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace,partner_code\n"
    "W1,2026-01-10,Worked Example,w@worked.io,GB,2025-06-01,100000,no,worked,\n"
    "H1,2026-01-10,Half,h@half.io,GB,2025-06-01,100000,no,half,\n"
    "P1,2026-01-10,Partnered,p@partnered.io,GB,2025-06-01,100000,no,partnered,yc\n"
)


@pytest.fixture
def members(database, write_csv):
    import_partner_file(
        database,
        write_csv("code,name,kind,status,annual_credit_usd\nyc,Y Combinator,accelerator,active,50000\n", "p.csv"),
    )
    import_file(database, write_csv(APPS, "apps.csv"))
    for ref in ("W1", "H1", "P1"):
        database.run(decide, Decide(ref, "accept", on=date(2026, 1, 15)))
    return database


def bills(database, write_csv, rows, name="usage.csv"):
    content = "workspace,month,amount_usd\n" + "".join(f"{w},{m},{a}\n" for w, m, a in rows)
    return import_bill_file(database, write_csv(content, name))


def close(database, *months, restate=False):
    return [database.run(ledger.close_month, ledger.CloseMonth(m, restate)) for m in months]
