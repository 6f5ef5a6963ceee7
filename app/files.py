"""Writing files so that a failure never leaves half a file under the final name.

Every file the program writes goes through `temporary_beside`: it is written under a
temporary name in the target's folder and renamed into place only when complete. A
failure to write (permission denied, a read-only folder, a full disk, a folder where
a file is meant) is one `AppError` naming the file and the reason, and the target is
left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from app.errors import AppError

#: the errors of a file system that has no hard links (FAT, some network shares)
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EACCES, errno.EMLINK}


class WriteFailed(AppError):
    """A file could not be written; nothing was put in its place."""


def cannot_write(target: Path, error: OSError) -> WriteFailed:
    reason = error.strerror or str(error) or type(error).__name__
    return WriteFailed(f"cannot write {target}: {reason}")


@contextlib.contextmanager
def temporary_beside(target: Path, *, replace: bool = True) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it into place on success.

    With `replace=False` an existing target is never overwritten: `FileExistsError` is
    raised instead (also when someone else's file appears there meanwhile).
    On any exception the temporary file is removed and an existing target is untouched.
    """
    target = Path(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".partial", dir=target.parent)
    except OSError as error:
        raise cannot_write(target, error) from error
    os.close(fd)
    partial = Path(name)
    partial.unlink()  # writers create it themselves (sqlite3 wants a fresh file)
    try:
        try:
            yield partial
        except OSError as error:
            if error.filename is not None and not str(error.filename).startswith(str(partial)):
                raise  # about another file (a source being read), not the one being written
            raise cannot_write(target, error) from error
        try:
            _put_in_place(partial, target, replace)
        except FileExistsError:
            raise
        except OSError as error:
            raise cannot_write(target, error) from error
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _put_in_place(partial: Path, target: Path, replace: bool) -> None:
    if replace:
        os.replace(partial, target)
        return
    try:
        os.link(partial, target)  # fails if the target exists, atomically
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        if target.exists() or target.is_symlink():
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(partial, target)
    else:
        partial.unlink()


_UNSAFE_RUNS = re.compile(r"\x00+")


def safe_file_name(text: str, fallback: str = "file") -> str:
    """A file name made from applicant text: letters, marks and digits of any script, '.', '-',
    '_' and spaces; no separators, no dots in front, not too long."""
    kept = "".join(ch if ch in "._- " or unicodedata.category(ch)[0] in "LMN" else "\x00" for ch in text)
    name = _UNSAFE_RUNS.sub("_", kept).strip(" ._")[:80]
    # file systems count bytes (255 at most): 80 characters of CJK or emoji are 240 to 320 of them
    name = name.encode("utf-8")[:LONGEST_NAME_BYTES].decode("utf-8", "ignore").strip(" ._").lstrip("- ")
    return name or fallback


#: the most bytes of a name made by safe_file_name: two of them, a number and a suffix fit in 255
LONGEST_NAME_BYTES = 100
