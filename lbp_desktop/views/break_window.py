"""The posture-break window: a small, calm offer of a 30-90 second routine.

It appears on top, on the screen with the mouse, in the bottom corner of
that screen (where notifications go: it covers as little of the user's work
as possible and is still seen). It never takes the keyboard when it
appears, so someone mid-sentence cannot press Skip by accident; once they
click it or switch to it, everything works by keyboard:

- Enter: the focused button, else Start / Finish early / Close (not in the
  first moments of the break: a double Enter must not end it);
- S (or Alt+S): snooze for the shortest time offered;
- Esc: the same as the title bar's X (see below).

States: the offer (a still of the first move, Start, Snooze N min, Skip),
running (the figure moving rep by rep, a big countdown per move) and
finished (a kind line; it closes itself after a few seconds). Each offer
ends in exactly one of ``taken``, ``snoozed`` or ``skipped``, or in none
when the app calls :meth:`BreakWindow.withdraw` (the user went away: a
natural break). The X during the offer skips (or, with no skips left,
snoozes for the shortest time); once started it counts what was done. The
app closing the window (quitting) answers nothing.

Timers: none while the offer waits (its figure is a still). While running,
one single-shot timer aimed at the next change of the countdown's digits or
of the rep, and the figure's own animation timer.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QFontMetricsF, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.break_routines import PLAIN_BREAK, BreakBeat, BreakMove, BreakRoutine
from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.figure_poses import Animation
from lbp_desktop.domain.player_timeline import REST, SWITCH_SIDE, WORK
from lbp_desktop.views.figure_view import FigureView
from lbp_desktop.views.player_page import CountdownRing

IDLE = "idle"
OFFER = "offer"
RUNNING = "running"
FINISHED = "finished"

# The finished screen stays this long, then closes by itself.
FINISHED_S = 6.0
# Enter right after Start (a key held down, or pressed twice) does not end the break.
ENTER_GRACE_S = 1.5
# From the screen's edges (availableGeometry already leaves out the panels).
SCREEN_MARGIN = 24
# The title bar's height before the window manager has said what it is.
TITLE_BAR_ALLOWANCE = 36
WIDTH = 580
FIGURE_SIZE = QSize(260, 200)
RING_SIZE = 180
DONE_RING_SIZE = 120
# More snooze lengths than this go on a row of their own.
SNOOZES_IN_ONE_ROW = 2

STYLE = """
QLabel#breakHeading { font-size: 18pt; font-weight: 700; }
QLabel#breakStep { font-size: 13pt; font-weight: 600; color: palette(highlight); }
QLabel#breakTitle { font-size: 15pt; font-weight: 600; }
QLabel#breakText { font-size: 13pt; }
QLabel#breakHow { font-size: 14pt; }
QLabel#breakHint { font-size: 11pt; }
QPushButton { font-size: 12pt; min-height: 40px; padding: 4px 14px; }
QPushButton[role="primary"] { font-size: 14pt; min-height: 44px; padding: 4px 26px; }
"""


def _label(name: str, accessible: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    label.setTextFormat(Qt.TextFormat.PlainText)  # content text is never markup
    return label


def _button(text: str, accessible: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if primary:
        button.setProperty("role", "primary")
    return button


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:  # unchanged text would still relayout
        label.setText(text)


def _button_rows(rows: Sequence[Sequence[QPushButton]]) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setSpacing(8)
    for row in rows:
        line = QHBoxLayout()
        line.setSpacing(8)
        for button in row:
            line.addWidget(button)
        box.addLayout(line)
    return box


def _tab_along(rows: Sequence[Sequence[QPushButton]]) -> None:
    """Tab goes along the rows, in reading order (call once they are in the window)."""
    ordered = [b for row in rows for b in row]
    for a, b in itertools.pairwise(ordered):
        QWidget.setTabOrder(a, b)


def _clear_layout(layout) -> None:
    """Take everything out of a layout: widgets stay as they are, inner layouts go."""
    while (item := layout.takeAt(0)) is not None:
        inner = item.layout()
        if inner is not None:
            _clear_layout(inner)
            inner.deleteLater()


def still_time(animation: Animation) -> float:
    """A telling moment for a still: the first hold (the movement's end, with
    its arrow); with nothing held, the end of the movement nearest mid-cycle."""
    for phase in animation.phases:
        if not phase.moving:
            return (phase.start + phase.end) / 2
    middle = animation.duration / 2
    phase = min(animation.phases, key=lambda p: abs(p.end - middle))
    return phase.start + 0.97 * (phase.end - phase.start)


def beat_caption(beat: BreakBeat) -> str:
    """The small words under the countdown."""
    if beat.kind == REST:
        return "Rest"
    if beat.kind == SWITCH_SIDE:
        return "Other side"
    if beat.rep is not None and beat.reps:
        return f"{beat.rep} of {beat.reps}"
    return ""


def beat_line(move: BreakMove, beat: BreakBeat) -> str:
    """What to do now, in a few words."""
    if beat.kind == SWITCH_SIDE:
        return f"Get ready for your {beat.side} side"
    if beat.kind == REST:
        return "Rest a moment"
    if beat.side:
        return f"{beat.side.capitalize()} side: {move.dose_words()}"
    return move.dose_words()


def corner_position(area: QRect, outer: QSize, right_to_left: bool = False) -> QPoint:
    """Where the window's frame goes (its top-left): in the bottom corner of
    ``area``; ``outer`` is the window's size with its title bar and borders."""
    y = area.bottom() + 1 - SCREEN_MARGIN - outer.height()
    if right_to_left:
        x = area.left() + SCREEN_MARGIN
    else:
        x = area.right() + 1 - SCREEN_MARGIN - outer.width()
    # A screen smaller than the window: keep the top-left (and the title bar) on it.
    return QPoint(max(area.left(), x), max(area.top(), y))


class BreakWindow(QWidget):
    """Offers a break, runs it, and emits what the user chose. Holds no rules."""

    started = Signal(str)  # routine id
    taken = Signal(float, str)  # seconds actually done, routine id
    snoozed = Signal(int)  # minutes
    skipped = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        # A normal window rather than a tool window: it is in the task bar and
        # in Alt+Tab, so a keyboard user can reach it; no minimise button, so
        # it cannot get lost half-answered.
        flags = (
            Qt.WindowType.Window
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.CustomizeWindowHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        super().__init__(parent, flags)
        self._clock = clock
        self.setObjectName("breakWindow")
        self.setWindowTitle("Time for a short break")
        self.setAccessibleName("Posture break")
        # Shown, not focused: keys typed elsewhere keep going there.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        # Closing it while the main window is hidden in the tray must not quit the app.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setStyleSheet(STYLE)
        self.setFixedWidth(WIDTH)

        self._state = IDLE
        self._routine: BreakRoutine = PLAIN_BREAK
        self._snooze_min: tuple[int, ...] = ()
        self._skips_left: int | None = None
        self._started_at = 0.0
        self._jumped_s = 0.0  # countdown skipped over by "Next move": not done
        self._done_s = 0.0
        self._finish_at = 0.0
        self._shown_key: tuple[int, int] | None = None  # (move, beat) on screen
        self._figure_key: tuple[int, bool] | None = None  # (move, mirrored) animated
        self.snooze_buttons: list[QPushButton] = []

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer may fire 5% late: a countdown digit would visibly stall.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)

        # One page shown at a time. Not a QStackedWidget: its height is the
        # tallest page's, and the window should fit the page it shows.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.offer_page = self._build_offer()
        self.running_page = self._build_running()
        self.finished_page = self._build_finished()
        self.pages = (self.offer_page, self.running_page, self.finished_page)
        for page in self.pages:
            layout.addWidget(page)
            page.hide()
        self._build_shortcuts()

    # ------------------------------------------------------------- building

    @staticmethod
    def _page() -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(22, 18, 22, 18)
        box.setSpacing(10)
        return page, box

    def _build_offer(self) -> QWidget:
        page, box = self._page()
        heading = _label("breakHeading", "Break")
        heading.setText("Time for a short break")
        box.addWidget(heading)
        middle = QHBoxLayout()
        middle.setSpacing(18)
        self.offer_figure = FigureView(clock=self._clock.monotonic)
        self.offer_figure.setFixedSize(FIGURE_SIZE)
        self.offer_figure.set_playing(False)  # a still: nothing wakes while the offer waits
        middle.addWidget(self.offer_figure, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(6)
        self.title_label = _label("breakTitle", "Routine")
        self.length_label = _label("breakText", "How long it takes")
        self.moves_label = _label("breakText", "Moves")
        words.addWidget(self.title_label)
        words.addWidget(self.length_label)
        words.addSpacing(6)
        words.addWidget(self.moves_label)
        words.addStretch(1)
        middle.addLayout(words, 1)
        box.addLayout(middle, 1)
        self.offer_hint = _label("breakHint", "About skipping")
        box.addWidget(self.offer_hint)
        self.start_button = _button("Start", "Start the break (Enter)", primary=True)
        self.start_button.clicked.connect(self.start)
        self.skip_button = _button("S&kip", "Skip this break (Escape)")
        self.skip_button.clicked.connect(self._skip)
        self.offer_buttons = QVBoxLayout()
        box.addLayout(self.offer_buttons)
        return page

    def _build_running(self) -> QWidget:
        page, box = self._page()
        self.step_label = _label("breakStep", "Where you are in the break")
        self.move_label = _label("breakHeading", "Move")
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.step_label)
        heading.addWidget(self.move_label)
        box.addLayout(heading)
        middle = QHBoxLayout()
        middle.setSpacing(18)
        self.figure = FigureView(clock=self._clock.monotonic)
        self.figure.setFixedSize(FIGURE_SIZE)
        self.figure.set_playing(False)
        middle.addWidget(self.figure, 0)
        self.ring = CountdownRing()
        self.ring.setFixedSize(RING_SIZE, RING_SIZE)
        self.ring.setAccessibleName("Time left for this move")
        middle.addWidget(self.ring, 1, Qt.AlignmentFlag.AlignCenter)
        box.addLayout(middle)
        self.line_label = _label("breakTitle", "What to do now")
        self.how_label = _label("breakHow", "How to do it")
        self.how_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.line_label)
        box.addWidget(self.how_label)
        gently = _label("breakHint", "Note")
        gently.setText("Go gently. Stop if anything hurts more.")
        box.addWidget(gently)
        self.next_button = _button("&Next move", "Go on to the next move")
        self.next_button.clicked.connect(self.next_move)
        # Not the primary look: the break itself is the thing, not ending it.
        self.finish_button = _button("Finish &early", "Finish the break now (Enter)")
        self.finish_button.clicked.connect(self.finish)
        rows = [[self.next_button, self.finish_button]]
        box.addLayout(_button_rows(rows))
        _tab_along(rows)
        return page

    def _build_finished(self) -> QWidget:
        page, box = self._page()
        middle = QHBoxLayout()
        middle.setSpacing(20)
        self.done_ring = CountdownRing()
        self.done_ring.setFixedSize(DONE_RING_SIZE, DONE_RING_SIZE)
        self.done_ring.setAccessibleName("Time you moved")
        middle.addWidget(self.done_ring, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(8)
        heading = _label("breakHeading", "Break done")
        heading.setText("Well done")
        self.done_label = _label("breakText", "How it went")
        closing = _label("breakHint", "Note")
        closing.setText("This closes by itself in a moment.")
        words.addWidget(heading)
        words.addWidget(self.done_label)
        words.addStretch(1)
        words.addWidget(closing)
        middle.addLayout(words, 1)
        box.addLayout(middle, 1)
        self.close_button = _button("&Close", "Close (Enter)", primary=True)
        self.close_button.clicked.connect(self._complete)
        box.addLayout(_button_rows([[self.close_button]]))
        return page

    def _build_shortcuts(self) -> None:
        # Window shortcuts: live only once the user has made this window active.
        keys = [
            (Qt.Key.Key_Return, self._enter),
            (Qt.Key.Key_Enter, self._enter),
            (Qt.Key.Key_Escape, self._closed_by_user),
            (Qt.Key.Key_S, self._snooze_shortest),
        ]
        self.shortcuts: dict[Qt.Key, QShortcut] = {}
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut

    def _make_offer_buttons(self) -> None:
        for button in self.snooze_buttons:
            button.hide()  # deleteLater waits for the event loop; hidden goes now
            button.deleteLater()
        self.snooze_buttons = []
        for index, minutes in enumerate(self._snooze_min):
            first = index == 0  # the S key and the mnemonic snooze the shortest
            button = _button(
                f"&Snooze {minutes} min" if first else f"Snooze {minutes} min",
                f"Remind me again in {minutes} minutes" + (" (S)" if first else ""),
            )
            button.clicked.connect(lambda _checked=False, m=minutes: self._snooze(m))
            self.snooze_buttons.append(button)
        _clear_layout(self.offer_buttons)
        if len(self.snooze_buttons) <= SNOOZES_IN_ONE_ROW:
            rows = [[self.start_button, *self.snooze_buttons, self.skip_button]]
        else:
            rows = [[self.start_button, self.skip_button], self.snooze_buttons]
        self.offer_buttons.addLayout(_button_rows(rows))
        _tab_along(rows)
        for button in self.snooze_buttons:
            # A layout shows a new child of a shown window only later (queued):
            # now, so the window is fitted to it.
            button.show()

    # ------------------------------------------------------------- the API

    def state(self) -> str:
        return self._state

    def routine(self) -> BreakRoutine:
        return self._routine

    def offer(
        self,
        routine: BreakRoutine | None,
        *,
        snooze_min: tuple[int, ...],
        skips_left: int | None,
    ) -> None:
        """Show the offer (a plain stand-up break when ``routine`` is None).

        An offer already open is replaced without an outcome."""
        self._stop_timers()
        self._routine = routine or PLAIN_BREAK
        self._snooze_min = tuple(sorted(snooze_min))
        self._skips_left = skips_left
        self._state = OFFER
        self.ensurePolished()  # the style sheet's fonts, before the size is worked out
        self._make_offer_buttons()
        self._show_offer()
        self._switch_to(self.offer_page)
        self._place_on_cursor_screen()
        self.show()
        self.raise_()  # on top, but not activated (see WA_ShowWithoutActivating)
        self.start_button.setFocus()  # ready for Enter once the user comes to the window

    def withdraw(self) -> None:
        """Close with no outcome: the user went away and that was the break."""
        self._conclude()

    def start(self) -> None:
        if self._state != OFFER:
            return
        self._state = RUNNING
        self._started_at = self._clock.monotonic()
        self._jumped_s = 0.0
        self._shown_key = None
        self._figure_key = None
        # Two lines kept for the cue (in its styled font), so the window keeps
        # its size from move to move.
        self.how_label.ensurePolished()
        lines = 2 * QFontMetricsF(self.how_label.font()).lineSpacing()
        self.how_label.setMinimumHeight(math.ceil(lines) + 1)  # fractional line heights
        self._show_running_frame()
        self._switch_to(self.running_page)
        self.finish_button.setFocus()
        self.started.emit(self._routine.id)
        self.tick()

    def next_move(self) -> None:
        """Go on to the next move now (the time done so far still counts)."""
        if self._state != RUNNING:
            return
        elapsed = self._elapsed()
        later = [s for s in self._routine.move_starts() if s > elapsed + 1e-9]
        if not later:
            self.finish()
            return
        # The clock is not ours to move: the start moves back instead.
        self._started_at -= later[0] - elapsed
        self._jumped_s += later[0] - elapsed
        self.tick()

    def finish(self) -> None:
        """End the routine (early, or at its end) and show the kind words."""
        if self._state != RUNNING:
            return
        self._done_s = self._done_so_far()
        self._state = FINISHED
        self._finish_at = self._clock.monotonic() + FINISHED_S
        self._stop_timers()
        self._show_finished()
        self._switch_to(self.finished_page)
        self.close_button.setFocus()
        self.tick()

    def tick(self) -> None:
        """Bring the countdown up to the clock and aim the timer at the next change."""
        if self._state == RUNNING:
            if self._elapsed() >= self._routine.total_s - 1e-9:
                self.finish()
                return
            self._show_running_frame()
            self._schedule(self._next_change_s())
        elif self._state == FINISHED:
            left = self._finish_at - self._clock.monotonic()
            if left <= 1e-9:
                self._complete()
                return
            self._schedule(left)

    def seconds_done(self) -> float:
        """Seconds of the routine done so far (what ``taken`` will report)."""
        if self._state == RUNNING:
            return self._done_so_far()
        return self._done_s if self._state == FINISHED else 0.0

    def next_tick_ms(self) -> int | None:
        """The countdown timer's interval while it runs; None while it is stopped."""
        return self._timer.interval() if self._timer.isActive() else None

    # ------------------------------------------------------------ outcomes

    def _conclude(self) -> None:
        self._state = IDLE
        self._stop_timers()
        self.hide()

    def _snooze(self, minutes: int) -> None:
        if self._state != OFFER:
            return
        self._conclude()
        self.snoozed.emit(minutes)

    def _snooze_shortest(self) -> None:
        if self._snooze_min:
            self._snooze(self._snooze_min[0])

    def _skip(self) -> None:
        if self._state != OFFER or not self._can_skip():
            return
        self._conclude()
        self.skipped.emit()

    def _complete(self) -> None:
        """The break was taken: report the seconds done and close."""
        if self._state not in (RUNNING, FINISHED):
            return
        done = self._done_so_far() if self._state == RUNNING else self._done_s
        routine_id = self._routine.id
        self._conclude()
        self.taken.emit(done, routine_id)

    def _can_skip(self) -> bool:
        return self._skips_left is None or self._skips_left > 0

    def _enter(self) -> None:
        if self._state == RUNNING and self._elapsed() < ENTER_GRACE_S:
            return  # the Enter that started it, held or pressed twice: not "finish"
        focused = self.focusWidget()
        if isinstance(focused, QAbstractButton) and focused.isVisible() and focused.isEnabled():
            focused.click()
            return
        action = {OFFER: self.start, RUNNING: self.finish, FINISHED: self._complete}.get(
            self._state
        )
        if action is not None:
            action()

    def _closed_by_user(self) -> None:
        """The X or Esc: skip when allowed, else the shortest snooze; once started, taken."""
        if self._state == OFFER:
            if self._can_skip():
                self._skip()
            else:
                self._snooze_shortest()
        elif self._state in (RUNNING, FINISHED):
            self._complete()

    def closeEvent(self, event) -> None:
        # Only the title bar's X comes from the window system. The app closing
        # it (Qt 6's quit() closes every window first, a logout too) is no answer.
        if event.spontaneous():
            self._closed_by_user()
        self._conclude()
        event.accept()

    # ------------------------------------------------------------- drawing

    def _switch_to(self, page: QWidget) -> None:
        """Show one page and fit the window to it."""
        # Before the pages change: showing one may grow the window downwards at once.
        bottom = self.geometry().bottom()
        for other in self.pages:
            other.setVisible(other is page)
        self._fit(bottom)

    def _fit(self, bottom: int | None = None) -> None:
        """Size the window to what it shows, keeping its bottom edge in place."""
        if bottom is None:
            bottom = self.geometry().bottom()
        was_visible = self.isVisible()
        # Pending relayouts first: until then the size hints (and the minimum
        # size the layout set) are the old content's.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # Fixed, so the layout's own minimum (its words wrapped at some narrow
        # width it guesses) does not hold the window taller than it needs.
        self.setFixedHeight(self._wanted_height())
        if was_visible:  # client geometry: move() would place the frame
            left = self.geometry().x()
            self.setGeometry(left, bottom + 1 - self.height(), self.width(), self.height())

    def _wanted_height(self) -> int:
        # For the window's real width: adjustSize() would wrap the words for
        # the narrower width of its size hint and come out too tall.
        layout = self.layout()
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(self.width())
        return self.sizeHint().height()

    def _show_offer(self) -> None:
        routine = self._routine
        self.setWindowTitle("Time for a short break")
        _set_text(self.title_label, routine.title)
        count = len(routine.moves)
        moves = f", {count} moves" if count > 1 else ""
        _set_text(self.length_label, f"{routine.length_words()}{moves}")
        if count > 1:
            _set_text(self.moves_label, "\n".join(f"\u2022  {m.name}" for m in routine.moves))
        else:
            _set_text(self.moves_label, routine.moves[0].how)
        self._show_still(routine.moves[0])
        if self._can_skip():
            self.skip_button.setEnabled(True)
            self.skip_button.setToolTip("")
            self.skip_button.setAccessibleDescription("")
            left = self._skips_left
            hint = "" if left is None else f"{left} skip{'s' if left != 1 else ''} left today."
        else:
            hint = "No skips left today. A snooze is fine."
            self.skip_button.setEnabled(False)
            self.skip_button.setToolTip(hint)
            self.skip_button.setAccessibleDescription(hint)
        _set_text(self.offer_hint, hint)
        self.offer_hint.setVisible(bool(hint))

    def _show_still(self, move: BreakMove) -> None:
        if move.pose is None:
            self.offer_figure.set_animation(None)
            self.offer_figure.hide()
            return
        animation = Animation(move.pose, tempo_s=move.tempo_s, hold_s=move.hold_s)
        self.offer_figure.set_animation(animation)
        self.offer_figure.set_time(still_time(animation))
        self.offer_figure.setAccessibleName(f"Illustration: {move.name}")
        self.offer_figure.show()

    def _show_running_frame(self) -> None:
        routine = self._routine
        index, t = self._where()
        move = routine.moves[index]
        beat_index = next((i for i, b in enumerate(move.beats) if t < b.end_s), len(move.beats) - 1)
        beat = move.beats[beat_index]
        if (index, beat_index) != self._shown_key:
            new_move = self._shown_key is None or self._shown_key[0] != index
            self._shown_key = (index, beat_index)
            bottom = self.geometry().bottom()
            count = len(routine.moves)
            self.setWindowTitle(f"Break: {move.name}")
            _set_text(self.step_label, f"Move {index + 1} of {count}")
            self.step_label.setVisible(count > 1)
            _set_text(self.move_label, move.name)
            _set_text(self.line_label, beat_line(move, beat))
            _set_text(self.how_label, move.how)
            self.next_button.setEnabled(index < count - 1)
            self.next_button.setVisible(count > 1)
            self._show_figure_beat(index, move, beat, t)
            if new_move and self.running_page.isVisible():
                self._fit(bottom)  # a cue longer than the two lines kept for it
        self.ring.set_time(move.seconds - t, move.seconds, beat_caption(beat))

    def _show_figure_beat(self, index: int, move: BreakMove, beat: BreakBeat, t: float) -> None:
        if move.pose is None:
            self.figure.set_animation(None)
            self.figure.hide()
            return
        self.figure.show()
        key = (index, beat.mirrored)
        if key != self._figure_key:
            self._figure_key = key
            animation = Animation(
                move.pose, tempo_s=move.tempo_s, hold_s=move.hold_s, mirrored=beat.mirrored
            )
            self.figure.set_animation(animation)
            self.figure.setAccessibleName(f"Illustration: {move.name}")
        # Each rep starts the movement afresh, so the figure moves with the count.
        moving = beat.kind == WORK
        self.figure.set_time(t - beat.start_s if moving else 0.0)
        self.figure.set_playing(moving)

    def _show_finished(self) -> None:
        self.setWindowTitle("Break done")
        done = self._done_s
        self.done_ring.set_time(done, done, "")
        self.done_ring.setAccessibleDescription(f"You moved for {round(done)} seconds")
        if done >= self._routine.total_s - 1e-6:
            line = "That is your break done. Back to your day when you are ready."
        else:
            line = "Every bit of moving counts. Back to your day when you are ready."
        _set_text(self.done_label, line)

    # ------------------------------------------------------------- time

    def _elapsed(self) -> float:
        return max(0.0, self._clock.monotonic() - self._started_at)

    def _done_so_far(self) -> float:
        # "Next move" jumps the countdown on; the seconds jumped over were not done.
        return round(max(0.0, min(self._elapsed(), self._routine.total_s) - self._jumped_s), 3)

    def _where(self) -> tuple[int, float]:
        """The move under way and the seconds into it."""
        elapsed = self._elapsed()
        starts = self._routine.move_starts()
        index = max(i for i, s in enumerate(starts) if s <= elapsed + 1e-9)
        return index, elapsed - starts[index]

    def _next_change_s(self) -> float:
        """Seconds until the digits or the rep on screen change."""
        index, t = self._where()
        move = self._routine.moves[index]
        left = move.seconds - t
        digit = left - (math.ceil(left - 1e-6) - 1)  # until the shown whole second drops
        return max(1e-3, min(digit, move.beat_at(t).end_s - t))

    def _schedule(self, seconds: float) -> None:
        # Less a hair: 0.7 s computed as 0.70000001 must not wait 701 ms.
        self._timer.start(max(1, math.ceil(seconds * 1000 - 1e-6)))

    def _stop_timers(self) -> None:
        self._timer.stop()
        self.figure.set_playing(False)

    # ------------------------------------------------------------- placing

    def _place_on_cursor_screen(self) -> None:
        """Bottom corner of the screen with the mouse (bottom-left in right-to-left)."""
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        self.setScreen(screen)
        # The frame is known once the window has been shown; until then, a guess.
        frame = self.frameGeometry().size() - self.geometry().size()
        if frame.isEmpty() or not self.testAttribute(Qt.WidgetAttribute.WA_WState_Created):
            frame = QSize(0, TITLE_BAR_ALLOWANCE)
        outer = self.size() + frame
        self.move(corner_position(screen.availableGeometry(), outer, self.isRightToLeft()))
