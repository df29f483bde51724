"""The red-flag screen and the heat/ice check: no default answers, plain advice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from lbp_desktop.domain.safety import (
    EMERGENCY_ADVICE,
    HEAT_ICE_QUESTIONS,
    RED_FLAG_QUESTIONS,
    SOON_ADVICE,
)
from lbp_desktop.views.safety_dialogs import (
    EMERGENCY_HEADING,
    NOT_CLEAR,
    SOON_HEADING,
    HeatIceCheckDialog,
    SafetyScreenDialog,
    run_heat_ice_check,
    run_safety_screen,
)

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
ALL_NO = {q.id: False for q in RED_FLAG_QUESTIONS}


def _shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.open()  # window-modal, returns at once: nothing blocks the test
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _answer(dialog: SafetyScreenDialog | HeatIceCheckDialog, answers: dict[str, bool]) -> None:
    for row in dialog.rows:
        if row.question_id in answers:
            (row.yes_button if answers[row.question_id] else row.no_button).click()


def _save(widget: QWidget, name: str) -> None:
    widget.resize(1100, 760)
    QApplication.processEvents()
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def test_continue_waits_for_every_answer(qtbot) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog())
    assert all(row.answer() is None for row in dialog.rows)  # no default answer
    assert dialog.answers() == {}
    assert not dialog.continue_button.isEnabled()
    assert f"0 of {len(RED_FLAG_QUESTIONS)} answered" in dialog.progress_label.text()
    partial = dict(list(ALL_NO.items())[:-1])
    _answer(dialog, partial)
    assert not dialog.continue_button.isEnabled()
    assert dialog.result_screening() is None
    last = RED_FLAG_QUESTIONS[-1].id
    _answer(dialog, {last: False})
    assert dialog.continue_button.isEnabled()
    assert "Every question is answered" in dialog.progress_label.text()


def test_disclaimer_says_what_the_app_is_and_is_not(qtbot) -> None:
    dialog = SafetyScreenDialog()
    qtbot.addWidget(dialog)
    text = dialog.intro_label.text()
    assert "exercises" in text
    assert "diary" in text
    assert "not a substitute for a doctor" in text
    assert "cannot tell you what is causing your pain" in text


def test_all_no_accepts_as_clear(qtbot) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog())
    _answer(dialog, ALL_NO)
    with qtbot.waitSignal(dialog.accepted):
        dialog.continue_button.click()
    result = dialog.result_screening()
    assert result is not None
    assert not result.blocks_sessions
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.answers() == ALL_NO


@pytest.mark.parametrize(
    "question", [q for q in RED_FLAG_QUESTIONS if q.urgency == "emergency"], ids=lambda q: q.id
)
def test_any_emergency_yes_shows_urgent_advice(qtbot, question) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog())
    _answer(dialog, {**ALL_NO, question.id: True})
    dialog.continue_button.click()
    assert dialog.isVisible()  # not accepted: the advice stays on screen
    assert dialog.showing_result()
    result = dialog.result_screening()
    assert result is not None
    assert result.blocks_sessions
    assert result.urgency == "emergency"
    assert dialog.result_heading.text() == EMERGENCY_HEADING
    text = dialog.result_text.text()
    assert "emergency number" in text
    assert question.question in text
    assert "paused until your answers change" in text
    assert "Settings" in text
    assert dialog.close_button.hasFocus()
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert dialog.result() == NOT_CLEAR
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_soon_answer_says_see_a_doctor_soon_once(qtbot) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog())
    _answer(dialog, {**ALL_NO, "fever": True})
    dialog.continue_button.click()
    result = dialog.result_screening()
    assert result is not None and result.urgency == "soon" and result.blocks_sessions
    assert dialog.result_heading.text() == SOON_HEADING
    text = dialog.result_text.text()
    assert SOON_ADVICE.split(".")[0] in text
    assert text.count("Settings") == 1  # said once, not twice


def test_emergency_wins_and_escape_closes_as_not_clear(qtbot) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog())
    _answer(dialog, {**ALL_NO, "fever": True, "bladder": True})
    dialog.continue_button.click()
    assert dialog.result_heading.text() == EMERGENCY_HEADING
    assert EMERGENCY_ADVICE.split(".")[0] in dialog.result_text.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == NOT_CLEAR


def test_back_to_answers_after_a_slip(qtbot) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog())
    _answer(dialog, {**ALL_NO, "bowel": True})
    dialog.continue_button.click()
    dialog.back_button.click()
    assert not dialog.showing_result()
    assert dialog.result_screening() is None
    _answer(dialog, {"bowel": False})
    with qtbot.waitSignal(dialog.accepted):
        dialog.continue_button.click()
    result = dialog.result_screening()
    assert result is not None and not result.blocks_sessions


def test_previous_answers_are_filled_in(qtbot) -> None:
    previous = {**ALL_NO, "trauma": True, "retired-question": True}
    dialog = SafetyScreenDialog(previous)
    qtbot.addWidget(dialog)
    expected = {k: v for k, v in previous.items() if k in ALL_NO}
    assert dialog.answers() == expected
    assert dialog.continue_button.isEnabled()
    rows = {row.question_id: row for row in dialog.rows}
    assert rows["trauma"].yes_button.isChecked()
    assert rows["bladder"].no_button.isChecked()


def test_partial_previous_answers_still_need_the_rest(qtbot) -> None:
    dialog = SafetyScreenDialog({"fever": False})
    qtbot.addWidget(dialog)
    assert dialog.answers() == {"fever": False}
    assert not dialog.continue_button.isEnabled()


@pytest.mark.parametrize("make", [SafetyScreenDialog, lambda: HeatIceCheckDialog("ice")])
def test_every_control_has_an_accessible_name(qtbot, make) -> None:
    dialog = make()
    qtbot.addWidget(dialog)
    buttons = dialog.findChildren(QAbstractButton)
    assert len(buttons) >= 2 * len(dialog.rows) + 4
    for button in buttons:
        assert button.accessibleName(), button.text()
    names = [b.accessibleName() for b in buttons]
    assert len(names) == len(set(names))  # a screen reader can tell them apart
    for row in dialog.rows:
        assert row.yes_button.accessibleName().startswith("Yes: ")
        assert row.no_button.accessibleName().startswith("No: ")
        assert row.accessibleName()


def test_keyboard_only_answers_and_continues(qtbot) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog())
    assert dialog.rows[0].yes_button.hasFocus()

    def key(k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget(), k, modifier)

    for index, row in enumerate(dialog.rows):
        assert row.yes_button.hasFocus()
        key(Qt.Key.Key_Tab)
        assert row.no_button.hasFocus()
        key(Qt.Key.Key_Space)
        assert row.answer() is False
        if index + 1 < len(dialog.rows):
            key(Qt.Key.Key_Tab)
    assert dialog.continue_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        key(Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # the &Continue mnemonic
    result = dialog.result_screening()
    assert result is not None and not result.blocks_sessions


def test_keyboard_yes_then_close(qtbot) -> None:
    dialog = _shown(qtbot, SafetyScreenDialog({**ALL_NO}))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Yes to the first question
    assert dialog.rows[0].answer() is True
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    # A mnemonic "animates" the click, so it lands a moment later.
    qtbot.waitUntil(dialog.showing_result)
    assert dialog.close_button.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert dialog.result() == NOT_CLEAR


def test_run_safety_screen_helper(qtbot, monkeypatch) -> None:
    def answer_all_no(self: SafetyScreenDialog) -> int:
        _answer(self, ALL_NO)
        self.continue_button.click()
        return self.result()

    monkeypatch.setattr(SafetyScreenDialog, "exec", answer_all_no)
    outcome = run_safety_screen(None, None)
    assert outcome is not None
    answers, result = outcome
    assert answers == ALL_NO
    assert not result.blocks_sessions


def test_run_safety_screen_blocked_and_cancelled(qtbot, monkeypatch) -> None:
    def say_yes_then_close(self: SafetyScreenDialog) -> int:
        _answer(self, {**ALL_NO, "leg-weakness": True})
        self.continue_button.click()
        self.close_button.click()
        return self.result()

    monkeypatch.setattr(SafetyScreenDialog, "exec", say_yes_then_close)
    outcome = run_safety_screen(ALL_NO, None)
    assert outcome is not None
    assert outcome[0]["leg-weakness"] is True
    assert outcome[1].blocks_sessions and outcome[1].urgency == "emergency"

    def not_now(self: SafetyScreenDialog) -> int:
        self.cancel_button.click()
        return self.result()

    monkeypatch.setattr(SafetyScreenDialog, "exec", not_now)
    assert run_safety_screen(ALL_NO, None) is None


def test_run_safety_screen_really_modal(qtbot) -> None:
    # The real exec(), driven from inside its own event loop.
    def click_through() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SafetyScreenDialog)
        dialog.continue_button.click()

    QTimer.singleShot(0, click_through)
    outcome = run_safety_screen(ALL_NO, None)
    assert outcome is not None and not outcome[1].blocks_sessions


# ------------------------------------------------------------------ heat and ice

HEAT_ALL_NO = {q.id: False for q in HEAT_ICE_QUESTIONS}


@pytest.mark.parametrize("kind", ["heat", "ice"])
def test_heat_ice_reminders_and_all_no(qtbot, kind) -> None:
    dialog = _shown(qtbot, HeatIceCheckDialog(kind))
    assert len(dialog.rows) == 5
    assert not dialog.continue_button.isEnabled()
    reminders = dialog.after_label.text()
    for words in ("towel between the pack and your skin", "no creams", "Check your skin", "20"):
        assert words in reminders
    assert ("heating pad" in reminders) == (kind == "heat")
    assert "asleep" in reminders or "sleep" in reminders
    _answer(dialog, HEAT_ALL_NO)
    with qtbot.waitSignal(dialog.accepted):
        dialog.continue_button.click()
    check = dialog.check()
    assert check is not None and check.allowed
    assert dialog.answers() == HEAT_ALL_NO


@pytest.mark.parametrize("question", HEAT_ICE_QUESTIONS, ids=lambda q: q.id)
def test_heat_ice_any_yes_is_not_advised(qtbot, question) -> None:
    dialog = _shown(qtbot, HeatIceCheckDialog("heat"))
    _answer(dialog, {**HEAT_ALL_NO, question.id: True})
    dialog.continue_button.click()
    assert dialog.isVisible() and dialog.showing_result()
    check = dialog.check()
    assert check is not None and not check.allowed
    assert dialog.result_heading.text() == "A heat pack is not advised for you"
    text = dialog.result_text.text()
    assert "GP or pharmacist" in text
    assert "without the heat step" in text
    assert question.question.replace("'", "&#x27;") in text
    dialog.close_button.click()
    assert dialog.result() == NOT_CLEAR


def test_heat_ice_helper(qtbot, monkeypatch) -> None:
    def yes_to_raynauds(self: HeatIceCheckDialog) -> int:
        _answer(self, {**HEAT_ALL_NO, "raynauds": True})
        self.continue_button.click()
        self.close_button.click()
        return self.result()

    monkeypatch.setattr(HeatIceCheckDialog, "exec", yes_to_raynauds)
    outcome = run_heat_ice_check("ice", None)
    assert outcome is not None
    assert outcome[0]["raynauds"] is True
    assert not outcome[1].allowed

    monkeypatch.setattr(HeatIceCheckDialog, "exec", lambda self: self.reject() or self.result())
    assert run_heat_ice_check("heat", None) is None


def test_heat_ice_kind_is_checked() -> None:
    with pytest.raises(ValueError, match="heat"):
        HeatIceCheckDialog("steam")  # type: ignore[arg-type]


# ------------------------------------------------------------------ pictures


def test_screenshots(qtbot) -> None:
    screen = _shown(qtbot, SafetyScreenDialog())
    _answer(screen, dict(list(ALL_NO.items())[:4]))
    _save(screen, "safety-screen")

    blocked = _shown(qtbot, SafetyScreenDialog())
    _answer(blocked, {**ALL_NO, "bladder": True, "fever": True})
    blocked.continue_button.click()
    _save(blocked, "safety-screen-blocked")

    heat = _shown(qtbot, HeatIceCheckDialog("heat"))
    _answer(heat, {"numb-skin": False, "broken-skin": False})
    _save(heat, "heat-ice-check")

    heat_no = _shown(qtbot, HeatIceCheckDialog("ice"))
    _answer(heat_no, {**HEAT_ALL_NO, "raynauds": True})
    heat_no.continue_button.click()
    _save(heat_no, "heat-ice-check-not-advised")
    for name in ("safety-screen", "safety-screen-blocked", "heat-ice-check"):
        assert (SHOTS / f"{name}.png").stat().st_size > 10_000


def test_yes_and_no_exclude_each_other_and_stay_chosen(qtbot) -> None:
    dialog = SafetyScreenDialog()
    qtbot.addWidget(dialog)
    row = dialog.rows[0]
    row.yes_button.click()
    assert row.answer() is True
    row.yes_button.click()  # choosing it again does not clear the answer
    assert row.answer() is True
    row.no_button.click()
    assert row.answer() is False
    assert not row.yes_button.isChecked()
