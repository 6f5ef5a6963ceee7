"""Fixtures shared by every tier: databases on SQLite and PostgreSQL, real data files."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from tests.pg import Server

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def pg_server():
    server = Server()
    try:
        url = server.start()
    except Exception as exc:  # a broken local install should say so, not hang
        if os.environ.get("STARTUP_DESK_REQUIRE_PG"):
            raise
        pytest.skip(f"PostgreSQL could not be started: {exc}")
    if url is None:
        if os.environ.get("STARTUP_DESK_REQUIRE_PG"):
            pytest.fail("STARTUP_DESK_REQUIRE_PG is set but no PostgreSQL is available")
        pytest.skip("no PostgreSQL here (install Debian's postgresql or set STARTUP_DESK_TEST_PG)")
    yield url
    server.stop()


def _pg_database(server_url: str):
    from sqlalchemy import create_engine, text

    name = f"sd_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return admin, name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """A fresh, empty database URL on each engine."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'desk.sqlite3'}"
        return
    from sqlalchemy import text

    server_url = request.getfixturevalue("pg_server")
    admin, name = _pg_database(server_url)
    yield f"{server_url}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


#: "today" of the tests that work on a database: after every month their data closes. A test
#: that needs another day moves `clock` (it is the database's); nothing reads the real calendar.
TEST_TODAY = "2027-06-15"


@pytest.fixture
def clock():
    from app.clock import FixedClock

    return FixedClock(TEST_TODAY)


@pytest.fixture
def database(database_url, tmp_path, clock):
    from app.database import Database

    db = Database(database_url, "tester", backup_dir=tmp_path / "backups", clock=clock)
    yield db
    db.close()


@pytest.fixture(autouse=True)
def own_data_folder(monkeypatch, tmp_path_factory):
    """The user data folder (default database, backups, settings) of the tests is their own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data-home")))


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Every database a test opens without a clock of its own (the command line opens one per
    command) works on the tests' today: no test passes or fails with the calendar."""
    from app.clock import ENV_TODAY

    monkeypatch.setenv(ENV_TODAY, TEST_TODAY)
    return TEST_TODAY


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA


@pytest.fixture
def write_csv(tmp_path):
    """Write text (or bytes) to a file in the test's folder and return its path."""

    def write(content: str | bytes, name: str = "applications.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return write
