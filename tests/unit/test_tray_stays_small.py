"""What the app loads to sit in the tray must stay small: no numpy, no pyqtgraph.

DESIGN: idle in the tray the app sleeps and imports neither (numpy alone
costs ~15 MB here). The modules the tray path uses are imported in a fresh
interpreter, and what came in with them is checked.
"""

from __future__ import annotations

import subprocess
import sys

TRAY_PATH = (
    "lbp_desktop.companion",
    "lbp_desktop.break_reminders",
    "lbp_desktop.views.tray",
    "lbp_desktop.views.tray_icons",
    "lbp_desktop.views.break_window",
    "lbp_desktop.domain.break_routines",
    "lbp_desktop.domain.session_nudge",
    "lbp_desktop.domain.reminders",
    "lbp_desktop.services.idle",
    "lbp_desktop.services.full_screen",
    "lbp_desktop.services.autostart",
    "lbp_desktop.controller",
)


def test_the_tray_path_imports_no_numpy_or_pyqtgraph() -> None:
    code = (
        "import sys, importlib\n"
        f"for name in {TRAY_PATH!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'pyqtgraph')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout[:500]
