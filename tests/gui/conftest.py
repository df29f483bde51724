"""GUI fixtures: pages with realistic data, a shown and active main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_sample_data import History, make_history, make_plans
from PySide6.QtWidgets import QApplication

from lbp_desktop import paths
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.pose_files import PoseLibrary, load_poses, poses_dir
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.plan_view import PlanView
from lbp_desktop.views.theme import apply_theme


@pytest.fixture(scope="session", autouse=True)
def app_theme(qapp: QApplication) -> Iterator[None]:
    # The app always runs with its stylesheet; so do the tests.
    apply_theme(qapp, "system")
    yield
    apply_theme(qapp, "system")


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow()
    win.build_pages()
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def history() -> History:
    return make_history()


@pytest.fixture
def plans() -> list[PlanView]:
    return make_plans()


@pytest.fixture(scope="session")
def library() -> ContentLibrary:
    """The bundled content, loaded once for all GUI tests."""
    return load_content(paths.content_dir())


@pytest.fixture(scope="session")
def poses(library: ContentLibrary) -> PoseLibrary:
    return load_poses(poses_dir(), library.exercises)
