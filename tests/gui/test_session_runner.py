"""A whole plan played through the player page on a fake clock, into a real store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cue_fakes import make_rig
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, SessionRun
from lbp_desktop.session_runner import SessionRunner
from lbp_desktop.storage.store import Store
from lbp_desktop.views import player_page
from lbp_desktop.views.player_page import PlayerPage

NOW = datetime(2026, 3, 11, 8, 30, tzinfo=UTC)
DESK_RESET = ("chin-tuck", "shoulder-blade-squeeze", "standing-back-extension", "sit-to-stand")
STEP_S = 0.5

# The offscreen platform cannot pass a top-level's size hints on, and says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock):
    with Store.open(tmp_path / "data", clock=clock) as opened:
        yield opened


@pytest.fixture
def make_runner(qtbot, library, poses, store, clock):
    def make(plan_id: str = "desk-reset", cues=None) -> SessionRunner:
        page = PlayerPage()
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()
        qtbot.waitExposed(page)
        return SessionRunner(plan_id, library, poses, store, clock, page, cues=cues, parent=page)

    return make


def play_until(runner: SessionRunner, clock: FakeClock, done, limit_s: float = 1200) -> None:
    """Time passes on the fake clock, ticked as the timer would tick it."""
    waited = 0.0
    while not done():
        assert waited < limit_s, "the session never got there"
        clock.advance(STEP_S)
        waited += STEP_S
        runner.tick()


def stored_run(store: Store, runner: SessionRunner) -> SessionRun:
    run = store.get(SessionRun, runner.player.run_id)
    assert run is not None
    return run


def test_a_whole_plan_played_through_the_page_is_stored_as_it_happens(
    make_runner, store, clock, tmp_path
) -> None:
    runner = make_runner()
    page = runner.page
    assert page.current_view() == "check_in"
    assert not page.start_button.isEnabled()
    assert not runner.ticker.is_running()  # idle: no timer
    page.pre_scale.buttons[3].click()
    page.start_button.click()
    assert page.current_view() == "playing"
    assert runner.ticker.is_running()
    run = stored_run(store, runner)
    assert (run.outcome, run.pre_pain, run.steps) == ("in_progress", 3, ())
    assert [(c.score, c.context) for c in store.records(PainCheckIn)] == [(3, "before_session")]

    # The first exercise finishes: it is on disk before the second one ends.
    play_until(runner, clock, lambda: len(runner.player.steps) == 1)
    with Store.open(tmp_path / "data", read_only=True, clock=clock) as reader:
        on_disk = reader.get(SessionRun, runner.player.run_id)
    assert on_disk is not None
    assert [s.exercise_id for s in on_disk.steps] == ["chin-tuck"]
    assert on_disk.outcome == "in_progress"

    finished: list[SessionRun] = []
    runner.finished.connect(finished.append)
    play_until(runner, clock, lambda: page.current_view() == "summary")
    assert not runner.ticker.is_running()
    assert stored_run(store, runner).outcome == "completed"  # written before any answer
    assert page.summary_title.text() == "Well done: session complete"
    assert not page.save_button.isEnabled()
    page.post_scale.buttons[2].click()
    page.feedback_button("chin-tuck", "about_right").click()
    page.feedback_button("sit-to-stand", "too_hard").click()
    page.save_button.click()

    run = stored_run(store, runner)
    assert finished and finished[0].id == run.id
    assert (run.outcome, run.pre_pain, run.post_pain) == ("completed", 3, 2)
    assert [s.exercise_id for s in run.steps] == list(DESK_RESET)
    assert all(not s.skipped and s.reps == 5 for s in run.steps)
    assert [s.feedback for s in run.steps] == ["about_right", None, None, "too_hard"]
    assert run.ended_at is not None and run.ended_at > run.at
    contexts = [(c.score, c.context, c.run_id) for c in store.records(PainCheckIn)]
    assert contexts == [(3, "before_session", run.id), (2, "after_session", run.id)]


def test_this_hurts_with_a_rise_of_two_stops_kindly(make_runner, store, clock) -> None:
    runner = make_runner()
    page = runner.page
    page.pre_scale.buttons[2].click()
    page.start_button.click()
    play_until(runner, clock, lambda: runner.player.phase == "work")
    page.hurt_button.click()
    assert page.pain_panel.isVisible()
    assert runner.player.snapshot().paused
    assert not runner.ticker.is_running()  # no timer while the user answers
    page.hurt_scale.buttons[4].click()

    assert page.current_view() == "summary"
    assert not runner.ticker.is_running()
    assert page.summary_title.text() == "We stopped to look after your back"
    assert "went from 2 to 4" in page.reason_label.text()
    assert "Gentle start" in page.step_down_label.text()
    run = stored_run(store, runner)
    assert run.outcome == "stopped_for_pain"
    assert "went from 2 to 4" in run.stop_reason
    during = [c for c in store.records(PainCheckIn) if c.context == "during_session"]
    assert [c.score for c in during] == [4]


def test_a_small_rise_carries_on(make_runner, store, clock) -> None:
    runner = make_runner()
    page = runner.page
    page.pre_scale.buttons[2].click()
    page.start_button.click()
    play_until(runner, clock, lambda: runner.player.phase == "work")
    page.hurt_button.click()
    page.hurt_scale.buttons[3].click()
    assert page.current_view() == "playing"
    assert not page.pain_panel.isVisible()
    assert not runner.player.snapshot().paused  # resumed after the answer
    assert runner.ticker.is_running()
    assert stored_run(store, runner).outcome == "in_progress"


def test_pause_means_no_timer_runs(make_runner, clock) -> None:
    runner = make_runner()
    page = runner.page
    page.pre_scale.buttons[1].click()
    page.start_button.click()
    clock.advance(3)
    runner.tick()
    assert runner.ticker.is_running()
    page.pause_button.click()
    assert not runner.ticker.is_running()
    assert page.pause_button.text() == "Resume"
    before = runner.player.snapshot().remaining_s
    clock.advance(120)
    QApplication.processEvents()
    assert runner.player.snapshot().remaining_s == before
    assert not page.figure.is_animating()
    page.pause_button.click()
    assert runner.ticker.is_running()
    assert page.pause_button.text() == "Pause"


def test_keyboard_shortcuts(make_runner, qtbot, monkeypatch, store) -> None:
    runner = make_runner()
    page = runner.page
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.pre_scale.buttons[1].click()
    page.start_button.click()
    assert runner.player.phase == "get_ready"

    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert runner.player.snapshot().paused and not runner.ticker.is_running()
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert not runner.player.snapshot().paused and runner.ticker.is_running()
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert runner.player.phase == "work"
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert runner.player.phase == "get_ready"

    qtbot.keyClick(page, Qt.Key.Key_M)
    assert page.is_muted()
    qtbot.keyClick(page, Qt.Key.Key_M)
    assert not page.is_muted()
    qtbot.keyClick(page, Qt.Key.Key_F)
    assert page.isFullScreen()
    qtbot.keyClick(page, Qt.Key.Key_F)
    assert not page.isFullScreen()

    asked: list[bool] = []

    def answer(value: bool):
        def confirm(parent) -> bool:
            asked.append(runner.player.snapshot().paused)
            return value

        return confirm

    monkeypatch.setattr(player_page, "confirm_stop", answer(False))
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert asked == [True]  # the timer waits while the question is open
    assert page.current_view() == "playing"
    assert not runner.player.snapshot().paused
    monkeypatch.setattr(player_page, "confirm_stop", answer(True))
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert page.current_view() == "summary"
    assert page.summary_title.text() == "Session ended early, and that is fine"
    assert stored_run(store, runner).outcome == "partial"


def test_the_second_side_is_mirrored(make_runner, clock) -> None:
    runner = make_runner("gentle-start")
    page = runner.page
    page.pre_scale.buttons[1].click()
    page.start_button.click()
    seen: dict[str | None, bool] = {}
    while runner.player.phase != "summary" and len(seen) < 2:
        state = runner.player.snapshot()
        if state.phase == "work" and state.side is not None:
            animation = page.figure.animation()
            assert animation is not None
            seen[state.side] = animation.mirrored
        runner.run_command("next")
    assert seen == {"left": False, "right": True}


def test_cues_follow_the_session_and_the_mute_button(make_runner, clock, library) -> None:
    rig = make_rig(library)
    runner = make_runner(cues=rig.cues)
    page = runner.page
    page.pre_scale.buttons[1].click()
    page.start_button.click()
    assert rig.speech.said and rig.speech.said[0].startswith("First up: Chin tuck")
    play_until(runner, clock, lambda: runner.player.phase == "work")
    assert "start" in rig.sounds.played
    page.mute_button.click()
    assert rig.cues.is_muted()
    heard = (len(rig.sounds.played), len(rig.speech.said))
    play_until(runner, clock, lambda: runner.player.phase == "rest")
    assert (len(rig.sounds.played), len(rig.speech.said)) == heard  # silence
    page.mute_button.click()
    stops = rig.speech.stops
    page.pause_button.click()
    assert rig.speech.stops > stops  # pausing cuts the voice off at once

    # The next session starts in the same mute state.
    rig.cues.set_muted(True)
    again = make_runner(cues=rig.cues)
    assert again.page.is_muted()


def test_paused_ice_still_ends_at_the_cap_with_its_cue(make_runner, clock, library) -> None:
    rig = make_rig(library)
    runner = make_runner("ice-interval", cues=rig.cues)
    page = runner.page
    page.pre_scale.buttons[1].click()
    page.start_button.click()
    play_until(runner, clock, lambda: runner.player.phase == "interval")
    clock.advance(60)
    runner.tick()
    page.pause_button.click()
    assert not runner.ticker.is_running()
    assert runner.wake_up_pending()  # one single-shot timer, not a ticking one
    clock.advance(1140)  # 20 minutes since the pack went on
    runner._wake.timeout.emit()  # what the timer does when it fires
    assert runner.player.phase == "summary"
    assert any("ice pack off" in title for title, _ in rig.notes.sent)
    assert not runner.wake_up_pending()
