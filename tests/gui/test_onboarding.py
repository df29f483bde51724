"""The first-run onboarding: walked by keyboard and mouse, skipped, red flags, one step."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)
from shots import not_blank, save_shot

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.onboarding import (
    SETTING_REMINDERS,
    SETTING_SAFETY_SCREEN,
    STEP_GOALS,
    STEP_PACKS,
    STEP_PLAN,
    STEP_REMINDERS,
    STEP_SAFETY,
    STEP_WELCOME,
    STEPS,
    OnboardingAnswers,
    follow_ups,
    stored_changes,
)
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.domain.safety import EMERGENCY_ADVICE, GENTLE_PLAN_ID, RED_FLAG_QUESTIONS
from lbp_desktop.views.onboarding import OnboardingDialog
from lbp_desktop.views.safety_dialogs import EMERGENCY_HEADING, SOON_HEADING
from lbp_desktop.views.theme import apply_theme

ALL_NO = {q.id: False for q in RED_FLAG_QUESTIONS}
NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


class Seen:
    """Every answer the dialog emitted, by signal."""

    def __init__(self, dialog: OnboardingDialog) -> None:
        self.completed: list[OnboardingAnswers] = []
        self.skipped: list[OnboardingAnswers] = []
        self.saved: list[OnboardingAnswers] = []
        dialog.completed.connect(self.completed.append)
        dialog.skipped.connect(self.skipped.append)
        dialog.step_saved.connect(self.saved.append)

    def total(self) -> int:
        return len(self.completed) + len(self.skipped) + len(self.saved)


def _shown(qtbot, dialog: OnboardingDialog) -> OnboardingDialog:
    qtbot.addWidget(dialog)
    dialog.open()  # window-modal, returns at once
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _key(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _answer(dialog: OnboardingDialog, answers: dict[str, bool]) -> None:
    for row in dialog.safety_step.rows:
        if row.question_id in answers:
            (row.yes_button if answers[row.question_id] else row.no_button).click()


@pytest.fixture
def dialog(qtbot, library: ContentLibrary) -> OnboardingDialog:
    return _shown(qtbot, OnboardingDialog(library))


# ------------------------------------------------------------------ the whole walk


def test_walk_every_step_by_keyboard_and_mouse(qtbot, dialog: OnboardingDialog) -> None:
    seen = Seen(dialog)
    assert dialog.current_step().name == STEP_WELCOME
    assert dialog.step_label.text() == "Step 1 of 6"
    assert dialog.track.accessibleName() == "Step 1 of 6: Welcome"
    assert dialog.next_button.hasFocus() and dialog.next_button.isDefault()
    assert not dialog.back_button.isVisible()
    _key(qtbot, Qt.Key.Key_Return)

    # 2. Safety: Tab to each No and press Space, then Enter.
    assert dialog.current_step().name == STEP_SAFETY
    assert dialog.status_label.text().startswith("0 of 13 answered")
    rows = dialog.safety_step.rows
    for index, row in enumerate(rows):
        assert row.yes_button.hasFocus(), index
        _key(qtbot, Qt.Key.Key_Tab)
        _key(qtbot, Qt.Key.Key_Space)
        assert row.answer() is False
        if index + 1 < len(rows):
            _key(qtbot, Qt.Key.Key_Tab)
    assert dialog.status_label.text() == "Every question is answered. Thank you."
    _key(qtbot, Qt.Key.Key_Return)

    # 3. Goals: the suggested 5 has the focus; Up picks 3; the evening by mouse.
    goals = dialog.steps[2]
    assert dialog.current_step() is goals
    assert goals.goal_radios[5].isChecked() and goals.goal_radios[5].hasFocus()
    _key(qtbot, Qt.Key.Key_Up)
    assert goals.goal_radios[3].isChecked()
    qtbot.mouseClick(goals.time_radios[time(19, 0)], Qt.MouseButton.LeftButton)
    _key(qtbot, Qt.Key.Key_Return)

    # 4. Reminders: type 45 minutes; no quiet hours; start with the computer.
    reminders = dialog.steps[3]
    assert dialog.current_step() is reminders and reminders.interval_spin.hasFocus()
    _key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(reminders.interval_spin, "45")
    qtbot.mouseClick(reminders.quiet_off_radio, Qt.MouseButton.LeftButton)
    assert not reminders.quiet_start_edit.isEnabled()
    qtbot.mouseClick(reminders.autostart_yes_radio, Qt.MouseButton.LeftButton)
    _key(qtbot, Qt.Key.Key_Return)

    # 5. Packs: Space on "Yes" for heat, Tab across to "No" for cold.
    packs = dialog.steps[4]
    assert dialog.current_step() is packs and packs.heat_row.buttons["yes"].hasFocus()
    _key(qtbot, Qt.Key.Key_Space)
    for _ in range(4):
        _key(qtbot, Qt.Key.Key_Tab)
    assert packs.cold_row.buttons["no"].hasFocus()
    _key(qtbot, Qt.Key.Key_Space)
    _key(qtbot, Qt.Key.Key_Return)

    # 6. The plan, with its length and why; Enter starts it.
    plan = dialog.plan_step
    assert dialog.current_step() is plan
    assert plan.name_label.text() == "Gentle start"
    assert plan.length_label.text().startswith("About ")
    assert "Heat and relax" in plan.also_label.text()  # they have a heat pack
    assert "Ice interval" not in plan.also_label.text()  # and no cold pack
    assert dialog.start_button.isVisible() and dialog.start_button.isDefault()
    assert dialog.status_label.text() == "Start it now, or later when it suits you."
    assert dialog.later_button.text() == "&Later"
    assert not dialog.skip_button.isVisible() and not dialog.next_button.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        _key(qtbot, Qt.Key.Key_Return)

    assert seen.skipped == [] and seen.saved == []
    [answers] = seen.completed
    assert answers == OnboardingAnswers(
        sessions_per_week=3,
        preferred_time=time(19, 0),
        reminders=ReminderSettings(interval_min=45, quiet_start=None, quiet_end=None),
        start_on_login=True,
        heat_pack=True,
        cold_pack=False,
        safety=ALL_NO,
        chosen_plan=GENTLE_PLAN_ID,
        start_now=True,
        steps_done=STEPS,
    )
    changes = stored_changes(answers, NOW)
    assert changes[SETTING_SAFETY_SCREEN]["blocks"] is False
    assert follow_ups(answers).start_plan == GENTLE_PLAN_ID


def test_back_keeps_answers_and_later_does_not_start(qtbot, dialog: OnboardingDialog) -> None:
    seen = Seen(dialog)
    dialog.next_button.click()
    _answer(dialog, ALL_NO)
    dialog.next_button.click()
    dialog.steps[2].goal_none_radio.click()
    dialog.next_button.click()
    dialog.back_button.click()
    assert dialog.current_step().name == STEP_GOALS
    assert dialog.steps[2].goal_none_radio.isChecked()
    for _ in range(4):
        dialog.next_button.click()
    assert dialog.current_step().name == STEP_PLAN
    with qtbot.waitSignal(dialog.accepted):
        dialog.later_button.click()
    [answers] = seen.completed
    assert answers.sessions_per_week == 0  # "no fixed plan"
    assert answers.start_now is False
    assert follow_ups(answers).start_plan is None


def test_alt_keys_move_between_steps(qtbot, dialog: OnboardingDialog) -> None:
    # A mnemonic "animates" the click: the button fires a moment later.
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(dialog, Qt.Key.Key_N, alt)
    qtbot.waitUntil(lambda: dialog.current_step().name == STEP_SAFETY)
    qtbot.keyClick(dialog, Qt.Key.Key_B, alt)
    qtbot.waitUntil(lambda: dialog.current_step().name == STEP_WELCOME)
    qtbot.keyClick(dialog, Qt.Key.Key_S, alt)
    qtbot.waitUntil(dialog.showing_skip_question)
    qtbot.keyClick(dialog, Qt.Key.Key_G, alt)  # Go back
    qtbot.waitUntil(lambda: not dialog.showing_skip_question())
    assert dialog.next_button.hasFocus()


def test_quiet_hours_must_differ_before_next(qtbot, dialog: OnboardingDialog) -> None:
    for _ in range(3):
        dialog.next_button.click()
    reminders = dialog.steps[3]
    assert reminders.quiet_on_radio.isChecked()
    reminders.quiet_end_edit.setTime(reminders.quiet_start_edit.time())
    dialog.next_button.click()
    assert dialog.current_step() is reminders
    assert reminders.quiet_feedback_label.isVisible()
    assert "different times" in reminders.quiet_feedback_label.text()
    qtbot.mouseClick(reminders.quiet_off_radio, Qt.MouseButton.LeftButton)
    assert not reminders.quiet_feedback_label.isVisible()
    dialog.next_button.click()
    assert dialog.current_step().name == STEP_PACKS


# ------------------------------------------------------------------ skipping


def test_skip_at_the_safety_step_keeps_what_was_answered(qtbot, dialog) -> None:
    seen = Seen(dialog)
    dialog.next_button.click()
    _answer(dialog, {"saddle-numbness": False, "bladder": False})
    _key(qtbot, Qt.Key.Key_Escape)  # Esc asks first; nothing is emitted yet
    assert dialog.showing_skip_question() and dialog.isVisible()
    assert seen.total() == 0
    said = dialog.skip_text_label.text()
    assert "What you have answered so far is kept." in said
    assert "still ask the safety questions" in said  # some are open
    assert dialog.confirm_skip_button.hasFocus()

    _key(qtbot, Qt.Key.Key_Escape)  # Esc again: back where they were
    assert not dialog.showing_skip_question()
    assert dialog.current_step().name == STEP_SAFETY
    assert dialog.safety_step.answers() == {"saddle-numbness": False, "bladder": False}

    dialog.skip_button.click()
    with qtbot.waitSignal(dialog.rejected):
        _key(qtbot, Qt.Key.Key_Return)
    assert seen.completed == [] and seen.saved == []
    [answers] = seen.skipped
    assert answers.steps_done == (STEP_WELCOME, STEP_SAFETY)
    assert dict(answers.safety) == {"saddle-numbness": False, "bladder": False}
    changes = stored_changes(answers, NOW, outcome="skipped")
    assert changes[SETTING_SAFETY_SCREEN]["blocks"] is True  # the player asks the rest
    assert SETTING_REMINDERS not in changes


def test_closing_the_window_asks_to_skip(qtbot, dialog: OnboardingDialog) -> None:
    seen = Seen(dialog)
    dialog.close()
    assert dialog.isVisible() and dialog.showing_skip_question()
    dialog.keep_going_button.click()
    assert dialog.current_step().name == STEP_WELCOME and dialog.next_button.hasFocus()
    assert seen.total() == 0


# ------------------------------------------------------------------ red flags


def test_a_yes_shows_the_advice_and_the_person_can_still_finish(qtbot, dialog) -> None:
    seen = Seen(dialog)
    dialog.next_button.click()
    _answer(dialog, {**ALL_NO, "bladder": True})
    dialog.next_button.click()
    safety = dialog.safety_step
    assert dialog.current_step() is safety and safety.showing_advice()
    assert dialog.heading_label.text() == EMERGENCY_HEADING
    advice = safety.advice_label.text()
    assert EMERGENCY_ADVICE.split(".")[0] in advice
    assert "lost control of your bladder" in advice
    assert not dialog.status_label.isVisible()

    dialog.back_button.click()  # a slip? Back to the answers, still there
    assert not safety.showing_advice()
    assert dialog.heading_label.text() == safety.heading_text
    assert safety.answers()["bladder"] is True
    dialog.next_button.click()
    assert safety.showing_advice()
    dialog.next_button.click()  # read it; go on
    assert dialog.current_step().name == STEP_GOALS
    dialog.back_button.click()  # back to step 2 shows the answers, not the advice
    assert not safety.showing_advice()

    for _ in range(5):
        dialog.next_button.click()
    assert dialog.current_step() is dialog.plan_step
    assert dialog.plan_step.paused_card.isVisible()
    assert not dialog.start_button.isVisible() and not dialog.status_label.isVisible()
    assert not dialog.plan_step.note_label.isVisible()
    assert dialog.later_button.text() == "&Finish" and dialog.later_button.isDefault()
    with qtbot.waitSignal(dialog.accepted):
        _key(qtbot, Qt.Key.Key_Return)
    [answers] = seen.completed
    assert answers.has_red_flag() and answers.start_now is False
    assert stored_changes(answers, NOW)[SETTING_SAFETY_SCREEN]["blocks"] is True
    assert follow_ups(answers).start_plan is None


def test_a_soon_answer_says_see_a_doctor_soon(qtbot, dialog: OnboardingDialog) -> None:
    dialog.next_button.click()
    _answer(dialog, {**ALL_NO, "night-pain": True})
    dialog.next_button.click()
    assert dialog.heading_label.text() == SOON_HEADING
    assert dialog.safety_step.advice_label.text().count("Settings") == 1


# ------------------------------------------------------------------ one step from Settings


def test_single_step_saves_only_that_step(qtbot, library: ContentLibrary) -> None:
    defaults = OnboardingAnswers(
        reminders=ReminderSettings(interval_min=60), start_on_login=True, sessions_per_week=4
    )
    dialog = _shown(qtbot, OnboardingDialog(library, defaults, single_step=STEP_REMINDERS))
    seen = Seen(dialog)
    step = dialog.current_step()
    assert step.name == STEP_REMINDERS
    assert not dialog.track.isVisible() and not dialog.step_label.isVisible()
    assert not dialog.next_button.isVisible() and not dialog.skip_button.isVisible()
    assert dialog.save_button.isVisible() and dialog.save_button.isDefault()
    assert dialog.cancel_button.text() == "&Cancel"
    assert step.interval_spin.value() == 60 and step.autostart_yes_radio.isChecked()
    step.interval_spin.setValue(20)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    [answers] = seen.saved
    assert answers.steps_done == (STEP_REMINDERS,)
    assert answers.reminders.interval_min == 20 and answers.start_on_login is True
    assert answers.sessions_per_week == 4  # untouched, and not stored:
    assert set(stored_changes(answers, NOW, outcome="step")) == {SETTING_REMINDERS}


def test_single_step_cancel_and_escape_emit_nothing(qtbot, library: ContentLibrary) -> None:
    dialog = _shown(qtbot, OnboardingDialog(library, single_step=STEP_GOALS))
    seen = Seen(dialog)
    with qtbot.waitSignal(dialog.rejected):
        _key(qtbot, Qt.Key.Key_Escape)  # no "skip the rest?" in one step
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert seen.total() == 0


def test_single_safety_step_shows_advice_before_saving(qtbot, library: ContentLibrary) -> None:
    previous = OnboardingAnswers(safety=ALL_NO)
    dialog = _shown(qtbot, OnboardingDialog(library, previous, single_step=STEP_SAFETY))
    seen = Seen(dialog)
    assert dialog.safety_step.answers() == ALL_NO  # the stored answers, filled in
    _answer(dialog, {"fever": True})
    dialog.save_button.click()
    assert dialog.safety_step.showing_advice() and seen.total() == 0
    assert dialog.back_button.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    [answers] = seen.saved
    assert answers.steps_done == (STEP_SAFETY,) and answers.safety["fever"] is True


def test_single_plan_step_offers_start_or_close(qtbot, library: ContentLibrary) -> None:
    answers = OnboardingAnswers(safety=ALL_NO)
    dialog = _shown(qtbot, OnboardingDialog(library, answers, single_step=STEP_PLAN))
    seen = Seen(dialog)
    assert dialog.cancel_button.text() == "&Close" and not dialog.save_button.isVisible()
    assert dialog.start_button.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        dialog.start_button.click()
    [saved] = seen.saved
    assert saved.start_now and saved.chosen_plan == GENTLE_PLAN_ID
    assert follow_ups(saved).start_plan == GENTLE_PLAN_ID


def test_bad_arguments_are_refused(qtbot, library: ContentLibrary) -> None:
    with pytest.raises(ValueError):
        OnboardingDialog(library, single_step="tea")
    with pytest.raises(ValueError):
        OnboardingDialog(library, start_step=6)


def test_start_step_opens_there(qtbot, library: ContentLibrary) -> None:
    dialog = _shown(qtbot, OnboardingDialog(library, start_step=4))
    assert dialog.current_step().name == STEP_PACKS
    assert dialog.step_label.text() == "Step 5 of 6"


def test_no_start_on_login_where_it_is_not_available(qtbot, library: ContentLibrary) -> None:
    defaults = OnboardingAnswers(start_on_login=True)
    dialog = OnboardingDialog(
        library, defaults, autostart_supported=False, autostart_note="Not on this desktop."
    )
    qtbot.addWidget(dialog)
    step = dialog.steps[3]
    assert not step.autostart_yes_radio.isEnabled()
    assert step.autostart_note_label.text() == "Not on this desktop."
    assert dialog.answers().start_on_login is False


# ------------------------------------------------------------------ access and fit


def test_every_control_has_a_distinct_accessible_name(qtbot, dialog: OnboardingDialog) -> None:
    controls = [
        w for w in dialog.findChildren(QWidget) if isinstance(w, QAbstractButton | QAbstractSpinBox)
    ]
    assert len(controls) > 2 * len(RED_FLAG_QUESTIONS) + 20
    names = [w.accessibleName() for w in controls]
    assert all(names), [w.text() for w in controls if not w.accessibleName()]  # type: ignore[attr-defined]
    assert len(names) == len(set(names))


def test_the_keys_match_their_owners() -> None:
    from lbp_desktop import companion, controller

    assert SETTING_REMINDERS == companion.SETTING_REMINDERS
    assert SETTING_SAFETY_SCREEN == controller.SETTING_SAFETY_SCREEN


@pytest.mark.parametrize("size", [(1040, 720), (560, 440)])
def test_every_step_fits_without_clipping(qtbot, library: ContentLibrary, size) -> None:
    dialog = _shown(qtbot, OnboardingDialog(library, OnboardingAnswers(safety=ALL_NO)))
    dialog.resize(*size)
    for index, name in enumerate(STEPS):
        dialog.go_to(name)
        QApplication.processEvents()
        scroll = dialog.scrolls[index]
        # Words wrap, and only the height scrolls: nothing is cut off at the side.
        assert scroll.widget().width() <= scroll.viewport().width()
        for label in dialog.steps[index].findChildren(QLabel):
            if label.isVisibleTo(dialog):
                right = label.mapTo(scroll.widget(), label.rect().topRight()).x()
                assert right <= scroll.viewport().width(), label.text()
        for button in (dialog.next_button, dialog.later_button, dialog.start_button):
            if button.isVisible():
                corner = button.mapTo(dialog, button.rect().bottomRight())
                assert dialog.rect().contains(corner)
    goals = dialog.steps[2]
    dialog.go_to(STEP_GOALS)
    QApplication.processEvents()
    side_by_side = goals.columns.direction() == goals.columns.Direction.LeftToRight
    assert side_by_side is (size[0] >= 1000)


# ------------------------------------------------------------------ pictures


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp) -> Iterator[str]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "system")


def test_screenshots_of_every_step(qtbot, library: ContentLibrary, scheme: str) -> None:
    dialog = _shown(qtbot, OnboardingDialog(library))
    dialog.resize(1040, 720)

    def shot(name: str) -> None:
        assert not_blank(save_shot(dialog, f"onboarding-{name}-{scheme}"))

    shot("1-welcome")
    dialog.next_button.click()
    _answer(dialog, dict(list(ALL_NO.items())[:4]))
    shot("2-safety")
    _answer(dialog, {**ALL_NO, "fever": True})
    dialog.next_button.click()
    shot("2-safety-advice")
    dialog.back_button.click()
    _answer(dialog, ALL_NO)
    dialog.next_button.click()
    shot("3-goals")
    dialog.next_button.click()
    shot("4-reminders")
    dialog.next_button.click()
    dialog.steps[4].heat_row.buttons["yes"].click()
    dialog.steps[4].cold_row.buttons["unsure"].click()
    shot("5-packs")
    dialog.next_button.click()
    shot("6-plan")
    dialog.go_back()
    dialog.ask_to_skip()
    shot("skip")
    dialog.keep_going_button.click()

    blocked = _shown(qtbot, OnboardingDialog(library, OnboardingAnswers(safety={"trauma": True})))
    blocked.resize(1040, 720)
    blocked.go_to(STEP_PLAN)
    assert not_blank(save_shot(blocked, f"onboarding-6-plan-paused-{scheme}"))

    single = _shown(qtbot, OnboardingDialog(library, single_step=STEP_PACKS))
    single.resize(1040, 720)
    assert not_blank(save_shot(single, f"onboarding-single-packs-{scheme}"))

    small = _shown(qtbot, OnboardingDialog(library, start_step=2))
    small.resize(560, 440)
    assert not_blank(save_shot(small, f"onboarding-3-goals-small-{scheme}"))
