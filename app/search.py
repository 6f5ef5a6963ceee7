"""Text search over applications: company, contact, e-mail, domain, application id.

SQLite: an FTS5 trigram table (migration 0003) answers "contains" for three characters
or more; PostgreSQL: the pg_trgm indexes of the same migration serve the plain LIKE.
"""

from __future__ import annotations

from sqlalchemy import Connection, Integer, column, func, or_, select, text

from app import schema

FTS_COLUMNS = ("company", "contact_name", "contact_email", "web_domain", "application_id")


def has_trigram_index(conn: Connection) -> bool:
    """Whether this SQLite database has the FTS5 trigram table (migration 0003; SQLite 3.34+)."""
    cache = conn.engine.__dict__.setdefault("_startup_desk_fts", {})
    if "sqlite" not in cache:
        cache["sqlite"] = conn.dialect.name == "sqlite" and bool(
            conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'applications_fts'").first()
        )
    return cache["sqlite"]


def text_condition(conn: Connection, needle: str, row_id=None):
    """Company, contact, e-mail, domain or application id contains `needle`, case aside.

    On SQLite the FTS5 trigram index answers for three characters or more; on
    PostgreSQL the same LIKE is served by the pg_trgm indexes of migration 0003.
    """
    a = schema.applications.c
    if len(needle) >= 3 and has_trigram_index(conn):
        matches = text("SELECT rowid FROM applications_fts WHERE applications_fts MATCH :phrase").bindparams(
            phrase=fts_phrase(needle)
        )
        return (a.id if row_id is None else row_id).in_(matches.columns(column("rowid", Integer)))
    like = f"%{_escape_like(needle.lower())}%"
    return or_(
        func.lower(a.company).like(like, escape="\\"),
        func.lower(a.contact_name).like(like, escape="\\"),
        func.lower(a.contact_email).like(like, escape="\\"),
        a.web_domain.like(like, escape="\\"),
        func.lower(a.application_id).like(like, escape="\\"),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def count_text_matches(conn: Connection, needle: str, cap: int | None = None) -> int | None:
    """How many applications contain `needle` (at most `cap`: the search stops there), from the
    FTS table alone; None where it cannot answer."""
    if len(needle) < 3 or not has_trigram_index(conn):
        return None
    hits = "SELECT 1 FROM applications_fts WHERE applications_fts MATCH ?" + (f" LIMIT {int(cap)}" if cap else "")
    return conn.exec_driver_sql(f"SELECT count(*) FROM ({hits})", (fts_phrase(needle),)).scalar()


def text_hits(conn: Connection, needle: str, cap: int) -> list[int] | None:
    """The ids of the applications containing `needle`, if there are at most `cap` of them
    (None when there are more, or where the FTS table cannot answer).

    A needle of one or two characters (no trigram) is looked for row by row on SQLite, and
    the look stops at the cap: a common one ("a") is answered after a few thousand rows, and
    its first page is then read by walking the sort's index (issue 17: counting every
    match first took 2-3 s at three million rows)."""
    if len(needle) < 3 and conn.dialect.name == "sqlite":
        query = select(schema.applications.c.id).where(text_condition(conn, needle)).limit(int(cap) + 1)
        ids = list(conn.execute(query).scalars())
        return ids if len(ids) <= cap else None
    if len(needle) < 3 or not has_trigram_index(conn):
        return None
    ids = [
        row_id
        for (row_id,) in conn.exec_driver_sql(
            f"SELECT rowid FROM applications_fts WHERE applications_fts MATCH ? LIMIT {int(cap) + 1}",
            (fts_phrase(needle),),
        )
    ]
    return ids if len(ids) <= cap else None


def fts_phrase(needle: str) -> str:
    """The needle as one FTS5 phrase: its quotes doubled, so nothing in it is query syntax."""
    return '"' + needle.replace('"', '""') + '"'


def index_new_applications(conn: Connection, first_id: int) -> None:
    """Put applications from `first_id` on into the FTS table, in one statement (an import's rows)."""
    if has_trigram_index(conn):
        columns = ", ".join(FTS_COLUMNS)
        conn.exec_driver_sql(
            f"INSERT INTO applications_fts(rowid, {columns}) SELECT id, {columns} FROM applications WHERE id >= ?",
            (first_id,),
        )
