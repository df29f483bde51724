"""Step 6: the suggested first plan, its length, and why this one."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.onboarding import STEP_PLAN, FirstPlan, OnboardingAnswers, first_plan
from lbp_desktop.views.onboarding.base import Step, column
from lbp_desktop.views.onboarding.parts import bullets, card, text
from lbp_desktop.views.plan_view import minutes_words, plan_view

PLAN_OTHERS = "You can choose a different plan at any time on the Session page."
PLAN_PAUSED_TITLE = "Guided sessions are paused for now"
PLAN_PAUSED = (
    "This is because of your answers to the safety questions. Please follow the advice "
    "you were given. The plan will be here when it is safe to start; you can look at "
    "your answers again in Settings."
)
PLAN_UNANSWERED = (
    "Before your first session, the app will ask the safety questions you have not answered yet."
)
PLAN_WHEN = "Start it now, or later when it suits you."
NO_PLAN = "No plan is ready to start yet. You will find the plans on the Session page."


class PlanStep(Step):
    name = STEP_PLAN
    title = "First plan"
    heading_text = "Your first plan"
    refreshed = Signal()  # the suggestion (and whether it can start now) changed

    def __init__(self, library: ContentLibrary) -> None:
        super().__init__()
        self.library = library
        self.suggestion: FirstPlan | None = None
        self.blocked = False
        self._worked_out = False
        layout = column(self, 12)
        self.paused_card, box = card(PLAN_PAUSED_TITLE, tone="note")
        box.addWidget(text(PLAN_PAUSED_TITLE, role="cardTitle"))
        self.paused_label = text(PLAN_PAUSED, name=PLAN_PAUSED_TITLE)
        box.addWidget(self.paused_label)
        layout.addWidget(self.paused_card)

        self.plan_card, box = card("Suggested plan")
        self.name_label = text("", role="planName", name="Plan")
        self.length_label = text("", role="hint", name="Length")
        self.summary_label = text("", name="About this plan")
        self.items_label = text("", rich=True, name="Exercises")
        for label in (self.name_label, self.length_label, self.summary_label, self.items_label):
            box.addWidget(label)
        layout.addWidget(self.plan_card)
        self.reason_label = text("", name="Why this plan")
        layout.addWidget(self.reason_label)
        self.also_label = text("", role="hint", name="Heat and cold plans")
        layout.addWidget(self.also_label)
        self.note_label = text("", role="hint", name="Other plans")
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def refresh(self, answers: OnboardingAnswers) -> None:
        """Work the suggestion out again: the answers before may have changed."""
        self._worked_out = True
        self.suggestion = first_plan(self.library, answers)
        screening = answers.screening()
        self.blocked = answers.has_red_flag()
        self.paused_card.setVisible(self.blocked)
        plan = self.library.plans.get(self.suggestion.plan_id) if self.suggestion else None
        self.plan_card.setVisible(plan is not None)
        self.also_label.setVisible(False)
        self.note_label.setVisible(plan is not None)
        if plan is None or self.suggestion is None:
            self.reason_label.setText(NO_PLAN)
            self.refreshed.emit()
            return
        view = plan_view(plan, self.library)
        count = len(view.items)
        self.name_label.setText(view.name)
        self.length_label.setText(
            f"{minutes_words(view.minutes).capitalize()} \u00b7 "
            f"{count} exercise{'s' if count != 1 else ''}"
        )
        self.summary_label.setText(view.summary)
        self.items_label.setText(bullets([name for name, _dose in view.items]))
        self.plan_card.setAccessibleName(f"Suggested plan: {view.name}")
        self.reason_label.setText(self.suggestion.reason)
        self.also_label.setText(self.suggestion.also)
        self.also_label.setVisible(bool(self.suggestion.also))
        unanswered = bool(screening.unanswered) and not self.blocked
        self.note_label.setText(f"{PLAN_UNANSWERED} {PLAN_OTHERS}" if unanswered else PLAN_OTHERS)
        self.note_label.setVisible(not self.blocked)
        self.refreshed.emit()
        self.status_changed.emit()

    def status(self) -> str:
        return PLAN_WHEN if self.can_start() else ""

    def can_start(self) -> bool:
        """ "Start it now" is offered: there is a plan, and no answer paused sessions."""
        return self.suggestion is not None and not self.blocked

    def collect(self, answers: OnboardingAnswers) -> OnboardingAnswers:
        if not self._worked_out:
            return answers  # never shown: keep what was there
        plan_id = self.suggestion.plan_id if self.suggestion else None
        return replace(answers, chosen_plan=plan_id)
