"""The `startup-desk` program: the command line, or the window when asked for.

No Qt import here: commands that need no window start without loading Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.cli import main as cli_main


def run_gui(args) -> int:
    from ui.application import run

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--self-test"]:  # does this installation work? (packaging/build runs it)
        from ui.self_test import main as self_test

        return self_test()
    return cli_main(arguments, gui=run_gui)


if __name__ == "__main__":
    sys.exit(main())
