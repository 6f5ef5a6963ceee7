"""Opening a database, and the unit of work every use case runs in."""

from __future__ import annotations

import csv
import getpass
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, event, func, insert, select
from sqlalchemy.exc import DatabaseError, IntegrityError

from app import checked, db, schema
from app.clock import Clock, default_clock
from app.errors import AppError
from app.migrate import ensure_schema
from models.policy import Policy, PolicyBook

T = TypeVar("T")


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some sandboxes
        return "unknown"


#: the table an INSERT, UPDATE or DELETE writes (what a unit of work changed)
_WRITTEN = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


class UnitOfWork:
    """One transaction, and what every use case needs besides it: the clock, the actor
    and the policies. Rolled back unless `commit()` is called; the only way to a
    connection (the command line and the window open it through the database).

        with database.unit_of_work() as uow:
            ...
            uow.commit()

    A writer's transaction on SQLite begins with BEGIN IMMEDIATE (writers queue); on
    PostgreSQL a check-then-write holds the rows it read with `hold()` (FOR UPDATE).
    `changes` names the tables the transaction wrote, so a pane refreshes only what it shows.
    """

    def __init__(self, database: Database, *, write: bool = True, clock: Clock | None = None, actor: str | None = None):
        self.database = database
        self.write = write
        self.clock = clock or database.clock
        self.actor = actor or database.actor
        self.changes: set[str] = set()
        self.connection: Connection | None = None
        self._transaction = None
        self._policies: PolicyBook | None = None
        self.discarded = False

    def __enter__(self) -> UnitOfWork:
        begin = "BEGIN IMMEDIATE" if self.write else "BEGIN"
        self.connection = self.database.engine.connect().execution_options(sqlite_begin=begin)
        event.listen(self.connection, "before_cursor_execute", self._note_write)
        self._transaction = self.connection.begin()
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            if self._transaction is not None and self._transaction.is_active:
                self._transaction.rollback()
        finally:
            event.remove(self.connection, "before_cursor_execute", self._note_write)
            self.connection.close()

    def _note_write(self, _conn, _cursor, statement: str, *_args) -> None:
        written = _WRITTEN.match(statement)
        if written:
            self.changes.add(written.group(1).lower())

    def commit(self) -> None:
        if not self.write:
            raise AppError("a read-only unit of work cannot commit")
        if self.discarded:
            self._transaction.rollback()
            self.changes.clear()
            return
        self._transaction.commit()

    def discard(self) -> None:
        """Roll everything back at the end instead of committing (a strict import that found an
        invalid row): the use case still returns its result."""
        self.discarded = True

    @property
    def conn(self) -> Connection:
        assert self.connection is not None, "use the unit of work in a with block"
        return self.connection

    @property
    def today(self) -> date:
        return self.clock.today()

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def policies(self) -> PolicyBook:
        if self._policies is None:
            self._policies = load_policies(self.conn)
        return self._policies

    def forget_policies(self) -> None:
        """After a use case wrote a policy version: the next read of `policies` loads them again."""
        self._policies = None

    def hold(self, table: Table, ids: Iterable[int] | None = None) -> list[int]:
        """Hold these rows of `table` (every row when `ids` is None) until commit: a second
        writer waits here and then reads what the first one committed. FOR UPDATE on
        PostgreSQL; on SQLite the writer's BEGIN IMMEDIATE already holds the whole file.
        Rows are taken in id order, so that two holders never wait on each other."""
        query = select(table.c.id).order_by(table.c.id).with_for_update()
        if ids is not None:
            ids = sorted(set(ids))
            if not ids:
                return []
            query = query.where(table.c.id.in_(ids))
        return list(self.conn.execute(query).scalars())


@dataclass(frozen=True)
class Outcome:
    """What a use case returned, and the tables its transaction wrote."""

    result: Any
    changes: frozenset[str]


class Database:
    """An open, up-to-date database, who is working on it, and the clock they work by."""

    def __init__(self, url: str, actor: str | None = None, backup_dir: Path | None = None, clock: Clock | None = None):
        self.url = db.normalise_url(url)
        self.actor = actor or default_actor()
        self.clock = clock or default_clock()
        db.probe(self.url)
        path = db.sqlite_path(self.url)
        new = path is not None and not path.exists()
        try:
            self.upgrade_backup = ensure_schema(self.url, backup_dir)
            self.engine: Engine = db.create(self.url)
            self._checked_whole = False
            with self.unit_of_work() as uow:
                if seed_policy(uow.conn, self.actor, uow.now()):
                    uow.commit()
        except BaseException:
            if new:  # a new database that could not be made (a full disk): no empty file is left behind
                if getattr(self, "engine", None) is not None:
                    self.engine.dispose()
                _remove_unmade(path)
            raise

    def unit_of_work(self, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self, write=write)

    def apply(self, use_case: Callable[[Any, UnitOfWork], T], command: Any) -> Outcome:
        """Run one use case in its own transaction and commit it.

        Two people at once: a unique key taken by someone else's transaction in the
        meantime (two acceptances into one workspace, two closes of one month) is
        answered by running the use case once more, so the loser gets the refusal it
        would have got had it come second.
        """
        self.check_whole()
        for attempt in (1, 2):
            with self.unit_of_work() as uow:
                try:
                    result = use_case(command, uow)
                    uow.commit()
                except IntegrityError:
                    if attempt == 2:
                        raise
                    continue
            self._remember_whole()
            return Outcome(result, frozenset(uow.changes))
        raise AssertionError("unreachable")

    def check_whole(self) -> None:
        """Refuse to write into a SQLite file that fails SQLite's quick_check: writing would spread
        the damage. Checked once per opening, and not again while the files are as this program
        last left them (a million applications take 2 s to check)."""
        if self._checked_whole or not self.is_sqlite:
            return
        path = db.sqlite_path(self.url)
        if path is None or not checked.unchanged(path):
            problems = quick_check(self.engine)
            if problems:
                raise DamagedDatabase(
                    f"the database {self.describe()} is damaged ({'; '.join(problems[:3])}): nothing was written. "
                    "Open a backup, or ask for help before working on."
                )
        self._checked_whole = True

    def _remember_whole(self) -> None:
        path = db.sqlite_path(self.url) if self.is_sqlite else None
        if path is not None:
            checked.remember(path)

    def run(self, use_case: Callable[[Any, UnitOfWork], T], command: Any) -> T:
        """`apply()`, for a caller that needs only the result."""
        return self.apply(use_case, command).result

    def query(self, read: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`read(uow, *args)` in a transaction of its own that writes nothing."""
        with self.unit_of_work(write=False) as uow:
            return read(uow, *args, **kwargs)

    def read(self) -> Connection:
        """A bare connection, for tests and benchmarks that look at the tables; the program
        itself reads through `query` (`tests/test_structure.py` keeps the window off it)."""
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


def _remove_unmade(path: Path) -> None:
    """The file this opening made, when nothing was written into it (nor into a journal that
    another program opening it at the same moment would be writing)."""
    journals = [path.with_name(path.name + suffix) for suffix in ("-wal", "-journal")]
    try:
        if path.stat().st_size == 0 and not any(j.exists() and j.stat().st_size for j in journals):
            for leftover in (path, *journals, path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
    except OSError:
        pass


class DamagedDatabase(AppError):
    """SQLite says the file is damaged: it is never written to."""


def quick_check(engine: Engine) -> list[str]:
    """What SQLite's quick_check finds wrong with the file ([] when it is whole)."""
    try:
        with engine.connect() as conn:
            found = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
    except DatabaseError as exc:  # "database disk image is malformed"
        return [str(exc.orig)]
    return [] if found == ["ok"] else found


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
            year_two_window_days=row.year_two_window_days,
        )
        for row in conn.execute(select(schema.policies))
    ]
    return PolicyBook(policies)


def seed_policy(conn: Connection, actor: str, now: datetime) -> bool:
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
            year_two_window_days=default.year_two_window_days,
            created_at=now,
            created_by=actor,
        )
    )
    return True
