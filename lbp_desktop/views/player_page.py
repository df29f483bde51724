"""The guided-session screen: check-in, the player itself, and the summary.

Made to be read from a mat two metres away: big name, big seconds, a calm
figure, few words. The page holds no rules: ``show_state`` draws whatever
:class:`~lbp_desktop.domain.player.PlayerState` says, and every button or
key only emits an intent (``start_requested``, ``pain_reported``,
``command``, ``post_checkin``, ``stop_confirmed``) that the session runner
turns into player commands.

Keys while playing: Space pause/resume, Right next, Left previous, Esc stop
(asks first), F full screen, M mute.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.figure_poses import Animation
from lbp_desktop.domain.player import (
    BREATHING,
    CHECK_IN,
    GET_READY,
    INTERVAL,
    MEDITATION,
    REST,
    SET_BREAK,
    SUMMARY,
    SWITCH_SIDE,
    WORK,
    PlayerState,
)
from lbp_desktop.views.figure_view import FigureView

Role = QPalette.ColorRole

# Commands the page emits through ``command``; the runner maps them to the player.
PAUSE = "pause"
RESUME = "resume"
TOGGLE_PAUSE = "toggle_pause"
NEXT = "next"
PREVIOUS = "previous"
ADD_10S = "add_10s"
REMOVE_10S = "remove_10s"
COMMANDS = (PAUSE, RESUME, TOGGLE_PAUSE, NEXT, PREVIOUS, ADD_10S, REMOVE_10S)

PHASE_WORDS = {
    GET_READY: "Get ready",
    WORK: "Now",
    REST: "Rest",
    SWITCH_SIDE: "Switch sides",
    SET_BREAK: "Short break",
    INTERVAL: "Heat or ice",
    BREATHING: "Breathe",
    MEDITATION: "Relax",
}
MOVING_PHASES = (WORK, INTERVAL, BREATHING, MEDITATION)
BREATH_WORDS = {"in": "Breathe in", "hold": "Hold", "out": "Breathe out"}
# Events whose words the user should see as well as hear.
NOTICE_EVENTS = frozenset(
    {
        "switch_side",
        "skin_check",
        "interval_capped",
        "slept_during_interval",
        "interval_ended_during_sleep",
    }
)
FEEDBACK_CHOICES = (
    ("too_easy", "Too easy"),
    ("about_right", "About right"),
    ("too_hard", "Too hard"),
    ("it_hurt", "It hurt"),
)
PAIN_ANCHORS = {0: "no pain", 10: "worst imaginable"}

STYLE = """
QLabel#playerPhase { font-size: 16pt; font-weight: 600; color: palette(highlight); }
QLabel#playerName { font-size: 30pt; font-weight: 700; }
QLabel#playerCounters { font-size: 20pt; font-weight: 600; }
QLabel#playerCue { font-size: 22pt; }
QLabel#playerGuidance { font-size: 18pt; font-style: italic; }
QLabel#playerNotice {
    font-size: 16pt; font-weight: 600;
    border-style: solid; border-width: 0px 0px 0px 6px; border-color: #E69F00;
    padding: 4px 12px;
}
QLabel#playerNext { font-size: 16pt; color: palette(placeholder-text); }
QLabel#viewHeading { font-size: 28pt; font-weight: 700; }
QLabel#viewQuestion { font-size: 20pt; }
QLabel#viewText { font-size: 16pt; }
QLabel#anchorText { font-size: 13pt; }
QLabel#exerciseName { font-size: 15pt; }
QProgressBar#sessionProgress {
    min-height: 16px; max-height: 16px; border: none; border-radius: 8px;
    background: palette(alternate-base); text-align: center; font-size: 1pt;
}
QProgressBar#sessionProgress::chunk { background: palette(highlight); border-radius: 8px; }
QPushButton[role="control"] { font-size: 15pt; min-height: 52px; padding: 4px 16px; }
QPushButton[role="small"] { font-size: 13pt; min-height: 40px; padding: 2px 12px; }
QPushButton#pauseButton { font-size: 17pt; font-weight: 700; min-width: 150px; }
QPushButton#hurtButton {
    font-size: 17pt; font-weight: 700; min-height: 52px; padding: 4px 22px;
    border: 3px solid #D55E00; border-radius: 10px; background: palette(base);
}
QPushButton[role="score"] { font-size: 20pt; font-weight: 600; min-width: 44px; min-height: 60px; }
QPushButton[role="score"]:checked, QPushButton[role="feedback"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
}
QPushButton[role="feedback"] { font-size: 13pt; min-height: 40px; padding: 2px 10px; }
QPushButton[role="primary"] {
    font-size: 17pt; font-weight: 700; min-height: 56px; padding: 4px 28px;
}
QPushButton[role="primary"]:disabled {
    background: palette(alternate-base); border-color: palette(mid);
    color: palette(placeholder-text);
}
QScrollArea#feedbackScroll, QWidget#feedbackRows { background: transparent; border: none; }
QScrollArea#checkInScroll, QWidget#checkInContent { background: transparent; border: none; }
QFrame#painPanel, QFrame#reasonCard {
    background: palette(base); border: 2px solid palette(mid); border-radius: 12px;
}
"""


def confirm_stop(parent: QWidget) -> bool:
    """Ask before ending the session (tests replace this function)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Stop the session?")
    box.setText("Stop the session now?")
    box.setInformativeText("What you have done so far is kept.")
    stop = box.addButton("Stop the session", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is stop


def clock_text(seconds: float) -> str:
    """Whole seconds left, rounded up: '7', '1:05'."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole < 60:
        return str(whole)
    return f"{whole // 60}:{whole % 60:02d}"


def _label(text: str = "", name: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _button(text: str, accessible: str, *, role: str = "control", name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    button.setProperty("role", role)
    if name:
        button.setObjectName(name)
    # Keys belong to the player's shortcuts (Space pauses), not to a focused button.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class CountdownRing(QWidget):
    """An arc of the time left with the seconds in big digits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._remaining = 0.0
        self._total = 0.0
        self._caption = ""
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Time left")

    def set_time(self, remaining: float, total: float, caption: str = "") -> None:
        old = (self.text(), self._fraction_px(), self._caption)
        self._remaining, self._total, self._caption = remaining, total, caption
        if (self.text(), self._fraction_px(), self._caption) != old:
            self.setAccessibleDescription(f"{self.text()} seconds left {caption}".strip())
            self.update()

    def text(self) -> str:
        return clock_text(self._remaining)

    def fraction(self) -> float:
        return 0.0 if self._total <= 0 else min(max(self._remaining / self._total, 0.0), 1.0)

    def _fraction_px(self) -> int:
        return round(self.fraction() * 720)

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event) -> None:
        side = min(self.width(), self.height())
        pen_w = max(10.0, side * 0.07)
        rect = QRectF(
            (self.width() - side) / 2 + pen_w / 2,
            (self.height() - side) / 2 + pen_w / 2,
            side - pen_w,
            side - pen_w,
        )
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        track = QPen(palette.color(Role.AlternateBase), pen_w)
        painter.setPen(track)
        painter.drawEllipse(rect)
        arc = QPen(palette.color(Role.Highlight), pen_w)
        arc.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        span = round(self.fraction() * 360 * 16)
        if span:
            painter.drawArc(rect, 90 * 16, span)  # from twelve o'clock, anticlockwise
        painter.setPen(palette.color(Role.WindowText))
        font = QFont(self.font())
        font.setPixelSize(max(12, round(side * (0.36 if len(self.text()) <= 2 else 0.26))))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        digits = QRectF(rect)
        if self._caption:
            digits.adjust(0, -side * 0.08, 0, -side * 0.08)
        painter.drawText(digits, Qt.AlignmentFlag.AlignCenter, self.text())
        if self._caption:
            small = QFont(self.font())
            small.setPixelSize(max(10, round(side * 0.085)))
            small.setWeight(QFont.Weight.DemiBold)
            painter.setFont(small)
            below = QRectF(rect.left(), rect.center().y() + side * 0.16, rect.width(), side * 0.12)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()


class BreathPacer(QWidget):
    """A circle that grows on the in-breath and shrinks on the out-breath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = 0.0
        self._words = ""
        self.setMinimumSize(200, 200)
        self.setAccessibleName("Breathing pacer")

    def set_breath(self, level: float, words: str) -> None:
        level = min(max(level, 0.0), 1.0)
        if abs(level - self._level) > 0.002 or words != self._words:
            self._level, self._words = level, words
            self.setAccessibleDescription(words)
            self.update()

    def level(self) -> float:
        return self._level

    def words(self) -> str:
        return self._words

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def paintEvent(self, event) -> None:
        side = min(self.width(), self.height())
        centre = QRectF(self.rect()).center()
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        outer = side / 2 - 4
        inner = outer * 0.35
        radius = inner + (outer - inner) * self._level
        guide = QPen(palette.color(Role.Mid), 2, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, outer, outer)
        fill = QColor(palette.color(Role.Highlight))
        fill.setAlphaF(0.35 + 0.35 * self._level)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(palette.color(Role.WindowText))
        font = QFont(self.font())
        font.setPixelSize(max(12, round(side * 0.11)))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self._words)
        painter.end()


class PainScale(QWidget):
    """Eleven big buttons, 0 to 10, with the two anchors written under the ends.

    In one row when there is room; in a narrow window (a half-screen window on a
    small laptop) in two rows, 0-5 and 6-10, rather than cutting "10" off.
    """

    chosen = Signal(int)

    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(8)
        # The parent may make the scale narrower than one row: it then wraps.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.buttons: list[QPushButton] = []
        for score in range(11):
            anchor = PAIN_ANCHORS.get(score)
            name = f"{purpose}: {score}" + (f", {anchor}" if anchor else "")
            button = _button(str(score), name, role="score")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.group.addButton(button, score)
            self.buttons.append(button)
        self.low_label = _label("0 = no pain", "anchorText")
        self.high_label = _label("10 = worst imaginable", "anchorText")
        self.high_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._columns = 0
        self._arrange(11)
        self.group.idClicked.connect(self.chosen)

    @property
    def columns(self) -> int:
        return self._columns

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self.grid.removeWidget(button)
        for label in (self.low_label, self.high_label):
            self.grid.removeWidget(label)
        for score, button in enumerate(self.buttons):
            self.grid.addWidget(button, score // columns, score % columns)
        rows = (len(self.buttons) + columns - 1) // columns
        half = max(columns // 2, 1)
        self.grid.addWidget(self.low_label, rows, 0, 1, half)
        self.grid.addWidget(self.high_label, rows, columns - half, 1, half)
        self.updateGeometry()

    def _one_row_width(self) -> int:
        button = max(b.minimumSizeHint().width() for b in self.buttons)
        return 11 * button + 10 * self.grid.horizontalSpacing()

    def minimumSizeHint(self) -> QSize:
        # Never wider than two rows need: the scale wraps instead of clipping.
        hint = super().minimumSizeHint()
        button = max(b.minimumSizeHint().width() for b in self.buttons)
        two_rows = 6 * button + 5 * self.grid.horizontalSpacing()
        return QSize(min(hint.width(), two_rows), hint.height())

    def resizeEvent(self, event) -> None:
        self._arrange(11 if event.size().width() >= self._one_row_width() else 6)
        super().resizeEvent(event)

    def selected(self) -> int | None:
        score = self.group.checkedId()
        return None if score < 0 else score

    def clear(self) -> None:
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)


class PlayerPage(QWidget):
    """Check-in, then the session, then the summary. Emits intents only."""

    start_requested = Signal(int)  # pain before, 0-10
    pain_reported = Signal(int)  # "this hurts", 0-10
    command = Signal(str)  # one of COMMANDS
    post_checkin = Signal(int, dict)  # pain after, {exercise_id: feedback}
    stop_confirmed = Signal()
    cancel_requested = Signal()  # back to the plans before the session started
    mute_changed = Signal(bool)
    full_screen_changed = Signal(bool)

    def __init__(
        self, parent: QWidget | None = None, *, figure_clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playerPage")
        self.setAccessibleName("Guided session")
        self.setStyleSheet(STYLE)
        self._state: PlayerState | None = None
        self._segment_key: tuple[object, ...] | None = None
        self._paused_for_pain = False
        self._exercises: list[tuple[str, str]] = []
        self._feedback_groups: dict[str, QButtonGroup] = {}
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.check_in_view = self._build_check_in()
        self.playing_view = self._build_playing(figure_clock)
        self.summary_view = self._build_summary()
        for view in (self.check_in_view, self.playing_view, self.summary_view):
            self.stack.addWidget(view)
        self._build_shortcuts()

    # ----------------------------------------------------------------- building

    def _build_check_in(self) -> QWidget:
        # In a scroll area: a small window scrolls rather than squeezing the scale.
        view = QWidget()
        view.setObjectName("checkInContent")
        box = QVBoxLayout(view)
        box.setContentsMargins(32, 32, 32, 32)
        box.setSpacing(18)
        self.check_in_title = _label("Before you start", "viewHeading", wrap=True)
        self.check_in_question = _label(
            "How much pain do you have right now, from 0 to 10?", "viewQuestion", wrap=True
        )
        self.pre_scale = PainScale("Pain now")
        self.first_up_label = _label("", "viewText", wrap=True)
        self.start_button = _button("Start the session", "Start the session", role="primary")
        self.start_button.setEnabled(False)
        self.start_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pre_scale.chosen.connect(lambda _score: self.start_button.setEnabled(True))
        self.start_button.clicked.connect(self._start_clicked)
        self.not_now_button = _button("Not now", "Back to the plans without starting")
        self.not_now_button.clicked.connect(self.cancel_requested)
        box.addWidget(self.check_in_title)
        box.addWidget(self.check_in_question)
        box.addSpacing(8)
        box.addWidget(self.pre_scale)
        box.addSpacing(8)
        box.addWidget(self.first_up_label)
        box.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.not_now_button)
        row.addStretch(1)
        row.addWidget(self.start_button)
        box.addLayout(row)
        scroll = QScrollArea()
        scroll.setObjectName("checkInScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(view)
        return scroll

    def _build_playing(self, figure_clock: Callable[[], float]) -> QWidget:
        view = QWidget()
        box = QVBoxLayout(view)
        box.setContentsMargins(28, 20, 28, 20)
        box.setSpacing(10)

        self.phase_label = _label("", "playerPhase")
        self.name_label = _label("", "playerName", wrap=True)
        self.name_label.setAccessibleName("Exercise")
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.phase_label)
        heading.addWidget(self.name_label)
        self.header = QHBoxLayout()
        self.header.addLayout(heading, 1)
        box.addLayout(self.header)

        middle = QHBoxLayout()
        middle.setSpacing(24)
        self.figure = FigureView(clock=figure_clock)
        self.figure.setMinimumSize(320, 150)
        middle.addWidget(self.figure, 3)
        # Ring and counters; the breathing pacer beside them, so nothing grows taller.
        side = QGridLayout()
        side.setHorizontalSpacing(20)
        side.setVerticalSpacing(12)
        self.ring = CountdownRing()
        self.ring.setFixedSize(240, 240)
        self.counters_label = _label("", "playerCounters", wrap=True)
        self.counters_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.counters_label.setAccessibleName("Reps and sets")
        self.pacer = BreathPacer()
        self.pacer.setFixedSize(240, 240)
        self.pacer.hide()
        side.addWidget(self.ring, 0, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.counters_label, 1, 0)
        side.addWidget(self.pacer, 0, 1, Qt.AlignmentFlag.AlignHCenter)
        side.setRowStretch(3, 1)
        self._side = side  # "This hurts" goes under the counters (see below)
        middle.addLayout(side, 0)
        box.addLayout(middle, 1)

        self.cue_label = _label("", "playerCue", wrap=True)
        self.cue_label.setAccessibleName("What to do now")
        self.guidance_label = _label("", "playerGuidance", wrap=True)
        self.guidance_label.setAccessibleName("Guidance")
        self.guidance_label.hide()
        self.notice_label = _label("", "playerNotice", wrap=True)
        self.notice_label.setAccessibleName("Notice")
        self.notice_label.hide()
        self.next_label = _label("", "playerNext", wrap=True)
        self.next_label.setAccessibleName("What comes next")
        self.progress = QProgressBar()
        self.progress.setObjectName("sessionProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Session progress")
        for widget in (self.cue_label, self.guidance_label, self.notice_label, self.next_label):
            box.addWidget(widget)
        box.addWidget(self.progress)

        self.pain_panel = self._build_pain_panel()
        self.pain_panel.hide()
        box.addWidget(self.pain_panel)

        controls = QHBoxLayout()
        controls.setSpacing(10)
        self.previous_button = _button("◀ Previous", "Previous (Left arrow)")
        self.pause_button = _button("Pause", "Pause (Space)", name="pauseButton")
        self.next_button = _button("Next ▶", "Next (Right arrow)")
        self.minus_button = _button("\N{MINUS SIGN}10 s", "Take off 10 seconds")
        self.plus_button = _button("+10 s", "Add 10 seconds")
        self.hurt_button = _button("This hurts", "This hurts: tell us your pain", name="hurtButton")
        self.hurt_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stop_button = _button("Stop", "Stop the session (Esc)")
        self.full_screen_button = _button("Full screen", "Full screen (F)")
        self.full_screen_button.setCheckable(True)
        self.mute_button = _button("Mute", "Mute sounds (M)")
        self.mute_button.setCheckable(True)
        self.previous_button.clicked.connect(lambda: self.command.emit(PREVIOUS))
        self.pause_button.clicked.connect(lambda: self.command.emit(TOGGLE_PAUSE))
        self.next_button.clicked.connect(lambda: self.command.emit(NEXT))
        self.minus_button.clicked.connect(lambda: self.command.emit(REMOVE_10S))
        self.plus_button.clicked.connect(lambda: self.command.emit(ADD_10S))
        self.hurt_button.clicked.connect(self.open_pain_panel)
        self.stop_button.clicked.connect(self.ask_to_stop)
        self.full_screen_button.clicked.connect(self._full_screen_clicked)
        self.mute_button.toggled.connect(self._mute_toggled)
        for button in (
            self.previous_button,
            self.pause_button,
            self.next_button,
            self.minus_button,
            self.plus_button,
        ):
            controls.addWidget(button)
        controls.addStretch(1)
        # Beside the countdown, never squeezed by the row of controls: a
        # narrow window must not cut its label off.
        self.hurt_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._side.addWidget(self.hurt_button, 2, 0, Qt.AlignmentFlag.AlignHCenter)
        # Stop, full screen and mute up in the corner, away from the big buttons.
        for button in (self.stop_button, self.full_screen_button, self.mute_button):
            button.setProperty("role", "small")
            self.header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(controls)
        return view

    def _build_pain_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("painPanel")
        box = QVBoxLayout(panel)
        box.setContentsMargins(18, 12, 18, 12)
        question = _label("Paused. How much does it hurt right now?", "viewQuestion", wrap=True)
        self.hurt_scale = PainScale("Pain now")
        self.hurt_scale.chosen.connect(self._hurt_chosen)
        cancel = _button("Back to the session", "Back to the session without a score")
        cancel.clicked.connect(self._close_pain_panel)
        self.pain_cancel_button = cancel
        row = QHBoxLayout()
        row.addWidget(question, 1)
        row.addWidget(cancel)
        box.addLayout(row)
        box.addWidget(self.hurt_scale)
        return panel

    def _build_summary(self) -> QWidget:
        view = QWidget()
        box = QVBoxLayout(view)
        box.setContentsMargins(48, 32, 48, 32)
        box.setSpacing(12)
        self.summary_title = _label("", "viewHeading", wrap=True)
        self.reason_card = QFrame()
        self.reason_card.setObjectName("reasonCard")
        card = QVBoxLayout(self.reason_card)
        card.setContentsMargins(18, 12, 18, 12)
        self.reason_label = _label("", "viewText", wrap=True)
        self.reason_label.setAccessibleName("Why the session stopped")
        self.step_down_label = _label("", "viewText", wrap=True)
        self.step_down_label.setAccessibleName("For next time")
        card.addWidget(self.reason_label)
        card.addWidget(self.step_down_label)
        self.post_question = _label(
            "How much pain do you have now, from 0 to 10?", "viewQuestion", wrap=True
        )
        self.post_scale = PainScale("Pain after the session")
        self.feedback_title = _label("How did each exercise feel?", "viewText")
        rows = QWidget()
        rows.setObjectName("feedbackRows")
        self.feedback_grid = QGridLayout(rows)
        self.feedback_grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("feedbackScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        scroll.setAccessibleName("Feedback for each exercise")
        self.feedback_scroll = scroll
        self.feedback_grid.setHorizontalSpacing(8)
        self.feedback_grid.setVerticalSpacing(6)
        self.save_button = _button("Save and finish", "Save and finish", role="primary")
        self.save_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.save_button.setEnabled(False)
        self.post_scale.chosen.connect(lambda _score: self.save_button.setEnabled(True))
        self.save_button.clicked.connect(self._save_clicked)
        self.thanks_label = _label("", "viewText", wrap=True)
        box.addWidget(self.summary_title)
        box.addWidget(self.reason_card)
        box.addWidget(self.post_question)
        box.addWidget(self.post_scale)
        box.addWidget(self.feedback_title)
        box.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.thanks_label, 1)
        row.addWidget(self.save_button)
        box.addLayout(row)
        return view

    def _build_shortcuts(self) -> None:
        keys: list[tuple[Qt.Key, Callable[[], None]]] = [
            (Qt.Key.Key_Space, lambda: self.command.emit(TOGGLE_PAUSE)),
            (Qt.Key.Key_Right, lambda: self.command.emit(NEXT)),
            (Qt.Key.Key_Left, lambda: self.command.emit(PREVIOUS)),
            (Qt.Key.Key_Escape, self.ask_to_stop),
            (Qt.Key.Key_F, self.toggle_full_screen),
            (Qt.Key.Key_M, self.mute_button.toggle),
        ]
        self.shortcuts: dict[Qt.Key, QShortcut] = {}
        for key, slot in keys:
            # Live only while the playing view is shown.
            shortcut = QShortcut(QKeySequence(key), self.playing_view)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut

    # ----------------------------------------------------------------- input

    def set_exercises(self, exercises: Sequence[tuple[str, str]]) -> None:
        """The session's exercises, (id, name) in order, for the feedback rows."""
        while self.feedback_grid.count():
            item = self.feedback_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._feedback_groups.clear()
        self._exercises = list(dict(exercises).items())
        for row, (exercise_id, name) in enumerate(self._exercises):
            self.feedback_grid.addWidget(_label(name, "exerciseName"), row, 0)
            group = QButtonGroup(self)
            for col, (value, words) in enumerate(FEEDBACK_CHOICES, start=1):
                button = _button(words, f"{name}: {words}", role="feedback")
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                button.setProperty("feedback", value)
                group.addButton(button, col)
                self.feedback_grid.addWidget(button, row, col)
            self._feedback_groups[exercise_id] = group
        self.feedback_grid.setRowStretch(len(self._exercises), 1)
        self.feedback_title.setVisible(bool(self._exercises))
        self.feedback_scroll.setVisible(bool(self._exercises))

    def feedback_button(self, exercise_id: str, value: str) -> QPushButton:
        group = self._feedback_groups[exercise_id]
        for button in group.buttons():
            if button.property("feedback") == value:
                return button  # type: ignore[return-value]
        raise KeyError(value)

    def set_start_label(self, text: str) -> None:
        """ "Start the session", or "Carry on" for an interrupted one."""
        self.start_button.setText(text)
        self.start_button.setAccessibleName(text)

    def set_title(self, title: str) -> None:
        """The plan's name, shown at the check-in."""
        self.check_in_title.setText(title)

    def set_animation(self, animation: Animation | None) -> None:
        """What the figure shows (the runner picks it for each exercise and side)."""
        self.figure.set_animation(animation)
        self._segment_key = None  # resync the figure with the next state

    def _start_clicked(self) -> None:
        score = self.pre_scale.selected()
        if score is not None:
            self.start_requested.emit(score)

    def _save_clicked(self) -> None:
        score = self.post_scale.selected()
        if score is None:
            return
        feedback: dict[str, str] = {}
        for exercise_id, group in self._feedback_groups.items():
            button = group.checkedButton()
            if button is not None:
                feedback[exercise_id] = str(button.property("feedback"))
        self.save_button.setEnabled(False)
        self.post_scale.setEnabled(False)
        self.thanks_label.setText("Saved. Thank you.")
        self.post_checkin.emit(score, feedback)

    def open_pain_panel(self) -> None:
        """'This hurts': pause while the user picks a score."""
        if self.pain_panel.isVisible() or self.stack.currentWidget() is not self.playing_view:
            return
        self._paused_for_pain = self._state is not None and not self._state.paused
        if self._paused_for_pain:
            self.command.emit(PAUSE)
        self.hurt_scale.clear()
        self._show_lines(False)
        self.pain_panel.show()
        self.hurt_scale.buttons[0].setFocus()

    def _hurt_chosen(self, score: int) -> None:
        self.pain_reported.emit(score)
        self._close_pain_panel()

    def _close_pain_panel(self) -> None:
        self.pain_panel.hide()
        self._show_lines(True)
        if self._paused_for_pain:
            self._paused_for_pain = False
            self.command.emit(RESUME)

    def _show_lines(self, shown: bool) -> None:
        """The pain question takes the place of the text lines while it is open."""
        self.cue_label.setVisible(shown)
        self.next_label.setVisible(shown)
        self.guidance_label.setVisible(shown and bool(self.guidance_label.text()))
        if not shown:
            self.notice_label.hide()

    def ask_to_stop(self) -> None:
        """Stop, after a yes; the timer waits while the question is open."""
        if self.stack.currentWidget() is not self.playing_view:
            return
        was_running = self._state is not None and not self._state.paused
        if was_running:
            self.command.emit(PAUSE)
        if confirm_stop(self):
            self.stop_confirmed.emit()
        elif was_running:
            self.command.emit(RESUME)

    def toggle_full_screen(self) -> None:
        self.full_screen_button.setChecked(not self.window().isFullScreen())
        self._full_screen_clicked()

    def _full_screen_clicked(self) -> None:
        top = self.window()
        wanted = self.full_screen_button.isChecked()
        if wanted:
            top.showFullScreen()
        else:
            top.showNormal()
        self.full_screen_button.setText("Leave full screen" if wanted else "Full screen")
        self.full_screen_changed.emit(wanted)

    def _mute_toggled(self, muted: bool) -> None:
        self.mute_button.setText("Sound off" if muted else "Mute")
        self.mute_button.setAccessibleName("Turn sounds back on (M)" if muted else "Mute (M)")
        self.mute_changed.emit(muted)

    def is_muted(self) -> bool:
        return self.mute_button.isChecked()

    def set_muted(self, muted: bool) -> None:
        """Start in the app's mute state (the toggle still tells whoever listens)."""
        self.mute_button.setChecked(muted)

    # ----------------------------------------------------------------- drawing

    def show_state(self, state: PlayerState) -> None:
        self._state = state
        if state.phase == CHECK_IN:
            self._show_check_in(state)
        elif state.phase == SUMMARY:
            self._show_summary(state)
        else:
            self._show_playing(state)

    def _switch_to(self, view: QWidget) -> None:
        if self.stack.currentWidget() is not view:
            self.stack.setCurrentWidget(view)

    def _show_check_in(self, state: PlayerState) -> None:
        self._switch_to(self.check_in_view)
        self.check_in_question.setText(state.cue)
        self.first_up_label.setText(state.next_label)

    def _show_playing(self, state: PlayerState) -> None:
        self._switch_to(self.playing_view)
        self.phase_label.setText(PHASE_WORDS.get(state.phase, ""))
        name = state.exercise_name or ""
        if state.side:
            name += f" ({state.side} side)"
        _set_text(self.name_label, name)
        self.ring.set_time(state.remaining_s, state.total_s, "Paused" if state.paused else "")
        counters = []
        if state.reps:
            counters.append(f"Rep {state.rep} of {state.reps}")
        if state.sets and state.sets > 1:
            counters.append(f"Set {state.set_no} of {state.sets}")
        _set_text(self.counters_label, "\n".join(counters))
        _set_text(self.cue_label, state.cue)
        _set_text(self.guidance_label, state.guidance or "")
        self.guidance_label.setVisible(bool(state.guidance) and not self.pain_panel.isVisible())
        _set_text(self.next_label, state.next_label)
        self.progress.setValue(round(state.progress * 1000))
        breathing = state.breath_level is not None
        self.pacer.setVisible(breathing)
        if breathing:
            words = BREATH_WORDS.get(state.breath_phase or "", "")
            self.pacer.set_breath(state.breath_level or 0.0, words)
        self._show_events(state)
        paused_text = "Resume" if state.paused else "Pause"
        if self.pause_button.text() != paused_text:
            self.pause_button.setText(paused_text)
            self.pause_button.setAccessibleName(f"{paused_text} (Space)")
        # The figure: restarted with each countdown so a rep's movement matches its time.
        key = (state.phase, state.exercise_id, state.item_index, state.rep, state.set_no)
        key += (state.side,)
        if key != self._segment_key:
            self._segment_key = key
            self.figure.set_time(state.elapsed_s if state.phase in MOVING_PHASES else 0.0)
        self.figure.set_playing(state.phase in MOVING_PHASES and not state.paused)

    def _show_events(self, state: PlayerState) -> None:
        for event in state.events:
            if event.kind == "phase_started":
                self.notice_label.hide()
            elif event.kind in NOTICE_EVENTS and event.text:
                self.notice_label.setText(event.text)
                self.notice_label.setVisible(not self.pain_panel.isVisible())

    def _show_summary(self, state: PlayerState) -> None:
        first = self.stack.currentWidget() is not self.summary_view
        self._switch_to(self.summary_view)
        if self.pain_panel.isVisible():
            self.pain_panel.hide()
            self._show_lines(True)
        self.figure.set_playing(False)
        if state.outcome == "stopped_for_pain":
            title = "We stopped to look after your back"
        elif state.outcome == "partial":
            title = "Session ended early, and that is fine"
        else:
            title = "Well done: session complete"
        self.summary_title.setText(title)
        self.reason_label.setText(state.stop_reason)
        self.reason_label.setVisible(bool(state.stop_reason))
        step_down = state.step_down.text if state.step_down else ""
        self.step_down_label.setText(step_down)
        self.step_down_label.setVisible(bool(step_down))
        self.reason_card.setVisible(bool(state.stop_reason or step_down))
        if state.post_pain is None:
            self.post_question.setText(state.cue)
        if first and self.window().isFullScreen():
            self.full_screen_button.setChecked(False)
            self._full_screen_clicked()

    # ----------------------------------------------------------------- for tests

    def current_view(self) -> str:
        current = self.stack.currentWidget()
        if current is self.check_in_view:
            return "check_in"
        if current is self.playing_view:
            return "playing"
        return "summary"


def _set_text(label: QLabel, text: str) -> None:
    # Unchanged text would still relayout the page ten times a second.
    if label.text() != text:
        label.setText(text)
