"""The installable program: its self-test, and the desktop files the menu uses."""

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_self_test_passes_on_a_whole_installation(capsys):
    from ui.launcher import main

    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    for step in ("database and migrations", "import", "month close", "xlsx export", "letter PDF", "window"):
        assert f"ok   {step}:" in out


def test_the_self_test_names_what_is_missing(monkeypatch, capsys):
    from ui.launcher import main

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in a bundle that lost the PostgreSQL driver
    assert main(["--self-test"]) == 1
    captured = capsys.readouterr()
    assert "FAIL SQL drivers: the module psycopg is missing from this installation" in captured.out
    assert "self-test failed: SQL drivers" in captured.err
    assert "ok   letter PDF" in captured.out  # the other steps still ran


def test_the_self_test_names_a_missing_pdf_accelerator(monkeypatch, capsys):
    from reportlab.lib import rl_accel

    from ui.launcher import main

    monkeypatch.setattr(rl_accel, "fp_str", lambda *numbers: " ".join(map(str, numbers)))  # pure Python
    assert main(["--self-test"]) == 1
    assert (
        "FAIL letter PDF: RuntimeError: reportlab's C accelerator (the rl_accel package) is missing"
        in capsys.readouterr().out
    )


def test_the_menu_entry_and_the_app_announce_one_desktop_file_name(qapp):
    """The window's real WM_CLASS is checked on a virtual display by packaging/check-installed (CI)."""
    from ui.application import make_qt_app

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "startup-desk.desktop")
    desktop = entry["Desktop Entry"]
    make_qt_app()
    assert desktop["StartupWMClass"] == qapp.desktopFileName() == "startup-desk"
    assert desktop["Icon"] == "startup-desk"
    for size in (16, 32, 48, 64, 128, 256):
        assert (ROOT / "packaging" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "startup-desk.png").exists()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_menu_entry_is_valid():
    subprocess.run(["desktop-file-validate", str(ROOT / "packaging" / "startup-desk.desktop")], check=True)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_the_appstream_metadata_is_valid():
    metainfo = ROOT / "packaging" / "io.github.startup_desk.StartupDesk.metainfo.xml"
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
