"""The composition root with a real store on a fake clock: intents become records."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cue_fakes import make_rig
from PySide6.QtWidgets import QApplication

from lbp_desktop import controller as controller_module
from lbp_desktop.controller import AppController
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, SessionRun
from lbp_desktop.storage import backups
from lbp_desktop.storage.store import Store
from lbp_desktop.storage.weekly_plan import SETTING_WEEKLY_GOAL
from lbp_desktop.views.data_error_dialog import DataErrorChoice
from lbp_desktop.views.main_window import MainWindow

NOW = datetime(2026, 3, 11, 14, 5, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def make_controller(qtbot, tmp_path: Path, clock: FakeClock):
    made: list[AppController] = []

    def make(data_dir: Path | None = None) -> AppController:
        window = MainWindow()
        qtbot.addWidget(window)
        ctl = AppController(
            QApplication.instance(),
            window,
            data_dir or tmp_path / "data",
            clock=clock,
            cues=make_rig().cues,  # no sound device or speech engine needed
        )
        made.append(ctl)
        return ctl

    yield make
    for ctl in made:
        if ctl.store is not None:
            ctl.store.close()


def _seed(data_dir: Path, clock: FakeClock, scores: list[int]) -> None:
    with Store.open(data_dir, clock=clock) as store:
        for hours, score in enumerate(scores):
            store.add(PainCheckIn(at=NOW - timedelta(hours=hours + 1), score=score))


def test_logging_pain_writes_a_record_and_updates_today(make_controller) -> None:
    ctl = make_controller()
    assert ctl.start()
    page = ctl.window.today_page
    page.score_button(6).click()
    page.area_button("buttock").click()
    page.ui.saveButton.click()
    stored = ctl.store.records(PainCheckIn)
    assert [(r.score, r.area, r.at) for r in stored] == [(6, "buttock", NOW)]
    # What the page says comes from the store, not from the form.
    assert "<b>6</b> out of 10" in page.ui.historyLabel.text()


def test_a_refused_write_keeps_the_entry_and_says_why(make_controller, monkeypatch) -> None:
    ctl = make_controller()
    assert ctl.start()

    def disk_full(record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ctl.store, "add", disk_full)
    page = ctl.window.today_page
    page.score_button(3).click()
    page.ui.saveButton.click()
    assert "No space left on device" in page.ui.feedbackLabel.text()
    assert page.selected_score() == 3  # the form keeps what the user entered


def test_progress_is_filled_when_first_shown(make_controller, clock) -> None:
    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4, 5, 6])
    ctl = make_controller(data_dir)
    assert ctl.start()
    ctl.window.show()
    ctl.window.go_to("progress")
    shown = ctl.window.progress_page.current_analytics()
    assert shown is not None
    assert shown.pain.mean[-1] == pytest.approx(5.0)


def test_settings_are_kept_in_the_store(make_controller) -> None:
    ctl = make_controller()
    assert ctl.start()
    ctl.window.settings_page.weekly_goal_changed.emit(3)
    assert ctl.store.get_setting(SETTING_WEEKLY_GOAL) == 3
    ctl.window.settings_page.theme_changed.emit("dark")
    assert ctl.window_state.value("theme") == "dark"
    ctl.window.settings_page.theme_changed.emit("system")  # the app is shared by all tests
    ctl.window.resize(700, 560)
    ctl.window.close()
    assert ctl.window_state.value("geometry")
    # A new window over the same data folder opens at that size.
    reopened = make_controller(ctl.data_dir)
    assert reopened.window_state.value("geometry") == ctl.window_state.value("geometry")


def test_unreadable_file_restored_from_backup_keeps_the_bad_one(
    make_controller, clock, monkeypatch
) -> None:
    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4, 5])
    backups.make_backup(data_dir, now=NOW, kind="daily")
    year_file = data_dir / "records" / "2026.json"
    damaged = year_file.read_bytes()[:40]
    year_file.write_bytes(damaged)
    asked: list[str] = []

    def choose_restore(message, backup_date, **kwargs):
        asked.append(message)
        return DataErrorChoice.RESTORE

    monkeypatch.setattr(controller_module, "ask_about_unreadable_file", choose_restore)
    ctl = make_controller(data_dir)
    assert ctl.start()
    assert "2026" in asked[0]
    assert len(ctl.store.records(PainCheckIn)) == 2
    kept = list((data_dir / "unreadable").iterdir())
    assert [hashlib.sha256(p.read_bytes()).digest() for p in kept] == [
        hashlib.sha256(damaged).digest()
    ]


def test_unreadable_file_and_quit_leaves_everything_alone(
    make_controller, clock, monkeypatch
) -> None:
    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4])
    settings = data_dir / "settings.json"
    settings.write_bytes(b'{"meta": ')
    monkeypatch.setattr(
        controller_module, "ask_about_unreadable_file", lambda *a, **k: DataErrorChoice.QUIT
    )
    ctl = make_controller(data_dir)
    assert not ctl.start()
    assert ctl.exit_code == 2
    assert settings.read_bytes() == b'{"meta": '
    assert not (data_dir / "unreadable").exists()


def test_only_the_visible_page_is_built_at_start(make_controller) -> None:
    ctl = make_controller()
    assert ctl.start()
    assert ctl.window.built_pages() == ["today"]
    ctl.window.go_to("settings")
    assert ctl.window.settings_page.ui.dataPathLabel.text() == str(ctl.data_dir)


def test_a_page_opened_before_the_store_was_ready_is_filled(make_controller, clock) -> None:
    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [2, 4])
    ctl = make_controller(data_dir)
    ctl.window.show()
    ctl.window.go_to("progress")  # the user clicks while the diary is still opening
    assert ctl.start()
    shown = ctl.window.progress_page.current_analytics()
    assert shown is not None and shown.pain.mean[-1] == pytest.approx(3.0)


def test_a_data_folder_that_cannot_be_used_is_explained(
    make_controller, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    shown: list[str] = []
    monkeypatch.setattr(
        controller_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text)
    )
    ctl = make_controller(blocker)
    assert not ctl.start()
    assert ctl.exit_code == 2
    assert "cannot use its data folder" in shown[0]
    assert blocker.read_text() == "a file where the data folder should be"


def test_the_exercises_page_shows_every_exercise_when_opened(make_controller) -> None:
    ctl = make_controller()
    assert ctl.start()
    ctl.window.show()
    ctl.window.go_to("exercises")
    gallery = ctl.window.exercises_page
    assert len(gallery.tiles()) == len(ctl.library.exercises) >= 26
    for exercise_id in ctl.library.exercises:
        assert gallery.tile(exercise_id) is not None
    # What the app cannot guide is there to read, not to play.
    assert {"Acupuncture", "Massage"} <= set(gallery.education_titles())


def _all_no(questions) -> dict[str, bool]:
    return {q.id: False for q in questions}


@pytest.fixture
def screens(monkeypatch):
    """Stand-ins for the safety dialogs: answer as the test says, count the asks."""
    from lbp_desktop.domain import safety
    from lbp_desktop.views import safety_dialogs

    asked: dict[str, int] = {"red_flags": 0, "heat_ice": 0}
    answers = {
        "red_flags": _all_no(safety.RED_FLAG_QUESTIONS),
        "heat_ice": _all_no(safety.HEAT_ICE_QUESTIONS),
    }

    def red_flags(previous, parent):
        asked["red_flags"] += 1
        return answers["red_flags"], safety.screen_red_flags(answers["red_flags"])

    def heat_ice(kind, parent):
        asked["heat_ice"] += 1
        return answers["heat_ice"], safety.check_heat_ice(answers["heat_ice"])

    monkeypatch.setattr(safety_dialogs, "run_safety_screen", red_flags)
    monkeypatch.setattr(safety_dialogs, "run_heat_ice_check", heat_ice)
    return asked, answers


def test_a_red_flag_keeps_guided_sessions_closed(make_controller, screens) -> None:
    from lbp_desktop.domain import safety

    asked, answers = screens
    answers["red_flags"][safety.RED_FLAG_QUESTIONS[0].id] = True
    ctl = make_controller()
    assert ctl.start()
    ctl.start_session("desk-reset")
    assert ctl.window.session_view() is None
    assert ctl.store.get_setting("safety_screen")["blocks"] is True
    ctl.start_session("desk-reset")
    assert asked["red_flags"] == 2  # asked again, so a wrong answer can be put right


def test_a_session_opens_in_the_session_page_and_writes_as_it_goes(
    make_controller, screens
) -> None:
    asked, _ = screens
    ctl = make_controller()
    assert ctl.start()
    ctl.window.show()
    ctl.window.go_to("session")
    ctl.window.session_page.select_plan("desk-reset")
    ctl.window.session_page.ui.startButton.click()
    player = ctl.window.session_view()
    assert player is not None and ctl.window.current_page_name() == "session"
    player.start_requested.emit(3)
    runs = ctl.store.records(SessionRun)
    assert [(r.plan_id, r.outcome, r.pre_pain) for r in runs] == [("desk-reset", "in_progress", 3)]
    ctl.start_session("desk-reset")  # a second start shows the running session
    assert ctl.window.session_view() is player
    assert asked["red_flags"] == 1 and asked["heat_ice"] == 0


def test_not_now_goes_back_to_the_plans(make_controller, screens) -> None:
    ctl = make_controller()
    assert ctl.start()
    ctl.window.show()
    ctl.start_session("gentle-start")
    player = ctl.window.session_view()
    player.not_now_button.click()
    assert ctl.window.session_view() is None
    assert ctl.window.ui.pages.currentWidget() is ctl.window.session_page
    assert ctl.store.records(SessionRun) == []


def test_heat_not_advised_leaves_the_heat_step_out(make_controller, screens) -> None:
    from lbp_desktop.domain import safety

    asked, answers = screens
    answers["heat_ice"][safety.HEAT_ICE_QUESTIONS[0].id] = True
    ctl = make_controller()
    assert ctl.start()
    ctl.window.show()
    ctl.start_session("heat-and-relax")  # heat pack, then slow breathing
    player = ctl.window.session_view()
    assert player is not None
    assert ctl.store.get_setting("heat_ice_check_heat")["allowed"] is False
    player.start_requested.emit(2)
    [run] = ctl.store.records(SessionRun)
    assert run.plan_id == "heat-and-relax"
    from lbp_desktop.session_runner import SessionRunner

    runner = player.findChild(SessionRunner)
    assert [i.exercise_id for i in runner.player.plan.items] == ["slow-breathing"]
    ctl.window.show_session_view(None)
    ctl.start_session("ice-interval")  # only an ice step: nothing left to play
    assert asked["heat_ice"] == 2
    assert ctl.window.session_view() is None
    assert "not advised" in ctl.window.status_text()


def test_safety_answers_can_be_reviewed_in_settings(make_controller, screens) -> None:
    from lbp_desktop.domain import safety

    asked, answers = screens
    ctl = make_controller()
    assert ctl.start()
    ctl.window.go_to("settings")
    page = ctl.window.settings_page
    assert "before your first guided session" in page.ui.safetyStatusLabel.text()
    answers["red_flags"][safety.RED_FLAG_QUESTIONS[0].id] = True
    page.ui.safetyReviewButton.click()
    assert asked["red_flags"] == 1
    assert "paused" in page.ui.safetyStatusLabel.text()
    answers["red_flags"][safety.RED_FLAG_QUESTIONS[0].id] = False
    page.ui.safetyReviewButton.click()
    assert "none showed a warning sign" in page.ui.safetyStatusLabel.text()
    assert ctl.store.get_setting("safety_screen")["blocks"] is False


def _runner(ctl: AppController):
    from lbp_desktop.session_runner import SessionRunner

    view = ctl.window.session_view()
    assert view is not None
    runner = view.findChild(SessionRunner)
    assert runner is not None
    return view, runner


def _play_until(runner, clock: FakeClock, done, limit_s: float = 3600) -> None:
    waited = 0.0
    while not done():
        assert waited < limit_s, "the session never got there"
        clock.advance(0.5)
        waited += 0.5
        runner.tick()


def test_a_whole_plan_from_the_session_page_to_today(make_controller, screens, clock) -> None:
    ctl = make_controller()
    assert ctl.start()
    ctl.window.show()
    ctl.window.go_to("session")
    ctl.window.session_page.select_plan("desk-reset")
    ctl.window.session_page.ui.startButton.click()
    page, runner = _runner(ctl)
    page.pre_scale.buttons[3].click()
    page.start_button.click()
    _play_until(runner, clock, lambda: page.current_view() == "summary")
    page.post_scale.buttons[1].click()
    page.feedback_button("chin-tuck", "too_easy").click()
    page.save_button.click()

    assert ctl.window.session_view() is None  # back to the plans
    assert "saved" in ctl.window.status_text()
    [run] = ctl.store.records(SessionRun)
    assert (run.plan_id, run.outcome, run.pre_pain, run.post_pain) == (
        "desk-reset",
        "completed",
        3,
        1,
    )
    assert [s.exercise_id for s in run.steps] == [
        "chin-tuck", "shoulder-blade-squeeze", "standing-back-extension", "sit-to-stand",
    ]  # fmt: skip
    assert run.steps[0].feedback == "too_easy"
    assert run.ended_at is not None and run.ended_at > run.at
    ctl.window.go_to("today")
    assert ctl.window.today_page.ui.weekValueLabel.text() == "1 of 5"


def _interrupted_run(ctl: AppController, clock: FakeClock, seconds: float) -> SessionRun:
    """Start desk-reset, play a while, then drop everything as a crash would."""
    ctl.start_session("desk-reset")
    page, runner = _runner(ctl)
    page.pre_scale.buttons[2].click()
    page.start_button.click()
    _play_until(runner, clock, lambda: clock.monotonic() - 1000 >= seconds)
    run = ctl.store.get(SessionRun, runner.player.run_id)
    assert run is not None and run.outcome == "in_progress"
    # The crash: nothing more happens in this app, and its store goes.
    runner.ticker.set_running(False)
    ctl.window.show_session_view(None)
    ctl.store.close()
    ctl.store = None
    return run


def test_an_interrupted_session_is_offered_and_carried_on(
    make_controller, screens, clock, tmp_path
) -> None:
    first = make_controller()
    assert first.start()
    run = _interrupted_run(first, clock, 60)
    assert [s.exercise_id for s in run.steps] == ["chin-tuck"]

    clock.advance(600)
    ctl = make_controller()
    assert ctl.start()
    ctl.window.show()
    [banner] = ctl.window.banners()
    assert "Desk reset" in banner.message_label.text()
    assert "1 part done" in banner.message_label.text()
    banner.button("Carry on the interrupted session").click()
    assert ctl.window.banners() == []
    page, runner = _runner(ctl)
    assert page.check_in_title.text() == "Carrying on: Desk reset"
    assert page.start_button.text() == "Carry on"
    assert runner.player.run_id == run.id
    page.pre_scale.buttons[2].click()
    page.start_button.click()
    state = runner.player.snapshot()  # the lead-in to the first unfinished part
    assert (state.phase, state.exercise_id) == ("get_ready", "shoulder-blade-squeeze")
    _play_until(runner, clock, lambda: page.current_view() == "summary")
    page.post_scale.buttons[2].click()
    page.save_button.click()
    [stored] = ctl.store.records(SessionRun)  # the same record, carried on
    assert stored.id == run.id and stored.outcome == "completed"
    assert [s.exercise_id for s in stored.steps] == [
        "chin-tuck", "shoulder-blade-squeeze", "standing-back-extension", "sit-to-stand",
    ]  # fmt: skip
    contexts = [c.context for c in ctl.store.records(PainCheckIn)]
    assert contexts == ["before_session", "during_session", "after_session"]


def test_not_now_closes_the_interrupted_session_as_partial(make_controller, screens, clock) -> None:
    first = make_controller()
    assert first.start()
    run = _interrupted_run(first, clock, 60)

    ctl = make_controller()
    assert ctl.start()
    [banner] = ctl.window.banners()
    banner.button("Do not carry on the interrupted session").click()
    stored = ctl.store.get(SessionRun, run.id)
    assert stored.outcome == "partial" and "interrupted" in stored.stop_reason
    assert stored.steps == run.steps
    ctl.store.close()
    ctl.store = None
    again = make_controller()
    assert again.start()
    assert again.window.banners() == []  # asked once


def test_an_old_interrupted_session_is_closed_without_asking(
    make_controller, screens, clock
) -> None:
    first = make_controller()
    assert first.start()
    run = _interrupted_run(first, clock, 30)
    clock.advance(24 * 3600)
    ctl = make_controller()
    assert ctl.start()
    assert ctl.window.banners() == []
    assert ctl.store.get(SessionRun, run.id).outcome == "partial"


def test_play_opens_the_plan_or_says_it_does_not_exist(make_controller, screens) -> None:
    ctl = make_controller()
    ctl.play_on_start = "desk-reset"
    assert ctl.start()
    page, runner = _runner(ctl)
    assert runner.player.plan.id == "desk-reset"
    assert ctl.window.current_page_name() == "session"
    ctl.handle_message({"action": "play", "plan": "gentle-start"})
    assert ctl.window.session_view() is page  # one session at a time

    other = make_controller()
    assert other.start()
    other.handle_message({"action": "play", "plan": "no-such-plan"})
    assert other.window.session_view() is None
    assert 'no plan called "no-such-plan"' in other.window.status_text()
    other.handle_message({"action": "play"})  # ill-formed: ignored
    other.handle_message({"action": "activate"})
    assert other.window.session_view() is None


def test_after_a_session_stopped_for_pain_the_gentle_plan_is_suggested(
    make_controller, screens, clock
) -> None:
    ctl = make_controller()
    assert ctl.start()
    page = ctl.window.session_page
    assert page.suggested_plan_id() == "gentle-start"  # nothing done yet: a first plan
    ctl.start_session("core-builder")
    player, runner = _runner(ctl)
    player.pre_scale.buttons[2].click()
    player.start_button.click()
    _play_until(runner, clock, lambda: runner.player.phase == "work")
    player.hurt_button.click()
    player.hurt_scale.buttons[4].click()  # 2 -> 4: the stop rule
    player.post_scale.buttons[4].click()
    player.save_button.click()
    assert ctl.window.session_view() is None
    assert page.suggested_plan_id() == "gentle-start"
    assert page.selected_plan_id() == "gentle-start"
    assert "pain went up" in page.suggestion_label.text()
    assert not page.suggestion_label.isHidden()


def _finish_with_ratings(ctl: AppController, clock: FakeClock, plan_id: str, ratings) -> None:
    ctl.start_session(plan_id)
    player, runner = _runner(ctl)
    player.pre_scale.buttons[2].click()
    player.start_button.click()
    _play_until(runner, clock, lambda: player.current_view() == "summary")
    player.post_scale.buttons[2].click()
    for exercise_id, value in ratings.items():
        player.feedback_button(exercise_id, value).click()
    player.save_button.click()
    assert ctl.window.session_view() is None


def test_too_easy_twice_moves_the_dose_up_shown_and_undoable(
    make_controller, screens, clock
) -> None:
    ctl = make_controller()
    assert ctl.start()
    page = ctl.window.session_page
    notice = page.progression_notice

    def plan_text() -> str:
        page.select_plan("desk-reset")
        return page.details_text()

    before = plan_text()
    _finish_with_ratings(ctl, clock, "desk-reset", {"chin-tuck": "too_easy"})
    assert notice.isHidden()  # once is not enough
    _finish_with_ratings(ctl, clock, "desk-reset", {"chin-tuck": "too_easy"})
    assert not notice.isHidden() and notice.title() == "Your plan changed"
    [line] = notice.lines()
    assert line.startswith("Chin tuck") and "too easy" in line
    assert plan_text() != before  # the plan shows the new dose
    assert ctl.store.get_setting("progression")["exercises"]["chin-tuck"]["step"] == 1

    # The next session plays the new dose.
    ctl.start_session("desk-reset")
    _, runner = _runner(ctl)
    first = runner.player.segments[1]
    planned = ctl.library.item_dosage(ctl.library.plans["desk-reset"].items[0])
    assert first.exercise.id == "chin-tuck" and first.dosage != planned
    ctl.window.session_view().not_now_button.click()

    notice.undo_button.click()
    assert notice.title() == "Changes undone"
    assert plan_text() == before
    assert ctl.store.get_setting("progression")["exercises"]["chin-tuck"]["step"] == 0


def test_it_hurt_steps_back_at_once(make_controller, screens, clock) -> None:
    ctl = make_controller()
    assert ctl.start()
    _finish_with_ratings(ctl, clock, "core-builder", {"bird-dog": "it_hurt"})
    notice = ctl.window.session_page.progression_notice
    assert not notice.isHidden()
    assert any(line.startswith("Bird-dog") for line in notice.lines())
    assert ctl.store.get_setting("progression")["exercises"]["bird-dog"]["step"] == -1


def test_at_the_top_of_the_ladder_the_level_is_explained_before_the_exercise(
    make_controller, screens
) -> None:
    from lbp_desktop.domain.progression import ExerciseProgress, ProgressionState, ladder_for

    ctl = make_controller()
    assert ctl.start()
    ladder = ladder_for(ctl.library, "bird-dog", "core-builder")
    top = ladder.highest
    state = ProgressionState(exercises={"bird-dog": ExerciseProgress(step=top)})
    ctl.store.set_setting("progression", state.to_json())
    ctl.start_session("core-builder")
    _, runner = _runner(ctl)
    ready = next(s for s in runner.player.segments if s.exercise.id == "bird-dog")
    assert ready.exercise.steps[0].startswith("Harder version: ")
    assert ready.dosage == ladder.at(top) and ready.dosage.hold_s == 10  # never past 10 s


def test_no_sound_and_no_speech_are_both_said_once(qtbot, tmp_path, clock, screens) -> None:
    from cue_fakes import FakeSounds, FakeSpeech

    window = MainWindow()
    qtbot.addWidget(window)
    rig = make_rig(sounds=FakeSounds(ok=False), speech=FakeSpeech(ok=False))
    ctl = AppController(
        QApplication.instance(), window, tmp_path / "data", clock=clock, cues=rig.cues
    )
    assert ctl.start()
    ctl.start_session("desk-reset")
    page, runner = _runner(ctl)
    page.pre_scale.buttons[1].click()
    page.start_button.click()
    _play_until(runner, clock, lambda: runner.player.phase == "work")
    status = ctl.window.status_text()
    assert status.startswith("No sound output or speech engine was found")
    assert rig.sounds.played == [] and rig.speech.said == []
    page.stop_confirmed.emit()
    ctl.store.close()
    ctl.store = None


def test_volume_and_voice_are_kept_and_reach_the_cues(make_controller) -> None:
    ctl = make_controller()
    assert ctl.start()
    page = ctl.window.settings_page
    assert page.volume() == 80 and page.ui.voiceCheck.isChecked()  # the defaults
    page.ui.volumeSlider.setValue(35)
    page.ui.voiceCheck.setChecked(False)
    cues = ctl.cue_player()
    assert cues.volume() == 35 and not cues.voice_enabled()
    assert ctl.store.get_setting("cue_volume") == 35
    assert ctl.store.get_setting("spoken_cues") is False
    ctl.store.close()
    ctl.store = None

    again = make_controller()
    assert again.start()
    assert again.window.settings_page.volume() == 35
    assert not again.window.settings_page.ui.voiceCheck.isChecked()
    assert again.cue_player().volume() == 35 and not again.cue_player().voice_enabled()


def test_changing_the_weekly_goal_keeps_the_old_one_for_the_past(make_controller, clock) -> None:
    _seed(ctl_dir := make_controller().data_dir, clock, [3])
    ctl = make_controller(ctl_dir)
    assert ctl.start()
    first = date(NOW.year, 1, 1)
    assert ctl.goal_history() == [(first, 5)]  # the default plan, from the diary's first year
    clock.advance(7 * 86400)
    ctl.window.settings_page.weekly_goal_changed.emit(3)
    later = clock.now().date()
    assert ctl.goal_history() == [(first, 5), (later, 3)]
    assert ctl.store.get_setting("sessions_per_week") == 3


def test_an_entry_can_be_corrected_and_deleted(make_controller, clock) -> None:
    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [6, 3])
    ctl = make_controller(data_dir)
    assert ctl.start()
    page = ctl.window.today_page
    first, second = ctl.store.records(PainCheckIn)
    earlier = first.at - timedelta(minutes=30)
    page.pain_edit_requested.emit(first.id, 5, "buttock", "after the drive", earlier)
    fixed = ctl.store.get(PainCheckIn, first.id)
    assert (fixed.score, fixed.area, fixed.note, fixed.at) == (
        5,
        "buttock",
        "after the drive",
        earlier,
    )
    page.pain_edit_requested.emit(second.id, 4, None, "", clock.now() + timedelta(hours=1))
    assert ctl.store.get(PainCheckIn, second.id).score == second.score  # the future is refused
    page.pain_delete_requested.emit(second.id)
    assert [r.id for r in ctl.store.records(PainCheckIn)] == [first.id]
    page.pain_edit_requested.emit(second.id, 4, None, "", None)  # gone meanwhile: said, no crash
    assert [r.id for r in ctl.store.records(PainCheckIn)] == [first.id]


def test_the_weekly_peg_is_asked_saved_or_skipped(make_controller, clock) -> None:
    from lbp_desktop.domain.records import PegAnswer

    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4])
    clock.advance(2 * 86400)  # the diary is older than today: the PEG is due
    ctl = make_controller(data_dir)
    assert ctl.start()
    page = ctl.window.today_page
    assert page.peg_card.is_asking()
    page.peg_skipped.emit()
    assert not page.peg_card.is_asking()
    assert ctl.store.get_setting("peg_skipped_week")
    ctl.store.set_setting("peg_skipped_week", None)
    ctl.refresh_today()
    assert page.peg_card.is_asking()
    page.peg_submitted.emit(6, 5, 4)
    [answer] = ctl.store.records(PegAnswer)
    assert (answer.pain, answer.enjoyment, answer.activity) == (6, 5, 4)
    ctl.refresh_today()
    assert not page.peg_card.is_asking()  # answered this week


def test_today_suggests_a_plan_and_starts_it(make_controller, screens) -> None:
    ctl = make_controller()
    assert ctl.start()
    page = ctl.window.today_page
    assert page.suggested_plan_id() == "gentle-start"  # a first plan
    assert "Gentle start" in page.ui.nextNameLabel.text()
    page.ui.startButton.click()
    assert ctl.window.session_view() is not None


def test_all_years_are_read_only_when_all_is_chosen(make_controller, clock) -> None:
    data_dir = make_controller().data_dir
    with Store.open(data_dir, clock=clock) as store:
        store.add(PainCheckIn(at=NOW - timedelta(days=3 * 365), score=8))
        store.add(PainCheckIn(at=NOW - timedelta(hours=2), score=3))
    ctl = make_controller(data_dir)
    assert ctl.start()
    ctl.window.show()
    ctl.window.go_to("progress")
    page = ctl.window.progress_page
    assert page.analytics_for("all").start > (NOW - timedelta(days=400)).date()
    assert NOW.year - 3 not in ctl.store._years  # the old year was not read
    page.range_button("all").click()
    assert page.current_range() == "all"
    assert page.current_analytics().start <= (NOW - timedelta(days=3 * 365)).date()


def test_the_progress_page_exports_the_period_shown(make_controller, clock, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4, 5, 6])
    ctl = make_controller(data_dir)
    assert ctl.start()
    ctl.window.show()
    ctl.window.go_to("progress")
    page = ctl.window.progress_page
    chosen = {"path": str(tmp_path / "out" / "diary")}
    (tmp_path / "out").mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (chosen["path"], ""))
    )
    page.export_requested.emit("csv")
    written = tmp_path / "out" / "diary.csv"
    assert written.exists() and written.read_text(encoding="utf-8-sig").count("\n") == 4
    assert str(written) in page.ui.exportStatusLabel.text()
    chosen["path"] = str(tmp_path / "out" / "report.pdf")
    page.export_requested.emit("pdf")
    assert (tmp_path / "out" / "report.pdf").read_bytes().startswith(b"%PDF")
    chosen["path"] = str(tmp_path / "missing-folder" / "x.json")
    page.export_requested.emit("fhir")
    assert "Not saved" in page.ui.exportStatusLabel.text()
    chosen["path"] = ""  # the user closed the dialog: nothing happens
    page.export_requested.emit("csv")


def test_a_peg_answer_is_stored_and_its_score_shown(make_controller) -> None:
    from lbp_desktop.views.peg_card import RESULT

    ctl = make_controller()
    assert ctl.start()
    ctl.window.today_page.peg_submitted.emit(6, 5, 5)
    stored = ctl.store.records(PegAnswer)
    assert [(r.pain, r.enjoyment, r.activity) for r in stored] == [(6, 5, 5)]
    card = ctl.window.today_page.peg_card
    assert card.state == RESULT
    assert card.result_label.text().startswith("Thank you. Your score this week is 5.3")


def test_settings_exports_the_whole_diary(make_controller, clock, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4, 5, 6])
    ctl = make_controller(data_dir)
    assert ctl.start()
    ctl.window.go_to("settings")
    page = ctl.window.settings_page
    suggested: list[str] = []

    def save_as(_parent, _title, path, _filter):
        suggested.append(path)
        return str(tmp_path / "whole"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    page.export_requested.emit("csv")
    assert suggested[0].endswith(f"back-care-diary-{NOW:%Y-%m-%d}.csv")
    written = tmp_path / "whole.csv"
    assert written.read_text(encoding="utf-8-sig").count("\n") == 4
    assert str(written) in page.ui.dataFeedbackLabel.text()


def test_settings_keeps_preferred_time_and_packs(make_controller) -> None:
    from datetime import time

    from lbp_desktop.domain.onboarding import SETTING_EQUIPMENT, SETTING_PREFERRED_TIME

    ctl = make_controller()
    assert ctl.start()
    ctl.window.go_to("settings")
    page = ctl.window.settings_page
    page.preferred_time_changed.emit(time(18, 30))
    page.equipment_changed.emit({"heat_pack": True, "cold_pack": False})
    assert ctl.store.get_setting(SETTING_PREFERRED_TIME) == "18:30"
    assert ctl.store.get_setting(SETTING_EQUIPMENT) == {"heat_pack": True, "cold_pack": False}
    page.preferred_time_changed.emit(None)
    assert ctl.store.get_setting(SETTING_PREFERRED_TIME) is None
    ctl.refresh_settings()
    assert page.preferred_time() is None and page.equipment()["heat_pack"] is True


def test_delete_all_data_empties_the_folder_and_the_app_goes_on(make_controller, clock) -> None:
    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4, 5, 6])
    backups.make_backup(data_dir, now=NOW, kind="daily")
    (data_dir / "my notes.txt").write_text("not the app's")
    ctl = make_controller(data_dir)
    assert ctl.start()
    ctl.window.go_to("settings")
    page = ctl.window.settings_page
    page.delete_all_requested.emit()
    assert ctl.store is not None and not ctl.store.read_only
    assert ctl.store.records(PainCheckIn) == []
    assert backups.list_backups(data_dir) == []
    assert (data_dir / "my notes.txt").read_text() == "not the app's"
    assert "deleted" in page.ui.dataFeedbackLabel.text()
    # The empty diary takes new entries at once.
    ctl.log_pain(3, None, "")
    assert len(ctl.store.records(PainCheckIn)) == 1


def test_the_welcome_comes_once_and_its_answers_are_stored(make_controller) -> None:
    from lbp_desktop.domain import onboarding as ob

    ctl = make_controller()
    assert ctl.start()
    ctl.start_companion(tray_available=lambda: False, find_sources=False)
    try:
        dialog = ctl.show_onboarding()
        assert dialog is not None and dialog.isVisible()
        answers = ob.OnboardingAnswers(
            sessions_per_week=3,
            heat_pack=True,
            cold_pack=False,
            steps_done=tuple(ob.STEPS),
        )
        dialog.completed.emit(answers)
        dialog.close()
        assert ctl.store.get_setting(ob.SETTING_ONBOARDING)["finished_at"] is not None
        assert ctl.store.get_setting(ob.SETTING_EQUIPMENT) == {
            "heat_pack": True,
            "cold_pack": False,
        }
        assert ctl.weekly_goal() == 3
        assert ctl.show_onboarding() is None  # once is enough
        again = ctl.show_onboarding(force=True)  # Settings: "Show the welcome again"
        assert again is not None and again.answers().sessions_per_week == 3
        again.close()
    finally:
        ctl.companion.stop()
        ctl.quitting = True
        QApplication.instance().setQuitOnLastWindowClosed(True)


def test_no_welcome_for_someone_who_already_keeps_a_diary(make_controller, clock) -> None:
    data_dir = make_controller().data_dir
    _seed(data_dir, clock, [4])
    ctl = make_controller(data_dir)
    assert ctl.start()
    assert ctl.show_onboarding() is None
