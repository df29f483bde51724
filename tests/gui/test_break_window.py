"""The posture-break window: offer, run, finish; one outcome per offer; keys;
no focus stolen; where it appears; which timers run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QPushButton
from shots import not_blank, save_shot

from lbp_desktop.domain.break_routines import (
    PLAIN_BREAK,
    BreakBeat,
    BreakMove,
    BreakRoutine,
    break_routines,
)
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.player_timeline import WORK
from lbp_desktop.storage.pose_files import PoseLibrary
from lbp_desktop.views.break_window import (
    FINISHED,
    FINISHED_S,
    IDLE,
    OFFER,
    RUNNING,
    SCREEN_MARGIN,
    BreakWindow,
    corner_position,
)
from lbp_desktop.views.theme import apply_theme

# The offscreen platform cannot raise windows or pass size hints on.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)

CHAIR = "chin-tuck+shoulder-blade-squeeze+sit-to-stand"  # 27 + 27 + 18 s
STANDING = "sit-to-stand+side-bend+standing-back-extension"  # 18 + 49 + 19 s


class Outcomes:
    """Every signal the window emits, in order."""

    def __init__(self, window: BreakWindow) -> None:
        self.events: list[tuple] = []
        window.started.connect(lambda rid: self.events.append(("started", rid)))
        window.taken.connect(lambda s, rid: self.events.append(("taken", s, rid)))
        window.snoozed.connect(lambda m: self.events.append(("snoozed", m)))
        window.skipped.connect(lambda: self.events.append(("skipped",)))

    def answers(self) -> list[tuple]:
        return [e for e in self.events if e[0] != "started"]


@pytest.fixture(scope="module")
def routines(library: ContentLibrary, poses: PoseLibrary) -> dict[str, BreakRoutine]:
    return {r.id: r for r in break_routines(library, poses.specs)}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, clock: FakeClock) -> BreakWindow:
    win = BreakWindow(clock)
    qtbot.addWidget(win)
    return win


def offer(window: BreakWindow, routine: BreakRoutine | None, skips_left: int | None = 3) -> None:
    window.offer(routine, snooze_min=(5, 10), skips_left=skips_left)
    QApplication.processEvents()


def activate(qtbot, window: BreakWindow) -> None:
    """What the user does by clicking the window or switching to it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


class TitleBarClose(QCloseEvent):
    """The close event the window system sends when the user clicks the X
    (a real one is sent in the X server test at the end)."""

    def spontaneous(self) -> bool:
        return True


def click_x(window: BreakWindow) -> None:
    event = TitleBarClose()
    window.closeEvent(event)
    assert event.isAccepted()


def running_timers(window: BreakWindow) -> list[QTimer]:
    return [t for t in window.findChildren(QTimer) if t.isActive()]


# --------------------------------------------------------------- the routine


def test_start_runs_every_move_and_reports_the_seconds_taken(
    qtbot, window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    routine = routines[CHAIR]
    seen = Outcomes(window)
    offer(window, routine)
    assert window.state() == OFFER and window.isVisible()
    window.start_button.click()
    assert window.state() == RUNNING
    assert seen.events == [("started", CHAIR)]
    assert window.step_label.text() == "Move 1 of 3"
    assert window.move_label.text() == "Chin tuck"
    assert window.ring.text() == "27"
    assert window.line_label.text() == "3 times, hold 5 seconds"
    clock.advance(7.5)  # into the first rest
    window.tick()
    assert window.ring.text() == "20"
    assert window.line_label.text() == "Rest a moment"
    clock.advance(20)  # 27.5 s: the second move
    window.tick()
    assert window.step_label.text() == "Move 2 of 3"
    assert window.move_label.text() == "Shoulder-blade squeeze"
    assert window.ring.text() == "27"  # 26.5 left, rounded up
    clock.advance(27)  # 54.5 s: the third
    window.tick()
    assert window.move_label.text() == "Sit to stand"
    assert not window.next_button.isEnabled()  # nothing after the last move
    clock.advance(17.5)  # 72 s: all done
    window.tick()
    assert window.state() == FINISHED
    assert window.done_label.text().startswith("That is your break done.")
    assert window.done_ring.text() == "1:12"
    assert seen.answers() == []  # the kind words stay a moment first
    clock.advance(FINISHED_S)
    window.tick()
    assert seen.answers() == [("taken", 72.0, CHAIR)]
    assert window.state() == IDLE and not window.isVisible()


def test_the_figure_moves_during_reps_and_rests_between(
    qtbot, window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    offer(window, routines[STANDING])
    window.start()
    qtbot.waitExposed(window)
    assert window.figure.is_animating()
    clock.advance(4.5)  # sit to stand: 4 s a rep, then a 3 s rest
    window.tick()
    assert not window.figure.is_animating()
    assert window.ring.text() == "14"
    assert window.ring._caption == "Rest"
    clock.advance(14)  # 18.5 s: side bend, left side first, drawn as the pose file has it
    window.tick()
    animation = window.figure.animation()
    assert animation is not None and not animation.mirrored
    assert window.line_label.text() == "Left side: 3 times each side, hold 2 seconds"
    clock.advance(22)  # 40.5 s: the switch between sides
    window.tick()
    assert window.line_label.text() == "Get ready for your right side"
    assert window.ring._caption == "Other side"
    clock.advance(5)  # the right side: the mirror image
    window.tick()
    animation = window.figure.animation()
    assert animation is not None and animation.mirrored
    assert window.figure.is_animating()


def test_the_countdown_timer_wakes_when_a_digit_or_a_rep_changes(
    window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    offer(window, routines[CHAIR])
    window.start()
    assert window.next_tick_ms() == 1000
    clock.advance(0.3)
    window.tick()
    assert window.next_tick_ms() == 700  # aligned to the whole second, not 1 s after
    clock.advance(6.5)  # 6.8 s: the rep ends at 7 s, as the digit does
    window.tick()
    assert window.next_tick_ms() == 200
    window.finish()
    assert window.next_tick_ms() == FINISHED_S * 1000


def test_finish_early_and_next_move_count_only_the_time_done(
    window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    window.start()
    clock.advance(10)
    window.next_button.click()  # on to the second move at once
    assert window.move_label.text() == "Shoulder-blade squeeze"
    assert window.ring.text() == "27"
    clock.advance(5)
    window.finish_button.click()
    assert window.state() == FINISHED
    assert window.done_label.text().startswith("Every bit of moving counts.")
    window.close_button.click()
    assert seen.answers() == [("taken", 15.0, CHAIR)]


def test_with_no_routine_it_offers_a_plain_stand_up_break(
    qtbot, window: BreakWindow, clock: FakeClock
) -> None:
    seen = Outcomes(window)
    offer(window, None)
    assert window.routine() is PLAIN_BREAK
    assert window.title_label.text() == "Stand up and move about"
    assert "look at something far away" in window.moves_label.text()
    assert window.offer_figure.isHidden()
    window.start()
    assert window.figure.isHidden()
    assert window.step_label.isHidden()  # one move: no "Move 1 of 1"
    assert window.ring.text() == "1:00"
    clock.advance(60)
    window.tick()
    window.close_button.click()
    assert seen.answers() == [("taken", 60.0, "stand-and-move")]


# --------------------------------------------------------------- the answers


def test_each_snooze_button_emits_its_minutes(
    qtbot, window: BreakWindow, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    window.offer(routines[CHAIR], snooze_min=(10, 5, 15), skips_left=None)
    texts = [b.text() for b in window.snooze_buttons]
    assert texts == ["&Snooze 5 min", "Snooze 10 min", "Snooze 15 min"]
    for button in window.snooze_buttons:
        assert button.accessibleName().startswith("Remind me again in ")
    window.snooze_buttons[2].click()
    assert seen.events == [("snoozed", 15)]
    assert not window.isVisible()
    window.offer(routines[CHAIR], snooze_min=(5, 10), skips_left=None)
    window.snooze_buttons[0].click()
    assert seen.events == [("snoozed", 15), ("snoozed", 5)]


def test_skip_is_there_until_the_days_skips_are_used_up(
    window: BreakWindow, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR], skips_left=1)
    assert window.skip_button.isEnabled()
    assert window.offer_hint.text() == "1 skip left today."
    window.skip_button.click()
    assert seen.events == [("skipped",)]
    offer(window, routines[CHAIR], skips_left=0)
    assert not window.skip_button.isEnabled()
    assert window.offer_hint.text() == "No skips left today. A snooze is fine."
    assert window.skip_button.accessibleDescription() == window.offer_hint.text()
    window.skip_button.click()  # disabled: nothing happens
    assert seen.events == [("skipped",)]
    offer(window, routines[CHAIR], skips_left=None)  # no cap: no count either
    assert window.skip_button.isEnabled() and window.offer_hint.isHidden()


def test_the_x_on_the_offer_skips_or_with_no_skips_left_snoozes(
    window: BreakWindow, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR], skips_left=2)
    click_x(window)
    assert seen.events == [("skipped",)]
    offer(window, routines[CHAIR], skips_left=0)
    click_x(window)
    assert seen.events == [("skipped",), ("snoozed", 5)]
    assert not window.isVisible()


def test_the_x_on_a_running_break_counts_what_was_done_once(
    window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    window.start()
    clock.advance(12.25)
    click_x(window)
    assert seen.answers() == [("taken", 12.25, CHAIR)]
    assert window.state() == IDLE
    click_x(window)  # already answered: nothing more
    window.tick()
    assert seen.answers() == [("taken", 12.25, CHAIR)]


def test_the_app_closing_the_window_answers_nothing(
    window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    # Qt 6's quit() closes every window before aboutToQuit: that is not a skip.
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    assert window.close()
    offer(window, routines[CHAIR])
    window.start()
    clock.advance(5)
    assert window.close()
    assert seen.answers() == []
    assert window.state() == IDLE and running_timers(window) == []


def test_withdraw_closes_without_an_outcome(
    window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    window.withdraw()
    assert not window.isVisible() and window.state() == IDLE
    offer(window, routines[CHAIR])
    window.start()
    clock.advance(30)
    window.withdraw()
    window.tick()
    assert seen.answers() == []
    assert running_timers(window) == []


# ---------------------------------------------------------------- keyboard


def test_enter_starts_and_then_finishes_once_the_window_is_active(
    qtbot, window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    activate(qtbot, window)
    assert window.focusWidget() is window.start_button
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert seen.events == [("started", CHAIR)]
    qtbot.keyClick(window, Qt.Key.Key_Return)  # pressed twice: the break goes on
    assert window.state() == RUNNING
    clock.advance(3)
    qtbot.keyClick(window, Qt.Key.Key_Enter)  # Finish early
    assert window.state() == FINISHED
    qtbot.keyClick(window, Qt.Key.Key_Return)  # Close
    assert seen.answers() == [("taken", 3.0, CHAIR)]


@pytest.mark.parametrize(
    ("key", "skips_left", "answer"),
    [
        (Qt.Key.Key_S, None, ("snoozed", 5)),
        (Qt.Key.Key_S, 0, ("snoozed", 5)),
        (Qt.Key.Key_Escape, 2, ("skipped",)),
        (Qt.Key.Key_Escape, 0, ("snoozed", 5)),  # no skips left: the shortest snooze
    ],
)
def test_s_snoozes_the_shortest_and_escape_skips(
    qtbot,
    window: BreakWindow,
    routines: dict[str, BreakRoutine],
    key: Qt.Key,
    skips_left: int | None,
    answer: tuple,
) -> None:
    seen = Outcomes(window)
    window.offer(routines[CHAIR], snooze_min=(10, 5), skips_left=skips_left)
    activate(qtbot, window)
    qtbot.keyClick(window, key)
    assert seen.events == [answer]
    assert not window.isVisible()


def test_tab_then_enter_presses_the_button_with_the_focus(
    qtbot, window: BreakWindow, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is window.snooze_buttons[1]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert seen.events == [("snoozed", 10)]


def test_mnemonics_are_visible_and_every_control_has_a_name(
    window: BreakWindow, routines: dict[str, BreakRoutine]
) -> None:
    offer(window, routines[CHAIR])
    assert window.snooze_buttons[0].text().startswith("&S")
    assert "&" in window.skip_button.text()
    assert "&" in window.next_button.text() and "&" in window.finish_button.text()
    for button in window.findChildren(QPushButton):
        assert button.accessibleName(), button.text()
    assert window.offer_figure.accessibleName() == "Illustration: Chin tuck"
    assert window.ring.accessibleName() and window.done_ring.accessibleName()


def test_keys_typed_into_another_window_never_answer_the_break(
    qtbot, window: BreakWindow, routines: dict[str, BreakRoutine]
) -> None:
    from PySide6.QtWidgets import QLineEdit

    editor = QLineEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    editor.activateWindow()  # offscreen activates every shown window; a desktop does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClicks(editor, "so sad")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        qtbot.keyClick(editor, key)
    assert editor.text() == "so sad"
    assert seen.events == []
    assert window.state() == OFFER
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert not window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)


# ------------------------------------------------------- place and timers


def test_it_appears_in_the_bottom_corner_of_the_screen_with_the_cursor(
    window: BreakWindow, routines: dict[str, BreakRoutine]
) -> None:
    offer(window, routines[CHAIR])
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry())
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    window.withdraw()
    # Once shown, the real frame is known: the corner is exact.
    offer(window, routines["walk-around"])
    frame = window.frameGeometry()
    assert area.contains(frame)
    assert area.bottom() - frame.bottom() == SCREEN_MARGIN
    assert area.right() - frame.right() == SCREEN_MARGIN


def test_the_window_fits_each_page_and_keeps_its_bottom_edge(
    qtbot, window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    offer(window, routines[STANDING])
    window.offer(None, snooze_min=(5, 10, 15), skips_left=0)  # a new offer: back in the corner
    QApplication.processEvents()  # whatever the event loop still had to lay out
    assert window.height() == window.sizeHint().height()
    area = window.screen().availableGeometry()
    assert area.bottom() - window.frameGeometry().bottom() == SCREEN_MARGIN
    heights = [window.height()]
    bottom = window.geometry().bottom()
    for step in (window.start, window.finish):
        step()
        assert window.geometry().bottom() == bottom  # it grows or shrinks upwards
        QApplication.processEvents()
        assert window.height() == window.sizeHint().height()
        heights.append(window.height())
    assert len(set(heights)) == 3  # each page its own height, no empty band


def test_the_window_keeps_its_size_through_every_bundled_routine(
    qtbot, window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    for routine in routines.values():
        offer(window, routine)
        window.start()
        QApplication.processEvents()
        size = window.size()
        for start, move in zip(routine.move_starts(), routine.moves, strict=True):
            for beat in move.beats:
                at = clock.monotonic() - window._started_at
                clock.advance(start + beat.start_s + 0.5 - at)
                window.tick()
                QApplication.processEvents()
                assert window.size() == size, (routine.id, move.name, beat)
                # Nothing squeezed: every line whole, the words under the picture.
                for label in (window.line_label, window.how_label):
                    assert label.height() >= label.heightForWidth(label.width()), label.text()
                assert window.line_label.y() > window.ring.geometry().bottom()
                assert window.line_label.y() > window.figure.geometry().bottom()
        window.withdraw()


def test_a_long_cue_grows_the_window_upwards_instead_of_squeezing_it(
    window: BreakWindow, clock: FakeClock
) -> None:
    def move(ident: str, how: str) -> BreakMove:
        return BreakMove(ident, ident.capitalize(), 20.0, how, (BreakBeat(WORK, 0.0, 20.0),))

    long_cue = "Let your shoulders drop and your breath slow down. " * 4
    routine = BreakRoutine(
        "short+long", "Test", (move("short", "Easy."), move("long", long_cue)), 40
    )
    offer(window, routine)
    window.start()
    QApplication.processEvents()
    height, bottom = window.height(), window.geometry().bottom()
    clock.advance(25)
    window.tick()
    QApplication.processEvents()
    assert window.height() > height
    assert window.geometry().bottom() == bottom
    label = window.how_label
    assert label.height() >= label.heightForWidth(label.width())


def test_the_corner_is_mirrored_right_to_left_and_kept_on_small_screens() -> None:
    area = QRect(100, 50, 1000, 700)  # a second screen, right of the first
    outer = QSize(580, 336)
    assert corner_position(area, outer) == QPoint(1100 - 24 - 580, 750 - 24 - 336)
    assert corner_position(area, outer, right_to_left=True) == QPoint(124, 390)
    tiny = QRect(0, 0, 500, 300)
    assert corner_position(tiny, outer) == QPoint(0, 0)


def test_nothing_ticks_while_the_offer_waits(
    qtbot, window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    offer(window, routines[STANDING])
    qtbot.waitExposed(window)
    assert running_timers(window) == []
    assert not window.offer_figure.is_animating()  # a still: the first move's key moment
    frame = window.offer_figure.current_frame()
    assert frame is not None and frame.keyframe == "stand"
    clock.advance(600)
    window.tick()  # a stray tick while offering changes nothing
    assert running_timers(window) == [] and window.state() == OFFER
    window.start()
    assert window._timer.isActive()
    window.finish()
    assert not window.figure.is_animating()


def test_a_second_offer_replaces_the_first_without_an_answer(
    window: BreakWindow, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    seen = Outcomes(window)
    offer(window, routines[CHAIR])
    window.start()
    offer(window, routines["walk-around"])
    assert window.state() == OFFER
    assert window.title_label.text() == "Walk around"
    assert window.length_label.text() == "1 minute"
    assert running_timers(window) == []
    assert seen.answers() == []


# ------------------------------------------------------------------ pictures


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_offer_running_and_finished(
    qtbot, qapp, scheme: str, clock: FakeClock, routines: dict[str, BreakRoutine]
) -> None:
    try:
        apply_theme(qapp, scheme)
        window = BreakWindow(clock)
        qtbot.addWidget(window)
        window.offer(routines[STANDING], snooze_min=(5, 10), skips_left=2)
        qtbot.waitExposed(window)
        assert not_blank(save_shot(window, f"break-offer-{scheme}"))
        window.offer(None, snooze_min=(5, 10, 15), skips_left=0)
        assert not_blank(save_shot(window, f"break-offer-plain-{scheme}"))
        window.offer(routines[STANDING], snooze_min=(5, 10), skips_left=2)
        window.start()
        clock.advance(20.5)
        window.tick()
        assert not_blank(save_shot(window, f"break-running-{scheme}"))
        clock.advance(100)
        window.tick()
        assert window.state() == FINISHED
        assert not_blank(save_shot(window, f"break-finished-{scheme}"))
        window.withdraw()
    finally:
        apply_theme(qapp, "system")


# -------------------------------------------------------- a real X server


CHILD = textwrap.dedent(
    """
    import ctypes, json, subprocess
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit
    from lbp_desktop.domain.clock import FakeClock
    from lbp_desktop.views.break_window import BreakWindow

    class ClientMessage(ctypes.Structure):
        _fields_ = [
            ("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
            ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
            ("message_type", ctypes.c_ulong), ("format", ctypes.c_int),
            ("data", ctypes.c_long * 5),
        ]

    class XEvent(ctypes.Union):
        _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)
    ]
    x11.XFlush.argtypes = x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

    def click_x(window_id):
        # What a window manager sends when the title bar's X is clicked.
        display = x11.XOpenDisplay(None)
        event = XEvent()
        event.xclient.type = 33  # ClientMessage
        event.xclient.window = window_id
        event.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
        event.xclient.format = 32
        event.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        x11.XSendEvent(display, window_id, 0, 0, ctypes.byref(event))
        x11.XFlush(display)
        x11.XCloseDisplay(display)

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    editor = QLineEdit()
    editor.show()
    editor.activateWindow()
    for _ in range(50):
        app.processEvents()
    clock = FakeClock()
    window = BreakWindow(clock)
    answers = []
    waiting = []

    def answered(*args):
        answers.append(list(args))
        if waiting:
            waiting[-1].quit()

    window.skipped.connect(lambda: answered("skipped"))
    window.snoozed.connect(lambda m: answered("snoozed", m))
    window.taken.connect(lambda s, rid: answered("taken", s, rid))

    def offer(skips_left):
        window.offer(None, snooze_min=(5, 10), skips_left=skips_left)
        for _ in range(50):
            app.processEvents()

    def x_and_wait():
        loop = QEventLoop()
        waiting.append(loop)
        QTimer.singleShot(10000, loop.quit)  # only if the answer never comes
        click_x(int(window.winId()))
        loop.exec()
        waiting.pop()

    offer(None)
    props = subprocess.run(
        ["xprop", "-id", str(int(window.winId()))], capture_output=True, text=True
    ).stdout
    result = {
        "editor_active": app.activeWindow() is editor,
        "visible": window.isVisible(),
        "inside": window.screen().availableGeometry().contains(window.frameGeometry()),
        "props": props,
    }
    x_and_wait()
    offer(0)
    x_and_wait()
    offer(None)
    window.start()
    clock.advance(7)
    x_and_wait()
    result["answers"] = answers
    print(json.dumps(result))
    """
)


@pytest.mark.slow
def test_on_a_real_x_server_it_shows_on_top_without_focus_and_answers_the_x(tmp_path) -> None:
    from tests.xdisplay import xvfb_display

    if shutil.which("xprop") is None:
        pytest.skip("needs xprop (Debian package: x11-utils)")
    with xvfb_display() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        done = subprocess.run(
            [sys.executable, "-c", CHILD],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["visible"] and result["inside"]
    # The editor keeps the keyboard; a window manager is told not to focus
    # the new window (user time 0) and to keep it above the others.
    assert result["editor_active"]
    assert "_NET_WM_USER_TIME(CARDINAL) = 0" in result["props"]
    assert "_NET_WM_STATE_ABOVE" in result["props"]
    assert "_NET_WM_WINDOW_TYPE_NORMAL" in result["props"]
    # The title bar's X: skip; with no skips left the shortest snooze; mid-break, taken.
    assert result["answers"] == [
        ["skipped"],
        ["snoozed", 5],
        ["taken", 7.0, "stand-and-move"],
    ]
