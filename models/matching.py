"""Keys that find the same company twice: domains and near-identical names."""

from __future__ import annotations

import functools
import re
import unicodedata

#: Mail providers whose domain says nothing about the company.
FREE_MAIL = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr hotmail.com hotmail.co.uk outlook.com
    live.com msn.com aol.com icloud.com me.com mac.com proton.me protonmail.com gmx.de gmx.net
    web.de yandex.ru mail.ru qq.com 163.com 126.com naver.com hey.com fastmail.com zoho.com
    mail.com inbox.com tutanota.com""".split()
)

_LEGAL = re.compile(
    r"\b(inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|sas|sarl|bv|nv|"
    r"oy|ab|as|plc|pte|pty|srl|spa|kk|labs?|hq|technologies|technology|tech)\b\.?"
)
_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=65_536)  # an import meets the same names again and again
def name_key(company: str) -> str:
    """'Acme, Inc.' and 'ACME Labs' -> 'acme': case, accents, punctuation and legal suffixes aside."""
    text = company.casefold()
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    stripped = _NON_WORD.sub(" ", _LEGAL.sub(" ", text)).split()
    if not stripped:  # a name made only of suffixes ("Labs Inc") keeps its words
        stripped = _NON_WORD.sub(" ", text).split()
    return "".join(stripped)


def domain_of_url(url: str) -> str:
    """'https://www.Acme.io/about' -> 'acme.io'; '' when there is none."""
    text = url.strip().lower()
    if not text:
        return ""
    text = text.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    text = text.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    if text.startswith("www."):
        text = text[4:]
    return text if "." in text else ""


def domain_of_email(email: str) -> str:
    """The company domain of an address, or '' for free-mail providers."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    return "" if domain in FREE_MAIL else domain


def company_domains(website: str, email: str) -> frozenset[str]:
    """The domains that name the company: its website's and its e-mail's (free mail aside)."""
    return frozenset(d for d in (domain_of_url(website), domain_of_email(email)) if d)
