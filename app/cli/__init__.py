"""The command line (SPEC 8): `startup-desk [--db URL] [--user NAME] COMMAND`.

One module per command group; each registers its sub-commands with
`set_defaults(handler=…)`. Only argparse is imported up front: each command imports
what it needs, so `--help` and the quick commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from app.cli import admin, applications, deals, exports, files, ledger, lifecycle
from app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, json_parent  # noqa: F401  (the exit codes are the contract)

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE"]

GuiRunner = Callable[[argparse.Namespace], int]
GROUPS = (admin, files, applications, ledger, deals, exports, lifecycle)

EPILOG = """exit status:
  0  done
  1  data or a rule refused (the reason on stderr; nothing was changed)
  2  the command itself is malformed (a usage error)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="startup-desk",
        description="Startup Desk: triage startup program applications, keep the credit ledger, export billing.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db", help="database URL or SQLite file (default: STARTUP_DESK_DB, else the per-user database)"
    )
    parser.add_argument("--user", help="who the audit trail records (default: the OS user)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    shared = json_parent()
    for group in GROUPS:
        group.register(commands, shared)
    return parser


def main(argv: Sequence[str] | None = None, gui: GuiRunner | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # a usage error (exit 2, said on stderr) or --help (exit 0)
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    if args.command in (None, "gui"):
        if gui is None:
            parser.error("the window is started by the startup-desk program (ui.launcher)")
        args.demo = getattr(args, "demo", False)
        return gui(args)
    try:
        return args.handler(args)
    except BrokenPipeError:
        # the reader went away (`applications --json | head`): not our failure, and nothing more to say
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("startup-desk: interrupted; nothing more was changed", file=sys.stderr)
        return 130
    except Exception as exc:  # the one boundary: every failure is one line and an exit code
        from app.errors import explain

        message, code = explain(exc)
        print(f"startup-desk: {message}", file=sys.stderr)
        return code


def _quiet_stdout() -> None:
    """After a broken pipe, Python would complain again when it flushes stdout at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
