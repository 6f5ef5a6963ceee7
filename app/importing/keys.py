"""What makes a re-import of a row a no-op: its key, looked up among those stored."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from app import schema
from app.importing.columns import CHUNK, TextColumns, id_key
from app.importing.report import ImportReport


def without_stored_ids(conn: Connection, text: TextColumns, report: ImportReport) -> TextColumns:
    """The rows whose application id is already stored, left out before any check.

    The form's export is cumulative: each morning's file holds every application so
    far and a few new ones. Those already imported are skipped (and counted) without
    parsing them again; what is left is checked, and rows without an id are matched
    on their content later.
    """
    ids = text.columns["application_id"]
    stored = stored_keys(conn, [id_key(application_id) for application_id in ids if application_id])
    if not stored:
        return text
    known = {index for index, application_id in enumerate(ids) if application_id and id_key(application_id) in stored}
    report.duplicates += len(known)
    return text.without(known)


def stored_id_rows(conn: Connection, text: TextColumns) -> set[int]:
    """The row numbers of `text` whose application id is already stored."""
    ids = text.columns["application_id"]
    stored = stored_keys(conn, [id_key(application_id) for application_id in ids if application_id])
    if not stored:
        return set()
    return {
        number
        for number, application_id in zip(text.numbers, ids)
        if application_id and id_key(application_id) in stored
    }


def fresh_rows(conn: Connection, keys: list[str], seen: set[str], report: ImportReport) -> list[int]:
    """The positions of rows not imported before, in the database or earlier in the file;
    the others are counted as duplicates. (Stored application ids were left out already:
    only rows without one are looked up, by their content's digest.)"""
    stored = stored_keys(conn, [key for key in keys if key.startswith("row:")])
    fresh = []
    for index, key in enumerate(keys):
        if key in stored or key in seen:
            report.duplicates += 1
        else:
            seen.add(key)
            fresh.append(index)
    return fresh


def stored_keys(conn: Connection, keys: list[str]) -> set[str]:
    """Which of `keys` are already stored."""
    seen: set[str] = set()
    if not conn.execute(select(schema.applications.c.id).limit(1)).first():
        return seen
    if conn.dialect.name == "sqlite" and keys:
        # one statement, the keys as one JSON array: an import's other thread holds Python's lock
        # for up to 5 ms each time a statement lets go of it, and 500 keys a statement made 200
        # of those waits per 100,000 rows (a second; the look-ups themselves take a fifth of it)
        found = conn.exec_driver_sql(
            "SELECT source_key FROM applications WHERE source_key IN (SELECT value FROM json_each(?))",
            (json.dumps(keys),),
        )
        seen.update(key for (key,) in found.fetchall())
        return seen
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        found = conn.execute(
            select(schema.applications.c.source_key).where(schema.applications.c.source_key.in_(chunk))
        )
        seen.update(key for (key,) in found.fetchall())
    return seen
