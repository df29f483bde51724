"""The player page alone: it draws states and emits intents; pictures to look at."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication
from shots import SHOTS, save_shot

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.player import Player
from lbp_desktop.session_runner import SessionRunner
from lbp_desktop.storage.store import Store
from lbp_desktop.views.player_page import PlayerPage, clock_text

NOW = datetime(2026, 3, 11, 8, 30, tzinfo=UTC)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(qtbot) -> PlayerPage:
    widget = PlayerPage(figure_clock=lambda: 0.0)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_clock_text_rounds_up_and_shows_minutes() -> None:
    assert clock_text(6.2) == "7"
    assert clock_text(0.0) == "0"
    assert clock_text(65) == "1:05"
    assert clock_text(600) == "10:00"


def test_check_in_needs_a_score_then_asks_to_start(page, library, qtbot) -> None:
    player = Player(library.plans["desk-reset"], library, FakeClock(NOW))
    page.show_state(player.tick())
    assert page.current_view() == "check_in"
    assert "Chin tuck" in page.first_up_label.text() or page.first_up_label.text()
    assert not page.start_button.isEnabled()
    page.pre_scale.buttons[4].click()
    with qtbot.waitSignal(page.start_requested) as blocker:
        page.start_button.click()
    assert blocker.args == [4]


def test_the_page_draws_what_the_state_says(page, library) -> None:
    clock = FakeClock(NOW)
    player = Player(library.plans["desk-reset"], library, clock, get_ready_s=5)
    player.start(2)
    page.show_state(player.tick())
    assert page.current_view() == "playing"
    assert page.phase_label.text() == "Get ready"
    assert page.ring.text() == "5"
    clock.advance(5 + 1.5)
    state = player.tick()
    page.show_state(state)
    assert page.phase_label.text() == "Now"
    assert page.name_label.text() == state.exercise_name
    assert page.counters_label.text() == "Rep 1 of 5"
    assert page.ring.text() == "6"
    assert page.cue_label.text() == state.cue
    assert page.next_label.text() == state.next_label
    assert page.progress.value() == round(state.progress * 1000)
    assert not page.pacer.isVisible()
    player.pause()
    page.show_state(player.tick())
    assert page.pause_button.text() == "Resume"


def test_every_control_has_an_accessible_name(page, library) -> None:
    player = Player(library.plans["desk-reset"], library, FakeClock(NOW))
    page.set_exercises([("chin-tuck", "Chin tuck")])
    page.show_state(player.tick())
    buttons = page.findChildren(QAbstractButton)
    assert len(buttons) > 30
    assert all(b.accessibleName().strip() for b in buttons), [
        b.text() for b in buttons if not b.accessibleName().strip()
    ]
    for widget in (page.ring, page.pacer, page.progress, page.figure, page.cue_label):
        assert widget.accessibleName()


def test_the_breathing_pacer_grows_on_the_in_breath(page, library) -> None:
    clock = FakeClock(NOW)
    player = Player(library.plans["heat-and-relax"], library, clock)
    player.start(2)
    while player.phase != "breathing":
        player.next()
    state = player.tick()
    page.show_state(state)
    assert page.pacer.isVisible()
    assert state.breath_phase == "in"
    small = page.pacer.level()
    clock.advance(2)
    page.show_state(player.tick())
    assert page.pacer.level() > small
    assert page.pacer.words() == "Breathe in"


def test_feedback_is_sent_with_the_post_checkin(page, library, qtbot) -> None:
    clock = FakeClock(NOW)
    player = Player(library.plans["desk-reset"], library, clock)
    page.set_exercises([("chin-tuck", "Chin tuck"), ("sit-to-stand", "Sit to stand")])
    player.start(3)
    player.stop()
    page.show_state(player.tick())
    assert page.current_view() == "summary"
    page.post_scale.buttons[1].click()
    page.feedback_button("sit-to-stand", "it_hurt").click()
    with qtbot.waitSignal(page.post_checkin) as blocker:
        page.save_button.click()
    assert blocker.args == [1, {"sit-to-stand": "it_hurt"}]
    assert not page.save_button.isEnabled()


# ------------------------------------------------------------------ pictures


@pytest.fixture
def runner(qtbot, library, poses, tmp_path) -> SessionRunner:
    clock = FakeClock(NOW)
    store = Store.open(tmp_path / "data", clock=clock)
    page = PlayerPage(figure_clock=lambda: 0.0)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    made = SessionRunner("desk-reset", library, poses, store, clock, page, parent=page)
    made.clock = clock  # type: ignore[attr-defined]
    yield made
    store.close()


def test_paused_nothing_ticks_and_the_figure_stays_put_until_resumed(
    qtbot, library, poses, tmp_path
) -> None:
    clock = FakeClock(NOW)
    page = PlayerPage(figure_clock=clock.monotonic)  # the figure on the player's clock
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    with Store.open(tmp_path / "data", clock=clock) as store:
        runner = SessionRunner("desk-reset", library, poses, store, clock, page, parent=page)
        page.pre_scale.buttons[1].click()
        page.start_button.click()
        runner.run_command("next")  # into the first rep: the figure moves
        clock.advance(0.4)
        runner.tick()
        page.figure._tick()
        assert runner.ticker.is_running() and page.figure.is_animating()
        clock.advance(0.05)
        page.pause_button.click()

        def running() -> list[QTimer]:
            return [t for t in page.findChildren(QTimer) if t.isActive()]

        assert running() == []
        frozen = page.figure.current_time()
        assert frozen == pytest.approx(0.45)  # where it was at the pause, not the last frame
        clock.advance(90)
        for _ in range(3):
            QApplication.processEvents()
        assert running() == []
        assert page.figure.current_time() == frozen
        assert runner.player.snapshot().remaining_s == pytest.approx(7 - 0.45)

        page.pause_button.click()
        assert runner.ticker.is_running() and page.figure.is_animating()
        assert page.figure.current_time() == frozen  # no jump on resume
        clock.advance(0.2)
        runner.tick()
        page.figure._tick()
        assert page.figure.current_time() == pytest.approx(frozen + 0.2)
        assert runner.player.snapshot().remaining_s == pytest.approx(7 - 0.65)
        runner.run_command("pause")  # nothing left running when the test ends


def test_screenshots(runner, library, poses, qtbot, tmp_path) -> None:
    page = runner.page
    clock = runner.clock  # type: ignore[attr-defined]
    assert save_shot(page, "player-check-in").exists()

    page.pre_scale.buttons[3].click()
    page.start_button.click()
    clock.advance(10 + 3)  # into the first rep's hold
    runner.tick()
    assert page.phase_label.text() == "Now"
    assert save_shot(page, "player-work").exists()

    page.hurt_button.click()
    assert save_shot(page, "player-this-hurts").exists()
    page.hurt_scale.buttons[5].click()
    page.post_scale.buttons[4].click()
    page.feedback_button("chin-tuck", "it_hurt").click()
    assert save_shot(page, "player-summary").exists()

    # A breathing phase, from the heat-and-relax plan.
    with Store.open(tmp_path / "breath", clock=clock) as store:
        breath_page = PlayerPage(figure_clock=lambda: 0.0)
        qtbot.addWidget(breath_page)
        breath_page.resize(1100, 760)
        breath_page.show()
        qtbot.waitExposed(breath_page)
        other = SessionRunner("heat-and-relax", library, poses, store, clock, breath_page)
        other.start(2)
        while other.player.phase != "breathing":
            other.run_command("next")
        clock.advance(5)
        other.tick()
        assert breath_page.pacer.isVisible()
        assert save_shot(breath_page, "player-breathing").exists()
        other.run_command("pause")


def test_the_pain_scales_fit_the_smallest_window(qtbot) -> None:
    from lbp_desktop.views.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    page = PlayerPage()
    window.show_session_view(page)
    window.resize(window.minimumSize())
    window.show()
    qtbot.waitExposed(window)
    scale = page.pre_scale
    assert scale.columns == 6  # two rows: 0-5 and 6-10

    def inside() -> bool:
        boxes = [b.geometry() for b in scale.buttons]
        fits = all(b.left() >= 0 and b.right() <= scale.width() for b in boxes)
        rows_apart = boxes[6].top() > boxes[0].bottom()
        return fits and rows_apart and boxes[10].bottom() <= scale.height()

    qtbot.waitUntil(inside)
    assert scale.width() < page.width()
    shown = page.grab()
    assert not shown.isNull()
    shown.save(str(SHOTS / "player-check-in-narrow.png"))
    window.resize(1100, 760)
    qtbot.waitUntil(lambda: scale.columns == 11)
    assert scale.buttons[10].geometry().right() <= scale.width()


def test_every_control_shows_its_whole_label_in_the_default_window(qtbot) -> None:
    from lbp_desktop.views.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    page = PlayerPage()
    window.show_session_view(page)
    window.resize(1040, 720)  # the window's size on first start
    window.show()
    qtbot.waitExposed(window)
    page.stack.setCurrentWidget(page.playing_view)
    qtbot.waitUntil(lambda: page.hurt_button.width() > 0)
    for button in (
        page.previous_button, page.pause_button, page.next_button, page.minus_button,
        page.plus_button, page.hurt_button, page.stop_button, page.full_screen_button,
        page.mute_button,
    ):  # fmt: skip
        assert button.width() >= button.sizeHint().width(), button.text()
        assert page.playing_view.rect().contains(
            button.geometry().translated(
                button.mapTo(page.playing_view, button.rect().topLeft())
                - button.geometry().topLeft()
            )
        ), button.text()
    page.grab().save(str(SHOTS / "player-default-window.png"))
