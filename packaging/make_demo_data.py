"""Build the demo data set in resources/demo/ from the real data under ../shared/data.

Run by a developer (python packaging/make_demo_data.py); the app itself only reads
what this writes. Companies, websites, countries, founders and founding years come
from the Y Combinator directory of May 2024 (MIT licence); the program's own fields
(application dates, funding totals, previous discounts, partners) are drawn from
a seeded generator so that every eligibility outcome and state appears.
"""

from __future__ import annotations

import ast
import csv
import random
import re
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SOURCE = HERE.parent / "shared" / "data" / "yc-directory-2024" / "2024-05-11-yc-companies.csv"
OUT = HERE / "resources" / "demo"
ALPHA3 = {"US": "USA", "GB": "GBR", "IN": "IND", "CA": "CAN", "DE": "DEU", "FR": "FRA", "BR": "BRA", "MX": "MEX"}
NAMES = {"US": "United States", "GB": "United Kingdom", "IN": "India", "NG": "Nigeria", "SG": "Singapore"}


def _domain(url: str) -> str:
    return re.split(r"[/?#]", re.sub(r"^https?://(www\.)?", "", url))[0].lower()


def main() -> None:
    rng = random.Random(20261127)
    rows = list(csv.DictReader(SOURCE.open(encoding="utf-8")))
    rows = [r for r in rows if "." in _domain(r["website"]) and r["country"] and r["founders_names"] not in ("", "[]")]
    rng.shuffle(rows)
    chosen = rows[:420]
    applications = []
    for index, company in enumerate(chosen, start=1):
        founders = ast.literal_eval(company["founders_names"])
        founder = founders[0] if founders else ""
        domain = _domain(company["website"])
        first = re.sub(r"[^a-z]", "", founder.split(" ")[0].lower()) or "founders"
        submitted = date(2026, 1, 5) + timedelta(days=rng.randrange(0, 320))
        founded_year = int(float(company["year_founded"])) if company["year_founded"] else None
        if founded_year:
            incorporated = date(founded_year, rng.randrange(1, 13), rng.randrange(1, 29))
            if incorporated < submitted - timedelta(days=1000) and rng.random() < 0.8:
                incorporated = submitted - timedelta(days=rng.randrange(60, 700))  # a young company re-incorporated
            incorporated = min(incorporated, submitted - timedelta(days=30))
        else:
            incorporated = None
        roll = rng.random()
        funding = "" if roll < 0.08 else f"{rng.choice([150, 500, 750, 1200, 2500, 4000, 5000, 6500, 12000]) * 1000:,}"
        if funding == "5,000,000" and rng.random() < 0.5:
            funding = "$5,000,000.00"
        country = company["country"]
        spelled = rng.random()
        if spelled < 0.15 and country in ALPHA3:
            country = ALPHA3[country]
        elif spelled < 0.3 and country in NAMES:
            country = NAMES[country]
        if index % 97 == 0:  # a few applicants from territories the program cannot serve
            country = rng.choice(["Iran", "CU", "SYR"])
        previous = rng.choices(["no", "", "yes"], weights=[80, 15, 5])[0]
        partner = rng.choices(
            ["", "yc", "techstars", "seedcamp", "antler", "northstar-vc"], weights=[55, 20, 8, 6, 6, 5]
        )[0]
        applications.append(
            {
                "application_id": f"SSP-{26000 + index}",
                "submitted_on": submitted.isoformat(),
                "company": company["company_name"],
                "contact_name": founder,
                "contact_email": f"{first}@{domain}",
                "country": country,
                "incorporated_on": incorporated.isoformat() if incorporated else "",
                "total_funding_usd": funding,
                "previous_discount": previous,
                "website": company["website"],
                "workspace": re.sub(r"[^a-z0-9]+", "-", company["company_name"].lower()).strip("-")[:60],
                "partner_code": partner,
                "notes": company["short_description"],
            }
        )
    applications.sort(key=lambda a: a["submitted_on"])
    with (OUT / "applications.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(applications[0]))
        writer.writeheader()
        writer.writerows(applications)
    print(f"wrote {len(applications)} applications")


if __name__ == "__main__":
    main()
