"""Renders resources/icons/startup-desk.svg into the PNG sizes desktops ask for
(packaging/icons/hicolor/<size>/apps/startup-desk.png). Run it after changing the SVG."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "startup-desk.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ROOT / "packaging" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "startup-desk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
