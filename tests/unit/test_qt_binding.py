"""The Qt binding we run on must not corrupt Python's own objects.

PySide6 6.12.0 on CPython 3.11 drops a reference to None on every Qt call
that returns nothing; a long-running app then aborts with "none_dealloc".
(On 3.12+ None is immortal, so the check passes there whatever the binding.)
"""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(2000):
    label.setText("x")
print(before - sys.getrefcount(None))
"""


def test_void_qt_calls_do_not_drop_references_to_none() -> None:
    # A fresh interpreter: if the bug is present, the test process itself
    # must not be the one that ends up deallocating None.
    out = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lost = int(out.stdout.strip().splitlines()[-1])
    assert lost < 50, f"{lost} references to None lost in 2000 calls (a broken PySide6 build)"
