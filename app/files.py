"""Writing files so that a failure never leaves half a file under the final name."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def temporary_beside(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it into place on success.

    On any exception the temporary file is removed and an existing target is untouched.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    partial = Path(name)
    partial.unlink()  # writers create it themselves (sqlite3 wants a fresh file)
    try:
        yield partial
        os.replace(partial, target)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_file_name(text: str, fallback: str = "file") -> str:
    """A file name made from applicant text: no separators, no dots in front, not too long."""
    name = _UNSAFE.sub("_", text).strip(" ._")[:80]
    return name or fallback
