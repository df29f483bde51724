"""The gallery lists every exercise and animates only what can be seen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.paths import content_dir
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.pose_files import load_poses, poses_dir
from lbp_desktop.views.gallery_page import GalleryItem, GalleryPage, gallery_items

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "figures"


def _all_items() -> list[GalleryItem]:
    poses = load_poses(poses_dir())
    library = load_content(content_dir())
    items = gallery_items(library, poses)
    named = {i.id for i in items}
    # Exercises the content does not have yet still show, by id.
    for ident, spec in poses.specs.items():
        if ident not in named:
            items.append(GalleryItem(ident, ident.replace("-", " ").capitalize(), "stretch", spec))
    return items


# The offscreen platform cannot pass a top-level's size hints on, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_gallery_shows_every_exercise_and_animates_only_visible_tiles(qtbot) -> None:
    page = GalleryPage()
    qtbot.addWidget(page)
    page.resize(980, 700)
    items = _all_items()
    page.set_exercises(items)
    assert not any(t.figure.is_animating() for t in page.tiles())  # hidden page
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    page.update_playing()
    tiles = page.tiles()
    assert len(tiles) == len(items) == 29
    playing = [t for t in tiles if t.figure.is_animating()]
    assert playing and len(playing) < len(tiles)
    assert tiles[0].figure.is_animating() and not tiles[-1].figure.is_animating()
    for tile in tiles:
        tile.figure.set_time(1.0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SHOTS / "gallery.png"))
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert tiles[-1].figure.is_animating() and not tiles[0].figure.is_animating()
    page.hide()
    assert not any(t.figure.is_animating() for t in page.tiles())


def test_gallery_items_come_from_the_library(qapp) -> None:
    library: ContentLibrary = load_content(content_dir())
    items = gallery_items(library, load_poses(poses_dir()))
    bridge = next(i for i in items if i.id == "bridge")
    assert bridge.name == library.exercises["bridge"].name
    assert bridge.hold_s is not None and bridge.hold_s <= 3.0
