"""Messages for every outcome: templates, founder's words, data-safe headers."""

from datetime import date, datetime
from email import message_from_bytes, policy

import pytest

from models.applications import Application
from models.eligibility import evaluate
from models.errors import InvalidInput
from models.messages import (
    LANGUAGES,
    Kind,
    Template,
    build_email,
    check_address,
    default_template,
    explain_failures,
    list_unknowns,
    long_date,
    message_id,
    render,
    usd,
)
from models.policy import Policy

POLICY = Policy(version=1, effective_from=date(2000, 1, 1), eligible_territories=frozenset({"GB", "DE"}))


def application(**changes) -> Application:
    fields = dict(
        submitted_on=date(2026, 1, 10),
        company="Acme",
        contact_email="f@acme.io",
        country="GB",
        incorporated_on=date(2025, 6, 1),
        total_funding=10_000_000,
        previous_discount=False,
    )
    return Application(**(fields | changes))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(Kind))
def test_every_outcome_ships_wording_in_english_and_german_with_only_known_placeholders(kind, language):
    template = default_template(kind, language)
    template.check()
    assert template.subject and len(template.body) > 80


def test_an_unknown_placeholder_is_refused_and_named():
    template = Template(Kind.REJECTION, "en", "About $company", "Dear $founder, $reasonz")
    with pytest.raises(InvalidInput, match=r"unknown placeholder \$reasonz"):
        template.check()
    with pytest.raises(InvalidInput, match=r"'\$\$'"):
        Template(Kind.REJECTION, "en", "Costs $ 5", "x").check()
    with pytest.raises(InvalidInput, match=r"placeholder \$answer_by"):  # known elsewhere, not here
        Template(Kind.REJECTION, "en", "x", "by $answer_by").check()


def test_a_rejection_explains_each_failed_rule_in_a_founders_words():
    verdict = evaluate(application(incorporated_on=date(2020, 1, 1), total_funding=600_000_000, country="US"), POLICY)
    sentences = explain_failures(verdict.results, "en")
    assert len(sentences) == 3
    assert "incorporated on 1 January 2020" in sentences[0] and "less than 2 years" in sentences[0]
    assert "USD 5,000,000.00" in sentences[1] and "USD 6,000,000.00" in sentences[1]
    assert "US is not among them" in sentences[2]
    german = explain_failures(verdict.results, "de")
    assert "1. Januar 2020" in german[0] and "5.000.000,00 USD" in german[1]


def test_a_rejection_without_a_failed_rule_says_why_without_the_reviewers_own_words():
    verdict = evaluate(application(), POLICY)
    assert "already have an application" in explain_failures(verdict.results, "en", "duplicate of E1")[0]
    other = explain_failures(verdict.results, "en", "internal: looks like a shell company")
    assert other and "shell" not in other[0]


def test_needs_info_lists_what_is_unknown():
    verdict = evaluate(application(incorporated_on=None, total_funding=None, previous_discount=None), POLICY)
    missing = list_unknowns(verdict.results, "en")
    assert len(missing) == 3
    assert "incorporated" in missing[0] and "funding" in missing[1] and "Segment discount" in missing[2]
    currency = evaluate(application(total_funding=None, funding_currency="EUR"), POLICY)
    assert "EUR" in list_unknowns(currency.results)[0]


def test_applicant_text_is_put_in_as_text_never_as_a_placeholder():
    template = Template(Kind.REJECTION, "en", "About $company", "Dear $founder,\n\n$reasons")
    rendered = render(template, {"company": "$founder\r\nBcc: x@evil", "founder": "${reasons}", "reasons": "- a"})
    assert rendered.subject == "About $founder Bcc: x@evil"
    assert rendered.body == "Dear ${reasons},\n\n- a\n"


def test_values_read_as_a_founder_reads_them():
    assert long_date(date(2026, 3, 2), "de") == "2. März 2026"
    assert usd(2_500_000, "en") == "USD 25,000.00" and usd(-12_345, "de") == "-123,45 USD"


def test_the_message_id_is_stable_and_a_valid_header():
    first, again = (
        message_id("application 7 rejection 12", "program.org"),
        message_id("application 7 rejection 12", "program.org"),
    )
    assert first == again and first.startswith("<") and first.endswith("@program.org>")
    assert message_id("application 8 rejection 13", "program.org") != first


@pytest.mark.parametrize(
    "company",
    [
        "Evil\r\nBcc: victim@example.com",
        "=?utf-8?q?Evil=0D=0ABcc:_victim@example.com?=",
        "Evil\nContent-Type: text/html",
        'Quote" <victim@example.com>, "x',
    ],
)
def test_a_company_name_never_forges_a_header(company):
    message = build_email(
        sender=("Startup Program", "startups@program.org"),
        to=(company, "founder@acme.io"),
        subject=f"Your application, {company}",
        body=f"Dear {company},\n",
        message_id="<a@program.org>",
        on=datetime(2027, 6, 15, 12),
    )
    received = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert sorted(received.keys()) == sorted(
        ["From", "To", "Subject", "Date", "Message-ID", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"]
    )
    assert [a.addr_spec for a in received["To"].addresses] == ["founder@acme.io"]
    assert received["Bcc"] is None
    shown = str(received["Subject"]).replace("\u2060", "")
    assert shown == "Your application, " + " ".join(company.split())
    assert received.get_content_type() == "text/plain"


@pytest.mark.parametrize(
    "text", ["a@b.com, c@d.com", "a@b.com\r\nBcc: x@y.com", "<a@b.com>", "", "no-at-sign", "a@localhost", "a b@c.com"]
)
def test_only_one_plain_address_is_an_address(text):
    with pytest.raises(InvalidInput):
        check_address(text)


def test_a_plain_address_is_kept():
    assert check_address(" founder@acme.io ") == "founder@acme.io"
