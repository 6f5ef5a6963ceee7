"""Text search over applications: company, contact, e-mail, domain, application id.

SQLite: an FTS5 trigram table (migration 0003) answers "contains" for three characters
or more; PostgreSQL: a pg_trgm index over the five values in one (migration 0015) serves a LIKE.
A needle of one or two characters has no trigram: `short_hits` (SQLite, migration 0012) and
`postgres_short_hits` (migration 0022) find it from the same indexes.
"""

from __future__ import annotations

import json

from sqlalchemy import (
    Boolean,
    Connection,
    Integer,
    Text,
    and_,
    any_,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.types import ARRAY

from app import schema
from app.search_backlog import has_sqlite_table, waiting_from


def has_trigram_index(conn: Connection) -> bool:
    """Whether this SQLite database has the FTS5 trigram table (migration 0003; SQLite 3.34+)."""
    return has_sqlite_table(conn, "applications_fts")


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

    A needle of one or two characters (no trigram) is answered from indexes where it is rare
    (`short_hits`, `postgres_short_hits`), else looked for row by row, and the look stops at
    the cap: a common one ("a") is answered after a few thousand rows, and its first page is
    then read by walking the sort's index (issue 17: counting every match first took 2-3 s
    at three million rows)."""
    if len(needle) < 3 and conn.dialect.name == "postgresql":
        return postgres_short_hits(conn, needle, cap)
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
    return has_trigram_index(conn) and has_sqlite_table(conn, "applications_fts_terms")


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


#: PostgreSQL: the characters that can stand beside a short needle in most applications, the
#: letters and digits and the separators nearly every one holds (the line break joins its five
#: values); an application holding any other character is in migration 0022's partial index
WORD = "abcdefghijklmnopqrstuvwxyz0123456789"
SEPARATORS = " \n@.-"
PLAIN = WORD + SEPARATORS
#: migration 0015's indexed expression (`postgres_text` builds it for SQLAlchemy)
SEARCHED_TEXT = (
    "lower(company::text || E'\\n' || contact_name::text || E'\\n' || contact_email::text || E'\\n' "
    "|| web_domain::text || E'\\n' || coalesce(application_id::text, ''))"
)
#: migration 0022's partial index condition, word for word (the planner matches it as written)
RARE_TEXT = f"{SEARCHED_TEXT} ~ '[^abcdefghijklmnopqrstuvwxyz0123456789 \\n@.-]'"
RARE_INDEX = "ix_applications_trgm_rare"
#: letters and digits before a one-character needle per pattern: 6 x 37 trigrams stays within
#: the 256 pg_trgm takes from one regular expression
GROUP = 6


def has_postgres_short_search(conn: Connection) -> bool:
    """Whether this PostgreSQL database has migration 0022's index (pg_trgm, and 0015's beside it)."""
    cache = conn.engine.__dict__.setdefault("_startup_desk_fts", {})
    if "postgres" not in cache:
        cache["postgres"] = bool(conn.exec_driver_sql("SELECT to_regclass(%s)", (RARE_INDEX,)).scalar())
    return cache["postgres"]


def postgres_short_hits(conn: Connection, needle: str, cap: int) -> list[int] | None:
    """A needle of one or two characters (PostgreSQL), from indexes: the ids of the applications
    containing it, if at most `cap` (None when more, or where the indexes cannot answer).

    Every occurrence in an application of plain characters (`PLAIN`) has a plain character
    (or the start or end) beside it: the needle with each of them is a pattern of three
    characters, whose trigrams 0015's index holds. The other applications are migration
    0022's: those holding the needle's characters, tested with the very LIKE a scan uses.
    Each pattern holds the needle, so the hits are the scan's, in milliseconds instead of
    seconds at three million rows. A common needle ("a": a sample finds more than the cap) is
    left to the scan, which stops at the cap at once; so is one of separators only ("@", ".-"),
    which pg_trgm does not index."""
    needle = needle.lower()
    patterns = _neighbour_patterns(needle)
    if patterns is None or not has_postgres_short_search(conn) or _looks_broad(conn, needle, cap):
        return None
    # Seeing the LIMIT, the planner may read rows in order until enough match, each tested
    # against every pattern: seconds (40 s for one letter in 1.3% of 3,000,000 rows)
    before = conn.exec_driver_sql("SELECT current_setting('enable_seqscan')").scalar()
    conn.exec_driver_sql("SELECT set_config('enable_seqscan', 'off', true)")
    try:
        ids = list(conn.execute(postgres_short_query(needle, *patterns, cap)).scalars())
    finally:
        conn.exec_driver_sql("SELECT set_config('enable_seqscan', %s, true)", (before,))
    return sorted(ids) if len(ids) <= cap else None


def answers_short(conn: Connection, needle: str) -> bool:
    """Whether `text_hits` answers a needle of one or two characters from indexes, so that its
    None says "more than the cap" (the sample, or the indexes, found them)."""
    if conn.dialect.name == "sqlite":
        return True  # a look that stops at the cap, from indexes or row by row
    return has_postgres_short_search(conn) and _neighbour_patterns(needle.strip().lower()) is not None


def postgres_short_query(needle: str, regexes: list[str], likes: list[str], cap: int):
    """The ids of up to cap + 1 applications holding `needle`: those matching any of its
    patterns (0015's trigram index), and those in migration 0022's index holding each of its
    characters that contain it."""
    searched = SEARCHED_TEXT
    arms = [f"({RARE_TEXT} AND string_to_array({searched}, NULL) @> :characters AND {searched} LIKE :like)"]
    values = {"characters": sorted(set(needle)), "like": f"%{_escape_like(needle)}%"}
    if regexes:
        arms.append(f"{searched} ~ ANY(:regexes)")
        values["regexes"] = regexes
    if likes:
        arms.append(f"{searched} LIKE ANY(:likes)")
        values["likes"] = likes
    return text(f"SELECT id FROM applications WHERE {' OR '.join(arms)} LIMIT {int(cap) + 1}").bindparams(**values)


def among(conn: Connection, row_id, ids):
    """`row_id` is one of `ids` (a search's hits): one array on PostgreSQL, whose thousands of
    placeholders in an IN took twice as long to count and page."""
    if conn.dialect.name == "postgresql":
        return row_id == any_(bindparam("ids", list(ids), type_=ARRAY(Integer), unique=True))
    return row_id.in_(ids)


def _neighbour_patterns(needle: str) -> tuple[list[str], list[str]] | None:
    """(regular expressions, LIKE patterns) that together find `needle` in every application of
    plain characters, each with a trigram for the index; None where pg_trgm has none to give (a
    needle of separators only, or a line break: the joint of the five values)."""
    if "\n" in needle:
        return None
    if any(c not in PLAIN for c in needle):
        return [], []  # only applications in migration 0022's index hold it
    plain, separator, exact = f"[{WORD}{SEPARATORS}]", f"[{SEPARATORS}]", _regex_literal(needle)
    if needle[0] in WORD and len(needle) == 2:  # the character before it completes a trigram
        return [f"(^|{separator}){exact}", f"[{WORD}]{exact}"], []
    if needle[-1] in WORD and len(needle) == 2:  # "@c": the character after it
        return [f"{exact}{plain}"], [f"%{needle}"]
    if len(needle) == 1 and needle in WORD:  # one letter or digit: the characters on both sides
        groups = [WORD[i : i + GROUP] for i in range(0, len(WORD), GROUP)]
        regexes = [f"(^|{separator}){exact}{plain}", *(f"[{group}]{exact}{plain}" for group in groups)]
        return regexes, [f"%{before}{needle}" for before in PLAIN]  # or at the very end
    return None


def _regex_literal(needle: str) -> str:
    return "".join(c if c in WORD or c == "\n" else "\\" + c for c in needle)


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
