"""The tray icon and its menu: the app's face while the window is closed.

It renders the reminder state (tooltip, icon) and emits what the user chose;
the break reminders and the controller decide what happens.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from lbp_desktop import APP_NAME
from lbp_desktop.domain import reminders as R
from lbp_desktop.domain.reminders import NextReminder

# Pause lengths offered in the menu, in minutes (USER-VOICES: used constantly).
PAUSE_CHOICES = ((30, "For 30 minutes"), (60, "For 1 hour"), (120, "For 2 hours"))

# Icon states.
ICON_NORMAL = "normal"
ICON_DUE = "due"
ICON_PAUSED = "paused"


def icon_state(next_reminder: NextReminder) -> str:
    if next_reminder.reason == R.SHOWING:
        return ICON_DUE
    if next_reminder.reason == R.PAUSED:
        return ICON_PAUSED
    return ICON_NORMAL


def status_words(next_reminder: NextReminder, now: datetime, *, relative: bool = True) -> str:
    """One line for the menu's first item (renewed as the menu opens) or,
    with ``relative=False``, for the tooltip: that is only renewed when the
    app wakes, so it gives a clock time, which stays true in between."""
    if next_reminder.reason == R.DUE and next_reminder.at_wall is not None:
        at = next_reminder.at_wall.astimezone(now.tzinfo)
        minutes = round((at.timestamp() - now.timestamp()) / 60)
        if minutes <= 0:
            return "Posture break due now"
        if not relative:
            return f"Next posture break at {at:%H:%M}"
        return f"Next posture break at {at:%H:%M} (in {minutes} min)"
    if next_reminder.reason == R.SHOWING:
        return "Time for a posture break"
    return next_reminder.text


def _icon(state: str) -> QIcon:
    from lbp_desktop.views.tray_icons import tray_icon

    return tray_icon(state)


class TrayIcon(QObject):
    open_requested = Signal()
    break_now_requested = Signal()
    log_pain_requested = Signal()
    plan_requested = Signal(str)  # plan id
    pause_requested = Signal(int)  # minutes
    pause_until_tomorrow_requested = Signal()
    resume_requested = Signal()
    quit_requested = Signal()
    menu_about_to_show = Signal()  # time to refresh the status line

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = ICON_NORMAL
        self.icon = QSystemTrayIcon(_icon(ICON_NORMAL), self)
        self.icon.setToolTip(APP_NAME)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.setAccessibleName(f"{APP_NAME} menu")
        self._build_menu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.open_requested)  # "Time for your session?"

    # -- building ---------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, name: str) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        return action

    def _build_menu(self) -> None:
        menu = self.menu
        self.status_action = self._action(menu, APP_NAME, "trayStatus")
        self.status_action.setEnabled(False)
        menu.addSeparator()
        self.open_action = self._action(menu, f"&Open {APP_NAME}", "trayOpen")
        self.open_action.triggered.connect(self.open_requested)
        self.plans_menu = menu.addMenu("&Start a session")
        self.plans_menu.setObjectName("trayPlans")
        self.break_action = self._action(menu, "Posture &break now", "trayBreakNow")
        self.break_action.triggered.connect(self.break_now_requested)
        self.log_action = self._action(menu, "&Log pain…", "trayLogPain")
        self.log_action.triggered.connect(self.log_pain_requested)
        menu.addSeparator()
        self.pause_menu = menu.addMenu("&Pause reminders")
        self.pause_menu.setObjectName("trayPause")
        self.pause_actions: list[QAction] = []
        for minutes, words in PAUSE_CHOICES:
            action = self._action(self.pause_menu, words, f"trayPause{minutes}")
            action.triggered.connect(lambda _=False, m=minutes: self.pause_requested.emit(m))
            self.pause_actions.append(action)
        self.tomorrow_action = self._action(self.pause_menu, "Until tomorrow", "trayPauseTomorrow")
        self.tomorrow_action.triggered.connect(self.pause_until_tomorrow_requested)
        self.resume_action = self._action(menu, "&Resume reminders", "trayResume")
        self.resume_action.triggered.connect(self.resume_requested)
        self.resume_action.setVisible(False)
        menu.addSeparator()
        self.quit_action = self._action(menu, "&Quit", "trayQuit")
        self.quit_action.triggered.connect(self.quit_requested)
        menu.aboutToShow.connect(self.menu_about_to_show)

    def set_plans(self, plans: Sequence[tuple[str, str]], suggested: str | None) -> None:
        """(plan id, title) pairs; the suggested plan comes first, marked."""
        self.plans_menu.clear()
        ordered = sorted(plans, key=lambda p: p[0] != suggested)
        for plan_id, title in ordered:
            text = f"{title} (suggested)" if plan_id == suggested else title
            action = self._action(self.plans_menu, text.replace("&", "&&"), f"trayPlan_{plan_id}")
            action.triggered.connect(lambda _=False, p=plan_id: self.plan_requested.emit(p))
            if plan_id == suggested and len(ordered) > 1:
                self.plans_menu.addSeparator()
        self.plans_menu.setEnabled(bool(ordered))

    # -- state ----------------------------------------------------------------------------

    def set_next(self, next_reminder: NextReminder, now: datetime) -> None:
        self.status_action.setText(status_words(next_reminder, now))
        self.icon.setToolTip(f"{APP_NAME}\n{status_words(next_reminder, now, relative=False)}")
        paused = next_reminder.reason == R.PAUSED
        self.pause_menu.setEnabled(not paused)
        self.resume_action.setVisible(paused)
        state = icon_state(next_reminder)
        if state != self._state:
            self._state = state
            self.icon.setIcon(_icon(state))

    @property
    def state(self) -> str:
        return self._state

    def tooltip(self) -> str:
        return self.icon.toolTip()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def is_visible(self) -> bool:
        return self.icon.isVisible()

    def show_message(self, title: str, body: str) -> None:
        self.icon.showMessage(title, body, self.icon.icon(), 8000)

    def set_menu_parent(self, window: QWidget) -> None:
        """Keep the menu's style in step with the window's (theme changes)."""
        self.menu.setPalette(window.palette())

    # -- events ---------------------------------------------------------------------------

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click opens the window; the right click shows the menu on its own.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
