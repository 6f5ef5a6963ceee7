"""The keys that find one company twice (models/matching.py): registrable domains, never a
shared host, and names without their legal form only."""

import pytest

from models.matching import (
    company_domain_of_url,
    domain_of_email,
    domain_of_url,
    host_of_url,
    name_key,
)


def suffixes(host: str) -> str | None:
    """A tiny Public Suffix List: com, io, insure, co.uk, and github.io (private section)."""
    labels = host.split(".")
    for size in (2, 1):
        if ".".join(labels[-size:]) in {"co.uk", "github.io", "com", "io", "insure", "site", "notion.site"}:
            if len(labels) > size:
                return ".".join(labels[-size - 1 :])
            return None
    return ".".join(labels[-2:])


@pytest.mark.parametrize(
    "name",
    ["Acme", "Acme Inc", "ACME, Inc.", "Acme Ltd.", "Acme GmbH", "Acme OÜ", "Acme Pvt. Ltd.", "Acme SAS",
     "Acme S.à r.l.", "Acme Sp. z o.o.", "Acmé LLC", "Acme Private Limited", "Acme AB"],
)  # fmt: skip
def test_legal_forms_at_the_end_are_set_aside(name):
    assert name_key(name) == "acme"


@pytest.mark.parametrize("name", ["Acme Labs", "Acme Tech", "Acme Technologies", "Acme HQ", "Acme Robotics"])
def test_words_of_a_name_are_kept(name):
    assert name_key(name) != name_key("Acme")


def test_a_legal_form_inside_a_name_is_part_of_it():
    assert name_key("Inc Magazine") == "incmagazine"
    assert name_key("AB Testing Co") == "abtesting"
    assert name_key("Labs Inc") == "labs" and name_key("Ltd") == "ltd"  # a name of a legal form keeps it


def test_the_first_url_of_a_cell_is_the_website():
    assert host_of_url("https://www.First.io/a https://second.io") == "first.io"
    assert host_of_url("first.io, second.io") == "first.io"
    assert host_of_url("first.io | second.io") == "first.io"
    assert host_of_url("n/a") == host_of_url("") == host_of_url("none") == ""


def test_subdomains_are_the_registrable_domain():
    assert domain_of_url("https://secret.corgi.insure/x", suffixes) == "corgi.insure"
    assert domain_of_url("https://shop.acme.co.uk", suffixes) == "acme.co.uk"
    assert domain_of_email("ada@mail.acme.co.uk", suffixes) == "acme.co.uk"


def test_a_page_on_a_shared_host_names_no_company():
    assert company_domain_of_url("https://www.producthunt.com/posts/acme", suffixes) == ""
    assert company_domain_of_url("https://medium.com/@acme", suffixes) == ""
    assert company_domain_of_url("https://linkedin.com/company/acme", suffixes) == ""
    # each github.io site is its owner's: the list's private section says so
    assert company_domain_of_url("https://acme.github.io", suffixes) == "acme.github.io"
    assert company_domain_of_url("https://github.io", suffixes) == ""


def test_free_mail_and_reserved_names():
    assert domain_of_email("ada@gmail.com", suffixes) == ""
    assert domain_of_email("ada@googlemail.com", suffixes) == ""
    # placeholder addresses of an example domain stay whole: they never merge two companies
    assert domain_of_email("founders@acme.crunchbase.example", suffixes) == "acme.crunchbase.example"


def test_without_a_suffix_list_a_host_is_its_own_domain():
    assert domain_of_url("https://a.acme.co.uk") == "a.acme.co.uk"
