"""Session page: the plan browser a patient can already follow on paper."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.plan_view import PlanView
from lbp_desktop.views.session_page import SessionPage


def test_lists_plans_with_duration_and_origin(qtbot, plans: list[PlanView]) -> None:
    page = SessionPage()
    qtbot.addWidget(page)
    page.set_plans(plans)
    rows = [page.ui.planList.item(i).text() for i in range(page.ui.planList.count())]
    assert rows == [
        "Plan from your physio\nAbout 14 minutes\nAdded by you or your physio",
        "Gentle start\nAbout 12 minutes\nComes with the app",
    ]
    assert page.selected_plan_id() == "physio-lee"


def test_details_show_exercises_with_dosage_and_sources(qtbot, plans: list[PlanView]) -> None:
    page = SessionPage()
    qtbot.addWidget(page)
    page.set_plans(plans)
    with qtbot.waitSignal(page.plan_selected) as blocker:
        page.ui.planList.setCurrentRow(1)
    assert blocker.args == ["gentle-start"]
    text = page.details_text()
    assert "Gentle start" in text
    assert "4 exercises, in this order" in text
    assert "Knee to chest: 5 reps, hold 5 s, each side" in text
    assert text.index("Knee to chest") < text.index("Pelvic tilt")
    assert "NICE guideline NG59" in text
    assert "stop an exercise if it makes your pain clearly worse" in text


def test_selection_survives_a_reload(qtbot, plans: list[PlanView]) -> None:
    page = SessionPage()
    qtbot.addWidget(page)
    page.set_plans(plans)
    assert page.select_plan("gentle-start")
    page.set_plans(list(reversed(plans)))
    assert page.selected_plan_id() == "gentle-start"
    assert "Gentle start" in page.details_text()


def test_no_plans_shows_words_not_an_empty_box(window: MainWindow) -> None:
    window.go_to("session")
    page = window.session_page
    page.set_plans([])
    assert page.ui.emptyLabel.isVisible()
    assert "No exercise plans were found" in page.ui.emptyLabel.text()
    assert not page.ui.planList.isVisible()
    assert not page.ui.detailsBrowser.isVisible()


def test_start_asks_for_the_selected_plan(qtbot, window, plans: list[PlanView]) -> None:
    page = window.session_page
    page.set_plans(plans)
    window.go_to("session")
    page.select_plan(plans[-1].id)
    with qtbot.waitSignal(page.start_requested) as clicked:
        page.ui.startButton.click()
    assert clicked.args == [plans[-1].id]
    with qtbot.waitSignal(page.start_requested) as keyed:
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert keyed.args == [plans[-1].id]


def test_no_start_button_without_plans(qtbot) -> None:
    page = SessionPage()
    qtbot.addWidget(page)
    page.set_plans([])
    assert page.ui.startButton.isHidden()


def test_plan_names_are_shown_as_text_not_markup(qtbot) -> None:
    page = SessionPage()
    qtbot.addWidget(page)
    page.set_plans([PlanView("x", "<i>Mine</i>", "a & b", 3, "user", [("<b>Lift</b>", "")])])
    text = page.details_text()
    assert "<i>Mine</i>" in text and "a & b" in text and "<b>Lift</b>" in text


def test_keyboard_moves_through_the_list(qtbot, window: MainWindow, plans: list[PlanView]) -> None:
    page = window.session_page
    page.set_plans(plans)
    window.go_to("session", focus=True)
    assert page.ui.planList.hasFocus()
    qtbot.keyClick(page.ui.planList, Qt.Key.Key_Down)
    assert page.selected_plan_id() == "gentle-start"
