"""Every window string has its German translation: the .ts holds every tr() string of ui/
(lupdate finds nothing new) translated, the .qm is built from it, and the window speaks it,
also where a module's own tr() asks under its pane's name."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
TOOLS = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(TOOLS)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_window_string_has_a_german_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    found = messages(fresh)
    shipped = messages(FOLDER / "startup_desk_de.ts")
    assert len(found) > 500
    untranslated = [
        f"{context}: {source}"
        for (context, source) in found
        if (translation := shipped.get((context, source))) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not ("".join(translation.itertext()).strip() or source.strip() == "")
    ]
    assert untranslated == [], "run pyside6-lupdate, translate, pyside6-lrelease (resources/translations/README.md)"


def test_every_count_has_its_english_plural_forms(tmp_path):
    """English has no translation file but its plurals: "1 application", "2 applications"."""
    fresh = tmp_path / "fresh_en.ts"
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").glob("*.py"))
    command = [tool("pyside6-lupdate"), "-pluralonly", "-target-language", "en", *sources, "-ts", str(fresh)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    found = messages(fresh)
    shipped = messages(FOLDER / "startup_desk_en.ts")
    assert len(found) >= 8
    missing = [
        source
        for (context, source) in found
        if (translation := shipped.get((context, source))) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or len([form for form in translation.iter("numerusform") if (form.text or "").strip()]) != 2
    ]
    assert missing == [], "pyside6-lupdate -pluralonly … startup_desk_en.ts (resources/translations/README.md)"


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_shipped_qm_is_built_from_the_ts(tmp_path, language):
    built = tmp_path / f"{language}.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(FOLDER / f"startup_desk_{language}.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == (FOLDER / f"startup_desk_{language}.qm").read_bytes()


def test_the_outbox_and_the_mail_server_speak_german(qtbot, qapp, sqlite_database):
    from PySide6.QtCore import QLocale

    from ui.application import install_translation
    from ui.main_window import MainWindow
    from ui.smtp_settings_dialog import SmtpSettingsDialog

    translator = install_translation(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        window = MainWindow(sqlite_database)
        qtbot.addWidget(window)
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("QUndoStack", "Not ours %1") == "Not ours %1"  # not found: as written
        assert window.minimumSizeHint().width() <= 1280  # longer German words still fit a 1280-pixel screen
        assert window.outbox.send_button.text() == "Entwürfe &senden"
        assert window.outbox.server_button.text() == "&Mailserver…"
        assert window.outbox.model.headerData(3, Qt.Orientation.Horizontal) == "An"
        assert window.queue.decisions.buttons["accept"].text().startswith("Annehmen")  # a module's own tr()
        dialog = SmtpSettingsDialog(sqlite_database, window.runner, window)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Mailserver" and dialog.test_button.text() == "&Testnachricht senden"
        assert dialog.save_button.text().replace("&", "") == "Speichern"  # Qt's own words too
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
        window.runner.wait()
    finally:
        qapp.removeTranslator(translator)
