"""The command line (SPEC 8): `startup-desk [--db URL] [--user NAME] COMMAND`.

One module per command group; each registers its sub-commands with
`set_defaults(handler=…)`. Only argparse is imported up front: each command imports
what it needs, so `--help` and the quick commands start fast.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence

from app.cli import admin, applications, deals, exports, files, ledger, lifecycle, outbox
from app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, json_parent, user_name  # noqa: F401  (the exit codes are the contract)

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE"]

GuiRunner = Callable[[argparse.Namespace], int]
GROUPS = (admin, files, applications, ledger, deals, exports, outbox, lifecycle)

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
    parser.add_argument("--user", type=user_name, help="who the audit trail records (default: the OS user)")
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
    previous_hook, sys.unraisablehook = sys.unraisablehook, _log_unraisable
    try:
        return _run(args)
    finally:
        if previous_hook is not sys.__unraisablehook__:  # a test runner's own hook comes back
            sys.unraisablehook = previous_hook


def _run(args: argparse.Namespace) -> int:
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
        message, code = _explained(exc)
        print(f"startup-desk: {message}", file=sys.stderr)
    import gc

    gc.collect()  # what the failure left half-done (its frames are free now) is collected while the hook is ours
    return code


def _log_unraisable(unraisable) -> None:
    """An error Python cannot raise (a library's half-closed file, collected after a failure)
    goes to the log, not to the terminal as a traceback after our one line."""
    from app.errors import log_unexpected

    if unraisable.exc_value is not None:
        log_unexpected(unraisable.exc_value)


#: a message quoting what was typed or read is cut here, so it stays one readable line
LONGEST_MESSAGE = 1000
#: what SQLAlchemy adds to a driver's words: the exception's class and a link for developers
_NOISE = re.compile(r"\((?:sqlite3|psycopg)(?:\.\w+)*\.\w+\) | ?\(Background on this error at: [^)]*\)")


def _explained(exc: Exception) -> tuple[str, int]:
    """`explain()`, which never fails itself: the boundary must not raise what it catches."""
    try:
        from app.errors import explain

        message, code = explain(exc)
    except Exception:  # noqa: BLE001 - the last resort of the boundary
        message, code = f"unexpected error ({type(exc).__name__}); nothing was changed", EXIT_REFUSED
    message = " ".join(message.splitlines())  # one line, whatever the text it quotes holds
    message = _NOISE.sub("", message)
    if len(message) > LONGEST_MESSAGE:
        message = message[: LONGEST_MESSAGE - 1] + "…"
    return message, code


def _quiet_stdout() -> None:
    """After a broken pipe, Python would complain again when it flushes stdout at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
