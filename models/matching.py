"""Keys that find the same company twice: registrable domains and near-identical names.

Two applications are the same company when they share a registrable domain (the
part of a host a company registers: `secret.corgi.insure` is `corgi.insure`,
`a.acme.co.uk` is `acme.co.uk`), never by a shared host (a page on
`producthunt.com/posts/…`, a site on `github.io` or `notion.site`, free mail), or
when their names agree once case, accents, punctuation and a trailing legal form
(Inc, Ltd, GmbH, OÜ, Pvt Ltd, SAS …) are set aside: words such as Tech or Labs are
part of a name ('Acme Labs' is not 'Acme').

Which part of a host is registrable is the Public Suffix List's to say; the caller
passes it in (`registrable`), so that these rules stay plain Python.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

#: Mail providers whose domain says nothing about the company.
FREE_MAIL = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr hotmail.com hotmail.co.uk outlook.com
    live.com msn.com aol.com icloud.com me.com mac.com proton.me protonmail.com gmx.de gmx.net
    web.de yandex.ru mail.ru qq.com 163.com 126.com naver.com hey.com fastmail.com zoho.com
    mail.com inbox.com tutanota.com""".split()
)

#: Registrable domains that host many companies' pages: a company's page there names the
#: host, not the company. (Hosts that give each customer a subdomain, such as github.io
#: and notion.site, are in the Public Suffix List's private section already: there each
#: customer's subdomain is its own registrable domain.)
SHARED_HOSTS = frozenset(
    """producthunt.com linkedin.com facebook.com fb.com twitter.com x.com instagram.com
    youtube.com youtu.be tiktok.com medium.com substack.com angel.co wellfound.com
    crunchbase.com github.com gitlab.com bitbucket.org google.com apple.com
    play.google.com apps.apple.com notion.so notion.site typeform.com calendly.com
    linktr.ee bit.ly tinyurl.com t.co goo.gl ycombinator.com f6s.com
    wix.com wixsite.com squarespace.com webflow.io carrd.co weebly.com wordpress.com
    blogspot.com tumblr.com about.me sites.google.com docs.google.com drive.google.com
    dropbox.com airtable.com canva.site framer.website""".split()
)

#: Names reserved for examples and tests (RFC 2606, 6761): placeholders, each host of
#: which stands for a different company, so for them the whole host is the domain.
RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost", "local"})
RESERVED_DOMAINS = frozenset({"example.com", "example.net", "example.org"})

Registrable = Callable[[str], "str | None"]


def _whole_host(host: str) -> str:
    """Without a suffix list: the host itself (never merges two companies; 'a.acme.io' stays apart)."""
    return host


# ---- names ---------------------------------------------------------------------------

#: Legal forms, as the words they become once punctuation is gone ('S.à r.l.' -> 's a r l',
#: 'Sp. z o.o.' -> 'sp z o o'); stripped only at the end of a name, the longest first.
_FORMS = tuple(
    sorted(
        (
            tuple(form.split())
            for form in """inc incorporated llc l l c llp lp ltd limited corp corporation co company plc
            gmbh gmbh co kg ag kg ug ohg e v ev se sa sas sasu sarl s a r l sa de cv srl s r l spa s p a
            sl s l bv b v nv n v oy oyj ab as asa aps a s ou oue pte pte ltd pty pty ltd pvt pvt ltd
            private limited p ltd kk k k kft zrt sro s r o sp z o o spzoo d o o doo ltda lda bhd sdn bhd
            jsc ooo pjsc ab publ""".split("\n")
            for form in [form]
        ),
        key=len,
        reverse=True,
    )
)
_FORMS = tuple(
    sorted(
        {
            tuple(f.split())
            for f in """inc|incorporated|llc|l l c|llp|lp|ltd|limited|corp|corporation|co|company|plc|
gmbh|gmbh co kg|ag|kg|ug|ohg|e v|ev|se|sa|sas|sasu|sarl|s a r l|sa de cv|srl|s r l|spa|s p a|sl|s l|bv|b v|nv|n v|
oy|oyj|ab|ab publ|as|asa|aps|a s|ou|oue|pte|pte ltd|pty|pty ltd|pvt|pvt ltd|private limited|p ltd|kk|k k|kft|zrt|
sro|s r o|sp z o o|spzoo|d o o|doo|ltda|lda|bhd|sdn bhd|jsc|ooo|pjsc""".replace("\n", "").split("|")
        },
        key=len,
        reverse=True,
    )
)
#: the legal forms by their number of words, the most first (two forms of one size never both
#: end one name), and the words a legal form can end with
_FORMS_BY_SIZE = tuple(
    (size, frozenset(form for form in _FORMS if len(form) == size))
    for size in sorted({len(form) for form in _FORMS}, reverse=True)
)
_LAST_WORDS = frozenset(form[-1] for form in _FORMS)
_NON_WORD = re.compile(r"[\W_]+")


def _words(text: str) -> list[str]:
    text = text.casefold().replace("ß", "ss")
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).split()


@functools.lru_cache(maxsize=65_536)  # an import meets the same names again and again
def name_key(company: str) -> str:
    """'Acme, Inc.', 'ACME Ltd' and 'Acmé GmbH' -> 'acme'; 'Acme Labs' -> 'acmelabs'.

    Case, accents and punctuation aside, and legal forms at the end of the name (one
    after another: 'Acme Pvt. Ltd.'); a name made only of a legal form keeps it.
    """
    words = _words(company)
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        if words[-1] not in _LAST_WORDS:  # most names end in no legal form
            break
        for size, forms in _FORMS_BY_SIZE:  # the longest first, as _FORMS are
            if len(words) > size and tuple(words[-size:]) in forms:
                words = words[:-size]
                stripped = True
                break
    return "".join(words)


# ---- domains -------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s,;|]+")
_HOST = re.compile(r"[a-z0-9\-._\u00a0-\uffff]+")


def host_of_url(url: str) -> str:
    """The host of the first URL in a cell ('https://www.Acme.io/about https://b.io' ->
    'acme.io'), lower case and without 'www.'; '' when there is none."""
    text = url.strip().lower()
    if not text:
        return ""
    first = next((part for part in _SEPARATORS.split(text) if part), "")
    host = first.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    if host.startswith("www."):
        host = host[4:]
    if "." not in host or not _HOST.fullmatch(host):
        return ""
    return host


def registrable_domain(host: str, registrable: Registrable | None = None) -> str:
    """The part of a host a company registers ('' for a bare public suffix)."""
    if not host:
        return ""
    if host.rsplit(".", 1)[-1] in RESERVED_TLDS or host.split(".", host.count(".") - 1)[-1] in RESERVED_DOMAINS:
        return host
    found = (registrable or _whole_host)(host)
    return found or ""


def domain_of_url(url: str, registrable: Registrable | None = None) -> str:
    """The registrable domain of a website cell's first URL ('' when there is none)."""
    return registrable_domain(host_of_url(url), registrable)


def company_domain_of_url(url: str, registrable: Registrable | None = None) -> str:
    """domain_of_url(), but '' for a shared host: a page there does not name the company."""
    host = host_of_url(url)
    domain = registrable_domain(host, registrable)
    if domain in SHARED_HOSTS or host in SHARED_HOSTS:
        return ""
    return domain


def domain_of_email(email: str, registrable: Registrable | None = None) -> str:
    """The company domain of an address ('ada@mail.acme.io' -> 'acme.io'), or '' for free mail."""
    host = email.rsplit("@", 1)[-1].strip().lower().strip(".")
    if "." not in host:
        return ""
    domain = registrable_domain(host, registrable)
    return "" if host in FREE_MAIL or domain in FREE_MAIL or domain in SHARED_HOSTS else domain


def company_domains(website: str, email: str, registrable: Registrable | None = None) -> frozenset[str]:
    """The domains that name the company: its website's and its e-mail's (free mail aside)."""
    found = (company_domain_of_url(website, registrable), domain_of_email(email, registrable))
    return frozenset(d for d in found if d)
