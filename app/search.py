"""Text search over applications: company, contact, e-mail, domain, application id.

SQLite: an FTS5 trigram table (migration 0003) answers "contains" for three characters
or more; PostgreSQL: a pg_trgm index over the five values in one (migration 0015) serves a LIKE.
"""

from __future__ import annotations

import json

from sqlalchemy import Boolean, Connection, Integer, Text, and_, cast, column, func, literal_column, or_, select, text

from app import schema
from app.search_backlog import waiting_from


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
    PostgreSQL one LIKE over the five values joined is served by migration 0015's pg_trgm index.
    """
    a = schema.applications.c
    if len(needle) >= 3 and has_trigram_index(conn):
        row_id = a.id if row_id is None else row_id
        matches = text("SELECT rowid FROM applications_fts WHERE applications_fts MATCH :phrase").bindparams(
            phrase=fts_phrase(needle)
        )
        indexed = row_id.in_(matches.columns(column("rowid", Integer)))
        start = waiting_from(conn)  # the rows an import left for the index to take in after it
        return indexed if start is None else or_(indexed, and_(row_id >= start, _folded_contains(needle)))
    if conn.dialect.name == "postgresql" and "\n" not in needle:
        return postgres_text().like(f"%{_escape_like(needle.lower())}%", escape="\\")
    return like_condition(needle)


def _folded_contains(needle: str):
    """What the trigram table would answer, tested row by row: a searched value holds `needle`,
    case folded as the table folds it (SQLite's lower() folds ASCII letters only)."""
    a = schema.applications.c
    values = (a.company, a.contact_name, a.contact_email, a.web_domain, a.application_id)
    return func.folded_contains(needle.lower(), *values, type_=Boolean)


def like_condition(needle: str):
    """Any searched value contains `needle`, tested row by row."""
    a = schema.applications.c
    like = f"%{_escape_like(needle.lower())}%"
    return or_(
        func.lower(a.company).like(like, escape="\\"),
        func.lower(a.contact_name).like(like, escape="\\"),
        func.lower(a.contact_email).like(like, escape="\\"),
        a.web_domain.like(like, escape="\\"),
        func.lower(a.application_id).like(like, escape="\\"),
    )


def postgres_text():
    """The searched values of an application in one lowered text, a line break between each:
    the expression of migration 0015's trigram index, built the same way so that PostgreSQL
    uses the index. A needle holding a line break, the joint, is looked for value by value instead."""
    a = schema.applications.c
    parts = [cast(a.company, Text), cast(a.contact_name, Text), cast(a.contact_email, Text), cast(a.web_domain, Text)]
    parts.append(func.coalesce(cast(a.application_id, Text), literal_column("''")))
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(literal_column("E'\\n'")).op("||")(part)
    return func.lower(joined)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def count_text_matches(conn: Connection, needle: str, cap: int | None = None) -> int | None:
    """How many applications contain `needle` (at most `cap`: the search stops there), from the
    FTS table alone; None where it cannot answer."""
    if len(needle) < 3 or not has_trigram_index(conn):
        return None
    hits = "SELECT 1 FROM applications_fts WHERE applications_fts MATCH ?" + (f" LIMIT {int(cap)}" if cap else "")
    found = conn.exec_driver_sql(f"SELECT count(*) FROM ({hits})", (fts_phrase(needle),)).scalar()
    waiting = _waiting_hits(conn, needle, None if cap is None else cap - found)
    return found + len(waiting)


def text_hits(conn: Connection, needle: str, cap: int) -> list[int] | None:
    """The ids of the applications containing `needle`, if there are at most `cap` of them
    (None when there are more, or where the FTS table cannot answer).

    A needle of one or two characters (no trigram) is looked for row by row on SQLite, and
    the look stops at the cap: a common one ("a") is answered after a few thousand rows, and
    its first page is then read by walking the sort's index (issue 17: counting every
    match first took 2-3 s at three million rows)."""
    if len(needle) < 3 and conn.dialect.name == "sqlite":
        if has_short_search(conn) and needle.isascii():
            return short_hits(conn, needle, cap)
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
    if len(ids) <= cap:
        ids += _waiting_hits(conn, needle, cap + 1 - len(ids))
    return ids if len(ids) <= cap else None


def _waiting_hits(conn: Connection, needle: str, cap: int | None) -> list[int]:
    """The ids (at most `cap`) of the applications not yet in the trigram table that contain
    `needle` (app.search_backlog): read row by row, from the first waiting one on."""
    start = waiting_from(conn)
    if start is None or (cap is not None and cap <= 0):
        return []
    a = schema.applications.c
    test = _folded_contains(needle) if len(needle) >= 3 else like_condition(needle)  # as for the indexed rows
    query = select(a.id).where(a.id >= start, test).order_by(a.id)
    return list(conn.execute(query if cap is None else query.limit(cap)).scalars())


def has_short_search(conn: Connection) -> bool:
    """Whether this SQLite database has migration 0012's vocabulary of the trigram table."""
    cache = conn.engine.__dict__.setdefault("_startup_desk_fts", {})
    if "terms" not in cache:
        cache["terms"] = has_trigram_index(conn) and bool(
            conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'applications_fts_terms'").first()
        )
    return cache["terms"]


#: migration 0012's partial index: an application with a searched value too short for a trigram
SHORT_TEXT = (
    "length(company) BETWEEN 1 AND 2 OR length(contact_name) BETWEEN 1 AND 2 "
    "OR length(contact_email) BETWEEN 1 AND 2 OR length(web_domain) BETWEEN 1 AND 2 "
    "OR length(application_id) BETWEEN 1 AND 2"
)
#: a one-character needle is looked up as this many trigrams at most (each pair of characters
#: around it); beyond, row by row
MAX_TRIGRAMS = 6_000


def short_hits(conn: Connection, needle: str, cap: int) -> list[int] | None:
    """A needle of one or two ASCII characters (SQLite), from indexes: the ids of the applications
    containing it, if at most `cap` (None when more).

    Every occurrence in a value of three characters or more lies in one of its trigrams, the
    needle first, second or third in it; the trigram table's vocabulary gives the characters
    around it (the alphabet), and the trigram table the applications holding any of those
    trigrams, in one lookup. Values shorter than three have the partial index of migration
    0012. The candidates (the trigram table folds case more widely than LIKE) are then tested
    with the very LIKE a scan uses: the hits are the scan's, in milliseconds instead of
    seconds at a million rows."""
    needle = needle.lower()
    alphabet = _alphabet(conn)
    if len(needle) == 2:
        trigrams = {needle + c for c in alphabet} | {c + needle for c in alphabet}
    elif _looks_broad(conn, needle, cap):
        return None  # a common letter: thousands of trigrams cost more than walking the sort's index
    elif len(alphabet) ** 2 * 3 <= MAX_TRIGRAMS:
        pairs = [c + d for c in alphabet for d in alphabet]
        trigrams = {needle + p for p in pairs} | {p[0] + needle + p[1] for p in pairs} | {p + needle for p in pairs}
    else:
        return None if _scan_count(conn, needle, cap) > cap else _scan(conn, needle)
    phrases = " OR ".join(fts_phrase(t) for t in sorted(trigrams))
    candidates = (
        [  # none when the trigram table is empty (a first import not yet in it)
            row_id
            for (row_id,) in conn.exec_driver_sql(
                f"SELECT rowid FROM applications_fts WHERE applications_fts MATCH ? LIMIT {int(cap) + 1}", (phrases,)
            )
        ]
        if phrases
        else []
    )
    if len(candidates) > cap:
        return None
    a = schema.applications
    condition = text_condition(conn, needle)
    listed = text("SELECT value FROM json_each(:ids)").bindparams(ids=json.dumps(candidates))
    hits = set(
        conn.execute(select(a.c.id).where(a.c.id.in_(listed.columns(column("value", Integer))), condition)).scalars()
    )
    short = text(f"SELECT id FROM applications WHERE ({SHORT_TEXT})").columns(column("id", Integer))
    hits.update(conn.execute(select(a.c.id).where(a.c.id.in_(short), condition)).scalars())
    hits.update(_waiting_hits(conn, needle, cap + 1))
    return sorted(hits) if len(hits) <= cap else None


SAMPLE = 4_000


def _looks_broad(conn: Connection, needle: str, cap: int) -> bool:
    """Whether the first SAMPLE applications hold the needle often enough for more than `cap` in
    all (only the way to the same rows depends on it)."""
    a = schema.applications.c
    bound = conn.execute(select(a.id).order_by(a.id).offset(SAMPLE - 1).limit(1)).scalar()
    if bound is None:
        return False
    hits = conn.execute(select(func.count()).where(a.id <= bound, text_condition(conn, needle))).scalar()
    last = conn.execute(select(func.max(a.id))).scalar()
    return hits * last > cap * bound


def _scan(conn: Connection, needle: str) -> list[int]:
    return list(conn.execute(select(schema.applications.c.id).where(text_condition(conn, needle))).scalars())


def _scan_count(conn: Connection, needle: str, cap: int) -> int:
    query = select(schema.applications.c.id).where(text_condition(conn, needle)).limit(int(cap) + 1)
    return len(list(conn.execute(query).scalars()))


def _alphabet(conn: Connection) -> tuple[str, ...]:
    """Every character that starts a trigram of the index (so every character of a value that is
    followed by two more), one seek each; kept until the index changes (its structure record,
    which every write of the trigram table rewrites)."""
    cache = conn.engine.__dict__.setdefault("_startup_desk_fts", {})
    structure = conn.exec_driver_sql("SELECT block FROM applications_fts_data WHERE id = 10").scalar()
    if cache.get("alphabet", (None,))[0] != structure:
        characters, start = [], ""
        while True:
            term = conn.exec_driver_sql(
                "SELECT term FROM applications_fts_terms WHERE term >= ? LIMIT 1", (start,)
            ).scalar()
            if term is None:
                break
            characters.append(term[0])
            start = _successor(term[0])
        cache["alphabet"] = (structure, tuple(characters))
    return cache["alphabet"][1]


def _successor(text: str) -> str:
    """The least string after every string that starts with `text` (code point order, which is
    UTF-8's byte order: the vocabulary's)."""
    code = ord(text[-1]) + 1
    if 0xD800 <= code < 0xE000:
        code = 0xE000
    return text[:-1] + chr(min(code, 0x10FFFF))


def fts_phrase(needle: str) -> str:
    """The needle as one FTS5 phrase: its quotes doubled, so nothing in it is query syntax."""
    return '"' + needle.replace('"', '""') + '"'
