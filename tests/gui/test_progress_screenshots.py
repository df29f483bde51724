"""Pictures of the Progress page in build/screenshots/, light and dark, every
range, the window's default and smallest sizes, and too little or no data;
and a check that no text is cut off at those sizes.

Look at them after a visual change: would a patient understand the page in
five seconds?
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from shots import SHOTS, not_blank, save_shot
from test_progress_page import (
    GOALS,
    TODAY,
    empty_data,
    hand_made_data,
    sample_data,
    show_progress,
)

from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.progress_page import RANGE_NAMES, ProgressPage
from lbp_desktop.views.progress_render import render_chart_images
from lbp_desktop.views.theme import apply_theme

DEFAULT_SIZE = (1040, 720)
SMALLEST_SIZE = (720, 520)


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp):
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "system")


def _settle() -> None:
    # Pending layouts and the chart's idle work, as the event loop would run them
    # (the insights' words come a turn after the chart, then their layout).
    for _ in range(5):
        QApplication.processEvents()


def _save(widget: QWidget, name: str) -> Path:
    _settle()
    return save_shot(widget, name)


def cut_off_texts(root: QWidget) -> list[str]:
    """Labels and buttons too small for their words at their current size."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                problems.append(f"{label.objectName() or label.text()[:30]}: too short")
        elif label.sizeHint().width() > label.width() + 1:
            problems.append(f"{label.objectName() or label.text()[:30]}: too narrow")
    for button in root.findChildren(QPushButton):
        if button.isVisibleTo(root) and button.sizeHint().width() > button.width() + 1:
            problems.append(f"{button.objectName()}: too narrow")
    return problems


def _page(qtbot, window: MainWindow, size: tuple[int, int], data=None) -> ProgressPage:
    window.resize(*size)
    page = show_progress(qtbot, window)
    page.set_data(data if data is not None else sample_data(), GOALS, TODAY)
    _settle()
    return page


def _scroll_to(page: ProgressPage, widget: QWidget) -> None:
    page.ui.scrollArea.ensureWidgetVisible(widget, 0, 0)
    _settle()
    # The small charts are built once they come into view: let them draw.
    if page.small_charts is not None or widget in (
        page.ui.pegFrame,
        page.ui.changeFrame,
        page.ui.weekdayFrame,
        page.ui.exportFrame,
        page.ui.exportStatusLabel,
    ):
        page.build_small_charts()
        _settle()
        page.ui.scrollArea.ensureWidgetVisible(widget, 0, 0)
        _settle()


def test_every_range_at_the_default_size(qtbot, scheme: str, window: MainWindow) -> None:
    page = _page(qtbot, window, DEFAULT_SIZE)
    for name in RANGE_NAMES:
        page.range_button(name).click()
        assert not_blank(_save(window, f"progress-{name}-{scheme}"))
        assert cut_off_texts(page) == [], name
        assert page.ui.scrollArea.horizontalScrollBar().maximum() == 0
    page.range_button("1y").click()
    _scroll_to(page, page.ui.exportFrame)
    assert not_blank(_save(window, f"progress-1y-lower-{scheme}"))


def test_the_smallest_window(qtbot, scheme: str, window: MainWindow) -> None:
    page = _page(qtbot, window, SMALLEST_SIZE)
    page.range_button("3m").click()
    assert not_blank(_save(window, f"progress-smallest-{scheme}"))
    assert cut_off_texts(page) == []
    assert page.ui.scrollArea.horizontalScrollBar().maximum() == 0
    _scroll_to(page, page.ui.insightsFrame)
    assert not_blank(_save(window, f"progress-smallest-insights-{scheme}"))
    _scroll_to(page, page.ui.weekdayFrame)
    assert not_blank(_save(window, f"progress-smallest-charts-{scheme}"))
    _scroll_to(page, page.ui.exportFrame)
    assert not_blank(_save(window, f"progress-smallest-export-{scheme}"))


def test_too_little_data(qtbot, scheme: str, window: MainWindow) -> None:
    page = _page(qtbot, window, DEFAULT_SIZE, hand_made_data())
    page.range_button("2w").click()
    assert page.chart is not None
    page.chart.point_at(12)  # Tuesday 10 March, with its before and after
    assert not_blank(_save(window, f"progress-too-little-{scheme}"))
    _scroll_to(page, page.ui.insightsFrame)
    assert not_blank(_save(window, f"progress-too-little-insights-{scheme}"))
    assert cut_off_texts(page) == []


def test_no_data_yet(qtbot, scheme: str, window: MainWindow) -> None:
    page = _page(qtbot, window, DEFAULT_SIZE, empty_data())
    assert not_blank(_save(window, f"progress-nodata-{scheme}"))
    assert cut_off_texts(page) == []


def test_export_under_way_and_done(qtbot, scheme: str, window: MainWindow) -> None:
    page = _page(qtbot, window, DEFAULT_SIZE)
    page.show_message("Saved to /home/ann/Documents/back-report-2026-03-11.pdf.")
    _scroll_to(page, page.ui.exportStatusLabel)
    assert not_blank(_save(window, f"progress-export-saved-{scheme}"))


def test_report_pictures(qtbot, scheme: str) -> None:
    # The print style whatever the screen: the same pictures under both themes.
    data = sample_data()
    from lbp_desktop.domain.analytics import range_bounds

    start, end = range_bounds("1y", TODAY, data.first_day())
    analytics = data.analyse(GOALS, start, end, TODAY)
    for name, image in render_chart_images(analytics, 1400, 640, scale=2).items():
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"progress-report-{name}-on-{scheme}.png"
        assert image.save(str(path))
        assert not_blank(path)
