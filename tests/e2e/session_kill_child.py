"""Child process of test_session_kill.py: the app in the middle of a session.

The real controller, main window, player page, store and QTimer-driven
ticker, with the user's part played through the widgets. The clock is a fake
one moved on fast by a timer, so the session's steps finish within seconds.
After each write of the run it prints how many steps the store holds, flushed:
from that moment those steps must survive a kill.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from lbp_desktop.controller import AppController
from lbp_desktop.domain.clock import FakeClock, SystemClock
from lbp_desktop.session_runner import SessionRunner
from lbp_desktop.views.main_window import MainWindow

SECONDS_PER_MS = 0.2  # 200 s of session for each real second


def main() -> None:
    data_dir, plan_id = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    clock = FakeClock(SystemClock().now())
    window = MainWindow()
    window.show()
    controller = AppController(app, window, data_dir, clock=clock, play_on_start=plan_id)
    if not controller.start():
        sys.exit("the controller did not start")
    page = window.session_view()
    if page is None:
        sys.exit("no session was opened")
    runner = page.findChild(SessionRunner)
    assert runner is not None
    runner.saved.connect(lambda run: print(f"saved {len(run.steps)}", flush=True))
    page.pre_scale.buttons[2].click()
    page.start_button.click()

    fast = QTimer()
    fast.setInterval(10)
    fast.timeout.connect(lambda: clock.advance(10 * SECONDS_PER_MS))
    fast.start()
    app.exec()


if __name__ == "__main__":
    main()
