"""The database schema (SQLAlchemy Core tables), the same on SQLite and PostgreSQL.

Money is integer cents (BigInteger): SQLite's NUMERIC would be a float. Times are
naive UTC. Enumerations are plain strings checked by the domain.
"""

from __future__ import annotations

from sqlalchemy import (
    DDL,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    false,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

policies = Table(
    "policies",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("effective_from", Date, nullable=False),
    Column("annual_credit_cents", BigInteger, nullable=False),
    Column("program_years", Integer, nullable=False),
    Column("max_age_years", Integer, nullable=False),
    Column("max_funding_cents", BigInteger, nullable=False),
    Column("renewal_discount_bp", Integer, nullable=False),  # basis points: 5000 = 50 %
    Column("territory_list_version", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(120), nullable=False),
    # year 2 may be confirmed this many days before the first anniversary (SPEC 4)
    Column("year_two_window_days", Integer, nullable=False, server_default="60"),
)

territories = Table(
    "territories",
    metadata,
    Column("list_version", Integer, primary_key=True, autoincrement=False),
    Column("alpha2", String(2), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("eligible", Boolean, nullable=False),
    Column("review_note", Text, nullable=False, default=""),
)

partners = Table(
    "partners",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("annual_credit_cents", BigInteger, nullable=True),
    Column("contact", String(200), nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
)

import_batches = Table(
    "import_batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("imported", Integer, nullable=False),
    Column("duplicates", Integer, nullable=False),
    Column("invalid", Integer, nullable=False),
)

applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True),
    # The form's application_id, or a digest of the row when the form gave none:
    # what makes a re-import a no-op.
    Column("source_key", String(80), nullable=False, unique=True),
    Column("application_id", String(255), nullable=True),  # as long as the form makes it (migration 0005)
    Column("submitted_on", Date, nullable=False, index=True),
    Column("company", String(300), nullable=False, index=True),
    Column("contact_email", String(320), nullable=False),
    Column("contact_name", String(200), nullable=False, default=""),
    Column("country", String(2), nullable=False, index=True),
    Column("incorporated_on", Date, nullable=True),
    Column("total_funding_cents", BigInteger, nullable=True, index=True),
    Column("funding_currency", String(8), nullable=True),
    Column("previous_discount", Boolean, nullable=True),
    Column("website", String(300), nullable=False, default=""),
    Column("workspace", String(120), nullable=False, default="", index=True),
    Column("partner_code", String(64), nullable=False, default="", index=True),
    Column("notes", Text, nullable=False, default=""),
    Column("web_domain", String(255), nullable=False, default="", index=True),
    Column("mail_domain", String(255), nullable=False, default="", index=True),
    Column("name_key", String(300), nullable=False, default="", index=True),
    Column("status", String(16), nullable=False),
    Column("eligibility", String(16), nullable=False),
    Column("rule_age", String(8), nullable=False),
    Column("rule_funding", String(8), nullable=False),
    Column("rule_territory", String(8), nullable=False),
    Column("rule_previous_discount", String(8), nullable=False),
    Column("prior_note", Text, nullable=True),
    Column("policy_version", Integer, ForeignKey("policies.version"), nullable=False),
    Column("import_batch", Integer, ForeignKey("import_batches.id"), nullable=True),
    Column("imported_at", DateTime, nullable=False),
    # Optimistic concurrency: every write checks and bumps it.
    Column("version", Integer, nullable=False, default=1),
    # the queue's filters ("open", "eligible, not yet reviewed") and its counts, from the index alone
    Index("ix_applications_status_eligibility_partner", "status", "eligibility", "partner_code"),
    # a submitted-date range within statuses counted from the index alone (migration 0009)
    Index("ix_applications_status_submitted_on", "status", "submitted_on"),
)
# Every index slows a bulk import (about 0.3 s per 100,000 rows each here): keep only
# those a lookup or the queue needs. The queue sorts by company, submitted date and
# funding through their indexes, and filters by status, eligibility, country and
# partner through theirs (migration 0003; tests/benchmarks/bench_queue measures it). The form's application_id is found through
# source_key ('id:' + application_id).

# Possible duplicates (SPEC 2), as the keys they were found by (migration 0019: one row per application and
# shared key, not one per pair: a crowd of 16,000 sharing one domain made 800,000 pairs). A key is here once a
# second application holds it, with every holder; an application resembles the earlier holders of its keys,
# the earliest MATCHES_LISTED of each kind (app/importing/duplicates.py reads them).
match_keys = Table(
    "match_keys",
    metadata,
    Column("kind", String(16), primary_key=True),  # workspace, domain, name
    Column("value", String(300), primary_key=True),
    Column("application", Integer, ForeignKey("applications.id"), primary_key=True),
    # an application's own keys (the detail, the queue's flag)
    Index("ix_match_keys_application", "application"),
)

transitions = Table(
    "transitions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("application", Integer, ForeignKey("applications.id"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("from_status", String(16), nullable=False),
    Column("to_status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("override", Boolean, nullable=False, default=False),
    Column("policy_version", Integer, ForeignKey("policies.version"), nullable=True),
    Column("reverses", Integer, ForeignKey("transitions.id"), nullable=True),
)

enrollments = Table(
    "enrollments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workspace", String(120), nullable=False, unique=True),
    Column("application", Integer, ForeignKey("applications.id"), nullable=False, unique=True),
    Column("partner", Integer, ForeignKey("partners.id"), nullable=True),
    Column("accepted_on", Date, nullable=False),
    Column("status", String(16), nullable=False),  # active, graduated
    Column("web_domain", String(255), nullable=False, default="", index=True),
    Column("mail_domain", String(255), nullable=False, default="", index=True),
    Column("created_at", DateTime, nullable=False),
)

program_years = Table(
    "program_years",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("enrollment", Integer, ForeignKey("enrollments.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_until", Date, nullable=False),
    Column("credit_cents", BigInteger, nullable=False),
    Column("renewal", Boolean, nullable=False, default=False),
    Column("policy_version", Integer, ForeignKey("policies.version"), nullable=False),
    Column("decided_by", String(120), nullable=False),
    Column("decided_at", DateTime, nullable=False),
    # a bonus grant (SPEC 4, migration 0006): outside the program years, numbered from 1001
    # (models.ledger.BONUS_BASE) so that year 2 and renewal never count it
    Column("bonus", Boolean, nullable=False, server_default=false()),
    Column("priority", Integer, nullable=False, server_default="50"),  # 0 drawn first ... 100 drawn last
    Column("reason", Text, nullable=False, server_default=""),
    UniqueConstraint("enrollment", "number", name="uq_program_years_enrollment_number"),
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("enrollment", Integer, ForeignKey("enrollments.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    # what the entry counts as: its own kind, or for a reversal the kind it cancels (net sums
    # by kind in one pass, without joining a reversal to its original; never changes)
    Column("counts_as", String(16), nullable=False),
    Column("entry_date", Date, nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    Column("program_year", Integer, nullable=True),
    Column("month", String(7), nullable=True),
    Column("reason", Text, nullable=False, default=""),
    Column("actor", String(120), nullable=False),
    Column("reverses", Integer, ForeignKey("ledger_entries.id"), nullable=True, unique=True),
    # a reinstatement points at the reversal it undoes (once: unique)
    Column("reinstates", Integer, ForeignKey("ledger_entries.id"), nullable=True, unique=True),
    Column("policy_version", Integer, ForeignKey("policies.version"), nullable=True),
    Column("created_at", DateTime, nullable=False),
    # an extension (kind `extend`, migration 0006) points at the grant entry it extends and
    # carries the grant's new last valid day; reversing it takes the extension back
    Column("extends_entry", Integer, ForeignKey("ledger_entries.id"), nullable=True),
    Column("extended_until", Date, nullable=True),
    # a grant's entries in date order: balances, the running check of verify
    Index("ix_ledger_entries_enrollment_year", "enrollment", "program_year", "entry_date"),
    # a month's entries (the close, exports); its totals by kind, verify's credit per member and month (0021)
    Index("ix_ledger_entries_month_kind_member", "month", "counts_as", "enrollment", "amount_cents"),
)

bills = Table(
    "bills",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workspace", String(120), nullable=False),
    Column("month", String(7), nullable=False),
    Column("amount_cents", BigInteger, nullable=False),
    # what the month close settled; differs from amount_cents when billing changed
    # the bill after the close, until a restatement settles it again
    Column("settled_cents", BigInteger, nullable=True),
    Column("import_batch", Integer, ForeignKey("import_batches.id"), nullable=True),
    Column("imported_at", DateTime, nullable=False),
    UniqueConstraint("workspace", "month", name="uq_bills_workspace_month"),
    # a month's bills (the close, its exports); the Ledger pane's recent bills by workspace from
    # the index alone (migration 0017)
    Index("ix_bills_month_workspace_amount", "month", "workspace", "amount_cents"),
)

month_closes = Table(
    "month_closes",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("closed_at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
)

# ---- credit notices (SPEC 10, migration 0006) ------------------------------------------
credit_notices = Table(
    "credit_notices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("enrollment", Integer, ForeignKey("enrollments.id"), nullable=False, index=True),
    Column("program_year", Integer, nullable=False),  # the grant (program year or bonus number)
    Column("kind", String(16), nullable=False),  # used (50/75/100 %) or expiry (90/30/0 days)
    Column("threshold", Integer, nullable=False),
    Column("made_on", Date, nullable=False),
    Column("balance_cents", BigInteger, nullable=False),  # the grant's credit left when it was made
    Column("expires_on", Date, nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    # once per grant and threshold
    UniqueConstraint("enrollment", "program_year", "kind", "threshold", name="uq_credit_notices_once"),
)

column_mappings = Table(
    "column_mappings",
    metadata,
    Column("name", String(120), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("spec", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

# ---- exports (migration 0002) --------------------------------------------------------

letters = Table(
    "letters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("application", Integer, ForeignKey("applications.id"), nullable=False, index=True),
    Column("generated_at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("file_name", Text, nullable=False),
)

# ---- partners and deals (migration 0002) ----------------------------------------------

partner_events = Table(
    "partner_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("partner", Integer, ForeignKey("partners.id"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("from_status", String(16), nullable=False),
    Column("to_status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
)

deals = Table(
    "deals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("partner", String(200), nullable=False),  # the partner company making the offer
    Column("title", String(300), nullable=False),
    Column("category", String(120), nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("value_text", String(200), nullable=False, default=""),
    Column("value_cents", BigInteger, nullable=True),
    Column("redeem", Text, nullable=False, default=""),  # a code, a link or a contact: shown only on approval
    Column("valid_from", Date, nullable=True),
    Column("valid_until", Date, nullable=True),
    Column("capacity", Integer, nullable=True),  # None: unlimited
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("partner", "title", name="uq_deals_partner_title"),
)

deal_requests = Table(
    "deal_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("deal", Integer, ForeignKey("deals.id"), nullable=False, index=True),
    Column("enrollment", Integer, ForeignKey("enrollments.id"), nullable=False, index=True),
    Column("status", String(16), nullable=False),  # requested, approved, fulfilled, declined
    Column("is_open", Boolean, nullable=False),  # requested or approved
    Column("requested_at", DateTime, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
)

# One open request per member and deal, kept by the database on both engines: a partial
# unique index, in the one statement both understand (migration 0002 creates it). Not an
# Index with sqlite_where/postgresql_where: dialect options load every dialect's drivers
# when this module is imported, 40 ms of each command's start.
OPEN_REQUEST_INDEX = "uq_deal_requests_open"
#: SQLite's index of applications with a searched value too short for a trigram (migration 0012)
SHORT_TEXT_INDEX = "ix_applications_short_text"
event.listen(
    deal_requests,
    "after_create",
    DDL(f"CREATE UNIQUE INDEX {OPEN_REQUEST_INDEX} ON deal_requests (deal, enrollment) WHERE is_open"),
)

#: the bills not settled as billed, for verify's check of closed months (migration 0018): partial,
#: declared as DDL like the open-request index; a query uses it with this very condition
UNSETTLED_BILLS_INDEX = "ix_bills_unsettled"
UNSETTLED = "settled_cents IS NULL OR settled_cents <> amount_cents"
event.listen(bills, "after_create", DDL(f"CREATE INDEX {UNSETTLED_BILLS_INDEX} ON bills (month) WHERE {UNSETTLED}"))

deal_request_events = Table(
    "deal_request_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request", Integer, ForeignKey("deal_requests.id"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("from_status", String(16), nullable=False),
    Column("to_status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
)

# the outbox (0005) and the ledger's sums kept by its writers (0023) live in their own modules, on this metadata
import app.kept_sums  # noqa: E402,F401  (the module, not a name of it: either of the two may be imported first)
from app.outbox_schema import followups, message_templates, outbox_messages, send_log  # noqa: E402,F401


def declared(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object: whether an object is compared with this module. Left out
    are what the migrations build beside the declared tables: the text-search objects
    (FTS5 and its short-value index on SQLite, pg_trgm indexes on PostgreSQL) and the
    open-request and unsettled-bills indexes above."""
    if type_ == "table":
        return not name.startswith("applications_fts")
    if type_ == "index" and name:
        return not (
            name.startswith("ix_applications_trgm_")
            or name in (OPEN_REQUEST_INDEX, SHORT_TEXT_INDEX, UNSETTLED_BILLS_INDEX)
        )
    return True
