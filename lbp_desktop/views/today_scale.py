"""The 0-10 scale of the Today page, its correction dialog and the weekly questions.

Eleven big toggle buttons with the two anchors written under the ends. It is
one tab stop (the chosen number, else 0) and the arrow keys, Home and End
move inside it, like a radio group; a digit key chooses that number; Enter
asks the owner to save. In a narrow window it wraps into two rows (0-5 and
6-10) instead of cutting "10" off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QLayout, QPushButton, QWidget

SCORES = range(11)
PAIN_LOW = "no pain"
PAIN_HIGH = "worst imaginable"

_MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: 1,
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScoreScale(QWidget):
    """0 to 10 as buttons. ``purpose`` starts each button's accessible name."""

    chosen = Signal(int)  # the user picked a number (click, arrow, digit)
    submitted = Signal()  # Enter on the scale: the owner saves

    def __init__(
        self,
        purpose: str,
        low: str = PAIN_LOW,
        high: str = PAIN_HIGH,
        *,
        name_prefix: str = "score",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.purpose = purpose
        self.group = QButtonGroup(self)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(6)
        # The owner may make the scale narrower than one row: it then wraps.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.buttons: list[QPushButton] = []
        anchors = {0: low, 10: high}
        for score in SCORES:
            button = QPushButton(str(score), self)
            button.setObjectName(f"{name_prefix}{score}Button")
            button.setCheckable(True)
            button.setAutoDefault(False)  # Enter is ours, not a dialog's "click the focus"
            button.setProperty("role", "score")
            words = f", {anchors[score]}" if score in anchors else ""
            button.setAccessibleName(f"{purpose} {score} out of 10{words}")
            key = "End" if score == 10 else str(score)
            button.setToolTip(f"{score} out of 10{words} (press {key} or use the arrows)")
            button.installEventFilter(self)
            self.group.addButton(button, score)
            self.buttons.append(button)
        self.low_label = QLabel(f"0 = {low}", self)
        self.high_label = QLabel(f"10 = {high}", self)
        for label in (self.low_label, self.high_label):
            label.setProperty("role", "hint")
            label.setWordWrap(True)
        self.high_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # Focusable only through its proxy (the tab stop button): a label's
        # mnemonic focuses a buddy only if the buddy takes focus, and Qt's tab
        # chain skips widgets with a proxy, so this adds no tab stop.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._columns = 0
        self._arrange(len(self.buttons))
        self.group.idToggled.connect(self._on_toggled)
        self.group.idClicked.connect(self.chosen)
        self._update_roving_focus()

    # -- layout -----------------------------------------------------------------------------

    @property
    def columns(self) -> int:
        return self._columns

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for widget in (*self.buttons, self.low_label, self.high_label):
            self.grid.removeWidget(widget)
        for score, button in enumerate(self.buttons):
            self.grid.addWidget(button, score // columns, score % columns)
        for column in range(len(self.buttons)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = (len(self.buttons) + columns - 1) // columns
        half = max(columns // 2, 1)
        self.grid.addWidget(self.low_label, rows, 0, 1, half)
        self.grid.addWidget(self.high_label, rows, columns - half, 1, half)
        self.updateGeometry()

    def _button_width(self) -> int:
        return max(button.minimumSizeHint().width() for button in self.buttons)

    def _one_row_width(self) -> int:
        return 11 * self._button_width() + 10 * self.grid.horizontalSpacing()

    def minimumSizeHint(self) -> QSize:
        # Never wider than two rows need: the scale wraps instead of clipping.
        hint = super().minimumSizeHint()
        two_rows = 6 * self._button_width() + 5 * self.grid.horizontalSpacing()
        return QSize(min(hint.width(), two_rows), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(11 if event.size().width() >= self._one_row_width() else 6)
        super().resizeEvent(event)

    # -- keys and focus ---------------------------------------------------------------------

    def _update_roving_focus(self) -> None:
        current = self.selected()
        anchor = self.buttons[current if current is not None else 0]
        for button in self.buttons:
            policy = Qt.FocusPolicy.StrongFocus if button is anchor else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)
        # A label's buddy or setFocus() on the scale lands on the tab stop.
        self.setFocusProxy(anchor)

    def focus_button(self) -> QPushButton:
        """The button that takes the focus when the scale does."""
        current = self.selected()
        return self.buttons[current if current is not None else 0]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and watched in self.buttons
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            code = event.key()
            key = Qt.Key(code)
            index = self.buttons.index(watched)  # type: ignore[arg-type]
            if key in _ENTER:
                self.submitted.emit()
                return True
            target: int | None = None
            if key in _MOVES:
                target = max(0, min(10, index + _MOVES[key]))
            elif key == Qt.Key.Key_Home:
                target = 0
            elif key == Qt.Key.Key_End:
                target = 10
            elif Qt.Key.Key_0.value <= code <= Qt.Key.Key_9.value:
                target = code - Qt.Key.Key_0.value
            if target is not None:
                self.choose(target, focus=True)
                self.chosen.emit(target)
                return True
        return super().eventFilter(watched, event)

    # -- value ------------------------------------------------------------------------------

    def _on_toggled(self, _score: int, checked: bool) -> None:
        if checked:
            self._update_roving_focus()

    def choose(self, score: int, *, focus: bool = False) -> None:
        button = self.buttons[score]
        button.setChecked(True)
        if focus:
            button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected(self) -> int | None:
        score = self.group.checkedId()
        return None if score < 0 else score

    def clear(self) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot be emptied
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)
        self._update_roving_focus()
