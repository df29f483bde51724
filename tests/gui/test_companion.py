"""The tray companion: tray menu actions, closing to the tray, the no-tray fallback.

Offscreen Qt has no tray host, so whether a tray exists is injected; the
real tray host (trayer under Xvfb) is in tests/e2e/test_tray_e2e.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cue_fakes import make_rig
from PySide6.QtWidgets import QApplication

from lbp_desktop import companion as companion_module
from lbp_desktop.companion import (
    MINIMISE,
    QUIT,
    SETTING_PAUSED_UNTIL,
    SETTING_REMINDERS,
    SETTING_TRAY_EXPLAINED,
    TRAY_LOOK_EVERY_MS,
    TRAY_WAIT_S,
)
from lbp_desktop.controller import AppController
from lbp_desktop.domain import reminders as R
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PostureBreak
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.views.main_window import MainWindow

# Offscreen Qt has no tray and cannot raise windows; it says so.
pytestmark = pytest.mark.qt_log_ignore(
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",
    "This plugin does not support raise",
    "This plugin does not support propagateSizeHints",
)

# A Wednesday afternoon, outside quiet hours.
NOW = datetime(2026, 3, 11, 14, 5, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def make_app(qtbot, tmp_path: Path, clock: FakeClock):
    made: list[AppController] = []
    app = QApplication.instance()

    def make(*, tray: bool, answers: list[str] | None = None, data_dir: Path | None = None):
        window = MainWindow()
        qtbot.addWidget(window)
        ctl = AppController(
            app,
            window,
            data_dir or tmp_path / "data",
            clock=clock,
            cues=make_rig().cues,
        )
        made.append(ctl)
        assert ctl.start()
        window.show()
        asked: list[object] = []

        def ask(parent) -> str:
            asked.append(parent)
            return (answers or [MINIMISE]).pop(0)

        tray_state = {"available": tray}
        companion = ctl.start_companion(
            tray_available=lambda: tray_state["available"],
            ask_quit=ask,
            find_sources=False,
        )
        companion.asked = asked  # type: ignore[attr-defined]
        companion.tray_state = tray_state  # type: ignore[attr-defined]
        return ctl, companion

    yield make
    for ctl in made:
        ctl.window.set_close_handler(None)
        if ctl.companion is not None:
            ctl.companion.stop()
            if ctl.companion.tray is not None:
                ctl.companion.tray.hide()
        ctl.quitting = True
        if ctl.store is not None:
            ctl.store.close()
    # The app is shared by all tests: closing windows must end it again elsewhere.
    app.setQuitOnLastWindowClosed(True)


def test_with_a_tray_closing_the_window_keeps_the_app_and_says_so_once(make_app) -> None:
    ctl, companion = make_app(tray=True)
    assert companion.has_tray
    said: list[tuple[str, str]] = []
    companion.tray.show_message = lambda title, body: said.append((title, body))
    ctl.window.close()
    assert not ctl.window.isVisible()
    assert not QApplication.instance().quitOnLastWindowClosed()
    assert len(said) == 1 and "still running" in said[0][0]
    assert ctl.store.get_setting(SETTING_TRAY_EXPLAINED) is True
    companion.open_window()
    assert ctl.window.isVisible()
    ctl.window.close()
    assert len(said) == 1  # only the first time
    assert companion.asked == []


def test_tray_menu_lists_plans_with_the_suggestion_first(make_app) -> None:
    _ctl, companion = make_app(tray=True)
    tray = companion.tray
    tray.menu_about_to_show.emit()
    texts = [a.text() for a in tray.plans_menu.actions() if not a.isSeparator()]
    assert texts[0].endswith("(suggested)")
    assert any("Desk reset" in t for t in texts)
    assert tray.status_action.text().startswith("Next posture break at 14:35")
    assert tray.tooltip().endswith("Next posture break at 14:35")  # no "in N min" to go stale


def test_tray_start_session_opens_the_window_on_that_plan(make_app, monkeypatch) -> None:
    ctl, companion = make_app(tray=True)
    ctl.window.hide()
    started: list[str] = []
    monkeypatch.setattr(ctl, "start_session", lambda plan_id, resume=None: started.append(plan_id))
    companion.tray.menu_about_to_show.emit()
    action = companion.tray.plans_menu.findChild(object, "trayPlan_desk-reset")
    assert action is not None
    action.trigger()
    assert started == ["desk-reset"] and ctl.window.isVisible()


def test_tray_log_pain_opens_today(make_app) -> None:
    ctl, companion = make_app(tray=True)
    ctl.window.go_to("progress")
    ctl.window.hide()
    companion.tray.log_action.trigger()
    assert ctl.window.isVisible() and ctl.window.current_page_name() == "today"


def test_tray_pause_resume_and_icon_states(make_app, clock) -> None:
    ctl, companion = make_app(tray=True)
    tray = companion.tray
    assert tray.state == "normal"
    tray.pause_actions[1].trigger()  # 1 hour
    assert tray.state == "paused"
    assert tray.status_action.text() == "Paused until 15:05"
    assert tray.resume_action.isVisible() and not tray.pause_menu.isEnabled()
    assert ctl.store.get_setting(SETTING_PAUSED_UNTIL) == "2026-03-11T15:05:00+00:00"
    tray.resume_action.trigger()
    assert tray.state == "normal" and ctl.store.get_setting(SETTING_PAUSED_UNTIL) is None
    tray.tomorrow_action.trigger()
    assert tray.status_action.text() == "Paused until Thu 07:00"
    tray.break_action.trigger()
    assert tray.state == "due"
    assert companion.reminders.window is not None and companion.reminders.window.isVisible()


def test_a_pause_survives_a_restart(make_app, tmp_path) -> None:
    ctl, companion = make_app(tray=True)
    companion.pause_for(120)
    ctl.companion.reminders.stop()
    ctl.quitting = True  # the first app quits
    ctl.store.close()
    _again, companion2 = make_app(tray=True, data_dir=ctl.data_dir)
    assert companion2.reminders.next_due().reason == R.PAUSED
    assert companion2.reminders.paused_until() == datetime(2026, 3, 11, 16, 5, tzinfo=UTC)


def test_reminder_settings_come_from_the_store(make_app, tmp_path) -> None:
    ctl, companion = make_app(tray=True)
    companion.apply_settings(ReminderSettings(interval_min=45))
    assert ctl.store.get_setting(SETTING_REMINDERS)["interval_min"] == 45
    assert companion.reminders.next_due().text == "Break due in 45 min"


def test_break_outcomes_are_stored_in_the_diary(make_app) -> None:
    ctl, companion = make_app(tray=True)
    companion.reminders.break_now()
    window = companion.reminders.window
    window.skipped.emit()
    stored = ctl.store.records(PostureBreak)
    assert [r.outcome for r in stored] == ["skipped"]


def test_a_session_holds_breaks_back(make_app, clock) -> None:
    ctl, companion = make_app(tray=True)
    ctl.window.session_view_changed.emit(True)
    assert companion.reminders.next_due().reason == R.BUSY
    ctl.window.session_view_changed.emit(False)
    assert companion.reminders.next_due().reason == R.DUE


def test_quit_from_the_tray_really_quits(make_app, monkeypatch) -> None:
    ctl, companion = make_app(tray=True)
    quits: list[bool] = []
    monkeypatch.setattr(ctl.app, "quit", lambda: quits.append(True))
    companion.tray.quit_action.trigger()
    assert quits == [True] and not ctl.window.isVisible()


def test_no_tray_looks_again_then_keeps_the_window_as_the_control_surface(make_app) -> None:
    ctl, companion = make_app(tray=False)
    assert not companion.has_tray
    timer = companion._look_timer
    assert timer.isActive() and timer.interval() == TRAY_LOOK_EVERY_MS
    for _ in range(TRAY_WAIT_S * 1000 // TRAY_LOOK_EVERY_MS):
        timer.timeout.emit()
    assert not timer.isActive() and not companion.has_tray
    assert "no tray" in ctl.window.status_text()
    # Closing asks; "minimise instead" keeps the app and the reminders.
    ctl.window.close()
    assert len(companion.asked) == 1
    assert ctl.window.isVisible()
    # Breaks still reach the user, as their own window.
    companion.reminders.break_now()
    assert companion.reminders.window.isVisible()


def test_no_tray_close_and_quit(make_app, monkeypatch) -> None:
    ctl, _companion = make_app(tray=False, answers=[QUIT])
    quits: list[bool] = []
    monkeypatch.setattr(ctl.app, "quit", lambda: quits.append(True))
    ctl.window.close()
    assert quits == [True]


def test_a_tray_that_comes_late_is_used(make_app) -> None:
    ctl, companion = make_app(tray=False)
    companion._look_timer.timeout.emit()
    assert not companion.has_tray
    companion.tray_state["available"] = True
    companion._look_timer.timeout.emit()
    assert companion.has_tray and not companion._look_timer.isActive()
    ctl.window.close()
    assert companion.asked == [] and not ctl.window.isVisible()


def test_started_in_the_tray_without_a_tray_opens_the_window_after_the_wait(
    make_app, monkeypatch
) -> None:
    monkeypatch.setattr(companion_module, "TRAY_WAIT_S", 4)
    ctl, companion = make_app(tray=False)
    ctl.window.hide()
    companion._in_tray = True
    companion._looks_left = 2
    companion._look_timer.timeout.emit()
    assert not ctl.window.isVisible()
    companion._look_timer.timeout.emit()
    assert ctl.window.isVisible()


def test_settings_page_changes_reminders_and_start_on_login(make_app, tmp_path) -> None:
    ctl, companion = make_app(tray=True)
    page = ctl.window.settings_page
    ctl.window.go_to("settings")
    assert page.reminder_settings() == ReminderSettings()
    # No idle source was given: Settings says breaks follow the clock only.
    assert "clock only" in page.reminders.idle_status_label.text()
    page.reminder_settings_changed.emit(ReminderSettings(interval_min=50))
    assert companion.reminders.next_due().text == "Break due in 50 min"
    assert ctl.store.get_setting(SETTING_REMINDERS)["interval_min"] == 50
    page.autostart_toggled.emit(True)
    entry = tmp_path / "xdg-config" / "autostart"
    files = list(entry.iterdir())
    assert len(files) == 1
    text = files[0].read_text(encoding="utf-8")
    assert "--in-tray" in text and "X-GNOME-Autostart-Delay" in text
    assert page.autostart_enabled()
    page.autostart_toggled.emit(False)
    assert list(entry.iterdir()) == []
    assert not page.autostart_enabled()


def test_damaged_reminder_settings_fall_back_field_by_field(make_app, tmp_path, clock) -> None:
    from lbp_desktop.storage.store import Store

    data_dir = tmp_path / "damaged"
    with Store.open(data_dir, clock=clock) as store:
        store.set_setting(SETTING_REMINDERS, {"interval_min": "soon", "idle_break_min": 7})
        store.set_setting(SETTING_PAUSED_UNTIL, "next Tuesday-ish")
    _ctl, companion = make_app(tray=True, data_dir=data_dir)
    settings = companion.reminders.reminders.settings
    assert (settings.interval_min, settings.idle_break_min) == (30, 7)
    assert companion.reminders.next_due().reason == R.DUE  # the bad pause is ignored


def test_a_pause_stored_without_a_time_zone_is_ignored(make_app, tmp_path, clock) -> None:
    from lbp_desktop.storage.store import Store

    data_dir = tmp_path / "naive"
    with Store.open(data_dir, clock=clock) as store:
        store.set_setting(SETTING_PAUSED_UNTIL, "2026-03-11T18:00:00")
    _ctl, companion = make_app(tray=True, data_dir=data_dir)
    assert companion.reminders.next_due().reason == R.DUE


def test_the_session_nudge_comes_at_the_preferred_time_once(make_app, clock, tmp_path) -> None:
    from lbp_desktop.companion import SETTING_LAST_NUDGE
    from lbp_desktop.domain.onboarding import SETTING_PREFERRED_TIME
    from lbp_desktop.storage.store import Store

    data_dir = tmp_path / "nudge"
    with Store.open(data_dir, clock=clock) as store:
        store.set_setting(SETTING_PREFERRED_TIME, "16:00")
    _ctl, companion = make_app(tray=True, data_dir=data_dir)
    said: list[tuple[str, str]] = []
    companion.tray.show_message = lambda title, body: said.append((title, body))
    timer = companion.nudge_timer
    # 14:05 now: it sleeps an hour at the most, then looks again.
    assert timer.isActive() and timer.interval() == 3600 * 1000
    clock.advance(3600)
    assert not companion.nudge_if_due()
    assert timer.interval() == 55 * 60 * 1000  # until 16:00
    clock.advance(55 * 60)
    assert companion.nudge_if_due()
    assert said[0][0] == "Time for your session?" and "(suggested)" not in said[0][1]
    assert _ctl.store.get_setting(SETTING_LAST_NUDGE) == "2026-03-11"
    clock.advance(600)
    assert not companion.nudge_if_due()  # once a day
    assert len(said) == 1


def test_no_session_nudge_while_reminders_are_paused(make_app, clock, tmp_path) -> None:
    from lbp_desktop.domain.onboarding import SETTING_PREFERRED_TIME
    from lbp_desktop.storage.store import Store

    data_dir = tmp_path / "paused"
    with Store.open(data_dir, clock=clock) as store:
        store.set_setting(SETTING_PREFERRED_TIME, "14:10")
    _ctl, companion = make_app(tray=True, data_dir=data_dir)
    companion.pause_until_tomorrow()
    clock.advance(600)
    assert not companion.nudge_if_due()
    # It looks again in ten minutes, not in a busy loop.
    assert companion.nudge_timer.interval() == 10 * 60 * 1000
