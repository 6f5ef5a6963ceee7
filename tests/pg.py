"""A throwaway PostgreSQL server for the tests.

`STARTUP_DESK_TEST_PG` (a server URL whose user may create databases) wins;
otherwise, where Debian's PostgreSQL binaries are installed, a private cluster is
started in a temporary folder (as the `postgres` user when running as root) and
stopped at the end. `STARTUP_DESK_REQUIRE_PG=1` (set by CI) makes a missing server
an error instead of a skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _binaries() -> Path | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self) -> None:
        self.folder: Path | None = None
        self.bin: Path | None = None
        self.user_prefix: list[str] = []
        self.url: str | None = None

    def start(self) -> str | None:
        if os.environ.get("STARTUP_DESK_TEST_PG"):
            self.url = os.environ["STARTUP_DESK_TEST_PG"].rstrip("/")
            return self.url
        self.bin = _binaries()
        if self.bin is None:
            return None
        self.folder = Path(tempfile.mkdtemp(prefix="startup-desk-pg-"))
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root.
            shutil.chown(self.folder, "postgres", "postgres")
            self.user_prefix = ["runuser", "-u", "postgres", "--"]
        data = self.folder / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8")
        # Each pytest-xdist worker starts a cluster of its own: a port taken between the probe and
        # the start (another worker's) is given up for a new one.
        for attempt in range(3):
            port = _free_port()
            options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            try:
                self._run(
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(self.folder / "log"),
                    "-w",
                    "start",
                )
                break
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}"
        return self.url

    def _run(self, *command: str) -> None:
        subprocess.run([*self.user_prefix, *command], check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        if self.folder is not None and self.bin is not None:
            subprocess.run(
                [
                    *self.user_prefix,
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.folder / "data"),
                    "-m",
                    "immediate",
                    "stop",
                ],
                capture_output=True,
                timeout=60,
            )
            shutil.rmtree(self.folder, ignore_errors=True)
