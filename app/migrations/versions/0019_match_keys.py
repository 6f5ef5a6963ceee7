"""Possible duplicates stored as the keys they were found by, not as pairs (issue 17)

`duplicate_flags` held one row per pair: a crowd of 16,000 applications sharing one
domain wrote 50 a member, 800,000 rows, and took a 100,000-row import to 1.5x the same
import without it. `match_keys` holds one row per application and shared key (kind,
value): an application resembles the earlier holders of its keys, the earliest 50 of
each kind (app/importing/duplicates.py), which is what the pairs said.

Upgrade: each stored pair becomes the keys its two applications share (their key columns
as stored); a pair whose applications share none any more (flagged under earlier rules)
keeps a key of its own, "#pair:OTHER:APPLICATION", so that it still lists the one and the
other. Where the shared keys would say more or less than the stored pairs did, the
pairs of those keys are kept as keys of their own too: every stored flag reads as before.
Downgrade: the pairs the keys say, written back.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 18:30:00
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

MATCHES_LISTED = 50  # app.importing.duplicates.MATCHES_LISTED when this was written
CHUNK = 5_000
KEY_COLUMNS = {"workspace": ("workspace",), "domain": ("web_domain", "mail_domain"), "name": ("name_key",)}

match_keys = sa.table(
    "match_keys", sa.column("kind", sa.String), sa.column("value", sa.String), sa.column("application", sa.Integer)
)
duplicate_flags = sa.table(
    "duplicate_flags",
    sa.column("application", sa.Integer),
    sa.column("other", sa.Integer),
    sa.column("kind", sa.String),
)


def upgrade() -> None:
    op.create_table(
        "match_keys",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=300), nullable=False),
        sa.Column("application", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application"], ["applications.id"], name=op.f("fk_match_keys_application_applications")
        ),
        sa.PrimaryKeyConstraint("kind", "value", "application", name=op.f("pk_match_keys")),
    )
    bind = op.get_bind()
    listing = ", ".join(
        f"{side}.{column}" for side in ("a", "o") for columns in KEY_COLUMNS.values() for column in columns
    )
    rows = bind.execute(
        sa.text(
            f"SELECT d.application, d.other, d.kind, {listing} FROM duplicate_flags d"
            " JOIN applications a ON a.id = d.application JOIN applications o ON o.id = d.other"
        )
    )
    stored: set[tuple[int, int, str]] = set()
    keys: set[tuple[int, str, str]] = set()
    explains: dict[tuple[str, str], set[tuple[int, int, str]]] = defaultdict(set)  # key -> the pairs it gives
    width = sum(len(columns) for columns in KEY_COLUMNS.values())
    for row in rows:
        application, other, kind = row[0], row[1], row[2]
        pair = (application, other, kind)
        stored.add(pair)
        shared = _keys_of(row[3 : 3 + width], kind) & _keys_of(row[3 + width :], kind)
        if not shared:
            keys.update(_own_keys(pair))
        for value in shared:
            keys.update(((application, kind, value), (other, kind, value)))
            explains[(kind, value)].add(pair)
    wrong = pairs_of(keys) ^ stored
    if wrong:  # the keys say more, or less, than the pairs: those keys' pairs keep keys of their own
        held: dict[tuple[int, str], set[str]] = defaultdict(set)
        for application, kind, value in keys:
            held[(application, kind)].add(value)
        unsure = {(kind, value) for application, _, kind in wrong for value in held[(application, kind)]}
        keys = {key for key in keys if (key[1], key[2]) not in unsure}
        for key in unsure:
            for pair in explains.get(key, ()):
                keys.update(_own_keys(pair))
    ordered = sorted(keys)
    for start in range(0, len(ordered), CHUNK):
        bind.execute(
            match_keys.insert(),
            [{"application": a, "kind": k, "value": v} for a, k, v in ordered[start : start + CHUNK]],
        )
    op.create_index(op.f("ix_match_keys_application"), "match_keys", ["application"], unique=False)
    op.drop_table("duplicate_flags")


def downgrade() -> None:
    op.create_table(
        "duplicate_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application", sa.Integer(), nullable=False),
        sa.Column("other", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["application"], ["applications.id"], name=op.f("fk_duplicate_flags_application_applications")
        ),
        sa.ForeignKeyConstraint(["other"], ["applications.id"], name=op.f("fk_duplicate_flags_other_applications")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_flags")),
        sa.UniqueConstraint("application", "other", "kind", name="uq_duplicate_flags_pair"),
    )
    bind = op.get_bind()
    keys = bind.execute(sa.text("SELECT application, kind, value FROM match_keys")).all()
    ordered = sorted(pairs_of(keys))
    for start in range(0, len(ordered), CHUNK):
        bind.execute(
            duplicate_flags.insert(),
            [{"application": a, "other": o, "kind": k} for a, o, k in ordered[start : start + CHUNK]],
        )
    op.drop_index(op.f("ix_match_keys_application"), table_name="match_keys")
    op.drop_table("match_keys")


def _keys_of(values: tuple, kind: str) -> set[str]:
    """An application's keys of `kind`, from its key columns in KEY_COLUMNS order."""
    start = 0
    for name, columns in KEY_COLUMNS.items():
        if name == kind:
            return {value for value in values[start : start + len(columns)] if value}
        start += len(columns)
    return set()


def _own_keys(pair: tuple[int, int, str]) -> tuple[tuple[int, str, str], ...]:
    application, other, kind = pair
    value = f"#pair:{other}:{application}"
    return (application, kind, value), (other, kind, value)


def pairs_of(keys: Iterable[tuple[int, str, str]]) -> set[tuple[int, int, str]]:
    """(application, earlier application, kind) as the keys say them: each application
    resembles the earliest MATCHES_LISTED earlier holders of its keys, per kind."""
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    mine: dict[tuple[int, str], list[str]] = defaultdict(list)
    for application, kind, value in keys:
        holders[(kind, value)].append(application)
        mine[(application, kind)].append(value)
    for found in holders.values():
        found.sort()
    pairs = set()
    for (application, kind), values in mine.items():
        earlier: set[int] = set()
        for value in values:
            found = holders[(kind, value)]
            earlier.update(found[: min(bisect_left(found, application), MATCHES_LISTED)])
        pairs.update((application, other, kind) for other in sorted(earlier)[:MATCHES_LISTED])
    return pairs
