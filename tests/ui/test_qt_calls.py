"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call
and aborts the interpreter after about 5,000 calls (Fatal Python error:
none_dealloc). Ten times that many here, in a child process so that an abort
fails this test instead of the whole run."""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
holder = QObject()
before = sys.getrefcount(None)
for i in range(25_000):
    label.setText("x")          # void call
    holder.setObjectName("y")   # void call
after = sys.getrefcount(None)
print("ok", after - before)
"""


def test_fifty_thousand_void_qt_calls_leave_the_interpreter_alive():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=_env())
    assert result.returncode == 0, result.stderr[-2000:]
    status, drift = result.stdout.split()
    assert status == "ok"
    assert abs(int(drift)) < 1_000, "None's reference count drifts with every Qt call"


def _env():
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
