"""Start-up: get the main window on screen first, then bring in the rest.

A patient double-clicks and waits; what they see first is what counts. So
this module imports only what the first frame needs (Qt widgets, the window
frame, the single-instance check). The store, content, asyncio loop and the
pages' contents come right after the first paint, in ``controller``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEvent, QEventLoop, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from lbp_desktop import APP_ID, APP_NAME, __version__, proc_stats
from lbp_desktop.services.single_instance import SingleInstance, instance_key
from lbp_desktop.views.main_window import MainWindow, bring_to_front
from lbp_desktop.views.theme import apply_theme

# How the window looks (size, theme) is kept apart from the diary, in a small
# Qt settings file of the data folder: Qt reads it before the first paint at
# no cost, where the diary's settings would need json and the store first.
WINDOW_STATE_FILE = "window.ini"
STATE_GEOMETRY = "geometry"
STATE_THEME = "theme"
FIRST_PAINT_WAIT_MS = 5000

EXIT_HANDED_OVER = 0
EXIT_NO_HANDOVER = 1
EXIT_SMOKE_BUSY = 3


class _PaintSpy(QObject):
    """Notes the first paint event of the widget it watches."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.painted = False
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
            watched.removeEventFilter(self)
        return False


def show_and_wait_for_paint(app: QApplication, window: QWidget) -> bool:
    """Show the window and run Qt's events until it has been painted once."""
    spy = _PaintSpy(window)
    window.show()
    deadline = QDeadlineTimer(FIRST_PAINT_WAIT_MS)
    while not spy.painted and not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    spy.deleteLater()
    return spy.painted


def open_window_state(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat)


def _log():
    import logging  # not before the first paint: it costs ~15 ms to import

    return logging.getLogger(__name__)


def _deliver(controller, handlers: list, waiting: list[dict]) -> None:
    """The controller is ready: from now on requests go straight to it."""
    handlers.append(controller.handle_message)
    while waiting:
        controller.handle_message(waiting.pop(0))


def run_gui(
    data_dir: Path, *, smoke_test: bool = False, play: str | None = None, in_tray: bool = False
) -> int:
    """Start the app; ``play`` opens that plan at once (or in the running app).

    ``in_tray`` (start on login): the window stays hidden; the tray is the app.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)

    instance = SingleInstance(instance_key(data_dir))
    if not instance.try_become_primary():
        request = {"action": "play", "plan": play} if play else {"action": "activate"}
        if in_tray:
            return EXIT_HANDED_OVER  # already running: a login start has nothing to add
        if instance.send_to_primary(request):
            if smoke_test:
                print("error: another instance is running on this data folder", file=sys.stderr)
                return EXIT_SMOKE_BUSY
            return EXIT_HANDED_OVER
        print("error: the app seems to be running but does not answer", file=sys.stderr)
        return EXIT_NO_HANDOVER

    window_state = open_window_state(data_dir)
    apply_theme(app, str(window_state.value(STATE_THEME, "system")))
    window = MainWindow()
    geometry = window_state.value(STATE_GEOMETRY)
    if isinstance(geometry, str):
        window.restore_geometry_state(geometry)

    # A second launch may ask before the controller is ready: keep its requests.
    waiting: list[dict] = []
    handlers: list = []

    def on_message(message: dict) -> None:
        bring_to_front(window)
        _log().info("brought to the front by a second launch: %s", message.get("action"))
        if handlers:
            handlers[0](message)
        else:
            waiting.append(message)

    instance.message_received.connect(on_message)

    in_tray = in_tray and not smoke_test and not play
    painted = in_tray or show_and_wait_for_paint(app, window)
    first_paint_ms = proc_stats.process_age_ms()
    if smoke_test:
        if not painted:
            print("error: the main window was never painted", file=sys.stderr)
            return EXIT_NO_HANDOVER
        print(f"first_paint_ms={first_paint_ms:.1f}", flush=True)
    if not in_tray:
        _log().info("first paint after %.0f ms", first_paint_ms)

    # Everything below may take its time: the window is already on screen.
    import qasync  # after PySide6, so it binds to it

    from lbp_desktop.controller import AppController
    from lbp_desktop.domain.clock import SystemClock
    from lbp_desktop.local_time import local_zone

    controller = AppController(
        app,
        window,
        data_dir,
        clock=SystemClock(zone=local_zone()),
        smoke_test=smoke_test,
        window_state=window_state,
        play_on_start=play,
        in_tray=in_tray,
    )
    controller.ready.connect(lambda: _deliver(controller, handlers, waiting))
    try:
        return qasync.run(controller.run())
    finally:
        instance.close()
