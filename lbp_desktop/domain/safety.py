"""Safety rules: red-flag screening, the pain stop rule, heat and ice limits.

Pure Python: no Qt, no files, no clock. The rules live here and not in the
widgets so every view (and every test) applies the same ones. The wording is
plain and never names a diagnosis: it says what to do, not what the user has.
See ../shared/CLINICAL-NOTES.md for the sources of each rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lbp_desktop.domain.content import MAX_HEAT_ICE_S, Exercise

Urgency = Literal["emergency", "soon"]

# ------------------------------------------------------------------ red flags


@dataclass(frozen=True)
class RedFlagQuestion:
    id: str
    question: str
    urgency: Urgency


RED_FLAG_QUESTIONS: tuple[RedFlagQuestion, ...] = (
    # Possible nerve compression low in the spine: an emergency.
    RedFlagQuestion(
        "saddle-numbness",
        "Do you have numbness or tingling in your buttocks, inner thighs, groin or genitals?",
        "emergency",
    ),
    RedFlagQuestion(
        "bladder",
        "Have you had new trouble passing urine, or lost control of your bladder?",
        "emergency",
    ),
    RedFlagQuestion("bowel", "Have you lost control of your bowels?", "emergency"),
    RedFlagQuestion(
        "sexual-function", "Have you noticed new problems with sexual function?", "emergency"
    ),
    RedFlagQuestion(
        "both-legs", "Do you have pain, tingling or numbness going down both legs?", "emergency"
    ),
    RedFlagQuestion(
        "leg-weakness", "Is one or both of your legs very weak, or getting weaker?", "emergency"
    ),
    # Worth a doctor's look soon, before starting exercise.
    RedFlagQuestion("fever", "Do you have a fever, or feel generally unwell?", "soon"),
    RedFlagQuestion(
        "cancer-weight-loss",
        "Have you ever had cancer, or have you lost weight recently without trying?",
        "soon",
    ),
    RedFlagQuestion(
        "trauma", "Did this back pain start after a fall, an accident or another injury?", "soon"
    ),
    RedFlagQuestion(
        "immune-steroids",
        "Do you have a weakened immune system, or do you take steroid tablets?",
        "soon",
    ),
    RedFlagQuestion(
        "night-pain", "Is the pain there all night, and does resting not ease it at all?", "soon"
    ),
    RedFlagQuestion(
        "age-onset",
        "Did your back pain first start before you were 20 or after you turned 55?",
        "soon",
    ),
    RedFlagQuestion(
        "upper-back", "Is the pain mainly in your upper back, between your shoulder blades?", "soon"
    ),
)

EMERGENCY_ADVICE = (
    "Some of your answers can be a sign of a problem that needs urgent care. "
    "Please get medical help now: call your local emergency number (999 in the UK, "
    "112 in Europe, 911 in North America) or go to A&E (the emergency department). "
    "Please do not do the exercises in this app until a doctor has checked you."
)
SOON_ADVICE = (
    "Some of your answers mean a doctor should check your back soon. Please make an "
    "appointment with your GP or doctor in the next few days. Guided sessions stay "
    "off until then; you can review your answers in Settings."
)
INCOMPLETE_ADVICE = "Please answer every question so we can check it is safe to start."
CLEAR_ADVICE = (
    "Thank you. None of these warning signs apply to you. If anything on this list "
    "starts later, stop the exercises and get advice."
)


@dataclass(frozen=True)
class ScreeningResult:
    """What the answers mean for guided sessions, in plain words."""

    blocks_sessions: bool
    urgency: Urgency | None
    flagged: tuple[str, ...]
    unanswered: tuple[str, ...]
    advice: str


def screen_red_flags(answers: Mapping[str, bool]) -> ScreeningResult:
    """Any yes blocks guided sessions; an emergency answer wins over a soon one.

    Unanswered questions also block, because silence is not a safe "no".
    """
    known = {q.id for q in RED_FLAG_QUESTIONS}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(f"unknown red-flag question ids: {', '.join(unknown)}")
    flagged = tuple(q.id for q in RED_FLAG_QUESTIONS if answers.get(q.id) is True)
    unanswered = tuple(q.id for q in RED_FLAG_QUESTIONS if q.id not in answers)
    urgencies = {q.urgency for q in RED_FLAG_QUESTIONS if q.id in flagged}
    if "emergency" in urgencies:
        return ScreeningResult(True, "emergency", flagged, unanswered, EMERGENCY_ADVICE)
    if "soon" in urgencies:
        return ScreeningResult(True, "soon", flagged, unanswered, SOON_ADVICE)
    if unanswered:
        return ScreeningResult(True, None, flagged, unanswered, INCOMPLETE_ADVICE)
    return ScreeningResult(False, None, (), (), CLEAR_ADVICE)


# ------------------------------------------------------------------ stop rule

STOP_RISE = 2  # points above the pre-session score (the minimal important change)
STOP_LEVEL = 7  # pain this high stops whatever it started at


@dataclass(frozen=True)
class StopDecision:
    stop: bool
    reason: str
    pre: int
    now: int


def check_pain_score(score: int) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise ValueError(f"pain must be a whole number from 0 to 10, got {score!r}")
    return score


def should_stop(pre: int, now: int) -> StopDecision:
    """Our rule: pain at 7 or more, or 2 or more points above the start, stops."""
    check_pain_score(pre)
    check_pain_score(now)
    if now >= STOP_LEVEL:
        reason = (
            f"Your pain is {now} out of 10. At 7 or more we stop, to look after your back. "
            "Rest in a comfortable position."
        )
        return StopDecision(True, reason, pre, now)
    if now >= pre + STOP_RISE:
        reason = (
            f"Your pain went from {pre} to {now}, up {now - pre} points since you started. "
            "We stop when pain rises by 2 or more, to look after your back."
        )
        return StopDecision(True, reason, pre, now)
    return StopDecision(False, "Your pain is within the safe range; carry on gently.", pre, now)


@dataclass(frozen=True)
class TrafficLight:
    colour: Literal["green", "amber", "red"]
    text: str


def pain_traffic_light(score: int) -> TrafficLight:
    """The clinics' traffic light, as a hint only: the stop rule above decides."""
    check_pain_score(score)
    if score <= 3:
        return TrafficLight("green", "Fine: this level of pain is OK while you exercise.")
    if score <= 5:
        return TrafficLight(
            "amber",
            "Acceptable if it settles by the next morning. If it does not, do a little less "
            "next time.",
        )
    # Not "stop at 6": our own rule (7, or a rise of 2) decides when to stop.
    return TrafficLight(
        "red",
        "This is high. Go gently; the session stops at 7, or if pain rises 2 points "
        "above where you started.",
    )


GENTLE_PLAN_ID = "gentle-start"


@dataclass(frozen=True)
class StepDown:
    plan_id: str
    text: str


def step_down_after_stop(current_plan_id: str) -> StepDown:
    """What to suggest for next time after the stop rule fired."""
    if current_plan_id == GENTLE_PLAN_ID:
        text = (
            "Next time, try the Gentle start plan again once your pain has settled. "
            "If it keeps getting worse, or is no better after about 2 weeks, ask your GP "
            "or a physiotherapist for advice."
        )
    else:
        text = (
            "Next time, we suggest the Gentle start plan, with easier movements. "
            "If your pain keeps getting worse, ask your GP or a physiotherapist."
        )
    return StepDown(GENTLE_PLAN_ID, text)


# ---------------------------------------------------------------- heat and ice

HEAT_ICE_CAP_S = float(MAX_HEAT_ICE_S)


@dataclass(frozen=True)
class CappedInterval:
    seconds: float
    capped: bool
    text: str


def cap_heat_ice_s(requested_s: float, category: str = "heat") -> CappedInterval:
    """The hard cap of 20 minutes, whatever a plan or a user asks for."""
    if requested_s <= HEAT_ICE_CAP_S:
        return CappedInterval(float(requested_s), False, "")
    word = "Ice" if category == "ice" else "Heat"
    text = (
        f"The plan asked for {requested_s / 60:g} minutes. {word} is limited to "
        f"{HEAT_ICE_CAP_S / 60:g} minutes at a time, to protect your skin."
    )
    return CappedInterval(HEAT_ICE_CAP_S, True, text)


@dataclass(frozen=True)
class ContraindicationQuestion:
    id: str
    question: str


HEAT_ICE_QUESTIONS: tuple[ContraindicationQuestion, ...] = (
    ContraindicationQuestion(
        "numb-skin", "Does the skin where the pack would go feel numb, or less than usual?"
    ),
    ContraindicationQuestion(
        "broken-skin", "Is the skin there broken, cut, blistered or irritated?"
    ),
    ContraindicationQuestion(
        "raynauds", "Do you have Raynaud's (fingers or toes that turn white in the cold)?"
    ),
    ContraindicationQuestion(
        "diabetes-neuropathy", "Do you have diabetes with nerve damage (neuropathy)?"
    ),
    ContraindicationQuestion("poor-circulation", "Do you have poor circulation?"),
)


@dataclass(frozen=True)
class HeatIceCheck:
    allowed: bool
    flagged: tuple[str, ...]
    unanswered: tuple[str, ...]
    text: str


def check_heat_ice(answers: Mapping[str, bool]) -> HeatIceCheck:
    """Any yes (or any question left open) means no heat or ice in this app."""
    known = {q.id for q in HEAT_ICE_QUESTIONS}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(f"unknown heat/ice question ids: {', '.join(unknown)}")
    flagged = tuple(q.id for q in HEAT_ICE_QUESTIONS if answers.get(q.id) is True)
    unanswered = tuple(q.id for q in HEAT_ICE_QUESTIONS if q.id not in answers)
    if flagged:
        text = (
            "Heat and ice are not safe for you to use on your own with this app: they can "
            "harm skin that cannot feel them properly or does not heal well. Please ask "
            "your GP or pharmacist first. The other exercises are still fine to do."
        )
        return HeatIceCheck(False, flagged, unanswered, text)
    if unanswered:
        return HeatIceCheck(False, (), unanswered, "Please answer every question first.")
    text = (
        "You can use heat or ice. Always keep a towel between the pack and your skin, "
        "put no creams underneath, and never fall asleep with a pack on."
    )
    return HeatIceCheck(True, (), (), text)


SKIN_CHECK_TEXT = (
    "Skin check: lift the pack and look at your skin. Stop if it is very red, white, "
    "blotchy, blistered or numb."
)


def skin_check_times(exercise: Exercise, interval_s: float) -> tuple[float, ...]:
    """Seconds into the interval at which to prompt a skin check (within the cap)."""
    return exercise.skin_checks_within(min(interval_s, HEAT_ICE_CAP_S))
