"""Helpers for the on-demand benchmarks: synthetic data and a results file."""

from __future__ import annotations

import csv
import platform
import random
from datetime import date, datetime, timedelta
from pathlib import Path

RESULTS = Path(__file__).with_name("results")
COUNTRIES = ["US", "GB", "DEU", "France", "IN", "Canada", "BR", "SG", "United Kingdom", "NG", "IR"]


def write_applications_csv(path: Path, rows: int, seed: int = 1, id_prefix: str = "B", shared_domain: int = 0) -> Path:
    """`rows` synthetic applications; with `shared_domain`, that many of them (spread over the
    file) give one company's website, so each is a possible duplicate of all before it."""
    rng = random.Random(seed)
    sharing = set(random.Random(seed + 1).sample(range(rows), shared_domain)) if shared_domain else set()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "application_id",
                "submitted_on",
                "company",
                "contact_email",
                "country",
                "incorporated_on",
                "total_funding_usd",
                "previous_discount",
                "website",
                "workspace",
                "partner_code",
            ]
        )
        start = date(2025, 1, 1)
        for index in range(rows):
            submitted = start + timedelta(days=rng.randrange(0, 700))
            name = f"Company {rng.randrange(rows)} {rng.choice(['Labs', 'Inc', 'AI', 'Health', 'Pay'])}"
            tag = "" if id_prefix == "B" else id_prefix.lower()  # the default keeps the data every benchmark knows
            domain = f"c{tag}{index}.example.com"
            writer.writerow(
                [
                    f"{id_prefix}-{index}",
                    submitted.isoformat(),
                    name,
                    f"founder@{domain}",
                    rng.choice(COUNTRIES),
                    (submitted - timedelta(days=rng.randrange(30, 1400))).isoformat() if rng.random() < 0.9 else "",
                    f"{rng.randrange(0, 8_000_000):,}" if rng.random() < 0.9 else "",
                    rng.choice(["no", "yes", "", "0"]),
                    "https://www.crowd.io/jobs" if index in sharing else f"https://{domain}",
                    f"ws-{tag}{index}",
                    rng.choice(["", "", "yc", "techstars"]),
                ]
            )
    return path


def record(name: str, lines: list[str]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.txt"
    header = f"# {name} — {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({platform.python_version()})"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    print(path.read_text(encoding="utf-8"))
    return path
