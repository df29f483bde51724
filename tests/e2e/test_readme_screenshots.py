"""The README's pictures can still be made from the real app (the tool runs offscreen)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.conftest import app_env

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PICTURES = ("today", "progress", "session", "tray-menu", "break-offer", "break-window")


def test_the_readme_pictures_are_made(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "shots"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "readme_screenshots.py"), "--out", str(out)],
        env=app_env(home) | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for name in PICTURES:
        image = QImage(str(out / f"{name}.png"))
        assert not image.isNull(), name
        assert image.width() >= 200 and image.height() >= 150, name
        # Not one flat colour: something was drawn.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 11)
            for y in range(0, image.height(), 11)
        }
        assert len(colours) > 8, name
    # The README shows the committed ones: they must exist.
    for name in ("today", "progress", "session", "tray-menu", "break-offer"):
        assert (ROOT / "docs" / "screenshots" / f"{name}.png").exists()
