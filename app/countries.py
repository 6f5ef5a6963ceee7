"""Countries by code or English name, normalised to ISO 3166-1 alpha-2.

pycountry carries the ISO 3166-1 table (names, official and common names,
alpha-2 and alpha-3 codes) and is kept current by its maintainers; the few
everyday spellings ISO does not use ("UK", "USA") come from an alias table
shipped in resources/.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from importlib import resources

_PUNCT = re.compile(r"[^\w]+")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text).strip()
    text = text[4:] if text.startswith("the ") else text
    return "saint " + text[3:] if text.startswith("st ") else text


def _spellings(name: str) -> list[str]:
    """ISO's 'Congo, The Democratic Republic of the' is also said 'Democratic Republic of
    the Congo'; 'Falkland Islands (Malvinas)' is also 'Falkland Islands'."""
    found = [name]
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if plain and plain != name:
        found.append(plain)
    for text in list(found):
        if ", " in text:
            head, tail = text.split(", ", 1)
            found.append(f"{tail} {head}")
    return found


@functools.cache
def _table() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        table[country.alpha_2.casefold()] = code
        table[country.alpha_3.casefold()] = code
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            for spelling in _spellings(value) if value else ():
                table.setdefault(_key(spelling), code)
    text = resources.files("resources").joinpath("data/country_aliases.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        table[_key(row["alias"])] = row["alpha2"]
    return table


def to_alpha2(text: str) -> str | None:
    """'GB', 'GBR', 'United Kingdom', 'UK' -> 'GB'; None when not recognised."""
    stripped = text.strip()
    if not stripped:
        return None
    table = _table()
    found = table.get(stripped.casefold()) or table.get(_key(stripped))
    if not found and ", " in stripped:  # 'Korea, South' as some lists write it
        head, tail = stripped.split(", ", 1)
        found = table.get(_key(f"{tail} {head}"))
    return found


@functools.cache
def name_of(alpha2: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return alpha2
    return getattr(country, "common_name", None) or country.name
