"""`startup-desk --self-test`: the program's own checks (app/self_test.py) and a window
rendered offscreen, each step one line; exit 0 when all passed, 1 naming what failed."""

from __future__ import annotations

import os
import sys

from app.self_test import Step, run_checks


def _window(_folder=None) -> str:
    """Qt's platform plugin, fonts and the main window, painted without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase

    from ui.application import make_qt_app
    from ui.main_window import MainWindow

    app = make_qt_app()
    if not QFontDatabase.families():
        raise RuntimeError("Qt finds no fonts (fontconfig, or the bundle's fonts)")
    window = MainWindow()
    window.resize(1280, 720)
    picture = window.grab()
    window.close()
    app.processEvents()
    if picture.isNull() or picture.width() < 100:
        raise RuntimeError("the window did not render")
    return f"window rendered on the {app.platformName()} platform ({picture.width()}×{picture.height()})"


def main() -> int:
    def say(step: Step) -> None:
        print(f"{'ok  ' if step.ok else 'FAIL'} {step.name}: {step.detail}", flush=True)

    steps = run_checks(say)
    try:
        window = Step("window", True, _window())
    except Exception as exc:
        window = Step("window", False, f"{type(exc).__name__}: {exc}")
    say(window)
    steps.append(window)
    failed = [step.name for step in steps if not step.ok]
    if failed:
        print(f"startup-desk: self-test failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("startup-desk: self-test passed")
    return 0
