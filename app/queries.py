"""Read-side queries that page, sort and filter in SQL. They return plain rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from app import schema
from app.importing.duplicates import flagged_applications, is_flagged, resembled, resembling
from app.search import among, answers_short, count_text_matches, has_trigram_index, text_condition, text_hits

RULES = {
    "age": "rule_age",
    "funding": "rule_funding",
    "territory": "rule_territory",
    "previous_discount": "rule_previous_discount",
}


def application_summaries(conn: Connection, status: str | None = None, limit: int | None = None) -> list[dict]:
    return list(iter_application_summaries(conn, status, limit))


def iter_application_summaries(conn: Connection, status: str | None = None, limit: int | None = None):
    """SPEC 8's `applications` rows, one at a time from a streaming cursor (a million rows never
    sit in memory at once)."""
    a = schema.applications.c
    query = select(
        a.id, a.application_id, a.company, a.status, a.eligibility, *[a[c] for c in RULES.values()]
    ).order_by(a.id)
    if status:
        query = query.where(a.status == status)
    if limit:
        query = query.limit(limit)
    rules = tuple(RULES)
    for row in conn.execution_options(stream_results=True, yield_per=5_000).execute(query):
        yield {
            "id": row[1] or str(row[0]),
            "company": row[2],
            "status": row[3],
            "eligibility": row[4],
            "rules": dict(zip(rules, row[5:])),
        }


#: `--json`'s line for one application, as `json.JSONEncoder(ensure_ascii=False)` writes it:
#: the text between its values
_JSON_TEXT = ['{"id": ', ', "company": ', ', "status": ', ', "eligibility": ', ', "rules": {"age": ']
_JSON_TEXT += [f', "{rule}": ' for rule in list(RULES)[1:]] + ["}}"]
_JSON_LINE = "{}".join(part.replace("{", "{{").replace("}", "}}") for part in _JSON_TEXT)
_BLOCK = 5_000
LINKS = 20  # possible duplicates the detail lists each way


def iter_application_json(conn: Connection, status: str | None = None, limit: int | None = None):
    """SPEC 8's `applications --json` rows as text, in blocks of lines joined by ",\n  ":
    the same bytes as encoding `iter_application_summaries`' dicts, without building them.
    SQLite quotes the strings itself (`json_quote` escapes as Python's encoder does), so
    each row crosses into Python as one string; elsewhere a streamed cursor's rows are
    quoted by the json module's own C quoting."""
    if conn.dialect.name == "sqlite":
        quoted = ["json_quote(coalesce(application_id, CAST(id AS TEXT)))", "json_quote(company)"]
        quoted += [f"json_quote({c})" for c in ("status", "eligibility", *RULES.values())]
        line = " || ".join(part for i, text in enumerate(_JSON_TEXT) for part in [f"'{text}'", *quoted[i : i + 1]])
        # a block is one string built by SQLite: the rows after the last block's, in id order
        # (`+status`: walked along the ids, never sorted), joined by `group_concat` in that order
        where = "id > ?" + (" AND +status = ?" if status else "")
        sql = (
            f"SELECT group_concat(line, ',\n  '), max(id), count(*) FROM "
            f"(SELECT id, {line} AS line FROM applications WHERE {where} ORDER BY id LIMIT ?)"
        )
        raw, last, left = conn.connection.driver_connection, -1, limit or -1
        while left:
            size = _BLOCK if left < 0 else min(_BLOCK, left)
            block, last, count = raw.execute(sql, (last, status, size) if status else (last, size)).fetchone()
            if not count:
                return
            yield block
            left = left - count if left > 0 else left
        return
    from json.encoder import encode_basestring

    def quote(value) -> str:
        return "null" if value is None else encode_basestring(value)

    a = schema.applications.c
    query = select(a.id, a.application_id, a.company, a.status, a.eligibility, *[a[c] for c in RULES.values()])
    if status:
        query = query.where(a.status == status)
    query = query.order_by(a.id).limit(limit) if limit else query.order_by(a.id)
    result = conn.execution_options(stream_results=True, yield_per=_BLOCK).execute(query)
    for rows in result.partitions():
        yield ",\n  ".join([_JSON_LINE.format(quote(r[1] or str(r[0])), *[quote(v) for v in r[2:]]) for r in rows])


# ---- the queue ---------------------------------------------------------------------

#: Sortable queue columns, in display order.
QUEUE_COLUMNS = ("company", "country", "submitted_on", "total_funding_cents", "partner_code", "status", "eligibility")


@dataclass(frozen=True)
class QueueFilter:
    statuses: tuple[str, ...] = ()
    eligibility: tuple[str, ...] = ()
    country: str = ""
    partner: str = ""
    submitted_from: date | None = None
    submitted_to: date | None = None
    text: str = ""
    flagged_only: bool = False
    ids: tuple[int, ...] = field(default=())
    #: only applications waiting for an answer whose answer-by date is before this day (SPEC 9: overdue)
    overdue_on: date | None = None

    def conditions(self, conn: Connection, walk: str | None = None) -> list:
        """The WHERE terms, steering SQLite's planner (it has no statistics) onto one index:

        - `walk` (a sort column): the other columns' indexes are set aside (`+column`), so
          SQLite reads in the sort's order and stops at the first page instead of
          collecting and sorting every match;
        - otherwise, with a list of ids or a text search, those drive: walking the status
          index and testing each row against them took 0.2 s for ten hits in a million.
        PostgreSQL plans from statistics: nothing is set aside there.
        """
        a = schema.applications.c
        if walk is None and (self.ids or (len(self.text.strip()) >= 3 and has_trigram_index(conn))):
            walk = "id"  # a list of ids, or a search's hits, is the narrowest start
        if conn.dialect.name != "sqlite":
            walk = None

        def col(column):
            if walk is None or column.name == walk:
                return column
            return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)

        where = []
        if self.statuses:
            where.append(col(a.status).in_(self.statuses))
        if self.eligibility:
            where.append(col(a.eligibility).in_(self.eligibility))
        if self.country:
            where.append(col(a.country) == self.country)
        if self.partner:
            where.append(col(a.partner_code) == self.partner)
        if self.submitted_from:
            where.append(col(a.submitted_on) >= self.submitted_from)
        if self.submitted_to:
            where.append(col(a.submitted_on) <= self.submitted_to)
        if self.text.strip():
            where.append(text_condition(conn, self.text.strip(), col(a.id)))
        if self.flagged_only:
            where.append(col(a.id).in_(flagged_applications()))
        if self.ids:
            where.append(among(conn, a.id, self.ids))
        if self.overdue_on is not None:
            f = schema.followups.c
            where.append(col(a.status) == "needs_info")
            where.append(col(a.id).in_(select(f.application).where(f.answer_by < self.overdue_on)))
        return where


def count_queue(conn: Connection, queue: QueueFilter) -> int:
    a = schema.applications
    needle = queue.text.strip()
    if needle and replace(queue, text="") == QueueFilter():
        counted = count_text_matches(conn, needle)  # the search index counts alone, 4x faster when broad
        if counted is not None:
            return counted
    return conn.execute(select(func.count()).select_from(a).where(and_(True, *queue.conditions(conn)))).scalar()


def quick_count(conn: Connection, queue: QueueFilter) -> tuple[int, bool, QueueFilter]:
    """(count, exact, the filter to read pages with), a search's cost paid once.

    On SQLite a search is looked up in its index once: up to BROAD hits become an id
    list that the count and every page use (each FTS evaluation costs tens of
    milliseconds). A search within other filters that hits more answers BROAD + 1 at
    once; its exact count (every hit tested against the filters: 0.4 s for 200,000
    hits) is the caller's to make off the GUI thread, the rows growing or shrinking to it.
    """
    needle = queue.text.strip()
    if needle and not queue.ids:
        hits = text_hits(conn, needle, BROAD)
        if hits is not None:
            narrowed = replace(queue, text="", ids=tuple(hits) or (-1,))  # -1: no application has it
            return count_queue(conn, narrowed), True, narrowed
        if len(needle) < 3 and answers_short(conn, needle):
            return BROAD + 1, False, queue  # more than BROAD: the first page walks the sort's index
        if replace(queue, text="") != QueueFilter():
            capped = count_text_matches(conn, needle, cap=BROAD + 1)
            if capped is not None:
                return capped, False, queue
    # Counting every match takes its time at scale (the open queue of three million: 0.7 s, a
    # date range 0.3-0.5 s): up to BROAD + 1 answers at once, the exact count follows (issue 17)
    capped = select(schema.applications.c.id).where(and_(True, *queue.conditions(conn))).limit(BROAD + 1)
    found = conn.execute(select(func.count()).select_from(capped.subquery())).scalar()
    return found, found <= BROAD, queue


#: Sortable columns with an index in their order (migration 0003).
SORTED_BY_INDEX = {"submitted_on", "company", "total_funding_cents", "country", "partner_code"}
#: Above this many matches, a page is found faster by walking the sort's index and
#: filtering than by collecting every match and sorting it (SQLite's planner, without
#: statistics, prefers the filter's index: 0.8 s for the open queue of a million).
BROAD = 20_000
NEAR = 2_000  # rows from either end of the order within which walking the index pays


def status_since():
    """When the application entered its status: its last transition that changed it (a note
    keeps the status), else its import. Read per row of a page through the transitions'
    application index: the first page of a million rows does not notice it."""
    a, t = schema.applications.c, schema.transitions.c
    last = select(func.max(t.at)).where(t.application == a.id, t.from_status != t.to_status).scalar_subquery()
    return func.coalesce(last, a.imported_at).label("status_since")


def queue_page(
    conn: Connection,
    queue: QueueFilter,
    sort: str = "submitted_on",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    total: int | None = None,
    exact: bool = True,
) -> list[tuple]:
    """Rows (id, version, company, country, submitted_on, funding cents, partner, status, eligibility, flagged,
    the form's application_id, when it entered its status).

    `total` is the filter's count (`exact` False: an upper bound, never used to read from the other end).
    """
    a = schema.applications.c
    if sort not in QUEUE_COLUMNS:
        raise ValueError(f"cannot sort by {sort}")
    if exact and total is not None and offset >= total:
        return []  # past the end, or nothing matches: a search with no match is not looked for twice
    key = a[sort]
    order = [key.desc() if descending else key.asc(), a.id.desc() if descending else a.id.asc()]
    if exact and total is not None and offset > total // 2:
        # Deep pages are read from the other end: OFFSET walks the index, so the last
        # page of a million rows costs no more than the first.
        tail_offset = max(total - offset - limit, 0)
        tail_limit = min(limit, total - offset)
        rows = queue_page(conn, queue, sort, not descending, tail_offset, tail_limit)
        return rows[::-1]
    flagged = is_flagged(a.id)
    # the first pages of a broad filter (the last ones too: they are read from the other end);
    # deeper in, walking costs more than sorting every match
    broad = total is not None and total > BROAD and sort in SORTED_BY_INDEX and offset + limit <= NEAR
    walk = sort if broad and conn.dialect.name == "sqlite" else None  # PostgreSQL's planner has statistics
    query = (
        select(
            a.id,
            a.version,
            a.company,
            a.country,
            a.submitted_on,
            a.total_funding_cents,
            a.partner_code,
            a.status,
            a.eligibility,
            flagged,
            a.application_id,
            status_since(),
        )
        .where(and_(True, *queue.conditions(conn, walk)))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return [tuple(row) for row in conn.execute(query)]


def queue_choices(conn: Connection) -> dict[str, list[str]]:
    """Values for the filter menus: the territory list's countries and the registered partners.

    Read from the two small tables, never from a million applications (a DISTINCT there
    is a full scan: over a second at startup). Unknown partner codes are listed in the
    Deals pane, where they are linked to a partner.
    """
    t, p = schema.territories.c, schema.partners.c
    latest = select(func.max(t.list_version)).scalar_subquery()
    countries = list(conn.execute(select(t.alpha2).where(t.list_version == latest).order_by(t.alpha2)).scalars())
    partners = list(conn.execute(select(p.code).order_by(p.code)).scalars())
    return {"countries": countries, "partners": partners}


def application_detail(conn: Connection, application: int) -> dict:
    """Everything the detail panel shows about one application."""
    a = schema.applications
    row = conn.execute(select(a).where(a.c.id == application)).one()
    t = schema.transitions.c
    history = [
        dict(r._mapping)
        for r in conn.execute(select(schema.transitions).where(t.application == application).order_by(t.id))
    ]
    duplicates = _flag_links(conn, resembled(conn, application, LINKS))  # earlier ones this one resembles
    later = _flag_links(conn, resembling(conn, application, LINKS))  # later ones flagged against this one
    p = schema.partners.c
    partner = (
        conn.execute(select(p.name, p.status).where(p.code == row.partner_code)).first() if row.partner_code else None
    )
    e = schema.enrollments.c
    enrollment = conn.execute(select(e.workspace, e.status, e.accepted_on).where(e.application == application)).first()
    requests = []
    if enrollment is not None:
        from app.deal_queries import request_rows

        requests = [
            {"title": f"{r.partner}: {r.title}", "status": r.status, "at": r.decided_at or r.requested_at}
            for r in request_rows(conn, workspace=enrollment.workspace)
        ]
    return {
        "deal_requests": requests,
        "row": dict(row._mapping),
        "rules": rule_explanations(conn, row),
        "history": history,
        "duplicates": duplicates,
        "flagged_by": later,
        "partner": dict(partner._mapping) if partner else None,
        "enrollment": dict(enrollment._mapping) if enrollment else None,
    }


def application_document(uow, ref: str | int) -> dict:
    """One application whole, for `show --json`: its fields, each rule's outcome and reason
    under the policy it was judged by, possible duplicates both ways, and its history."""
    from app.services.applications import find_application_row

    conn = uow.conn
    detail = application_detail(conn, find_application_row(conn, ref).id)
    from models.money import plain

    fields = {}
    for key, value in detail["row"].items():
        if key in ("source_key", "import_batch"):
            continue
        if key.endswith("_cents"):  # money in JSON is a string with two decimals (SPEC 8)
            key, value = key[: -len("_cents")] + "_usd", None if value is None else plain(value)
        fields[key] = value
    return {
        "fields": fields,
        "rules": detail["rules"],
        "duplicates": detail["duplicates"],
        "flagged_by": detail["flagged_by"],
        "partner": detail["partner"],
        "enrollment": detail["enrollment"],
        "history": detail["history"],
        "deal_requests": detail["deal_requests"],
    }


def _flag_links(conn: Connection, pairs: list[tuple[int, str]]) -> list[dict]:
    """Duplicate flags of one application, (other application, kind) in order: the other's
    company, status and form id beside each."""
    other = schema.applications.c
    ids = sorted({other_id for other_id, _ in pairs})
    shown = (
        {
            row.id: row
            for row in conn.execute(
                select(other.id, other.company, other.status, other.application_id).where(other.id.in_(ids))
            )
        }
        if ids
        else {}
    )
    return [
        {
            "kind": kind,
            "id": other_id,
            "company": shown[other_id].company,
            "status": shown[other_id].status,
            "application_id": shown[other_id].application_id,
        }
        for other_id, kind in pairs
    ]


def rule_explanations(conn: Connection, row) -> list[tuple[str, str, str]]:
    """(rule, outcome, reason) for an application row, under the policy it was judged by."""
    from app.database import load_policies
    from app.services.applications import application_from_row
    from models.eligibility import evaluate

    policy = load_policies(conn).by_version(row.policy_version)
    verdict = evaluate(application_from_row(row), policy, row.prior_note)
    return [(r.rule, r.outcome.value, r.reason) for r in verdict.results]
