"""Saved column mappings: by name, in the database, or shipped with the app."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from app import schema
from app.database import Database, utcnow
from app.errors import AppError
from app.importing.mapping import Mapping, builtin_mapping, builtin_mapping_names


def find_mapping(database: Database, name: str) -> Mapping:
    with database.read() as conn:
        row = conn.execute(select(schema.column_mappings).where(schema.column_mappings.c.name == name)).first()
    if row is not None:
        return Mapping.from_json(row.spec, name)
    mapping = builtin_mapping(name)
    if mapping is None:
        raise AppError(f"no column mapping named {name!r} (known: {', '.join(mapping_names(database)) or 'none'})")
    return mapping


def mapping_names(database: Database) -> list[str]:
    with database.read() as conn:
        saved = list(conn.execute(select(schema.column_mappings.c.name)).scalars())
    return sorted(set(saved) | set(builtin_mapping_names()))


def save_mapping(database: Database, name: str, mapping: Mapping) -> None:
    name = name.strip()
    if not name:
        raise AppError("a mapping needs a name")
    with database.unit_of_work() as uow:
        uow.conn.execute(delete(schema.column_mappings).where(schema.column_mappings.c.name == name))
        uow.conn.execute(
            insert(schema.column_mappings).values(
                name=name, kind=mapping.kind, spec=mapping.to_json(), updated_at=utcnow()
            )
        )
        uow.commit()
