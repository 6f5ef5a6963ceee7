"""Column mappings: saved in the database by name, shipped with the app, or given as a file.

A shipped mapping is deleted like a saved one: the database keeps a tombstone (a row
with an empty spec) that hides it, and saving the name again brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.importing.mapping import Mapping, builtin_mapping, builtin_mapping_names

#: A mapping file is read whole: larger than this, it is no mapping.
MAX_MAPPING_FILE = 1_000_000


@dataclass(frozen=True)
class SaveMapping:
    """Save `mapping` under `name` (replacing one of that name, or bringing back a deleted shipped one)."""

    name: str
    mapping: Mapping


@dataclass(frozen=True)
class DeleteMapping:
    """Delete a saved mapping, or hide a shipped one."""

    name: str


def find_mapping(uow: UnitOfWork, name: str) -> Mapping:
    m = schema.column_mappings
    row = uow.conn.execute(select(m).where(m.c.name == name)).first()
    if row is not None and row.spec:
        return Mapping.from_json(row.spec, name)
    mapping = builtin_mapping(name) if row is None else None
    if mapping is None:
        raise AppError(f"no column mapping named {name!r} (known: {', '.join(mapping_names(uow)) or 'none'})")
    return mapping


def mapping_from_file(path: Path | str) -> Mapping:
    """A mapping given as a JSON file (`--mapping FILE.json`), used without saving it."""
    path = Path(path)
    try:
        if path.is_dir():
            raise AppError(f"{path}: is a folder, not a mapping file")
        if path.stat().st_size > MAX_MAPPING_FILE:
            raise AppError(f"{path}: too large for a column mapping")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise AppError(f"{path}: no such mapping file") from exc
    except OSError as exc:
        raise AppError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise AppError(f"{path}: a mapping file is UTF-8 JSON ({exc})") from exc
    return Mapping.from_json(text, path.stem)


def looks_like_a_file(text: str) -> bool:
    """`--mapping` names a file when it ends in .json or holds a path separator."""
    return text.lower().endswith(".json") or "/" in text or "\\" in text


def resolve_mapping(uow: UnitOfWork, text: str) -> Mapping:
    """`--mapping NAME` or `--mapping FILE.json`: a saved or shipped mapping by name, else a file."""
    if looks_like_a_file(text):
        return mapping_from_file(text)
    return find_mapping(uow, text)


def mapping_names(uow: UnitOfWork) -> list[str]:
    rows = list(uow.conn.execute(select(schema.column_mappings.c.name, schema.column_mappings.c.spec)))
    saved = {name for name, spec in rows if spec}
    deleted = {name for name, spec in rows if not spec}
    return sorted(saved | (set(builtin_mapping_names()) - deleted))


def save_mapping(command: SaveMapping, uow: UnitOfWork) -> None:
    name, mapping = command.name.strip(), command.mapping
    if not name:
        raise AppError("a mapping needs a name")
    if looks_like_a_file(name):
        raise AppError(f"a mapping's name cannot end in .json or hold a path separator: {name!r}")
    m = schema.column_mappings
    uow.conn.execute(delete(m).where(m.c.name == name))
    uow.conn.execute(insert(m).values(name=name, kind=mapping.kind, spec=mapping.to_json(), updated_at=uow.now()))


def delete_mapping(command: DeleteMapping, uow: UnitOfWork) -> str:
    """Says which it did: deleted a saved mapping, or hid a shipped one."""
    name = command.name
    known = mapping_names(uow)
    if name not in known:
        raise AppError(f"no column mapping named {name!r} (known: {', '.join(known) or 'none'})")
    shipped = name in builtin_mapping_names()
    m = schema.column_mappings
    uow.conn.execute(delete(m).where(m.c.name == name))
    if shipped:  # a tombstone hides the shipped one
        uow.conn.execute(insert(m).values(name=name, kind="deleted", spec="", updated_at=uow.now()))
        return f"mapping {name} deleted (a shipped one: saving the name again brings a mapping back)"
    return f"mapping {name} deleted"
