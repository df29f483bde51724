"""The first-run onboarding window: six calm steps, or one step from Settings.

Walk-through: "Step 2 of 6" and a step track at the top, one step at a
time, Back / Next at the bottom and "Skip the rest" on every step but the
last. Skipping is easy and safe: Skip the rest (or Esc, or the window's X)
asks once, in the same window, and what was answered so far is kept.
The last step ends with "Later" or "Start it now".

One step (``single_step``): the same page on its own with Cancel / Save,
which is how Settings lets a person change one part later.

The dialog stores nothing: it emits ``completed``, ``skipped`` or
``step_saved`` with an ``OnboardingAnswers`` whose ``steps_done`` names the
steps the person went through; domain.onboarding.stored_changes and
follow_ups say what to store and do. (Not ``finished``: QDialog already has
a ``finished(int)`` signal.)
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop import APP_NAME
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.onboarding import STEPS, OnboardingAnswers
from lbp_desktop.views.onboarding.base import Step
from lbp_desktop.views.onboarding.habit_steps import GoalsStep, PacksStep, RemindersStep
from lbp_desktop.views.onboarding.intro_steps import SafetyStep, WelcomeStep
from lbp_desktop.views.onboarding.parts import StepTrack, bullets, card, text
from lbp_desktop.views.onboarding.plan_step import PlanStep

SKIP_HEADING = "Skip the rest for now?"
SKIP_KEPT = (
    "What you have answered so far is kept.",
    "Everything else keeps the usual settings. You can set it up at any time in Settings.",
)
SKIP_SAFETY = "Before your first guided session, the app will still ask the safety questions."

# Sizes and tints for this window only; colours come from the palette (light and dark).
_STYLE = """
QLabel[role="body"] { font-size: 13pt; }
QLabel[role="hint"] { font-size: 12pt; }
QLabel[role="question"] { font-size: 14pt; font-weight: 600; }
QLabel[role="cardTitle"] { font-size: 13pt; font-weight: 600; }
QLabel[role="planName"] { font-size: 17pt; font-weight: 600; }
QLabel[role="advice"] { font-size: 14pt; }
QLabel[role="stepCount"] { font-size: 12pt; }
QRadioButton { font-size: 13pt; spacing: 10px; padding: 4px 0px; }
/* Large rings that read on light and dark: the chosen one is a thick ring. */
QRadioButton::indicator {
    width: 16px;
    height: 16px;
    border: 2px solid palette(mid);
    border-radius: 10px;
    background: palette(base);
}
QRadioButton::indicator:hover { border-color: palette(highlight); }
QRadioButton::indicator:checked {
    width: 8px;
    height: 8px;
    border: 6px solid palette(highlight);
}
QRadioButton::indicator:disabled { border-color: palette(midlight); }
QRadioButton::indicator:checked:disabled { border-color: palette(mid); }
QPushButton[role="secondary"] {
    font-size: 13pt;
    min-height: 36px;
    padding: 6px 22px;
}
QFrame[role="card"][tone="note"] { background: palette(alternate-base); }
QFrame#onboardingFooter {
    border-style: solid;
    border-width: 1px 0px 0px 0px;
    border-color: palette(midlight);
}
"""


def _scrolled(page: QWidget) -> QScrollArea:
    """Each step scrolls on its own, so a short step never scrolls as far as a long one."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 4, 14, 8)  # room for the scroll bar, off the words
    layout.addWidget(page)
    scroll.setWidget(holder)
    scroll.setAccessibleName(page.heading())
    return scroll


def _button(label: str, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(label)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    button.setProperty("role", "primary" if primary else "secondary")
    return button


def build_steps(
    library: ContentLibrary, *, autostart_supported: bool = True, autostart_note: str = ""
) -> list[Step]:
    return [
        WelcomeStep(),
        SafetyStep(),
        GoalsStep(),
        RemindersStep(autostart_supported=autostart_supported, autostart_note=autostart_note),
        PacksStep(),
        PlanStep(library),
    ]


class OnboardingDialog(QDialog):
    completed = Signal(object)  # OnboardingAnswers: every step walked, "Later" or "Start it now"
    skipped = Signal(object)  # OnboardingAnswers: what was answered before "Skip the rest"
    step_saved = Signal(object)  # OnboardingAnswers: one step changed (single_step)

    def __init__(
        self,
        library: ContentLibrary,
        default_answers: OnboardingAnswers | None = None,
        *,
        start_step: int = 0,
        single_step: str | None = None,
        autostart_supported: bool = True,
        autostart_note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``default_answers``: what to show at first (answers_from_settings gives
        the app's current ones). ``autostart_note``: why start on login is not
        available, when ``autostart_supported`` is False."""
        super().__init__(parent)
        if single_step is not None and single_step not in STEPS:
            raise ValueError(f"single_step must be one of {', '.join(STEPS)}, got {single_step!r}")
        if not 0 <= start_step < len(STEPS):
            raise ValueError(f"start_step must be from 0 to {len(STEPS) - 1}, got {start_step}")
        self.single_step = single_step
        self._defaults = default_answers or OnboardingAnswers()
        self._done: set[str] = set()
        self.setObjectName("onboardingDialog")
        self.setModal(True)
        self.setStyleSheet(_STYLE)
        self.setMinimumSize(560, 440)
        self.resize(1040, 720)

        self.steps: list[Step] = build_steps(
            library, autostart_supported=autostart_supported, autostart_note=autostart_note
        )
        for step in self.steps:
            step.fill(self._defaults)
        self.safety_step = next(s for s in self.steps if isinstance(s, SafetyStep))
        self.plan_step = next(s for s in self.steps if isinstance(s, PlanStep))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.screens = QStackedWidget()
        outer.addWidget(self.screens)
        self._build_walk()
        self._build_skip_screen()

        if single_step is None:
            self.setWindowTitle(f"{APP_NAME}: getting started")
            self._go(start_step)
        else:
            self.setWindowTitle(f"{APP_NAME}: {self._step(single_step).title.lower()}")
            self._go(STEPS.index(single_step))

    # ------------------------------------------------------------------ building

    def _build_walk(self) -> None:
        self.walk_screen = QWidget()
        layout = QVBoxLayout(self.walk_screen)
        layout.setContentsMargins(32, 20, 32, 0)
        layout.setSpacing(8)
        self.step_label = text("", role="stepCount")
        layout.addWidget(self.step_label)
        self.track = StepTrack([step.title for step in self.steps])
        layout.addWidget(self.track)
        layout.addSpacing(6)
        self.heading_label = text("", role="heading")
        layout.addWidget(self.heading_label)
        self.pages = QStackedWidget()
        self.scrolls = [_scrolled(step) for step in self.steps]
        for scroll in self.scrolls:
            self.pages.addWidget(scroll)
        layout.addWidget(self.pages, 1)
        self.status_label = text("", role="hint", name="Progress")
        layout.addWidget(self.status_label)
        for step in self.steps:
            step.status_changed.connect(self._update_status)

        footer = QFrame()
        footer.setObjectName("onboardingFooter")
        buttons = QHBoxLayout(footer)
        buttons.setContentsMargins(0, 12, 0, 16)
        buttons.setSpacing(10)
        self.skip_button = _button("&Skip the rest", "Skip the rest of the setup")
        self.cancel_button = _button("&Cancel", "Cancel: keep the answers as they were")
        self.back_button = _button("&Back", "Back to the step before")
        self.next_button = _button("&Next", "Next step", primary=True)
        self.save_button = _button("&Save", "Save", primary=True)
        self.later_button = _button("&Later", "Finish, and start a session later")
        self.start_button = _button(
            "S&tart it now", "Finish, and start this plan now", primary=True
        )
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for button in (
            self.back_button,
            self.next_button,
            self.save_button,
            self.later_button,
            self.start_button,
        ):
            buttons.addWidget(button)
        layout.addWidget(footer)
        self.screens.addWidget(self.walk_screen)

        self.skip_button.clicked.connect(self.ask_to_skip)
        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.save_button.clicked.connect(self.go_next)
        self.later_button.clicked.connect(lambda: self._finish(start_now=False))
        self.start_button.clicked.connect(lambda: self._finish(start_now=True))
        self.plan_step.refreshed.connect(self._update_chrome)

    def _build_skip_screen(self) -> None:
        self.skip_screen = QWidget()
        layout = QVBoxLayout(self.skip_screen)
        layout.setContentsMargins(32, 28, 32, 0)
        layout.setSpacing(14)
        layout.addWidget(text(SKIP_HEADING, role="heading"))
        frame, box = card("What skipping means", tone="note")
        self.skip_text_label = text("", rich=True, name="What skipping means")
        box.addWidget(self.skip_text_label)
        layout.addWidget(frame)
        layout.addStretch(1)
        # The same footer as the steps, so the buttons stay where they were.
        footer = QFrame()
        footer.setObjectName("onboardingFooter")
        buttons = QHBoxLayout(footer)
        buttons.setContentsMargins(0, 12, 0, 16)
        buttons.setSpacing(10)
        self.keep_going_button = _button("&Go back", "Go back to the setup")
        self.confirm_skip_button = _button("&Skip the rest", "Skip the rest", primary=True)
        buttons.addWidget(self.keep_going_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_skip_button)
        layout.addWidget(footer)
        self.screens.addWidget(self.skip_screen)
        self.keep_going_button.clicked.connect(self._back_from_skip)
        self.confirm_skip_button.clicked.connect(self._skip)

    # ------------------------------------------------------------------ state

    def _step(self, name: str) -> Step:
        return next(step for step in self.steps if step.name == name)

    def current_index(self) -> int:
        return self.pages.currentIndex()

    def current_step(self) -> Step:
        return self.steps[self.current_index()]

    def showing_skip_question(self) -> bool:
        return self.screens.currentWidget() is self.skip_screen

    def answers(self) -> OnboardingAnswers:
        """Everything as the pages show it now, with the steps gone through so far."""
        answers = self._defaults
        for step in self.steps:
            answers = step.collect(answers)
        return replace(answers, steps_done=tuple(self._done), start_now=False)

    # ------------------------------------------------------------------ moving

    def _go(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        step = self.current_step()
        if step is self.plan_step:
            self.plan_step.refresh(self.answers())  # updates the buttons too
        self._update_chrome()
        self.scrolls[index].verticalScrollBar().setValue(0)
        self._focus_step()
        self._announce()

    def _announce(self) -> None:
        """Tell a screen reader where the person is now: focus alone lands on a control."""
        words = self.heading_label.text()
        if self.single_step is None:
            words = f"{self.track.accessibleName()}. {words}"
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, words))

    def _focus_step(self) -> None:
        target = self.current_step().first_focus()
        if target is None:
            target = next(
                b
                for b in (self.next_button, self.start_button, self.later_button, self.save_button)
                if not b.isHidden()
            )
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_chrome(self) -> None:
        index, step = self.current_index(), self.current_step()
        single = self.single_step is not None
        last = index == len(self.steps) - 1
        plan = step is self.plan_step
        self.step_label.setVisible(not single)
        self.track.setVisible(not single)
        self.step_label.setText(f"Step {index + 1} of {len(self.steps)}")
        self.track.set_current(index)
        self.heading_label.setText(step.heading())
        self.scrolls[index].setAccessibleName(step.heading())

        can_start = plan and self.plan_step.can_start()
        inside = isinstance(step, SafetyStep) and step.showing_advice()
        self.skip_button.setVisible(not single and not last)
        self.cancel_button.setVisible(single)
        # Single step: Back only leads from the safety advice to the answers.
        self.back_button.setVisible(inside or (not single and index > 0))
        self.next_button.setVisible(not single and not last)
        self.save_button.setVisible(single and step.name not in ("welcome", "plan"))
        self.later_button.setVisible(not single and last)
        self.start_button.setVisible(can_start)
        if single:
            # Nothing to save on these two: Close says so.
            closes = step.name in ("welcome", "plan")
            self.cancel_button.setText("&Close" if closes else "&Cancel")
            self.cancel_button.setAccessibleName("Close" if closes else self._cancel_name())
        self.later_button.setText("&Later" if can_start else "&Finish")
        self.later_button.setAccessibleName(
            "Finish, and start a session later" if can_start else "Finish"
        )
        self.later_button.setProperty("role", "secondary" if can_start else "primary")
        self.later_button.style().unpolish(self.later_button)
        self.later_button.style().polish(self.later_button)
        default = next(
            b
            for b in (
                self.start_button,
                self.next_button,
                self.save_button,
                self.later_button,
                self.cancel_button,
            )
            if not b.isHidden()
        )
        default.setDefault(True)
        self._update_status()

    def _update_status(self) -> None:
        words = self.current_step().status()
        self.status_label.setText(words)
        self.status_label.setVisible(bool(words))

    @staticmethod
    def _cancel_name() -> str:
        return "Cancel: keep the answers as they were"

    def go_to(self, step: str) -> None:
        """Show ``step`` (a name from STEPS), as if the person had walked there."""
        self._go(STEPS.index(step))

    def go_next(self) -> None:
        """Next (or Save): the step may stop it, to say what is missing or to advise."""
        step = self.current_step()
        if step.problem():
            return
        if step.before_next(self.answers()):
            self._update_chrome()
            self._focus_step()
            self._announce()
            return
        if self.single_step is not None:
            answers = replace(self.answers(), steps_done=(step.name,))
            self.step_saved.emit(answers)
            self.accept()
            return
        self._done.add(step.name)
        if self.current_index() + 1 < len(self.steps):
            self._go(self.current_index() + 1)

    def go_back(self) -> None:
        step = self.current_step()
        if step.before_back():
            self._update_chrome()
            self._focus_step()
            self._announce()
            return
        if self.single_step is None and self.current_index() > 0:
            self._go(self.current_index() - 1)

    def _finish(self, *, start_now: bool) -> None:
        if self.single_step is not None:
            answers = replace(
                self.answers(), steps_done=(self.plan_step.name,), start_now=start_now
            )
            self.step_saved.emit(answers)
            self.accept()
            return
        self._done.add(self.current_step().name)
        answers = replace(self.answers(), start_now=start_now and self.plan_step.can_start())
        self.completed.emit(answers)
        self.accept()

    # ------------------------------------------------------------------ skipping

    def ask_to_skip(self) -> None:
        if self.single_step is not None:
            return
        words = list(SKIP_KEPT)
        if self.answers().screening().unanswered:
            words.append(SKIP_SAFETY)
        self.skip_text_label.setText(bullets(words))
        self.screens.setCurrentWidget(self.skip_screen)
        self.confirm_skip_button.setDefault(True)
        self.confirm_skip_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _back_from_skip(self) -> None:
        self.screens.setCurrentWidget(self.walk_screen)
        self._update_chrome()
        self._focus_step()

    def _skip(self) -> None:
        # The step on screen counts as answered: what the person saw there is
        # what they chose (a half-answered safety screen is kept, and still
        # blocks, so the player asks again).
        self._done.add(self.current_step().name)
        answers = self.answers()
        self.skipped.emit(answers)
        super().reject()

    def reject(self) -> None:
        """Esc or the window's X: in the walk-through, ask before skipping."""
        if self.single_step is not None:
            super().reject()
        elif self.showing_skip_question():
            self._back_from_skip()
        else:
            self.ask_to_skip()
