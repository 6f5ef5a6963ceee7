"""The README's screenshots: every pane of the window on the demo data, at 1280×720 and
1920×1080, into packaging/screenshots/. Run it after changing what a pane shows:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/take_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STARTUP_DESK_TODAY", "2026-11-16")  # the demo's working day: after its last close

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = ((1280, 720), (1920, 1080))
PANES = ("queue", "ledger", "deals", "outbox")


def wait(app, runner, rounds: int = 6) -> None:
    """Until the window's reads are done and painted (a result may start the next read)."""
    for _ in range(rounds):
        runner.wait()
        for _ in range(20):
            app.processEvents()


def main() -> int:
    from app.database import Database
    from app.demo import LoadDemo, load_demo
    from ui.application import make_qt_app
    from ui.main_window import MainWindow

    app = make_qt_app()
    app.setStyle("Fusion")
    folder = Path(tempfile.mkdtemp(prefix="startup-desk-screens-"))
    database = Database(f"sqlite:///{folder / 'demo.sqlite3'}", "pm")
    database.run(load_demo, LoadDemo())
    window = MainWindow(database, demo=True)
    window.show()
    wait(app, window.runner)
    target = ROOT / "packaging" / "screenshots"
    target.mkdir(exist_ok=True)
    for width, height in SIZES:
        window.resize(width, height)
        for number, name in enumerate(PANES):
            window.show_pane(number)
            wait(app, window.runner)
            if name == "queue":
                window.queue.select_row(0)
                wait(app, window.runner)
            elif name in ("ledger", "outbox"):
                getattr(window, name).table.selectRow(0)
                wait(app, window.runner)
            suffix = "" if (width, height) == SIZES[0] else f"-{width}x{height}"
            window.grab().save(str(target / f"{name}{suffix}.png"))
    window.resize(*SIZES[0])
    window.show_pane(1)
    forecast = window.ledger.open_forecast()
    forecast.resize(1100, 700)
    wait(app, window.runner)
    forecast.grab().save(str(target / "forecast.png"))
    forecast.close()
    whatif = window.ledger.open_whatif()  # a longer age limit and a higher annual credit, evaluated
    wait(app, window.runner)
    whatif.age.setValue(3)
    whatif.annual_credit.setText("30,000.00")
    whatif.evaluate()
    wait(app, window.runner)
    whatif.tabs.setCurrentIndex(1)
    wait(app, window.runner)
    whatif.grab().save(str(target / "whatif.png"))
    whatif.close()
    window.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
