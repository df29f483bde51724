"""Pictures for the README, taken from the real app on made-up history.

    python tools/readme_screenshots.py [--out docs/screenshots]

Runs offscreen (no display needed): seeds four months of demo history ending
on a fixed Thursday afternoon, starts the app's own controller and window on
it, and saves Today, a guided session in progress, Progress, the break
window and the tray menu as PNGs. The clock is fake, so the pictures are the
same on every run (apart from font rendering).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = datetime(2026, 3, 12, 15, 40, tzinfo=ZoneInfo("Europe/London"))
WINDOW = (1040, 880)
DAYS = 120


def _settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return path


def _save_menu(app, tray, out: Path) -> Path:
    """The tray menu with its Start a session submenu open, as on a desktop."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter, QPixmap

    menu, plans = tray.menu, tray.plans_menu
    menu.popup(QPoint(0, 0))
    _settle(app)
    item = menu.actionGeometry(plans.menuAction())
    plans.popup(QPoint(menu.width() - 4, item.top()))
    _settle(app)
    main, sub = menu.grab(), plans.grab()
    margin = 16
    picture = QPixmap(
        margin * 2 + menu.width() - 4 + sub.width(),
        margin * 2 + max(menu.height(), item.top() + sub.height()),
    )
    picture.fill(QColor("#5b6770"))  # a plain desktop behind the menus
    painter = QPainter(picture)
    painter.drawPixmap(margin, margin, main)
    painter.drawPixmap(margin + menu.width() - 4, margin + item.top(), sub)
    painter.end()
    plans.hide()
    menu.hide()
    path = out / "tray-menu.png"
    if not picture.save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")
    return path


def _prepare(data_dir: Path) -> None:
    from lbp_desktop.demo_seed import seed_demo
    from lbp_desktop.domain import safety
    from lbp_desktop.domain.clock import FakeClock
    from lbp_desktop.storage.store import Store

    seed_demo(data_dir, days=DAYS, profile="light", now=NOW)
    with Store.open(data_dir, clock=FakeClock(NOW)) as store:
        # The person has been through the first run: no welcome, no questions.
        answers = {q.id: False for q in safety.RED_FLAG_QUESTIONS}
        store.set_setting(
            "safety_screen", {"answers": answers, "blocks": False, "answered_at": NOW.isoformat()}
        )
        store.set_setting(
            "onboarding", {"version": 1, "finished_at": NOW.isoformat(), "steps_done": []}
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from lbp_desktop.controller import AppController
    from lbp_desktop.domain.clock import FakeClock
    from lbp_desktop.views.main_window import MainWindow
    from lbp_desktop.views.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app, "light")
    with tempfile.TemporaryDirectory(prefix="lbp-shots-") as tmp:
        data_dir = Path(tmp) / "data"
        _prepare(data_dir)
        clock = FakeClock(NOW)
        window = MainWindow()
        window.resize(*WINDOW)
        controller = AppController(app, window, data_dir, clock=clock)
        if not controller.start():
            print("error: the app did not start on the demo data", file=sys.stderr)
            return 1
        window.show()
        _settle(app)
        companion = controller.start_companion(
            tray_available=lambda: True, ask_quit=lambda _w: "cancel", find_sources=False
        )

        controller.log_pain(3, "lower_back", "after a long drive")
        window.go_to("today")
        _settle(app)
        _save(window, out, "today")

        window.go_to("progress")
        _settle(app, 60)
        _save(window, out, "progress")

        controller.start_session("morning-mobility")
        from lbp_desktop.session_runner import SessionRunner

        page = window.session_view()
        runner = page.findChild(SessionRunner)
        page.pre_scale.buttons[3].click()
        page.start_button.click()
        # Into the second exercise, mid-rep: a moving figure and a running clock.
        for _ in range(int(95 / 0.5)):
            clock.advance(0.5)
            runner.tick()
        _settle(app)
        window.clear_status()  # no sound device on the machine that takes the pictures
        _save(window, out, "session")
        runner.ticker.set_running(False)
        window.show_session_view(None)

        tray = companion.tray
        tray.menu_about_to_show.emit()
        _save_menu(app, tray, out)

        companion.reminders.break_now()
        breaks = companion.reminders.window
        # A desk routine of several moves shows more than the walk.
        routine = max(controller.break_routines(), key=lambda r: len(r.moves))
        breaks.offer(routine, snooze_min=(5, 10), skips_left=None)
        _settle(app)
        _save(breaks, out, "break-offer")
        breaks.start()
        clock.advance(6.0)
        breaks.tick()
        _settle(app)
        _save(breaks, out, "break-window")
        breaks.withdraw()

        companion.stop()
        controller.quitting = True
        window.close()
        controller.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
