"""The application form's columns (SPEC 7), and the header variants form exports use."""

from __future__ import annotations

from app.importing.mapping import normalise_header

TARGETS = (
    "application_id",
    "submitted_on",
    "company",
    "contact_email",
    "country",
    "incorporated_on",
    "total_funding_usd",
    "previous_discount",
    "contact_name",
    "website",
    "workspace",
    "partner_code",
    "notes",
)
REQUIRED = ("submitted_on", "company", "contact_email", "country")

#: Header variants seen in form exports, already normalised (lower case, '_').
ALIASES = {
    "id": "application_id",
    "application": "application_id",
    "app_id": "application_id",
    "form_id": "application_id",
    "submitted": "submitted_on",
    "submitted_at": "submitted_on",
    "submission_date": "submitted_on",
    "date_submitted": "submitted_on",
    "applied_on": "submitted_on",
    "application_date": "submitted_on",
    "timestamp": "submitted_on",
    "company_name": "company",
    "startup": "company",
    "startup_name": "company",
    "organization": "company",
    "organisation": "company",
    "email": "contact_email",
    "e_mail": "contact_email",
    "email_address": "contact_email",
    "contact_e_mail": "contact_email",
    "country_code": "country",
    "hq_country": "country",
    "incorporated": "incorporated_on",
    "incorporation_date": "incorporated_on",
    "date_of_incorporation": "incorporated_on",
    "total_funding": "total_funding_usd",
    "funding_usd": "total_funding_usd",
    "total_funding_(usd)": "total_funding_usd",
    "funding": "total_funding_usd",
    "previous_segment_discount": "previous_discount",
    "prior_discount": "previous_discount",
    "contact": "contact_name",
    "founder": "contact_name",
    "founder_name": "contact_name",
    "url": "website",
    "website_url": "website",
    "homepage": "website",
    "workspace_slug": "workspace",
    "segment_workspace": "workspace",
    "partner": "partner_code",
    "accelerator": "partner_code",
    "note": "notes",
    "comments": "notes",
}

CHUNK = 5_000
LIMITS = {
    "company": 300,
    "contact_email": 320,
    "contact_name": 200,
    "website": 300,
    "workspace": 120,
    "partner_code": 64,
    "application_id": 255,  # Crunchbase permalinks pass 120 characters
}


def suggest_mapping(header: list[str]) -> dict[str, str]:
    """The form's columns found in a header (exact names or known variants), as templates."""
    found: dict[str, str] = {}
    for name in header:
        column = normalise_header(name)
        target = column if column in TARGETS else ALIASES.get(column)
        if target and target not in found:
            found[target] = "{" + name + "}"
    return found
