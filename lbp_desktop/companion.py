"""The app as a companion: tray icon, posture-break reminders, closing to the tray.

Made once the diary is open (``AppController.run``). Where the desktop has a
tray, closing the window leaves the app running there; where it has none
(GNOME without the AppIndicator extension), the tray is looked for again for
about 30 s, because panels start late after login, and then the main window
stays the control surface: closing it asks whether to quit, and breaks still
come as their own small window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

from lbp_desktop import APP_NAME
from lbp_desktop.break_reminders import BreakReminders
from lbp_desktop.domain.records import PostureBreak
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.domain.reminders import NextReminder

if TYPE_CHECKING:
    from lbp_desktop.controller import AppController
    from lbp_desktop.domain.break_routines import BreakRoutine
    from lbp_desktop.services.autostart import Autostart
    from lbp_desktop.views.tray import TrayIcon

log = logging.getLogger(__name__)

SETTING_REMINDERS = "reminders"
SETTING_PAUSED_UNTIL = "reminders_paused_until"
SETTING_TRAY_EXPLAINED = "tray_close_explained"
SETTING_LAST_NUDGE = "session_nudge_last"  # ISO date of the last "time for your session?"
# The nudge's timer never sleeps longer than this, so a suspend or a new time
# zone is noticed within the hour.
NUDGE_LONGEST_SLEEP_MS = 3600 * 1000
NUDGE_RETRY_MS = 10 * 60 * 1000
# Panels and tray hosts start late after login: look again for this long.
TRAY_WAIT_S = 30
TRAY_LOOK_EVERY_MS = 2000

QUIT = "quit"
MINIMISE = "minimise"
CANCEL = "cancel"


def ask_whether_to_quit(parent) -> str:
    """No tray: closing the window would end the reminders, so ask."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(f"Quit {APP_NAME}?")
    box.setText(f"Quit {APP_NAME}?")
    box.setInformativeText(
        "Posture-break reminders stop until you open the app again. "
        "Your desktop has no tray to keep the app in, so it can only keep "
        "running in a minimised window."
    )
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("&Minimise instead", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is quit_button:
        return QUIT
    if clicked is keep:
        return MINIMISE
    return CANCEL


class TrayCompanion(QObject):
    def __init__(
        self,
        controller: AppController,
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        ask_quit: Callable[[object], str] = ask_whether_to_quit,
        idle_source: object | None = None,
        full_screen: object | None = None,
        find_sources: bool = True,
        in_tray: bool = False,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.window = controller.window
        self._tray_available = tray_available
        self._ask_quit = ask_quit
        self._in_tray = in_tray  # started at login: stay out of sight if a tray comes
        self.tray: TrayIcon | None = None
        self._looks_left = TRAY_WAIT_S * 1000 // TRAY_LOOK_EVERY_MS
        self._look_timer: QTimer | None = None
        if find_sources and idle_source is None:
            idle_source = _find_idle_source()
        if find_sources and full_screen is None:
            full_screen = _full_screen_probe()
        self.idle_source = idle_source
        self.full_screen = full_screen
        self.reminders = BreakReminders(
            controller.clock,
            self._stored_settings(),
            make_window=self._make_break_window,
            routines=self._routines,
            idle_source=idle_source,  # type: ignore[arg-type]
            full_screen=full_screen,  # type: ignore[arg-type]
            own_window_ids=self._own_window_ids,
            parent=self,
        )
        self._routine_cache: list[BreakRoutine] | None = None
        self._autostart: Autostart | None = None
        self.nudge_timer = QTimer(self)
        self.nudge_timer.setSingleShot(True)
        self.nudge_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.nudge_timer.timeout.connect(self.nudge_if_due)

    # -- start and end ----------------------------------------------------------------------

    def start(self) -> None:
        app = self.controller.app
        # The app ends by Quit (tray, menu, question), never by a window closing.
        app.setQuitOnLastWindowClosed(False)
        self.window.set_close_handler(self._on_window_close)
        self.window.session_view_changed.connect(self.reminders.set_session_active)
        self.reminders.record_made.connect(self._store_break)
        self.reminders.changed.connect(self._show_state)
        app.aboutToQuit.connect(self.stop)
        paused = self._stored_pause()
        self.reminders.start()
        if paused is not None:
            self.reminders.restore_pause(paused)
        self.arm_nudge()
        if self._tray_available():
            self._make_tray()
        else:
            log.info("no system tray yet; looking again for %d s", TRAY_WAIT_S)
            self._look_timer = QTimer(self)
            self._look_timer.setInterval(TRAY_LOOK_EVERY_MS)
            self._look_timer.timeout.connect(self._look_for_tray)
            self._look_timer.start()

    def stop(self) -> None:
        """Quitting: no more wake-ups; the desktop connections are let go."""
        self.reminders.stop()
        self.nudge_timer.stop()
        if self._look_timer is not None:
            self._look_timer.stop()
        for source in (self.idle_source, self.full_screen):
            close = getattr(source, "close", None)
            if close is not None:
                close()

    def _look_for_tray(self) -> None:
        self._looks_left -= 1
        if self._tray_available():
            assert self._look_timer is not None
            self._look_timer.stop()
            log.info("the system tray appeared")
            self._make_tray()
        elif self._looks_left <= 0:
            assert self._look_timer is not None
            self._look_timer.stop()
            log.info("no system tray: the window stays the control surface")
            if self._in_tray or not self.window.isVisible():
                from lbp_desktop.views.main_window import bring_to_front

                bring_to_front(self.window)
            self.window.show_status(
                "Your desktop has no tray, so keep this window open (or minimised) "
                "for posture-break reminders.",
                0,
            )

    @property
    def has_tray(self) -> bool:
        return self.tray is not None

    # -- the tray -----------------------------------------------------------------------------

    def _make_tray(self) -> None:
        from lbp_desktop.views.tray import TrayIcon

        tray = self.tray = TrayIcon(self)
        tray.open_requested.connect(self.open_window)
        tray.break_now_requested.connect(self.reminders.break_now)
        tray.log_pain_requested.connect(self.log_pain)
        tray.plan_requested.connect(self.start_plan)
        tray.pause_requested.connect(self.pause_for)
        tray.pause_until_tomorrow_requested.connect(self.pause_until_tomorrow)
        tray.resume_requested.connect(self.resume)
        tray.quit_requested.connect(self.controller.quit)
        tray.menu_about_to_show.connect(self._refresh_menu)
        self._refresh_menu()
        tray.show()
        log.info("tray icon shown")
        cues = self.controller.existing_cue_player()
        if cues is not None:
            cues.set_notification_fallback(tray.show_message)

    def _refresh_menu(self) -> None:
        tray = self.tray
        if tray is None:
            return
        tray.set_next(self.reminders.next_due(), self.controller.clock.now())
        plans, suggested = self.controller.tray_plans()
        tray.set_plans(plans, suggested)

    def _show_state(self, next_reminder: NextReminder) -> None:
        if self.tray is not None:
            self.tray.set_next(next_reminder, self.controller.clock.now())

    # -- actions ------------------------------------------------------------------------------

    def open_window(self) -> None:
        from lbp_desktop.views.main_window import bring_to_front

        bring_to_front(self.window)

    def log_pain(self) -> None:
        self.open_window()
        self.window.go_to("today", focus=True)

    def start_plan(self, plan_id: str) -> None:
        self.open_window()
        self.controller.play_plan(plan_id)

    def pause_for(self, minutes: int) -> None:
        self._save_pause(self.reminders.pause_for(minutes))

    def pause_until_tomorrow(self) -> None:
        self._save_pause(self.reminders.pause_until_tomorrow())

    def resume(self) -> None:
        self.reminders.resume()
        self._save_pause(None)

    def apply_settings(self, settings: ReminderSettings) -> None:
        self.reminders.apply_settings(settings)
        self.controller.save_setting(SETTING_REMINDERS, settings.to_json())

    # -- the session nudge at the preferred time -------------------------------------------

    def _nudge_facts(self) -> tuple[datetime, time | None, date | None]:
        from lbp_desktop.domain.onboarding import SETTING_PREFERRED_TIME, parse_time_text

        store = self.controller.store
        now = self.controller.clock.now()
        if store is None:
            return now, None, None
        preferred = parse_time_text(store.get_setting(SETTING_PREFERRED_TIME))
        last_text = store.get_setting(SETTING_LAST_NUDGE)
        try:
            last = date.fromisoformat(last_text) if isinstance(last_text, str) else None
        except ValueError:
            last = None
        return now, preferred, last

    def arm_nudge(self) -> None:
        """Sleep until the preferred time (or an hour, whichever is sooner)."""
        from lbp_desktop.domain.session_nudge import next_nudge_at

        now, preferred, last = self._nudge_facts()
        at = next_nudge_at(now, preferred, last)
        if at is None:
            self.nudge_timer.stop()
            return
        wait_ms = int((at.timestamp() - now.timestamp()) * 1000)
        if wait_ms <= 0:
            # The time has come but the nudge waits (paused, a session on): look again later.
            wait_ms = NUDGE_RETRY_MS
        self.nudge_timer.start(min(wait_ms, NUDGE_LONGEST_SLEEP_MS))

    def nudge_if_due(self) -> bool:
        """At the preferred time with nothing done today: say so once. True if said."""
        from lbp_desktop.domain import reminders as R
        from lbp_desktop.domain.records import SessionRun
        from lbp_desktop.domain.session_nudge import nudge_due

        said = False
        store = self.controller.store
        now, preferred, last = self._nudge_facts()
        quiet = self.reminders.next_due().reason in (R.PAUSED, R.BUSY, R.QUIET)
        if store is not None and not quiet:
            runs = store.records(SessionRun, since=now.date() - timedelta(days=1))
            goal = self.controller.weekly_goal()
            if nudge_due(now, preferred, last, runs, goal):
                self._say_time_for_a_session()
                self.controller.save_setting(SETTING_LAST_NUDGE, now.date().isoformat())
                said = True
        self.arm_nudge()
        return said

    def _say_time_for_a_session(self) -> None:
        plans, suggested = self.controller.tray_plans()
        name = dict(plans).get(suggested or "", "")
        body = (
            f"{name}. Start it from the tray menu (Start a session) or the Today page."
            if name
            else "Start one from the tray menu or the Today page."
        )
        title = "Time for your session?"
        if self.tray is not None:
            self.tray.show_message(title, body)
        else:
            self.window.show_status(f"{title} {body}", 0)
        log.info("session nudge given")

    # -- settings -----------------------------------------------------------------------------

    def idle_status(self) -> str:
        from lbp_desktop.services.idle import idle_status_text

        return idle_status_text(self.idle_source)  # type: ignore[arg-type]

    def autostart(self) -> Autostart:
        """Start on login for this install (and this data folder, if not the default)."""
        if self._autostart is None:
            from lbp_desktop import paths
            from lbp_desktop.services.autostart import Autostart, login_command

            data_dir = self.controller.data_dir
            custom = data_dir.resolve() != paths.default_data_dir().resolve()
            self._autostart = Autostart(login_command(data_dir if custom else None))
        return self._autostart

    def set_autostart(self, enabled: bool) -> str:
        """Turn start on login on or off; a plain message when that failed."""
        from lbp_desktop.services.autostart import AutostartError

        autostart = self.autostart()
        try:
            if enabled:
                autostart.enable()
            else:
                autostart.disable()
        except AutostartError as exc:
            return str(exc)
        except OSError as exc:
            return f"Start with the computer could not be changed: {exc.strerror or exc}."
        log.info("start on login %s: %s", "on" if enabled else "off", autostart.where())
        return ""

    # -- closing the window ------------------------------------------------------------------

    def _on_window_close(self) -> bool:
        """True lets the window close (and the app end); False keeps it."""
        if self.controller.quitting:
            return True
        if self.tray is not None:
            self.window.hide()
            self._explain_tray_once()
            return False
        # No tray (or none yet): nothing to hide into.
        answer = self._ask_quit(self.window)
        if answer == QUIT:
            self.controller.quit()
            return True
        if answer == MINIMISE:
            self.window.showMinimized()
        return False

    def _explain_tray_once(self) -> None:
        store = self.controller.store
        if store is None or store.get_setting(SETTING_TRAY_EXPLAINED):
            return
        assert self.tray is not None
        self.tray.show_message(
            f"{APP_NAME} is still running",
            "It stays in the tray to remind you to take posture breaks. "
            "Click the icon to open it again, or choose Quit from its menu.",
        )
        self.controller.save_setting(SETTING_TRAY_EXPLAINED, True)

    # -- storage ------------------------------------------------------------------------------

    def _stored_settings(self) -> ReminderSettings:
        store = self.controller.store
        data = store.get_setting(SETTING_REMINDERS) if store is not None else None
        return ReminderSettings.from_json(data)

    def _stored_pause(self) -> datetime | None:
        store = self.controller.store
        text = store.get_setting(SETTING_PAUSED_UNTIL) if store is not None else None
        if not isinstance(text, str):
            return None
        try:
            until = datetime.fromisoformat(text)
        except ValueError:
            return None
        return until if until.tzinfo is not None else None

    def _save_pause(self, until: datetime | None) -> None:
        self.controller.save_setting(
            SETTING_PAUSED_UNTIL, None if until is None else until.isoformat()
        )

    def _store_break(self, record: PostureBreak) -> None:
        self.controller.store_break(record)

    # -- the break window ---------------------------------------------------------------------

    def _make_break_window(self):
        from lbp_desktop.views.break_window import BreakWindow

        return BreakWindow(self.controller.clock)

    def _routines(self) -> list[BreakRoutine]:
        if self._routine_cache is None:
            self._routine_cache = self.controller.break_routines()
        return self._routine_cache

    def _own_window_ids(self) -> list[int]:
        ids = [int(self.window.winId())] if self.window.isVisible() else []
        window = self.reminders.window
        if window is not None and window.isVisible():
            ids.append(int(window.winId()))
        return ids


def _find_idle_source():
    try:
        from lbp_desktop.services.idle import find_idle_source
    except ImportError:  # pragma: no cover - the module ships with the app
        return None
    return find_idle_source()


def _full_screen_probe():
    try:
        from lbp_desktop.services.full_screen import FullScreenProbe
    except ImportError:  # pragma: no cover
        return None
    return FullScreenProbe()
