"""Company domains by the Public Suffix List (publicsuffixlist, which ships the list).

`secret.corgi.insure` is registered as `corgi.insure`, `a.acme.co.uk` as `acme.co.uk`,
and each `name.github.io` or `name.notion.site` is its owner's (the list's private
section): models/matching.py holds the rules, this module the list.
"""

from __future__ import annotations

import functools

from models import matching


@functools.cache
def _list():
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()  # the snapshot inside the package: nothing is fetched


@functools.lru_cache(maxsize=65_536)
def registrable(host: str) -> str | None:
    """The registrable domain of a host; None when the host is itself a public suffix."""
    try:
        return _list().privatesuffix(host)
    except Exception:  # a host the list's code cannot take apart (empty labels, odd text)
        return None


def url_domain(url: str) -> str:
    """The registrable domain of a website cell's first URL ('' when it names none)."""
    return matching.domain_of_url(url, registrable)


def web_domain(url: str) -> str:
    """The company's domain from its website: '' for a page on a shared host."""
    return matching.company_domain_of_url(url, registrable)


def mail_domain(email: str) -> str:
    """The company's domain from a contact address: '' for free mail."""
    return matching.domain_of_email(email, registrable)
