"""Which SQLite files this program last left whole, so a command need not check them again.

A file is remembered with the size and modification time of it and its write-ahead
log after a write of ours committed; while both are as we left them, nobody else has
written, and SQLite's quick_check need not read the whole file again. Anything else
(another program, a copy, a disk fault) changes them, and the next write checks first.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def _signature(path: Path) -> list[int]:
    signature = []
    for file in (path, Path(f"{path}-wal")):
        try:
            stat = file.stat()
            signature += [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        except OSError:
            signature += [-1, -1, -1]
    return signature


def _store() -> Path:
    from app.db import user_data_dir

    return user_data_dir() / "checked-databases.json"


def _load() -> dict[str, list[int]]:
    try:
        return json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def unchanged(path: Path) -> bool:
    """The file is as a write of ours left it."""
    return _load().get(str(path)) == _signature(path)


def remember(path: Path) -> None:
    """After a write of ours: the file is whole as it stands (best effort; a read-only home is fine)."""
    known = _load()
    known[str(path)] = _signature(path)
    try:
        store = _store()
        partial = store.with_suffix(".tmp")
        partial.write_text(json.dumps(known), encoding="utf-8")
        os.replace(partial, store)
    except OSError:
        pass
