"""Opening a database, and the unit of work every use case runs in."""

from __future__ import annotations

import csv
import getpass
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select

from app import db, schema
from app.migrate import ensure_schema
from models.policy import Policy, PolicyBook


def utcnow() -> datetime:
    """Naive UTC: the same on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some sandboxes
        return "unknown"


class UnitOfWork:
    """One transaction: committed by `commit()`, rolled back otherwise.

    with database.unit_of_work() as uow:
        ...
        uow.commit()
    """

    def __init__(self, database: Database):
        self.database = database
        self.actor = database.actor
        self.connection: Connection | None = None
        self._transaction = None

    def __enter__(self) -> UnitOfWork:
        self.connection = self.database.engine.connect().execution_options(sqlite_begin="BEGIN IMMEDIATE")
        self._transaction = self.connection.begin()
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self._transaction is not None and self._transaction.is_active:
                self._transaction.rollback()
        finally:
            self.connection.close()

    def commit(self) -> None:
        self._transaction.commit()

    @property
    def conn(self) -> Connection:
        assert self.connection is not None, "use the unit of work in a with block"
        return self.connection

    def policies(self) -> PolicyBook:
        return load_policies(self.conn)


class Database:
    """An open, up-to-date database and who is working on it."""

    def __init__(self, url: str, actor: str | None = None, backup_dir: Path | None = None):
        self.url = db.normalise_url(url)
        self.actor = actor or default_actor()
        self.upgrade_backup = ensure_schema(self.url, backup_dir)
        self.engine: Engine = db.create(self.url)
        with self.unit_of_work() as uow:
            if seed_policy(uow.conn, self.actor):
                uow.commit()

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self)

    def read(self) -> Connection:
        """A connection for queries (use in a with block)."""
        return self.engine.connect()

    @property
    def is_sqlite(self) -> bool:
        return db.is_sqlite(self.url)

    def describe(self) -> str:
        """Where the data is, for titles and messages (no password)."""
        path = db.sqlite_path(self.url)
        if path is not None:
            return str(path)
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def load_policies(conn: Connection) -> PolicyBook:
    lists: dict[int, frozenset[str]] = {}
    rows = conn.execute(
        select(schema.territories.c.list_version, schema.territories.c.alpha2).where(schema.territories.c.eligible)
    )
    grouped: dict[int, set[str]] = {}
    for version, alpha2 in rows:
        grouped.setdefault(version, set()).add(alpha2)
    lists = {version: frozenset(codes) for version, codes in grouped.items()}
    policies = [
        Policy(
            version=row.version,
            effective_from=row.effective_from,
            annual_credit=row.annual_credit_cents,
            program_years=row.program_years,
            max_age_years=row.max_age_years,
            max_funding=row.max_funding_cents,
            renewal_discount=Decimal(row.renewal_discount_bp) / 10_000,
            territory_list_version=row.territory_list_version,
            eligible_territories=lists.get(row.territory_list_version, frozenset()),
        )
        for row in conn.execute(select(schema.policies))
    ]
    return PolicyBook(policies)


def seed_policy(conn: Connection, actor: str) -> bool:
    """The program's default policy (SPEC 1) and territory list v1, on a new database."""
    if conn.execute(select(func.count()).select_from(schema.policies)).scalar():
        return False
    text = resources.files("resources").joinpath("data/eligible_territories.csv").read_text(encoding="utf-8")
    rows = [
        {
            "list_version": 1,
            "alpha2": row["alpha2"],
            "name": row["name"],
            "eligible": row["eligible"].strip().lower() == "yes",
            "review_note": row["review_note"],
        }
        for row in csv.DictReader(io.StringIO(text))
    ]
    conn.execute(insert(schema.territories), rows)
    default = Policy(version=1, effective_from=date(2000, 1, 1))
    conn.execute(
        insert(schema.policies).values(
            version=1,
            effective_from=default.effective_from,
            annual_credit_cents=default.annual_credit,
            program_years=default.program_years,
            max_age_years=default.max_age_years,
            max_funding_cents=default.max_funding,
            renewal_discount_bp=int(default.renewal_discount * 10_000),
            territory_list_version=1,
            created_at=utcnow(),
            created_by=actor,
        )
    )
    return True
