"""GUI fixtures: pages with realistic data, a shown and active main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_sample_data import History, make_history, make_plans
from PySide6.QtWidgets import QApplication

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
